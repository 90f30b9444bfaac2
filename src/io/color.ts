import { Chalk, type ChalkInstance } from 'chalk';
import { colorEnabled, terminalWidth } from './color-mode.js';

export { colorEnabled, terminalWidth };

/** A chalk for stdout, honouring colorEnabled(). */
export const color: ChalkInstance = new Chalk({ level: colorEnabled() ? 3 : 0 });
/** A chalk for stderr (prompts and feedback when stdout carries JSON). */
export const colorErr: ChalkInstance = new Chalk({ level: colorEnabled(process.stderr) ? 3 : 0 });
