import { UserError } from '../errors.js';
import { freeNames } from '../math/engine.js';
import { quoted } from '../math/source.js';
import { findLandscape, type Landscape } from './landscapes.js';
import { parseVars } from './options2d.js';

/** What a 2-D command works on: a named landscape, or an expression in two variables. */
export type Target2 =
  | { kind: 'landscape'; landscape: Landscape; text: string; vars: [string, string] }
  | { kind: 'expr'; text: string; vars: [string, string] };

/**
 * Whether `text` is for the 2-D commands: a landscape's name, an expression with --vars, or one that
 * uses two names (x and y, or any two when --var was not given). Null: the one-variable command
 * goes on as it always has (and reports its own errors). Three or more names are refused here.
 */
export function twoVariableTarget(text: string, opts: { vars?: string }, varGiven: boolean): Target2 | null {
  const landscape = findLandscape(text);
  if (landscape) {
    if (opts.vars !== undefined) throw new UserError(`${landscape.name} is written in x and y; --vars renames the variables of an expression you type`, 2);
    return { kind: 'landscape', landscape, text: landscape.expr, vars: ['x', 'y'] };
  }
  if (opts.vars !== undefined) {
    if (varGiven) throw new UserError('give --var (one variable) or --vars (two), not both', 2);
    return { kind: 'expr', text, vars: parseVars(opts.vars) };
  }
  const names = freeNames(text);
  if (!names) return null;
  if (names.length >= 3) {
    throw new UserError(`${quoted(text)} has ${names.length} variables (${names.slice(0, 6).join(', ')}); calc-ml draws functions of one variable or of two (x and y, or name them with --vars a,b)`, 2);
  }
  if (varGiven || names.length < 2) return null;
  const vars: [string, string] = names.includes('x') && names.includes('y') ? ['x', 'y'] : [names[0], names[1]];
  return { kind: 'expr', text, vars };
}
