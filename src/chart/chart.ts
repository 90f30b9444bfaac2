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
  /**
   * A finer sampling of the same curve, where `exits` reads where it leaves the frame and how far
   * it goes: the figure the plot's summary states from the same samples (1/(x − 1) drawn from 81
   * samples reached 8 beside the pole, its summary's 401 reached 40: two figures for one reach).
   */
  reach?: readonly (readonly [number, number])[];
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
// Where two lines share cells: the same shape, heavy (in ASCII, %), so neither hides the other.
const HEAVY: Record<string, string> = Object.fromEntries(STYLES.flatMap((st) => [
  [st[4], '━'], [st[9], '┃'], [st[5], '┗'], [st[6], '┏'], [st[7], '┓'], [st[8], '┛'],
]).filter(([k]) => k !== '·'));
/** Two markers of different kinds on one cell: this mark, and the legend names both. */
const BOTH_MARK = '⊕';

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

/**
 * The one line a chart narrower than MIN_CHART_WIDTH is replaced by: the longest wording that fits
 * in `width` (at 20 columns '(chart needs 30 cols)' was 21 wide and wrapped), always with the minimum.
 */
export function tooNarrow(width: number): string {
  const m = MIN_CHART_WIDTH;
  const say = [`(the chart needs ${m} columns; this terminal has ${width})`, `(the chart needs ${m} columns)`, `(chart needs ${m} cols)`, `chart needs ${m} cols`, `needs ${m} cols`, `≥${m} cols`];
  return say.find((l) => l.length <= width) ?? say[say.length - 1];
}

