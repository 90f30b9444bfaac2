import { gradeRubric, pasteSources } from '../../src/grading/rubric.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { questions } from './seed.js';

/**
 * Paste-back: the question's prompt and every hint of the key (not only the first) said back are not
 * an answer, with or without the blanks, the capitals or the question mark; a hint filled in is.
 */
const rubricQuestions = questions.filter((q): q is RubricQuestion => q.kind === 'rubric');

describe('every hint and the prompt said back', () => {
  test('the bundled key has several hints for each written question', () => {
    expect(rubricQuestions.length).toBe(12);
    for (const q of rubricQuestions) expect(q.hints?.length).toBeGreaterThanOrEqual(2);
  });

  const cases = rubricQuestions.flatMap((q) => [
    ...(q.hints ?? []).map((h, i) => [q.ref, `hint ${i + 1}`, h] as const),
    [q.ref, 'the prompt', q.prompt] as const,
  ]);
  test.each(cases)('%s: %s pasted back is incorrect', (ref, _what, text) => {
    const q = rubricQuestions.find((x) => x.ref === ref)!;
    for (const variant of [text, text.toLowerCase().replace(/[?.]\s*$/, ''), text.replace(/_{3,}/g, '')]) {
      const v = gradeRubric(q, variant);
      expect(v.verdict).toBe('incorrect');
    }
  });

  test('each source is a text of the question: its prompt, then each hint once', () => {
    const q = rubricQuestions.find((x) => x.ref === 'quiz.7')!;
    expect(pasteSources(q)).toHaveLength(1 + q.hints!.length);
  });

  test.each([
    ['1.2.26.1', 'at a point, the derivative is how fast the output changes per tiny change in the input; on the graph it is the slope of the tangent line'],
    ['quiz.7', 'The gradient points where the loss increases fastest; so the weights are moved against it, by a step the learning rate sets.'],
    ['1.2.26.7', 'Backprop applies the chain rule from the loss backwards, layer by layer, to get the gradient of the loss for every weight, which gradient descent then uses.'],
  ])('%s: a hint with its blanks filled in is the learner\'s answer: %j', (ref, answer) => {
    const q = rubricQuestions.find((x) => x.ref === ref)!;
    expect(gradeRubric(q, answer).verdict).toBe('correct');
  });
});
