import type { Token } from './clauses.js';

/**
 * Answers that cannot be graded on their content: empty, gibberish, a hedged one-word guess, a
 * question, or the question or its hint said back. Each gets a reason the learner can act on.
 */

/** Number of words as typed. */
export function wordCount(answer: string): number {
  return (answer.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN', 'NUM', 'X', 'SYM']);
const HEDGES = /\b(not sure|no idea|i do not know|i don'?t know|idk|dunno|maybe|perhaps|i guess|i think so|something with|something like|um+|umm+|hmm+)\b/i;
const FILLER = new Set(['sure', 'maybe', 'perhaps', 'guess', 'idea', 'know', 'think', 'something', 'thing', 'um', 'umm', 'hmm', 'ok', 'well']);

export const contentWords = (ts: Token[]): Token[] => ts.filter((t) => CONTENT_POS.has(t.pos) && !['be', 'have', 'do'].includes(t.lemma));

function wordlike(w: string): boolean {
  if (/^\d+$/.test(w)) return true;
  return /[aeiouy]/.test(w) && !/[bcdfghjklmnpqrstvwxz]{5,}/.test(w) && !/(.)\1\1/.test(w);
}

/** Few words, no vocabulary of the lesson, or mostly letters that make no words. */
export function isGibberish(ts: Token[], vocabulary: ReadonlySet<string>, dictionary: (t: Token) => boolean): boolean {
  if (!ts.length) return false;
  const known = ts.filter((t) => vocabulary.has(t.lemma) || dictionary(t)).length;
  const odd = ts.filter((t) => !wordlike(t.text)).length;
  return known === 0 || odd * 2 > ts.length;
}

/** "not sure… temperature?": a hedge or a question mark around a word or two, not a statement. */
export function isHedgedGuess(answer: string, ts: Token[]): boolean {
  const hedged = HEDGES.test(answer) || /\?\s*$/.test(answer);
  if (!hedged) return false;
  const content = contentWords(ts).filter((t) => !FILLER.has(t.lemma));
  return content.length <= 3;
}

/** An answer that asks instead of answering ("How does a gradient help learning?"). */
export function isQuestion(answer: string, ts: Token[]): boolean {
  return /\?\s*$/.test(answer) && /^(what|why|how|which|when|where|who|is|are|does|do|can|should|could)$/.test(ts[0]?.lemma ?? '');
}

const trigrams = (ls: string[]): string[] => ls.slice(0, Math.max(0, ls.length - 2)).map((_, i) => ls.slice(i, i + 3).join(' '));

/** Most of the answer's word runs are the prompt's or a hint's own. */
export function isPastedBack(ts: Token[], sources: string[][]): boolean {
  const mine = trigrams(ts.map((t) => t.lemma));
  if (mine.length < 2) return false;
  return sources.some((src) => {
    const theirs = new Set(trigrams(src));
    return mine.filter((g) => theirs.has(g)).length / mine.length >= 0.5;
  });
}

/** All the answer's content words are the question's own. */
export function restatesQuestion(ts: Token[], asked: ReadonlySet<string>): boolean {
  const content = contentWords(ts).filter((t) => !FILLER.has(t.lemma) && !['need', 'important', 'use', 'help', 'mean', 'thing', 'really', 'define', 'explain', 'example', 'simple', 'basically', 'lot', 'good', 'work', 'connect', 'matter'].includes(t.lemma));
  if (!content.length) return ts.length > 0;
  return content.filter((t) => asked.has(t.lemma)).length / content.length >= 0.8;
}