/** Renders series as an ASCII chart with axes, tick labels, legend, markers and gaps. Pure. */
export function renderChart(spec: ChartSpec): string {
  // Narrower than a chart can be: one line that says so, then the plain-text summary (a chart drawn
  // wider than the terminal wraps every row into the next).
  if (spec.width < MIN_CHART_WIDTH) {
    const text = spec.ascii ? asciiText : (t: string) => t;
    return [text(tooNarrow(spec.width)), ...(spec.summary ?? []).map((l) => hangingWrap(text(l), spec.width))].join('\n') + '\n';
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
  // On a linear axis with the 4 digits the notes and summaries give (an arrow's ↓-130 beside a
  // summary's -125 was two figures for one point); a log axis's powers of ten keep 2.
  const fmtValue = (v: number) => (spec.yLog ? formatNumber(spec.yLog === 'negative' ? -(10 ** -v) : 10 ** v, 2) : formatNumber(v, 4));
  const yLabels = Array.from({ length: intervals + 1 }, (_, r) => {
    const k = Math.round(hi / step) - r;
    return k % every === 0 ? fmtY(k * step) : '';
  });
  const labelWidth = Math.max(...yLabels.map((l) => l.length));
  const W = Math.max(10, spec.width - labelWidth - 2);
  const colOf = (x: number) => Math.round(((x - xFrom) / (xTo - xFrom)) * (W - 1));

  const grid: (Cell | undefined)[][] = Array.from({ length: intervals + 1 }, () => new Array(W).fill(undefined));
  // Cells where a later line is drawn over an earlier one, by pair of series ("a,b").
  const shared = new Map<string, [number, number][]>();
  const size = spec.series.map((s, si) => {
    drawSeries(grid, s, styles[Math.min(si, styles.length - 1)], si, { W, lo, hi, intervals, colOf, rowOf, xFrom, xTo }, (r, c, under) => {
      const key = `${under},${si}`;
      shared.set(key, [...(shared.get(key) ?? []), [r, c]]);
    });
    return grid.reduce((n, row) => n + row.filter((c) => c?.series === si).length, 0);
  });
  // Two lines that run together (two rates with the same losses) would show as one: where they
  // share cells they are drawn in a heavy line of their own, named in the legend, so both are seen.
  // Together: most of the shorter line (a run that stopped early, on the other's path) or half of
  // the longer. A crossing, or a tangent beside its curve, shares a few cells and stays as drawn.
  const together: { a: number; b: number }[] = [];
  for (const [key, cells] of shared) {
    const [a, b] = key.split(',').map(Number);
    const still = cells.filter(([r, c]) => grid[r][c]?.series === b);
    if (still.length < 3 || (still.length < 0.8 * Math.min(size[a], size[b]) && still.length < 0.5 * Math.max(size[a], size[b]))) continue;
    together.push({ a, b });
    for (const [r, c] of still) grid[r][c] = { ch: spec.ascii ? '%' : HEAVY[grid[r][c]!.ch] ?? '━', series: -1 };
  }
  const arrow = spec.ascii ? { up: '^', down: 'v', left: '<', right: '>' } : { up: '↑', down: '↓', left: '←', right: '→' };
  const view: Frame = { W, lo, hi, intervals, colOf, rowOf, xFrom, xTo };
  // Markers beyond the frame become arrows at its edge.
  const groupOf = (m: ChartMarker) => m.label ?? m.symbol;
  // Per cell: the groups of the markers there. A cell of two groups (two runs that visit the same
  // x) gets the mark ⊕, and the legend names the groups, so neither is hidden under the other.
  const at = new Map<string, string[]>();
  const totals = new Map<string, number>();
  const beyond: Beyond[] = [];
  for (const m of markers) {
    const g = groupOf(m);
    totals.set(g, (totals.get(g) ?? 0) + 1);
    const side = sideOf(m.x, m.y, view);
    if (side === 'gap') continue;
    if (side) {
      addBeyond(beyond, { key: g, series: m.series ?? -1, side, x: m.x, y: m.y }, view);
      continue;
    }
    const [r, c] = [rowOf(m.y), colOf(m.x)];
    const groups = at.get(`${r},${c}`) ?? [];
    if (!groups.includes(g)) groups.push(g);
    at.set(`${r},${c}`, groups);
    grid[r][c] = groups.length > 1 ? { ch: spec.ascii ? asciiText(BOTH_MARK) : BOTH_MARK, series: -1 } : { ch: m.symbol, series: m.series ?? -1 };
  }
  // Each set of groups sharing cells, and how many cells: one legend line each.
  const both = new Map<string, { groups: string[]; cells: number }>();
  for (const groups of at.values()) {
    if (groups.length < 2) continue;
    const key = groups.join('\u0000');
    both.set(key, { groups, cells: (both.get(key)?.cells ?? 0) + 1 });
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
  // A y range fitted to most of the curve (robustRange leaves out a pole's spikes) cuts it as surely
  // as --ymin/--ymax do: either way the chart says where the curve leaves the frame.
  spec.series.forEach((s, si) => {
    if (!s.exits) return;
    const pts = s.reach ?? s.points;
    const stretches = stretchesBeyond(pts, view);
    for (const e of stretches) {
      // The arrow goes where the curve crosses the edge beside what is drawn: a stretch from the
      // curve's left end comes back into the frame at its right end; any other leaves it at its left.
      const x = e.first === 0 && e.last < pts.length - 1 ? e.xLast : e.xFirst;
      beyond.push({ key: `exit ${si}`, series: si, side: e.side, x, y: e.far, row: e.side === 'up' ? 0 : intervals, col: colOf(x), count: e.last - e.first + 1, far: e.far });
    }
    if (!stretches.length) return;
    const at = (e: Stretch) => (e.xFirst === e.xLast ? `at ${xName} = ${formatNumber(e.xFirst, 4)}` : `for ${xName} from ${formatNumber(e.xFirst, 4)} to ${formatNumber(e.xLast, 4)}`);
    // Beside a jump (tan(x) from 34 to -14 in one sample: a pole between), the farthest value
    // sampled is only a bound: the curve goes on past it.
    const far = (e: Stretch) => `${jumps(pts, e, view) ? 'at least ' : ''}${formatNumber(e.far, 4)}`;
    const parts = stretches.map((e) => `${e.side === 'up' ? 'above' : 'below'} it (${arrow[e.side]}) ${at(e)}, ${e.side === 'up' ? 'up' : 'down'} to ${far(e)}`);
    exitNotes.push(`${s.label} leaves the frame: ${parts.join('; ')}.`);
  });
  const labelled = new Set<string>();
  for (const b of beyond) {
    grid[b.row][b.col] = { ch: arrow[b.side], series: b.series };
    const label = b.side === 'left' || b.side === 'right' ? formatNumber(b.far, 4) : fmtValue(b.far);
    // The farthest value beside the arrow, where those cells are free (else the legend still says it).
    const start = b.side === 'right' ? b.col - label.length : b.col + 1 + label.length <= W ? b.col + 1 : b.col - label.length;
    // A blank cell between it and another arrow's value: "48.0880.71" read as one number.
    const apart = (c: number) => c < 0 || c >= W || c === b.col || !labelled.has(`${b.row},${c}`);
    if (start >= 0 && start + label.length <= W && [...label].every((_, i) => !grid[b.row][start + i]) && apart(start - 1) && apart(start + label.length)) {
      [...label].forEach((ch, i) => {
        grid[b.row][start + i] = { ch, series: b.series };
        labelled.add(`${b.row},${start + i}`);
      });
    }
  }
  const beyondNote = (b: Beyond, what: string) =>
    b.side === 'left' || b.side === 'right'
      ? `${b.count} ${what} beyond the frame ${arrow[b.side]}, out to ${xName} = ${formatNumber(b.far, 4)}`
      : `${b.count > 1 ? `${b.count} ${what} ` : ''}beyond the frame ${arrow[b.side]} from ${xName} = ${formatNumber(b.x, 4)}, ${b.side === 'up' ? 'up' : 'down'} to ${fmtValue(b.far)}`;
  const markerNotes = new Map<string, string[]>();
  for (const [g, total] of totals) {
    const notes = beyond.filter((b) => b.key === g).map((b) => beyondNote(b, total === 1 ? 'point' : 'points'));
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
  const offNotes = spec.series.map((_, si) => beyond.filter((b) => b.key === `series ${si}`).map((b) => beyondNote(b, 'points')));
  const extra = [
    ...together.map(({ a, b }) => ({ sample: spec.ascii ? '%%%' : '━━━', label: `where ${spec.series[a].label} and ${spec.series[b].label} run together (the same cells)` })),
    ...[...both.values()].map((x) => ({ sample: `${spec.ascii ? asciiText(BOTH_MARK) : BOTH_MARK}  `, label: `${x.groups.join(' and ')}, both in one cell (${x.cells === 1 ? 'once' : `${x.cells} such cells`})` })),
  ];
  lines.push(...legend(spec, markers, styles, paint, (t) => clip(text(t), spec.width - 6, dots), offNotes, markerNotes, (t) => text(t), spec.width, extra));
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
function drawSeries(grid: (Cell | undefined)[][], s: ChartSeries, style: Symbols, si: number, f: Frame, over: (r: number, c: number, under: number) => void): void {
  const put = (r: number, c: number, ch: string) => {
    const below = grid[r][c];
    if (below && below.series >= 0 && below.series !== si) over(r, c, below.series);
    grid[r][c] = { ch, series: si };
  };
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
      if (inside(value[a]!)) put(f.rowOf(value[a]!), a, style[4]);
      continue;
    }
    const run = value.slice(a, b + 1).map((v) => clip(v!));
    const drawn = asciichart.plot(run, { min: f.lo, max: f.hi, height: f.intervals, offset: 1, padding: ' ', format: () => ' ', symbols: style }).split('\n');
    // Column k (k ≥ 1) of asciichart's output is the step from point k−1 to point k.
    drawn.forEach((line, r) => {
      for (let k = 1; k < line.length; k++) if (line[k] !== ' ') put(r, a + k, line[k]);
    });
    if (inside(run[0])) put(f.rowOf(run[0]), a, style[4]);
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
  extra: readonly { sample: string; label: string }[] = [],
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
  // Shared cells' marks: the label wraps (it names two series), it is not cut.
  for (const x of extra) {
    const wrapped = wrapIndented(`  ${x.sample} ${text(x.label)}`, width, 6);
    wrapped[0] = `  ${paint(x.sample.trimEnd(), -1)}${wrapped[0].slice(2 + x.sample.trimEnd().length)}`;
    lines.push(...wrapped);
  }
  return lines;
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

/**
 * Whether a stretch beyond the frame ends at a jump: the next sample on either side is undefined, or
 * on the far half of the frame (the curve crossed from above the top to below the middle between two
 * samples, as at a pole).
 */
function jumps(points: readonly (readonly [number, number])[], e: Stretch, f: Frame): boolean {
  const mid = (f.lo + f.hi) / 2;
  return [points[e.first - 1], points[e.last + 1]].some((p) => p && (!Number.isFinite(p[1]) || (e.side === 'up' ? p[1] < mid : p[1] > mid)));
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
