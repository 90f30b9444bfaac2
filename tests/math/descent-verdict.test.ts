import { compileExpression, differentiate } from '../../src/math/engine.js';
import { descend, type Run } from '../../src/math/descent.js';
import { cycleOf, hillsCrossed } from '../../src/math/descent-verdict.js';

async function run(text: string, start: number, lr: number, steps = 50, tol = 1e-6): Promise<Run> {
  const e = compileExpression(text);
  const d = await differentiate(e);
  return descend(e.text, (x) => e.evaluate(x), (x) => d.evaluate(x), { start, lr, steps, tol });
}

// Issue 12: each verdict is checked against what the run's own x and f sequences show, computed here
// independently of the classifier.
describe('verdicts say what the run did', () => {
  test('sin(x) from 3 at lr 10 jumps between valleys: it is not "slow"', async () => {
    const r = await run('sin(x)', 3, 10);
    // The valleys of sin are centred at -π/2 + 2πk: count the distinct ones the run visited.
    const valleys = new Set(r.steps.map((s) => Math.round((s.x + Math.PI / 2) / (2 * Math.PI))));
    expect(valleys.size).toBeGreaterThanOrEqual(4);
    expect(r).toMatchObject({ behaviour: 'chaotic', converged: false, diverged: false });
    expect(r.verdict).toMatch(/^lr 10 jumps between valleys: \d+ of its last 25 steps cross a hill into another valley, so it never settles/);
    expect(r.verdict).not.toMatch(/slow/);
    // The floors of sin have f″ = 1: the verdict names rates below 2, and such a rate does settle.
    expect(r.verdict).toMatch(/f″ ≈ 1 at the floor of the valley near x ≈ -26\.7, so rates below 2 settle in a valley$/);
    expect((await run('sin(x)', 3, 1.9, 500)).converged).toBe(true);
  });

  test('x^4-4x^2+x from 0.5 at lr 0.2 bounces around the minimum near 1.35: it has one', async () => {
    const r = await run('x^4-4x^2+x', 0.5, 0.2);
    const tail = r.steps.slice(-25).map((s) => s.x);
    // Bounded around the valley's floor, and not closing in.
    expect(Math.min(...tail)).toBeGreaterThan(0.5);
    expect(Math.max(...tail)).toBeLessThan(1.7);
    expect(Math.max(...tail) - Math.min(...tail)).toBeGreaterThan(0.3);
    expect(r).toMatchObject({ behaviour: 'bouncing', oscillating: true, converged: false, diverged: false });
    // f″(1.347) = 12·1.347² − 8 ≈ 13.8, so lr·f″ ≈ 2.75 and rates below 2/13.8 ≈ 0.145 settle.
    expect(r.verdict).toMatch(/^lr 0\.2 bounces around the minimum near x ≈ 1\.35 without settling, f between -\d\.\d+ and -?\d\.?\d*: there lr·f″ ≈ 2\.7\d, above 2, .* rates below 0\.14 settle there$/);
    expect(r.verdict).not.toMatch(/no minimum/);
    // And the suggested rate does settle there.
    const calmer = await run('x^4-4x^2+x', 0.5, 0.14, 500);
    expect(calmer.converged).toBe(true);
    expect(calmer.steps[calmer.steps.length - 1].x).toBeCloseTo(1.347, 2);
  });

  test('abs(x) from 3 at lr 1 reaches 0 exactly: the minimum, not "leaves the domain"', async () => {
    const r = await run('abs(x)', 3, 1);
    expect(r.steps.map((s) => s.x)).toEqual([3, 2, 1, 0]);
    expect(r).toMatchObject({ behaviour: 'corner', converged: true, diverged: false });
    expect(r.verdict).toBe('lr 1 reaches x = 0.000 in 3 steps, the minimum (f = 0): a corner of f, where f′ is undefined, so descent stops there');
  });

  test('a corner that is not the bottom is said to be so', async () => {
    // abs(x) + 2x: slope 3 right of 0, 1 left of it; from 3 at lr 1 the first step lands on the corner.
    const r = await run('abs(x) + 2x', 3, 1);
    expect(r.steps.map((s) => s.x)).toEqual([3, 0]);
    expect(r).toMatchObject({ behaviour: 'stalled', converged: false, diverged: false });
    expect(r.verdict).toBe('lr 1 stops after 1 step at x = 0, where f′ is undefined (a corner or cusp of f) and f is lower nearby: not a minimum');
  });

  test('log(x)^2 at lr 5 leaves the domain; that is not divergence', async () => {
    const r = await run('log(x)^2', 3, 5);
    expect(r).toMatchObject({ behaviour: 'leaves-domain', converged: false, diverged: false });
    expect(r.verdict).toMatch(/^lr 5 leaves the domain: f or f′ is undefined at x = -0\.66\d+, reached after 1 step$/);
  });

  test('exp(x) overflowing is a blow-up, not leaving the domain', async () => {
    const r = await run('exp(x) - 2x', 1, -300, 50);
    expect(r.diverged).toBe(true);
    expect(r.verdict).not.toMatch(/domain/);
  });

  test.each([
    // a 2-cycle, a 3-cycle (f″ such that three points repeat), a fixed point, no cycle
    [[1, 3, -3, 3, -3, 3], [-3, 3]],
    [[0, 1, 2, 3, 1, 2, 3, 1, 2, 3], [1, 2, 3]],
    [[5, 4, 2, 2, 2, 2, 2, 2], null],
    [[1, 0.5, 0.25, 0.125, 0.0625, 0.03125], null],
  ])('cycleOf(%j)', (xs, cycle) => {
    const found = cycleOf(xs);
    expect(found === null ? null : [...found].sort((a, b) => a - b)).toEqual(cycle === null ? null : [...cycle].sort((a, b) => a - b));
  });

  test('hillsCrossed counts the steps that pass over a hill of f', () => {
    // 1 → 7 passes the crest at π/2; 7 → 6.5 stays on one slope; 6.5 → -5 passes several crests.
    const steps = [0, 1, 7, 6.5, -5].map((x, k) => ({ k, x, f: Math.sin(x), grad: Math.cos(x) }));
    expect(hillsCrossed(steps, Math.sin)).toBe(2);
  });
});

