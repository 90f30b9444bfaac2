import { jsonText } from '../terminal-text.js';
import { compileExpression2, partials } from '../math/engine.js';
import { formatNumber as fmt } from '../math/format.js';
import { LIMITS, parseInteger, parseNumber } from '../math/options.js';
import { colorEnabled, terminalWidth } from '../io/color.js';
import { asciiOnly } from '../io/ascii-mode.js';
import { UserError } from '../errors.js';
import { renderMap } from '../landscape/map-render.js';
import { landscapeView } from '../landscape/map-view.js';
import { parseBox, parsePoint } from '../landscape/options2d.js';
import { gradientAt } from '../landscape/gradient.js';
import { directionWords, plainText, point } from '../landscape/words.js';
import { hangingWrap } from '../math/format.js';
import type { Target2 } from '../landscape/dispatch.js';
import type { Screen } from '../tutor/labs.js';

export interface Grad2Options {
  at: string; h: string; from?: string; to?: string; ymin?: string; ymax?: string; box?: string;
  width?: string; height?: string; json?: boolean;
}

/** `grad` for a function of two variables: the gradient as a vector, and an arrow on the map. */
export async function run(target: Target2, opts: Grad2Options, given: ReadonlySet<string>): Promise<void> {
  const width = given.has('width') && opts.width !== undefined ? parseInteger('width', opts.width, ...LIMITS.width) : Math.min(LIMITS.width[1], Math.max(1, terminalWidth()));
  const text = await report(target, opts, given, { width, colors: colorEnabled(), ascii: asciiOnly() });
  if (text) process.stdout.write(text);
}

/**
 * The gradient of an exercise's f(x, y) in the guided lesson: the same table, sentences and map as
 * `calc-ml grad "x^2+y^2" --at 1,2`, as text for the lab's screen.
 */
export async function gradient2Report(expr: string, vars: [string, string], at: [number, number], s: Screen): Promise<string> {
  return report({ kind: 'expr', text: expr, vars }, { at: at.join(','), h: '1e-5' }, new Set(), { width: s.width, colors: s.colors, ascii: !!s.ascii });
}

/** The text grad prints for a function of two variables; with --json, writes the JSON and returns ''. */
async function report(target: Target2, opts: Grad2Options, given: ReadonlySet<string>, out: { width: number; colors: boolean; ascii: boolean }): Promise<string> {
  const e = compileExpression2(target.text, target.vars);
  const at = parsePoint('at', opts.at, e.vars);
  const h = parseNumber('h', opts.h, { above: 0, max: 1 });
  const d = await partials(e);
  const g = gradientAt(e, d, at, h);
  if (!g.analytic.every(Number.isFinite) || !Number.isFinite(g.value)) {
    throw new UserError(`f or its partial derivatives are undefined (or beyond ±1.8e308) at (${e.vars.join(', ')}) = ${point(...at)}: choose another --at`, 2);
  }
  if (opts.json) {
    process.stdout.write(jsonText({
      expr: e.text, vars: e.vars, at,
      partials: d.map((p) => p.text),
      value: g.value,
      analytic: g.analytic,
      numeric: g.numeric,
      h,
      error: g.error,
      norm: g.norm,
      direction: g.direction,
      descent: g.direction && g.direction.map((c) => -c),
    }) + '\n');
    return '';
  }
  const { width } = out;
  const height = given.has('height') && opts.height !== undefined ? parseInteger('height', opts.height, ...LIMITS.height) : undefined;
  const box = parseBox(opts, given, target.kind === 'landscape' ? target.landscape.box : aroundPoint(at));
  const [vx, vy] = e.vars;
  const rows = [
    [`∂f/∂${vx}`, d[0].text, fmt(g.analytic[0]), fmt(g.numeric[0]), fmt(g.error[0], 2)],
    [`∂f/∂${vy}`, d[1].text, fmt(g.analytic[1]), fmt(g.numeric[1]), fmt(g.error[1], 2)],
  ];
  const head = ['', 'symbolic', 'value', 'central diff.', 'error'];
  const w = head.map((_, c) => Math.max(head[c].length, ...rows.map((r) => r[c].length)));
  const narrow = w.reduce((a, b) => a + b + 2, 2) > width;
  const table = narrow
    ? rows.flatMap((r) => [`  ${r[0]} = ${r[1]} = ${r[2]}`, `    numeric ${r[3]}, error ${r[4]}`])
    : [head, ...rows].map((r) => '  ' + r.map((cell, c) => (c === 0 || c === 1 ? cell.padEnd(w[c]) : cell.padStart(w[c]))).join('  '));
  const text: string[] = [
    `f(${vx}, ${vy}) = ${e.text} at (${vx}, ${vy}) = ${point(...at)}: f = ${fmt(g.value, 4)}`,
    ...table,
    `central difference: (f(${vx}+h, ${vy}) − f(${vx}−h, ${vy}))/2h, h = ${fmt(h)}`,
  ];
  const summary: string[] = [];
  if (g.direction) {
    const [ux, uy] = g.direction;
    summary.push(
      `∇f${point(...at)} = ${point(g.analytic[0], g.analytic[1])}, length |∇f| = ${fmt(g.norm, 4)}, direction ${point(ux, uy, 3)}: ${directionWords(ux, uy, e.vars)}.`,
      `The gradient points uphill: that way f rises fastest, ${fmt(g.norm, 4)} per unit step, and it crosses the contour line through the point at a right angle.`,
      `Steepest descent is the opposite way, −∇f = ${point(-g.analytic[0], -g.analytic[1])}: ${directionWords(-ux, -uy, e.vars)}. Gradient descent steps that way.`,
    );
  } else summary.push(`∇f${point(...at)} = (0, 0): a flat point (a minimum, maximum or saddle), so no direction is uphill.`);
  const view = landscapeView((x, y) => e.evaluate(x, y), box, e.vars);
  const map = renderMap({
    f: (x, y) => e.evaluate(x, y), box, vars: e.vars, width, height, equalScale: true, colors: out.colors, ascii: out.ascii,
    // The critical points the summary under the map names (a saddle's too: grad saddle said 'Saddle point at (0, 0)' with nothing there).
    marks: [...view.marks.filter((m) => /^(minimum|saddle|maximum)/.test(m.label ?? '')), { x: at[0], y: at[1], symbol: '◉', ascii: 'P', label: `the point ${point(...at)}` }],
    arrows: g.direction ? [
      { x: at[0], y: at[1], dx: g.analytic[0], dy: g.analytic[1], kind: 'ascent' },
      { x: at[0], y: at[1], dx: -g.analytic[0], dy: -g.analytic[1], kind: 'descent' },
    ] : [],
    summary: [...summary, ...view.summary.slice(0, 1)],
  });
  if (!(at[0] >= box.x0 && at[0] <= box.x1 && at[1] >= box.y0 && at[1] <= box.y1)) summary.push('The point is outside the box shown; widen it with --box.');
  const { ascii } = out;
  return (text.map((l) => (l.length > width ? hangingWrap(plainText(l, ascii), width) : plainText(l, ascii))).join('\n') + '\n\n' + map.text);
}

/** A box around the point that also shows the origin, where lesson functions keep their minimum. */
function aroundPoint([x, y]: [number, number]): { x0: number; x1: number; y0: number; y1: number } {
  const r = Math.max(2, 1.5 * Math.max(Math.abs(x), Math.abs(y)));
  const s = Number((Math.ceil(r * 2) / 2).toFixed(1));
  return { x0: -s, x1: s, y0: -s, y1: s };
}
