import { judgeRun, type Behaviour, type Step, type Stop } from './descent-verdict.js';

export type { Step } from './descent-verdict.js';

export interface Run {
  expr: string;
  lr: number;
  start: number;
  steps: Step[];
  converged: boolean;
  diverged: boolean;
  oscillating: boolean;
  /** What the run did, in one word (see descent-verdict.ts). */
  behaviour: Behaviour;
  verdict: string;
}

export interface DescentOptions { start: number; lr: number; steps: number; tol: number }

/** Past this |x| (or 1000 times the start's), a run is stopped as diverged: no minimum of a lesson's function lies out there. */
export const DIVERGENCE_BOUND = 1e8;

/**
 * Gradient descent x_{k+1} = x_k − lr·f′(x_k) from `start`, for at most `steps` updates, stopping
 * early when |f′(x)| < tol (tol 0 runs every step), when f or f′ is undefined, or when x or f blows
 * up. A negative rate climbs (gradient ascent). The run is then named from what it did (judgeRun).
 */
export function descend(
  expr: string,
  f: (x: number) => number,
  df: (x: number) => number,
  o: DescentOptions,
): Run {
  const steps: Step[] = [];
  let x = o.start;
  let stop: Stop = 'steps';
  const xBound = Math.max(DIVERGENCE_BOUND, 1e3 * Math.abs(o.start));
  const fBound = Math.max(DIVERGENCE_BOUND ** 2, 1e6 * Math.abs(f(o.start)));
  for (let k = 0; ; k++) {
    const step = { k, x, f: f(x), grad: df(x) };
    steps.push(step);
    if (!Number.isFinite(x) || Math.abs(x) > xBound || Math.abs(step.f) > fBound || Math.abs(step.grad) > 1e300) {
      stop = 'bound';
      break;
    }
    if (!Number.isFinite(step.f) || !Number.isFinite(step.grad)) {
      // Undefined here, or only too large to hold (exp(x) past 709 reads as undefined too).
      stop = overflowsOnTheWay(f, df, steps[k - 1]?.x, x) ? 'bound' : 'undefined';
      break;
    }
    if (Math.abs(step.grad) < o.tol) {
      stop = 'tol';
      break;
    }
    if (k >= o.steps) break;
    x = x - o.lr * step.grad;
  }
  return { expr, lr: o.lr, start: o.start, steps, ...judgeRun(steps, { lr: o.lr, tol: o.tol, stop, f, df }) };
}

/**
 * Whether f or f′ grows past ±1e250 on the way from `from` to `to`: the engine reads an overflow
 * (exp(800)) as undefined, like log(−1), but a run that got there blew up, it did not leave the domain.
 */
function overflowsOnTheWay(f: (x: number) => number, df: (x: number) => number, from: number | undefined, to: number): boolean {
  if (from === undefined) return false;
  for (let i = 1; i <= 32; i++) {
    const x = from + ((to - from) * i) / 32;
    if (Math.abs(f(x)) > 1e250 || Math.abs(df(x)) > 1e250) return true;
  }
  return false;
}
