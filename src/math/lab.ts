import type { ChartMarker, ChartSeries, ChartSpec } from '../chart/chart.js';
import { drawableRange, robustRange } from '../chart/scale.js';
import type { Expr } from './engine.js';
import { count, formatNumber as fmt } from './format.js';
import { envelope, linspace, sample, turns, type Point } from './sample.js';
import { criticalMarkers, criticalPoints1, criticalSummary, type CurveShape } from './critical.js';
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
  /** Columns the chart has to draw in (default: `samples`): a curve that turns more often cannot be drawn. */
  columns?: number;
  /**
   * The y range the chart's axis will show for the values it fits (see shownYRange): the summary
   * says that range, and how far the curves go beyond it, rather than a range the axis does not show.
   */
  shown?: (fit: { from: number; to: number }) => { lo: number; hi: number };
  /** How the summary offers the y range that shows all of a curve: the flags alone (after calc-ml plot's own command), or a command to run (the tutor has none). */
  seeAll?: (flags: string) => string;
}

export interface PlotResult {
  series: ChartSeries[];
  markers: ChartMarker[];
  summary: string[];
  /**
   * Per expression, its critical points (null where it wiggles too fast to have them read): the one
   * list the marks and the summary come from, for any other text about them (the tutor's f′ sentence).
   */
  shapes: (CurveShape | null)[];
  /** The values the chart's y range fits: the curves (and f′), not a tangent, which is cut at the frame. */
  yFit?: { from: number; to: number };
  json: { from: number; to: number; series: { label: string; points: [number, number | null][] }[]; notes?: string[] };
}

/** Samples behind the check for a curve that wiggles faster than the columns (sin(100x)); 4,001 cost about 2 ms. */
const DENSE_SAMPLES = 4001;


