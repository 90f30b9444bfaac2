import type { Expr2 } from '../math/engine.js';
import { formatNumber as fmt } from '../math/format.js';
import { numericHessian, type F2 } from './field.js';
import { point } from './words.js';

// How f curves at a point, from its Hessian: the eigenvalues and eigenvectors of the 2 × 2
// symmetric matrix (closed form), the ratio of the two (the condition number), and what a teacher
// calls that shape. Pure.

export type Matrix2 = [[number, number], [number, number]];
export type Vec2 = [number, number];
/** The Hessian of f at (x, y). */
export type HessianAt = (x: number, y: number) => Matrix2;

export interface Eigen2 {
  /** Smaller first. */
  values: [number, number];
  /** Unit eigenvectors, in the order of `values`, each pointing into x ≥ 0 (y > 0 when x = 0). */
  vectors: [Vec2, Vec2];
}

const orient = (v: Vec2): Vec2 => {
  const n = Math.hypot(...v) || 1;
  const u: Vec2 = [v[0] / n, v[1] / n];
  return u[0] < 0 || (u[0] === 0 && u[1] < 0) ? [-u[0] || 0, -u[1] || 0] : u;
};

/** Eigenvalues (t ∓ √(((a−c)/2)² + b²), t = (a+c)/2) and unit eigenvectors of [[a, b], [b, c]]. */
export function eigen2([[a, b], [, c]]: Matrix2): Eigen2 {
  const t = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  const values: [number, number] = [t - r, t + r];
  // (b, λ − a) is an eigenvector of λ; when b is rounding noise the axes are.
  if (Math.abs(b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(c), 1e-300)) {
    const big: Vec2 = a >= c ? [1, 0] : [0, 1];
    const small: Vec2 = a >= c ? [0, 1] : [1, 0];
    return { values, vectors: [small, big] };
  }
  // Of (b, λ − a) and (λ − c, b), the longer: the other can vanish in rounding.
  const vec = (l: number): Vec2 => (Math.abs(l - a) > Math.abs(l - c) ? [b, l - a] : [l - c, b]);
  const hi = orient(vec(values[1]));
  return { values, vectors: [orient([-hi[1], hi[0]]), hi] };
}

export type ShapeKind = 'bowl' | 'valley' | 'saddle' | 'cap' | 'ridge' | 'trough' | 'flat';

export interface Curvature {
  at: Vec2;
  hessian: Matrix2;
  values: [number, number];
  /** Where f curves most sharply up (the larger eigenvalue's eigenvector) and least (the other). */
  steep: Vec2;
  flat: Vec2;
  kind: ShapeKind;
  /** λmax / λmin where both are positive (the condition number); null for a saddle, a cap or a flat way. */
  ratio: number | null;
}

/** What the Hessian says about the ground at `at`: bowl, narrow valley, saddle, … */
export function curvatureAt(H: Matrix2, at: Vec2): Curvature {
  const { values, vectors } = eigen2(H);
  const [l1, l2] = values;
  const scale = Math.max(Math.abs(l1), Math.abs(l2));
  // Below a millionth of the larger one, an eigenvalue is 0 as far as rounding can tell.
  const zero = (l: number) => Math.abs(l) <= 1e-6 * scale;
  let kind: ShapeKind;
  if (!(scale > 1e-12)) kind = 'flat';
  else if (zero(l1) || zero(l2)) kind = l2 > 0 && !zero(l2) ? 'trough' : 'ridge';
  else if (l1 > 0) kind = l2 > 1.5 * l1 ? 'valley' : 'bowl';
  else if (l2 < 0) kind = 'cap';
  else kind = 'saddle';
  const ratio = l1 > 0 && !zero(l1) ? l2 / l1 : null;
  return { at, hessian: H, values, steep: vectors[1], flat: vectors[0], kind, ratio };
}

/**
 * The Hessian from its symbolic second partials (fxx, fxy, fyy), by central differences with step
 * h where those are undefined or not known (too large to work out). Where the first partials are
 * given and undefined (a kink: abs(x) at 0), f has no Hessian: all NaN.
 */
