import { createRequire } from 'node:module';
import type { Document, ItsHelpers } from 'wink-nlp';

/**
 * The English reader behind grading: wink-nlp with wink-eng-lite-web-model (sentences, POS tags,
 * lemmas, negation flags).
 *
 * Why wink-nlp and not compromise: on our learners' answers both split clauses and find verbs, but
 * wink's lemmas are the ones a key needs ("Minimising" → minimize, "weights" → weight, "n't" → not)
 * and its negation flags mark the words a "not" reaches; it loads in ~0.27 s and reads an answer in
 * ~0.2 ms, where compromise took ~0.8 s to load and ~4 ms an answer. Either is too heavy for start-up,
 * so the model is loaded with a synchronous require on the first open answer graded (grading stays a
 * plain function), never on a path to the first prompt. The packages are runtime dependencies, not
 * bundled: the model is 4 MB of JavaScript that the quiz chunk would otherwise have to parse.
 */

export interface Word {
  /** As written, lower case. */
  text: string;
  /** As written, with its case, and the spaces typed before it: quotes are made of these. */
  raw: string;
  space: string;
  /** Dictionary form, lower case, American spelling ("minimising" → minimize). */
  lemma: string;
  /** Universal POS tag (NOUN, VERB, AUX, ADP, DET, PRON, PUNCT, …). */
  pos: string;
  /** wink-nlp's negation flag: a "not"/"no"/"never" before it reaches this word. */
  negated: boolean;
  sentence: number;
  /** In the model's English lexicon ("loss", "less", "rare"); false for "eror", "gradiant", "x". */
  known: boolean;
}

type Reader = (text: string) => Document;
let reader: { read: Reader; its: ItsHelpers; lexicon: number } | undefined;

function load(): NonNullable<typeof reader> {
  if (!reader) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
    const model = require('wink-eng-lite-web-model') as import('wink-eng-lite-web-model').Model;
    // Only what grading reads: sentence boundaries, negation, POS (lemmas follow from POS).
    const nlp = winkNLP(model, ['sbd', 'negation', 'pos']);
    // wink numbers the words of its lexicon first and each new word after them, in the order read:
    // the first word read that no lexicon holds gets the lexicon's size, and every id from there on
    // is a word the model has never seen (a misspelling, a symbol), which is what `known` tells.
    const probe = nlp.readDoc('qzxjvqzxjv').tokens().itemAt(0).out(nlp.its.uniqueId) as number;
    reader = { read: (t) => nlp.readDoc(t), its: nlp.its, lexicon: probe };
  }
  return reader;
}

/** British spellings the model leaves as they are ("minimisation", "optimiser", "colour"). */
function americanize(w: string): string {
  if (w.length <= 4) return w;
  return w
    .replace(/is(e|es|ed|ing|er|ers|ation|ations)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/our(s)?$/, 'or$1')
    .replace(/([^aeiou])tre(s)?$/, '$1ter$2');
}

/** Lemmas of the model that are not what a key means ("points" read as a plural noun is still "point"). */
function lemmaOf(value: string, lemma: string, pos: string): string {
  // Adjectives and adverbs keep their degree: "smallest" is not "small", "best" is not "good".
  const l = americanize((pos === 'ADJ' || pos === 'ADV' ? value : lemma).toLowerCase());
  // The model keeps unknown -ization/-ise words whole; reduce the common families to one form.
  return l
    .replace(/^(minimi|maximi|optimi)z(e|es|ed|ing|ation|ations|er|ers)$/, '$1ze')
    .replace(/^(.{3,})ization$/, '$1ize');
}

/** A word capitalised as typed ("Mean" at a sentence's start) has an id of its own: look it up in lower case. */
const knownLower = new Map<string, boolean>();
function isKnown(lower: string): boolean {
  let v = knownLower.get(lower);
  if (v === undefined) {
    const { read, its, lexicon } = load();
    const t = read(lower).tokens();
    v = t.length() === 1 && (t.itemAt(0).out(its.uniqueId) as number) < lexicon;
    if (knownLower.size > 50_000) knownLower.clear();
    knownLower.set(lower, v);
  }
  return v;
}

export function readWords(text: string): Word[] {
  const { read, its, lexicon } = load();
  const doc = read(text);
  const words: Word[] = [];
  doc.sentences().each((s, i) => {
    s.tokens().each((t: { out: (f: unknown) => unknown }) => {
      const typed = String(t.out(its.value));
      const value = typed.toLowerCase();
      const pos = String(t.out(its.pos));
      words.push({
        text: value,
        raw: typed,
        space: String(t.out(its.precedingSpaces) ?? ''),
        lemma: lemmaOf(value, String(t.out(its.lemma)), pos),
        pos,
        negated: Boolean(t.out(its.negationFlag)),
        sentence: i,
        known: (t.out(its.uniqueId) as number) < lexicon || isKnown(value),
      });
    });
  });
  return words;
}

/** Lemmas of a key phrase, read the same way as answers. */
/**
 * Words as the learner typed them, with their own case and spacing ("doesn't", not "does n't";
 * "I think", not "i think"); line breaks become spaces, as the quote is one line.
 */
export function quoteWords(ws: readonly Pick<Word, 'raw' | 'space'>[]): string {
  return ws.map((w, i) => (i ? w.space.replace(/\s+/g, ' ') : '') + w.raw).join('').trim();
}

export function lemmas(text: string): string[] {
  return readWords(text).filter((w) => w.pos !== 'PUNCT').map((w) => w.lemma);
}
