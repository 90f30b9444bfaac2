import { UserError } from '../errors.js';
import { distance, freeNames } from '../math/engine.js';
import { quoted } from '../math/source.js';
import { findLandscape, LANDSCAPES, type Landscape } from './landscapes.js';
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
  // A bare word that names no variable of the command: a landscape's name, mistyped.
  const word = text.trim();
  // Dashed like "two-valleys" (a difference of two short names, w-b, is an expression).
  const dashed = word.includes('-') && word.split('-').every((p) => p.length >= 3);
  // Underscores too: two_valleys is a name a learner types for two-valleys.
  if (/^[A-Za-z][A-Za-z_-]{2,}$/.test(word) && !varGiven && (names.length === 1 || dashed) && names[0] !== 'x') {
    const near = LANDSCAPES.map((l) => [l.name, distance(word.toLowerCase(), l.name)] as const).sort((a, b) => a[1] - b[1])[0];
    // Far from every name and without a dash, it is more likely a variable: the one-variable
    // command says so, as it always has.
    const guess = near[1] <= 2 ? `did you mean ${near[0]}? ` : '';
    if (!guess && !dashed) return null;
    throw new UserError(`there is no landscape named ${quoted(word)}: ${guess}the named landscapes are ${LANDSCAPES.map((l) => l.name).join(', ')}; or type an expression, like "x^2 + 3*y^2"`, 2);
  }
  if (names.length >= 3) {
    throw new UserError(`${quoted(text)} has ${names.length} variables (${names.slice(0, 6).join(', ')}); calc-ml draws functions of one variable or of two (x and y, or name them with --vars a,b)`, 2);
  }
  if (varGiven || names.length < 2) return null;
  const vars: [string, string] = names.includes('x') && names.includes('y') ? ['x', 'y'] : [names[0], names[1]];
  return { kind: 'expr', text, vars };
}
