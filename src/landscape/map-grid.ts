// Where a map's cells sit along one axis. Pure.
//
// Cells are centred on multiples of a size that divides the tick step, so every tick value is the
// centre of a cell: a point at a tick value (a minimum at y = 0, a run's end at y = 1e-5) is drawn in
// the row or column of the tick's label. Cells bounded by the box's edges instead put a tick of an
// even number of rows on a cell boundary, and a point a hair above it one row above its label.

export interface AxisCells {
  /** The width of a cell in data units: the tick step over a whole number. */
  size: number;
  /** Cell i (from 0) is centred on (first + i) · size. */
  first: number;
  count: number;
  /** size = step / m. */
  step: number;
  m: number;
}

/** The cells of size `step / m` whose centres lie in [lo, hi]. */
export function cellsOf(lo: number, hi: number, step: number, m: number): AxisCells {
  const size = step / m;
  // A relative margin: lo / size is a whole number spoilt by rounding (-3 / (1/3) = -9.000000000000002).
  const first = Math.ceil(lo / size - 1e-6);
  const last = Math.floor(hi / size + 1e-6);
  return { size, first, count: Math.max(1, last - first + 1), step, m };
}

/**
 * Whether cells of step / m also put the round numbers between ticks on centres: with ticks every 2,
 * cells of 0.4 put y = 1 (a start, a point asked about) on a boundary between two rows; cells of 0.5
 * centre it. So the cell divides the tick's power of ten (1 for ticks of 1, 2 or 5).
 */
function divides(step: number, m: number): boolean {
  const unit = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const k = (unit * m) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}

/** The whole number m (step / m a cell) whose count is nearest `want` and at most `most`, preferring those that divide. */
function chooseM(lo: number, hi: number, step: number, want: number, most: number): number {
  const ideal = Math.max(1, (want - 1) / ((hi - lo) / step));
  let best = 1;
  let bestScore = Infinity;
  for (let m = 1; m <= Math.ceil(ideal) + 10; m++) {
    const n = cellsOf(lo, hi, step, m).count;
    if (n > most && m > 1) break;
    // Off by a fifth of the cells wanted costs as much as not dividing.
    const score = Math.abs(n - want) / Math.max(1, want) + (divides(step, m) ? 0 : 0.2);
    if (score < bestScore) [best, bestScore] = [m, score];
  }
  return best;
}

/**
 * About `want` cells across [lo, hi] (and never more than `most`), each tick interval `step` split
 * into a whole number of them.
 */
export function alignedCells(lo: number, hi: number, step: number, want: number, most = want): AxisCells {
  return cellsOf(lo, hi, step, chooseM(lo, hi, step, want, most));
}

/**
 * Exactly n cells (n at least a.count): the aligned ones and a few more beyond the box, on alternate
 * sides, where a --height asks for rows the tick intervals do not divide into (8 rows for y = -1 … 1).
 */
export function padCells(a: AxisCells, n: number): AxisCells {
  const extra = Math.max(0, n - a.count);
  return { ...a, first: a.first - Math.floor(extra / 2), count: a.count + extra };
}

/** Cells as near a given size as whole cells per tick interval allow (for one scale on both axes), at most `most`. */
export function cellsOfSize(lo: number, hi: number, step: number, size: number, most: number): AxisCells {
  return alignedCells(lo, hi, step, (hi - lo) / size + 1, most);
}

/** The cell holding v, clamped to the axis (points beyond the box are drawn at its edge). */
export function cellIndex(a: AxisCells, v: number): number {
  return Math.max(0, Math.min(a.count - 1, Math.round(v / a.size) - a.first));
}

/** The centre of cell i. */
export function centre(a: AxisCells, i: number): number {
  // Through the step, so that a tick's cell is centred on the tick's own value (k · step), bit for bit.
  return ((a.first + i) * a.step) / a.m;
}
