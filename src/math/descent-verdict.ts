import { count, formatNumber } from './format.js';

// What a gradient-descent run did, named the way a teacher would, read from the run itself: its x and
// f sequences (and f and f′ near where it went), not from which rule stopped it. Pure.

export interface Step { k: number; x: number; f: number; grad: number }

/** Why the loop stopped: |f′| under the tolerance, out of steps, f or f′ undefined, or past the bound. */
export type Stop = 'tol' | 'steps' | 'undefined' | 'bound';

/**
 * What the run did: `converged` (to a minimum, or for ascent a maximum), `corner` (reached a corner of f
 * where f′ is undefined, and f is lowest there), `stalled` (f′ ≈ 0 somewhere that is not a bottom),
 * `leaves-domain`, `no-bottom` (runs off downhill for ever), `diverged` (each step overshoots further),
 * `cycle` (a repeating pattern), `bouncing` (bounded, aperiodic, in one valley), `chaotic` (jumps
 * between valleys), `close`, `zigzag`, `downhill`, `slow`, `not-yet`.
 */
export type Behaviour =
  | 'converged' | 'corner' | 'stalled' | 'leaves-domain' | 'no-bottom' | 'diverged' | 'cycle' | 'bouncing' | 'chaotic'
  | 'close' | 'zigzag' | 'downhill' | 'slow' | 'not-yet';

export interface Judgement {
  converged: boolean;
  diverged: boolean;
  oscillating: boolean;
  behaviour: Behaviour;
  verdict: string;
}

export interface RunContext {
  lr: number;
  tol: number;
  stop: Stop;
  f: (x: number) => number;
  df: (x: number) => number;
}

/** Words that turn round for gradient ascent (a negative rate): it climbs to a maximum. */
interface Words { min: string; max: string; down: string; falls: string; fell: string; lowest: string; lower: string; sign: 1 | -1 }
const DESCENT: Words = { min: 'minimum', max: 'maximum', down: 'downhill', falls: 'falls', fell: 'fell', lowest: 'lowest', lower: 'lower', sign: 1 };
const ASCENT: Words = { min: 'maximum', max: 'minimum', down: 'uphill', falls: 'rises', fell: 'rose', lowest: 'highest', lower: 'higher', sign: -1 };

/**
 * Names a run. Gradient ascent (lr < 0) is descent on −f with rate |lr|: it is judged that way, and
 * told in ascent's words (climbs, a maximum).
 */
export function judgeRun(steps: readonly Step[], c: RunContext): Judgement {
  const w = c.lr < 0 ? ASCENT : DESCENT;
  // h = ±f, the function this run descends; its values are shown as f's (w.sign · h).
  const h = (x: number) => w.sign * c.f(x);
  const dh = (x: number) => w.sign * c.df(x);
  const hs = steps.map((s) => ({ k: s.k, x: s.x, f: w.sign * s.f, grad: w.sign * s.grad }));
  const j = judge(hs, { ...c, lr: Math.abs(c.lr), f: h, df: dh }, w);
  const name = `lr ${formatNumber(c.lr)}`;
  const lead = c.lr < 0 ? `${name} is gradient ascent (a negative rate steps uphill, along +f′): it` : name;
  return { ...j, verdict: `${lead} ${j.verdict}` };
}

type Verdict = Omit<Judgement, 'verdict'> & { verdict: string };
const result = (behaviour: Behaviour, verdict: string, flags: Partial<Judgement> = {}): Verdict => ({
  converged: false, diverged: false, oscillating: false, behaviour, verdict, ...flags,
});

