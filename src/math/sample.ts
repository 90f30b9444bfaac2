/** A sampled point; y is NaN where the function is undefined (and where a jump was found). */
export type Point = [number, number];

/** n evenly spaced values from `from` to `to`, both included, computed so that 0 lands exactly. */
export function linspace(from: number, to: number, n: number): number[] {
  if (n < 2) return [from];
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? to : from + ((to - from) * i) / (n - 1)));
}

/**
 * Where f jumps (a pole, a step, a gap) between a and b, or null when it only rises steeply there:
 * halve the interval towards the larger change; a continuous function's change shrinks with the
 * interval, a jump's does not, and the halving closes in on where it is.
 */
export function jumpBetween(f: (x: number) => number, a: number, fa: number, b: number, fb: number): number | null {
  const start = Math.abs(fb - fa);
  for (let i = 0; i < 60; i++) {
    const m = (a + b) / 2;
    if (m <= a || m >= b) break; // floating point cannot split further
    const fm = f(m);
    if (Number.isNaN(fm)) return m;
    if (Math.abs(fm - fa) >= Math.abs(fb - fm)) [b, fb] = [m, fm];
    else [a, fa] = [m, fm];
    if (Math.abs(fb - fa) < start * 1e-3) return null;
  }
  return (a + b) / 2;
}

/**
 * f at n points from `from` to `to`. Where f jumps between two neighbours (1/x across 0, tan across
 * π/2, floor at an integer), a point with y = NaN is put between them, so that no chart joins the
 * two sides with a line that is not in the function.
 */
export function sample(f: (x: number) => number, from: number, to: number, n: number): Point[] {
  const xs = linspace(from, to, n);
  const ys = xs.map(f);
  // Only changes well above the typical one are worth the bisection (which costs ~40 evaluations).
  const steps = ys.slice(1).map((y, i) => Math.abs(y - ys[i])).filter(Number.isFinite).sort((a, b) => a - b);
  const typical = steps.length ? steps[Math.floor(steps.length / 2)] : 0;
  const out: Point[] = [[xs[0], ys[0]]];
  for (let i = 1; i < n; i++) {
    const d = Math.abs(ys[i] - ys[i - 1]);
    const jump = Number.isFinite(d) && d > 3 * typical && d > 1e-9 ? jumpBetween(f, xs[i - 1], ys[i - 1], xs[i], ys[i]) : null;
    if (jump !== null) out.push([jump, NaN]);
    out.push([xs[i], ys[i]]);
  }
  return out;
}

export interface Extremum {
  x: number;
  y: number;
  /** The lowest point is an end of the range or of a defined stretch: the function may go lower beyond it. */
  atEdge: boolean;
}

/**
 * The lowest sampled point, refined by golden-section search between its neighbours (so x^2 on
 * -5..5 gives x = 0 even when no sample falls on 0). Null when nothing is defined.
 */
export function lowestPoint(f: (x: number) => number, points: readonly Point[]): Extremum | null {
  const defined = points.filter((p) => Number.isFinite(p[1]));
  if (!defined.length) return null;
  const edge = (i: number) => points[i] === defined[0] || points[i] === defined[defined.length - 1];
  // On a tie (x³ − 3x on −2..2 is −2 at both x = −2 and x = 1) the minimum inside the range wins.
  const low = Math.min(...defined.map((p) => p[1]));
  // Tied within rounding (of 1, or of the values' own spread when that is smaller: 1e-20·x² has
  // one lowest point, not a row of them).
  const spread = Math.max(...defined.map((p) => p[1])) - low;
  const tied = points.map((p, i) => i).filter((i) => Math.abs(points[i][1] - low) <= 1e-12 * Math.max(Math.min(1, spread), Math.abs(low)));
  const best = tied.find((i) => !edge(i)) ?? tied[0];
  const atEdge = edge(best);
  // Beside a gap the lowest point may be a pole's flank (1/x near 0): refining would run into it.
  const besideGap = Number.isNaN(points[best - 1]?.[1]) || Number.isNaN(points[best + 1]?.[1]);
  if (atEdge || besideGap || best === 0 || best === points.length - 1) return { x: points[best][0], y: points[best][1], atEdge: atEdge || besideGap };
  return { ...refine(f, points, best), atEdge };
}

