import asciichart from 'asciichart';
import { Chalk } from 'chalk';
import { labelFormatter, niceStep, robustRange, drawableRange, ticks } from './scale.js';
import { asciiText } from './ascii.js';
import { hangingWrap } from '../math/format.js';

export interface ChartSeries {
  label: string;
  /** [x, y] in increasing x; y NaN where the series is undefined (a gap). */
  points: readonly (readonly [number, number])[];
}

export interface ChartMarker {
  x: number;
  y: number;
  /** One character: ● for a minimum, ◆ for a tangent point, … */
  symbol: string;
  /** Shown in the legend. Markers sharing a label are listed once. */
  label?: string;
  /** Colour of that series (default: no colour, bold). */
  series?: number;
}

export interface ChartSpec {
  series: readonly ChartSeries[];
  markers?: readonly ChartMarker[];
  /** Total columns, y labels included. */
  width: number;
  /** Most rows of the plot area (fewer when round label values need fewer). */
  height: number;
  colors: boolean;
  /** The x range drawn; default: the x extent of the points. */
  x?: { from: number; to: number };
  /** A fixed y range, or one end of it (--ymin, --ymax): kept as given where round labels allow. */
  y?: { from?: number; to?: number };
  /** The values the y range is fitted to, where not fixed by `y`; default: a robust range of the values (see robustRange). */
  yFit?: { from: number; to: number };
  xTitle?: string;
  yTitle?: string;
  /** Plain-text lines under the chart, so nothing is carried by colour alone. */
  summary?: readonly string[];
  /** Only ASCII characters, for terminals without box-drawing glyphs (--ascii). */
  ascii?: boolean;
}

