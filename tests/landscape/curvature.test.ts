import { compileDerived2, compileExpression2, partials, secondPartials } from '../../src/math/engine.js';
import { curvatureAt, curvatureWords, eigen2, hessianOf, type Matrix2 } from '../../src/landscape/curvature.js';
import { LANDSCAPES, findLandscape } from '../../src/landscape/landscapes.js';
import { landscapeView } from '../../src/landscape/map-view.js';
import { descend2 } from '../../src/landscape/descent2d.js';
import { formatNumber as fmt } from '../../src/math/format.js';

// Curvature from the Hessian: symbolic second partials, closed-form eigen-decomposition, and the
// figures the maps and verdicts quote, against closed forms.

const XY = ['x', 'y'] as const;

describe('the Hessian of each named landscape, against closed forms', () => {
  const cases: [string, [number, number], Matrix2, [number, number], number | null, string][] = [
    // name, at, Hessian, eigenvalues (smaller first), condition number, shape
    ['bowl', [0, 0], [[2, 0], [0, 2]], [2, 2], 1, 'bowl'],
    ['ravine', [0, 0], [[2, 0], [0, 20]], [2, 20], 10, 'valley'],
    // fxx = 2 − 400(y − x²) + 800x², fxy = −400x, fyy = 200: at (1, 1) [[802, −400], [−400, 200]],
    // eigenvalues 501 ∓ √(301² + 400²).
    ['rosenbrock', [1, 1], [[802, -400], [-400, 200]], [501 - Math.hypot(301, 400), 501 + Math.hypot(301, 400)], (501 + Math.hypot(301, 400)) / (501 - Math.hypot(301, 400)), 'valley'],
    ['saddle', [0, 0], [[2, 0], [0, -2]], [-2, 2], null, 'saddle'],
    // 12x² − 4 at x where 4x(x² − 1) + 0.3 = 0 (the left valley, x ≈ −1.0356)
    ['two-valleys', [-1.0356, 0], [[12 * 1.0356 ** 2 - 4, 0], [0, 2]], [2, 12 * 1.0356 ** 2 - 4], (12 * 1.0356 ** 2 - 4) / 2, 'valley'],
  ];
  test.each(cases)('%s at %j', async (name, at, H, values, ratio, kind) => {
    const l = findLandscape(name)!;
    const e = compileExpression2(l.expr);
    // Written down, and worked out by mathjs from the partials: both equal the closed form.
    const written = l.hessian.map((t) => compileDerived2(t, XY));
    const derived = (await secondPartials(await partials(e)))!;
    expect(derived).not.toBeNull();
    for (const second of [written, derived]) {
      const got = hessianOf(second, (x, y) => e.evaluate(x, y), 1e-5)(...at);
      for (const i of [0, 1]) for (const j of [0, 1]) expect(got[i][j]).toBeCloseTo(H[i][j], 9);
    }
    const c = curvatureAt(H, at);
    expect(c.values[0]).toBeCloseTo(values[0], 9);
    expect(c.values[1]).toBeCloseTo(values[1], 9);
    expect(c.kind).toBe(kind);
    if (ratio === null) expect(c.ratio).toBeNull();
    else expect(c.ratio!).toBeCloseTo(ratio, 6);
  });

  test('rosenbrock at (1, 1): eigenvalues ≈ 1001.6 and ≈ 0.3994, condition number ≈ 2508', () => {
    const c = curvatureAt([[802, -400], [-400, 200]], [1, 1]);
    expect(c.values[1]).toBeCloseTo(1001.6006, 3);
    expect(c.values[0]).toBeCloseTo(0.39936, 4);
    expect(Math.round(c.ratio!)).toBe(2508);
    // The flat way is the valley floor, which rises as y = x² does at (1, 1): along (1, 2)/√5 nearly.
    expect(Math.abs(c.flat[1] / c.flat[0] - 2)).toBeLessThan(0.01);
  });

  test.each(LANDSCAPES.map((l) => [l.name, l]))('%s: its written-down Hessian equals mathjs\'s second partials', async (_, l) => {
    const e = compileExpression2(l.expr);
    const derived = (await secondPartials(await partials(e)))!;
    const written = l.hessian.map((t) => compileDerived2(t, XY));
    for (const [x, y] of [[0.3, -0.7], [1.5, 2], [-1.2, 1], [0, 0]]) {
      for (const k of [0, 1, 2]) expect(written[k].evaluate(x, y)).toBeCloseTo(derived[k].evaluate(x, y), 9);
    }
  });
});

describe('eigenvalues and eigenvectors of a symmetric 2 × 2 matrix', () => {
  const cases: Matrix2[] = [
    [[2, 0], [0, 20]],
    [[20, 0], [0, 2]],
    [[802, -400], [-400, 200]],
    [[1, 1e-14], [1e-14, 1]],
    [[3, 1], [1, 3]],
    [[0, 5], [5, 0]],
    [[570.13, -337], [-337, 200]],
  ];
  test.each(cases.map((m) => [JSON.stringify(m), m]))('%s: H·v = λ·v, unit vectors at right angles, λ sum = trace, product = det', (_, m) => {
    const { values, vectors } = eigen2(m as Matrix2);
    const [[a, b], [, c]] = m as Matrix2;
    expect(values[0]).toBeLessThanOrEqual(values[1]);
    expect(values[0] + values[1]).toBeCloseTo(a + c, 9);
    expect(values[0] * values[1]).toBeCloseTo(a * c - b * b, 6);
    vectors.forEach((v, k) => {
      expect(Math.hypot(...v)).toBeCloseTo(1, 12);
      expect(a * v[0] + b * v[1]).toBeCloseTo(values[k] * v[0], 6);
      expect(b * v[0] + c * v[1]).toBeCloseTo(values[k] * v[1], 6);
    });
    expect(vectors[0][0] * vectors[1][0] + vectors[0][1] * vectors[1][1]).toBeCloseTo(0, 12);
  });
});

