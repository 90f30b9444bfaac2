import { compileExpression, differentiate } from '../../src/math/engine.js';
import { descend, type Run } from '../../src/math/descent.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) || a === b;

async function run(text: string, start: number, lr: number, steps: number, tol: number): Promise<Run> {
  const e = compileExpression(text);
  const d = await differentiate(e);
  return descend(e.text, (x) => e.evaluate(x), (x) => d.evaluate(x), { start, lr, steps, tol });
}

describe('descent on x² follows the closed form x_k = x₀(1 − 2·lr)^k', () => {
  test.each([
    [3, 0.1, 50], [3, 0.01, 50], [3, 0.4, 30], [-2, 0.25, 40], [3, 0.9, 60], [3, 1, 20], [3, 1.1, 50], [0.5, 0.05, 200], [3, 0.5, 5],
  ])('start %p, lr %p, %p steps', async (x0, lr, steps) => {
    const r = await run('x^2', x0, lr, steps, 0);
    expect(r.steps).toHaveLength(steps + 1);
    r.steps.forEach((s, k) => {
      const x = x0 * (1 - 2 * lr) ** k;
      expect(s.k).toBe(k);
      expect(close(s.x, x)).toBe(true);
      expect(close(s.f, x * x)).toBe(true);
      expect(close(s.grad, 2 * x)).toBe(true);
    });
  });
});

// An independent implementation: hand-written f and f′, the plain loop, the same stopping rule.
function reference(f: (x: number) => number, df: (x: number) => number, x0: number, lr: number, steps: number, tol: number) {
  const xs = [x0];
  for (let k = 0; k < steps && !(Math.abs(df(xs[k])) < tol); k++) xs.push(xs[k] - lr * df(xs[k]));
  return xs;
}

describe('descent matches an independent implementation on other functions', () => {
  const cases: [string, (x: number) => number, (x: number) => number, number, number, number, number][] = [
    ['(x-1)^2 + 2', (x) => (x - 1) ** 2 + 2, (x) => 2 * (x - 1), 3, 0.1, 100, 1e-6],
    ['x^4 - 3x^2 + x', (x) => x ** 4 - 3 * x ** 2 + x, (x) => 4 * x ** 3 - 6 * x + 1, 2, 0.01, 300, 1e-8],
    ['sin(x)', Math.sin, Math.cos, 1, 0.3, 80, 1e-9],
    ['exp(x) - 2x', (x) => Math.exp(x) - 2 * x, (x) => Math.exp(x) - 2, 2, 0.1, 200, 1e-7],
    ['log(x)^2 + x', (x) => Math.log(x) ** 2 + x, (x) => (2 * Math.log(x)) / x + 1, 3, 0.05, 100, 1e-6],
    ['sqrt(x^2 + 1)', (x) => Math.sqrt(x * x + 1), (x) => x / Math.sqrt(x * x + 1), -4, 0.5, 150, 1e-6],
    ['3x^2 + 2x', (x) => 3 * x * x + 2 * x, (x) => 6 * x + 2, 3, 0.1, 50, 0],
  ];
  test.each(cases)('%s from x0 = %#', async (text, f, df, x0, lr, steps, tol) => {
    const r = await run(text, x0, lr, steps, tol);
    const xs = reference(f, df, x0, lr, steps, tol);
    expect(r.steps.map((s) => s.x)).toHaveLength(xs.length);
    r.steps.forEach((s, k) => {
      expect(close(s.x, xs[k])).toBe(true);
      expect(close(s.f, f(xs[k]))).toBe(true);
    });
  });
});

