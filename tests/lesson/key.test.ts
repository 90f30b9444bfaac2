import { readFileSync } from 'node:fs';
import { parseLesson } from '../../src/lesson/parse.js';
import { parseKey } from '../../src/lesson/key.js';
import { checkKey } from '../../src/lesson/check.js';

const lessonText = readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.md', import.meta.url), 'utf8');
const keyText = readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.key.yaml', import.meta.url), 'utf8');
const lesson = parseLesson(lessonText);

/** A small key around one entry, for the validator's tables. */
const keyWith = (entry: string) => `lesson: "1.2.26"\nquestions:\n${entry}`;
const problemsOf = (text: string) => parseKey(text, lesson).problems;

describe('the bundled answer key', () => {
  const { key, problems } = parseKey(keyText, lesson);

  test('has no problems', () => {
    expect(problems).toEqual([]);
    expect(checkKey(lesson, keyText)).toEqual([]);
  });

  test('covers every exercise and quiz item', () => {
    expect(Object.keys(key.entries).sort()).toEqual(
      [...Array.from({ length: 9 }, (_, i) => `1.2.26.${i + 1}`), ...Array.from({ length: 8 }, (_, i) => `quiz.${i + 1}`)].sort(),
    );
  });

  test('exercises 6, 8 and 9 are labs with a command; the others are written', () => {
    const kinds = Object.fromEntries(lesson.exercises.map((e) => [e.id, key.entries[e.id].kind]));
    expect(kinds).toEqual({
      '1.2.26.1': 'written', '1.2.26.2': 'written', '1.2.26.3': 'written', '1.2.26.4': 'written', '1.2.26.5': 'written',
      '1.2.26.6': 'lab', '1.2.26.7': 'written', '1.2.26.8': 'lab', '1.2.26.9': 'lab',
    });
    for (const id of ['1.2.26.6', '1.2.26.8', '1.2.26.9']) expect(key.entries[id].lab).toMatch(/^(descend|grad) /);
  });

  test.each(['1.2.26.1', '1.2.26.2', '1.2.26.3', '1.2.26.4', '1.2.26.5', '1.2.26.6', '1.2.26.7', '1.2.26.8', '1.2.26.9', 'quiz.5', 'quiz.6', 'quiz.7'])(
    '%s has a rubric, misconceptions, a model answer, a hint and an explanation',
    (ref) => {
      const e = key.entries[ref];
      expect(e.rubric!.claims.length).toBeGreaterThanOrEqual(2);
      expect(e.rubric!.need.partial).toBeLessThanOrEqual(e.rubric!.need.correct);
      expect(e.rubric!.misconceptions.length).toBeGreaterThanOrEqual(1);
      for (const m of e.rubric!.misconceptions) expect(m.correction.length).toBeGreaterThan(20);
      expect(e.model!.length).toBeGreaterThan(40);
      expect(e.hint).toBeTruthy();
      expect(e.explanation).toBeTruthy();
    },
  );

  test('true/false items carry explanations; "gradients are vectors" explains the one-dimensional case', () => {
    for (const n of [1, 2, 3, 4]) expect(key.entries[`quiz.${n}`].explanation).toBeTruthy();
    expect(key.entries['quiz.3'].explanation).toMatch(/single number/);
    expect(key.entries['quiz.3'].explanation).toMatch(/1-vector/);
    expect(key.entries['quiz.3'].explanation).toMatch(/partial derivatives/);
  });

  test('the coding challenge: f(x) = x^2 at 3 is 9', () => {
    expect(key.entries['quiz.8'].coding).toEqual({ name: 'f', param: 'x', function: 'x^2', at: 3, expected: 9 });
  });
});

