import { niceStep } from '../chart/scale.js';

// Contour levels for a map: the values that separate its bands. Pure.

/** How many bands a map has: as many as there are shading characters. */
export const BANDS = 7;

export interface Levels {
  /** Increasing; band k holds the values v with levels[k-1] <= v < levels[k]. */
  values: number[];
  /** Evenly spaced (bands as wide as the ground is flat), or by quantile (f spans decades). */
  spacing: 'even' | 'quantile';
}

/**
 * Evenly spaced round levels, so that bands crowd together where the ground is steep (as on any
 * contour map). When that would put most of the map in one band (Rosenbrock's valley under its
 * walls, a pole), the levels follow the values' quantiles instead, rounded to two digits.
 */
export function chooseLevels(values: readonly number[], bands = BANDS): Levels {
  // Sorted as a typed array: numerically, without a comparator called 20,000 times for a map's
  // 1,700 values (the one difference, -0 before 0, changes no comparison made below).
  const v = Float64Array.from(values.filter(Number.isFinite)).sort();
  if (v.length < 2 || v[v.length - 1] - v[0] <= 1e-12 * Math.max(1, Math.abs(v[0]))) return { values: [], spacing: 'even' };
  const [lo, hi] = [v[0], v[v.length - 1]];
  // The finest round step that needs no more bands than there are shades.
  let step = niceStep((hi - lo) / bands, [1, 1.5, 2, 2.5, 3, 4, 5]);
  while (Math.ceil(hi / step - 1e-9) - Math.floor(lo / step) > bands) step = niceStep(step * 1.0001, [1, 1.5, 2, 2.5, 3, 4, 5]);
  const even: number[] = [];
  for (let k = Math.floor(lo / step) + 1; k * step < hi - 1e-9 * step; k++) even.push(roundTo(k * step, step));
  const counts = new Array(even.length + 1).fill(0);
  for (const x of v) counts[bandOf(x, even)]++;
  if (Math.max(...counts) <= 0.55 * v.length && even.length >= 2) return { values: even, spacing: 'even' };
  const q: number[] = [];
  for (let k = 1; k < bands; k++) {
    const x = two(v[Math.min(v.length - 1, Math.floor((k * v.length) / bands))]);
    if (x > lo && x < hi && (!q.length || x > q[q.length - 1])) q.push(x);
  }
  return { values: q, spacing: 'quantile' };
}

/** The band a value falls in: the number of levels at or below it (NaN: -1, no band). */
export function bandOf(v: number, levels: readonly number[]): number {
  if (!Number.isFinite(v)) return -1;
  let k = 0;
  while (k < levels.length && levels[k] <= v) k++;
  return k;
}

function roundTo(v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(v.toFixed(Math.min(20, digits)));
}

/** Two significant digits: a quantile level read as a round number. */
function two(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(2));
}
