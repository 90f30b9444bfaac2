import { UserError } from '../errors.js';

// Command-line values arrive as strings; each helper turns one into a checked number or throws a
// UserError (exit code 2, bad usage) that names the option and what was given.

interface Limits {
  min?: number;
  max?: number;
  above?: number;
  /** 0 refused (true, or the reason shown after "must not be 0"). */
  nonZero?: boolean | string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function show(value: string): string {
  const v = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return `"${v.length > 30 ? v.slice(0, 27) + '...' : v}"`;
}

/** A finite number (`--start -2.5`, `--h 1e-5`); "abc", "Infinity" and "" are refused. */
export function parseNumber(name: string, value: string, limits: Limits = {}): number {
  const n = Number(value.trim());
  if (!NUMBER.test(value.trim()) || !Number.isFinite(n)) {
    throw new UserError(`--${name} must be a finite number, like 0.5, not ${show(value)}`, 2);
  }
  if (limits.nonZero && n === 0) throw new UserError(`--${name} must not be 0${limits.nonZero === true ? '' : ` ${limits.nonZero}`}`, 2);
  if (limits.above !== undefined && !(n > limits.above)) throw new UserError(`--${name} must be greater than ${limits.above}, not ${value.trim()}`, 2);
  if (limits.min !== undefined && n < limits.min) throw new UserError(`--${name} must be at least ${limits.min}, not ${value.trim()}`, 2);
  if (limits.max !== undefined && n > limits.max) throw new UserError(`--${name} must be at most ${limits.max}, not ${value.trim()}`, 2);
  return n;
}

/** A whole number within [min, max] (`--steps`, `--width`). */
export function parseInteger(name: string, value: string, min: number, max: number): number {
  const n = parseNumber(name, value);
  if (!Number.isInteger(n)) throw new UserError(`--${name} must be a whole number, not ${value.trim()}`, 2);
  // Short, so that with 'calc-ml: ' it fits on one line of a 40-column terminal.
  if (n < min || n > max) throw new UserError(`--${name} must be ${min}–${max}, not ${n}`, 2);
  return n;
}

/** A comma-separated list of numbers (`--lr 0.1,0.5,1`), each checked like parseNumber. */
export function parseNumberList(name: string, value: string, limits: Limits & { most?: number } = {}): number[] {
  const items = value.split(',');
  if (limits.most !== undefined && items.length > limits.most) {
    throw new UserError(`--${name} takes at most ${limits.most} values, not ${items.length}`, 2);
  }
  return items.map((item) => parseNumber(name, item, limits));
}

/** `--from` and `--to`: finite, from < to, and not so far apart that a chart means nothing. */
export function parseRange(from: string, to: string): { from: number; to: number } {
  const a = parseNumber('from', from, { min: -1e9, max: 1e9 });
  const b = parseNumber('to', to, { min: -1e9, max: 1e9 });
  if (!(a < b)) throw new UserError(`--from must be less than --to (got --from ${a} --to ${b})`, 2);
  return { from: a, to: b };
}

export const LIMITS = {
  width: [30, 300],
  height: [5, 60],
  samples: [2, 5000],
  steps: [1, 10000],
} as const;

/** Chart size: --width/--height when given (within LIMITS), else the terminal's width and 15 rows. */
export function chartSize(opts: { width?: string; height?: string }, columns: number): { width: number; height: number } {
  return {
    // A terminal narrower than a chart can be keeps its width: the chart then says so in one line
    // (drawn 30 wide, every row wrapped into the next).
    width: opts.width !== undefined ? parseInteger('width', opts.width, ...LIMITS.width) : Math.min(LIMITS.width[1], Math.max(1, columns)),
    height: opts.height !== undefined ? parseInteger('height', opts.height, ...LIMITS.height) : 15,
  };
}

/** descend's --start, --lr and --steps, checked one way for the command line and for a key's lab. */
export function descentOptions(opts: { start: string; lr: string; steps: string }): { start: number; rates: number[]; steps: number } {
  return {
    start: parseNumber('start', opts.start, { min: -1e6, max: 1e6 }),
    // A negative rate steps uphill: gradient ascent, which the verdict names.
    rates: parseNumberList('lr', opts.lr, { nonZero: '(a rate of 0 never moves); a negative rate climbs (gradient ascent)', min: -1e6, max: 1e6, most: 8 }),
    steps: parseInteger('steps', opts.steps, ...LIMITS.steps),
  };
}

/**
 * `--ymin` / `--ymax`: the y axis's ends, in the axis's own units (each may be given alone; the
 * other end then fits the data). Undefined when neither is given.
 */
export function yRange(opts: { ymin?: string; ymax?: string }): { from?: number; to?: number } | undefined {
  const bound = { min: -1e300, max: 1e300 };
  const from = opts.ymin !== undefined ? parseNumber('ymin', opts.ymin, bound) : undefined;
  const to = opts.ymax !== undefined ? parseNumber('ymax', opts.ymax, bound) : undefined;
  if (from !== undefined && to !== undefined && !(from < to)) throw new UserError(`--ymin must be less than --ymax (got --ymin ${from} --ymax ${to})`, 2);
  if (from === undefined && to === undefined) return undefined;
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}
