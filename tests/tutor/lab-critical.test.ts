import { landscapeReport } from '../../src/tutor/labs.js';
import { criticalPoints1 } from '../../src/math/critical.js';
import { sample } from '../../src/math/sample.js';
import { compileExpression } from '../../src/math/engine.js';
import { formatNumber as fmt } from '../../src/math/format.js';

// Issue 12: the mini-project's sentence about f′ (where the slope is 0, which of those are minima)
// names the places the plot marks, and no others: one list of critical points (math/critical.ts)
// for the chart's marks, its summary and the tutor's words, so they never disagree about the minima.

const cases: [string, number, number][] = [
  ['x^4 - 4x^2 + x', -2.5, 2.5],
  ['(x - 2)^2 + 1', -2, 6],
  ['sin(x)', -5, 5],
  ['abs(x)', -5, 5],
  ['x^3 - 3x', -5, 5],
  // A flat bottom: f′ is 0 all along it (the bisection of f′'s samples named 158 'minima').
  ['abs(x - 1) + abs(x + 1)', -5, 5],
  // f′ = 0 at 0 and no valley: the plot marks it as flat, and the sentence says it is no minimum.
  ['x^3', -5, 5],
  // The lowest point is the range's edge: the plot says no minimum inside, and so does the sentence.
  ['x^2', 0, 5],
  ['x + sin(x)', -5, 5],
];

describe('the tutor names the minima the plot marks', () => {
  test.each(cases)('%s on %d..%d', async (text, from, to) => {
    const land = await landscapeReport(text, from, to, { width: 80, colors: false });
    // The plot's list, as calc-ml plot makes it (from its fine sampling of 401 points).
    const e = compileExpression(text);
    const shape = criticalPoints1((x) => e.evaluate(x), sample((x) => e.evaluate(x), from, to, 401));
    expect(shape.kind).toBe('curve');
    if (shape.kind !== 'curve') return;
    const atX = (x: number) => fmt(Math.abs(x) < 1e-6 * (to - from) ? 0 : x, 4);
    const marked = shape.points.flatMap((p) => (p.flat ? [atX(p.flat.from), atX(p.flat.to)] : [atX(p.x)]));
    const sentence = land.text.split('\n').find((l) => l.startsWith("f'("))!;
    expect(sentence).toBeDefined();
    const named = [...sentence.matchAll(/ (?:x =|to) (-?\d+(?:\.\d+)?(?:e-?\d+)?)/g)].map((m) => m[1]);
    expect(named.sort()).toEqual([...marked].sort());
    const minima = shape.points.filter((p) => p.kind === 'minimum' || p.kind === 'local-minimum');
    const said = /that is the minimum|one of these is a minimum/.test(sentence) ? 1 : Number(sentence.match(/(\d+) of these are minima/)?.[1] ?? 0);
    expect(said).toBe(minima.length);
    expect(land.minima.map((m) => atX(m.x)).sort()).toEqual(minima.map((m) => atX(m.x)).sort());
  });
});