export function plotLab(p: PlotInput): PlotResult {
  const series: ChartSeries[] = [];
  const markers: ChartMarker[] = [];
  let summary: string[] = [];
  const spans: Span[] = [];
  const notes: string[] = [];
  const shapes: (CurveShape | null)[] = [];
  const fitted: number[] = [];
  const fittedAround: [number, number][] = [];
  // JSON carries the sampled values themselves, also where the chart draws a band instead.
  const jsonSeries: { label: string; points: [number, number | null][] }[] = [];
  const many = p.exprs.length > 1;
  const columns = p.columns ?? p.samples;
  // A refined extremum is good to about √ε of the range (golden-section search on a rounded f):
  // cos's peak found at 1e-8 is at 0.
  const atX = (x: number) => fmt(Math.abs(x) < 1e-6 * (p.to - p.from) ? 0 : x, 4);
  p.exprs.forEach((e, i) => {
    const name = nameOf(i);
    const fx = `${name}(${e.variable})`;
    const f = (x: number) => e.evaluate(x);
    const who = many ? `${name}: ` : '';
    const points = sample(f, p.from, p.to, p.samples);
    // The summary reads a fine sampling of its own, so what it says does not depend on the chart's
    // width (1/x at 40 columns had its pole missed and a 'lowest -4' reported).
    const fine = p.samples >= FINE_SAMPLES ? points : sample(f, p.from, p.to, FINE_SAMPLES);
    jsonSeries.push({ label: `${fx} = ${e.text}`, points: jsonPoints(points) });
    // Faster wiggles than the chart has columns: one value per column draws a slow wave that is not
    // there (sin(100x) at 80 columns). Drawn instead as the band the curve fills, and said so.
    const alias = aliasing(f, p.from, p.to, columns, fine);
    let si: number;
    // What the chart's note under it says of where the curve leaves the frame, and the summary of
    // how far it goes, both read from these samples: one figure for one reach.
    let reach: readonly Point[] = fine;
    // The curve's drawn values: fitted whole (with the rest), or around its critical points (see aroundCritical).
    let curveValues: number[] = [];
    if (alias) {
      const band = envelope(f, p.from, p.to, columns, Math.max(4, Math.ceil(DENSE_SAMPLES / columns)));
      si = series.push({ label: `${fx} = ${e.text}: band top`, points: band.upper, exits: true }) - 1;
      series.push({ label: `${fx} = ${e.text}: band bottom`, points: band.lower, exits: true });
      fitted.push(...band.upper.map((q) => q[1]), ...band.lower.map((q) => q[1]));
      reach = [...band.upper, ...band.lower];
      const w = niceWidth(((p.to - p.from) * columns) / 8 / alias.turns);
      const note =
        `${who}${fx} wiggles faster than the chart's ${columns} columns can show (about ${alias.turns} turns from ${fmt(p.from)} to ${fmt(p.to)}), ` +
        `so it is drawn as the band it fills, its highest and lowest value in each column; to see its shape, narrow the range, e.g. --from ${fmt(p.from)} --to ${fmt(p.from + w)}`;
      notes.push(note);
      summary.push(note);
    } else {
      // A y range given on the command line may cut the curves (not the tangent, cut at the frame by design): the chart marks where.
      si = series.push({ label: `${fx} = ${e.text}`, points, exits: true, reach: fine }) - 1;
      curveValues = points.map((q) => q[1]);
    }
    const defined = fine.map((q) => q[1]).filter(Number.isFinite);
    // One list of critical points: the chart's marks and the summary sentence are both made from it.
    const shape = alias ? null : criticalPoints1(f, fine);
    shapes.push(shape);
    const around = aroundCritical(shape, curveValues);
    if (around) fittedAround.push(around);
    else fitted.push(...curveValues);
    if (!defined.length) {
      summary.push(`${who}${fx} is undefined everywhere from ${fmt(p.from)} to ${fmt(p.to)}`);
    } else {
      // The refined lowest point can lie below every sample (x^2's 0 between two of them).
      const [yMin, yMax] = [Math.min(...defined, ...(shape?.kind === 'curve' ? shape.points.map((q) => q.y) : [])), Math.max(...defined)];
      // Rounding noise is judged against the curve's own size (1e-20·x² reaches 2.5e-19: that is no 0).
      const scale = Math.max(Math.abs(yMin), Math.abs(yMax));
      // Said once the chart's frame is known (after every curve is sampled): see spanText.
      const reached = reach.map((q) => q[1]).filter(Number.isFinite);
      const span = `\u0000${spans.push({ fx, yMin, yMax, scale, reachMin: Math.min(...reached), reachMax: Math.max(...reached), around: !!around }) - 1}\u0000`;
      const where = defined.length < fine.length ? ' where it is defined' : '';
      if (shape) {
        markers.push(...criticalMarkers(shape, si));
        summary.push(who + criticalSummary(shape, { fx, v: e.variable, from: p.from, to: p.to, span, where, atX, y: (value) => fmt(snap(value, scale), 4) }));
      } else summary.push(`${who}min ${fmt(snap(yMin, scale), 4)}, reached again and again${span}`);
      // Nothing is drawn where f has no value: said, not left for the learner to notice (exp(x) past
      // 709 is beyond ±1.8e308, sqrt(x) has none left of 0).
      const gaps = gapsIn(fine, f);
      if (gaps.length) {
        const at = (g: { from: number; to: number }) => (g.from === g.to ? `at ${e.variable} = ${atX(g.from)}` : `for ${e.variable} from ${atX(g.from)} to ${atX(g.to)}`);
        const list = gaps.slice(0, 3).map(at).join(', ') + (gaps.length > 3 ? ` and ${count(gaps.length - 3, 'more place')}` : '');
        summary.push(`${who}${fx} has no value (undefined, or beyond ±1.8e308) ${list}: nothing is drawn there`);
      }
    }
    const d = p.derivatives?.[i];
    if (d && p.showDerivative) {
      const points = sample((x) => d.evaluate(x), p.from, p.to, p.samples);
      series.push({ label: `${name}'(${e.variable}) = ${d.text}`, points, exits: true });
      jsonSeries.push({ label: `${name}'(${e.variable}) = ${d.text}`, points: jsonPoints(points) });
      fitted.push(...points.map((q) => q[1]));
    }
    if (d && p.tangentAt !== undefined) {
      const a = p.tangentAt;
      const [fa, slope] = [f(a), d.evaluate(a)];
      if (!Number.isFinite(fa) || !Number.isFinite(slope)) {
        summary.push(`${who}no tangent at ${e.variable} = ${fmt(a)}: ${Number.isFinite(fa) ? `${name}'` : name} is undefined there`);
      } else {
        const points = sample((x) => fa + slope * (x - a), p.from, p.to, p.samples);
        const ts = series.push({ label: `tangent to ${name} at ${e.variable} = ${fmt(a)}: slope ${fmt(slope)}`, points }) - 1;
        jsonSeries.push({ label: series[ts].label, points: jsonPoints(points) });
        markers.push({ x: a, y: fa, symbol: '◆', series: ts, label: 'point of tangency' });
        fitted.push(fa);
        summary.push(`${who}tangent at ${e.variable} = ${fmt(a)}: y = ${fmt(fa)} ${slope < 0 ? '−' : '+'} ${fmt(Math.abs(slope))}·(${e.variable} ${a < 0 ? '+' : '−'} ${fmt(Math.abs(a))})`);
      }
    }
  });
  // The y range: every value fitted as before, joined with the ranges of curves fitted around
  // their critical points (a tangent's one point, or f′, beside them: their values, whole).
  const rest = fitted.filter(Number.isFinite);
  const restRange = rest.length >= 10 ? robustRange(rest) : rest.length ? [Math.min(...rest), Math.max(...rest)] : null;
  const ranges = [...fittedAround, ...(restRange ? [restRange] : [])];
  const [from, to] = !fittedAround.length ? robustRange(fitted) : drawableRange(Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1])));
  const anyFit = ranges.length > 0;
  const frame = p.shown && anyFit ? p.shown({ from, to }) : null;
  // The flags that show every curve whole, from what their samples reach (the figures the summary states).
  const whole = spans.length ? { lo: Math.min(...spans.map((sp) => sp.reachMin)), hi: Math.max(...spans.map((sp) => sp.reachMax)) } : null;
  summary = summary.map((line) => line.replace(/\u0000(\d+)\u0000/g, (_, k) => spanText(spans[Number(k)], frame, whole, p.seeAll)));
  return {
    series, markers, summary, shapes,
    ...(anyFit ? { yFit: { from, to } } : {}),
    json: { from: p.from, to: p.to, series: jsonSeries, ...(notes.length ? { notes } : {}) },
  };
}

