import { grade } from '../../src/grading/index.js';
import { readChoice } from '../../src/grading/choice.js';
import type { ChoiceQuestion } from '../../src/grading/question.js';

const q: ChoiceQuestion = {
  ref: 'quiz.1', kind: 'choice', section: 'multipleChoice', prompt: 'Which keyword defines a function?', line: 1,
  options: [{ label: 'A', text: 'func' }, { label: 'B', text: '`def`' }, { label: 'C', text: 'lambda' }], answer: 'B', explanation: 'def starts a definition',
};

describe('multiple choice', () => {
  test.each([
    ['B', 'B'], ['b', 'B'], ['b)', 'B'], ['(b)', 'B'], ['B.', 'B'], ['option b', 'B'], ['2', 'B'], ['def', 'B'], ['  Lambda ', 'C'],
    ['d', null], ['', null], ['maybe', null], ['4', null],
  ])('%j names option %s', (answer, label) => expect(readChoice(q, answer)).toBe(label));

  test.each([
    ['b', 'correct', 1, /^Correct: B\) `def`\.\ndef starts a definition$/],
    ['a', 'incorrect', 0, /^Not correct: you chose A\) func; the answer is B\) `def`\./],
    ['z', 'ungraded', 0, /is not one of the options: answer with a letter \(A, B, C\)/],
  ])('%j → %s', (answer, verdict, score, feedback) => {
    const v = grade(q, answer);
    expect(v).toMatchObject({ verdict, score });
    expect(v.feedback).toMatch(feedback);
  });

  test('without a marked answer the choice is kept and self-checked, never guessed', () => {
    const v = grade({ ...q, answer: null }, 'a');
    expect(v.verdict).toBe('ungraded');
    expect(v.feedback).toMatch(/You chose A\) func\. This lesson marks no answer/);
  });
});