function judge(steps: readonly Step[], c: RunContext, w: Words): Verdict {
  const last = steps[steps.length - 1];
  const n = last.k;
  const show = (v: number, d = 6) => formatNumber(w.sign * v, d); // an f value as f, not as h
  const move = (i: number) => Math.abs(steps[i].x - steps[i - 1].x);
  const growth = steps.length >= 3 ? move(steps.length - 1) / move(steps.length - 2) : NaN;
  // Digits enough that a factor just over 1 does not read as ×1 (x² at lr 1.0001 grows ×1.0002).
  const factor = (g: number) => formatNumber(g, g < 1.1 ? 5 : 3);
  // A growth that itself grows (x⁴: ×18, then ×12700) is no factor per step: said as it is.
  const before = steps.length >= 4 ? move(steps.length - 2) / move(steps.length - 3) : NaN;
  const faster = Number.isFinite(before) && before > 1 && growth > 1.5 * before;
  const grows = !(Number.isFinite(growth) && growth > 1) ? '' : faster ? ` (|x| grows faster each step: ×${factor(before)}, then ×${factor(growth)})` : ` (|x| grows ×${factor(growth)} per step)`;

  if (c.stop === 'undefined') {
    const x = last.x;
    if (Number.isFinite(last.f)) {
      // f is defined but f′ is not: a corner (abs(x) at 0) or a cusp. Reaching the bottom of a corner is a minimum.
      const d = 1e-6 * Math.max(1, Math.abs(x));
      const [l, r] = [c.f(x - d), c.f(x + d)];
      if (l >= last.f && r >= last.f) {
        return result('corner', `reaches x = ${fixed(x)} in ${count(n, 'step')}, the ${w.min} (f = ${show(last.f, 4)}): a corner of f, where f′ is undefined, so descent stops there`, { converged: true });
      }
      return result('stalled', `stops after ${count(n, 'step')} at x = ${formatNumber(x)}, where f′ is undefined (a corner or cusp of f) and f is ${w.lower} nearby: not a ${w.min}`);
    }
    return result('leaves-domain', `leaves the domain: f or f′ is undefined at x = ${formatNumber(x)}, reached after ${count(n, 'step')}`);
  }

  if (c.stop === 'bound') {
    // Every step the same way and f lower than at the start: not a rate too large, but a function with
    // no bottom that way (x³ heading left); a smaller rate would only fall more slowly.
    const finite = steps.filter((s) => Number.isFinite(s.f) && Number.isFinite(s.grad));
    const lastF = finite[finite.length - 1]?.f;
    const oneWay = finite.every((s) => Math.sign(s.grad) === Math.sign(finite[0].grad));
    if (oneWay && lastF !== undefined && lastF < steps[0].f) {
      return result('no-bottom', `runs ${w.down} without end: f ${w.fell} to ${show(lastF, 3)} in ${count(n, 'step')} and keeps ${w.falls === 'falls' ? 'falling' : 'rising'}, so f has no ${w.min} this way (a smaller rate only ${w.falls === 'falls' ? 'falls' : 'climbs'} more slowly)`, { diverged: true });
    }
    return result('diverged', `diverges: |x| or |f(x)| blew up after ${count(n, 'step')}${grows}`, { diverged: true });
  }

  // |f′| under the tolerance, or exactly 0 with a tolerance of 0 (the run then stands still).
  if (c.stop === 'tol' || last.grad === 0) return bottom(steps, c, w);

  // Out of steps: what was it doing?
  const moves = steps.length >= 4 ? [3, 2, 1].map((back) => move(steps.length - back)) : [];
  if (moves.length && moves[1] > 1.0001 * moves[0] && moves[2] > 1.0001 * moves[1] && last.f > steps[0].f) {
    return result('diverged', `diverges: |x| grows ×${factor(growth)} per step`, { diverged: true });
  }
  const cycle = cycleOf(steps.map((s) => s.x));
  if (cycle) {
    const scale = Math.max(...cycle.map(Math.abs));
    // Rounding noise next to a real value reads as 0 (abs(x): between -0.1 and 1.5e-15).
    const shown = (v: number) => formatNumber(Math.abs(v) < 1e-9 * scale ? 0 : v);
    const sorted = [...cycle].sort((a, b) => a - b);
    if (cycle.length === 2) return result('cycle', `oscillates between ${shown(sorted[0])} and ${shown(sorted[1])} without converging`, { oscillating: true });
    return result('cycle', `settles into a cycle of ${cycle.length} points (x = ${sorted.map((v) => shown(v)).join(', ')}) and repeats it without converging`, { oscillating: true });
  }
  const tail = steps.slice(Math.floor(steps.length / 2));
  if (tail.length >= 8) {
    const crossings = hillsCrossed(tail, c.f);
    if (crossings >= Math.max(3, 0.25 * (tail.length - 1))) {
      const xs = tail.map((s) => s.x);
      const longest = Math.max(...tail.slice(1).map((s, i) => Math.abs(s.x - tail[i].x)));
      return result(
        'chaotic',
        `jumps between valleys: ${crossings} of its last ${count(tail.length - 1, 'step')} cross a hill into another valley, so it never settles (x wanders from ${formatNumber(Math.min(...xs), 3)} to ${formatNumber(Math.max(...xs), 3)}); steps up to ${formatNumber(longest, 3)} long are wider than a valley: ${settleRate(tail, c)}`,
      );
    }
    const bounce = bouncing(tail, c, w);
    if (bounce) return bounce;
  }

  const g0 = Math.abs(steps[0].grad);
  const g = Math.abs(last.grad);
  const slope = `|f′| down from ${formatNumber(g0, 3)} to ${formatNumber(g, 3)}`;
  const where = `after ${count(n, 'step')} x = ${formatNumber(last.x, 3)}`;
  // The sign of f′ flips at every recent step: each step jumps over the minimum (lr 0.9 on x²).
  const flips = steps.length >= 4 && steps.slice(-4).every((s, i, a) => i === 0 || Math.sign(s.grad) === -Math.sign(a[i - 1].grad));
  if (g < 1e-3 * Math.max(1e-12, g0)) {
    return result('close', `is close but not converged${flips ? `, zigzagging across the ${w.min}` : ''}: ${where}, |f′(x)| = ${formatNumber(g, 2)} (tolerance ${formatNumber(c.tol)})`);
  }
  // f keeps falling and the slope is no gentler than at the start: nothing says a bottom is near
  // (f = −x, or x³ heading left). A slope that merely shrinks slowly is a slow run, below.
  if (g >= g0 * (1 - 1e-9) && last.f < steps[0].f) {
    return result('downhill', `keeps going ${w.down} and the slope is not getting gentler: ${where}, f′ = ${formatNumber(w.sign * last.grad, 3)}; f may have no ${w.min} this way`);
  }
  if (flips) return result('zigzag', `zigzags across the ${w.min}, each step overshooting, and closes in slowly: ${where}, ${slope}`);
  return g > 0.1 * g0
    ? result('slow', `is slow: ${where}, still far from the ${w.min} (${slope})`)
    : result('not-yet', `has not converged yet: ${where}, ${slope}`);
}

