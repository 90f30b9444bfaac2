/**
 * Praise after a right answer and a nudge before another try, in a few wordings (swirl's habit:
 * the same line every time stops being read). The verdict word is never replaced, only followed.
 * Chosen by a hash of the question and the try, so a transcript is the same on every run.
 */

const PRAISE = ['Well done.', 'Nice work.', 'Exactly.', 'Spot on.', 'That is it.', 'Good thinking.', 'Keep it up.'];
const TRY_AGAIN = ['Have another go.', 'Try once more.', 'You are close: one more try.', 'Give it another shot.', 'Not there yet: try again.'];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function praise(ref: string, tries: number): string {
  return PRAISE[hash(`${ref}#${tries}`) % PRAISE.length];
}

export function tryAgain(ref: string, tries: number): string {
  return TRY_AGAIN[hash(`${ref}#${tries}`) % TRY_AGAIN.length];
}

/**
 * What a right answer is worth after extra tries and hints: each try after the first costs a
 * quarter, each hint a tenth, and a right answer keeps at least a quarter. A partly right answer
 * is scaled the same way; a wrong one stays 0.
 */
export function triedScore(score: number, tries: number, hintsUsed: number): number {
  const factor = Math.max(0.25, 1 - 0.25 * Math.max(0, tries - 1) - 0.1 * hintsUsed);
  return Math.round(score * factor * 100) / 100;
}
