import type { ChartMarker } from '../chart/chart.js';
import { robustRange } from '../chart/scale.js';
import { formatNumber as fmt } from './format.js';
import { level, lowestPoint, otherMinima, type Point } from './sample.js';

// The critical points of a plotted curve of one variable, found once: the chart's marks and the
// summary sentence are both rendered from this one list, so they cannot disagree. Pure.

export type CriticalKind =
  /** As low as the curve gets in the range (one of several when they are equally low). */
  | 'minimum'
  /** A valley higher than the lowest point: where descent can get stuck. */
  | 'local-minimum'
  /** A peak as high as the curve gets in the range. */
  | 'maximum'
  | 'local-maximum'
  /** The slope comes to 0 without changing sign (x³ at 0): f′ = 0 there, yet no valley or peak. */
  | 'flat'
  /** The lowest point is an end of the range, or beside a gap: f may go lower beyond it. */
  | 'lowest-edge'
  | 'lowest-gap';

export interface Critical {
  kind: CriticalKind;
  x: number;
  y: number;
  /** A flat bottom: the stretch where f stays at its lowest (max(|x| − 1, 0) from −1 to 1). */
  flat?: { from: number; to: number; edge: boolean };
}

export type CurveShape =
  | { kind: 'undefined' }
  /** Level but for rounding: no point is its single minimum. */
  | { kind: 'constant'; value: number }
  /** Falls without bound into a gap (1/x, log(x) at 0): no minimum. */
  | { kind: 'pole'; near: number }
  /** The critical points in order of x. */
  | { kind: 'curve'; points: Critical[] };

/** Values within a billionth of each other are the same but for rounding (see level). */
export const LEVEL = 1e-9;

/**
 * The critical points of f from its fine sampling: the lowest point (refined, or the flat stretch
 * it lies on), the other valleys (as low as it: global minima too; else local) and the peaks inside
 * the range (as high as the curve gets: global maxima; else local).
 */
export function criticalPoints1(f: (x: number) => number, fine: readonly Point[]): CurveShape {
  const low = lowestPoint(f, fine);
  if (!low) return { kind: 'undefined' };
  const defined = fine.map((q) => q[1]).filter(Number.isFinite);
  const [yMin, yMax] = [Math.min(low.y, ...defined), Math.max(...defined)];
  if (levelButForRounding(defined, yMin, yMax, Math.max(Math.abs(fine[0][0]), Math.abs(fine[fine.length - 1][0])))) return { kind: 'constant', value: yMin };
  const beside = nextToGap(fine, low.x);
  // Far below what the chart shows (see robustRange), or still falling as fast as ever on the way
  // into the gap (log(x) at 0): a pole's flank, not a minimum.
  if (beside !== undefined && (low.y < robustRange(defined)[0] || fallsWithoutBound(f, low.x, beside))) return { kind: 'pole', near: beside };
  const tol = LEVEL;
  const flat = flatStretch(f, fine, low, tol);
  const lowKind: CriticalKind = beside !== undefined ? 'lowest-gap' : low.atEdge && !flat ? 'lowest-edge' : 'minimum';
  const step = Math.abs(fine[1][0] - fine[0][0]);
  const points: Critical[] = [{ kind: lowKind, x: flat ? (flat.from + flat.to) / 2 : low.x, y: low.y, ...(flat ? { flat } : {}) }];
  // Within rounding and the refining's last digits of each other: equally low (or high).
  const robust = robustRange(defined);
  const same = (a: number, b: number) => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b)) + 1e-12 * (robust[1] - robust[0]);
  // The flat stretch's own samples are no other valley.
  const outside = (m: { x: number }) => !flat || m.x < flat.from - step || m.x > flat.to + step;
  for (const m of otherMinima(f, fine, low.x, tol).filter(outside)) {
    points.push({ kind: lowKind === 'minimum' && same(m.y, low.y) ? 'minimum' : 'local-minimum', x: m.x, y: m.y });
  }
  // Peaks: the valleys of −f, inside the range (an end is no peak).
  const neg = (x: number) => -f(x);
  const negFine: Point[] = fine.map(([x, y]) => [x, -y]);
  const peaks = otherMinima(neg, negFine, Infinity, tol).map((m) => ({ x: m.x, y: -m.y }));
  // The refined peak can lie above every sample (sin's 1 between two of them).
  const top = Math.max(yMax, ...peaks.map((m) => m.y));
  for (const m of peaks) points.push({ kind: same(m.y, top) ? 'maximum' : 'local-maximum', x: m.x, y: m.y });
  for (const m of flatPoints(f, fine, points.map((q) => q.x), step)) points.push({ kind: 'flat', x: m.x, y: m.y });
  return { kind: 'curve', points: points.sort((a, b) => a.x - b.x) };
}

/**
 * Level but for rounding: within a billionth of its size (sin² + cos² is 1 ± 1e-16), or within a
 * ten-thousandth and no more than the rounding of x itself ((x + 1e-9) − x is 1e-9 ± 1e-16, five
 * values in steps of x's last digit: not valleys). A tiny curve that varies, 1e-20·x², is no
 * constant: it varies by all of its size.
 */
