import { gradeMinimumDescription } from '../../src/tutor/minimum.js';
import { gradeMapDescription, type MapFacts } from '../../src/landscape/describe.js';

// The mini-project's descriptions, in a learner's own words, against what the plot or the map shows.
// Right: accept. Some claims right, none or fewer wrong: partial. Wrong where it says anything: reject,
// and the feedback says which claim is false and what the plot shows instead.

// The 1-D curves of the mini-project (tutor/labs.ts SHAPES), as the landscape report finds them.
const bowl = { from: -2, to: 6, minima: [{ x: 2, y: 1 }], lowest: { x: 2, y: 1 } };
const twoValleys = { from: -2.5, to: 2.5, minima: [{ x: -1.473, y: -5.44 }, { x: 1.347, y: -2.62 }], lowest: { x: -1.473, y: -5.44 } };
const plateau = { from: -6, to: 6, minima: [{ x: 3, y: 0 }], lowest: { x: 3, y: 0 } };

describe('1-D: describing the minimum of a loss curve', () => {
  test.each([
    [bowl, 'The lowest loss is 1, reached at x = 2; there is no other minimum.', 'correct'],
    [bowl, 'Bottom of the bowl: x=2, loss 1. Just one minimum.', 'correct'],
    [bowl, 'the curve bottoms out near x = 2', 'partial'],
    [bowl, 'The minimum is at x = 2 and there are two minima.', 'partial'],
    [bowl, 'The minimum is at x = -1 with loss 5, and there are two minima.', 'incorrect'],
    [bowl, 'It is at x = 4 with a loss of 3, the only minimum.', 'incorrect'],
    [twoValleys, 'Two minima: the deeper one at x ≈ -1.47 (loss about -5.44) is global, the one near 1.35 is only local.', 'correct'],
    [twoValleys, 'The minimum is at x = -1.5, loss -5.4, the only minimum.', 'partial'],
    [twoValleys, 'the minimum is at x = 1.35, loss -2.6, it is the only minimum', 'incorrect'],
    [twoValleys, 'It is lowest at x = 0 where the loss is 0.', 'incorrect'],
    [twoValleys, 'There is a local minimum at x = 1.35 and another, lower valley.', 'partial'],
    [plateau, 'A single dip at x = 3 where the loss drops to 0.', 'correct'],
    [plateau, 'The minimum is at x = -6, loss 1, out on the flat part.', 'incorrect'],
    [plateau, 'the loss gets down to 0 at x = 3', 'partial'],
  ])('%#: %s → %s', (landscape, text, verdict) => {
    const v = gradeMinimumDescription(text, landscape);
    expect(v.verdict).toBe(verdict);
    if (verdict === 'incorrect') expect(v.score).toBe(0);
    expect(v.feedback).toMatch(/The plot shows: /);
  });

  test('the lead\'s description (local minimum, its loss, "the only one") names each false claim', () => {
    const v = gradeMinimumDescription('the minimum is at x = 1.35, loss -2.6, it is the only minimum', twoValleys);
    expect(v.feedback).not.toMatch(/You described/);
    expect(v.feedback).toMatch(/x ≈ 1\.35 is the other valley, a local minimum: the lowest point is at x ≈ -1\.47/);
    expect(v.feedback).toMatch(/a loss of -2\.6 is the local minimum's, not the lowest: the lowest loss is ≈ -5\.44/);
    expect(v.feedback).toMatch(/it is not the only minimum: there are 2/);
  });

  test('a wrong place on a bowl is said to be wrong, with where the minimum is', () => {
    const v = gradeMinimumDescription('The minimum is at x = -1 with loss 5, and there are two minima.', bowl);
    expect(v.feedback).toMatch(/x = -1 is not where the minimum is: it is at x ≈ 2/);
    expect(v.feedback).toMatch(/a loss of 5 is not the lowest: the lowest loss is ≈ 1/);
    expect(v.feedback).toMatch(/there is only one minimum, not several/);
  });
});

const valley: MapFacts = { vars: ['x', 'y'], minima: [{ x: 1, y: -0.5, f: 0, kind: 'minimum' }], steepAxis: 1, span: 7 };
const mapTwoValleys: MapFacts = {
  vars: ['x', 'y'],
  minima: [{ x: -1.04, y: 0, f: -0.31, kind: 'minimum' }, { x: 0.96, y: 0, f: 0.29, kind: 'minimum' }],
  steepAxis: 0,
  span: 4,
};

describe('2-D: describing a loss landscape', () => {
  test.each([
    ['Minimum at (1, -0.5); the bands crowd along y so it is steep in y and gentle in x; it is the only minimum.', valley, 'correct'],
    ['One minimum only, near x = 1 and y = -0.5, and the ground rises fastest in the y direction.', valley, 'correct'],
    ['at (1, -0.5), the only minimum', valley, 'partial'],
    ['It is steepest along y.', valley, 'partial'],
    ['The minimum is at (-1, 0.5) and it is steepest along x; there are two valleys.', valley, 'incorrect'],
    ['The minimum is at (0, 0), steep along x, the only one.', valley, 'incorrect'],
    ['Two valleys: the lowest at (-1, 0), another at (1, 0); steep along x, gentle along y.', mapTwoValleys, 'correct'],
    ['The lowest point is at (-1, 0).', mapTwoValleys, 'partial'],
    ['The only minimum is at (0.96, 0) and it is steep along y.', mapTwoValleys, 'incorrect'],
  ] as [string, MapFacts, string][])('%s → %s', (text, facts, verdict) => {
    const v = gradeMapDescription(text, facts);
    expect(v.verdict).toBe(verdict);
    if (verdict === 'incorrect') expect(v.score).toBe(0);
    expect(v.feedback).toMatch(/The map shows: the lowest point/);
  });

  test('wrong minimum, wrong steep direction, wrong count: each named', () => {
    const v = gradeMapDescription('The minimum is at (-1, 0.5) and it is steepest along x; there are two valleys.', valley);
    expect(v.feedback).not.toMatch(/You described/);
    expect(v.feedback).toMatch(/\(-1, 0\.5\) is not the minimum: it is at \(x, y\) ≈ \(1, -0\.5\)/);
    expect(v.feedback).toMatch(/it is steep along y, not x \(the bands crowd together along y\)/);
    expect(v.feedback).toMatch(/there is only one minimum, not several/);
  });

  test('the other valley called the only minimum', () => {
    const v = gradeMapDescription('The only minimum is at (0.96, 0) and it is steep along y.', mapTwoValleys);
    expect(v.feedback).toMatch(/\(0\.96, 0\) is the other valley, a local minimum: the lowest point is at \(x, y\) ≈ \(-1\.04, 0\)/);
    expect(v.feedback).toMatch(/it is not the only minimum: there are 2/);
  });
});
