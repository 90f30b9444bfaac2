import asciichart from 'asciichart';
import { Chalk } from 'chalk';
import { labelFormatter, niceStep, robustRange, drawableRange, ticks } from './scale.js';
import { asciiText } from './ascii.js';
import { formatNumber, hangingWrap } from '../math/format.js';

export interface ChartSeries {
  label: string;
  /** [x, y] in increasing x; y NaN where the series is undefined (a gap), ±Infinity beyond any frame. */
  points: readonly (readonly [number, number])[];
  /** Mark where the line leaves the frame: an arrow at the edge with the farthest value (a loss that blows up). */
  offFrame?: boolean;
  /**
   * A curve that a fixed y range (`y`, plot --ymin/--ymax) may cut: each stretch of it beyond the
   * top or the bottom gets an arrow at the edge where the curve crosses it, with the stretch's
   * farthest value, and a line under the chart says where it is and how far it goes.
   */
  exits?: boolean;
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
  /**
   * The y values are log10 of what they stand for: labels read 1e-6 … 1 … 1e8, in whole decades.
   * 'negative': of values below 0, drawn as −log10(−v), so that lower is more negative (-10 … -1e20).
   */
  yLog?: boolean | 'negative';
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

/**
 * The chart's rows: yLo..yHi widened to multiples of a nice step so every row's value is round. Past
 * 10 rows, and always with a step of 2.5, only every other row is labelled (so labels read 0 5 10,
 * not 2.5 7.5), and the range is widened to multiples of that label step.
 */
function axisRows(yLo: number, yHi: number, spec: Pick<ChartSpec, 'height' | 'yLog' | 'y'>): { step: number; every: number; lo: number; hi: number; intervals: number } {
  const maxIntervals = Math.max(2, spec.height - 1);
  const frameFor = (step: number) => {
    const quarter = Math.abs(step / 10 ** Math.floor(Math.log10(step) + 1e-9) - 2.5) < 1e-9;
    const every = quarter || (yHi - yLo) / step > 10 ? 2 : 1;
    const lo = Math.floor(yLo / (step * every) + 1e-9) * step * every;
    const hi = Math.ceil(yHi / (step * every) - 1e-9) * step * every;
    return { step, every, lo, hi, fits: Math.round((hi - lo) / step) <= maxIntervals };
  };
  // A log axis steps in whole decades (1, 2 or 5 of them), so every label is a power of ten.
  const nice = (raw: number) => (spec.yLog ? Math.max(1, niceStep(raw, [1, 2, 5])) : niceStep(raw));
  let frame = frameFor(nice((yHi - yLo) / maxIntervals));
  while (!frame.fits) frame = frameFor(nice(frame.step * 1.0001));
  // An end the learner gave (--ymin, --ymax) is kept as given when a coarser round step allows it
  // (-5..10 in steps of 5, rather than widened to -6..10 in steps of 2).
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const keeps = (f: typeof frame) => (spec.y?.from === undefined || same(f.lo, yLo)) && (spec.y?.to === undefined || same(f.hi, yHi));
  if (!keeps(frame)) {
    for (let f = frameFor(nice(frame.step * 1.0001)); f.step <= yHi - yLo; f = frameFor(nice(f.step * 1.0001))) {
      if (f.fits && keeps(f)) {
        frame = f;
        break;
      }
    }
  }
  const { step, every, lo } = frame;
  const intervals = Math.max(1, Math.round((frame.hi - lo) / step));
  return { step, every, lo, hi: lo + intervals * step, intervals };
}

/**
 * The y range the axis of a chart with this frame shows, from its lowest row to its highest: what
 * a summary may say is drawn (1/(x − 1)'s samples reach ±40; its axis shows −5 to 5).
 */
export function shownYRange(spec: Pick<ChartSpec, 'height' | 'yLog' | 'y'>, fit: { from: number; to: number }): { lo: number; hi: number } {
  const [yLo, yHi] = yFrame(spec.y, () => drawableRange(fit.from, fit.to)).map((v) => Math.max(-1e300, Math.min(1e300, v)));
  const { lo, hi } = axisRows(yLo, yHi, spec);
  return { lo, hi };
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
  const { step, every, lo, hi, intervals } = axisRows(yLo, yHi, spec);
  // Rows are computed exactly as asciichart computes them, so markers sit on the lines it draws.
  const ratio = intervals / (hi - lo);
  const rowOf = (y: number) => intervals - (Math.round(y * ratio) - Math.round(lo * ratio));

  const fmtY = spec.yLog === 'negative' ? (v: number) => `-${decade(-v)}` : spec.yLog ? decade : labelFormatter(step * every, Math.max(Math.abs(lo), Math.abs(hi)));
  // A value as it stands beside an arrow at the edge: what it is, not its logarithm.
  const fmtValue = (v: number) => formatNumber(spec.yLog === 'negative' ? -(10 ** -v) : spec.yLog ? 10 ** v : v, 2);
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
  const arrow = spec.ascii ? { up: '^', down: 'v', left: '<', right: '>' } : { up: '↑', down: '↓', left: '←', right: '→' };
  const view: Frame = { W, lo, hi, intervals, colOf, rowOf, xFrom, xTo };
  // Markers one on another: the one underneath is counted, so the legend can say so (runs that
  // start at the same x share their first point). Markers beyond the frame become arrows at its edge.
  const groupOf = (m: ChartMarker) => m.label ?? m.symbol;
  // Per cell: the group on top, and how many of its points are there (all hidden when another covers them).
  const at = new Map<string, { group: string; points: number }>();
  const under = new Map<string, { count: number; total: number; top: string }>();
  const beyond: Beyond[] = [];
  for (const m of markers) {
    const g = groupOf(m);
    const u = under.get(g) ?? { count: 0, total: 0, top: '' };
    under.set(g, { ...u, total: u.total + 1 });
    const side = sideOf(m.x, m.y, view);
    if (side === 'gap') continue;
    if (side) {
      addBeyond(beyond, { key: g, series: m.series ?? -1, side, x: m.x, y: m.y }, view);
      continue;
    }
    const [r, c] = [rowOf(m.y), colOf(m.x)];
    const below = at.get(`${r},${c}`);
    if (below && below.group !== g) {
      const b = under.get(below.group)!;
      under.set(below.group, { ...b, count: b.count + below.points, top: m.symbol });
    }
    at.set(`${r},${c}`, { group: g, points: below?.group === g ? below.points + 1 : 1 });
    grid[r][c] = { ch: m.symbol, series: m.series ?? -1 };
  }
  // Lines that asked for it (a loss that blows up) get an arrow where they leave the frame.
  spec.series.forEach((s, si) => {
    if (!s.offFrame) return;
    for (const [x, y] of s.points) {
      const side = sideOf(x, y, view);
      if (side === 'up' || side === 'down') addBeyond(beyond, { key: `series ${si}`, series: si, side, x, y }, view);
    }
  });
  const xName = spec.xTitle ?? 'x';
  const exitNotes: string[] = [];
  if (spec.y) {
    spec.series.forEach((s, si) => {
      if (!s.exits) return;
      const stretches = stretchesBeyond(s.points, view);
      for (const e of stretches) {
        // The arrow goes where the curve crosses the edge beside what is drawn: a stretch from the
        // curve's left end comes back into the frame at its right end; any other leaves it at its left.
        const x = e.first === 0 && e.last < s.points.length - 1 ? e.xLast : e.xFirst;
        beyond.push({ key: `exit ${si}`, series: si, side: e.side, x, y: e.far, row: e.side === 'up' ? 0 : intervals, col: colOf(x), count: e.last - e.first + 1, far: e.far });
      }
      if (!stretches.length) return;
      const at = (e: Stretch) => (e.xFirst === e.xLast ? `at ${xName} = ${formatNumber(e.xFirst, 4)}` : `for ${xName} from ${formatNumber(e.xFirst, 4)} to ${formatNumber(e.xLast, 4)}`);
      const far = (v: number) => formatNumber(v, 4);
      const parts = stretches.map((e) => `${e.side === 'up' ? 'above' : 'below'} it (${arrow[e.side]}) ${at(e)}, ${e.side === 'up' ? 'up' : 'down'} to ${far(e.far)}`);
      exitNotes.push(`${s.label} leaves the frame: ${parts.join('; ')}.`);
    });
  }
  for (const b of beyond) {
    grid[b.row][b.col] = { ch: arrow[b.side], series: b.series };
    const label = b.side === 'left' || b.side === 'right' ? formatNumber(b.far, 3) : fmtValue(b.far);
    // The farthest value beside the arrow, where those cells are free (else the legend still says it).
    const start = b.side === 'right' ? b.col - label.length : b.col + 1 + label.length <= W ? b.col + 1 : b.col - label.length;
    if (start >= 0 && start + label.length <= W && [...label].every((_, i) => !grid[b.row][start + i])) {
      [...label].forEach((ch, i) => (grid[b.row][start + i] = { ch, series: b.series }));
    }
  }
  const beyondNote = (b: Beyond, what: string) =>
    b.side === 'left' || b.side === 'right'
      ? `${b.count} ${what} beyond the frame ${arrow[b.side]}, out to ${xName} = ${formatNumber(b.far, 4)}`
      : `${b.count > 1 ? `${b.count} ${what} ` : ''}beyond the frame ${arrow[b.side]} from ${xName} = ${formatNumber(b.x, 4)}, ${b.side === 'up' ? 'up' : 'down'} to ${fmtValue(b.far)}`;
  const markerNotes = new Map<string, string[]>();
  for (const [g, u] of under) {
    const notes = [
      ...(u.count ? [`${u.count} of ${u.total} under ${u.top}`] : []),
      ...beyond.filter((b) => b.key === g).map((b) => beyondNote(b, u.total === 1 ? 'point' : 'points')),
    ];
    if (notes.length) markerNotes.set(g, notes);
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
    const off = beyond.filter((b) => b.key === `series ${si}`).map((b) => beyondNote(b, 'points'));
    const over = cells.map(([r, c]) => grid[r][c]?.series ?? -1).filter((o) => o !== si && o >= 0);
    const hidden = cells.length && over.length >= 0.7 * cells.length ? [`${over.length === cells.length ? 'hidden' : 'mostly'} under ${spec.series[mostCommon(over)]?.label ?? 'another line'}`] : [];
    return [...hidden, ...off];
  });
  lines.push(...legend(spec, markers, styles, paint, (t) => clip(text(t), spec.width - 6, dots), covered, markerNotes, (t) => text(t), spec.width));
  // Summaries wrap at spaces within the chart's width (a terminal would cut them mid-word).
  for (const line of [...exitNotes, ...(spec.summary ?? [])].map(text)) {
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

/**
 * One line per series (when there are several) and per marker label, each with its notes: covered by
 * another line, points under other marks, points beyond the frame. A long label is cut; the notes
 * wrap under it, indented, so nothing they say is cut off.
 */
function legend(
  spec: ChartSpec,
  markers: readonly ChartMarker[],
  styles: Symbols[],
  paint: (s: string, series: number) => string,
  fit: (s: string) => string,
  seriesNotes: string[][],
  markerNotes: ReadonlyMap<string, string[]>,
  text: (s: string) => string,
  width: number,
): string[] {
  const lines: string[] = [];
  // `sample` is the painted line sample or mark, `shown` the same unpainted (for measuring).
  const entry = (sample: string, shown: string, label: string, notes: readonly string[] = []) => {
    const plain = `  ${shown} ${fit(label)}${notes.length ? ` (${text(notes.join('; '))})` : ''}`;
    const wrapped = notes.length ? wrapIndented(plain, width, 6) : [plain];
    wrapped[0] = `  ${sample}${wrapped[0].slice(2 + shown.length)}`;
    lines.push(...wrapped);
  };
  spec.series.forEach((s, si) => {
    const style = styles[Math.min(si, styles.length - 1)];
    // One series needs no legend line, unless there is something to say about it.
    if (spec.series.length > 1 || seriesNotes[si]?.length) entry(paint(style[4].repeat(3), si), style[4].repeat(3), s.label, seriesNotes[si]);
  });
  const seen = new Set<string>();
  for (const m of markers) {
    if (!m.label || seen.has(m.label)) continue;
    seen.add(m.label);
    entry(`${paint(m.symbol, m.series ?? -1)}  `, `${m.symbol}  `, m.label, markerNotes.get(m.label));
  }
  return lines;
}

function mostCommon(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

type Side = 'up' | 'down' | 'left' | 'right';

/** A group of points beyond one edge of the frame: where its arrow goes, how many, and the farthest value. */
interface Beyond { key: string; series: number; side: Side; x: number; y: number; row: number; col: number; count: number; far: number }

/** Where (x, y) lies: inside the frame (null), beyond one of its edges, or nowhere to draw (NaN: 'gap'). */
function sideOf(x: number, y: number, f: Frame): Side | null | 'gap' {
  if (Number.isNaN(x) || Number.isNaN(y)) return 'gap';
  if (x < f.xFrom) return 'left';
  if (x > f.xTo) return 'right';
  if (y > f.hi) return 'up';
  if (y < f.lo) return 'down';
  return null;
}

/** A run of consecutive points beyond the top or the bottom of the frame: indices, x ends, farthest y. */
interface Stretch { side: 'up' | 'down'; first: number; last: number; xFirst: number; xLast: number; far: number }

function stretchesBeyond(points: readonly (readonly [number, number])[], f: Frame): Stretch[] {
  const out: Stretch[] = [];
  let cur: Stretch | null = null;
  points.forEach(([x, y], i) => {
    const side = sideOf(x, y, f);
    if (side !== 'up' && side !== 'down') {
      cur = null;
      return;
    }
    if (cur && cur.side === side && cur.last === i - 1) {
      cur.last = i;
      cur.xLast = x;
      if (side === 'up' ? y > cur.far : y < cur.far) cur.far = y;
      return;
    }
    cur = { side, first: i, last: i, xFirst: x, xLast: x, far: y };
    out.push(cur);
  });
  return out;
}

/** Counts a point beyond the frame into its group; the arrow stays where the group first left. */
function addBeyond(list: Beyond[], p: { key: string; series: number; side: Side; x: number; y: number }, f: Frame): void {
  const horizontal = p.side === 'left' || p.side === 'right';
  const value = horizontal ? p.x : p.y;
  const found = list.find((b) => b.key === p.key && b.side === p.side);
  if (found) {
    found.count++;
    // The farthest out: the highest above the top or right of the right edge, the lowest below or left.
    if (p.side === 'up' || p.side === 'right' ? value > found.far : value < found.far) found.far = value;
    return;
  }
  const clampY = Number.isFinite(p.y) ? Math.min(f.hi, Math.max(f.lo, p.y)) : p.y > 0 ? f.hi : f.lo;
  const row = p.side === 'up' ? 0 : p.side === 'down' ? f.intervals : f.rowOf(clampY);
  const col = p.side === 'left' ? 0 : p.side === 'right' ? f.W - 1 : f.colOf(p.x);
  list.push({ ...p, row, col, count: 1, far: value });
}

/** A log10 axis label: the power of ten it stands for (0.01, 1, 1000, 1e8). */
function decade(v: number): string {
  const k = Math.round(v);
  return Math.abs(k) <= 3 ? formatNumber(10 ** k) : `1e${k}`;
}

/** A line wrapped at spaces to `width`, continuation lines indented by `indent` spaces. */
function wrapIndented(line: string, width: number, indent: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(/(?<=\S) (?=\S)/)) {
    if (cur.trim() && cur.length + 1 + word.length > width) {
      out.push(cur);
      cur = ' '.repeat(indent) + word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}