export function hessianOf(second: readonly Expr2[] | null, f: F2, h: number, first?: readonly Expr2[]): HessianAt {
  return (x, y) => {
    const none: Matrix2 = [[NaN, NaN], [NaN, NaN]];
    if (first && !first.every((d) => Number.isFinite(d.evaluate(x, y)))) return none;
    let H: Matrix2 | null = null;
    if (second) {
      const [xx, xy, yy] = second.map((s) => s.evaluate(x, y));
      if ([xx, xy, yy].every(Number.isFinite)) H = [[xx, xy], [xy, yy]];
    }
    H ??= numericHessian(f, x, y, h);
    return first && kinked(first, x, y, h, H) ? none : H;
  };
}

/**
 * Whether the gradient jumps across (x, y) (a kink or corner, abs(x) + abs(y) next to 0): its change
 * over ±h is not what the Hessian predicts. Where f is smooth they agree to O(h²).
 */
function kinked(first: readonly Expr2[], x: number, y: number, h: number, H: Matrix2): boolean {
  const g = (a: number, b: number) => first.map((d) => d.evaluate(a, b));
  const g0 = g(x, y);
  const scale = Math.hypot(g0[0], g0[1]);
  for (const [k, [dx, dy]] of [[0, [h, 0]], [1, [0, h]]] as const) {
    const up = g(x + dx, y + dy);
    const down = g(x - dx, y - dy);
    for (const i of [0, 1]) {
      const change = up[i] - down[i];
      const predicted = 2 * h * H[i][k];
      if (!Number.isFinite(change)) return true;
      if (Math.abs(change - predicted) > 1e-3 * (Math.abs(predicted) + scale) + 1e-9) return true;
    }
  }
  return false;
}

/** A direction as a learner reads it: the axis it lies along, else the unit vector. */
export function along(d: readonly [number, number], vars: readonly [string, string]): string {
  if (Math.abs(d[1]) < 0.1) return vars[0];
  if (Math.abs(d[0]) < 0.1) return vars[1];
  return `the direction ${point(d[0], d[1], 2)}`;
}

/**
 * One sentence on the curvature at a point, `where` naming it ("at the minimum (1, 1)", "where the
 * run ended, (0.84, 0.71)"): the Hessian, its eigenvalues, and what they mean for a map or for
 * gradient descent.
 */
export function curvatureWords(c: Curvature, where: string, vars: readonly [string, string], use: 'map' | 'descent' = 'map', minimum = true): string {
  const tiny = 1e-9 * Math.max(1, Math.abs(c.values[0]), Math.abs(c.values[1]));
  const n = (v: number) => fmt(Math.abs(v) < tiny ? 0 : v, 4);
  const [[a, b], [, d]] = c.hessian;
  const head = `Curvature ${where}: the Hessian [[${n(a)}, ${n(b)}], [${n(b)}, ${n(d)}]] has eigenvalues ${n(c.values[1])} and ${n(c.values[0])}`;
  const [lo, hi] = [along(c.flat, vars), along(c.steep, vars)];
  switch (c.kind) {
    case 'valley':
      if (!minimum) return `${head}, so f curves ${fmt(c.ratio!, 4)}× more sharply along ${hi} than along ${lo} (their ratio, the condition number).`;
      return `${head}, so the ground is steepest along ${hi} and flattest along ${lo}, the valley floor: f curves ${fmt(c.ratio!, 4)}× more sharply one way than the other (the condition number)` +
        (use === 'descent' ? ': a rate small enough not to overshoot the steep way crawls along the flat one.' : ': a narrow valley, where the contours crowd together.');
    case 'bowl':
      return `${head}, so f curves about alike every way (ratio ${fmt(c.ratio!, 3)}): a round bowl${use === 'descent' ? ', where one rate suits every direction' : ''}.`;
    case 'saddle':
      return `${head}, of opposite signs: a saddle, f curves up along ${hi} and down along ${lo}, so there is no condition number: it is not a minimum.`;
    case 'cap':
      return `${head}, both negative: f curves down every way, a peak.`;
    case 'trough':
      return `${head}: f curves up along ${hi} and not at all along ${lo}, a flat-bottomed trough.`;
    case 'ridge':
      return `${head}: f curves down along ${lo} and not at all along ${hi}.`;
    default:
      return `${head}: f does not curve there (it is flat to second order), so the Hessian cannot say how the ground rises.`;
  }
}
