import { UserError } from '../errors.js';

/** Longest expression calc-ml reads: a learner's formula is short; a bound keeps parsing cheap. */
export const MAX_EXPRESSION_LENGTH = 500;
/** Deepest bracket nesting: mathjs parses recursively, so depth must be bounded before parsing. */
export const MAX_NESTING = 50;

/**
 * Rewrites Python habits into mathjs syntax without moving any character, so a column reported by
 * the parser is a column of what the learner typed: `**` becomes `^ `, and the module prefixes of
 * `math.sin(x)`, `np.exp(x)`, `numpy.log(x)` become spaces.
 */
export function fromPython(text: string): string {
  return text
    .replace(/\*\*/g, '^ ')
    .replace(/\b(?:math|numpy|np)\.(?=[A-Za-z_])/g, (m) => ' '.repeat(m.length));
}

/** The input as it can be shown on one terminal line: controls (and newlines) become spaces, columns kept. */
export function displayable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/**
 * Lines shown under an error: the input and a caret under `column` (1-based), when it is known. An
 * input wider than `width` is cut to a window around the column, marked "..." where cut, so the caret
 * still points at the place (a 500-character expression would wrap and lose it).
 */
export function caretDetail(text: string, column?: number, width = caretWidth()): string[] {
  const shown = displayable(text);
  const w = Math.max(20, width);
  if (column === undefined || column < 1) return [shown.length > w ? shown.slice(0, w - 3) + '...' : shown];
  const col = Math.min(column, shown.length + 1);
  if (shown.length + 1 <= w) return [shown, ' '.repeat(col - 1) + '^'];
  // A window of w characters, "..." included at either cut end, with the caret inside it.
  const inner = w - 6;
  const start = Math.max(0, Math.min(col - 1 - Math.floor(inner / 2), shown.length + 1 - inner));
  const end = Math.min(shown.length, start + inner);
  const head = start > 0 ? '...' : '';
  const tail = end < shown.length ? '...' : '';
  return [head + shown.slice(start, end) + tail, ' '.repeat(head.length + col - 1 - start) + '^'];
}

/** Room for an error's detail lines (indented by two) on the terminal they go to. */
function caretWidth(): number {
  const cols = process.stderr.columns || Number(process.env.COLUMNS) || 80;
  return cols - 2;
}

/** Quoted input for a one-line message, shortened when long. */
export function quoted(text: string): string {
  const shown = displayable(text);
  return `"${shown.length > 60 ? shown.slice(0, 57) + '...' : shown}"`;
}

/** Refuses input that is empty, too long, or nested too deep, before mathjs sees it. */
export function checkSize(text: string, what = 'expression'): void {
  if (!text.trim()) throw new UserError(`the ${what} is empty: type one, like x^2`, 2);
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new UserError(`the ${what} is too long (${text.length} characters; the limit is ${MAX_EXPRESSION_LENGTH})`, 2);
  }
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    if (depth > MAX_NESTING) {
      throw new UserError(`cannot read ${quoted(text)}: brackets nested more than ${MAX_NESTING} deep`, 2, caretDetail(text, i + 1));
    }
  }
}

/** The column (1-based) of the first whole-word occurrence of `name`, for a caret. */
export function columnOf(text: string, name: string): number | undefined {
  const m = new RegExp(`(?<![A-Za-z_])${name.replace(/[^A-Za-z0-9_]/g, '')}(?![A-Za-z0-9_])`).exec(text);
  return m ? m.index + 1 : undefined;
}