describe('what the curvature sentence says', () => {
  test.each([
    ['ravine', [[2, 0], [0, 20]], /steepest along y and flattest along x, the valley floor: f curves 10× more sharply one way than the other/],
    ['rosenbrock', [[802, -400], [-400, 200]], /eigenvalues 1002 and 0\.3994, so the ground is steepest along the direction \(0\.89, -0\.45\) and flattest along the direction \(0\.45, 0\.89\), the valley floor: f curves 2508× more sharply/],
    ['bowl', [[2, 0], [0, 2]], /alike every way \(ratio 1\): a round bowl/],
  ] as [string, Matrix2, RegExp][])('%s', (_, H, want) => {
    expect(curvatureWords(curvatureAt(H, [0, 0]), 'at the minimum (0, 0)', XY)).toMatch(want);
  });

  test('a saddle is named so, with no ratio', () => {
    const text = curvatureWords(curvatureAt([[2, 0], [0, -2]], [0, 0]), 'at the saddle point (0, 0)', XY);
    expect(text).toMatch(/^Curvature at the saddle point \(0, 0\): .*eigenvalues 2 and -2, of opposite signs: a saddle, f curves up along x and down along y/);
    expect(text).not.toMatch(/\d×/);
  });

  test('a map says at which point it measured the curvature, from the Hessian', () => {
    const l = findLandscape('rosenbrock')!;
    const e = compileExpression2(l.expr);
    const f = (x: number, y: number) => e.evaluate(x, y);
    const view = landscapeView(f, l.box, XY, hessianOf(l.hessian.map((t) => compileDerived2(t, XY)), f, 1e-5));
    const line = view.summary.find((s) => s.startsWith('Curvature'))!;
    expect(line).toMatch(/^Curvature at the minimum \(1, 1\): the Hessian \[\[802, -400\], \[-400, 200\]\] has eigenvalues 1002 and 0\.3994, so the ground is steepest .* f curves 2508×/);
    // Without the symbolic Hessian (a typed expression), central differences give the same figure.
    const numeric = landscapeView(f, l.box, XY).summary.find((s) => s.startsWith('Curvature'))!;
    expect(numeric).toMatch(/f curves 25(0[0-9]|1[0-9])× more sharply/);
  });

  test('the saddle landscape: the map names the saddle\'s curvature, no condition number', () => {
    const l = findLandscape('saddle')!;
    const e = compileExpression2(l.expr);
    const f = (x: number, y: number) => e.evaluate(x, y);
    const line = landscapeView(f, l.box, XY).summary.find((s) => s.startsWith('Curvature'))!;
    expect(line).toMatch(/^Curvature at the saddle point \(0, 0\).*a saddle/);
  });

  test('at a kink (abs(x) + abs(y)) there is no Hessian, so no curvature is claimed', async () => {
    const e = compileExpression2('abs(x) + abs(y - 1)');
    const f = (x: number, y: number) => e.evaluate(x, y);
    const d = await partials(e);
    const H = hessianOf(await secondPartials(d), f, 1e-4, d);
    expect(H(0, 1).flat().every(Number.isNaN)).toBe(true);
    expect(H(1e-12, 1 + 1e-12).flat().every(Number.isNaN)).toBe(true);
    expect(H(2, 3)).toEqual([[0, 0], [0, 0]]);
    expect(landscapeView(f, { x0: -3, x1: 3, y0: -3, y1: 3 }, XY).summary.some((s) => s.startsWith('Curvature'))).toBe(false);
  });
});

describe('the slow verdict on Rosenbrock quotes the Hessian where the run ended', () => {
  test.each([0.001, 0.0015])('lr %s', (lr) => {
    const l = findLandscape('rosenbrock')!;
    const e = compileExpression2(l.expr);
    const f = (x: number, y: number) => e.evaluate(x, y);
    const d = l.partials.map((t) => compileDerived2(t, XY));
    const hessian = hessianOf(l.hessian.map((t) => compileDerived2(t, XY)), f, 1e-5);
    const r = descend2(l.expr, XY, f, (x, y) => [d[0].evaluate(x, y), d[1].evaluate(x, y)], { start: l.start, lr, momentum: 0, steps: l.steps, tol: 1e-6, hessian, lowest: { x: 1, y: 1, f: 0 } });
    const [x, y] = r.steps[r.steps.length - 1].x;
    // The closed form at the end point: fxx = 2 − 400y + 1200x², fxy = −400x, fyy = 200.
    const c = curvatureAt([[2 - 400 * y + 1200 * x * x, -400 * x], [-400 * x, 200]], [x, y]);
    expect(r.kind).toBe('slow');
    expect(r.verdict).toContain(`where the run ended, f curves ${fmt(c.ratio!, 4)}× less along the floor than across it (the Hessian's eigenvalues there are ${fmt(c.values[1], 4)} and ${fmt(c.values[0], 4)})`);
  });
});
