import stripAnsi from 'strip-ansi';
import { eastAsianWidth } from 'get-east-asian-width';
import emojiRegex from 'emoji-regex';

/**
 * Columns a string takes in a terminal: string-width 7's algorithm (graphemes, wide East Asian
 * characters, emoji as two, zero-width and combining marks as none), with two changes for start-up.
 * string-width builds an Intl.Segmenter when it is imported, which costs 20-40 ms here (ICU's
 * segmentation data), on every command that wraps text, before its first line; this one builds it on
 * the first string that needs it, and strings of plain Latin text and punctuation, most of what the
 * tutor prints, are counted without it. The build points string-width at this file (scripts/build.mjs),
 * so wrap-ansi uses it too.
 */

let segmenter: Intl.Segmenter | undefined;
const ignorable = /^\p{Default_Ignorable_Code_Point}$/u;
// One column each, never wide, zero-width, combining or emoji: ASCII, Latin-1 and Latin Extended
// (but the soft hyphen), and the dashes, quotes, bullets and ellipsis of General Punctuation.
const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027]*$/;

export default function stringWidth(text: string, options: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean } = {}): number {
  if (typeof text !== 'string' || !text.length) return 0;
  const { ambiguousIsNarrow = true, countAnsiEscapeCodes = false } = options;
  const s = countAnsiEscapeCodes ? text : stripAnsi(text);
  if (!s.length) return 0;
  if (ambiguousIsNarrow && NARROW.test(s)) return [...s].length;
  segmenter ??= new Intl.Segmenter();
  const wide = { ambiguousAsWide: !ambiguousIsNarrow };
  let width = 0;
  for (const { segment } of segmenter.segment(s)) {
    const cp = segment.codePointAt(0)!;
    if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) continue; // controls
    if ((cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) continue; // zero-width
    if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f)) continue; // combining
    if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates
    if (cp >= 0xfe00 && cp <= 0xfe0f) continue; // variation selectors
    if (ignorable.test(segment)) continue;
    if (emojiRegex().test(segment)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(cp, wide);
  }
  return width;
}