// asciichart's symbol slots: 4 is the horizontal, 9 the vertical, 5–8 the corners. Each series gets
// its own line style as well as its own colour, so series stay apart without colour.
type Symbols = [string, string, string, string, string, string, string, string, string, string];
const STYLES: Symbols[] = [
  ['┼', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'],
  ['┼', '┤', '╶', '╴', '╌', '╰', '╭', '╮', '╯', '╎'],
  ['┼', '┤', '╶', '╴', '═', '╚', '╔', '╗', '╝', '║'],
  ['┼', '┤', '╶', '╴', '┄', '└', '┌', '┐', '┘', '┆'],
  ['┼', '┤', '╶', '╴', '·', '·', '·', '·', '·', '·'],
];
// The same, in ASCII: corners as . and ' so curves stay round ('-.  .-'), and markers (asciiText)
// use none of these characters.
const ASCII_STYLES: Symbols[] = [
  ['+', '+', '-', '-', '-', "'", '.', '.', "'", '|'],
  ['+', '+', '-', '-', '~', "'", '.', '.', "'", ':'],
  ['+', '+', '-', '-', '=', "'", '.', '.', "'", '#'],
  ['+', '+', '-', '-', '_', "'", '.', '.', "'", '!'],
  ['+', '+', '-', '-', ',', ',', ',', ',', ',', ','],
];
const PALETTE = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'] as const;

interface Cell { ch: string; series: number }

/** The narrowest chart drawn: y labels, the axis and a few columns of plot. */
export const MIN_CHART_WIDTH = 30;

/**
 * The y range drawn: the one given, an end given with the other end from the data (and when the data
 * lie wholly beyond the given end, a range a tenth as wide as that end on its far side), or the data's own.
 */
function yFrame(given: ChartSpec['y'], fit: () => [number, number]): [number, number] {
  if (given?.from !== undefined && given.to !== undefined) return drawableRange(given.from, given.to);
  const [lo, hi] = fit();
  if (given?.from !== undefined) return drawableRange(given.from, hi > given.from ? hi : given.from + Math.max(1, Math.abs(given.from) / 10));
  if (given?.to !== undefined) return drawableRange(lo < given.to ? lo : given.to - Math.max(1, Math.abs(given.to) / 10), given.to);
  return [lo, hi];
}

/** Renders series as an ASCII chart with axes, tick labels, legend, markers and gaps. Pure. */
export function renderChart(spec: ChartSpec): string {
  // Narrower than a chart can be: one line that says so, then the plain-text summary (a chart drawn
  // wider than the terminal wraps every row into the next).
  if (spec.width < MIN_CHART_WIDTH) {
    const text = spec.ascii ? asciiText : (t: string) => t;
    return [`(chart needs ${MIN_CHART_WIDTH} cols)`, ...(spec.summary ?? []).map((l) => hangingWrap(text(l), spec.width))].join('\n') + '\n';
  }
  const chalk = new Chalk({ level: spec.colors ? 1 : 0 });
  const paint = (s: string, series: number): string =>
    series < 0 ? chalk.bold(s) : chalk[PALETTE[series % PALETTE.length]](s);
  const markers = (spec.markers ?? []).map((m) => (spec.ascii ? { ...m, symbol: asciiText(m.symbol) } : m));
  const styles = spec.ascii ? ASCII_STYLES : STYLES;
  const box = spec.ascii ? { axis: '|', tick: '+', corner: '+', rule: '-', xTick: '+' } : { axis: '│', tick: '┤', corner: '└', rule: '─', xTick: '┬' };

  // x range
  // Markers do not widen the range: one far off (a diverged run) would squash the curves.
  const xs = spec.series.flatMap((s) => s.points.map((p) => p[0])).filter(Number.isFinite);
  let xFrom = spec.x?.from ?? Math.min(...xs);
  let xTo = spec.x?.to ?? Math.max(...xs);
  if (!Number.isFinite(xFrom) || !Number.isFinite(xTo)) [xFrom, xTo] = [0, 1];
  if (xTo <= xFrom) [xFrom, xTo] = [xFrom - 1, xTo + 1];

  // y range, widened to multiples of a nice step so every row's value is round. Past 10 rows, and
  // always with a step of 2.5, only every other row is labelled (so labels read 0 5 10, not 2.5 7.5),
  // and the range is widened to multiples of that label step.
  const ys = spec.series.flatMap((s) => s.points.filter((p) => p[0] >= xFrom && p[0] <= xTo).map((p) => p[1]));
  // Kept within ±1e300 so that hi − lo, and every step computed from it, stays a finite number.
  const [yLo, yHi] = yFrame(spec.y, () => spec.yFit ? drawableRange(spec.yFit.from, spec.yFit.to) : robustRange(ys.concat(markers.filter((m) => m.x >= xFrom && m.x <= xTo).map((m) => m.y)))).map(
    (v) => Math.max(-1e300, Math.min(1e300, v)),
  );
  const maxIntervals = Math.max(2, spec.height - 1);
  const frameFor = (step: number) => {
    const quarter = Math.abs(step / 10 ** Math.floor(Math.log10(step) + 1e-9) - 2.5) < 1e-9;
    const every = quarter || (yHi - yLo) / step > 10 ? 2 : 1;
    const lo = Math.floor(yLo / (step * every) + 1e-9) * step * every;
    const hi = Math.ceil(yHi / (step * every) - 1e-9) * step * every;
    return { step, every, lo, hi, fits: Math.round((hi - lo) / step) <= maxIntervals };
  };
  let frame = frameFor(niceStep((yHi - yLo) / maxIntervals));
  while (!frame.fits) frame = frameFor(niceStep(frame.step * 1.0001));
  // An end the learner gave (--ymin, --ymax) is kept as given when a coarser round step allows it
  // (-5..10 in steps of 5, rather than widened to -6..10 in steps of 2).
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const keeps = (f: typeof frame) => (spec.y?.from === undefined || same(f.lo, yLo)) && (spec.y?.to === undefined || same(f.hi, yHi));
  if (!keeps(frame)) {
    for (let f = frameFor(niceStep(frame.step * 1.0001)); f.step <= yHi - yLo; f = frameFor(niceStep(f.step * 1.0001))) {
      if (f.fits && keeps(f)) {
        frame = f;
        break;
      }
    }
  }
  const { step, every, lo } = frame;
  let { hi } = frame;
  const intervals = Math.max(1, Math.round((hi - lo) / step));
  hi = lo + intervals * step;
  // Rows are computed exactly as asciichart computes them, so markers sit on the lines it draws.
  const ratio = intervals / (hi - lo);
  const rowOf = (y: number) => intervals - (Math.round(y * ratio) - Math.round(lo * ratio));

  const fmtY = labelFormatter(step * every, Math.max(Math.abs(lo), Math.abs(hi)));
  const yLabels = Array.from({ length: intervals + 1 }, (_, r) => {
    const k = Math.round(hi / step) - r;
    return k % every === 0 ? fmtY(k * step) : '';
  });
  const labelWidth = Math.max(...yLabels.map((l) => l.length));
  const W = Math.max(10, spec.width - labelWidth - 2);
  const colOf = (x: number) => Math.round(((x - xFrom) / (xTo - xFrom)) * (W - 1));

  const grid: (Cell | undefined)[][] = Array.from({ length: intervals + 1 }, () => new Array(W).fill(undefined));
  // Where each series was drawn, to tell afterwards which ones a later series covered up.
  const drawn: [number, number][][] = spec.series.map((s, si) => {
    drawSeries(grid, s, styles[Math.min(si, styles.length - 1)], si, { W, lo, hi, intervals, colOf, rowOf, xFrom, xTo });
    return grid.flatMap((row, r) => row.flatMap((c, col) => (c?.series === si ? [[r, col] as [number, number]] : [])));
  });
  for (const m of markers) {
    if (m.x < xFrom || m.x > xTo || !(m.y >= lo && m.y <= hi)) continue;
    grid[rowOf(m.y)][colOf(m.x)] = { ch: m.symbol, series: m.series ?? -1 };
  }

  const lines: string[] = [];
  const yTitle = spec.yTitle ?? (spec.series.length === 1 ? spec.series[0].label : undefined);
  const text = spec.ascii ? asciiText : (t: string) => t;
  const dots = spec.ascii ? '...' : '…';
  if (yTitle) lines.push(clip(text(yTitle), spec.width, dots));
  grid.forEach((row, r) => {
    const axis = yLabels[r] ? box.tick : box.axis;
    const body = row.map((c) => (c ? paint(c.ch, c.series) : ' ')).join('');
    lines.push(`${yLabels[r].padStart(labelWidth)} ${axis}${body}`);
  });
  const [rule, tickLabels] = xAxis(xFrom, xTo, W, labelWidth, colOf, box);
  lines.push(rule);
  // The x title goes at the right end of the tick labels when it fits there, else on a line below.
  const used = tickLabels.trimEnd().length;
  const title = text(spec.xTitle ?? '');
  if (title && used + 2 + title.length <= labelWidth + 2 + W) lines.push(tickLabels.slice(0, used).padEnd(labelWidth + 2 + W - title.length) + title);
  else lines.push(tickLabels, ...(title ? [' '.repeat(Math.max(0, labelWidth + 2 + W - title.length)) + title] : []));
  // A series drawn over for the most part is named in the legend with the one on top of it (two
  // learning rates with the same losses would otherwise show one line and a legend of two).
  const covered = drawn.map((cells, si) => {
    if (!cells.length) return '';
    const over = cells.map(([r, c]) => grid[r][c]?.series ?? -1).filter((o) => o !== si && o >= 0);
    if (over.length < 0.7 * cells.length) return '';
    const top = mostCommon(over);
    return ` (${over.length === cells.length ? 'hidden' : 'mostly'} under ${spec.series[top]?.label ?? 'another line'})`;
  });
  lines.push(...legend(spec, markers, styles, paint, (t) => clip(text(t), spec.width - 6, dots), covered));
  // Summaries wrap at spaces within the chart's width (a terminal would cut them mid-word).
  for (const line of (spec.summary ?? []).map(text)) {
    lines.push(...hangingWrap(line, spec.width).split('\n'));
  }
  return lines.map((l) => l.replace(/\s+$/, '')).join('\n') + '\n';
}

interface Frame {
  W: number; lo: number; hi: number; intervals: number; xFrom: number; xTo: number;
  colOf(x: number): number; rowOf(y: number): number;
}

/**
 * Draws one series. asciichart cannot draw gaps (NaN makes it throw) and joins everything it is
 * given, so the series is first put on the grid's columns, then cut into runs: a run ends at a gap
 * (NaN, from the function being undefined or a jump found while sampling) and where two neighbours
 * are both outside the y range (a pole: joining +∞ to −∞ would draw a false vertical line). Each run
 * is drawn by asciichart alone, with the chart's own y range, and copied onto the grid at its column.
 */
function drawSeries(grid: (Cell | undefined)[][], s: ChartSeries, style: Symbols, si: number, f: Frame): void {
  const value: (number | undefined)[] = new Array(f.W).fill(undefined);
  const breakBefore: boolean[] = new Array(f.W).fill(false);
  let pendingBreak = false;
  for (const [x, y] of s.points) {
    if (x < f.xFrom || x > f.xTo) continue;
    if (!Number.isFinite(y)) {
      pendingBreak = true;
      continue;
    }
    const c = f.colOf(x);
    if (value[c] === undefined) {
      value[c] = y;
      breakBefore[c] = pendingBreak;
      pendingBreak = false;
    } else if (pendingBreak) {
      // A gap inside this column: the next column must not join this one.
      breakBefore[Math.min(c + 1, f.W - 1)] = true;
      pendingBreak = false;
    }
  }
  // Fewer points than columns: fill the columns between two joined points by linear interpolation.
  for (let c = 0, prev = -1; c < f.W; c++) {
    if (value[c] === undefined) continue;
    if (prev >= 0 && c - prev > 1 && !breakBefore[c]) {
      for (let k = prev + 1; k < c; k++) value[k] = value[prev]! + ((value[c]! - value[prev]!) * (k - prev)) / (c - prev);
    } else if (prev >= 0 && c - prev > 1) {
      breakBefore[c] = true;
    }
    prev = c;
  }
  const inside = (v: number) => v >= f.lo && v <= f.hi;
  const joined = (c: number) =>
    value[c - 1] !== undefined && value[c] !== undefined && !breakBefore[c] && (inside(value[c - 1]!) || inside(value[c]!));
  const clip = (v: number) => Math.min(f.hi, Math.max(f.lo, v));
  for (let a = 0; a < f.W; a++) {
    if (value[a] === undefined || (a > 0 && joined(a))) continue;
    let b = a;
    while (b + 1 < f.W && joined(b + 1)) b++;
    if (b === a) {
      if (inside(value[a]!)) grid[f.rowOf(value[a]!)][a] = { ch: style[4], series: si };
      continue;
    }
    const run = value.slice(a, b + 1).map((v) => clip(v!));
    const drawn = asciichart.plot(run, { min: f.lo, max: f.hi, height: f.intervals, offset: 1, padding: ' ', format: () => ' ', symbols: style }).split('\n');
    // Column k (k ≥ 1) of asciichart's output is the step from point k−1 to point k.
    drawn.forEach((line, r) => {
      for (let k = 1; k < line.length; k++) if (line[k] !== ' ') grid[r][a + k] = { ch: line[k], series: si };
    });
    if (inside(run[0])) grid[f.rowOf(run[0])][a] = { ch: style[4], series: si };
  }
}

/** The x axis: a rule with ┬ at round tick values, and the values centred under them where they fit. */
function xAxis(from: number, to: number, W: number, labelWidth: number, colOf: (x: number) => number, box: { corner: string; rule: string; xTick: string }): string[] {
  const widest = Math.max(String(Math.round(from)).length, String(Math.round(to)).length) + 3;
  const { step, values } = ticks(from, to, Math.max(2, Math.floor(W / (widest + 2))));
  const fmt = labelFormatter(step, Math.max(Math.abs(from), Math.abs(to)));
  const rule = new Array(W).fill(box.rule);
  const labels = new Array(labelWidth + 2 + W + 8).fill(' ');
  let free = 0; // first column a label may use
  for (const v of values) {
    const c = colOf(v);
    rule[c] = box.xTick;
    const text = fmt(v);
    let start = labelWidth + 2 + c - Math.floor((text.length - 1) / 2);
    start = Math.min(Math.max(start, free), labelWidth + 2 + W - text.length);
    if (start < free) continue;
    for (let i = 0; i < text.length; i++) labels[start + i] = text[i];
    free = start + text.length + 1;
  }
  return [`${' '.repeat(labelWidth + 1)}${box.corner}${rule.join('')}`, labels.join('')];
}

/** A title or legend text cut to fit the chart's width (a 500-character expression would wrap). */
function clip(text: string, width: number, ellipsis = '…'): string {
  return text.length > width ? text.slice(0, Math.max(1, width - ellipsis.length)) + ellipsis : text;
}

function legend(
  spec: ChartSpec,
  markers: readonly ChartMarker[],
  styles: Symbols[],
  paint: (s: string, series: number) => string,
  fit: (s: string) => string,
  notes: string[] = [],
): string[] {
  const lines: string[] = [];
  if (spec.series.length > 1) {
    spec.series.forEach((s, si) => {
      const style = styles[Math.min(si, styles.length - 1)];
      lines.push(`  ${paint(style[4].repeat(3), si)} ${fit(s.label + (notes[si] ?? ''))}`);
    });
  }
  const seen = new Set<string>();
  for (const m of markers) {
    if (!m.label || seen.has(m.label)) continue;
    seen.add(m.label);
    lines.push(`  ${paint(m.symbol, m.series ?? -1)}   ${fit(m.label)}`);
  }
  return lines;
}

function mostCommon(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
