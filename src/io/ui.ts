import { Chalk } from 'chalk';
import type { Ui } from '../tutor/ui.js';
import { colorEnabled, terminalWidth } from './color.js';
import { asciiOnly } from './ascii-mode.js';
import { wrapRendered } from './wrap.js';
import { asciiText } from '../chart/ascii.js';
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
      const shown = terminalText(text, { sgr: colors });
      stream.write(wrapRendered(ascii ? asciiText(shown) : shown, width) + '\n');
    },
    heading: (s) => c.bold.cyan(s),
    bold: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    good: (s) => c.green(s),
    warn: (s) => c.yellow(s),
    bad: (s) => c.red(s),
  };
}
