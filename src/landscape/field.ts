import { linspace } from '../math/sample.js';

// Numbers about a function of two variables on a box: its values on a grid, numeric gradient and
// Hessian, and its critical points (minima, saddles, maxima). Pure.

export type F2 = (x: number, y: number) => number;

/** x from x0 to x1, y from y0 to y1 (x0 < x1, y0 < y1). */
export interface Box { x0: number; x1: number; y0: number; y1: number }

export type PointKind = 'minimum' | 'saddle' | 'maximum';

export interface CriticalPoint { x: number; y: number; f: number; kind: PointKind }

/** f on an nx × ny grid over the box: values[j][i] = f(xs[i], ys[j]), ys ascending. */
export function gridValues(f: F2, box: Box, nx: number, ny: number): { xs: number[]; ys: number[]; values: number[][] } {
  const xs = linspace(box.x0, box.x1, nx);
  const ys = linspace(box.y0, box.y1, ny);
  return { xs, ys, values: ys.map((y) => xs.map((x) => f(x, y))) };
}

/** A difference step suited to the box: small against its size, large against rounding. */
export function stepFor(box: Box): number {
  return 1e-5 * Math.max(box.x1 - box.x0, box.y1 - box.y0, 1e-9);
}

/** (∂f/∂x, ∂f/∂y) by central differences with step h. */
export function numericGradient(f: F2, x: number, y: number, h: number): [number, number] {
  return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}

/** The Hessian [[fxx, fxy], [fxy, fyy]] by central differences with step h. */
export function numericHessian(f: F2, x: number, y: number, h: number): [[number, number], [number, number]] {
  const c = f(x, y);
  const fxx = (f(x + h, y) - 2 * c + f(x - h, y)) / (h * h);
  const fyy = (f(x, y + h) - 2 * c + f(x, y - h)) / (h * h);
  const fxy = (f(x + h, y + h) - f(x + h, y - h) - f(x - h, y + h) + f(x - h, y - h)) / (4 * h * h);
  return [[fxx, fxy], [fxy, fyy]];
}

/** Eigenvalues of a symmetric 2 × 2 matrix, smaller first. */
export function eigenvalues(m: [[number, number], [number, number]]): [number, number] {
  const t = (m[0][0] + m[1][1]) / 2;
  const d = Math.sqrt(Math.max(0, ((m[0][0] - m[1][1]) / 2) ** 2 + m[0][1] ** 2));
  return [t - d, t + d];
}

const inside = (b: Box, x: number, y: number, margin = 0) =>
  x >= b.x0 - margin && x <= b.x1 + margin && y >= b.y0 - margin && y <= b.y1 + margin;

/**
 * What kind of critical point (x, y) is: from the Hessian's eigenvalues when they are clearly
 * non-zero, else from f on a small ring around it (abs(x) + abs(y), x^4 + y^4 have no usable Hessian).
 */
export function classify(f: F2, x: number, y: number, box: Box): PointKind | null {
  const h = 1e3 * stepFor(box);
  const [l1, l2] = eigenvalues(numericHessian(f, x, y, h));
  const scale = Math.max(Math.abs(l1), Math.abs(l2));
  if (scale > 1e-6 && Math.min(Math.abs(l1), Math.abs(l2)) > 1e-4 * scale) {
    return l1 > 0 ? 'minimum' : l2 < 0 ? 'maximum' : 'saddle';
  }
  const c = f(x, y);
  const r = 2e-3 * Math.max(box.x1 - box.x0, box.y1 - box.y0);
  const ring = Array.from({ length: 16 }, (_, k) => f(x + r * Math.cos((k * Math.PI) / 8), y + r * Math.sin((k * Math.PI) / 8)));
  if (ring.some((v) => !Number.isFinite(v))) return null;
  const tiny = 1e-12 * Math.max(1, Math.abs(c));
  const above = ring.filter((v) => v > c + tiny).length;
  const below = ring.filter((v) => v < c - tiny).length;
  if (!above && !below) return null; // level all round: a plateau, no point to name
  if (!below) return 'minimum';
  if (!above) return 'maximum';
  return 'saddle';
}

/** Newton's method on ∇f = 0 with numeric derivatives: a critical point near (x, y), or null. */
function newton(f: F2, x: number, y: number, box: Box): [number, number] | null {
  const h = stepFor(box);
  const span = Math.max(box.x1 - box.x0, box.y1 - box.y0);
  for (let k = 0; k < 40; k++) {
    const [gx, gy] = numericGradient(f, x, y, h);
    const [[a, b], [, c]] = numericHessian(f, x, y, h * 100);
    const det = a * c - b * b;
    if (!Number.isFinite(gx) || !Number.isFinite(gy) || !Number.isFinite(det) || Math.abs(det) < 1e-14) return null;
    const dx = (c * gx - b * gy) / det;
    const dy = (a * gy - b * gx) / det;
    x -= dx;
    y -= dy;
    if (!inside(box, x, y, 0.05 * span)) return null;
    // Rounding in the numeric derivatives keeps the last steps from shrinking to nothing: a step
    // of a millionth of the box is as still as it gets.
    if (Math.hypot(dx, dy) < 1e-9 * span || (k > 10 && Math.hypot(dx, dy) < 1e-6 * span)) return [x, y];
  }
  return null;
}

