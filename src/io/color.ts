import { Chalk, type ChalkInstance } from 'chalk';
import { colorEnabled } from './color-mode.js';

export { colorEnabled };

/** A chalk for stdout, honouring colorEnabled(). */
export const color: ChalkInstance = new Chalk({ level: colorEnabled() ? 3 : 0 });
/** A chalk for stderr (prompts and feedback when stdout carries JSON). */
export const colorErr: ChalkInstance = new Chalk({ level: colorEnabled(process.stderr) ? 3 : 0 });

/** The terminal's width; COLUMNS when output is a pipe; else 80. */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout, env = process.env): number {
  const c = stream.columns || Number(env.COLUMNS);
  return c && c > 0 ? Math.floor(c) : 80;
}
