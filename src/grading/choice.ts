import type { ChoiceQuestion } from './question.js';
import { ungraded, type Verdict } from './verdict.js';

/**
 * The option an answer names: its letter ("b", "B)", "(c)"), its number ("2"), or its text as
 * written ("def"); null when it names none.
 */
export function readChoice(q: Pick<ChoiceQuestion, 'options'>, answer: string): string | null {
  const a = answer.trim().replace(/^option\s+/i, '').replace(/[.!]$/, '').trim();
  const letter = /^\(?([A-Za-z])\)?[).:]?$/.exec(a);
  if (letter && q.options.some((o) => o.label === letter[1].toUpperCase())) return letter[1].toUpperCase();
  if (/^\d+$/.test(a) && q.options[Number(a) - 1] && !q.options.some((o) => o.label === a)) return q.options[Number(a) - 1].label;
  const plain = (s: string) => s.replace(/`/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return q.options.find((o) => plain(o.text) === plain(a))?.label ?? null;
}

export function gradeChoice(q: ChoiceQuestion, answer: string): Verdict {
  const picked = readChoice(q, answer);
  const letters = q.options.map((o) => o.label).join(', ');
  if (picked === null) {
    const shown = answer.trim() ? `“${answer.trim().slice(0, 40)}” is not one of the options: ` : '';
    return { verdict: 'ungraded', score: 0, retry: true, feedback: `${shown}answer with a letter (${letters}).` };
  }
  const option = (label: string) => `${label}) ${q.options.find((o) => o.label === label)?.text ?? ''}`.trim();
  const why = q.explanation ? `\n${q.explanation}` : '';
  if (q.answer === null) {
    return ungraded(`You chose ${option(picked)}. This lesson marks no answer for this question: check it against the lesson and note for yourself whether you were right.${why}`);
  }
  return picked === q.answer
    ? { verdict: 'correct', score: 1, feedback: `Correct: ${option(q.answer)}.${why}` }
    : { verdict: 'incorrect', score: 0, feedback: `Not correct: you chose ${option(picked)}; the answer is ${option(q.answer)}.${why}` };
}
