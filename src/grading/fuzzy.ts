/**
 * Misspellings: learners type "gradiant", "opposit", "analitic". A word one edit away (two for
 * long words) from a key word, with the same first letter, counts as that word. Hand-written
 * because it is ten lines of the textbook algorithm, cut off early; no library here does the cut-off.
 */

/** Damerau–Levenshtein distance (adjacent swaps count one), stopping early past `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      best = Math.min(best, d[i][j]);
    }
    if (best > max) return max + 1;
  }
  return d[a.length][b.length];
}

/** A typed word standing for a key word: one edit for 5–8 letters (no letter added or dropped up to 6), two from 9; same first letter. */
export function nearWord(typed: string, word: string): boolean {
  const n = word.length;
  if (n < 5 || typed[0] !== word[0] || /\d/.test(typed)) return false;
  const max = n >= 9 ? 2 : 1;
  // Short words only by a changed or swapped letter, or an ending ("squared" for "square"):
  // "step" is not a misspelt "steep".
  if (n <= 6 && typed.length !== n) return Math.abs(typed.length - n) === 1 && (typed.startsWith(word) || word.startsWith(typed));
  return distance(typed, word, max) <= max;
}

/** A typed word starting with a key prefix ("analytic*"), one edit allowed in a prefix of 6 or more. */
export function nearPrefix(typed: string, prefix: string): boolean {
  if (typed.startsWith(prefix)) return true;
  const n = prefix.length;
  if (n < 6 || typed[0] !== prefix[0]) return false;
  return [n - 1, n, n + 1].some((k) => typed.length >= k && distance(typed.slice(0, k), prefix, 1) <= 1);
}

/** The value of a typed word in a table of words, exact or one edit away (for words of 6 letters or more). */
export function lookupNear<T>(table: Record<string, T>, word: string, cache: Map<string, T | undefined>): T | undefined {
  const exact = table[word];
  if (exact !== undefined || word.length < 6) return exact;
  if (cache.has(word)) return cache.get(word);
  let found: T | undefined;
  for (const key in table) {
    if (key.length >= 6 && key[0] === word[0] && distance(word, key, 1) <= 1) {
      found = table[key];
      break;
    }
  }
  cache.set(word, found);
  return found;
}
