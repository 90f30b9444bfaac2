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
  // (by lemma and as typed: "Isn't it…?" starts with "is", whose lemma is "be")
  const first = ts[0];
  const asks = (w: string | undefined) => /^(what|why|how|which|when|where|who|is|are|be|does|do|did|can|should|could|would|will|have|has|isn|aren|doesn|don|wouldn|shouldn)$/.test(w ?? '');
  return /\?\s*$/.test(answer) && (asks(first?.lemma) || asks(first?.text));
}

/** A longest common subsequence of two word lists, as pairs of positions (in order). */
function alignment(a: string[], b: string[]): [number, number][] {
  const d = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) d[i][j] = a[i] === b[j] ? d[i + 1][j + 1] + 1 : Math.max(d[i + 1][j], d[i][j + 1]);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (d[i + 1][j] >= d[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** A text the answer may have been copied from (the question, each hint), as lemmas; "___" stays as a blank. */
export interface Source {
  lemmas: string[];
}
const BLANK = /^_+$/;

/**
 * The answer is the question or a hint said back (any hint, not only the first): most of its words,
 * in order, are that text's, and it adds next to nothing of its own. A hint with blanks filled in
 * ("… the ___ of the tangent line" answered "… the slope of the tangent line") is the learner's
 * own answer: words of theirs stand where the blanks were.
 */
export function isPastedBack(ts: Token[], sources: Source[]): boolean {
  const mine = ts.filter((t) => !BLANK.test(t.text)).map((t) => t.lemma);
  if (mine.length < 4) return false;
  return sources.some(({ lemmas: src }) => {
    if (!src.length) return false;
    const pairs = alignment(mine, src);
    // (and most of the text is said back: "a rate of change", four words of a long hint, is an
    // answer; a piece of a hint with its blank left empty, "it is the ___ of the tangent", is not)
    // (a piece of a hint is said back too when its questions are left asking: "what do you choose,
    // what do you make smallest")
    const unfilled = ts.some((t) => BLANK.test(t.text) || t.question);
    if (pairs.length / mine.length < 0.7 || (!unfilled && pairs.length / src.filter((l) => !BLANK.test(l)).length < 0.5)) return false;
    const own = mine.length - pairs.length;
    const blanks = src.flatMap((l, j) => (BLANK.test(l) ? [j] : []));
    // A blank is filled when words of the answer that match nothing sit where it was.
    const filled = blanks.filter((b) => {
      const before = [...pairs].reverse().find(([, j]) => j < b);
      const after = pairs.find(([, j]) => j > b);
      return (after ? after[0] : mine.length) - (before ? before[0] + 1 : 0) > 0;
    }).length;
    if (blanks.length && filled * 2 >= blanks.length) return false;
    return own <= Math.max(1, Math.floor(mine.length * 0.15));
  });
}

/** All the answer's content words are the question's own. */
export function restatesQuestion(ts: Token[], asked: ReadonlySet<string>): boolean {
  const content = contentWords(ts).filter((t) => !FILLER.has(t.lemma) && !['need', 'important', 'use', 'help', 'mean', 'thing', 'really', 'define', 'explain', 'example', 'simple', 'basically', 'lot', 'good', 'work', 'connect', 'matter'].includes(t.lemma));
  if (!content.length) return ts.length > 0;
  return content.filter((t) => asked.has(t.lemma)).length / content.length >= 0.8;
}

/** A question that asks what a thing is: "What is a loss function?", "Define derivative in one sentence." */
export function asksDefinition(prompt: string): boolean {
  return /^\s*(what\s+is|what\s+are|what's|define)\b/i.test(prompt);
}

/**
 * "Like MSE or cross-entropy", "e.g. the mean squared error": a few words that open as examples and
 * state nothing (no auxiliary, no pronoun to say something of) name instances, not what the thing is.
 */
export function examplesOnly(answer: string, ts: Token[]): boolean {
  if (!/^\s*(like|e\.?\s?g\.?|eg|such as|for example|for instance|examples?\s*:)(?![\p{L}])/iu.test(answer)) return false;
  return wordCount(answer) <= 8 && !ts.some((t) => t.pos === 'AUX' || t.pos === 'PRON');
}

/** The thing a definition question asks about: "Define derivative in one sentence." → "derivative". */
export function definedTerm(prompt: string): string | undefined {
  return prompt.match(/^\s*(?:what\s+is|what\s+are|what's|define)\s+(?:an?\s+|the\s+)?(.+?)(?:\s+in\s+.*)?\s*[?.!]*$/i)?.[1];
}

const OPENS_SUBORDINATE = new Set(['how', 'what', 'which', 'when', 'where', 'why', 'that', 'if', 'whether', 'like', 'as']);

/**
 * "The speedometer of a car shows a rate of change in km per hour", asked to define a derivative:
 * the answer never names the thing asked, and its first statement is said of something the
 * question and key never speak of (its subject, the first noun before the verb). That describes an
 * example, not the thing. Returns that subject, or undefined.
 */
export function describesOther(ts: Token[], term: string, vocabulary: ReadonlySet<string>): string | undefined {
  const termWords: string[] = term.toLowerCase().match(/[a-z]+/g) ?? [];
  const isTerm = (t: Token) => termWords.includes(t.lemma) || termWords.includes(t.text);
  const first = ts.filter((t) => t.clause === ts[0]?.clause);
  // The thing asked may be named and still not be what the answer speaks of: "Backpropagation uses
  // the chain rule to compute the derivative of the loss" says what backpropagation does. Named
  // before the first statement's verb, or in any other statement, it is the answer's subject.
  const verbAt = first.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const inSubject = first.slice(0, verbAt < 0 ? first.length : verbAt).some(isTerm);
  if (inSubject || ts.some((t) => isTerm(t) && t.clause !== ts[0]?.clause)) return undefined;
  const named = first.some(isTerm);
  // The subject: a noun phrase at the start ("the speedometer of a car"), then a verb that is not "be"
  // ("The thing gradient descent minimises", "the cost of being wrong" are what the thing is).
  let k = 0;
  const nounPhrase = () => {
    while (first[k] && (first[k].pos === 'DET' || first[k].pos === 'ADJ' || POSSESSIVE.has(first[k].lemma))) k++;
    const head = k;
    while (first[k] && (first[k].pos === 'NOUN' || first[k].pos === 'PROPN')) k++;
    return k > head ? first[head] : undefined;
  };
  const start = k;
  const subject = nounPhrase();
  if (!subject) return undefined;
  // (named later in the statement, the thing spoken of is a lesson's other thing only when the
  // subject holds a word the key never uses: "gradient *descent*", not "the slope of the tangent")
  if (GENERIC.has(subject.lemma)) return undefined;
  const subjectWords = first.slice(start, k);
  if (subjectWords.every((t) => vocabulary.has(t.lemma) || GENERIC.has(t.lemma))) return undefined;
  // ("the speedometer of a car": the thing is the one before "of")
  if (first[k]?.lemma === 'of' && (k++, !nounPhrase())) return undefined;
  if (first[k]?.pos !== 'VERB' || OPENS_SUBORDINATE.has(first[0].lemma)) return undefined;
  return subject.text;
}
const POSSESSIVE = new Set(['my', 'your', 'our', 'his', 'her', 'its', 'their']);
/** Nouns a definition opens with, of any thing: "the thing that …", "a number that …". */
const GENERIC = new Set(['thing', 'something', 'one', 'number', 'value', 'quantity', 'measure', 'way', 'score', 'tool', 'formula', 'idea', 'concept', 'method', 'term', 'word']);
