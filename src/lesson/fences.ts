/**
 * Code fences the course writes in ways markdown does not read as it means them. Both fixes keep
 * every line where it was, so line numbers stay the author's.
 */

const SINGLE_OPEN = /^(\s{0,3})`([A-Za-z][\w+#.-]*)\s*$/;
const SINGLE_CLOSE = /^\s{0,3}`\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
/** How far a single-backtick block may run: the course's longest is under 60 lines. */
const SINGLE_MAX_LINES = 400;

/**
 * "`python" … "`" (22 course lessons open code with one backtick on its own line): markdown reads
 * the lines between as text, so headings in the code become sections. Read as a ``` fence instead.
 */
export function singleBacktickFences(source: string): string {
  if (!source.includes('\n`')) return source;
  const lines = source.split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const f = FENCE.exec(lines[i]);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && !lines[i].slice(lines[i].indexOf(f[1]) + f[1].length).trim()) fence = null;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const open = SINGLE_OPEN.exec(lines[i]);
    if (!open) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + SINGLE_MAX_LINES); j++) {
      if (FENCE.test(lines[j])) break;
      if (SINGLE_CLOSE.test(lines[j])) {
        lines[i] = `${open[1]}\`\`\`${open[2]}`;
        lines[j] = `${open[1]}\`\`\``;
        i = j;
        break;
      }
    }
  }
  return lines.join('\n');
}

/**
 * A fence left open (or a stray ``` line) runs on over the sections after it. Given the line of a
 * section heading a code block swallowed, closes that block on the blank line just before it (the
 * course always leaves one there); null when there is none to use.
 */
export function closeBefore(source: string, headingLine: number, fence: string): string | null {
  const lines = source.split('\n');
  const i = headingLine - 2;
  if (i < 0 || lines[i].trim() !== '') return null;
  lines[i] = fence;
  return lines.join('\n');
}