/**
 * f′ ≈ 0 where descent stopped, but is it a bottom? Looked at from a little way to each side: level on
 * both (a flat stretch), lower on one (a plateau's edge, a saddle, a slope too gentle to follow) or
 * lower on both (a maximum) is not. Descent stalls on all of these: worth saying so.
 */
function bottom(steps: readonly Step[], c: RunContext, w: Words): Verdict {
  const last = steps[steps.length - 1];
  const n = last.k;
  const d = 1e-3 * Math.max(1, Math.abs(last.x));
  const [l, r] = [c.f(last.x - d), c.f(last.x + d)];
  const tiny = 1e-12 * Math.max(1, Math.abs(last.f));
  const lower = [l < last.f - tiny ? 'left' : '', r < last.f - tiny ? 'right' : ''].filter(Boolean);
  const level = Math.abs(l - last.f) <= tiny && Math.abs(r - last.f) <= tiny;
  const at = `x = ${formatNumber(last.x, 4)}`;
  const stops = n === 0 ? 'cannot move' : `stalls after ${count(n, 'step')}`;
  if (lower.length === 2) return result('stalled', `stops at ${at}, a ${w.max}: f′ = 0 there and f ${w.falls} on both sides`);
  if (lower.length === 1) {
    return result('stalled', `${stops}: at ${at} the slope is almost flat (|f′| < ${formatNumber(c.tol)}) yet f ${w.falls} to the ${lower[0]}: a plateau, a saddle or a very gentle slope, not a ${w.min}`);
  }
  if (level) return result('stalled', `${stops}: at ${at} f is flat (f′ = 0), which need not be a ${w.min}`);
  const to = w.sign === 1 ? '' : `the ${w.min} at `;
  return result('converged', `converges to ${to}x = ${fixed(last.x)} in ${count(n, 'step')}`, { converged: true });
}

