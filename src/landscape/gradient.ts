import type { Expr2 } from '../math/engine.js';

// The gradient of f at a point: the symbolic partials' values against central differences. Pure.

export interface GradientAt {
  value: number;
  analytic: [number, number];
  numeric: [number, number];
  error: [number, number];
  norm: number;
  /** ∇f / |∇f|, or null where the gradient is 0 (no direction is uphill). */
  direction: [number, number] | null;
}

export function gradientAt(e: Expr2, d: readonly [Expr2, Expr2], [x, y]: readonly [number, number], h: number): GradientAt {
  const f = (a: number, b: number) => e.evaluate(a, b);
  const analytic: [number, number] = [d[0].evaluate(x, y), d[1].evaluate(x, y)];
  const numeric: [number, number] = [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
  const norm = Math.hypot(...analytic);
  return {
    value: f(x, y),
    analytic,
    numeric,
    error: [Math.abs(numeric[0] - analytic[0]), Math.abs(numeric[1] - analytic[1])],
    norm,
    direction: norm > 0 ? [analytic[0] / norm, analytic[1] / norm] : null,
  };
}
