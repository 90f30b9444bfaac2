import { count, formatNumber as fmt } from '../math/format.js';
import { numericHessian, type F2 } from './field.js';
import { curvatureAt, type HessianAt } from './curvature.js';
import { axisWords } from './map-view.js';
import { point } from './words.js';

// Gradient descent on f(x, y), with or without momentum, and a verdict on each run in a teacher's
// words, read from what the run did (its points, values and gradients). Pure.

export type Vec = [number, number];

export interface Step2 { k: number; x: Vec; f: number; grad: Vec }

export type RunKind = 'converges' | 'zigzags' | 'diverges' | 'oscillates' | 'saddle' | 'plateau' | 'local-minimum' | 'slow' | 'domain' | 'not-yet';

export interface Run2 {
  expr: string;
  vars: readonly [string, string];
  lr: number;
  momentum: number;
  start: Vec;
  steps: Step2[];
  converged: boolean;
  diverged: boolean;
  oscillating: boolean;
  kind: RunKind;
  verdict: string;
}

export interface Descent2Options {
  start: Vec;
  lr: number;
  /** Heavy-ball momentum β in [0, 1): v ← β·v − lr·∇f, x ← x + v. 0 is plain descent. */
  momentum: number;
  steps: number;
  tol: number;
  /** The lowest minimum known in the region, to name a run that settles in another valley. */
  lowest?: { x: number; y: number; f: number };
  /** f's Hessian, from its symbolic second partials; central differences when not given. */
  hessian?: HessianAt;
}

export const DIVERGENCE_BOUND = 1e8;

/**
 * x_{k+1} = x_k + v_{k+1}, v_{k+1} = β·v_k − lr·∇f(x_k), from `start`, at most `steps` updates,
 * stopping when |∇f| < tol or when x, f or ∇f blow up.
 */
export function descend2(expr: string, vars: readonly [string, string], f: F2, grad: (x: number, y: number) => Vec, o: Descent2Options): Run2 {
  const steps: Step2[] = [];
  let x: Vec = [...o.start];
  let v: Vec = [0, 0];
  let blewUp = false;
  const bound = Math.max(DIVERGENCE_BOUND, 1e3 * Math.hypot(...o.start));
  const fBound = Math.max(DIVERGENCE_BOUND ** 2, 1e6 * Math.abs(f(...o.start)));
  for (let k = 0; ; k++) {
    const g = grad(x[0], x[1]);
    const step: Step2 = { k, x, f: f(x[0], x[1]), grad: g };
    steps.push(step);
    if (![step.f, ...g, ...x].every(Number.isFinite) || Math.hypot(...x) > bound || Math.abs(step.f) > fBound) {
      blewUp = true;
      break;
    }
    if (Math.hypot(...g) < o.tol || k >= o.steps) break;
    v = [o.momentum * v[0] - o.lr * g[0], o.momentum * v[1] - o.lr * g[1]];
    x = [x[0] + v[0], x[1] + v[1]];
  }
  const run = { expr, vars, lr: o.lr, momentum: o.momentum, start: o.start, steps };
  return { ...run, ...judge(steps, f, o, vars, blewUp) };
}

type Judgement = Pick<Run2, 'converged' | 'diverged' | 'oscillating' | 'kind' | 'verdict'>;

