/**
 * The usual Unicode maths, as the tutor prints it and as a learner copies it (x², 2·x, x − 1, √x, π),
 * rewritten into the engine's syntax (x^2, 2*x, x - 1, sqrt(x), pi). Pure.
 *
 * Written by hand: the rewriting must keep, for every character of the result, the character of the
 * input it came from, so that an error's caret points at what the learner typed; no library maps
 * both ways, and the table is small.
 */

export interface Normalized {
  /** The expression in engine syntax. */
  text: string;
  /** For each index of `text` (and one past its end), the index in the input it came from. */
  origin: number[];
}

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
  '⁻': '-', '⁺': '+',
};

/** One character for one: operators and spaces. */
const SINGLE: Record<string, string> = {
  '·': '*', '⋅': '*', '∙': '*', '×': '*', '∗': '*',
  '÷': '/', '∕': '/',
  '−': '-', '–': '-', '‐': '-', '‑': '-', '﹣': '-', '－': '-', '＋': '+',
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2002': ' ', '\u2003': ' ', '\u2007': ' ',
};

/** Names: written out, with a space before them where they would run into a name or number. */
const NAMES: Record<string, string> = { 'π': 'pi', 'θ': 'theta', 'τ': 'tau' };

const FRACTIONS: Record<string, string> = { '½': '(1/2)', '⅓': '(1/3)', '¼': '(1/4)', '¾': '(3/4)', '⅔': '(2/3)' };

const ROOTS: Record<string, string> = { '√': 'sqrt', '∛': 'cbrt' };

const WORD = /[A-Za-z0-9_]/;

/** `text` with Unicode maths rewritten to engine syntax, and where each character came from. */
export function normalizeMath(text: string): Normalized {
  // Plain ASCII (nearly every input) is returned as it is.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return { text, origin: Array.from({ length: text.length + 1 }, (_, i) => i) };
  let out = '';
  const origin: number[] = [];
  const put = (s: string, from: number) => {
    out += s;
    for (let k = 0; k < s.length; k++) origin.push(from);
  };
  const wordBefore = () => out.length > 0 && WORD.test(out[out.length - 1]);
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch in SUPERSCRIPTS) {
      // A run of superscripts is one exponent: x⁻¹ is x^(-1), x¹⁰ is x^10.
      let j = i;
      let exp = '';
      while (j < text.length && text[j] in SUPERSCRIPTS) exp += SUPERSCRIPTS[text[j++]];
      const plain = /^\d+$/.test(exp);
      put('^', i);
      if (!plain) put('(', i);
      for (let k = i; k < j; k++) put(SUPERSCRIPTS[text[k]], k);
      if (!plain) put(')', j - 1);
      i = j;
    } else if (ch in SINGLE) {
      put(SINGLE[ch], i++);
    } else if (ch in NAMES) {
      if (wordBefore() && !/\d/.test(out[out.length - 1])) put(' ', i);
      put(NAMES[ch], i);
      i++;
      if (i < text.length && WORD.test(text[i])) put(' ', i - 1);
    } else if (ch in FRACTIONS) {
      put(FRACTIONS[ch], i++);
    } else if (ch in ROOTS) {
      // √x, √2, √2.5 and √(x+1): the root of the atom that follows (√2x is √2 times x, as in print).
      if (wordBefore() && !/\d/.test(out[out.length - 1])) put(' ', i);
      put(ROOTS[ch], i);
      let j = i + 1;
      while (j < text.length && text[j] === ' ') j++;
      const atom = /^(?:\d+(?:\.\d*)?|\.\d+|[A-Za-z_][A-Za-z0-9_]*|[πθτ])/.exec(text.slice(j));
      if (text[j] === '(' || !atom) {
        i++;
        continue; // √(…) already has its brackets; a bare √ is left for the parser to refuse
      }
      put('(', i);
      for (let k = i + 1; k < j; k++) put(' ', k);
      const end = j + atom[0].length;
      for (let k = j; k < end; k++) {
        if (text[k] in NAMES) put(NAMES[text[k]], k);
        else put(text[k], k);
      }
      put(')', end - 1);
      i = end;
    } else {
      put(ch, i++);
    }
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** The 1-based column in the input of 1-based column `column` of the normalised text. */
export function originalColumn(n: Normalized, column: number): number {
  if (column < 1) return column;
  const i = column - 1;
  if (i < n.origin.length - 1) return n.origin[i] + 1;
  // Past the end (an unexpected end of input): as far past the input's end.
  return n.origin[n.origin.length - 1] + 1 + (i - (n.origin.length - 1));
}
