import { jsonText } from '../terminal-text.js';
import { compileDerived2, compileExpression2, partials, secondPartials, type Expr2 } from '../math/engine.js';
import { curvatureAt, curvatureWords, hessianOf, type Curvature, type HessianAt } from '../landscape/curvature.js';
import { formatNumber as fmt, hangingWrap } from '../math/format.js';
import { LIMITS, parseInteger, parseNumber, parseNumberList } from '../math/options.js';
import { renderChart } from '../chart/chart.js';
import { lossChart } from '../math/lab.js';
import { colorEnabled, terminalWidth } from '../io/color.js';
import { asciiOnly } from '../io/ascii-mode.js';
import { UserError } from '../errors.js';
import { renderMap, type MapPath } from '../landscape/map-render.js';
import { landscapeView } from '../landscape/map-view.js';
import { parseBox, parsePoint } from '../landscape/options2d.js';
import { descend2, type Run2 } from '../landscape/descent2d.js';
import { pathBox, runTable, RUN_MARKS } from '../landscape/descent-view.js';
import { plainText, point } from '../landscape/words.js';
import type { Target2 } from '../landscape/dispatch.js';
import { count } from '../math/format.js';
import stringWidth from '../text-width.js';

export interface Descend2Options {
  start: string; lr: string; steps: string; tol: string; momentum?: string;
  from?: string; to?: string; ymin?: string; ymax?: string; box?: string;
  width?: string; height?: string; json?: boolean;
}

/**
 * A run's step table within `width`: fewer digits where 3 do not fit (-6.97e-10 is 9 wide), else one
 * line saying where the steps are. A row wider than the terminal would wrap into the next.
 */
function stepTable(r: Run2, width: number, ascii: boolean): string {
  const narrow = width < 60;
  for (const digits of narrow ? [3, 2] : [5, 3]) {
    const t = runTable(r, narrow ? 3 : 5, digits, ascii, narrow).map((l) => plainText(l, ascii));
    if (t.slice(1).every((l) => stringWidth(l) <= width)) return t.join('\n');
  }
  return hangingWrap(plainText(`lr ${fmt(r.lr)}: the step table needs more than ${width} columns; --json has every step`, ascii), width);
}

/** What a run without momentum did, in a few words after a momentum run's verdict. */
const BARE: Record<Run2['kind'], string> = {
  converges: 'converges',
  zigzags: 'zigzags across the valley',
  diverges: 'diverges',
  oscillates: 'oscillates without settling',
  saddle: 'stalls at a saddle',
  plateau: 'stalls on a plateau',
  'local-minimum': 'settles in another valley',
  slow: 'is slow along the valley floor',
  domain: 'leaves the domain',
  'not-yet': 'is not yet converged',
};