/**
 * The y range a summary ends with: the values' own, when the chart's axis shows them all; else the
 * range the axis shows and how far the curve goes beyond it (1/(x − 1): the axis shows −5 to 5, the
 * samples beside the pole reach ±40), so the text never names a range the axis does not.
 */
function spanText(s: Span, frame: { lo: number; hi: number } | null, whole: { lo: number; hi: number } | null, seeAll = (flags: string) => flags): string {
  const y = (v: number) => fmt(snap(v, s.scale), 3);
  const slack = 1e-9 * Math.max(Math.abs(frame?.lo ?? 0), Math.abs(frame?.hi ?? 0), 1e-300);
  const [above, below] = frame ? [s.reachMax > frame.hi + slack, s.reachMin < frame.lo - slack] : [false, false];
  if (!frame || (!above && !below)) return `; y from ${y(s.yMin)} to ${y(s.yMax)}`;
  // What the samples reach, not how far f goes: beside a pole it goes on past them. The same
  // samples and digits as the chart's note of where the curve leaves the frame (renderChart).
  const far = [above ? fmt(s.reachMax, 4) : '', below ? fmt(s.reachMin, 4) : ''].filter(Boolean);
  const shows = `; the chart shows y from ${fmt(frame.lo, 4)} to ${fmt(frame.hi, 4)}`;
  const beyond = `${s.fx} goes beyond it (its samples reach ${far.join(' and ')})`;
  if (!s.around || !whole) return `${shows}, and ${beyond}`;
  return `${shows}, around its valleys and peaks (its values near the ends would squash them into one row), and ${beyond}; to see all of it: ${seeAll(`--ymin ${fmt(outward(whole.lo, -1))} --ymax ${fmt(outward(whole.hi, 1))}`)}`;
}

