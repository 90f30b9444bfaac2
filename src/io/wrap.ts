import wrapAnsi from 'wrap-ansi';
import stringWidth from '../text-width.js';

// A list bullet, number or checkbox at the start of a rendered line: continuation lines hang under
// the text after it, the way a reader expects a wrapped list item to look.
const LEADER = /^(\s*)((?:[*•-]|\d+\.)\s+(?:\[[ xX]\]\s+)?)?/;

/**
 * Wraps already-rendered terminal text to `width` columns, keeping each line's hanging indent.
 * marked-terminal reflows paragraphs but leaves list items and code at any length.
 */
export function wrapRendered(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (stringWidth(line) <= width) return line;
      const m = LEADER.exec(line.replace(/\u001b\[[0-9;]*m/g, ''))!;
      let indent = m[0].length;
      if (indent > width / 2) indent = m[1].length > width / 2 ? 0 : m[1].length;
      const head = sliceVisible(line, indent);
      const rest = line.slice(head.length);
      const columns = Math.max(8, width - indent);
      const wrapped = wrapHard(breakAddresses(rest, columns), columns);
      return wrapped
        .split('\n')
        .map((l, i) => (i === 0 ? head + l : ' '.repeat(indent) + l))
        .join('\n');
    })
    .join('\n');
}

const ADDRESS = /\S*:\/\/\S+/g;

/**
 * A web address longer than the row is cut where a reader expects it (after a `/`, before a `.`,
 * `-`, `#`, `?`, `&`, `=` or `_`), not wherever the row ends ("descen|t.html"): a space is put at
 * each cut, the greedy longest piece that fits, so no two pieces can ever share a row and the wrap
 * always breaks there (a space never shows inside the address).
 */
export function breakAddresses(line: string, columns: number): string {
  const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
  if (plain.length <= columns || !plain.includes('://') || !NARROW.test(plain)) return line;
  const cuts: number[] = [];
  for (const m of plain.matchAll(ADDRESS)) {
    const word = m[0];
    if (word.length <= columns) continue;
    for (let at = 0; word.length - at > columns; ) {
      let cut = at + columns;
      for (let k = at + columns; k > at + columns / 3; k--) {
        if ((word[k - 1] === '/' && word[k] !== '/') || '.-#?&=_'.includes(word[k])) {
          cut = k;
          break;
        }
      }
      cuts.push(m.index! + cut);
      at = cut;
    }
  }
  let out = line;
  for (const c of cuts.reverse()) {
    const i = sliceVisible(out, c).length;
    out = out.slice(0, i) + ' ' + out.slice(i);
  }
  return out;
}

/** Characters string-width counts as one column each: ASCII, Latin (not © and ®, emoji to it), punctuation, box drawing, braille. */
const NARROW = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u02ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2500-\u259f\u2800-\u28ff]*$/;

/** wrap-ansi's hard wrap, trimmed; text without escapes and of one-column characters is wrapped by wrapNarrow. */
export function wrapHard(text: string, columns: number): string {
  return NARROW.test(text) ? wrapNarrow(text, columns) : wrapAnsi(text, columns, { hard: true, trim: true });
}

/**
 * wrap-ansi's algorithm (hard, trim) for text whose width is its length. wrap-ansi measures the
 * row so far with string-width (grapheme segmentation) before every word, and a run of spaces is a
 * run of empty words: a wide table's 1,250 lines took 3 s, and a table or code block filling the
 * size cap would take far longer. Here a row's width is its length, so the cost is linear. A
 * property test checks it against wrap-ansi.
 */
export function wrapNarrow(text: string, columns: number): string {
  if (text.trim() === '') return '';
  const rows = [''];
  const words = text.split(' ');
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    rows[rows.length - 1] = rows[rows.length - 1].trimStart();
    let rowLength = rows[rows.length - 1].length;
    if (index !== 0 && rowLength > 0) {
      rows[rows.length - 1] += ' ';
      rowLength++;
    }
    if (word.length > columns) {
      const remaining = columns - rowLength;
      if (Math.floor((word.length - 1) / columns) < 1 + Math.floor((word.length - remaining - 1) / columns)) rows.push('');
      cutWord(rows, word, columns);
      continue;
    }
    if (rowLength + word.length > columns && rowLength > 0 && word.length > 0) rows.push('');
    rows[rows.length - 1] += word;
  }
  return rows.map((row) => row.replace(/ +$/, '')).join('\n');
}

/** wrap-ansi's wrapWord for one-column characters: fill the row, then whole rows of `columns`. */
function cutWord(rows: string[], word: string, columns: number): void {
  let visible = rows[rows.length - 1].length;
  for (let i = 0; i < word.length; i++) {
    if (visible + 1 <= columns) rows[rows.length - 1] += word[i];
    else {
      rows.push(word[i]);
      visible = 0;
    }
    visible++;
    if (visible === columns && i < word.length - 1) {
      rows.push('');
      visible = 0;
    }
  }
  if (!visible && rows[rows.length - 1].length > 0 && rows.length > 1) rows[rows.length - 2] += rows.pop();
}

/** The prefix of `s` holding `n` visible characters (escape sequences included as they come). */
export function sliceVisible(s: string, n: number): string {
  let i = 0;
  let seen = 0;
  while (i < s.length && seen < n) {
    const esc = /^\u001b\[[0-9;]*m/.exec(s.slice(i));
    if (esc) {
      i += esc[0].length;
      continue;
    }
    i++;
    seen++;
  }
  return s.slice(0, i);
}