describe('the key validator', () => {
  test('malformed YAML: an error on its line', () => {
    const problems = problemsOf(keyWith('  quiz.1: {explanation: "x"\n  quiz.2: 3\n'));
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 4, message: expect.stringMatching(/^YAML: /) })]);
  });

  test('a duplicate ref is a YAML error with its line', () => {
    const problems = problemsOf(keyWith('  quiz.1:\n    explanation: a\n  quiz.1:\n    explanation: b\n'));
    expect(problems[0]).toMatchObject({ severity: 'error', line: 5 });
  });

  test('an unknown question ref names what the lesson has', () => {
    const problems = problemsOf(keyWith('  quiz.1:\n    explanation: x\n  1.2.26.12:\n    model: y\n'));
    expect(problems).toContainEqual({
      line: 5, severity: 'error',
      message: 'unknown question ref "1.2.26.12"; lesson 1.2.26 has exercises 1.2.26.1 … 1.2.26.9 and quiz items quiz.1 … quiz.8',
    });
  });

  test('an empty claim list is an error on its line', () => {
    const problems = problemsOf(keyWith('  1.2.26.1:\n    kind: written\n    claims: []\n'));
    expect(problems).toContainEqual(expect.objectContaining({ line: 5, severity: 'error', message: expect.stringContaining('"claims" is empty') }));
  });

  test('a claim with nothing in "says" is an error', () => {
    const problems = problemsOf(keyWith('  quiz.6:\n    claims:\n      - name: error\n        says: []\n'));
    expect(problems).toContainEqual(expect.objectContaining({ line: 6, severity: 'error', message: expect.stringContaining('needs "says"') }));
  });

  test('word groups, a direction and a flipped idea are read; a direction that is not one is an error', () => {
    const { key, problems } = parseKey(keyWith('  quiz.7:\n    claims:\n      - name: against\n        says: [[move, step], gradient]\n        direction: against\n        flipped: {name: with it, correction: no}\n      - name: odd\n        says: [x]\n        direction: sideways\n'), lesson);
    expect(key.entries['quiz.7'].rubric!.claims[0]).toEqual({ name: 'against', says: [['move', 'step'], ['gradient']], direction: 'against', flipped: { name: 'with it', correction: 'no' } });
    expect(problems).toContainEqual(expect.objectContaining({ line: 11, severity: 'error', message: 'quiz.7: claim "odd": direction "sideways" is not one of against, along, up, down, large, small' }));
  });

  test('required: true, or the name of a group of claims of which one is needed; anything else is an error', () => {
    const { key, problems } = parseKey(keyWith('  quiz.7:\n    claims:\n      - name: a\n        says: [x]\n        required: true\n      - name: b\n        says: [y]\n        required: direction\n      - name: c\n        says: [z]\n        required: 3\n'), lesson);
    expect(key.entries['quiz.7'].rubric!.claims.map((c) => c.required)).toEqual([true, 'direction', undefined]);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringContaining('claim "c": "required" is true, or the name of a group') }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: 'quiz.7: "required: direction" names a group of one claim; write "required: true", or give the group\'s other claims the same name' }));
  });

  test('the old form (concepts with phrases) is still read, with a warning to rename', () => {
    const { key, problems } = parseKey(keyWith('  quiz.6:\n    concepts:\n      - name: error\n        phrases: [how wrong, error]\n'), lesson);
    expect(key.entries['quiz.6'].rubric!.claims).toEqual([{ name: 'error', says: [['how wrong', 'error']] }]);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: 'quiz.6: "concepts" is now "claims"' }));
  });

  test('a coding entry whose expected value is not what its function gives', () => {
    const problems = problemsOf(keyWith('  quiz.8:\n    function: x^2\n    at: 3\n    expected: 6\n'));
    expect(problems).toContainEqual({ line: 6, severity: 'error', message: 'quiz.8: expected is 6, but f(3) with f(x) = x^2 is 9' });
  });

  test('a coding entry whose function cannot be read gives the engine\'s reason', () => {
    const problems = problemsOf(keyWith('  quiz.8:\n    function: x^^2\n    at: 3\n    expected: 9\n'));
    expect(problems).toContainEqual(expect.objectContaining({ line: 4, severity: 'error', message: expect.stringMatching(/^quiz.8: function "x\^\^2" cannot be read: /) }));
  });

  test('a coding entry without its point or value', () => {
    const problems = problemsOf(keyWith('  quiz.8:\n    function: x^2\n'));
    expect(problems).toContainEqual(expect.objectContaining({ line: 4, severity: 'error', message: expect.stringContaining('needs "function"') }));
  });

  test('a misconception that blocks an unknown concept; one without a correction', () => {
    const problems = problemsOf(keyWith('  quiz.6:\n    claims:\n      - name: error\n        says: [how wrong]\n    misconceptions:\n      - name: money\n        says: [lose money]\n        blocks: [errors]\n'));
    expect(problems).toContainEqual(expect.objectContaining({ line: 10, severity: 'error', message: 'quiz.6: misconception "money" blocks "errors", which is not a claim of this question' }));
    expect(problems).toContainEqual(expect.objectContaining({ line: 8, severity: 'warning', message: expect.stringContaining('no "correction"') }));
  });

  test('need must fit the number of claims', () => {
    const problems = problemsOf(keyWith('  quiz.6:\n    claims:\n      - name: error\n        says: [how wrong]\n    need: {correct: 2, partial: 1}\n'));
    expect(problems).toContainEqual(expect.objectContaining({ line: 7, severity: 'error', message: expect.stringContaining('≤ the number of claims (1)') }));
  });

  test('a bad kind, an unknown field, a lesson that does not match', () => {
    const problems = problemsOf('lesson: "1.2.27"\nquestions:\n  1.2.26.1:\n    kind: essay\n    modle: x\n');
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ line: 1, severity: 'error', message: 'this key is for lesson 1.2.27, but the lesson beside it is 1.2.26' }),
      expect.objectContaining({ line: 4, severity: 'error', message: '1.2.26.1: kind "essay" is not one of written, lab, self' }),
      expect.objectContaining({ line: 5, severity: 'warning', message: expect.stringContaining('unknown field "modle"') }),
    ]));
  });

  test('a true/false answer that contradicts the lesson', () => {
    const problems = problemsOf(keyWith('  quiz.2:\n    answer: true\n'));
    expect(problems).toContainEqual(expect.objectContaining({ line: 4, severity: 'error', message: 'quiz.2: the key says true but the lesson marks (False)' }));
  });

  test('a phrase made only of the question\'s words is flagged: it could never earn credit', () => {
    const problems = problemsOf(keyWith('  quiz.5:\n    claims:\n      - name: calculus\n        says: [calculus, derivative]\n'));
    expect(problems).toContainEqual(expect.objectContaining({ line: 6, severity: 'warning', message: expect.stringContaining('"calculus" of claim "calculus" only repeats the question') }));
    expect(problems.filter((p) => p.message.includes('derivative'))).toEqual([]);
  });

  test('questions without a key are one warning listing them', () => {
    const problems = problemsOf(keyWith('  quiz.1:\n    explanation: x\n'));
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^no key for 1\.2\.26\.1, .*quiz\.8: they are graded from the lesson alone$/) })]);
  });

  test('not a map at all', () => {
    expect(problemsOf('- just\n- a list\n')).toEqual([expect.objectContaining({ line: 1, severity: 'error' })]);
    expect(problemsOf('lesson: "1.2.26"\nquestions: 3\n')).toEqual([expect.objectContaining({ line: 2, severity: 'error' })]);
  });

  test('what can be read is kept even when other entries are wrong', () => {
    const { key } = parseKey(keyWith('  quiz.1:\n    explanation: because\n  quiz.99:\n    model: x\n'), lesson);
    expect(key.entries['quiz.1'].explanation).toBe('because');
  });
});

describe("a lab line in the key is checked like the command line (it once ran --steps 100000000)", () => {
  test.each([
    ['descend x^2 --steps 100000000', /1\.2\.26\.6: lab "descend x\^2 --steps 100000000": --steps must be 1–10000/],
    ['plot x^2', /1\.2\.26\.6: lab "plot x\^2" is not a lab calc-ml can run/],
  ])('%s: an error on its line, and no lab kept', (lab, message) => {
    const { key, problems } = parseKey(keyWith(`  1.2.26.6:\n    kind: lab\n    lab: "${lab}"\n`), lesson);
    expect(problems).toContainEqual(expect.objectContaining({ line: 5, severity: 'error', message: expect.stringMatching(message) }));
    if (/steps/.test(lab)) expect(key.entries['1.2.26.6'].lab).toBeUndefined();
  });
});
