import { compileExpression, differentiate, type Expr } from '../math/engine.js';
import { descend, type Run } from '../math/descent.js';
import { descentLab, gradLab, plotLab } from '../math/lab.js';
import type { Critical, CriticalKind } from '../math/critical.js';
import { centralDifference, forwardDifference, sweep } from '../math/numdiff.js';
import { formatNumber as fmt } from '../math/format.js';
import { linspace } from '../math/sample.js';
import { renderChart, shownYRange } from '../chart/chart.js';
import { count } from '../math/format.js';
import type { LabDescent } from './lab-descent.js';

/**
 * The labs of the guided lesson, as text: the same views `calc-ml descend`, `grad` and `plot` show,
 * sized for the tutor's screen. Each throws the math engine's UserError for an expression it cannot
 * read, so the step can show the message and ask again.
 */

export interface Screen {
  width: number;
  colors: boolean;
  ascii?: boolean;
}

// Narrower than a chart can be, the chart is one line saying so (renderChart), not rows wrapped into each other.
const size = (s: Screen, height = 12) => ({ width: Math.min(s.width, 100), height, colors: s.colors, ascii: s.ascii });

export interface DescentReport {
  text: string;
  runs: Run[];
}

/**
 * Descent runs of the lab, one per rate: landscape, loss per step, verdicts. The runs are the ones
 * `descendCommand(lab)` prints (tests/tutor/lab-descent.test.ts runs both).
 */
export async function descentReport(lab: LabDescent, s: Screen): Promise<DescentReport> {
  const { start, steps, tol } = lab;
  const e = compileExpression(lab.expr);
  const d = await differentiate(e);
  const runs = lab.rates.map((lr) => descend(e.text, (x) => e.evaluate(x), (x) => d.evaluate(x), { start, lr, steps, tol }));
  const view = descentLab(e, runs, 3);
  const text = [
    `f(${e.variable}) = ${e.text},  f'(${e.variable}) = ${d.text}`,
    // The stopping rule in calc-ml descend's words: the suggested command prints the same line.
    `start ${e.variable} = ${fmt(start)}; at most ${count(steps, 'step')}; stop when |f'(${e.variable})| < ${fmt(tol)}`,
    '',
    renderChart({ ...size(s), ...view.landscape }),
    ...(runs.some((r) => r.steps.length > 1) ? [renderChart({ ...size(s, 8), ...view.loss })] : []),
    ...view.verdicts.map((v) => `• ${v}`),
  ].join('\n');
  return { text, runs };
}

/** Analytic derivative against forward and central differences, and the error-vs-h curve. */
export async function gradientReport(exprText: string, at: number, s: Screen): Promise<{ text: string; analytic: number; forward: number; central: number }> {
  const expr = compileExpression(exprText);
  const derivative = await differentiate(expr);
  const f = (x: number) => expr.evaluate(x);
  const analytic = derivative.evaluate(at);
  const h = 1e-5;
  const forward = forwardDifference(f, at, h);
  const central = centralDifference(f, at, h);
  if (!Number.isFinite(analytic) || !Number.isFinite(f(at))) {
    return { text: `f'(${expr.variable}) = ${derivative.text} is undefined (or beyond ±1.8e308) at ${expr.variable} = ${fmt(at)}: choose another point.`, analytic, forward, central };
  }
  const lab = gradLab({ expr, derivative, at, h, analytic, forward, central, sweep: sweep(f, at, analytic) });
  const chart = renderChart({ ...size(s, 10), ...lab.chart, x: { from: -12, to: -1 } });
  return { text: [lab.header, ...lab.table, '', 'Error against h, from h = 1e-1 down to 1e-12:', chart + lab.sentence].join('\n'), analytic, forward, central };
}

export interface Landscape {
  expr: Expr;
  text: string;
  from: number;
  to: number;
  /** Interior minima (global and local), lowest first: the plot's own (math/critical.ts). */
  minima: { x: number; y: number }[];
  /** The lowest point in the range (may be at an edge). */
  lowest: { x: number; y: number } | null;
  /** Where f′(x) = 0: the plot's valleys, peaks and flat points where the slope comes to 0 (not its corners). */
  criticalPoints: number[];
  /** No valley to describe, and why: a constant (every point as low), or a fall into a gap (1/x). */
  none?: { kind: 'constant'; value: number } | { kind: 'pole'; near: number };
  descent: Run;
}

/** What each kind of critical point is called in the f′ sentence: the chart legend's words. */
const CALLED: Partial<Record<CriticalKind, string>> = {
  minimum: 'the minimum',
  'local-minimum': 'a local minimum',
  maximum: 'the maximum',
  'local-maximum': 'a peak',
  flat: 'flat, no valley or peak',
};