/**
 * The repeating points at the end of `xs`, when its last values repeat with a period of 2 to 8
 * (x² at lr 1: 3, −3, 3, −3); null when they do not, or when the run has settled on one point.
 */
export function cycleOf(xs: readonly number[]): number[] | null {
  for (let p = 2; p <= 8; p++) {
    if (xs.length < 2 * p + 1) break;
    const end = xs.slice(-p);
    const scale = Math.max(1, ...end.map(Math.abs));
    const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * scale;
    // The last 2p + 1 values p-periodic: the pattern seen twice, and returning to where it began.
    let repeats = true;
    for (let i = xs.length - 1; i >= xs.length - p - 1 && repeats; i--) repeats = same(xs[i], xs[i - p]);
    if (!repeats) continue;
    // A smaller period would have been found first; all points equal is a fixed point, not a cycle.
    if (end.every((v) => same(v, end[0]))) return null;
    return end;
  }
  return null;
}

/**
 * How many steps of the run cross a hill: somewhere between x_k and x_{k+1}, f rises above both ends
 * by more than a thousandth of the range of f the run saw. A step into another valley does.
 */
export function hillsCrossed(steps: readonly Step[], f: (x: number) => number): number {
  const fs = steps.map((s) => s.f).filter(Number.isFinite);
  const span = Math.max(...fs) - Math.min(...fs);
  const margin = 1e-3 * span + 1e-9 * Math.max(1, ...fs.map(Math.abs));
  let crossed = 0;
  for (let i = 1; i < steps.length; i++) {
    const [a, b] = [steps[i - 1], steps[i]];
    const top = Math.max(a.f, b.f) + margin;
    for (let k = 1; k < 24; k++) {
      if (f(a.x + ((b.x - a.x) * k) / 24) > top) {
        crossed++;
        break;
      }
    }
  }
  return crossed;
}

/**
 * Bounded, not repeating, not closing in: the run bounces around a minimum it overshoots each time.
 * Named with the minimum it bounces around and the curvature there: lr·f″ > 2 makes every step
 * overshoot by more than it gains, and rates below 2/f″ settle there.
 */
