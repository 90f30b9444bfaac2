import type { Verdict } from '../grading/index.js';
import type { Landscape } from './labs.js';

/**
 * Grades the mini-project's description of a loss curve's minimum against what the plot shows:
 * where it is (an x near the lowest point), its value (a number near the lowest loss), and whether it
 * is the only one. Pure; numbers are read from the text as written ("x = 2", "about -1.5").
 */
export function gradeMinimumDescription(text: string, l: Pick<Landscape, 'from' | 'to' | 'minima' | 'lowest'>): Verdict {
  const t = text.toLowerCase();
  const numbers = [...t.matchAll(/(?:minus\s+|−|-)?\d+(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/^(minus\s+|−)/, '-')));
  if (/\bzero\b/.test(t)) numbers.push(0);
  const low = l.lowest;
  if (!low) return { verdict: 'ungraded', score: 0, feedback: 'The curve has no defined point in this range, so there is no minimum to describe.' };
  const span = l.to - l.from;
  const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;
  if (!l.minima.length) return noMinimum(t, numbers, l, low, near);
  const ys = l.minima.map((m) => m.y);
  const ySpan = Math.max(1, ...ys.map((y) => Math.abs(y)), Math.abs(low.y));
  // Minima as low as the lowest but for rounding are global minima too (sin on -5..5 has two).
  const globals = l.minima.filter((m) => Math.abs(m.y - low.y) <= 1e-9 * Math.max(1, Math.abs(low.y)));
  const tied = globals.length > 1;
  const where = (tied ? globals : [low]).some((g) => numbers.some((n) => near(n, g.x, Math.max(0.25, span * 0.04))));
  const value = numbers.some((n) => near(n, low.y, Math.max(0.25, ySpan * 0.05)));
  const several = l.minima.length > 1;
  const saysMany = /\b(two|several|multiple|many|another|second|other)\b.*\b(minim|valley|dip)|\blocal minim|\bminima\b|\bvalleys\b/.test(t);
  const saysOne = /\b(only|single|unique|one)\b.*\b(minim|valley|dip|lowest|one\b)|\bglobal minim|\bno other\b/.test(t) && !saysMany;
  // Equally low minima may be told as such ("both", "another one just as low").
  const saysTie = /\bboth\b|\bequally\b|\bjust as low\b|\bas low as\b|\banother one\b|\bsame (loss|value|height|depth)\b/.test(t);
  const count = several ? saysMany || (tied && saysTie && !saysOne) : saysOne || (!saysMany && /\bglobal\b/.test(t));
  const found: string[] = [];
  const missing: string[] = [];
  (where ? found : missing).push(`where it is (x ≈ ${round(low.x)})`);
  (value ? found : missing).push(`its value (loss ≈ ${round(low.y)})`);
  (count ? found : missing).push(
    tied
      ? `that there is more than one minimum (${globals.length} equally low minima, ${globals.length === 2 ? 'both' : 'all'} global${l.minima.length > globals.length ? `, and ${l.minima.length - globals.length} higher` : ''})`
      : several ? `that there is more than one valley (${l.minima.length} minima; the lowest is the global one)` : 'that it is the only minimum',
  );
  // The other valley named instead of the lowest: say which one it is.
  const other = several && !tied && !where ? l.minima.slice(1).find((m) => numbers.some((n) => near(n, m.x, Math.max(0.25, span * 0.04)))) : undefined;
  if (other) found.push(`a local minimum (x ≈ ${round(other.x)}), not the lowest one`);
  const score = Math.min(found.length, 3) / 3;
  const verdict = found.length === 3 ? 'correct' : found.length >= 1 ? 'partial' : 'incorrect';
  const feedback = [
    found.length ? `You described ${found.join(', ')}.` : 'Your description does not yet say where the minimum is, how low it goes, or whether it is the only one.',
    other ? `x ≈ ${round(other.x)} is the other valley (loss ≈ ${round(other.y)}): a local minimum. Descent can stop there, but the lowest loss is at x ≈ ${round(low.x)}.` : '',
    missing.length ? `Still missing: ${missing.join('; ')}.` : '',
    `The plot shows: ` +
      (tied
        ? `${globals.length} equally low minima, ${globals.length === 2 ? 'both' : 'all'} global, with loss ≈ ${round(low.y)} at ${globals.map((g) => `x ≈ ${round(g.x)}`).join(' and ')}.`
        : `the lowest point at x ≈ ${round(low.x)} with loss ≈ ${round(low.y)}`) +
      (tied ? '' : several ? `, and ${l.minima.length - 1} other local minim${l.minima.length > 2 ? 'a' : 'um'} (${l.minima.slice(1).map((m) => `x ≈ ${round(m.x)}`).join(', ')}).` : l.minima.length === 1 ? ', the only minimum in the range.' : ' (at the edge of the range).'),
  ].filter(Boolean).join('\n');
  return { verdict, score, feedback, found, missing };
}

function round(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * No minimum inside the range (x³, a line): right is saying so ("no minimum", "keeps falling"), or
 * naming the lowest point at the edge as such.
 */
function noMinimum(
  t: string,
  numbers: number[],
  l: Pick<Landscape, 'from' | 'to'>,
  low: { x: number; y: number },
  near: (a: number, b: number, tol: number) => boolean,
): Verdict {
  const saysNone = /\bno (real |true |local |global |actual )?(minim|lowest|bottom)|\b(has|have|is) (not|n't|never) (a |any )?(minim|bottom)|\bwithout (a |any )?(minim|bottom)|unbounded|keeps? (falling|decreasing|going down|dropping)|goes down forever|never stops (falling|decreasing)|(falls|decreases|drops) (forever|without (end|bound|limit))|to (minus|negative) infinity|-\s*inf/.test(t);
  const span = l.to - l.from;
  const atEdge = numbers.some((n) => near(n, low.x, Math.max(0.25, span * 0.04))) && /\bedge|\bend\b|\bboundary|\blimit of the range/.test(t);
  const shows = `The plot shows no minimum inside the range: f keeps falling toward the edge, where the lowest point is x ≈ ${round(low.x)} (loss ≈ ${round(low.y)}).`;
  if (saysNone || atEdge) {
    return { verdict: 'correct', score: 1, feedback: `Correct: ${saysNone ? 'there is no minimum' : 'the lowest point is at the edge'}.\n${shows}`, found: ['that there is no minimum inside the range'], missing: [] };
  }
  return {
    verdict: 'incorrect',
    score: 0,
    feedback: `Look again: this curve has no valley in the range.\n${shows}`,
    found: [],
    missing: ['that there is no minimum inside the range'],
  };
}
