/**
 * A small suffix-stripping stemmer for matching learners' words against an answer key.
 *
 * Written by hand because no well-kept JavaScript stemmer is installed (and adding a dependency
 * for ~60 lines is not worth it). It only has to be *consistent*: the key's phrases and the
 * learner's answer go through the same function, so "minimise", "minimizing", "minimization",
 * "minimum" and "minimal" all become "minim". It does not have to produce real words.
 */

const VOWEL = /[aeiouy]/;

/** British spellings → American, so both stem alike (colour/color, centre/center, analyse/analyze). */
function americanize(w: string): string {
  if (w.length > 4) {
    w = w
      .replace(/is(e|es|ed|ing|er|ers|ation|ations)$/, 'iz$1')
      .replace(/ys(e|es|ed|ing)$/, 'yz$1')
      .replace(/our(s|ed|ing)?$/, 'or$1')
      .replace(/([^aeiou])tre(s)?$/, '$1ter$2');
  }
  // modelling, travelled, labelled → modeling, traveled, labeled (long words only: "filling" stays).
  if (w.length >= 8) w = w.replace(/([aeiou][^aeiou]?[aeiou]?)ll(ing|ed|er)$/, '$1l$2');
  return w;
}

/** [suffix, replacement, shortest stem left behind] — tried in order, longest first. */
const RULES: [string, string, number][] = [
  ['izations', '', 4], ['ization', '', 4], ['ations', '', 3], ['ation', '', 3], ['itions', '', 3], ['ition', '', 3],
  ['ions', '', 4], ['ion', '', 4], ['ements', '', 3], ['ement', '', 3], ['ments', '', 3], ['ment', '', 3],
  ['nesses', '', 3], ['ness', '', 3], ['ingly', '', 3], ['ings', '', 3], ['ing', '', 3], ['edly', '', 3],
  ['ies', 'i', 3], ['ied', 'i', 3], ['ed', '', 3], ['ers', '', 3], ['er', '', 3], ['est', '', 4], ['ly', '', 3],
  ['ence', '', 4], ['ance', '', 4], ['ity', '', 4], ['ive', '', 4], ['iv', '', 4], ['ize', '', 3], ['iz', '', 3], ['al', '', 4], ['um', '', 4], ['at', '', 4],
  ['e', '', 3], ['y', 'i', 3],
];

function stripOnce(w: string): string {
  if (w.endsWith('s') && w.length > 3 && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  for (const [suffix, replacement, min] of RULES) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (suffix === 'ed' && stem.length < min && w.length === 4) return w.slice(0, -1); // used → use
    if (stem.length < min || !VOWEL.test(stem)) continue;
    return stem + replacement;
  }
  return w;
}

export function stem(word: string): string {
  let w = americanize(word.toLowerCase());
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  for (let i = 0; i < 4; i++) {
    const next = stripOnce(w);
    if (next === w) break;
    w = next;
  }
  // stepp(ing) → step, bigg(er) → big; but keep "ll", "ss" and "zz" (small, loss, fizz).
  if (/([b-df-hj-km-np-rtv-xz])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}
