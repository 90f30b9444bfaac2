import ansiRegex from 'ansi-regex';

// What may reach a terminal: the one definition, used at the output edge (io/output-edge.ts, on
// everything written to stdout and stderr), for the texts handed to inquirer (which writes past the
// edge), for JSON documents, and for lesson text as it is parsed. Pure: strings in, strings out.

// ESC- and 8-bit-CSI-introduced sequences (CSI, OSC, charset switches, …), as ansi-regex knows them.
const SEQUENCE = ansiRegex();
// Whatever is left of C0/C1 controls after that (bell, backspace, carriage return that would let a
// line overwrite itself, a lone or unknown ESC, DEL, NEL): all but newline and tab, the text's layout.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidirectional formatting (embeddings, overrides, isolates, marks): they make a terminal show text
// in an order other than the one it has ("Trojan Source"). Shown visibly, as less and compilers do,
// so a reader sees that the text was made to display out of order, and it displays as stored.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Invisible characters: zero-width space, non-joiner and joiner, word joiner, invisible operators,
// BOM, Mongolian vowel separator, interlinear annotations, and Unicode tags (hidden ASCII). Dropped:
// they have no width, so without them the text reads the same, and what a learner copies from the
// screen is then what they saw. A joiner between two emoji (👩‍💻, in the course's headings) stays.
const INVISIBLE = /(?<!\p{Extended_Pictographic}[\ufe0f\u{1f3fb}-\u{1f3ff}]?)\u200d|\u200d(?!\p{Extended_Pictographic})|[\u200b\u200c\u2060-\u2064\ufeff\u180e\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;
// Line and paragraph separators: some terminals break the line, some show nothing; a space reads the same.
const SEPARATOR = /[\u2028\u2029]/g;

// Any character the functions below would change: every escape sequence begins with ESC or the
// 8-bit CSI (C0 and C1 controls, tab and newline apart), then bidi controls, invisible characters
// and separators. Text without one passes as it is, untouched and unscanned: the JSON of a listing
// of 1,268 lessons is 300 kB of such text.
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ANY_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;

// Colour and emphasis (SGR) that may stay when colour is on: what chalk, marked-terminal and its
// highlighter use. Not black, backgrounds or 24-bit colour (text drawn in the terminal's background
// colour vanishes), nor blink or conceal. A sequence with any other parameter goes whole.
const SGR = /^\u001b\[([0-9;]*)m$/;
const SGR_PARAMS = new Set(['', '0', '1', '2', '3', '4', '7', '9', '21', '22', '23', '24', '27', '29', '39', ...range(31, 37), ...range(90, 97)]);

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

function keptSgr(seq: string): boolean {
  const m = SGR.exec(seq);
  return !!m && m[1].split(';').every((p) => SGR_PARAMS.has(p));
}

export interface SafeTextOptions {
  /** Keep colour and emphasis codes (SGR) of the allowed kinds; when false, every sequence goes. */
  sgr?: boolean;
}

/**
 * `text` as it may reach a terminal: escape sequences and control characters removed (newline and tab
 * kept; colour codes too with `sgr`), bidirectional controls shown as `<U+202E>`, invisible
 * characters dropped. Idempotent, so text cleaned early (lesson text) passes the edge unchanged.
 */
export function terminalText(text: string, opts: SafeTextOptions = {}): string {
  if (!ANY_UNSAFE.test(text)) return text;
  // One pass: the text between sequences loses its controls (so no ESC is left to start a new
  // sequence once a neighbour is removed), and each sequence is kept whole or dropped whole.
  let out = '';
  let at = 0;
  for (const m of text.matchAll(SEQUENCE)) {
    out += stripControls(text.slice(at, m.index)) + (opts.sgr && keptSgr(m[0]) ? m[0] : '');
    at = m.index + m[0].length;
  }
  return out + stripControls(text.slice(at));
}

/**
 * `text` without escape sequences and control characters (newline and tab kept), its other characters
 * untouched: for text that is stored (the lesson model), where bidi and invisible characters are
 * still the author's text (JSON escapes them; the output edge neutralises them when shown).
 */
export function withoutControls(text: string): string {
  return ANY_CONTROL.test(text) ? text.replace(SEQUENCE, '').replace(CONTROL, '') : text;
}

function stripControls(s: string): string {
  return s
    .replace(CONTROL, '')
    .replace(BIDI, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`)
    .replace(INVISIBLE, '')
    .replace(SEPARATOR, ' ');
}

// Characters JSON.stringify leaves raw that a terminal would act on or hide: DEL, C1, bidi controls,
// invisible characters and separators. ESC and the other C0 controls it escapes itself.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

/**
 * A JSON document that is safe to print and loses nothing: the characters above are written as
 * `\uXXXX` escapes (valid JSON, the same strings once parsed), so the output edge has nothing to remove.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (s) => [...s].map((c) => unicodeEscape(c)).join(''));
}

function unicodeEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += '\\u' + ch.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}