describe('slow convergence is not bouncing; slow divergence is not ×1', () => {
  test.each([
    // |1 − 2·lr| per step: 0.98 and 0.998 close in, slowly, shrinking |x| at every step.
    ['x^2', 0.99, 50, 'zigzag'],
    ['x^2', 0.999, 500, 'zigzag'],
  ])('%s at lr %p', async (text, lr, steps, behaviour) => {
    const r = await run(text, 3, lr, steps);
    const xs = r.steps.map((s) => Math.abs(s.x));
    expect(xs.every((x, i) => i === 0 || x < xs[i - 1])).toBe(true);
    expect(r.behaviour).toBe(behaviour);
  });
  test('x^4 at lr 0.1 from 3: its growth grows, and is said to (not one factor per step)', async () => {
    const v = (await run('x^4', 3, 0.1, 50)).verdict;
    expect(v).toMatch(/grows faster each step: ×17\.6, then ×12700/);
    expect(v).not.toMatch(/per step/);
  });

  test('x^2 at lr 1.0001 grows ×1.0002 per step, said so', async () => {
    expect((await run('x^2', 3, 1.0001, 50)).verdict).toBe('lr 1.0001 diverges: |x| grows ×1.0002 per step');
  });
});

describe('a negative learning rate is gradient ascent, and named so', () => {
  test('x^2 at lr -0.1: climbs without end', async () => {
    const r = await run('x^2', 3, -0.1, 500);
    expect(r.steps[1].x).toBeCloseTo(3.6, 12); // x + 0.1·2x
    expect(r).toMatchObject({ behaviour: 'no-bottom', diverged: true, converged: false });
    expect(r.verdict).toMatch(/^lr -0\.1 is gradient ascent \(a negative rate steps uphill, along \+f′\): it runs uphill without end: f rose to [\d.e]+ in \d+ steps and keeps rising, so f has no maximum this way/);
  });

  test('-x^2 at lr -0.1 climbs to the maximum', async () => {
    const r = await run('-x^2', 3, -0.1, 200);
    expect(r).toMatchObject({ behaviour: 'converged', converged: true });
    expect(r.verdict).toMatch(/^lr -0\.1 is gradient ascent .*: it converges to the maximum at x = 0\.000 in \d+ steps$/);
  });

  test('sin(x) at lr -0.5 climbs to the top of its hill', async () => {
    const r = await run('sin(x)', 1, -0.5, 200);
    expect(r.converged).toBe(true);
    expect(r.steps[r.steps.length - 1].x).toBeCloseTo(Math.PI / 2, 5);
  });
});