/**
 * A loss curve plotted with its minimum marked, found by descent and by solving f′(x) = 0. What the
 * text says about f′ comes from the plot's one list of critical points (math/critical.ts), so the
 * sentence and the chart's marks cannot disagree about where the minima are; f′ only says, for each,
 * whether the slope is 0 there or the curve has a corner (abs(x) at 0).
 */
export async function landscapeReport(exprText: string, from: number, to: number, s: Screen, startAt?: number): Promise<Landscape> {
  const e = compileExpression(exprText);
  const d = await differentiate(e);
  const f = (x: number) => e.evaluate(x);
  const df = (x: number) => d.evaluate(x);
  // The summary says the y range the axis shows (as calc-ml plot does), and what lies beyond it.
  const shown14 = (fit: { from: number; to: number }) => shownYRange({ height: 14 }, fit);
  const plot = plotLab({ exprs: [e], derivatives: [d], showDerivative: false, from, to, samples: 400, shown: shown14, seeAll: seeAll(exprText, from, to) });
  const shape = plot.shapes[0];
  const points = shape?.kind === 'curve' ? shape.points : [];
  const stationary = points.filter((p) => CALLED[p.kind]);
  // A corner: the slope keeps its size on both sides as they close in (abs(x) at 0: −1 and 1),
  // where at a smooth zero it shrinks with the distance; or f′ is undefined beside it.
  const dx = 1e-4 * (to - from);
  const slopeNear = (x: number, h: number) => Math.abs(df(x - h)) + Math.abs(df(x + h));
  const corner = (p: Critical) => p.kind !== 'flat' && !p.flat && !(slopeNear(p.x, dx / 10) <= 0.5 * slopeNear(p.x, dx));
  const plural = (p: Critical) => (p.kind === 'minimum' || p.kind === 'maximum') && stationary.filter((q) => q.kind === p.kind).length > 1;
  const called = (p: Critical) => (plural(p) ? CALLED[p.kind]!.replace('the ', 'a ') : CALLED[p.kind]!);
  const v = e.variable;
  // As the plot's summary says x: a refined point good to about √ε of the range (x³'s 7.6e-12 is 0).
  const atX = (x: number) => fmt(Math.abs(x) < 1e-6 * (to - from) ? 0 : x, 4);
  const list = (ps: readonly Critical[]) => {
    // One point needs no name here: the verdict after the colon gives it.
    const items = ps.map((p) => `${v} = ${atX(p.x)}${stationary.length > 1 || p.kind === 'flat' ? ` (${called(p)})` : ''}`);
    return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0];
  };
  const zeros = stationary.filter((p) => !p.flat && !corner(p));
  const corners = stationary.filter(corner);
  const stretch = stationary.find((p) => p.flat);
  const minimal = (p: Critical) => p.kind === 'minimum' || p.kind === 'local-minimum';
  const minima = points.filter(minimal).map((p) => ({ x: p.x, y: p.y })).sort((a, b) => a.y - b.y);
  const edge = points.find((p) => p.kind === 'lowest-edge' || p.kind === 'lowest-gap');
  // The lowest point: the plot's (an edge's, when it is lower than every valley); without a curve
  // (a pole, a constant) the lowest sample.
  const finite = linspace(from, to, 801).map((x) => ({ x, y: f(x) })).filter((p) => Number.isFinite(p.y));
  const lowestSample = finite.reduce<{ x: number; y: number } | null>((b, p) => (!b || p.y < b.y ? p : b), null);
  const lowest = edge ? { x: edge.x, y: edge.y } : minima[0] ?? lowestSample;
  // Descent from a fifth of the way into the range, with the largest of a few rates that converges
  // (a rate that suits a gentle bowl overshoots a steep quartic).
  const start = startAt ?? from + (to - from) * 0.2;
  const tries = [0.1, 0.03, 0.01, 0.003, 0.001].map((lr) => descend(e.text, f, df, { start, lr, steps: 500, tol: 1e-4 }));
  const descent = tries.find((r) => r.converged) ?? tries.find((r) => !r.diverged) ?? tries[tries.length - 1];
  // The plot already marks every valley and peak from its one list of critical points; this text names the same ones.
  const markers = plot.markers;
  const descentEnd = descent.steps[descent.steps.length - 1];
  const parts = [
    zeros.length ? `f'(${v}) = ${d.text} is 0 at ${list(zeros)}` : stretch ? '' : `f'(${v}) = ${d.text} is never 0 between ${fmt(from)} and ${fmt(to)}`,
    stretch?.flat ? `${zeros.length ? 'and' : `f'(${v}) = ${d.text} is`} 0 all along the flat stretch from ${v} = ${atX(stretch.flat.from)} to ${atX(stretch.flat.to)}, the bottom` : '',
    corners.length ? `${zeros.length || stretch ? '; it' : ', but it'} changes sign at ${list(corners)}, a corner of f where f′ is undefined` : '',
  ];
  // A constant's f′ is 0 everywhere: every point as low as any other, none its single minimum.
  const text0 = shape?.kind === 'constant' ? `f'(${v}) = ${d.text} is 0 for every ${v}: f is constant, so no point is its single minimum` : parts.filter(Boolean).join(' ').replace(/ ;/g, ';').replace(/ ,/g, ',');
  const mins = stationary.filter(minimal).length;
  const all = stationary.length;
  const lowestAtEdge = edge ? `; the lowest point is at ${edge.kind === 'lowest-edge' ? 'an edge' : 'a gap'}, ${v} = ${atX(edge.x)}` : '';
  const verdict = shape?.kind === 'pole' ? `: f falls without bound near ${v} = ${atX(shape.near)}, so there is no minimum.`
    : all === 0
    ? edge ? `: the lowest point is at ${edge.kind === 'lowest-edge' ? 'an edge' : 'a gap'}, ${v} = ${atX(edge.x)}.` : '.'
    : mins === 0 ? `: none is a minimum${lowestAtEdge}.`
    : mins === 1 && all === 1 && !edge ? ': that is the minimum.'
    : `: ${mins === 1 ? 'one of these is a minimum' : `${mins} of these are minima`}${lowestAtEdge}.`;
  const lines = [
    // 14 rows: with fewer, two valleys of different depth can land on the same row.
    renderChart({ ...size(s, 14), series: plot.series, markers, summary: plot.summary, ...(plot.yFit ? { yFit: plot.yFit } : {}), xTitle: v, yTitle: `loss(${v}) = ${e.text}` }),
    text0 + verdict,
    `Gradient descent from ${v} = ${fmt(start, 3)}: ${descent.verdict}` + (descent.converged ? ` (loss ${fmt(descentEnd.f, 4)})` : ''),
  ];
  // Settled in a valley that is not the lowest: the point of having two.
  if (descent.converged && lowest && minima.length > 1 && descentEnd.f > lowest.y + 1e-6 * Math.max(1, Math.abs(lowest.y))) {
    lines.push(`That is a local minimum: the lowest loss is ${fmt(lowest.y, 4)} at ${v} = ${fmt(lowest.x, 4)}. Where descent ends depends on where it starts.`);
  }
  const none = shape?.kind === 'constant' ? { kind: 'constant' as const, value: shape.value } : shape?.kind === 'pole' ? { kind: 'pole' as const, near: shape.near } : undefined;
  return { expr: e, text: lines.join('\n'), from, to, minima, lowest, criticalPoints: zeros.map((p) => p.x), ...(none ? { none } : {}), descent };
}

