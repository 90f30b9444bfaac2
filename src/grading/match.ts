import { INVERTERS, NEGATORS, STOPWORDS, tokenize, type Token } from './text.js';

/**
 * Finding a key phrase in an answer, by stems, in order, with a few words allowed in between
 * ("minimise loss" matches "minimising the total loss"), and telling whether what was found is
 * said or denied ("the gradient does *not* point uphill", "the *negative* gradient").
 *
 * Phrase syntax: words separated by spaces; "..." allows a longer gap inside a clause;
 * a trailing "*" matches any word starting so ("accura*").
 */

interface Part {
  stem: string;
  prefix: boolean;
  maxGap: number;
}

export interface Phrase {
  text: string;
  parts: Part[];
}

export interface Match {
  phrase: string;
  start: number;
  end: number;
  /** Positions of the answer's words that matched the phrase's words. */
  at: number[];
  /** A plain "not"/"no"/"never" (odd number of them) applies: the answer says the opposite. */
  negated: boolean;
  /** An "opposite"/"negative"/"against" applies: the match is cancelled but not a denial. */
  inverted: boolean;
  /** The words of the answer that matched, for feedback. */
  quote: string;
}

const SHORT_GAP = 3;
const LONG_GAP = 6;

export function compilePhrase(text: string): Phrase {
  const parts: Part[] = [];
  text.split(/\s*(?:\.\.\.|…)\s*/).forEach((piece, i) => {
    let first = true;
    for (const w of piece.trim().split(/\s+/).filter(Boolean)) {
      const gap = first && i > 0 ? LONG_GAP : SHORT_GAP;
      first = false;
      if (w.endsWith('*') && w.length > 1) {
        parts.push({ stem: w.slice(0, -1).toLowerCase(), prefix: true, maxGap: gap });
        continue;
      }
      tokenize(w).forEach((t, k) => parts.push({ stem: t.stem, prefix: false, maxGap: k === 0 ? gap : 0 }));
    }
  });
  return { text, parts };
}

function same(t: Token, p: Part): boolean {
  return p.prefix ? t.word.startsWith(p.stem) || t.stem.startsWith(p.stem) : t.stem === p.stem;
}

/** May the answer go from token a to token b (b > a) inside one phrase? Never across a clause. */
function reachable(tokens: Token[], a: number, b: number, maxGap: number): boolean {
  if (b - a - 1 > maxGap || tokens[a].sentence !== tokens[b].sentence) return false;
  for (let i = a + 1; i < b; i++) if (tokens[i].boundary) return false;
  const allowed = (tokens[a].boundary ? 1 : 0) + (tokens[b].boundary ? 1 : 0);
  return Math.abs(tokens[b].clause - tokens[a].clause) <= allowed;
}

/** Positions matching parts[k..] after position `at`; `dead` remembers (k, at) that lead nowhere, so long answers stay linear. */
function findFrom(tokens: Token[], parts: Part[], k: number, at: number, used: number[], dead: Set<number>): number[] | null {
  if (k === parts.length) return used;
  const state = k * tokens.length + at;
  if (dead.has(state)) return null;
  for (let j = at + 1; j < tokens.length && j - at - 1 <= parts[k].maxGap; j++) {
    if (!reachable(tokens, at, j, parts[k].maxGap)) break;
    if (same(tokens[j], parts[k])) {
      const found = findFrom(tokens, parts, k + 1, j, [...used, j], dead);
      if (found) return found;
    }
  }
  dead.add(state);
  return null;
}

const NOT_REALLY = new Set(['only', 'just', 'merely', 'simply']);
const LINKS = new Set(['the', 'a', 'an', 'to', 'of', 'in', 'from', 'its', 'their', 'that', 'this']);

function isNegator(tokens: Token[], i: number): boolean {
  return NEGATORS.has(tokens[i].word) && !NOT_REALLY.has(tokens[i + 1]?.word ?? '');
}

/** Negation and inversion around a match: inside its gaps, and a few words before it in its clause. */
function polarity(tokens: Token[], at: number[]): { negated: boolean; inverted: boolean; from: number } {
  const inMatch = new Set(at);
  let from = at[0];
  let negations = 0;
  let inverted = false;
  for (let i = at[0] + 1; i < at[at.length - 1]; i++) {
    if (inMatch.has(i)) continue;
    if (isNegator(tokens, i)) negations++;
    if (INVERTERS.has(tokens[i].word)) inverted = true;
  }
  // Look back: up to 3 content words for a "not"; stop at the clause's start.
  const sameClause = (i: number) => tokens[i].clause === tokens[at[0]].clause && tokens[i].sentence === tokens[at[0]].sentence;
  let content = 0;
  for (let i = at[0] - 1; i >= 0 && content < 3 && sameClause(i); i--) {
    if (isNegator(tokens, i)) {
      negations++;
      from = i;
    } else if (!STOPWORDS.has(tokens[i].word)) content++;
  }
  // An "opposite"/"negative" flips a match only when it qualifies it: right before it, past
  // articles and prepositions ("the *opposite* of the direction of …"), not "against it, decreases".
  let i = at[0] - 1;
  while (i >= 0 && sameClause(i) && LINKS.has(tokens[i].word)) i--;
  // ("minus" is left out here: in "x - learning rate * gradient" it subtracts, it does not negate.)
  if (i >= 0 && sameClause(i) && INVERTERS.has(tokens[i].word) && tokens[i].word !== 'minus') {
    inverted = true;
    from = i;
  }
  let negated = negations % 2 === 1;
  // "you can't minimise the loss without derivatives": not … without … says the derivatives are needed.
  if (negated) {
    for (let i = at[at.length - 1] + 1; i < tokens.length && tokens[i].sentence === tokens[at[0]].sentence; i++) {
      if (tokens[i].word === 'without' || tokens[i].word === 'unless') negated = false;
    }
  }
  return { negated, inverted, from };
}

export function findPhrase(tokens: Token[], phrase: Phrase): Match[] {
  const matches: Match[] = [];
  if (!phrase.parts.length) return matches;
  const dead = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!same(tokens[i], phrase.parts[0])) continue;
    const at = findFrom(tokens, phrase.parts, 1, i, [i], dead);
    if (!at) continue;
    const { negated, inverted, from } = polarity(tokens, at);
    const end = at[at.length - 1];
    const quote = tokens.slice(negated || inverted ? from : i, end + 1).map((t) => t.word).join(' ');
    matches.push({ phrase: phrase.text, start: i, end, at, negated, inverted, quote });
  }
  return matches;
}