function bouncing(tail: readonly Step[], c: RunContext, w: Words): Verdict | null {
  const q = Math.max(2, Math.floor(tail.length / 4));
  const first = tail.slice(0, q);
  const end = tail.slice(-q);
  const meanGrad = (ss: readonly Step[]) => ss.reduce((t, s) => t + Math.abs(s.grad), 0) / ss.length;
  // Closing in (even slowly) is not bouncing: the slope then shrinks at (nearly) every step, as on x²
  // at lr 0.999; a bounce's slope grows again at many steps.
  if (meanGrad(end) < 0.5 * meanGrad(first)) return null;
  const grew = tail.slice(1).filter((s, i) => Math.abs(s.grad) > Math.abs(tail[i].grad) * (1 + 1e-9)).length;
  if (grew < 0.2 * (tail.length - 1)) return null;
  const xs = tail.map((s) => s.x);
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const spread = (ss: readonly Step[]) => Math.max(...ss.map((s) => s.x)) - Math.min(...ss.map((s) => s.x));
  // Going away is divergence, not bouncing; each step must also turn back (f′ changes sign often).
  if (spread(end) > 2 * spread(first) + 1e-12) return null;
  const turns = tail.slice(1).filter((s, i) => Math.sign(s.grad) === -Math.sign(tail[i].grad)).length;
  if (turns < 0.3 * (tail.length - 1)) return null;
  const centre = lowestBetween(c.f, lo, hi);
  const hh = 1e-4 * Math.max(1, Math.abs(centre));
  const curvature = (c.df(centre + hh) - c.df(centre - hh)) / (2 * hh);
  const fs = tail.map((s) => w.sign * s.f);
  // Rounding noise next to the spread reads as 0 (x² bounces around 0, found as -9e-14).
  const at = Math.abs(centre) < 1e-9 * (hi - lo) ? 0 : centre;
  const around = `around the ${w.min} near x ≈ ${formatNumber(at, 3)}`;
  const kick = Number.isFinite(curvature) && curvature > 0 && c.lr * curvature > 2
    ? `: there lr·f″ ≈ ${formatNumber(c.lr * curvature, 3)}, above 2, so every step overshoots the ${w.min} by more than it gains; rates below ${formatNumber(floorTo2(2 / curvature))} settle there`
    : ` (x between ${formatNumber(lo, 3)} and ${formatNumber(hi, 3)})`;
  return {
    converged: false, diverged: false, oscillating: true, behaviour: 'bouncing',
    verdict: `bounces ${around} without settling, f between ${formatNumber(Math.min(...fs), 3)} and ${formatNumber(Math.max(...fs), 3)}${kick}`,
  };
}

/** The x of the lowest value of f between lo and hi: sampled, then refined by golden-section search. */
function lowestBetween(f: (x: number) => number, lo: number, hi: number): number {
  const n = 200;
  let best = lo;
  let bestY = f(lo);
  for (let i = 1; i <= n; i++) {
    const x = lo + ((hi - lo) * i) / n;
    const y = f(x);
    if (y < bestY) [best, bestY] = [x, y];
  }
  let [a, b] = [Math.max(lo, best - (hi - lo) / n), Math.min(hi, best + (hi - lo) / n)];
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 60 && b - a > 1e-12 * Math.max(1, Math.abs(a)); k++) {
    const x1 = b - g * (b - a);
    const x2 = a + g * (b - a);
    if (!(f(x1) >= f(x2))) b = x2;
    else a = x1;
  }
  return (a + b) / 2;
}

function fixed(x: number): string {
  const s = Math.abs(x) < 1e6 ? x.toFixed(3) : formatNumber(x);
  return s === '-0.000' ? '0.000' : s;
}

/** Two significant digits, rounded down: a rate 'below 0.14' must be below 2/f″ = 0.145, not 0.15. */
function floorTo2(v: number): number {
  const p = 10 ** (Math.floor(Math.log10(v)) - 1);
  return Math.floor(v / p) * p;
}

/**
 * What rate would settle, said from the valley floor nearest the run's lowest point: descent settles
 * where lr·f″ < 2 (sin's floors have f″ = 1, so rates below 2).
 */
function settleRate(tail: readonly Step[], c: RunContext): string {
  const best = tail.reduce((b, s) => (s.f < b.f ? s : b), tail[0]);
  const reach = Math.max(...tail.slice(1).map((s, i) => Math.abs(s.x - tail[i].x))) / 4;
  const floor = lowestBetween(c.f, best.x - reach, best.x + reach);
  const h = 1e-4 * Math.max(1, Math.abs(floor));
  const curvature = (c.df(floor + h) - c.df(floor - h)) / (2 * h);
  if (!(Number.isFinite(curvature) && curvature > 0)) return 'try a much smaller rate';
  return `f″ ≈ ${formatNumber(curvature, 2)} at the floor of the valley near x ≈ ${formatNumber(floor, 3)}, so rates below ${formatNumber(floorTo2(2 / curvature))} settle in a valley`;
}