function judge(steps: Step2[], f: F2, o: Descent2Options, vars: readonly [string, string], blewUp: boolean): Judgement {
  const last = steps[steps.length - 1];
  const n = last.k;
  const name = `lr ${fmt(o.lr)}${o.momentum ? ` with momentum ${fmt(o.momentum)}` : ''}`;
  // Where a run stopped, to 4 digits; closer to 0 than the tolerance allows to tell apart reads as 0.
  const zero = Math.max(1e-9, 10 * o.tol) * Math.max(1, Math.hypot(...o.start));
  const where = (s: Step2) => point(s.x[0], s.x[1], 4, zero);
  const norm = (s: Step2) => Math.hypot(...s.grad);
  const g0 = norm(steps[0]);
  const h = 1e-4 * Math.max(1, Math.hypot(...o.start));
  const hessian = o.hessian ?? ((x: number, y: number) => numericHessian(f, x, y, h));
  // The Hessian's eigenvalues (l1 ≤ l2) and the eigenvector of the larger (the steep way) at p.
  const steepAt = (p: Vec) => {
    const c = curvatureAt(hessian(p[0], p[1]), p);
    const [[a, b], [, d]] = c.hessian;
    return { l1: c.values[0], l2: c.values[1], d: c.steep, flat: c.flat, det: a * d - b * b };
  };
  const result = (kind: RunKind, verdict: string, extra: Partial<Judgement> = {}): Judgement => ({ converged: false, diverged: false, oscillating: false, kind, verdict: `${name} ${verdict}`, ...extra });

  if (blewUp) {
    const finite = steps.filter((s) => [s.f, ...s.grad, ...s.x].every(Number.isFinite));
    const lastFinite = finite[finite.length - 1];
    if (lastFinite && Math.hypot(...last.x) <= DIVERGENCE_BOUND && last.x.every(Number.isFinite) && !Number.isFinite(last.f)) {
      return result('domain', `leaves the domain: f is undefined at ${where(last)}, reached after ${count(n, 'step')}`, { diverged: true });
    }
    return result('diverges', divergence(steps, steepAt(o.start), o, vars, n), { diverged: true });
  }
  // Growing steps and f above where it began, before the bound: diverging all the same.
  const moves = steps.slice(1).map((s, i) => Math.hypot(s.x[0] - steps[i].x[0], s.x[1] - steps[i].x[1]));
  const m = moves.slice(-3);
  if (m.length === 3 && m[1] > 1.0001 * m[0] && m[2] > 1.0001 * m[1] && last.f > steps[0].f) {
    return result('diverges', divergence(steps, steepAt(o.start), o, vars, n), { diverged: true });
  }
  // How often the gradient's component along the steep direction changes sign: a zigzag across the valley.
  const steep = steepAt(o.start);
  const across = steps.map((s) => s.grad[0] * steep.d[0] + s.grad[1] * steep.d[1]);
  const flips = across.slice(1).filter((a, i) => Math.sign(a) !== 0 && Math.sign(a) === -Math.sign(across[i])).length;
  const zigzag = steps.length >= 5 && flips >= 0.6 * (steps.length - 1);
  const recentFlips = across.slice(-6);
  const zigzagNow = recentFlips.length >= 5 && recentFlips.slice(1).every((a, i) => Math.sign(a) === -Math.sign(recentFlips[i]) && a !== 0);
  const valley = steep.l1 > 0 && steep.l2 > 3 * steep.l1 ? `the narrow valley (at the start, f curves ${fmt(steep.l2 / steep.l1, 4)}× more sharply across it, along ${axisWords(steep.d, vars)}, than along it: the Hessian's eigenvalues are ${fmt(steep.l2, 4)} and ${fmt(steep.l1, 4)})` : 'the minimum';

  if (norm(last) < o.tol) {
    const end = steepAt(last.x);
    const scale = Math.max(Math.abs(end.l1), Math.abs(end.l2));
    if (end.l1 < -1e-6 * Math.max(1, scale) && end.l2 > 1e-6 * Math.max(1, scale)) {
      return result('saddle', `stalls on a saddle point at ${where(last)} after ${count(n, 'step')}: the gradient is 0 there, but f falls along ${axisWords(end.flat, vars)} (the Hessian's eigenvalues there are ${fmt(end.l2, 4)} and ${fmt(end.l1, 4)}, of opposite signs): it is not a minimum (a start just off this line would roll away)`);
    }
    if (scale < 1e-6) {
      return result('plateau', `stalls on a plateau at ${where(last)} after ${count(n, 'step')}: the ground is flat (|∇f| < ${fmt(o.tol)}), which need not be a minimum`);
    }
    if (end.l2 < 0) return result('plateau', `stops at ${where(last)}, a maximum: the gradient is 0 there and f falls every way`);
    const low = o.lowest;
    if (low && last.f > low.f + 1e-6 * Math.max(1, Math.abs(low.f)) && Math.hypot(last.x[0] - low.x, last.x[1] - low.y) > 1e-3 * Math.max(1, Math.hypot(low.x, low.y))) {
      return result('local-minimum', `settles in a local minimum at ${where(last)} (f = ${fmt(last.f, 4)}) after ${count(n, 'step')}; the lowest point is ${point(low.x, low.y, 4)} (f = ${fmt(low.f, 4)}): where descent ends depends on where it starts`, { converged: true });
    }
    if (zigzag) return result('zigzags', `converges to ${where(last)} in ${count(n, 'step')}, zigzagging across ${valley}: each step overshoots ${valley === 'the minimum' ? 'it' : 'the valley floor'} and comes back`, { converged: true });
    return result('converges', `converges to ${where(last)} in ${count(n, 'step')} (f = ${fmt(last.f, 4)})`, { converged: true });
  }
  // A 2-cycle: back where it was two steps ago, not where it was one step ago.
  if (steps.length >= 4) {
    const [a, b, c] = steps.slice(-3).map((s) => s.x);
    const scale = Math.max(1, Math.hypot(...c));
    if (Math.hypot(c[0] - a[0], c[1] - a[1]) <= 1e-9 * scale && Math.hypot(c[0] - b[0], c[1] - b[1]) > 1e-9 * scale) {
      return result('oscillates', `oscillates between ${point(b[0], b[1], 4)} and ${point(c[0], c[1], 4)} without converging: each step jumps exactly across the valley`, { oscillating: true });
    }
  }
  const g = norm(last);
  const slope = `|∇f| from ${fmt(g0, 3)} to ${fmt(g, 3)}`;
  const after = `after ${count(n, 'step')} at ${where(last)}`;
  if (zigzagNow || zigzag) return result('zigzags', `zigzags across ${valley}: each step overshoots across it while creeping along it; ${after}, ${slope}`);
  const end = steepAt(last.x);
  if (g < 1e-2 * g0 && end.det < 0) return result('saddle', `stalls near a saddle point: ${after}, the gradient almost vanishes (${slope}) though f still falls along ${axisWords(end.flat, vars)}`);
  if (g < 1e-3 * Math.max(1, Math.abs(last.f)) && g0 < 1e-2 * Math.max(1, Math.abs(steps[0].f)) && Math.abs(last.f - steps[0].f) < 1e-3 * Math.max(1, Math.abs(steps[0].f))) {
    return result('plateau', `stalls on a plateau: the ground is almost flat (${slope}), so every step is tiny; ${after}`);
  }
  // Close: near the known lowest minimum, or else the gradient a thousandth of what it was (a
  // steep start, like Rosenbrock's wall, makes the second misleading: the first is asked first).
  const low = o.lowest;
  const close = low
    ? Math.hypot(last.x[0] - low.x, last.x[1] - low.y) < 1e-2 * Math.max(1, Math.hypot(low.x, low.y))
    : g < 1e-3 * g0;
  if (close) return result('not-yet', `is close but not converged: ${after}, ${slope} (tolerance ${fmt(o.tol)})`);
  // What is left of the gradient points along the valley floor (read where the run is, for a
  // valley that bends): the steep way is done, the flat way crawls.
  const flatDir: Vec = end.flat;
  const gAlong = Math.abs(last.grad[0] * flatDir[0] + last.grad[1] * flatDir[1]);
  if (end.l1 > 0 && end.l2 > 3 * end.l1 && gAlong > 0.9 * g) {
    const bends = Math.abs(end.d[0] * steep.d[0] + end.d[1] * steep.d[1]) < Math.cos(Math.PI / 9);
    return result('slow', `is slow along the ${bends ? 'curved ' : ''}valley floor: across the valley it has settled (what is left of the gradient points along the floor), but along the floor (${bends ? 'here ' : ''}${axisWords(flatDir, vars)}) each step is tiny: where the run ended, f curves ${fmt(end.l2 / end.l1, 4)}× less along the floor than across it (the Hessian's eigenvalues there are ${fmt(end.l2, 4)} and ${fmt(end.l1, 4)}); ${after}, ${slope}. A larger rate would overshoot across the valley; momentum helps here`);
  }
  if (!low && g < 1e-3 * g0) return result('not-yet', `is close but not converged: ${after}, ${slope} (tolerance ${fmt(o.tol)})`);
  return result(g > 0.1 * g0 ? 'slow' : 'not-yet', g > 0.1 * g0 ? `is slow: ${after}, still far from the minimum (${slope}); a larger rate or momentum would go faster` : `has not converged yet: ${after}, ${slope}`);
}

