import { gradeMapDescription, type MapFacts } from '../../src/landscape/describe.js';
import { readFileSync } from 'node:fs';
import { ideaMap } from '../../src/tutor/idea-map.js';

// The 2-D mini-project's grader, against what the map shows; and the core idea's map.
const valley: MapFacts = { vars: ['x', 'y'], minima: [{ x: 1, y: -0.5, f: 0, kind: 'minimum' }], steepAxis: 1, span: 7 };
const twoValleys: MapFacts = {
  vars: ['x', 'y'],
  minima: [{ x: -1.04, y: 0, f: -0.31, kind: 'minimum' }, { x: 0.96, y: 0, f: 0.29, kind: 'minimum' }],
  steepAxis: 0,
  span: 4,
};

describe('describing a 2-D landscape', () => {
  test.each([
    ['The minimum is at (1, -0.5), the only one; it is steep along y and flat along x.', valley, 'correct'],
    ['Lowest point x = 1 and y = -0.5. Only one minimum. The bands crowd together in the y direction.', valley, 'correct'],
    ['at (1, -0.5), the only minimum', valley, 'partial'],
    ['It is steepest along x; the minimum is at (1, -0.5), the only one.', valley, 'partial'],
    ['somewhere in the middle', valley, 'incorrect'],
    ['Two valleys: the lowest at (-1, 0), another at (1, 0); steep along x, gentle along y.', twoValleys, 'correct'],
    ['The minimum is at (1, 0), steep along x', twoValleys, 'partial'],
  ] as [string, MapFacts, string][])('%s → %s', (text, facts, verdict) => {
    const v = gradeMapDescription(text, facts);
    expect(v.verdict).toBe(verdict);
    expect(v.feedback).toMatch(/The map shows: the lowest point/);
  });

  test('naming the wrong axis as steep is pointed out', () => {
    const v = gradeMapDescription('steep along x', valley);
    expect(v.missing?.join(' ')).toMatch(/which way is steep \(along y/);
    expect(v.feedback).toMatch(/crowd together along y/);
  });

  test('the other valley named instead of the lowest is said to be a local minimum', () => {
    expect(gradeMapDescription('the minimum is at (0.96, 0)', twoValleys).feedback).toMatch(/\(0\.96, 0\) is the other valley, a local minimum/);
  });
});

describe('the core idea "gradients point to steepest ascent" as a map', () => {
  test('an arrow at the point, uphill and across the contour, and what it means in words', async () => {
    const out = await ideaMap({ expr: 'x^2 + 3*y^2', at: [1.5, 1], box: [-3, 3, -2, 2] }, { width: 72, colors: false });
    expect(out).toContain('◉');
    expect(out).toMatch(/[⬈↑]/);
    expect(out).toMatch(/[⇙⇓]/);
    const words = out.replace(/\n {2}/g, ' ');
    expect(words).toMatch(/gradient is ∇f = \(2 \* x, 6 \* y\) = \(3, 6\): it points up and to the right/);
    expect(words).toMatch(/Steepest descent, −∇f = \(-3, -6\), points the other way, down and to the left/);
    for (const l of out.split('\n')) expect([...l].length).toBeLessThanOrEqual(72);
  });
});

describe('a key\'s idea map is checked like its plots', () => {
  test.each([
    ['{expr: "x^2 + y^2 + z", at: [1, 1]}', /ideas entry 2: map: unknown variable z/],
    ['{expr: "x^2 + y^2", at: [1]}', /ideas entry 2: map: "at" must be a point \[x, y\]/],
    ['{expr: "x^2 + y^2", at: [1, 1], box: [1, 0, 0, 1]}', /ideas entry 2: map: "box" must be \[x0, x1, y0, y1\]/],
  ])('map: %s', async (map, message) => {
    const { parseLesson } = await import('../../src/lesson/parse.js');
    const { parseKey } = await import('../../src/lesson/key.js');
    const base = new URL('../../lessons/1.2.26-calculus-for-ml-big-picture', import.meta.url).pathname;
    const lesson = parseLesson(readFileSync(`${base}.md`, 'utf8'));
    const text = readFileSync(`${base}.key.yaml`, 'utf8').replace(/map: \{expr: "x\^2 \+ 3\*y\^2"[^\n]*\}/, `map: ${map}`);
    const { problems } = parseKey(text, lesson);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });
});