describe('each run is named', () => {
  test.each([
    ['x^2', 3, 1, 50, 1e-6, { oscillating: true, converged: false, diverged: false }, /^lr 1 oscillates between -3 and 3 without converging$/],
    ['x^2', 3, 1.1, 50, 1e-6, { diverged: true, converged: false }, /^lr 1\.1 diverges: \|x\| grows ×1\.2 per step$/],
    ['x^2', 3, 0.01, 50, 1e-6, { converged: false, diverged: false, oscillating: false }, /^lr 0\.01 is slow: after 50 steps x = 1\.09, still far from the minimum \(\|f′\| down from 6 to 2\.19\)$/],
    ['x^2', 3, 0.0001, 20, 1e-6, { converged: false, diverged: false }, /^lr 0\.0001 is slow: after 20 steps x = 2\.99, still far from the minimum/],
    ['x^2', 3, 0.1, 20, 1e-6, { converged: false, diverged: false }, /^lr 0\.1 has not converged yet: after 20 steps x = 0\.0346, \|f′\| down from 6 to 0\.0692$/],
    ['x^2', 3, 0.9, 20, 1e-6, { converged: false, diverged: false, oscillating: false }, /^lr 0\.9 zigzags across the minimum, each step overshooting, and closes in slowly: after 20 steps x = 0\.0346/],
    ['-x', -3, 0.1, 50, 1e-6, { converged: false, diverged: false }, /^lr 0\.1 keeps going downhill and the slope is not getting gentler: after 50 steps x = 2, f′ = -1; f may have no minimum this way$/],
    ['x^3', -1, 0.01, 20, 1e-6, { converged: false }, /^lr 0\.01 keeps going downhill and the slope is not getting gentler/],
    ['exp(x)', 0, 0.5, 20, 1e-6, { converged: false, diverged: false }, /^lr 0\.5 has not converged yet/],
    ['-x^2', 0, 0.1, 50, 1e-6, { converged: false }, /^lr 0\.1 stops at x = 0, a maximum: f′ = 0 there and f falls on both sides$/],
    ['x^3', 0, 0.1, 50, 1e-6, { converged: false }, /^lr 0\.1 cannot move: at x = 0 the slope is almost flat \(\|f′\| < 1e-6\) yet f falls to the left: a plateau, a saddle or a very gentle slope, not a minimum$/],
    ['1 - exp(-(x-3)^2/2)', -3.6, 0.1, 500, 1e-4, { converged: false }, /^lr 0\.1 cannot move: at x = -3\.6 .* f falls to the right/],
    ['abs(x)', 0.5, 0.1, 20, 1e-6, { oscillating: true }, /^lr 0\.1 oscillates between -0\.1 and 0 without converging$/],
    ['x^3', -3, 0.1, 50, 1e-6, { diverged: true }, /^lr 0\.1 runs downhill without end: f fell to -4\.68e18 in 5 steps and keeps falling, so f has no minimum this way/],
    ['x^2', 3, 0.9, 50, 1e-6, { converged: false }, /^lr 0\.9 is close but not converged, zigzagging across the minimum: after 50 steps/],
    ['x^2', 0, 0.1, 50, 1e-6, { converged: true }, /^lr 0\.1 converges to x = 0\.000 in 0 steps$/],
    ['x^2', 3, 0.1, 100, 1e-6, { converged: true }, /^lr 0\.1 converges to x = 0\.000 in 70 steps$/],
    ['x^2', 3, 0.5, 50, 1e-6, { converged: true }, /^lr 0\.5 converges to x = 0\.000 in 1 step$/],
    ['x^2', 3, 3, 50, 1e-6, { diverged: true }, /^lr 3 diverges: \|x\| or \|f\(x\)\| blew up after \d+ steps \(\|x\| grows ×5 per step\)$/],
    ['x^4', 3, 1, 50, 1e-6, { diverged: true }, /^lr 1 diverges: \|x\| or \|f\(x\)\| blew up after 2 steps/],
    // Leaving the domain is not divergence: x stayed small (issue 12).
    ['log(x)^2', 3, 5, 50, 1e-6, { diverged: false, converged: false }, /^lr 5 leaves the domain: f or f′ is undefined at x = -0\.66\d+, reached after 1 step$/],
    ['(x-2)^2', 3, 0.1, 50, 0, { converged: false }, /^lr 0\.1 is close but not converged: after 50 steps x = 2, \|f′\(x\)\| = 2\.9e-5 \(tolerance 0\)$/],
  ])('%s from %p with lr %p', async (text, x0, lr, steps, tol, flags, verdict) => {
    const r = await run(text, x0, lr, steps, tol);
    expect(r).toMatchObject(flags);
    expect(r.verdict).toMatch(verdict);
  });

  test('stops early at the tolerance; tol 0 runs every step', async () => {
    expect((await run('x^2', 3, 0.1, 100, 1e-6)).steps).toHaveLength(71);
    expect((await run('x^2', 3, 0.1, 100, 0)).steps).toHaveLength(101);
  });

  test('a diverging run stops at the bound instead of running all steps', async () => {
    const r = await run('x^2', 3, 3, 10000, 1e-6);
    expect(r.steps.length).toBeLessThan(20);
  });
});