/** v rounded away from the middle (dir −1 down, +1 up) to 2 significant digits: a --ymin/--ymax that holds it. */
export function outward(v: number, dir: -1 | 1): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const p = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 1);
  const r = (dir < 0 ? Math.floor(v / p + 1e-9) : Math.ceil(v / p - 1e-9)) * p;
  // Rounding p's multiple can leave a tail of binary digits (5.5000000001): cut to 2 digits again.
  return Number(r.toPrecision(2)) === r ? r : Number(r.toPrecision(3));
}

/** The critical points' kinds that lie inside the range: where a curve's shape is. */
const INSIDE = new Set(['minimum', 'local-minimum', 'maximum', 'local-maximum', 'flat']);

/** How much wider than its valleys and peaks a curve's values must spread for it to be fitted around them. */
const DWARF = 10;

/**
 * The y range that shows a curve's shape, when the values at the ends of the range dwarf it:
 * x⁴ − 4x² + x on −5..5 has its two valleys and the hump between within 5.5 of each other and
 * reaches 530 at the edges, so fitted whole they share one row. With two or more valleys, peaks or
 * flat points whose spread is under a tenth of the curve's (robust) range, the range is theirs,
 * widened by half their spread on each side as far as the curve goes: a bowl (one minimum) or a
 * wave that fills its range is fitted whole. Null: fit the curve whole.
 */
export function aroundCritical(shape: CurveShape | null, values: readonly number[]): [number, number] | null {
  if (shape?.kind !== 'curve') return null;
  const ys = shape.points.filter((q) => INSIDE.has(q.kind)).map((q) => q.y);
  if (ys.length < 2) return null;
  const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  const spread = hi - lo;
  const fin = values.filter(Number.isFinite);
  if (!(spread > 0) || fin.length < 2) return null;
  const [rlo, rhi] = robustRange(fin);
  if (!(rhi - rlo > DWARF * spread)) return null;
  return [Math.max(Math.min(...fin, lo), lo - spread / 2), Math.min(Math.max(...fin, hi), hi + spread / 2)];
}

/** A curve's y range for its summary: its values (refined extrema included) and what its samples reach. */
interface Span { fx: string; yMin: number; yMax: number; scale: number; reachMin: number; reachMax: number; /** Fitted around its critical points. */ around: boolean }

/**
 * Whether f turns more often than `columns` columns can draw (two columns per turn at the least), by
 * a dense sampling; the count of turns when it does. Turns smaller than a fiftieth of the curve's
 * height, or than rounding, do not count.
 */
function aliasing(f: (x: number) => number, from: number, to: number, columns: number, fine: readonly Point[]): { turns: number } | null {
  // A curve that turns less than once per four columns in the fine sampling (x², sin x: nearly every
  // plot) is not sampled densely: that costs 4,001 evaluations, a few ms of every start.
  const coarse = fine.map((q) => q[1]);
  const cfin = coarse.filter(Number.isFinite);
  if (cfin.length >= 3 && turns(coarse, 0.02 * (Math.max(...cfin) - Math.min(...cfin))) <= columns / 4) return null;
  const ys = linspace(from, to, DENSE_SAMPLES).map(f);
  const fin = ys.filter(Number.isFinite);
  if (fin.length < 3) return null;
  const [lo, hi] = [Math.min(...fin), Math.max(...fin)];
  const threshold = Math.max(0.02 * (hi - lo), 1e-9 * Math.max(Math.abs(lo), Math.abs(hi)));
  if (!(hi - lo > threshold)) return null;
  const n = turns(ys, threshold);
  return n > columns / 2 ? { turns: n } : null;
}

