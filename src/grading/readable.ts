import { STOPWORDS, type Token } from './text.js';

/**
 * Answers that cannot be graded on their content: empty, one word, gibberish, or the question
 * said back. Each gets a reason the learner can act on.
 */

/** Words that add nothing to a restated question ("ML needs calculus because it is important"). */
const FILLER = new Set(
  ('need needs needed important useful use used uses help helps helping reason reasons mean means meaning thing things ' +
    'stuff really define definition defined called call explain describe example give simple basically essentially ' +
    'lot lots well good work works why how what yes yeah ok okay').split(' '),
);

function wordlike(w: string): boolean {
  if (/^\d+$/.test(w)) return true;
  return /[aeiouy]/.test(w) && !/[bcdfghjklmnpqrstvwxz]{5,}/.test(w) && !/(.)\1\1/.test(w);
}

/** Number of words as typed (before "MSE" is spelled out). */
export function wordCount(answer: string): number {
  return (answer.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

export function isGibberish(tokens: Token[], vocabulary: Set<string>): boolean {
  if (!tokens.length) return false;
  const known = tokens.filter((t) => STOPWORDS.has(t.word) || vocabulary.has(t.stem)).length;
  const odd = tokens.filter((t) => !wordlike(t.word)).length;
  return known === 0 || odd * 2 > tokens.length;
}

/** All the answer's content words are the question's own (or filler). */
export function restatesQuestion(tokens: Token[], question: Token[]): boolean {
  const asked = new Set(question.map((t) => t.stem));
  const content = tokens.filter((t) => !STOPWORDS.has(t.word) && !FILLER.has(t.word));
  if (!content.length) return tokens.length > 0;
  const repeated = content.filter((t) => asked.has(t.stem)).length;
  return repeated / content.length >= 0.8;
}
