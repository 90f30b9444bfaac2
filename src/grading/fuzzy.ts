/**
 * Misspellings: learners type "gradiant", "opposit", "analitic". A word one edit away (two for
 * long words) from a key word, with the same first letter, counts as that word. Hand-written
 * because it is ten lines of the textbook algorithm, cut off early; no library here does the cut-off.
 */

/** Damerau–Levenshtein distance (adjacent swaps count one), stopping early past `max`. Three rows, reused: no garbage per call. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rows[0].length) rows = rows.map(() => new Int32Array(b.length + 1));
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/** A typed word standing for a key word: one edit for 5–8 letters (no letter added or dropped up to 6), two from 9; same first letter. */
const nearSeen = new Map<string, boolean>();
export function nearWord(typed: string, word: string): boolean {
  const n = word.length;
  if (n < 5 || typed[0] !== word[0] || Math.abs(typed.length - n) > 2) return false;
  const k = `${typed}\u0000${word}`;
  let v = nearSeen.get(k);
  if (v === undefined) {
    if (nearSeen.size > 100_000) nearSeen.clear(); // bounded: a long-running tutor never grows it without end
    nearSeen.set(k, (v = near(typed, word)));
  }
  return v;
}
function near(typed: string, word: string): boolean {
  const n = word.length;
  if (/\d/.test(typed)) return false;
  const max = n >= 9 ? 2 : 1;
  // Short words only by a changed or swapped letter, or an ending ("squared" for "square"):
  // "step" is not a misspelt "steep".
  if (n <= 6 && typed.length !== n) {
    if (Math.abs(typed.length - n) !== 1) return false;
    if (typed.startsWith(word) || word.startsWith(typed)) return true;
    // a plural of a misspelling: "wieghts" is "weight"s
    return typed.length === n + 1 && typed.endsWith('s') && distance(typed.slice(0, -1), word, 1) <= 1;
  }
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
  // (with a verb's or plural's "s" dropped first: "decreses" is a misspelt "decrease" + s)
  const bare = word.endsWith('s') ? word.slice(0, -1) : word;
  for (const key in table) {
    if (key.length >= 6 && key[0] === word[0] && (distance(word, key, 1) <= 1 || distance(bare, key, 1) <= 1)) {
      found = table[key];
      break;
    }
  }
  cache.set(word, found);
  return found;
}

/** The forms a learner may give a word: as it is, plural or third person, past, -ing. */
function formsOf(word: string): string[] {
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  return [word, `${word}s`, `${word}es`, word.endsWith('e') ? `${word}d` : `${word}ed`, `${stem}ing`];
}

/** "tuning" is a form of "tune" (the model's lemma for it is "tun"), "decreases" of "decrease". */
export function isFormOf(typed: string, word: string): boolean {
  return typed.startsWith(word.slice(0, -1)) && formsOf(word).includes(typed);
}

/**
 * The word a misspelling stands for, among the words grading reads (`vocabulary`), or undefined.
 * Only for a typed word that is no English word (the caller knows: "eror", "gradiant", "wieghts");
 * a real word is never read as another ("less" is not "loss", "rare" not "rate"). One edit away
 * (a letter changed, added, dropped, or two swapped; two edits from 9 letters), in any of the
 * word's forms ("decreses" is "decreases"), with the same first letter; none when two words are
 * equally near.
 */
const corrections = new Map<string, string | undefined>();
export function correction(typed: string, vocabulary: readonly string[], id: string): string | undefined {
  if (typed.length < 4 || !/^[a-z]+$/.test(typed)) return undefined;
  const k = `${id}\u0000${typed}`;
  if (corrections.has(k)) return corrections.get(k);
  let best: string | undefined;
  let bestBase = '';
  let bestD = 3;
  let tie = false;
  for (const word of vocabulary) {
    if (word[0] !== typed[0] || word.length < 4 || Math.abs(word.length - typed.length) > 4) continue;
    for (const form of formsOf(word)) {
      const max = form.length >= 9 ? 2 : 1;
      if (Math.abs(form.length - typed.length) > max) continue;
      const d = distance(typed, form, max);
      if (d > max || d > bestD) continue;
      if (d < bestD) {
        [best, bestBase, bestD, tie] = [form, word, d, false];
      } else if (word !== bestBase && form !== best) tie = true; // ("squared" from "square" and from "squared" is one word)
    }
  }
  const out = tie ? undefined : best;
  if (corrections.size > 100_000) corrections.clear();
  corrections.set(k, out);
  return out;
}
