import type { MathQuestion } from './question.js';
import type { Verdict } from './verdict.js';

/** What the coding challenge's two readers (written maths, Python) share: closeness, samples, the verdict's form. */

export const TOLERANCE = 1e-9;
export const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
export const fmt = (v: number) => (Number.isNaN(v) ? 'undefined' : String(Number(v.toPrecision(12))));

/** Points where two functions must agree (the task's point first). */
export const SAMPLES = [-3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 4, 5, 7];

export function verdict(v: Verdict['verdict'], feedback: string[], q: MathQuestion): Verdict {
  const model = q.modelAnswer ?? `${q.target.name}(${q.target.param}) = ${q.target.body}; ${q.target.name}(${fmt(q.target.at)})`;
  return {
    verdict: v,
    score: v === 'correct' ? 1 : v === 'partial' ? 0.5 : 0,
    feedback: [...feedback, v !== 'correct' && v !== 'ungraded' && q.hint ? `Hint: ${q.hint}` : '', q.explanation ?? '', v === 'correct' ? '' : `Model answer: ${model}`]
      .filter(Boolean)
      .join('\n'),
    modelAnswer: model,
  };
}

/** Words of a text, for telling a hint or the task said back from an answer. */
const words = (s: string) => (s.toLowerCase().match(/[a-z]{2,}/g) ?? []);

function common(a: string[], b: string[]): number {
  const d = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) d[i][j] = a[i] === b[j] ? d[i + 1][j + 1] + 1 : Math.max(d[i + 1][j], d[i][j + 1]);
  return d[0][0];
}

/**
 * The task or one of its hints said back: nearly all of that text's words, in order, and next to
 * none of the learner's own. Code a hint shows, typed on its own, is the learner's answer (the
 * hint was there to help); the hint's sentence around it is not.
 */
export function saidBack(answer: string, q: MathQuestion): 'task' | 'hint' | null {
  const mine = words(answer);
  if (mine.length < 3) return null;
  const check = (source: string) => {
    const theirs = words(source);
    if (theirs.length < 4) return false;
    const shared = common(mine, theirs);
    return shared >= 0.8 * theirs.length && mine.length - shared <= Math.max(1, Math.floor(mine.length * 0.15));
  };
  if (check(q.prompt.split('\n')[0])) return 'task';
  return (q.hints?.length ? q.hints : q.hint ? [q.hint] : []).some(check) ? 'hint' : null;
}