/** The lowest point between the neighbours of sample `i` (golden-section search), or the sample itself. */
function refine(f: (x: number) => number, points: readonly Point[], i: number): { x: number; y: number } {
  let [a, b] = [points[i - 1][0], points[i + 1][0]];
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 60 && b - a > 1e-12 * Math.max(1, Math.abs(a)); k++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (!(f(c) >= f(d))) b = d; // NaN-safe: an undefined point never wins
    else a = c;
  }
  const x = (a + b) / 2;
  const y = f(x);
  return Number.isFinite(y) && y <= points[i][1] ? { x, y } : { x: points[i][0], y: points[i][1] };
}

/**
 * Whether two values are the same but for rounding: within a relative `rel` (1e-9) of each other. A
 * flat stretch's rounding noise (sin² + cos² is 1 ± 1e-16) is level, not a row of valleys.
 */
export function level(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * The valleys inside the range other than the one at `besides`, refined. Values level within a
 * relative `rel` count as equal (see level), so a
 * valley is a level stretch lower than the samples on both sides of it, all defined (a gap's flank
 * is not a valley).
 */
export function otherMinima(f: (x: number) => number, points: readonly Point[], besides: number, rel = 0): { x: number; y: number }[] {
  const step = points.length > 1 ? Math.abs(points[1][0] - points[0][0]) : 0;
  const found: { x: number; y: number }[] = [];
  for (const v of levelValleys(points, rel)) {
    const m = v.first === v.last ? refine(f, points, v.first) : { x: (points[v.first][0] + points[v.last][0]) / 2, y: points[v.first][1] };
    if (Math.abs(m.x - besides) > 2 * step) found.push(m);
  }
  return found;
}

/** Stretches of samples level (within a relative `rel`) that are lower than the defined samples just outside them. */
export function levelValleys(points: readonly Point[], rel: number): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  let i = 0;
  while (i < points.length) {
    let j = i;
    if (!Number.isFinite(points[i][1])) {
      i++;
      continue;
    }
    while (j + 1 < points.length && Number.isFinite(points[j + 1][1]) && level(points[j + 1][1], points[i][1], rel)) j++;
    const [before, after] = [points[i - 1]?.[1], points[j + 1]?.[1]];
    const low = Math.min(...points.slice(i, j + 1).map((p) => p[1]));
    const above = (v: number) => Number.isFinite(v) && v > low && !level(v, low, rel);
    if (above(before) && above(after)) out.push({ first: i, last: j });
    i = j + 1;
  }
  return out;
}

/**
 * How many times the values turn (rise then fall, or fall then rise) by more than `threshold`: a
 * count of a curve's wiggles that rounding noise below the threshold does not add to.
 */
export function turns(values: readonly number[], threshold: number): number {
  let n = 0;
  let dir = 0; // 1 rising, -1 falling, 0 not yet known
  let [lo, hi] = [NaN, NaN]; // the lowest since it last rose, the highest since it last fell
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(lo)) {
      [lo, hi] = [v, v];
      continue;
    }
    if (dir >= 0) hi = Math.max(hi, v);
    if (dir <= 0) lo = Math.min(lo, v);
    if (dir >= 0 && v < hi - threshold) {
      if (dir > 0) n++;
      [dir, lo] = [-1, v];
    } else if (dir <= 0 && v > lo + threshold) {
      if (dir < 0) n++;
      [dir, hi] = [1, v];
    }
  }
  return n;
}

/**
 * The band a curve fills, column by column: the lowest and the highest of `perColumn` samples in
 * each of `columns` columns (NaN where none is defined). What an oscillation too fast for the
 * columns looks like when drawn honestly.
 */
export function envelope(f: (x: number) => number, from: number, to: number, columns: number, perColumn: number): { upper: Point[]; lower: Point[] } {
  const upper: Point[] = [];
  const lower: Point[] = [];
  for (let c = 0; c < columns; c++) {
    const [a, b] = [from + ((to - from) * c) / columns, from + ((to - from) * (c + 1)) / columns];
    let [lo, hi] = [Infinity, -Infinity];
    for (let k = 0; k <= perColumn; k++) {
      const y = f(a + ((b - a) * k) / perColumn);
      if (Number.isFinite(y)) [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
    }
    const x = columns > 1 ? from + ((to - from) * c) / (columns - 1) : from;
    upper.push([x, hi === -Infinity ? NaN : hi]);
    lower.push([x, lo === Infinity ? NaN : lo]);
  }
  return { upper, lower };
}