/** A range width rounded down to 2 significant digits, for a suggested --to. */
function niceWidth(w: number): number {
  const p = 10 ** (Math.floor(Math.log10(w)) - 1);
  return Math.max(p, Math.floor(w / p) * p);
}

/** 0 for a value that is rounding noise at the given scale (the minimum of x^2 found at x = 7e-14). */
// Rounding noise away from 0 (sin(pi) is 1.2e-16), relative to the values plotted; never a value of
// a billionth or more, which is a value (exp(0) is 1, though exp reaches 1.8e307 on 0..1000).
/**
 * The stretches of samples where f has no value, each from its first to its last sample (not the
 * breaks sample() puts at a jump, floor(x) at 1, where f has a value).
 */
function gapsIn(points: readonly Point[], f: (x: number) => number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let open: { from: number; to: number } | null = null;
  for (const [x, y] of points) {
    if (Number.isFinite(y) || Number.isFinite(f(x))) open = null;
    else if (open) open.to = x;
    else out.push((open = { from: x, to: x }));
  }
  return out;
}

const snap = (v: number, scale: number) => (Math.abs(v) < 1e-12 * Math.abs(scale) && Math.abs(v) < 1e-9 ? 0 : v);

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
  const [lo, hi] = landscapeRange(runs);
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
    loss: lossChart(runs, fx, y),

    // Under 60 columns the step tables keep 3 significant digits, so they fit (at 40: about 35 wide).
    tables: runs.map((r) => stepTable(r, e.variable, tableRows, width < 60 ? 3 : 6)),
    verdicts: runs.map((r) => r.verdict),
  };
}

/**
 * The x range of the landscape: where the runs that did not blow up went, and as much of the ones
 * that did as fits in four times that (x² at lr 1.1 shows its first swings, then an arrow at the edge
 * with how far it went, instead of one point), padded.
 */
