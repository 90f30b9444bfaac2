import { count, formatNumber } from './format.js';

export interface Step { k: number; x: number; f: number; grad: number }

export interface Run {
  expr: string;
  lr: number;
  start: number;
  steps: Step[];
  converged: boolean;
  diverged: boolean;
  oscillating: boolean;
  verdict: string;
}

export interface DescentOptions { start: number; lr: number; steps: number; tol: number }

/** Past this |x| (or 1000 times the start's), a run is stopped as diverged: no minimum of a lesson's function lies out there. */
export const DIVERGENCE_BOUND = 1e8;

/**
 * Gradient descent x_{k+1} = x_k − lr·f′(x_k) from `start`, for at most `steps` updates, stopping
 * early when |f′(x)| < tol (tol 0 runs every step) or when x, f or f′ blow up. The run is named:
 * converged, diverged, oscillating (a 2-cycle such as lr 1 on x²), or not there yet: close, zigzagging,
 * going downhill without slowing (no minimum that way), slow, or on its way.
 */
export function descend(
  expr: string,
  f: (x: number) => number,
  df: (x: number) => number,
  o: DescentOptions,
): Run {
  const steps: Step[] = [];
  let x = o.start;
  let blewUp = false;
  const xBound = Math.max(DIVERGENCE_BOUND, 1e3 * Math.abs(o.start));
  const fBound = Math.max(DIVERGENCE_BOUND ** 2, 1e6 * Math.abs(f(o.start)));
  for (let k = 0; ; k++) {
    const step = { k, x, f: f(x), grad: df(x) };
    steps.push(step);
    if (!Number.isFinite(step.f) || !Number.isFinite(step.grad) || Math.abs(x) > xBound || Math.abs(step.f) > fBound) {
      blewUp = true;
      break;
    }
    if (Math.abs(step.grad) < o.tol || k >= o.steps) break;
    x = x - o.lr * step.grad;
  }
  const run = { expr, lr: o.lr, start: o.start, steps, ...classify(steps, o, blewUp) };
  return run.converged ? checkBottom(run, f, o.tol) : run;
}

/**
 * f′ ≈ 0 where descent stopped, but is it a bottom? Looked at from a little way to each side: level on
 * both (a flat stretch), lower on one (a plateau's edge, a saddle, a slope too gentle to follow) or
 * lower on both (a maximum) is not. Descent stalls on all of these: worth saying so.
 */
function checkBottom(run: Run, f: (x: number) => number, tol: number): Run {
  const last = run.steps[run.steps.length - 1];
  const d = 1e-3 * Math.max(1, Math.abs(last.x));
  const [l, r] = [f(last.x - d), f(last.x + d)];
  const tiny = 1e-12 * Math.max(1, Math.abs(last.f));
  const lower = [l < last.f - tiny ? 'left' : '', r < last.f - tiny ? 'right' : ''].filter(Boolean);
  const level = Math.abs(l - last.f) <= tiny && Math.abs(r - last.f) <= tiny;
  if (!level && !lower.length) return run;
  const lr = `lr ${formatNumber(run.lr)}`;
  const at = `x = ${formatNumber(last.x, 4)}`;
  const stops = last.k === 0 ? 'cannot move' : `stalls after ${count(last.k, 'step')}`;
  const verdict =
    lower.length === 2
      ? `${lr} stops at ${at}, a maximum: f′ = 0 there and f falls on both sides`
      : lower.length === 1
        ? `${lr} ${stops}: at ${at} the slope is almost flat (|f′| < ${formatNumber(tol)}) yet f falls to the ${lower[0]}: a plateau, a saddle or a very gentle slope, not a minimum`
        : `${lr} ${stops}: at ${at} f is flat (f′ = 0), which need not be a minimum`;
  return { ...run, converged: false, verdict };
}

