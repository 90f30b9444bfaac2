import { jsonText } from '../terminal-text.js';
import { compileDerived2, compileExpression2 } from '../math/engine.js';
import { hessianOf } from '../landscape/curvature.js';
import { linspace } from '../math/sample.js';
import { LIMITS, parseInteger } from '../math/options.js';
import { colorEnabled, terminalWidth } from '../io/color.js';
import { asciiOnly } from '../io/ascii-mode.js';
import { renderMap } from '../landscape/map-render.js';
import { landscapeView } from '../landscape/map-view.js';
import { parseBox } from '../landscape/options2d.js';
import type { Target2 } from '../landscape/dispatch.js';

export interface Plot2Options {
  from?: string; to?: string; ymin?: string; ymax?: string; box?: string;
  width?: string; height?: string; json?: boolean;
}

/** Points per side of the JSON grid: fine enough to read the shape, small enough to read. */
const JSON_GRID = 41;

/** `plot` for a function of two variables: a contour map with its minima and saddles. */
export async function run(target: Target2, opts: Plot2Options, given: ReadonlySet<string>): Promise<void> {
  const fallback = target.kind === 'landscape' ? target.landscape.box : { x0: -5, x1: 5, y0: -5, y1: 5 };
  // Only x's range given: y spans the same, so a round bowl looks round.
  const yLike = target.kind === 'expr' && (given.has('from') || given.has('to')) && !given.has('ymin') && !given.has('ymax');
  const xBox = parseBox(opts, given, fallback);
  const box = yLike ? { ...xBox, y0: xBox.x0, y1: xBox.x1 } : xBox;
  const width = given.has('width') && opts.width !== undefined ? parseInteger('width', opts.width, ...LIMITS.width) : Math.min(LIMITS.width[1], Math.max(1, terminalWidth()));
  const height = given.has('height') && opts.height !== undefined ? parseInteger('height', opts.height, ...LIMITS.height) : undefined;
  const e = compileExpression2(target.text, target.vars);
  const f = (x: number, y: number) => e.evaluate(x, y);
  // A landscape's Hessian is written down; a typed expression's comes from central differences, as
  // plot does not load the derivative module (a fifth of a second) for one sentence.
  const hessian = target.kind === 'landscape' ? hessianOf(target.landscape.hessian.map((t) => compileDerived2(t, e.vars)), f, 1e-5, target.landscape.partials.map((t) => compileDerived2(t, e.vars))) : undefined;
  const view = landscapeView(f, box, e.vars, hessian);
  const name = target.kind === 'landscape' ? `${target.landscape.name}: ` : '';
  if (opts.json) {
    const xs = linspace(box.x0, box.x1, JSON_GRID);
    const ys = linspace(box.y0, box.y1, JSON_GRID);
    const map = renderMap({ f, box, vars: e.vars, width, height, colors: false, ascii: true });
    const pts = (kind: string) => view.points.filter((p) => p.kind === kind).map((p) => ({ x: p.x, y: p.y, f: p.f }));
    process.stdout.write(jsonText({
      expr: e.text,
      vars: e.vars,
      ...(target.kind === 'landscape' ? { landscape: target.landscape.name } : {}),
      box: [box.x0, box.x1, box.y0, box.y1],
      xs,
      ys,
      // grid[j][i] = f(xs[i], ys[j]); null where f is undefined.
      grid: ys.map((y) => xs.map((x) => { const v = f(x, y); return Number.isFinite(v) ? v : null; })),
      levels: map.levels.values,
      levelSpacing: map.levels.spacing,
      minima: pts('minimum'),
      saddles: pts('saddle'),
      maxima: pts('maximum'),
      lowest: view.lowest,
    }) + '\n');
    return;
  }
  const map = renderMap({
    f, box, vars: e.vars, width, height, colors: colorEnabled(), ascii: asciiOnly(),
    title: `${name}f(${e.vars.join(', ')}) = ${e.text}`,
    marks: view.marks,
    // What the map says about the gradient, for a reader of the map alone; and how to see it drawn.
    summary: [
      ...view.summary,
      ...(view.points.length ? [`At any point the gradient points uphill, straight across the contour line there, towards denser shading, and is longest where the bands are narrowest. See it as an arrow: calc-ml grad ${target.kind === 'landscape' ? target.landscape.name : JSON.stringify(target.text)} --at ${gradHint(box)}`] : []),
    ],
  });
  process.stdout.write(map.text);
}

/** A round point about halfway between the box's centre and its upper right corner, for the hint. */
function gradHint(b: { x0: number; x1: number; y0: number; y1: number }): string {
  const r = (v: number) => Number(v.toPrecision(1));
  return `${r(b.x0 + (b.x1 - b.x0) * 0.75)},${r(b.y0 + (b.y1 - b.y0) * 0.7)}`;
}
