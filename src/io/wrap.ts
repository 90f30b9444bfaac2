import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';

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
      const wrapped = wrapAnsi(rest, Math.max(8, width - indent), { hard: true, trim: true });
      return wrapped
        .split('\n')
        .map((l, i) => (i === 0 ? head + l : ' '.repeat(indent) + l))
        .join('\n');
    })
    .join('\n');
}

/** The prefix of `s` holding `n` visible characters (escape sequences included as they come). */
function sliceVisible(s: string, n: number): string {
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
