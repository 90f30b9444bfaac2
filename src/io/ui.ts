import { Chalk } from 'chalk';
import type { Ui } from '../tutor/ui.js';
import { colorEnabled, terminalWidth } from './color.js';
import { asciiOnly } from './ascii-mode.js';
import { wrapRendered } from './wrap.js';
import { asciiTextKeepingNoBreak } from '../chart/ascii.js';
import { terminalText } from '../terminal-text.js';

/** The terminal Ui: writes to `stream` (stdout, or stderr when stdout carries JSON), wrapped to its width. */
export function terminalUi(stream: NodeJS.WriteStream = process.stdout): Ui {
  const colors = colorEnabled(stream);
  const c = new Chalk({ level: colors ? 3 : 0 });
  const width = terminalWidth(stream);
  const ascii = asciiOnly();
  return {
    width,
    rows: stream.isTTY && stream.rows > 0 ? stream.rows : undefined,
    colors,
    ascii,
    // Cleaned (the output edge would do it after layout) and made ASCII before wrapping, so the
    // lines are measured as they will be shown (x² → x^2 is wider, <U+202E> too).
    say: (text) => {
      const shown = holdTimes(terminalText(text, { sgr: colors }));
      // The no-break spaces hold words on one row while wrapping; the terminal gets plain spaces.
      stream.write(wrapRendered(ascii ? asciiTextKeepingNoBreak(shown) : shown, width).replace(/\u00a0/g, ' ') + '\n');
    },
    heading: (s) => c.bold.cyan(s),
    bold: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    good: (s) => c.green(s),
    warn: (s) => c.yellow(s),
    bad: (s) => c.red(s),
  };
}

/**
 * A time is held together, and a section's time ("… Matters · ~1 min") with its title's last word,
 * by no-break spaces: wrapped apart, "~1" ended a row of the plan and "min" began the next.
 */
export function holdTimes(text: string): string {
  return text.replace(/( · )?(~?\d+(?:\.\d+)?) (min|h)\b/g, (_m, dot: string | undefined, n: string, unit: string) => `${dot ? '\u00a0·\u00a0' : ''}${n}\u00a0${unit}`);
}