/** In the tutor there is no command line to add flags to: the whole command that shows all of a curve. */
const seeAll = (text: string, from: number, to: number) => (flags: string) => `calc-ml plot "${text.replace(/"/g, "'")}" --from ${fmt(from)} --to ${fmt(to)} ${flags}`;

/** Ready-made loss curves for the mini-project. */
export const SHAPES = [
  { value: 'bowl', name: 'A bowl: one minimum', expr: '(x - 2)^2 + 1', from: -2, to: 6 },
  // Descent starts on the right, so it settles in the local valley: where it ends depends on where it starts.
  { value: 'two-valleys', name: 'Two valleys: a local and a global minimum', expr: 'x^4 - 4x^2 + x', from: -2.5, to: 2.5, start: 2 },
  { value: 'plateau', name: 'A plateau: flat far out, one dip', expr: '1 - exp(-(x - 3)^2 / 2)', from: -6, to: 6 },
] as const;

/** The curve (and, with `derivative`, f′ and the tangent at `tangentAt`): what `calc-ml plot` draws. */
export async function plotReport(exprText: string, from: number, to: number, s: Screen, tangentAt?: number): Promise<string> {
  const e = compileExpression(exprText);
  const derivatives = tangentAt === undefined ? undefined : [await differentiate(e)];
  const lab = plotLab({ exprs: [e], derivatives, showDerivative: false, tangentAt, from, to, samples: 400, shown: (fit) => shownYRange({ height: size(s).height }, fit), seeAll: seeAll(exprText, from, to) });
  return renderChart({ ...size(s), series: lab.series, markers: lab.markers, x: { from, to }, ...(lab.yFit ? { yFit: lab.yFit } : {}), xTitle: e.variable, summary: lab.summary });
}