function classify(steps: Step[], o: DescentOptions, blewUp: boolean): Pick<Run, 'converged' | 'diverged' | 'oscillating' | 'verdict'> {
  const last = steps[steps.length - 1];
  const n = last.k;
  const lr = `lr ${formatNumber(o.lr)}`;
  const move = (i: number) => Math.abs(steps[i].x - steps[i - 1].x);
  // How fast the steps grow at the end: the per-step factor a diverging run is named by.
  const growth = steps.length >= 3 ? move(steps.length - 1) / move(steps.length - 2) : NaN;
  const grows = Number.isFinite(growth) && growth > 1 ? ` (|x| grows ×${formatNumber(growth, 3)} per step)` : '';
  if (blewUp && Number.isFinite(last.x) && Math.abs(last.x) <= DIVERGENCE_BOUND && (Number.isNaN(last.f) || Number.isNaN(last.grad))) {
    // Not a blow-up: a step landed where f or f′ is undefined (log(x) stepping past 0).
    return { converged: false, diverged: true, oscillating: false, verdict: `${lr} leaves the domain: f or f′ is undefined at x = ${formatNumber(last.x)}, reached after ${count(n, 'step')}` };
  }
  if (blewUp) {
    // Every step the same way and f lower than at the start: not a rate too large, but a function
    // with no bottom that way (x³ heading left); a smaller rate would only fall more slowly.
    const finite = steps.filter((s) => Number.isFinite(s.f) && Number.isFinite(s.grad));
    const lastF = finite[finite.length - 1]?.f;
    const oneWay = finite.every((s) => Math.sign(s.grad) === Math.sign(finite[0].grad));
    if (oneWay && lastF !== undefined && lastF < steps[0].f) {
      return { converged: false, diverged: true, oscillating: false, verdict: `${lr} runs downhill without end: f fell to ${formatNumber(lastF, 3)} in ${count(n, 'step')} and keeps falling, so f has no minimum this way (a smaller rate only falls more slowly)` };
    }
    return { converged: false, diverged: true, oscillating: false, verdict: `${lr} diverges: |x| or |f(x)| blew up after ${count(n, 'step')}${grows}` };
  }
  if (Math.abs(last.grad) < o.tol || last.grad === 0) {
    return { converged: true, diverged: false, oscillating: false, verdict: `${lr} converges to x = ${fixed(last.x)} in ${count(n, 'step')}` };
  }
  // Not yet past the bound, but every recent step longer than the one before and f above where it began.
  const moves = steps.length >= 4 ? [3, 2, 1].map((back) => move(steps.length - back)) : [];
  if (moves.length && moves[1] > 1.0001 * moves[0] && moves[2] > 1.0001 * moves[1] && last.f > steps[0].f) {
    return { converged: false, diverged: true, oscillating: false, verdict: `${lr} diverges: |x| grows ×${formatNumber(growth, 3)} per step` };
  }
  if (steps.length >= 4) {
    const [a, b, c] = steps.slice(-3).map((s) => s.x);
    const scale = Math.max(1, Math.abs(c));
    if (Math.abs(c - a) <= 1e-9 * scale && Math.abs(c - b) > 1e-9 * scale) {
      const [lo, hi] = [Math.min(b, c), Math.max(b, c)];
      // Rounding noise next to a real value reads as 0 (abs(x): between -0.1 and 1.5e-15).
      const shown = (v: number) => formatNumber(Math.abs(v) < 1e-9 * Math.max(Math.abs(lo), Math.abs(hi)) ? 0 : v);
      return { converged: false, diverged: false, oscillating: true, verdict: `${lr} oscillates between ${shown(lo)} and ${shown(hi)} without converging` };
    }
  }
  const g0 = Math.abs(steps[0].grad);
  const g = Math.abs(last.grad);
  const slope = `|f′| down from ${formatNumber(g0, 3)} to ${formatNumber(g, 3)}`;
  const where = `after ${count(n, 'step')} x = ${formatNumber(last.x, 3)}`;
  const result = (verdict: string) => ({ converged: false, diverged: false, oscillating: false, verdict: `${lr} ${verdict}` });
  // The sign of f′ flips at every recent step: each step jumps over the minimum (lr 0.9 on x²).
  const flips = steps.length >= 4 && steps.slice(-4).every((s, i, a) => i === 0 || Math.sign(s.grad) === -Math.sign(a[i - 1].grad));
  if (g < 1e-3 * Math.max(1e-12, g0)) {
    const zigzag = flips ? ', zigzagging across the minimum' : '';
    return result(`is close but not converged${zigzag}: ${where}, |f′(x)| = ${formatNumber(g, 2)} (tolerance ${formatNumber(o.tol)})`);
  }
  // f keeps falling and the slope is no gentler than at the start: nothing says a bottom is near
  // (f = −x, or x³ heading left). A slope that merely shrinks slowly is a slow run, below.
  if (g >= g0 * (1 - 1e-9) && last.f < steps[0].f) {
    return result(`keeps going downhill and the slope is not getting gentler: ${where}, f′ = ${formatNumber(last.grad, 3)}; f may have no minimum this way`);
  }
  if (flips) return result(`zigzags across the minimum, each step overshooting, and closes in slowly: ${where}, ${slope}`);
  return result(g > 0.1 * g0 ? `is slow: ${where}, still far from the minimum (${slope})` : `has not converged yet: ${where}, ${slope}`);
}

function fixed(x: number): string {
  const s = Math.abs(x) < 1e6 ? x.toFixed(3) : formatNumber(x);
  return s === '-0.000' ? '0.000' : s;
}
