/** (f(x+h) − f(x)) / h: error ~h (truncation) plus ~ε/h (rounding). */
export function forwardDifference(f: (x: number) => number, x: number, h: number): number {
  return (f(x + h) - f(x)) / h;
}

/** (f(x+h) − f(x−h)) / 2h: error ~h² (truncation) plus ~ε/h (rounding). */
export function centralDifference(f: (x: number) => number, x: number, h: number): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

export interface SweepPoint {
  h: number;
  forward: number;
  central: number;
  /** |numeric − analytic| */
  errorForward: number;
  errorCentral: number;
}

/** Both differences at h = 1e-1, 1e-2, …, 1e-12 (one per decade), against the analytic value. */
export function sweep(f: (x: number) => number, x: number, analytic: number, decades = 12): SweepPoint[] {
  return Array.from({ length: decades }, (_, i) => {
    const h = Number(`1e-${i + 1}`); // exact decimal literal, not a product of roundings
    const forward = forwardDifference(f, x, h);
    const central = centralDifference(f, x, h);
    return { h, forward, central, errorForward: Math.abs(forward - analytic), errorCentral: Math.abs(central - analytic) };
  });
}

/** The sweep point with the smallest error of the given kind (NaN errors never win). */
export function bestStep(points: readonly SweepPoint[], kind: 'errorForward' | 'errorCentral'): SweepPoint {
  return points.reduce((best, p) => (p[kind] < best[kind] || Number.isNaN(best[kind]) ? p : best));
}
