import { gradeMinimumDescription } from '../../src/tutor/minimum.js';
import { landscapeReport } from '../../src/tutor/labs.js';

const bowl = { from: -2, to: 6, minima: [{ x: 2, y: 1 }], lowest: { x: 2, y: 1 } };
const twoValleys = { from: -2.5, to: 2.5, minima: [{ x: -1.473, y: -5.44 }, { x: 1.347, y: -2.62 }], lowest: { x: -1.473, y: -5.44 } };

describe('describing the minimum of a loss curve', () => {
  test.each([
    [bowl, 'The minimum is at x = 2 where the loss is 1, and it is the only minimum.', 'correct'],
    [bowl, 'Lowest point at x=2.0, loss about 1; a single global minimum since the curve is a bowl.', 'correct'],
    [bowl, 'It bottoms out around x = 2.', 'partial'],
    [bowl, 'the loss is 1 at best', 'partial'],
    [bowl, 'It has a minimum.', 'incorrect'],
    [bowl, 'The minimum is at x = -1 with loss 5.', 'incorrect'],
    [twoValleys, 'There are two valleys: the global minimum is at x = -1.47 with loss -5.44, and a local minimum near 1.35.', 'correct'],
    [twoValleys, 'The minimum is at x = -1.5, loss -5.4, the only minimum.', 'partial'],
    [twoValleys, 'minus 1.47 is where it is lowest', 'partial'],
  ])('%#: %s', (landscape, text, verdict) => {
    expect(gradeMinimumDescription(text, landscape).verdict).toBe(verdict);
  });

  // sin(x) on -5..5: two minima equally low, both global (issue 12): neither is 'a local minimum'.
  const sin = { from: -5, to: 5, minima: [{ x: -1.5708, y: -1 }, { x: 4.7124, y: -1 + 1e-15 }], lowest: { x: -1.5708, y: -1 } };
  test.each([
    ['Two minima, both with loss -1, at x = -1.57 and x = 4.71: both are global.', 'correct'],
    ['The minimum is at x = 4.71 with loss -1, and there is another one just as low at -1.57.', 'correct'],
    ['The minimum is at x = 4.71, loss -1, the only one.', 'partial'],
  ])('equally low minima: %s', (text, verdict) => {
    const v = gradeMinimumDescription(text, sin);
    expect(v.verdict).toBe(verdict);
    expect(v.feedback).not.toMatch(/local minim|the lowest is the global one/);
    expect(v.feedback).toMatch(/2 equally low minima, both global/);
  });

  test('feedback says what the plot shows', () => {
    const v = gradeMinimumDescription('It is at x = 2.', bowl);
    expect(v.feedback).toMatch(/Still missing: its value \(loss ≈ 1\); that it is the only minimum/);
    expect(v.feedback).toMatch(/lowest point at x ≈ 2 with loss ≈ 1, the only minimum/);
  });
});

