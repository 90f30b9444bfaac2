import type { ChartMarker, ChartSeries, ChartSpec } from '../chart/chart.js';
import { robustRange } from '../chart/scale.js';
import type { Expr } from './engine.js';
import { count, formatNumber as fmt } from './format.js';
import { lowestPoint, otherMinima, sample, type Point } from './sample.js';
import type { Run } from './descent.js';
import { bestStep, type SweepPoint } from './numdiff.js';

// What the plot, descend and grad commands show, computed from compiled expressions: chart specs,
// summary sentences and JSON documents. Pure: the commands parse options, compile, and print.

const NAMES = ['f', 'g', 'h', 'p', 'q', 'r', 's', 'u'];
export const nameOf = (i: number): string => NAMES[i] ?? `f${i + 1}`;

const jsonPoints = (points: readonly Point[]) => points.map(([x, y]) => [x, Number.isFinite(y) ? y : null] as [number, number | null]);

/** Samples behind a chart's summary line, whatever the chart's width (more than its 300 columns; 1,001 cost 12 ms). */
const FINE_SAMPLES = 401;

export interface PlotInput {
  exprs: readonly Expr[];
  /** f′ per expression, when --derivative or --tangent asked for it. */
  derivatives?: readonly Expr[];
  showDerivative: boolean;
  tangentAt?: number;
  from: number;
  to: number;
  samples: number;
}

export interface PlotResult {
  series: ChartSeries[];
  markers: ChartMarker[];
  summary: string[];
  json: { from: number; to: number; series: { label: string; points: [number, number | null][] }[] };
}

