import type { OpenQuestion } from './question.js';
import { ungraded, type Verdict } from './verdict.js';
import { wordCount } from './readable.js';

/**
 * Questions with nothing to grade against (no key): the answer is kept and the learner judges it,
 * against the lesson's own expected answer when it gives one, never against something invented.
 */
export function gradeOpen(q: OpenQuestion, answer: string): Verdict {
  if (!wordCount(answer)) {
    return { verdict: 'incorrect', score: 0, feedback: 'No answer was given: write a sentence or two in your own words.' };
  }
  const against = q.modelAnswer ? `Compare it with the expected answer: ${q.modelAnswer}` : 'Compare it with the lesson and judge for yourself whether it is complete.';
  return ungraded([`Your answer is kept. ${against}`, q.hint ? `Hint: ${q.hint}` : '', q.explanation ?? ''].filter(Boolean).join('\n'), q.modelAnswer);
}