function levelButForRounding(ys: readonly number[], yMin: number, yMax: number, xMax: number): boolean {
  if (level(yMin, yMax, LEVEL)) return true;
  return level(yMin, yMax, 1e-4) && yMax - yMin <= 1e3 * Number.EPSILON * Math.max(1, xMax);
}

const MARKS: Record<CriticalKind, { symbol: string; label: string }> = {
  minimum: { symbol: '●', label: 'minimum' },
  'local-minimum': { symbol: '◇', label: 'another valley (a local minimum)' },
  maximum: { symbol: '▲', label: 'maximum' },
  'local-maximum': { symbol: '△', label: 'a peak (a local maximum)' },
  flat: { symbol: '◌', label: 'flat point: slope 0, but no valley or peak' },
  'lowest-edge': { symbol: '○', label: 'lowest point in the range' },
  'lowest-gap': { symbol: '○', label: 'lowest point in the range' },
};

/** The chart's marks for the critical points of series `si`: one per point, labelled by its kind. */
export function criticalMarkers(shape: CurveShape, si: number): ChartMarker[] {
  if (shape.kind !== 'curve') return [];
  // Listed in the legend minima first, then valleys, then peaks, as the summary says them.
  const order = Object.keys(MARKS) as CriticalKind[];
  const rank = (k: CriticalKind) => (k.startsWith('lowest') ? 0.5 : order.indexOf(k) < 2 ? order.indexOf(k) * 0.4 : order.indexOf(k));
  return [...shape.points].sort((a, b) => rank(a.kind) - rank(b.kind) || a.x - b.x).map((p) => ({ x: p.x, y: p.y, series: si, ...MARKS[p.kind] }));
}

export interface SummaryContext {
  /** "f(x)", the name of the curve. */
  fx: string;
  /** The variable. */
  v: string;
  from: number;
  to: number;
  /** "; y from -1 to 1": the range the sentence ends with. */
  span: string;
  /** ' where it is defined', or ''. */
  where: string;
  atX: (x: number) => string;
  y: (value: number) => string;
}

/** The summary sentence of a curve, from the same list the marks are: its minima, valleys and peaks. */
export function criticalSummary(shape: CurveShape, c: SummaryContext): string {
  const { fx, v, atX, y, span } = c;
  if (shape.kind === 'undefined') return `${fx} is undefined everywhere from ${fmt(c.from)} to ${fmt(c.to)}`;
  if (shape.kind === 'constant') return `${fx} is constant: ${y(shape.value)} for every ${v} from ${fmt(c.from)} to ${fmt(c.to)}${c.where}, so no point is its single minimum`;
  if (shape.kind === 'pole') return `no minimum: ${fx} falls without bound near ${v} = ${atX(shape.near)}${span}`;
  const of = (k: CriticalKind) => shape.points.filter((p) => p.kind === k);
  const xs = (ps: readonly Critical[]) => {
    const list = ps.map((p) => `${v} = ${atX(p.x)}`);
    return list.length > 4 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0];
  };
  const values = (ps: readonly Critical[]) => ps.slice(0, 2).map((p) => `${y(p.y)} at ${v} = ${atX(p.x)}`).join(', ') + (ps.length > 2 ? ` and ${ps.length - 2} more` : '');
  const every = (n: number) => (n === 2 ? 'both' : `all ${n}`);
  const minima = of('minimum');
  const locals = of('local-minimum');
  const low = shape.points.find((p) => p.kind === 'lowest-edge' || p.kind === 'lowest-gap');
  const parts: string[] = [];
  if (minima.length > 1) parts.push(`min ${y(minima[0].y)} at ${xs(minima)} (${every(minima.length)} global minima: equally low)`);
  else if (minima.length === 1) {
    const m = minima[0];
    parts.push(m.flat ? `min ${y(m.y)} on the flat stretch from ${v} = ${atX(m.flat.from)} to ${atX(m.flat.to)}${m.flat.edge ? ' (it reaches the edge of the range)' : ''}` : `min ${y(m.y)} at ${v} = ${atX(m.x)}`);
  }
  if (low) {
    const at = low.flat ? `${y(low.y)} on the flat stretch from ${v} = ${atX(low.flat.from)} to ${atX(low.flat.to)}` : `${y(low.y)} at ${v} = ${atX(low.x)}`;
    parts.push(low.kind === 'lowest-edge'
      ? `lowest ${at}, the edge of the range${locals.length ? `; inside it, ${locals.length === 1 ? 'a local minimum' : 'local minima'}: ${values(locals)}` : ' (no minimum inside it)'}`
      : `lowest ${at}, beside a gap where ${fx} is undefined or jumps${locals.length ? `; ${locals.length === 1 ? 'another valley' : 'other valleys'}: ${values(locals)}` : ''}`);
  } else if (locals.length) parts.push(`${locals.length === 1 ? 'another valley' : 'other valleys'}: ${values(locals)}`);
  const maxima = of('maximum');
  const peaks = of('local-maximum');
  if (maxima.length) parts.push(`max ${y(maxima[0].y)} at ${xs(maxima)}${maxima.length > 1 ? ` (${every(maxima.length)} global maxima: equally high)` : ''}`);
  if (peaks.length) parts.push(`${peaks.length === 1 ? 'a peak' : 'peaks'} (local maxim${peaks.length === 1 ? 'um' : 'a'}): ${values(peaks)}`);
  const flats = of('flat');
  if (flats.length) parts.push(`slope 0 at ${xs(flats)}, but ${flats.length === 1 ? 'no valley or peak there' : 'no valleys or peaks there'}`);
  return parts.join('; ') + span;
}

