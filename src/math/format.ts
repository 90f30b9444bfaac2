/**
 * A number as a learner reads it: at most `digits` significant digits, no trailing zeros
 * (6.000009999951316 → "6.00001", 9 → "9"), exponent notation for the very large and very small.
 * NaN reads "undefined": that is what the value is at that point.
 */
export function formatNumber(n: number, digits = 6): string {
  if (Number.isNaN(n)) return 'undefined';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e7 || abs < 1e-4) {
    const [mant, exp] = n.toExponential(digits - 1).split('e');
    return `${String(Number(mant))}e${Number(exp)}`;
  }
  return String(Number(n.toPrecision(digits)));
}

/** "1 step", "50 steps". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Text broken into lines of at most `width` characters, at spaces (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * One line of text as it fits `width` columns: as it is when it fits, else broken at spaces with the
 * continuation lines indented by two, so a wrapped sentence reads as one.
 */
export function hangingWrap(text: string, width: number): string {
  if (text.length <= width) return text;
  return wrapWords(text, width - 2).join('\n  ');
}