/** `descend` on f(x, y): each rate's path on the contour map, the loss per step, tables and verdicts. */
export async function run(target: Target2, opts: Descend2Options, given: ReadonlySet<string>): Promise<void> {
  const land = target.kind === 'landscape' ? target.landscape : undefined;
  const e = compileExpression2(target.text, target.vars);
  const start = given.has('start') ? parsePoint('start', opts.start, e.vars) : land ? land.start : ([3, 2] as [number, number]);
  const rates = given.has('lr') ? parseNumberList('lr', opts.lr, { above: 0, max: 1e6, most: 8 }) : land ? land.rates : [0.1];
  const steps = given.has('steps') ? parseInteger('steps', opts.steps, ...LIMITS.steps) : land ? land.steps : 50;
  const tol = parseNumber('tol', opts.tol, { min: 0 });
  const momentum = opts.momentum !== undefined ? parseNumber('momentum', opts.momentum, { min: 0 }) : 0;
  if (!(momentum < 1)) throw new UserError(`--momentum must be below 1 (a fraction of the last step kept), not ${opts.momentum}`, 2);
  // A named landscape's partials are written down with it (tested against mathjs's derivative), so
  // descent on it starts without loading the derivative module; a typed expression's are derived.
  const d: [Expr2, Expr2] = land ? [compileDerived2(land.partials[0], e.vars), compileDerived2(land.partials[1], e.vars)] : await partials(e);
  const f = (x: number, y: number) => e.evaluate(x, y);
  const grad = (x: number, y: number): [number, number] => [d[0].evaluate(x, y), d[1].evaluate(x, y)];
  // The Hessian for the verdicts' curvature figures: symbolic (written down for a landscape), central
  // differences only where that is undefined.
  const second = land ? land.hessian.map((t) => compileDerived2(t, e.vars)) : await secondPartials(d);
  const hessian = hessianOf(second, f, 1e-4 * Math.max(1, Math.hypot(...start)), d);
  if (!Number.isFinite(f(...start)) || !grad(...start).every(Number.isFinite)) {
    throw new UserError(`f or its gradient is undefined (or beyond ±1.8e308) at the start (${e.vars.join(', ')}) = ${point(...start)}: choose another --start`, 2);
  }
  // The box: as given, else the landscape's, else around where the runs go (run once for that).
  const boxGiven = ['box', 'from', 'to', 'ymin', 'ymax'].some((k) => given.has(k));
  const plain = boxGiven || land ? null : rates.map((lr) => descend2(e.text, e.vars, f, grad, { start, lr, momentum, steps, tol, hessian }));
  const around = () => pathBox(plain ?? rates.map((lr) => descend2(e.text, e.vars, f, grad, { start, lr, momentum, steps, tol, hessian })), start);
  const box = boxGiven ? parseBox(opts, given, land?.box ?? around()) : land?.box ?? around();
  const view = landscapeView(f, box, e.vars, hessian);
  const lowest = view.points.find((p) => p.kind === 'minimum');
  // Judged again knowing the lowest minimum, so a run that settles in another valley is named so.
  const runs: Run2[] = lowest || !plain ? rates.map((lr) => descend2(e.text, e.vars, f, grad, { start, lr, momentum, steps, tol, lowest, hessian })) : plain;
  if (opts.json) {
    process.stdout.write(jsonText({
      runs: runs.map((r) => ({
        expr: r.expr, vars: r.vars, lr: r.lr, momentum: r.momentum, start: r.start,
        steps: r.steps.map((s) => ({ k: s.k, x: s.x, f: s.f, grad: s.grad })),
        converged: r.converged, diverged: r.diverged, oscillating: r.oscillating, behaviour: r.kind, verdict: r.verdict,
      })),
    }) + '\n');
    return;
  }
  const width = given.has('width') && opts.width !== undefined ? parseInteger('width', opts.width, ...LIMITS.width) : Math.min(LIMITS.width[1], Math.max(1, terminalWidth()));
  const height = given.has('height') && opts.height !== undefined ? parseInteger('height', opts.height, ...LIMITS.height) : undefined;
  const colors = colorEnabled();
  const ascii = asciiOnly();
  const wrap = (line: string) => hangingWrap(plainText(line, ascii), width);
  const paths: MapPath[] = runs.map((r, i) => {
    const last = r.steps[r.steps.length - 1];
    const inBox = (s: { x: [number, number] }) => s.x[0] >= box.x0 && s.x[0] <= box.x1 && s.x[1] >= box.y0 && s.x[1] <= box.y1;
    const leaves = r.steps.find((s) => !inBox(s));
    return {
      ...RUN_MARKS[i % RUN_MARKS.length],
      series: i,
      points: r.steps.map((s) => s.x),
      label: `lr ${fmt(r.lr)}: ${count(r.steps.length - 1, 'step')}, ` + (leaves ? `leaves the map at step ${leaves.k}` : `ends at ${point(last.x[0], last.x[1], 3, Math.max(1e-9, 10 * tol) * Math.max(1, Math.hypot(...start)))}`),
    };
  });
  const map = renderMap({
    f, box, vars: e.vars, width, height, colors, ascii,
    title: `${land ? `${land.name}: ` : ''}f(${e.vars.join(', ')}) = ${e.text}`,
    marks: [...view.marks.filter((m) => !m.label?.startsWith('lowest')), { x: start[0], y: start[1], symbol: '◎', ascii: 'S', label: `start ${point(...start)}` }],
    paths,
  });
  // The loss per step as the one-variable descend draws it (a log axis when a run's loss grows by
  // decades, arrows at the edge for what lies beyond the frame).
  const loss = runs.some((r) => r.steps.length > 1)
    ? renderChart({ width, height: 10, colors, ascii, ...lossChart(runs, `f(${e.vars.join(', ')})`) })
    : '';
  // With momentum, what the same rate does without it, where that differs: what momentum is for
  // (ravine at lr 0.11 diverges across the valley without it, and settles with it).
  const withoutMomentum = momentum
    ? rates.map((lr, i) => {
        const bare = descend2(e.text, e.vars, f, grad, { start, lr, momentum: 0, steps, tol, lowest, hessian });
        return bare.kind === runs[i].kind ? undefined : `; without momentum the same rate ${BARE[bare.kind]}`;
      })
    : [];
  const [vx, vy] = e.vars;
  const out = [
    wrap(`f(${vx}, ${vy}) = ${e.text}`),
    wrap(`∇f = (${d[0].text}, ${d[1].text})`),
    wrap(`start ${point(...start)}; at most ${count(steps, 'step')}; stop when |∇f| < ${fmt(tol)}` + (momentum ? `; momentum β = ${fmt(momentum)} (v ← β·v − lr·∇f, then x ← x + v)` : '; each step x ← x − lr·∇f')),
    '',
    map.text,
    ...(loss ? [loss] : []),
    ...runs.map((r) => stepTable(r, width, ascii) + '\n'),
    ...runs.map((r, i) => wrap(r.verdict + (withoutMomentum[i] ?? ''))),
    ...curvatureLine(view.curvature, runs, e.vars, hessian).map(wrap),
  ];
  process.stdout.write(out.join('\n') + '\n');
}

/**
 * The curvature that explains the verdicts: at the lowest minimum (or the saddle) the map found,
 * else where the first run ended.
 */
function curvatureLine(at: Curvature | undefined, runs: readonly Run2[], vars: readonly [string, string], hessian: HessianAt): string[] {
  const kind = at && at.kind;
  if (at) {
    const where = kind === 'saddle' ? 'at the saddle point' : kind === 'cap' ? 'at the peak' : 'near the minimum';
    return [curvatureWords(at, `${where} ${point(...at.at)}`, vars, 'descent')];
  }
  // A run that blew up ended nowhere worth measuring: then the start, where every run began.
  const calm = runs.find((r) => !r.diverged);
  const end = calm ? calm.steps[calm.steps.length - 1].x : null;
  const p = end ?? runs[0].start;
  const H = hessian(...p);
  if (!H.flat().every(Number.isFinite)) return [];
  const where = end ? `where the lr ${fmt(calm!.lr)} run ended, ${point(...p)}` : `at the start ${point(...p)}`;
  return [curvatureWords(curvatureAt(H, p), where, vars, 'descent', false)];
}