/** Which way a diverging run blew up, and the rate the steep direction allows. */
function divergence(steps: Step2[], steep: { l1: number; l2: number; d: Vec }, o: Descent2Options, vars: readonly [string, string], n: number): string {
  const s = steps.filter((p) => p.x.every(Number.isFinite) && Number.isFinite(p.f));
  const a = s[0];
  const b = s[s.length - 1];
  // The last moves, split along the steep direction and across it.
  const flat: Vec = [-steep.d[1], steep.d[0]];
  const move = (i: number) => [s[i].x[0] - s[i - 1].x[0], s[i].x[1] - s[i - 1].x[1]];
  const dot = (u: number[], w: Vec) => Math.abs(u[0] * w[0] + u[1] * w[1]);
  const k = s.length - 1;
  const growsAcross = k >= 1 && dot(move(k), steep.d) > dot(move(k), flat);
  const factor = k >= 2 ? dot(move(k), steep.d) / Math.max(1e-300, dot(move(k - 1), steep.d)) : NaN;
  const limit = steep.l2 > 0 ? (2 * (1 + o.momentum)) / steep.l2 : NaN;
  const axis = axisWords(steep.d, vars);
  const why = Number.isFinite(limit) ? `: at the start, along ${axis} f curves by ${fmt(steep.l2, 3)}, and a rate above 2${o.momentum ? `(1 + β)` : ''}/${fmt(steep.l2, 3)} = ${fmt(limit, 3)} overshoots further at every step` : '';
  const grows = Number.isFinite(factor) && factor > 1 ? ` (×${fmt(factor, 3)} per step)` : '';
  if (growsAcross && steep.l1 > 0 && steep.l2 > 1.5 * steep.l1) {
    return `diverges along the steep axis ${axis}: each step lands farther up the other wall${grows}, from ${point(a.x[0], a.x[1], 3)} to ${point(b.x[0], b.x[1], 3)} in ${count(n, 'step')}${why}`;
  }
  return `diverges: |${vars[0]}, ${vars[1]}| or f blew up after ${count(n, 'step')}${grows}${why}`;
}
