import { gradeTrueFalse, readTrueFalse } from '../../src/grading/truefalse.js';
import type { TrueFalseQuestion } from '../../src/grading/question.js';
import { question } from './seed.js';

describe('reading a true/false answer', () => {
  test.each([
    ['true', true], ['True', true], ['TRUE', true], ['t', true], ['T', true], ['yes', true], ['Yes.', true], ['y', true], ['  Y  ', true], ['true.', true],
    ['false', false], ['False', false], ['f', false], ['F.', false], ['no', false], ['NO', false], ['n', false], [' false. ', false],
  ])('%j → %s', (answer, expected) => {
    expect(readTrueFalse(answer)).toBe(expected);
  });

  test.each(['', 'maybe', 'tru', 'yes!', 'true false', '1', '0', 'correct', 'nope', 'true..'])('%j is not an answer', (answer) => {
    expect(readTrueFalse(answer)).toBeNull();
  });
});

describe('the quick check of lesson 1.2.26', () => {
  const tf = (n: number) => question(`quiz.${n}`) as TrueFalseQuestion;

  test.each([
    [1, 'true', 'correct'], [1, 'F', 'incorrect'],
    [2, 'false', 'correct'], [2, 'yes', 'incorrect'],
    [3, 'True', 'correct'], [3, 'n', 'incorrect'],
    [4, 'y', 'correct'], [4, 'false.', 'incorrect'],
  ])('quiz.%i: %s is %s, with the explanation', (n, answer, verdict) => {
    const v = gradeTrueFalse(tf(n), answer);
    expect(v.verdict).toBe(verdict);
    expect(v.score).toBe(verdict === 'correct' ? 1 : 0);
    expect(v.feedback).toContain(tf(n).explanation!);
  });

  test('item 3 explains the one-dimensional gradient', () => {
    expect(gradeTrueFalse(tf(3), 'false').feedback).toMatch(/^Not correct: the statement is true\.\nFor a function of n inputs .*single number.*1-vector/s);
  });

  test('anything else asks again instead of counting as wrong', () => {
    const v = gradeTrueFalse(tf(1), 'maybe');
    expect(v).toMatchObject({ verdict: 'ungraded', retry: true, score: 0 });
    expect(v.feedback).toContain('please answer true or false');
    expect(gradeTrueFalse(tf(1), '').retry).toBe(true);
  });

  test('an unmarked item (milestone test) is a self-check: ungraded, the learner decides', () => {
    const q: TrueFalseQuestion = { ref: 'quiz.12', kind: 'truefalse', section: 'trueFalse', prompt: 'Gradients always point downhill.', line: 40, answer: null };
    const v = gradeTrueFalse(q, 'false');
    expect(v.verdict).toBe('ungraded');
    expect(v.retry).toBeUndefined();
    expect(v.feedback).toMatch(/^You said false\. This lesson marks no answer/);
  });
});
