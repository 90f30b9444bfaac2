import { compileExpression, differentiate, type Expr } from '../math/engine.js';
import { descend, type Run } from '../math/descent.js';
import { descentLab, gradLab, plotLab } from '../math/lab.js';
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
  /** Interior local minima, lowest first (from the samples, refined). */
  minima: { x: number; y: number }[];
  /** The lowest point in the range (may be at an edge). */
  lowest: { x: number; y: number } | null;
  /** Where f′(x) = 0, found by bisection on sign changes of f′. */
  criticalPoints: number[];
  descent: Run;
}

/** A loss curve plotted with its minimum marked, found by descent and by solving f′(x) = 0. */
export async function landscapeReport(exprText: string, from: number, to: number, s: Screen, startAt?: number): Promise<Landscape> {
  const e = compileExpression(exprText);
  const d = await differentiate(e);
  const f = (x: number) => e.evaluate(x);
  const df = (x: number) => d.evaluate(x);
  // The summary says the y range the axis shows (as calc-ml plot does), and what lies beyond it.
  const shown14 = (fit: { from: number; to: number }) => shownYRange({ height: 14 }, fit);
  const plot = plotLab({ exprs: [e], derivatives: [d], showDerivative: false, from, to, samples: 400, shown: shown14 });
  const xs = linspace(from, to, 801);
  const criticalPoints: number[] = [];
  // Corners: f′ changes sign across points where it is undefined (abs(x) at 0) while f is defined.
  const corners: number[] = [];
  let lastFinite = -1;
  let ga = NaN; // f′ at xs[lastFinite]
  for (let i = 0; i < xs.length; i++) {
    const g = df(xs[i]);
    if (!Number.isFinite(g)) continue;
    if (lastFinite >= 0) {
      const a = xs[lastFinite];
      if (i === lastFinite + 1) {
        if (ga === 0) criticalPoints.push(a);
        else if (ga * g < 0) criticalPoints.push(bisect(df, a, xs[i]));
      } else if (ga * g < 0) {
        const mid = xs[Math.round((lastFinite + i) / 2)];
        if (Number.isFinite(f(mid))) corners.push(mid);
      }
    }
    lastFinite = i;
    ga = g;
  }
  const minima = [...criticalPoints, ...corners]
    .filter((x) => {
      const eps = (to - from) / 2000;
      return f(x - eps) >= f(x) && f(x + eps) >= f(x);
    })
    .map((x) => ({ x, y: f(x) }))
    .sort((a, b) => a.y - b.y);
  const finite = xs.map((x) => ({ x, y: f(x) })).filter((p) => Number.isFinite(p.y));
  const lowestSample = finite.reduce<{ x: number; y: number } | null>((b, p) => (!b || p.y < b.y ? p : b), null);
  const lowest = minima[0] && lowestSample && minima[0].y <= lowestSample.y + 1e-9 ? minima[0] : lowestSample;
  // Descent from a fifth of the way into the range, with the largest of a few rates that converges
  // (a rate that suits a gentle bowl overshoots a steep quartic).
  const start = startAt ?? from + (to - from) * 0.2;
  const tries = [0.1, 0.03, 0.01, 0.003, 0.001].map((lr) => descend(e.text, f, df, { start, lr, steps: 500, tol: 1e-4 }));
  const descent = tries.find((r) => r.converged) ?? tries.find((r) => !r.diverged) ?? tries[tries.length - 1];
  const lr = descent.lr;
  // The plot already marks every valley and peak from its one list of critical points
  // (math/critical.ts); marking the minima found here again named each valley twice in the legend.
  const markers = plot.markers;
  const descentEnd = descent.steps[descent.steps.length - 1];
  const v = e.variable;
  const zeros = criticalPoints.length ? `f'(${v}) = ${d.text} is 0 at ${v} = ${criticalPoints.map((x) => fmt(x, 4)).join(', ')}` : `f'(${v}) = ${d.text} is never 0 between ${fmt(from)} and ${fmt(to)}`;
  const cornerText = corners.length ? `${criticalPoints.length ? '; it' : ', but it'} changes sign at ${v} = ${corners.map((x) => fmt(x, 4)).join(', ')}, a corner of f where f′ is undefined` : '';
  const verdict = minima.length
    ? `: ${minima.length === 1 ? 'one of these is a minimum' : `${minima.length} of these are minima`}.`
    : criticalPoints.length || corners.length ? ': none is a minimum.' : ': the lowest point is at an edge.';
  const lines = [
    // 14 rows: with fewer, two valleys of different depth can land on the same row.
    renderChart({ ...size(s, 14), series: plot.series, markers, summary: plot.summary, xTitle: v, yTitle: `loss(${v}) = ${e.text}` }),
    zeros + cornerText + (minima.length === 1 && criticalPoints.length + corners.length === 1 ? ': that is the minimum.' : verdict),
    `Gradient descent from ${v} = ${fmt(start, 3)}: ${descent.verdict}` + (descent.converged ? ` (loss ${fmt(descentEnd.f, 4)})` : ''),
  ];
  // Settled in a valley that is not the lowest: the point of having two.
  if (descent.converged && lowest && minima.length > 1 && descentEnd.f > lowest.y + 1e-6 * Math.max(1, Math.abs(lowest.y))) {
    lines.push(`That is a local minimum: the lowest loss is ${fmt(lowest.y, 4)} at ${v} = ${fmt(lowest.x, 4)}. Where descent ends depends on where it starts.`);
  }
  return { expr: e, text: lines.join('\n'), from, to, minima, lowest, criticalPoints, descent };
}

function bisect(g: (x: number) => number, a: number, b: number): number {
  let [lo, hi, glo] = [a, b, g(a)];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    const gm = g(mid);
    if (gm === 0) return mid;
    if (gm * glo < 0) hi = mid;
    else [lo, glo] = [mid, gm];
  }
  return (lo + hi) / 2;
}

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
  const lab = plotLab({ exprs: [e], derivatives, showDerivative: false, tangentAt, from, to, samples: 400, shown: (fit) => shownYRange({ height: size(s).height }, fit) });
  return renderChart({ ...size(s), series: lab.series, markers: lab.markers, x: { from, to }, xTitle: e.variable, summary: lab.summary });
}