/** Compass search for a minimum of f from (x, y): for corners and kinks, where Newton has no Hessian. */
function compass(f: F2, x: number, y: number, box: Box, step: number): [number, number] {
  let c = f(x, y);
  const floor = 1e-10 * Math.max(box.x1 - box.x0, box.y1 - box.y0);
  // Bounded: along a curved valley compass steps are many and small.
  for (let n = 0; step > floor && n < 5000; n++) {
    let moved = false;
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const [nx, ny] = [x + dx * step, y + dy * step];
      const v = f(nx, ny);
      if (inside(box, nx, ny) && v < c) {
        [x, y, c] = [nx, ny, v];
        moved = true;
        break;
      }
    }
    if (!moved) step /= 2;
  }
  return [x, y];
}

/**
 * The critical points of f inside the box, each kind lowest first: candidates are the grid's local
 * minima of f (refined by Newton, or by compass search at a kink) and of |∇f| (refined by Newton,
 * which finds saddles and maxima as well as minima); each is classified and kept once.
 */
export function criticalPoints(f: F2, box: Box, n = 41, grid = gridValues(f, box, n, n)): CriticalPoint[] {
  const { xs, ys, values } = grid;
  n = xs.length;
  const dx = xs[1] - xs[0];
  const dy = ys[1] - ys[0];
  const finite = values.flat().filter(Number.isFinite);
  if (!finite.length) return [];
  const spread = Math.max(...finite) - Math.min(...finite);
  if (!(spread > 1e-12 * Math.max(1, Math.abs(finite[0])))) return []; // flat: no point stands out
  const seeds: { x: number; y: number; minOfF: boolean; g: number }[] = [];
  const around = (j: number, i: number, v: (j: number, i: number) => number) => {
    const c = v(j, i);
    let strict = false;
    for (let a = -1; a <= 1; a++) {
      for (let b = -1; b <= 1; b++) {
        if (!a && !b) continue;
        const w = v(j + a, i + b);
        if (!Number.isFinite(w) || w < c) return false;
        if (w > c) strict = true;
      }
    }
    return strict;
  };
  const fv = (j: number, i: number) => values[j][i];
  const g2 = (j: number, i: number) =>
    ((values[j][i + 1] - values[j][i - 1]) / (2 * dx)) ** 2 + ((values[j + 1][i] - values[j - 1][i]) / (2 * dy)) ** 2;
  for (let j = 1; j < n - 1; j++) {
    for (let i = 1; i < n - 1; i++) {
      if (!Number.isFinite(values[j][i])) continue;
      if (around(j, i, fv)) seeds.push({ x: xs[i], y: ys[j], minOfF: true, g: 0 });
      else if (j >= 2 && i >= 2 && j < n - 2 && i < n - 2 && Number.isFinite(g2(j, i)) && around(j, i, g2)) seeds.push({ x: xs[i], y: ys[j], minOfF: false, g: g2(j, i) });
    }
  }
  // The grid's own minima first, then the flattest places (a kink, abs(x), makes a whole line of those).
  seeds.sort((a, b) => Number(b.minOfF) - Number(a.minOfF) || a.g - b.g);
  const found: CriticalPoint[] = [];
  const span = Math.max(box.x1 - box.x0, box.y1 - box.y0);
  const gradTol = (x: number, y: number) => 1e-4 * Math.max(1, spread / span);
  for (const s of seeds.slice(0, 200)) {
    let p = newton(f, s.x, s.y, box);
    if (p) {
      const [gx, gy] = numericGradient(f, p[0], p[1], stepFor(box));
      if (!(Math.hypot(gx, gy) < gradTol(p[0], p[1])) || !inside(box, p[0], p[1])) p = null;
    }
    if (!p && s.minOfF) {
      p = compass(f, s.x, s.y, box, Math.max(dx, dy));
      // Polished by Newton where f is smooth there after all.
      p = newton(f, p[0], p[1], box) ?? p;
    }
    if (!p) continue;
    const [x, y] = p;
    if (found.some((q) => Math.hypot(q.x - x, q.y - y) < 1e-3 * span)) continue;
    const kind = classify(f, x, y, box);
    const v = f(x, y);
    if (!kind || !Number.isFinite(v)) continue;
    // A compass search that stopped at the box's edge found the lowest point there, not a minimum.
    if (kind === 'minimum' && !inside(box, x, y, -1e-6 * span)) continue;
    found.push({ x: snap(x, span), y: snap(y, span), f: v, kind });
  }
  const order: PointKind[] = ['minimum', 'saddle', 'maximum'];
  return found.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.f - b.f);
}

/** A coordinate that is rounding noise away from 0 reads as 0. */
const snap = (v: number, span: number) => (Math.abs(v) < 1e-7 * span ? 0 : v);

/** The lowest grid value in the box and where it is (it may be on the edge). */
export function lowestPoint(f: F2, box: Box, n = 41, grid = gridValues(f, box, n, n)): { x: number; y: number; f: number } | null {
  const { xs, ys, values } = grid;
  let best: { x: number; y: number; f: number } | null = null;
  values.forEach((row, j) => row.forEach((v, i) => {
    if (Number.isFinite(v) && (!best || v < best.f)) best = { x: xs[i], y: ys[j], f: v };
  }));
  return best;
}