export function landscapeRange(runs: readonly Run[]): [number, number] {
  const xs = runs.filter((r) => !r.diverged).flatMap((r) => r.steps.map((s) => s.x)).concat(runs.map((r) => r.start)).filter((x) => Math.abs(x) < 1e6);
  let [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const cap = 4 * Math.max(hi - lo, 2);
  for (const r of runs.filter((r) => r.diverged)) {
    for (const s of r.steps) {
      const [a, b] = [Math.min(lo, s.x), Math.max(hi, s.x)];
      if (!Number.isFinite(s.x) || b - a > cap) break;
      [lo, hi] = [a, b];
    }
  }
  const pad = Math.max((hi - lo) * 0.15, 1);
  return [lo - pad, hi + pad];
}

/** What the loss chart needs of a run, in one variable or two (a 2-D run's steps carry f too). */
export interface LossRun { lr: number; diverged: boolean; steps: readonly { k: number; f: number }[] }

/**
 * The loss per step. When a run's loss grows by decades (a rate that diverges) and no loss is
 * negative, the axis is log10, labelled so, and every run shows whole: a divergent run would
 * otherwise leave through the top at its second step, or hide under a steady one. Otherwise the axis
 * is linear, fitted to the runs that did not blow up; a run that leaves the frame gets an arrow at the
 * edge with the value it reached. Converging runs alone stay linear: the approach to 0 is what a
 * learner looks for. Losses that fall by decades below 0 (no bottom) get a log axis below 0.
 * Takes any runs with k and f per step: descend on two variables can use it as it is.
 */
export function lossChart(runs: readonly LossRun[], fx: string, y?: { from?: number; to?: number }): Omit<ChartSpec, 'width' | 'height' | 'colors'> {
  const all = runs.flatMap((r) => r.steps.map((s) => s.f)).filter(Number.isFinite);
  const positive = all.filter((v) => v > 0);
  const rises = runs.some((r) => r.steps.some((s) => s.f > 10 * Math.max(Math.abs(r.steps[0].f), 1e-300)));
  const userLinear = (y?.from !== undefined && !(y.from > 0)) || (y?.to !== undefined && !(y.to > 0));
  const log = !userLinear && rises && all.every((v) => v >= 0) && positive.length > 0 && Math.max(...positive) / Math.min(...positive) >= 1e3;
  // Losses that fall without bound (x³ heading left) span decades below 0: −log10(−f), so lower is lower.
  const negative = all.map((v) => -v).filter((v) => v > 0);
  const sinks = runs.some((r) => r.steps.some((st) => st.f < -10 * Math.max(Math.abs(r.steps[0].f), 1e-300)));
  const userPositive = (y?.from !== undefined && !(y.from < 0)) || (y?.to !== undefined && !(y.to < 0));
  if (!log && !userPositive && sinks && all.every((v) => v < 0) && Math.max(...negative) / Math.min(...negative) >= 1e3) {
    const lg = (v: number) => (v < 0 ? -Math.log10(-v) : NaN);
    const ends = (r: LossRun) => [r.steps[0], r.steps[r.steps.length - 1]];
    return {
      series: runs.map((r) => ({ label: `lr ${fmt(r.lr)}`, points: r.steps.map((s) => [s.k, lg(s.f)] as [number, number]), offFrame: true })),
      yLog: 'negative',
      yFit: { from: -Math.log10(Math.max(...negative)), to: -Math.log10(Math.min(...negative)) },
      ...(y ? { y: { ...(y.from !== undefined ? { from: -Math.log10(-y.from) } : {}), ...(y.to !== undefined ? { to: -Math.log10(-y.to) } : {}) } } : {}),
      yTitle: `loss ${fx}_k per step (log scale, below 0)`,
      xTitle: 'step k',
      summary: [
        ...runs.map((r) => `lr ${fmt(r.lr)}: loss from ${fmt(ends(r)[0].f, 4)} to ${fmt(ends(r)[1].f, 4)}`),
        'The loss axis is logarithmic below 0: -10, -100, -1000 … are evenly spaced, lower is more negative.',
      ],
    };
  }
  const ends = (r: LossRun) => [r.steps[0], r.steps[r.steps.length - 1]];
  const summary = runs.map((r) => `lr ${fmt(r.lr)}: loss from ${fmt(ends(r)[0].f, 4)} to ${fmt(ends(r)[1].f, 4)}`);
  if (log) {
    // f = 0 has no logarithm: it is drawn below the frame, with its arrow (a run that reached 0 exactly).
    const lg = (v: number) => (v > 0 ? Math.log10(v) : v === 0 ? -Infinity : NaN);
    return {
      series: runs.map((r) => ({ label: `lr ${fmt(r.lr)}`, points: r.steps.map((s) => [s.k, lg(s.f)] as [number, number]), offFrame: true })),
      yLog: true,
      yFit: { from: Math.log10(Math.min(...positive)), to: Math.log10(Math.max(...positive)) },
      ...(y ? { y: { ...(y.from !== undefined ? { from: Math.log10(y.from) } : {}), ...(y.to !== undefined ? { to: Math.log10(y.to) } : {}) } } : {}),
      yTitle: `loss ${fx}_k per step (log scale)`,
      xTitle: 'step k',
      summary: [...summary, 'The loss axis is logarithmic: the losses span many powers of ten.'],
    };
  }
  const fs = runs.flatMap((r) => (r.diverged ? [r.steps[0].f] : r.steps.map((s) => s.f))).filter(Number.isFinite);
  return {
    series: runs.map((r) => ({ label: `lr ${fmt(r.lr)}`, points: r.steps.map((s) => [s.k, s.f] as [number, number]), offFrame: true })),
    // The range of the runs that did not diverge: a diverging one leaves through the top (with an arrow), not flattens the rest.
    ...(fs.length ? { yFit: { from: Math.min(...fs), to: Math.max(...fs) } } : {}),
    ...(y ? { y } : {}),
    yTitle: `loss ${fx}_k per step`,
    xTitle: 'step k',
    summary,
  };
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
