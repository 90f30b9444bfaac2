import { hangingWrap } from '../math/format.js';
import { asciiText } from '../chart/ascii.js';
import { asciiOnly } from './ascii-mode.js';
import { terminalText } from '../terminal-text.js';

/**
 * In a terminal, the message wrapped at spaces to its width with continuation lines indented, so a
 * long message never breaks mid-word (the terminal would cut it anywhere). Piped, it stays one line,
 * for scripts and logs.
 */
export function stderrLines(text: string): string {
  // Cleaned before layout; the output edge (output-edge.ts) cleans whatever is written anyway.
  const shown = terminalText(text);
  const message = asciiOnly() ? asciiText(shown) : shown;
  if (!process.stderr.isTTY) return message;
  const width = process.stderr.columns || 80;
  // A quoted command ("calc-ml start") stays on one line: split, it reads as two things to type.
  const glued = message.replace(/"[^"]{1,30}"/g, (q) => q.replace(/ /g, '\u0001'));
  return hangingWrap(glued, Math.max(22, width - 1)).replace(/\u0001/g, ' ');
}

/** A note for the learner (progress not kept, a file moved aside), on stderr, wrapped like errors. */
export function noteToStderr(line: string): void {
  process.stderr.write(`${stderrLines(line)}\n`);
}
