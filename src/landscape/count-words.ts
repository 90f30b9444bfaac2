/**
 * What a description says about how many minima there are: "the only one", "a single valley",
 * "no other minimum" say one; "two valleys", "another dip", "local minima" say several. Shared by
 * the 1-D and the 2-D mini-project graders. "No other" and "not another" deny a second one.
 */
const DENIED_SECOND = /\b(?:no|not an?|isn't an?|is not an?|without an?(?:ny)?|never an?)\s+(?:other|second|another|further|more)\b/g;
const MANY = /\b(two|three|several|multiple|many|another|second|other)\b.*\b(minim|valley|dip|low)|\blocal minim|\bminima\b|\bvalleys\b|\bdips\b/;
const ONE = /\b(only|single|unique|one)\b.*\b(minim|valley|dip|lowest|low point|bottom|one\b)|\bglobal minim|\bno other\b|\bjust one\b/;

export function countWords(text: string): { many: boolean; one: boolean } {
  const t = text.toLowerCase();
  const denied = DENIED_SECOND.test(t);
  DENIED_SECOND.lastIndex = 0;
  const many = MANY.test(t.replace(DENIED_SECOND, ' '));
  return { many, one: (ONE.test(t) || denied) && !many };
}
