import { closingLine, count, emptyTally, gradable, passOf, quizOutcome, scoreLine, type Tally } from '../../src/tutor/quiz-score.js';
import { compareRuns, normalOutput } from '../../src/tutor/python-compare.js';
import type { Question } from '../../src/grading/index.js';

const t = (x: Partial<Tally>): Tally => ({ ...emptyTally(), ...x });

describe('score line: only what was graded, and what was kept', () => {
  test.each([
    [t({ score: 4, total: 4, kept: 4 }), '4 of 4 graded right (100%); 4 answers kept for you to check against the lesson'],
    [t({ score: 7, total: 8 }), '7 of 8 graded right (88%)'],
    [t({ score: 2.5, total: 4, kept: 1 }), '2.5 of 4 graded right (63%); 1 answer kept for you to check against the lesson'],
    [t({ kept: 3 }), 'nothing was graded; 3 answers kept for you to check against the lesson'],
    [t({ kept: 3, selfChecked: 3, selfRight: 2 }), 'nothing was graded; 3 answers kept for you to check against the lesson (you judged 2 of 3 right)'],
    [t({ score: 1, total: 2, kept: 1, skipped: 2 }), '1 of 2 graded right (50%); 1 answer kept for you to check against the lesson; 2 questions skipped (not answered)'],
    [t({ score: 3, total: 4, skipped: 1 }), '3 of 4 graded right (75%); 1 question skipped (not answered)'],
    [t({ skipped: 2 }), 'nothing was graded; 2 questions skipped (not answered)'],
  ])('%j → %s', (tally, line) => expect(scoreLine(tally)).toBe(line));
});

describe('closing line: "Everything right" only when nothing is left unchecked', () => {
  test.each([
    [t({ score: 4, total: 4 }), 0, 'Everything right. Well done.'],
    [t({ score: 4, total: 4, kept: 4 }), 0, "Every graded answer right. Check the 4 kept answers against the lesson's answers shown with them."],
    [t({ score: 3, total: 4 }), 1, null],
    [t({ kept: 4 }), 0, null],
    // A question skipped: not everything was answered, so "everything right" would overclaim.
    [t({ score: 3, total: 3, skipped: 1 }), 0, null],
  ])('%j, %i missed → %s', (tally, missed, line) => expect(closingLine(tally, missed)).toBe(line));
});

describe('pass mark: 70% of what is graded by default', () => {
  test.each([
    [t({ score: 7, total: 10 }), 10, 0.7, true],
    [t({ score: 6.9, total: 10 }), 10, 0.7, false],
    [t({ score: 2, total: 4, kept: 4 }), 8, 0.5, true],
    [t({ kept: 4 }), 4, 0.7, true],
    [t({ kept: 3, skipped: 1 }), 4, 0.7, false],
    // 3 of 3 answered right is 100% of what is graded, but a fourth was skipped: not passed.
    [t({ score: 3, total: 3, skipped: 1 }), 4, 0.7, false],
  ])('%j over %i questions, mark %f → %s', (tally, n, mark, passed) => expect(passOf(tally, n, mark).passed).toBe(passed));
  test('the rule is stated', () => {
    expect(passOf(t({ score: 1, total: 1 }), 1).rule).toBe('pass mark 70% of what is graded');
    expect(passOf(t({ kept: 1 }), 1).rule).toMatch(/nothing here can be graded/);
  });
});

describe('complete and passed once the last question is reached: a skipped question leaves the quiz unfinished', () => {
  test.each([
    ['all answered, 3 of 4', t({ score: 3, total: 4 }), 4, { complete: true, passed: true }],
    ['all answered, 2 of 4', t({ score: 2, total: 4 }), 4, { complete: true, passed: false }],
    ['3 of 3 graded right, 1 skipped', t({ score: 3, total: 3, skipped: 1 }), 4, { complete: false, passed: null }],
    ['every question skipped', t({ skipped: 4 }), 4, { complete: false, passed: null }],
    ['kept only, all answered', t({ kept: 4 }), 4, { complete: true, passed: true }],
    ['kept, 1 skipped', t({ kept: 3, skipped: 1 }), 4, { complete: false, passed: null }],
    ['no questions', t({}), 0, { complete: false, passed: null }],
  ])('%s', (_name, tally, n, want) => expect(quizOutcome(tally, n)).toMatchObject(want));
  test('every gradable question skipped: the rule said is the pass mark, not "nothing here can be graded"', () => {
    expect(quizOutcome(t({ skipped: 8 }), 8, null, true).rule).toBe('pass mark 70% of what is graded');
    expect(quizOutcome(t({ skipped: 2 }), 2, null, false).rule).toMatch(/nothing here can be graded/);
  });
});

describe('count: a skip is neither right nor a miss, for any question', () => {
  test.each([
    [{ verdict: 'correct', score: 1, skipped: false }, t({ score: 1, total: 1 })],
    [{ verdict: 'partial', score: 0.5, skipped: false }, t({ score: 0.5, total: 1 })],
    [{ verdict: 'incorrect', score: 0, skipped: false }, t({ total: 1 })],
    [{ verdict: 'skipped', score: 0, skipped: true }, t({ skipped: 1 })],
    [{ verdict: 'ungraded', score: 0, skipped: false, self: 'right' as const }, t({ kept: 1, selfChecked: 1, selfRight: 1 })],
    [{ verdict: 'ungraded', score: 0, skipped: false }, t({ kept: 1 })],
  ])('%j', (a, want) => {
    const tally = emptyTally();
    count(tally, a);
    expect(tally).toEqual(want);
  });
  test.each([
    [{ kind: 'open' }, false],
    [{ kind: 'truefalse', answer: null }, false],
    [{ kind: 'truefalse', answer: true }, true],
    [{ kind: 'math' }, true],
    [{ kind: 'choice', answer: null }, false],
    [{ kind: 'choice', answer: 'B' }, true],
    [{ kind: 'rubric' }, true],
  ])('gradable(%j) = %s', (q, want) => expect(gradable(q as Question)).toBe(want));
});

describe('python runs compared by what they print', () => {
  const run = (stdout: string, status: number | null = 0, timedOut = false, stderr = '') => ({ stdout, stderr, status, timedOut });
  test.each([
    [run('1.0\n1.5\n'), run('1.0\n1.5'), true, /Same output/],
    [run('1.0  \r\n1.5\r\n\n'), run('1.0\n1.5\n'), true, /Same output/],
    [run('1\n'), run('1.0\n'), false, /differ/],
    [run('', 1, false, 'Traceback\nNameError: x'), run('1\n'), false, /error \(exit 1\): NameError: x[\s\S]*cannot be compared/],
    [run('', null, true), run('1\n'), false, /did not finish within 5 s[\s\S]*cannot be compared/],
    [run(''), run(''), false, /Neither printed anything/],
  ])('%j vs %j', (mine, lesson, same, text) => {
    const c = compareRuns(mine, lesson, 5);
    expect(c.same).toBe(same);
    expect(c.lines.join('\n')).toMatch(text);
  });
  test('normal output', () => expect(normalOutput('a \r\nb\t\n\n')).toBe('a\nb'));
});
