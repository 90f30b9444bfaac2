import { withoutControls } from '../terminal-text.js';

/**
 * Normalises line endings and removes terminal control sequences from text that came from a file
 * (the definition of a control sequence is terminal-text.ts's, the one the output edge uses).
 */
export function sanitize(text: string): string {
  return withoutControls(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
}
