import { stem } from './stem.js';

/**
 * A learner's answer (or a key phrase) as a list of words with their stems, sentence and clause.
 * Matching works on these tokens, never on raw regexes, so punctuation, case, British spelling and
 * word endings do not matter, while sentence and clause limits keep a phrase from being pieced
 * together across "…, but …".
 */
export interface Token {
  /** The word as written (lower case, contractions expanded). */
  word: string;
  stem: string;
  sentence: number;
  clause: number;
  /** A word that ends a clause for negation and gaps ("but", "and", "while", …). */
  boundary: boolean;
}

/** Words that end a clause: a "not" before them does not reach past them. */
const BOUNDARY = new Set([
  'and', 'but', 'so', 'because', 'since', 'while', 'whereas', 'however', 'although', 'though',
  'then', 'or', 'yet', 'unless', 'otherwise', 'instead', 'whilst', 'ie', 'eg',
]);

/** Words that turn what follows around; counted for parity ("not unrelated" = related). */
export const NEGATORS = new Set(['not', 'no', 'never', 'neither', 'nor', 'without', 'none']);

/**
 * Words that flip a direction or a sign ("the *negative* gradient", "the *opposite* of the gradient
 * direction", "*less* exact"). They cancel a match close to them but are not a plain "not".
 */
export const INVERTERS = new Set(['opposite', 'negative', 'minus', 'against', 'reverse', 'reversed', 'inverse', 'less', 'away', 'other', 'contrary']);

// Null-prototype tables: a learner's word may be "constructor" or "toString" (found by npm run fuzz).
/** Negative words written as one word, spelled out so that negation parity can see them. */
const NEGATIVE_WORDS: Record<string, string> = Object.assign(Object.create(null), {
  unrelated: 'not related', irrelevant: 'not relevant', unimportant: 'not important', unnecessary: 'not necessary',
  useless: 'not useful', pointless: 'not useful', needless: 'not needed', unneeded: 'not needed', unable: 'not able',
  impossible: 'not possible', cannot: 'can not', nothing: 'not anything', nowhere: 'not anywhere',
});

/** Abbreviations learners type, spelled out so one phrase in the key covers both. */
const ALIASES: Record<string, string> = Object.assign(Object.create(null), {
  grad: 'gradient', grads: 'gradients', lr: 'learning rate', ml: 'machine learning', nn: 'neural network',
  backprop: 'backpropagation', mse: 'mean squared error', mae: 'mean absolute error', sgd: 'stochastic gradient descent',
  eta: 'learning rate', alpha: 'learning rate',
});

/** Lower case; contractions, math signs and abbreviations with dots made into plain words. */
export function normalize(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/\b(i\.e|e\.g|etc|vs|approx)\./g, (m) => m.replace(/\./g, ''))
      .replace(/\bcan't\b/g, 'can not')
      .replace(/\bwon't\b/g, 'will not')
      .replace(/n't\b/g, ' not')
      .replace(/'(s|re|ve|ll|d|m)\b/g, '')
      // a minus sign between terms is a word that matters ("w - lr * grad" steps against the gradient)
      .replace(/-=|−|\s-\s|\s-(?=\d|[a-z(])/g, ' minus ')
      .replace(/\+=|\s\+\s/g, ' plus ')
      .replace(/∇/g, ' gradient ')
      .replace(/[η]/g, ' learning rate ')
      // "x^2", "x²", "x**2" read as "x squared", as learners also write it
      .replace(/\s*(\^|\*\*)\s*2\b|²/g, ' squared ')
      .replace(/&/g, ' and ')
  );
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const sentences = normalize(text).split(/[.!?;:]+(?=\s|$)|\n+/);
  let clause = 0;
  sentences.forEach((sentence, s) => {
    clause++;
    // Commas and dashes end a clause; brackets do not ("(f(x+h) - f(x))/h" is one thought).
    for (const part of sentence.split(/[,"]|\s[–—]\s/)) {
      clause++;
      for (const raw of part.match(/[\p{L}\p{N}]+/gu) ?? []) {
        const expanded = NEGATIVE_WORDS[raw] ?? ALIASES[raw] ?? raw;
        for (const word of expanded.split(' ')) {
          const boundary = BOUNDARY.has(word);
          if (boundary) clause++;
          tokens.push({ word, stem: stem(word), sentence: s, clause, boundary });
          if (boundary) clause++;
        }
      }
    }
  });
  return tokens;
}

/** Function words: what every English sentence has and no answer is made of. */
export const STOPWORDS = new Set(
  ('a an the is are was were be been being am of to in on at for with by from as it its this that these those and or ' +
    'but so if then than we you i they he she our your their my me us them do does did can could will would should may ' +
    'might must have has had not no what why how which who when where there here very much more most some any all each ' +
    'just also into about because like get make made one thing things something way really basically answer').split(' '),
);