/**
 * Flat points: where the slope comes to 0 without changing sign (x³ at 0, x + sin x at ±π), the
 * classic "f′ = 0 is not enough". Candidates are samples where the slope between neighbours is
 * smallest and keeps its sign on both sides; each is refined by golden-section search on |slope|
 * (central differences with h a tenth of the sample step) and kept when the slope there shrinks
 * with h, as O(h²) does at a true zero, rather than staying put (x³ + 1e-5·x: slope 1e-5, no zero).
 */
function flatPoints(f: (x: number) => number, fine: readonly Point[], taken: readonly number[], step: number): { x: number; y: number }[] {
  const d = fine.slice(1).map((q, i) => (q[1] - fine[i][1]) / (q[0] - fine[i][0]));
  const finite = d.filter(Number.isFinite).map(Math.abs);
  const steepest = finite.length ? Math.max(...finite) : 0;
  if (!(steepest > 0)) return [];
  const out: { x: number; y: number }[] = [];
  const slope = (x: number, h: number) => Math.abs(f(x + h) - f(x - h)) / (2 * h);
  for (let i = 1; i + 1 < d.length; i++) {
    const [a, b, c] = [d[i - 1], d[i], d[i + 1]];
    if (![a, b, c].every(Number.isFinite) || Math.sign(a) !== Math.sign(c) || a === 0 || b * a < 0) continue;
    if (!(Math.abs(b) <= Math.abs(a) && Math.abs(b) <= Math.abs(c))) continue;
    // Level but for rounding beside it (a plateau's underflow): no slope to speak of, no point.
    const y = fine[i][1];
    if (Math.min(Math.abs(a), Math.abs(c)) * step <= LEVEL * Math.abs(y)) continue;
    if (taken.some((x) => Math.abs(x - fine[i][0]) <= 2 * step) || out.some((m) => Math.abs(m.x - fine[i][0]) <= 2 * step)) continue;
    const h = step / 10;
    let [lo, hi] = [fine[i - 1][0], fine[i + 2][0]];
    const g = (Math.sqrt(5) - 1) / 2;
    for (let k = 0; k < 60 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); k++) {
      const p = hi - g * (hi - lo);
      const q = lo + g * (hi - lo);
      if (!(slope(p, h) >= slope(q, h))) hi = q;
      else lo = p;
    }
    const x = (lo + hi) / 2;
    const [s1, s2] = [slope(x, h), slope(x, h / 10)];
    if (s1 <= 1e-3 * steepest && (s1 === 0 || s2 <= 0.1 * s1) && Number.isFinite(f(x))) out.push({ x, y: f(x) });
  }
  return out;
}

/**
 * The stretch around the lowest point where f stays level with it (within `tol`), when it is wider
 * than one sample: max(|x| − 1, 0) is 0 from −1 to 1, floor(x) is −5 from −5 to −4. Its ends are
 * found by bisection.
 */
function flatStretch(f: (x: number) => number, fine: readonly Point[], low: { x: number; y: number }, tol: number): { from: number; to: number; edge: boolean } | null {
  const flatHere = (y: number) => Number.isFinite(y) && level(y, low.y, tol);
  let i = fine.findIndex((q) => q[0] >= low.x);
  if (i < 0) i = fine.length - 1;
  if (!flatHere(fine[i][1]) && i > 0 && flatHere(fine[i - 1][1])) i--;
  if (!flatHere(fine[i][1])) return null;
  let [a, b] = [i, i];
  while (a > 0 && flatHere(fine[a - 1][1])) a--;
  while (b < fine.length - 1 && flatHere(fine[b + 1][1])) b++;
  if (b - a < 2) return null;
  const end = (inside: number, outside: number) => {
    let [x0, x1] = [inside, outside];
    for (let k = 0; k < 50; k++) {
      const m = (x0 + x1) / 2;
      if (flatHere(f(m))) x0 = m;
      else x1 = m;
    }
    return x0;
  };
  const from = a > 0 ? end(fine[a][0], fine[a - 1][0]) : fine[a][0];
  const to = b < fine.length - 1 ? end(fine[b][0], fine[b + 1][0]) : fine[b][0];
  return { from, to, edge: a === 0 || b === fine.length - 1 };
}

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
