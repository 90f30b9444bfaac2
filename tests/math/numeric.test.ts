import { bestStep, centralDifference, forwardDifference, sweep } from '../../src/math/numdiff.js';
import { count, formatNumber, wrapWords } from '../../src/math/format.js';
import { jumpBetween, linspace, lowestPoint, sample } from '../../src/math/sample.js';

describe('formatNumber', () => {
  test.each([
    [6.000009999951316, '6.00001'], [9, '9'], [0, '0'], [-0, '0'], [0.1 + 0.2, '0.3'], [-2.5, '-2.5'], [1e-5, '1e-5'],
    [9.99995e-6, '9.99995e-6'], [123456789, '1.23457e8'], [1234567, '1234570'], [0.000123, '0.000123'], [NaN, 'undefined'],
    [Infinity, '∞'], [1 / 3, '0.333333'],
  ])('%p → %p', (n, s) => expect(formatNumber(n)).toBe(s));
  test('fewer digits on request', () => expect(formatNumber(3.9e-11 + 1e-13, 2)).toBe('3.9e-11'));
});

describe('text helpers', () => {
  test.each([
    ['a bb ccc dddd', 6, ['a bb', 'ccc', 'dddd']],
    ['one', 10, ['one']],
    ['averyveryverylongword x', 5, ['averyveryverylongword', 'x']],
    ['', 10, []],
  ])('wrapWords(%p, %p)', (text, width, lines) => expect(wrapWords(text, width)).toEqual(lines));
  test.each([[1, '1 step'], [0, '0 steps'], [50, '50 steps']])('count(%p)', (n, s) => expect(count(n, 'step')).toBe(s));
});

describe('finite differences: exercise 1.2.26.8', () => {
  const sq = (x: number) => x * x;
  test("the lesson's example: forward difference of x² at 3 with h = 1e-5 reads 6.00001", () => {
    expect(formatNumber(forwardDifference(sq, 3, 1e-5))).toBe('6.00001');
    expect(Math.abs(forwardDifference(sq, 3, 1e-5) - 6.00001)).toBeLessThan(1e-9);
  });
  test.each([
    [sq, 3, 6], [Math.sin, 1, Math.cos(1)], [Math.exp, 0, 1], [(x: number) => x ** 3, 2, 12],
  ])('central is closer than forward at h = 1e-4 (case %#)', (f, x, d) => {
    expect(Math.abs(centralDifference(f, x, 1e-4) - d)).toBeLessThan(Math.abs(forwardDifference(f, x, 1e-4) - d));
  });
  test('the sweep: h = 1e-1 … 1e-12, error falls then rises', () => {
    const s = sweep(Math.sin, 1, Math.cos(1));
    expect(s.map((p) => p.h)).toEqual([1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12]);
    const best = bestStep(s, 'errorForward');
    expect(best.h).toBeGreaterThanOrEqual(1e-10);
    expect(best.h).toBeLessThanOrEqual(1e-6);
    expect(s[0].errorForward).toBeGreaterThan(best.errorForward * 100);
    expect(s[11].errorForward).toBeGreaterThan(best.errorForward * 100);
    expect(bestStep(s, 'errorCentral').h).toBeGreaterThan(best.h); // central: truncation ~h², so a larger best h
  });
});

describe('sampling', () => {
  test.each([[-5, 5, 11, 0], [-5, 5, 101, 0], [-3, 3, 7, 1]])('linspace(%p, %p, %p) holds %p exactly', (a, b, n, v) => {
    const xs = linspace(a, b, n);
    expect(xs).toHaveLength(n);
    expect(xs[0]).toBe(a);
    expect(xs[n - 1]).toBe(b);
    expect(xs).toContain(v);
  });

  const gaps = (f: (x: number) => number, a: number, b: number, n: number) => sample(f, a, b, n).filter((p) => Number.isNaN(p[1])).map((p) => p[0]);
  test.each([
    ['1/x', (x: number) => 1 / x, -1, 1, 20, [0]],
    ['tan', Math.tan, -2, 2, 40, [-Math.PI / 2, Math.PI / 2]],
    ['floor', Math.floor, 0.5, 3.5, 30, [1, 2, 3]],
    ['sign', Math.sign, -1, 1, 10, [0]],
  ])('%s: a gap at each jump, where the jump is', (_, f, a, b, n, at) => {
    const g = gaps(f, a, b, n);
    expect(g).toHaveLength(at.length);
    g.forEach((x, i) => expect(x).toBeCloseTo(at[i], 6));
  });
  test.each([
    ['x^3', (x: number) => x ** 3], ['exp', Math.exp], ['x^10', (x: number) => x ** 10], ['steep tanh', (x: number) => Math.tanh(50 * x)],
  ])('%s: steep but continuous, no gap', (_, f) => {
    expect(gaps(f, -3, 3, 61)).toEqual([]);
  });
  test('undefined points stay NaN', () => {
    expect(sample(Math.sqrt, -1, 1, 3)).toEqual([[-1, NaN], [0, 0], [1, 1]]);
  });

  test.each([
    ['x² on an even grid', (x: number) => x * x, -5, 5, 20, 0, 0, false],
    ['(x-1.234)²+2', (x: number) => (x - 1.234) ** 2 + 2, -5, 5, 40, 1.234, 2, false],
    ['exp: lowest at the left end', Math.exp, -2, 2, 20, -2, Math.exp(-2), true],
    ['x³ − 3x: a tie with the edge, the inner minimum wins', (x: number) => x ** 3 - 3 * x, -2, 2, 41, 1, -2, false],
  ])('lowestPoint: %s', (_, f, a, b, n, x, y, atEdge) => {
    const low = lowestPoint(f, sample(f, a, b, n))!;
    expect(low.x).toBeCloseTo(x, 6);
    expect(low.y).toBeCloseTo(y, 9);
    expect(low.atEdge).toBe(atEdge);
  });
  test('lowestPoint beside a pole does not run into it', () => {
    const f = (x: number) => 1 / x;
    const low = lowestPoint(f, sample(f, -1, 1, 20))!;
    expect(low.atEdge).toBe(true);
    expect(low.y).toBeGreaterThan(-100);
  });
  test('jumpBetween finds no jump in a smooth function', () => {
    expect(jumpBetween((x) => x * x, 0, 0, 1, 1)).toBeNull();
  });
});