describe('the landscape report says what f′ says, corners and plateaus included', () => {
  const screen = { width: 80, colors: false };
  test('abs(x): no zero of f′, but a corner at 0, and that is the minimum', async () => {
    const land = await landscapeReport('abs(x)', -5, 5, screen);
    expect(land.text).toMatch(/f'\(x\) = abs\(x\) \/ x is never 0 between -5 and 5, but it changes sign at x = 0, a corner of f where f′ is undefined: that is the minimum\./);
    expect(land.minima).toEqual([{ x: 0, y: 0 }]);
    expect(land.text).not.toMatch(/at an edge/);
  });

  test('a plateau: descent from the flat part is said to stall, not to converge', async () => {
    const land = await landscapeReport('1 - exp(-(x - 3)^2 / 2)', -6, 6, screen);
    expect(land.descent.converged).toBe(false);
    expect(land.text).toMatch(/Gradient descent from x = -3\.6: lr 0\.1 cannot move: .*a plateau/);
    expect(land.text).not.toMatch(/converges/);
  });

  test('x: no zero and no corner: the lowest point is at an edge', async () => {
    const land = await landscapeReport('x', -5, 5, screen);
    expect(land.text).toMatch(/is never 0 between -5 and 5: the lowest point is at an edge, x = -5\./);
  });

  test('two valleys: both minima named', async () => {
    const land = await landscapeReport('x^4 - 4x^2 + x', -3, 3, screen);
    expect(land.text).toMatch(/is 0 at x = -1\.473 \(the minimum\), x = 0\.126 \(a peak\) and x = 1\.347 \(a local minimum\): 2 of these are minima\./);
  });

  test('two valleys, descent from the right: it settles in the local one, and the report says so', async () => {
    const land = await landscapeReport('x^4 - 4x^2 + x', -2.5, 2.5, screen, 2);
    expect(land.text).toMatch(/Gradient descent from x = 2: lr 0\.1 converges to x = 1\.347/);
    expect(land.text).toMatch(/That is a local minimum: the lowest loss is -5\.444 at x = -1\.473\. Where descent ends depends on where it starts\./);
    // The two valleys sit on different rows of the chart.
    const rows = land.text.split('\n');
    expect(rows.findIndex((r) => r.includes('●'))).not.toBe(rows.findIndex((r) => r.includes('○')));
  });
});

describe('describing a curve with no minimum, or the wrong valley', () => {
  const cube = { from: -5, to: 5, minima: [], lowest: { x: -5, y: -125 } };
  test.each([
    ['there is no minimum', 'correct'],
    ['It has no minimum: the loss keeps falling to the left.', 'correct'],
    ['the lowest point is at the edge, x = -5, loss -125', 'correct'],
    ['the minimum is at x = 0 with loss 0', 'incorrect'],
  ])('x³: %s → %s', (text, verdict) => {
    expect(gradeMinimumDescription(text, cube).verdict).toBe(verdict);
  });

  test('two valleys: the local one, and its loss, given as the minimum is not accepted, and says which one it is', () => {
    const valleys = { from: -3, to: 3, minima: [{ x: -1.47, y: -5.44 }, { x: 1.35, y: -2.62 }], lowest: { x: -1.47, y: -5.44 } };
    const v = gradeMinimumDescription('the minimum is at x = 1.35 where the loss is -2.6', valleys);
    expect(v.verdict).toBe('incorrect');
    expect(v.feedback).toMatch(/x ≈ 1\.35 is the other valley, a local minimum: the lowest point is at x ≈ -1\.47/);
    // Naming it as the local one, beside the lowest, is right.
    expect(gradeMinimumDescription('a local minimum at x = 1.35, and the global one at x = -1.47 with loss -5.44', valleys).verdict).toBe('correct');
  });
});

describe('a loss with no valley, for a reason of its own', () => {
  const screen = { width: 80, colors: false };
  test.each([
    ['It is flat: the loss is 5 everywhere.', 'correct'],
    ['constant, so there is no single minimum', 'correct'],
    ['there is no minimum', 'partial'],
    ['the minimum is at x = 0 with loss 5', 'incorrect'],
  ])('5 (a constant): %s → %s, and the feedback never says it keeps falling', async (text, verdict) => {
    const land = await landscapeReport('5', -5, 5, screen);
    const v = gradeMinimumDescription(text, land);
    expect(v.verdict).toBe(verdict);
    expect(v.feedback).toMatch(/the loss is 5 for every x/);
    expect(v.feedback).not.toMatch(/keeps falling|toward the edge/);
    // The f′ sentence: 0 everywhere, not 'never 0'.
    expect(land.text).toContain("f'(x) = 0 is 0 for every x: f is constant, so no point is its single minimum.");
  });

  test('1/(x - 1): the feedback says it falls without bound near the gap, not toward an edge', async () => {
    const land = await landscapeReport('1/(x - 1)', -5, 5, screen);
    const v = gradeMinimumDescription('there is no minimum', land);
    expect(v.verdict).toBe('correct');
    expect(v.feedback).toMatch(/falls without bound near x ≈ 1/);
    expect(v.feedback).not.toMatch(/toward the edge/);
    expect(land.text).toMatch(/is never 0 between -5 and 5: f falls without bound near x = 1, so there is no minimum\./);
  });
});