export function plotLab(p: PlotInput): PlotResult {
  const series: ChartSeries[] = [];
  const markers: ChartMarker[] = [];
  const summary: string[] = [];
  const many = p.exprs.length > 1;
  p.exprs.forEach((e, i) => {
    const name = nameOf(i);
    const fx = `${name}(${e.variable})`;
    const f = (x: number) => e.evaluate(x);
    const points = sample(f, p.from, p.to, p.samples);
    const si = series.push({ label: `${fx} = ${e.text}`, points }) - 1;
    // The summary reads a fine sampling of its own, so what it says does not depend on the chart's
    // width (1/x at 40 columns had its pole missed and a 'lowest -4' reported).
    const fine = p.samples >= FINE_SAMPLES ? points : sample(f, p.from, p.to, FINE_SAMPLES);
    const defined = fine.map((q) => q[1]).filter(Number.isFinite);
    const low = lowestPoint(f, fine);
    const who = many ? `${name}: ` : '';
    if (!low) {
      summary.push(`${who}${fx} is undefined everywhere from ${fmt(p.from)} to ${fmt(p.to)}`);
    } else {
      const [yMin, yMax] = [Math.min(low.y, ...defined), Math.max(...defined)];
      const scale = Math.max(1, Math.abs(yMin), Math.abs(yMax));
      const span = `; y from ${fmt(snap(yMin, scale), 3)} to ${fmt(snap(yMax, scale), 3)}`;
      const at = `${fmt(snap(low.y, scale), 4)} at ${e.variable} = ${fmt(snap(low.x, 1e3 * (p.to - p.from)), 4)}`;
      const beside = nextToGap(fine, low.x);
      // Far below what the chart shows (see robustRange), or still falling as fast as ever on the
      // way into the gap (log(x) at 0): a pole's flank, not a minimum.
      const pole = beside !== undefined && (low.y < robustRange(defined)[0] || fallsWithoutBound(f, low.x, beside));
      const kind = pole ? 'pole' : beside !== undefined ? 'gap' : low.atEdge ? 'edge' : 'min';
      if (!pole) markers.push({ x: low.x, y: low.y, symbol: kind === 'min' ? '●' : '○', series: si, label: kind === 'min' ? 'minimum' : 'lowest point in the range' });
      // The other valleys: a local minimum is what gradient descent can get stuck in.
      const others = pole ? [] : otherMinima(f, fine, low.x);
      for (const m of others) markers.push({ x: m.x, y: m.y, symbol: '◇', series: si, label: 'another valley (a local minimum)' });
      const valleys = others.slice(0, 2).map((m) => `${fmt(snap(m.y, scale), 4)} at ${e.variable} = ${fmt(snap(m.x, 1e3 * (p.to - p.from)), 4)}`).join(', ') +
        (others.length > 2 ? ` and ${others.length - 2} more` : '');
      const also = others.length ? `; ${others.length === 1 ? 'another valley' : 'other valleys'}: ${valleys}` : '';
      summary.push(
        who +
          {
            min: `min ${at}${also}`,
            edge: `lowest ${at}, the edge of the range${others.length ? `; inside it, ${others.length === 1 ? 'a local minimum' : 'local minima'}: ${valleys}` : ' (no minimum inside it)'}`,
            gap: `lowest ${at}, beside a gap where ${fx} is undefined or jumps${also}`,
            pole: `no minimum: ${fx} falls without bound near ${e.variable} = ${fmt(snap(beside!, 1e3 * (p.to - p.from)), 4)}`,
          }[kind] +
          span,
      );
    }
    const d = p.derivatives?.[i];
    if (d && p.showDerivative) {
      series.push({ label: `${name}'(${e.variable}) = ${d.text}`, points: sample((x) => d.evaluate(x), p.from, p.to, p.samples) });
    }
    if (d && p.tangentAt !== undefined) {
      const a = p.tangentAt;
      const [fa, slope] = [f(a), d.evaluate(a)];
      if (!Number.isFinite(fa) || !Number.isFinite(slope)) {
        summary.push(`${who}no tangent at ${e.variable} = ${fmt(a)}: ${Number.isFinite(fa) ? `${name}'` : name} is undefined there`);
      } else {
        const points = sample((x) => fa + slope * (x - a), p.from, p.to, p.samples);
        const ts = series.push({ label: `tangent to ${name} at ${e.variable} = ${fmt(a)}: slope ${fmt(slope)}`, points }) - 1;
        markers.push({ x: a, y: fa, symbol: '◆', series: ts, label: 'point of tangency' });
        summary.push(`${who}tangent at ${e.variable} = ${fmt(a)}: y = ${fmt(fa)} ${slope < 0 ? '−' : '+'} ${fmt(Math.abs(slope))}·(${e.variable} ${a < 0 ? '+' : '−'} ${fmt(Math.abs(a))})`);
      }
    }
  });
  return { series, markers, summary, json: { from: p.from, to: p.to, series: series.map((s) => ({ label: s.label, points: jsonPoints(s.points as Point[]) })) } };
}

/** 0 for a value that is rounding noise at the given scale (the minimum of x^2 found at x = 7e-14). */
const snap = (v: number, scale: number) => (Math.abs(v) < 1e-12 * Math.abs(scale) ? 0 : v);

/**
 * Whether f keeps falling, by steps that do not shrink, as x closes in on the gap at `gap` from `x`
 * (log(x) into 0 falls by ln 10 at each tenth of the distance; exp(1/x) into 0 from the left has a
 * floor, and its steps shrink to nothing).
 */
function fallsWithoutBound(f: (x: number) => number, x: number, gap: number): boolean {
  let prev = f(x);
  const drops: number[] = [];
  for (let k = 1; k <= 8; k++) {
    const y = f(gap + (x - gap) * 10 ** -k);
    if (!(y < prev)) return false;
    drops.push(prev - y);
    prev = y;
  }
  return drops[drops.length - 1] >= 0.5 * drops[0];
}

/** Where the undefined neighbour (a gap or jump) of the point at x is, if it has one. */
function nextToGap(points: readonly Point[], x: number): number | undefined {
  const i = points.findIndex((q) => q[0] >= x);
  return [i - 1, i + 1].map((k) => points[k]).find((q) => q && Number.isNaN(q[1]))?.[0];
}

const RUN_SYMBOLS = ['●', '○', '◆', '◇', '▲', '△', '■', '□'];

export interface DescentView {
  /** The function with each run's visited points on it. */
  landscape: Omit<ChartSpec, 'width' | 'height' | 'colors'>;
  /** Loss f(x_k) per step k, one series per rate. */
  loss: Omit<ChartSpec, 'width' | 'height' | 'colors'>;
  tables: string[][];
  verdicts: string[];
}

/** How descent runs are shown: the landscape with visited points, the loss per step, tables, verdicts. */
export function descentLab(e: Expr, runs: readonly Run[], tableRows = 5, width = 80, y?: { from?: number; to?: number }): DescentView {
  // The landscape spans where the runs went, unless they went to infinity.
  const xs = runs.filter((r) => !r.diverged).flatMap((r) => r.steps.map((s) => s.x)).concat(runs.map((r) => r.start)).filter((x) => Math.abs(x) < 1e6);
  let [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const pad = Math.max((hi - lo) * 0.15, 1);
  [lo, hi] = [lo - pad, hi + pad];
  const f = (x: number) => e.evaluate(x);
  const markers: ChartMarker[] = runs.flatMap((r, i) =>
    r.steps.map((s) => ({ x: s.x, y: s.f, symbol: RUN_SYMBOLS[i % RUN_SYMBOLS.length], series: i + 1, label: `lr ${fmt(r.lr)}: x_k visited` })),
  );
  const fx = `f(${e.variable})`;
  const ends = (r: Run) => [r.steps[0], r.steps[r.steps.length - 1]];
  return {
    landscape: {
      series: [{ label: `${fx} = ${e.text}`, points: sample(f, lo, hi, 200) }],
      markers,
      x: { from: lo, to: hi },
      ...(y ? { y } : {}),
      yTitle: `${fx} = ${e.text}`,
      xTitle: e.variable,
      summary: runs.map((r) => `lr ${fmt(r.lr)}: ${e.variable} from ${fmt(ends(r)[0].x, 4)} to ${fmt(ends(r)[1].x, 4)} in ${count(ends(r)[1].k, 'step')}`),
    },
    loss: {
      series: runs.map((r) => ({ label: `lr ${fmt(r.lr)}`, points: r.steps.map((s) => [s.k, s.f] as [number, number]) })),
      // The range of the runs that did not diverge: a diverging one leaves through the top, not flattens the rest.
      yFit: lossRange(runs),
      ...(y ? { y } : {}),
      yTitle: `loss ${fx}_k per step`,
      xTitle: 'step k',
      summary: runs.map((r) => `lr ${fmt(r.lr)}: loss from ${fmt(ends(r)[0].f, 4)} to ${fmt(ends(r)[1].f, 4)}`),
    },
    // Under 60 columns the step tables keep 3 significant digits, so they fit (at 40: about 35 wide).
    tables: runs.map((r) => stepTable(r, e.variable, tableRows, width < 60 ? 3 : 6)),
    verdicts: runs.map((r) => r.verdict),
  };
}

function lossRange(runs: readonly Run[]): { from: number; to: number } | undefined {
  const fs = runs.flatMap((r) => (r.diverged ? [r.steps[0].f] : r.steps.map((s) => s.f))).filter(Number.isFinite);
  return fs.length ? { from: Math.min(...fs), to: Math.max(...fs) } : undefined;
}

/** step, x, f(x), f′(x) as aligned text; long runs show the first and last rows around a "…". */
export function stepTable(r: Run, v: string, keep: number, digits = 6): string[] {
  const rows = r.steps.length > 2 * keep + 1 ? [...r.steps.slice(0, keep), null, ...r.steps.slice(-keep)] : r.steps;
  const cells = [['step', v, `f(${v})`, `f'(${v})`], ...rows.map((s) => (s ? [String(s.k), fmt(s.x, digits), fmt(s.f, digits), fmt(s.grad, digits)] : ['…', '', '', '']))];
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  return [`lr ${fmt(r.lr)}, from ${v} = ${fmt(r.start)}:`, ...cells.map((row) => '  ' + row.map((cell, c) => cell.padStart(widths[c])).join('  '))];
}

export interface GradInput {
  expr: Expr;
  derivative: Expr;
  at: number;
  h: number;
  forward: number;
  central: number;
  analytic: number;
  sweep: readonly SweepPoint[];
}

export function gradLab(g: GradInput) {
  const v = g.expr.variable;
  const errF = Math.abs(g.forward - g.analytic);
  const errC = Math.abs(g.central - g.analytic);
  const bestF = bestStep(g.sweep, 'errorForward');
  const bestC = bestStep(g.sweep, 'errorCentral');
  const rows = [
    ['analytic', fmt(g.analytic), `f'(${v}) = ${g.derivative.text}`],
    ['forward', fmt(g.forward), `error ${fmt(errF, 2)}`],
    ['central', fmt(g.central), `error ${fmt(errC, 2)}`],
  ];
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lg = (e: number) => (e > 0 ? Math.log10(e) : NaN); // an exact 0 error has no log: a gap
  return {
    // Short lines: a learner at 40 columns reads them unwrapped.
    header: `f(${v}) = ${g.expr.text} at ${v} = ${fmt(g.at)}, h = ${fmt(g.h)}`,
    table: [
      ...rows.map((r) => `  ${r[0].padEnd(8)}  ${r[1].padEnd(w1)}  ${r[2]}`),
      `forward = (f(${v}+h) − f(${v}))/h`,
      `central = (f(${v}+h) − f(${v}−h))/2h`,
    ],
    chart: {
      series: [
        { label: 'forward difference', points: g.sweep.map((p) => [Math.log10(p.h), lg(p.errorForward)] as [number, number]) },
        { label: 'central difference', points: g.sweep.map((p) => [Math.log10(p.h), lg(p.errorCentral)] as [number, number]) },
      ],
      markers: [
        { x: Math.log10(bestF.h), y: lg(bestF.errorForward), symbol: '●', series: 0, label: 'best h, forward' },
        { x: Math.log10(bestC.h), y: lg(bestC.errorCentral), symbol: '◆', series: 1, label: 'best h, central' },
      ],
      yTitle: 'log10 |error|',
      xTitle: 'log10 h',
    } satisfies Omit<ChartSpec, 'width' | 'height' | 'colors'>,
    sentence:
      `Best h: forward ${fmt(bestF.h)} (error ${fmt(bestF.errorForward, 2)}), central ${fmt(bestC.h)} (error ${fmt(bestC.errorCentral, 2)}). ` +
      'A smaller h first cuts the truncation error; below the best h, rounding error in f(x+h) − f(x) takes over and the error grows again.' +
      // x² has no truncation error for the central difference: only rounding is left, at every h.
      (bestC.h === g.sweep[0].h ? ' The central difference has no truncation error here, so its error is rounding alone and the largest h does best.' : ''),
    json: {
      expr: g.expr.text,
      at: g.at,
      derivative: g.derivative.text,
      analytic: g.analytic,
      numeric: { h: g.h, forward: g.forward, central: g.central },
      error: { forward: errF, central: errC },
      sweep: g.sweep.map((p) => ({ h: p.h, forward: p.forward, central: p.central, error: { forward: p.errorForward, central: p.errorCentral } })),
      best: { forward: bestF.h, central: bestC.h },
    },
  };
}
