import { formatNumber as fmt } from '../math/format.js';
import { criticalPoints, eigenvalues, gridValues, lowestPoint, numericHessian, stepFor, type Box, type CriticalPoint, type F2 } from './field.js';
import type { MapMark } from './map-render.js';
import { point } from './words.js';

// What a map of f marks and says: its minima, saddles and maxima, or the lowest point on the edge
// when there is no minimum inside, and how steep the ground is around the minimum. Pure.

export const MARKS = {
  minimum: { symbol: '●', ascii: '@' },
  saddle: { symbol: '✕', ascii: 'X' },
  maximum: { symbol: '▲', ascii: 'A' },
  lowest: { symbol: '○', ascii: 'o' },
} as const;

export interface LandscapeView {
  points: CriticalPoint[];
  lowest: { x: number; y: number; f: number } | null;
  marks: MapMark[];
  summary: string[];
  /** Around the lowest minimum: the steepest and the flattest direction (unit vectors) and curvatures. */
  shape?: { steep: [number, number]; flat: [number, number]; curvature: [number, number] };
}

export function landscapeView(f: F2, box: Box, vars: readonly [string, string]): LandscapeView {
  // One grid for both: the grid's own minima seed the search, and its lowest value is the box's.
  const grid = gridValues(f, box, 41, 41);
  const points = criticalPoints(f, box, 41, grid);
  const lowest = lowestPoint(f, box, 41, grid);
  const minima = points.filter((p) => p.kind === 'minimum');
  const saddles = points.filter((p) => p.kind === 'saddle');
  const maxima = points.filter((p) => p.kind === 'maximum');
  const marks: MapMark[] = [];
  const v = (p: { f: number }) => fmt(Math.abs(p.f) < 1e-12 ? 0 : p.f, 4);
  const at = (p: { x: number; y: number }) => `(${vars[0]}, ${vars[1]}) = ${point(p.x, p.y)}`;
  const summary: string[] = [];
  for (const p of minima.slice(0, 6)) marks.push({ x: p.x, y: p.y, ...MARKS.minimum, label: minima.length > 1 ? 'minimum (a valley floor)' : 'minimum' });
  for (const p of saddles.slice(0, 6)) marks.push({ x: p.x, y: p.y, ...MARKS.saddle, label: 'saddle point: up one way, down the other (not a minimum)' });
  for (const p of maxima.slice(0, 6)) marks.push({ x: p.x, y: p.y, ...MARKS.maximum, label: 'maximum (a peak)' });
  // The lowest point of the box is lower than every minimum inside: it is on the edge.
  const edgeLower = lowest && (!minima.length || lowest.f < minima[0].f - 1e-9 * Math.max(1, Math.abs(minima[0].f)));
  if (minima.length === 1) summary.push(`Minimum: f = ${v(minima[0])} at ${at(minima[0])}.`);
  else if (minima.length > 1) {
    summary.push(`${minima.length} minima: the lowest, f = ${v(minima[0])}, at ${at(minima[0])}; ` +
      minima.slice(1, 4).map((p) => `a local minimum, f = ${v(p)}, at ${point(p.x, p.y)}`).join('; ') + (minima.length > 4 ? `; and ${minima.length - 4} more` : '') + '.');
  }
  if (saddles.length) summary.push(`Saddle point${saddles.length > 1 ? 's' : ''}: ` + saddles.slice(0, 3).map((p) => `f = ${v(p)} at ${at(p)}`).join('; ') + ': f rises one way and falls the other, so descent can stall there, but it is not a minimum.');
  if (maxima.length) summary.push(`Maximum: ` + maxima.slice(0, 3).map((p) => `f = ${v(p)} at ${at(p)}`).join('; ') + '.');
  // Level everywhere (a constant): every point is as low as any other, so none is named.
  const level = lowest && !points.length && isLevel(f, box, lowest.f);
  if (level && lowest) {
    summary.push(`f is level: ${v(lowest)} everywhere in the box, so there is no single minimum.`);
    return { points, lowest, marks, summary };
  }
  if (edgeLower && lowest) {
    marks.push({ x: lowest.x, y: lowest.y, ...MARKS.lowest, label: 'lowest point in the box (on its edge)' });
    summary.push(minima.length
      ? `Lower still, on the edge of the box: f = ${v(lowest)} at ${at(lowest)}; f keeps falling beyond it.`
      : `No minimum inside the box: the lowest point is f = ${v(lowest)} at ${at(lowest)}, on its edge.`);
  }
  if (!lowest) summary.push('f is undefined everywhere in this box.');
  let shape: LandscapeView['shape'];
  if (minima.length) {
    const m = minima[0];
    const H = numericHessian(f, m.x, m.y, 1e3 * stepFor(box));
    const [l1, l2] = eigenvalues(H);
    if (l2 > 0 && Number.isFinite(l1) && l2 > 1e-9) {
      const steep = unitEigenvector(H, l2);
      const flat: [number, number] = [-steep[1], steep[0]];
      shape = { steep, flat, curvature: [l1, l2] };
      const ratio = l1 > 1e-12 ? l2 / l1 : Infinity;
      if (ratio > 1.5) {
        summary.push(`Around the minimum the ground is steepest along ${axisWords(steep, vars)} and flattest along ${axisWords(flat, vars)}` +
          (Number.isFinite(ratio) ? ` (curvature ${fmt(l2, 3)} against ${fmt(l1, 3)}: ${fmt(ratio, 3)}× steeper)` : '') + ': a narrow valley, where the contours crowd together.');
      } else summary.push('Around the minimum the ground rises about equally in every direction: a round bowl.');
    }
  }
  return { points, lowest, marks, summary, shape };
}

function unitEigenvector(H: [[number, number], [number, number]], l: number): [number, number] {
  const [[a, b], [, c]] = H;
  let v: [number, number] = Math.abs(b) > 1e-12 * Math.max(Math.abs(a), Math.abs(c), 1) ? [l - c, b] : a >= c ? [1, 0] : [0, 1];
  const n = Math.hypot(...v);
  v = [v[0] / n, v[1] / n];
  return v[0] < 0 || (v[0] === 0 && v[1] < 0) ? [-v[0], -v[1]] : v;
}

/** "x" or "y" for a direction along an axis, else the direction as a vector. */
export function axisWords(d: readonly [number, number], vars: readonly [string, string]): string {
  if (Math.abs(d[1]) < 0.1) return vars[0];
  if (Math.abs(d[0]) < 0.1) return vars[1];
  return `the direction ${point(d[0], d[1], 2)}`;
}

/** Whether f takes (nearly) one value over the box: a constant has no single minimum. */
function isLevel(f: F2, box: Box, at: number): boolean {
  const tiny = 1e-12 * Math.max(1, Math.abs(at));
  for (let j = 0; j <= 20; j++) {
    for (let i = 0; i <= 20; i++) {
      const v = f(box.x0 + ((box.x1 - box.x0) * i) / 20, box.y0 + ((box.y1 - box.y0) * j) / 20);
      if (Number.isFinite(v) && Math.abs(v - at) > tiny) return false;
    }
  }
  return true;
}
