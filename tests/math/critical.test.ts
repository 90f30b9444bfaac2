import { compileExpression } from '../../src/math/engine.js';
import { plotLab } from '../../src/math/lab.js';
import { criticalPoints1 } from '../../src/math/critical.js';
import { sample } from '../../src/math/sample.js';

// Issue 12: one list of critical points for plot. The legend's marks and the summary sentence are
// both made from it, so each mark is named in the sentence, once, and nothing is said that is not marked.

const lab = (text: string, from = -5, to = 5) => plotLab({ exprs: [compileExpression(text)], showDerivative: false, from, to, samples: 81 });

describe('the critical points of a plotted curve', () => {
  const cases: [string, { kind: string; x: number }[] | 'constant', string][] = [
    // sin on -5..5: two equally low minima, both global (neither 'a local minimum'), two equal peaks.
    ['sin(x)', [
      { kind: 'maximum', x: -Math.PI * 1.5 }, { kind: 'minimum', x: -Math.PI / 2 }, { kind: 'maximum', x: Math.PI / 2 }, { kind: 'minimum', x: Math.PI * 1.5 },
    ], 'min -1 at x = -1.571 and x = 4.712 (both global minima: equally low); max 1 at x = -4.712 and x = 1.571 (both global maxima: equally high); y from -1 to 1'],
    // x⁴ − 4x² + x: f′ = 4x³ − 8x + 1 = 0 at x ≈ −1.473 (global min), 0.126 (local max), 1.347 (local min).
    ['x^4-4x^2+x', [
      { kind: 'minimum', x: -1.4730 }, { kind: 'local-maximum', x: 0.1261 }, { kind: 'local-minimum', x: 1.3469 },
    ], 'min -5.444 at x = -1.473; another valley: -2.619 at x = 1.347; a peak (local maximum): 0.06275 at x = 0.126; y from -5.44 to 530'],
    ['5', 'constant', 'f(x) is constant: 5 for every x from -5 to 5, so no point is its single minimum'],
    ['abs(x) - abs(x)', 'constant', 'f(x) is constant: 0 for every x from -5 to 5, so no point is its single minimum'],
    // Rounding of x itself (1e-9 ± 1e-16 in five steps) is no row of valleys and peaks.
    ['(x + 1e-9) - x', 'constant', 'f(x) is constant: 1e-9 for every x from -5 to 5, so no point is its single minimum'],
    ['max(0, x)', [{ kind: 'minimum', x: -2.5 }], 'min 0 on the flat stretch from x = -5 to 0 (it reaches the edge of the range); y from 0 to 5'],
    // A tiny curve is still a curve: one minimum, not a row of ties at 'y from 0 to 0'.
    ['1e-20 * x^2', [{ kind: 'minimum', x: 0 }], 'min 0 at x = 0; y from 0 to 2.5e-19'],
    ['-x^2', [{ kind: 'lowest-edge', x: -5 }, { kind: 'maximum', x: 0 }], 'lowest -25 at x = -5, the edge of the range (no minimum inside it); max 0 at x = 0; y from -25 to 0'],
  ];

  test.each(cases)('%s', (text, want, sentence) => {
    const e = compileExpression(text);
    const shape = criticalPoints1((x) => e.evaluate(x), sample((x) => e.evaluate(x), -5, 5, 401));
    if (want === 'constant') expect(shape.kind).toBe('constant');
    else {
      expect(shape.kind).toBe('curve');
      if (shape.kind !== 'curve') return;
      expect(shape.points.map((p) => p.kind)).toEqual(want.map((w) => w.kind));
      shape.points.forEach((p, i) => expect(p.x).toBeCloseTo(want[i].x, 3));
    }
    const l = lab(text);
    expect(l.summary).toEqual([sentence]);
  });

  test.each(['sin(x)', 'x^4-4x^2+x', 'cos(x)', 'x^3 - 3x', '-x^2', 'max(abs(x) - 1, 0)', 'x^2', '5', 'floor(x)'])('%s: every mark is named in the summary at its x, once; no two marks at one place', (text) => {
    const l = lab(text);
    const sentence = l.summary[0];
    const xs = l.markers.map((m) => m.x.toFixed(3));
    expect(new Set(xs).size).toBe(xs.length);
    for (const m of l.markers) {
      // The summary names it by kind: a global minimum is never called local, nor a local one global.
      if (m.label === 'minimum') expect(sentence).toMatch(/^min /);
      if (m.label?.includes('local minimum')) expect(sentence).toMatch(/another valley|other valleys|a local minimum|local minima/);
      if (m.label === 'maximum') expect(sentence).toMatch(/max /);
      if (m.label?.includes('local maximum')) expect(sentence).toMatch(/peaks? \(local maxim/);
    }
    // As many places in the sentence as marks (a flat stretch is one mark for its two ends).
    const places = (sentence.match(/ at x = /g) ?? []).length + (sentence.match(/, x = | and x = /g) ?? []).length + (sentence.includes('flat stretch') ? 1 : 0);
    expect(places).toBe(l.markers.length);
    if (!sentence.includes('global minima')) expect(l.markers.filter((m) => m.label === 'minimum').length).toBeLessThanOrEqual(1);
    expect(sentence).not.toMatch(/global.*local minimum.*-1 at/);
  });
});
