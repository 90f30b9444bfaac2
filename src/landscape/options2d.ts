import { UserError } from '../errors.js';
import { parseNumber } from '../math/options.js';
import type { Box } from './field.js';

// Options of the 2-D commands: a point (--at 1,2, --start 3,2), a box (--box, or --from/--to and
// --ymin/--ymax) and the variables' names (--vars). Each refusal is one line that names the option.

const show = (v: string) => `"${v.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 30)}"`;

/** "1,2" → [1, 2]; anything but two finite numbers is refused with an example. */
export function parsePoint(name: string, value: string, vars: readonly [string, string]): [number, number] {
  const parts = value.split(',');
  if (parts.length !== 2 || parts.some((p) => !p.trim())) {
    throw new UserError(`--${name} needs two numbers for f(${vars[0]}, ${vars[1]}), ${vars[0]} and ${vars[1]} separated by a comma, like --${name} 1,2 (not ${show(value)})`, 2);
  }
  const [a, b] = parts.map((p) => parseNumber(name, p, { min: -1e6, max: 1e6 }));
  return [a, b];
}

/** --vars "a,b": two names. The names themselves are checked by the engine. */
export function parseVars(value: string): [string, string] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length !== 2 || parts.some((p) => !p)) throw new UserError(`--vars takes two names separated by a comma, like --vars w,b (not ${show(value)})`, 2);
  return [parts[0], parts[1]];
}

export interface BoxOptions { box?: string; from?: string; to?: string; ymin?: string; ymax?: string }

/**
 * The box a map shows: --box x0,x1,y0,y1, or --from/--to for x and --ymin/--ymax for y, each
 * defaulting to `fallback`'s side (and y to x's range when only x is given and there is no fallback).
 * `given` names the options typed on the command line (commander fills in defaults for the others).
 */
export function parseBox(opts: BoxOptions, given: ReadonlySet<string>, fallback: Box): Box {
  const range = (a: number, b: number, what: string, names: string) => {
    if (!(a < b)) throw new UserError(`${names}: the ${what} must be less than the ${what === 'left end' ? 'right end' : 'top'} (got ${a} and ${b})`, 2);
  };
  if (opts.box !== undefined && given.has('box')) {
    if (['from', 'to', 'ymin', 'ymax'].some((k) => given.has(k))) throw new UserError('--box gives the whole box: leave out --from, --to, --ymin and --ymax, or leave out --box', 2);
    const parts = opts.box.split(',');
    if (parts.length !== 4) throw new UserError(`--box takes four numbers x0,x1,y0,y1, like --box -3,3,-2,2 (not ${show(opts.box)})`, 2);
    const [x0, x1, y0, y1] = parts.map((p) => parseNumber('box', p, { min: -1e9, max: 1e9 }));
    if (!(x0 < x1)) throw new UserError(`--box x0,x1,y0,y1: x0 must be less than x1 (got x0 = ${x0}, x1 = ${x1})`, 2);
    if (!(y0 < y1)) throw new UserError(`--box x0,x1,y0,y1: y0 must be less than y1 (got y0 = ${y0}, y1 = ${y1})`, 2);
    return { x0, x1, y0, y1 };
  }
  const num = (k: 'from' | 'to' | 'ymin' | 'ymax', d: number) => (given.has(k) && opts[k] !== undefined ? parseNumber(k, opts[k]!, { min: -1e9, max: 1e9 }) : d);
  const x0 = num('from', fallback.x0);
  const x1 = num('to', fallback.x1);
  range(x0, x1, 'left end', '--from/--to');
  const y0 = num('ymin', fallback.y0);
  const y1 = num('ymax', fallback.y1);
  if (!(y0 < y1)) throw new UserError(`--ymin must be less than --ymax (got ${y0} and ${y1})`, 2);
  return { x0, x1, y0, y1 };
}
