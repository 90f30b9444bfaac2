import { formatNumber as fmt } from '../math/format.js';
import { criticalPoints, gridValues, lowestPoint, numericHessian, type Box, type CriticalPoint, type F2 } from './field.js';
import { along, curvatureAt, curvatureWords, type Curvature, type HessianAt } from './curvature.js';
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
  /** The Hessian's verdict at the lowest minimum, else at the first saddle or maximum. */
  curvature?: Curvature;
}

/**
 * `hessian`: f's Hessian from its symbolic second partials where the caller has them (a named
 * landscape's, or a command that derived them); else central differences, trusted only where two
 * steps agree (at a kink, abs(x), the Hessian does not exist and none is reported).
 */
export function landscapeView(f: F2, box: Box, vars: readonly [string, string], hessian?: HessianAt): LandscapeView {
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
    // Places on the grid as low as the lowest, away from it (x·y is −25 at (5, −5) and at (−5, 5)):
    // naming one alone would say the other corner is higher.
    const low = lowest;
    const [sx, sy] = [(box.x1 - box.x0) / 40, (box.y1 - box.y0) / 40];
    const ties: { x: number; y: number }[] = [];
    grid.values.forEach((row, j) => row.forEach((val, i) => {
      const q = { x: grid.xs[i], y: grid.ys[j] };
      const apart = (r: { x: number; y: number }) => Math.abs(r.x - q.x) > 2 * sx || Math.abs(r.y - q.y) > 2 * sy;
      if (Math.abs(val - low.f) <= 1e-9 * Math.max(1, Math.abs(low.f)) && apart(low) && ties.every(apart)) ties.push(q);
    }));
    const all = [low, ...ties.slice(0, 3)];
    for (const q of all) marks.push({ x: q.x, y: q.y, ...MARKS.lowest, label: `lowest point${all.length > 1 ? 's' : ''} in the box (on its edge)` });
    const places = all.map((q, k) => (k === 0 ? at(q) : point(q.x, q.y)));
    const where = places.length > 1 ? `${places.slice(0, -1).join(', ')} and ${places[places.length - 1]}${ties.length > 3 ? ` (and ${ties.length - 3} more places as low)` : ''}` : places[0];
    summary.push(minima.length
      ? `Lower still, on the edge of the box: f = ${v(lowest)} at ${where}; f keeps falling beyond it.`
      : `No minimum inside the box: the lowest ${places.length > 1 ? `points are f = ${v(lowest)} at ${where}, equally low` : `point is f = ${v(lowest)} at ${where}`}, on its edge.`);
  }
  if (!lowest) summary.push('f is undefined everywhere in this box.');
  let shape: LandscapeView['shape'];
  let curvature: Curvature | undefined;
  const here = minima[0] ?? saddles[0] ?? maxima[0];
  const H = here && (hessian ? hessian(here.x, here.y) : smoothHessian(f, here.x, here.y, box));
  if (here && H && H.flat().every(Number.isFinite)) {
    curvature = curvatureAt(H, [here.x, here.y]);
    const [l1, l2] = curvature.values;
    if (here.kind === 'minimum' && l2 > 0) shape = { steep: curvature.steep, flat: curvature.flat, curvature: [l1, l2] };
    summary.push(curvatureWords(curvature, `at the ${here.kind === 'minimum' && minima.length > 1 ? 'lowest minimum' : here.kind === 'saddle' ? 'saddle point' : here.kind} ${point(here.x, here.y)}`, vars));
  }
  return { points, lowest, marks, summary, shape, curvature };
}

/** "x" or "y" for a direction along an axis, else the direction as a vector. */
export const axisWords = along;

/**
 * The Hessian by central differences, or null where two step sizes disagree by more than 1%: at a
 * kink (abs(x) + abs(y)) the second differences grow as the step shrinks, and mean nothing.
 */
function smoothHessian(f: F2, x: number, y: number, box: Box): [[number, number], [number, number]] | null {
  const h = 1e-4 * Math.max(box.x1 - box.x0, box.y1 - box.y0);
  const a = numericHessian(f, x, y, h);
  const b = numericHessian(f, x, y, 4 * h);
  const scale = Math.max(...a.flat().map(Math.abs), ...b.flat().map(Math.abs));
  const apart = Math.max(...a.flat().map((v, i) => Math.abs(v - b.flat()[i])));
  return scale > 0 && apart > 1e-2 * scale ? null : a;
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
