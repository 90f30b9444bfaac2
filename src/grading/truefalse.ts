import type { TrueFalseQuestion } from './question.js';
import { ungraded, type Verdict } from './verdict.js';

const TRUE = new Set(['true', 't', 'yes', 'y']);
const FALSE = new Set(['false', 'f', 'no', 'n']);

/** true/false/t/f/yes/no/y/n in any case, spaces around and a trailing period allowed; else null. */
export function readTrueFalse(answer: string): boolean | null {
  const a = answer.trim().replace(/\.$/, '').trim().toLowerCase();
  return TRUE.has(a) ? true : FALSE.has(a) ? false : null;
}

const said = (b: boolean) => (b ? 'true' : 'false');

export function gradeTrueFalse(q: TrueFalseQuestion, answer: string): Verdict {
  const given = readTrueFalse(answer);
  if (given === null) {
    const shown = answer.trim() ? `“${answer.trim().slice(0, 40)}” is not an answer here: ` : '';
    return { verdict: 'ungraded', score: 0, retry: true, feedback: `${shown}please answer true or false (t/f, yes/no also work).` };
  }
  const why = q.explanation ? `\n${q.explanation}` : '';
  if (q.answer === null) {
    return ungraded(`You said ${said(given)}. This lesson marks no answer for this statement: check it against the lesson and note for yourself whether you were right.${why}`);
  }
  return given === q.answer
    ? { verdict: 'correct', score: 1, feedback: `Correct: the statement is ${said(q.answer)}.${why}` }
    : { verdict: 'incorrect', score: 0, feedback: `Not correct: the statement is ${said(q.answer)}.${why}` };
}
