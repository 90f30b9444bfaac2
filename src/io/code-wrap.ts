import stringWidth from '../text-width.js';
import { sliceVisible, wrapHard } from './wrap.js';

/** The mark that starts a code line's continuation (asciiText makes it '>'). */
export const CONTINUED = '↪';

/**
 * A rendered code block (its lines indented, perhaps highlighted) fitted to `width` columns. A line
 * that is too wide goes on in rows of its own, hung two columns in from its indentation, each
 * starting with the mark, so `def f(x: float,` / `  ↪ h: float) -> float:` still reads as one line of code, and the block's
 * own indentation stays visible (a plain wrap put every piece at the margin). Breaks fall at spaces
 * where there are any (wrap-ansi's rule, colours kept across the break), else mid-word.
 * `wrapped` says whether any line was continued, for the one line that explains the mark.
 */
export function wrapCode(block: string, width: number): { text: string; wrapped: boolean } {
  let wrapped = false;
  const text = block
    .split('\n')
    .map((line) => {
      if (stringWidth(line) <= width) return line;
      const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
      // Indentation is kept up to where the continued rows (indentation, two columns, the mark) would
      // take half the page: deeper, they would hold a few characters each.
      const indent = Math.min(/^ */.exec(plain)![0].length, Math.max(0, Math.floor(width / 2) - 4));
      const head = sliceVisible(line, indent);
      const prefix = ' '.repeat(indent + 2) + CONTINUED + ' ';
      // Every row is cut to the width the continued ones have (less the mark), the first one too.
      const rows = wrapHard(line.slice(head.length), Math.max(1, width - prefix.length)).split('\n');
      wrapped = wrapped || rows.length > 1;
      return head + rows[0] + rows.slice(1).map((r) => `\n${prefix}${r}`).join('');
    })
    .join('\n');
  return { text, wrapped };
}
