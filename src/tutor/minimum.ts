import type { Verdict } from '../grading/index.js';
import type { Landscape } from './labs.js';
import { countWords } from '../landscape/count-words.js';

/**
 * Grades the mini-project's description of a loss curve's minimum against what the plot shows:
 * where it is (an x near the lowest point), its value (a number near the lowest loss), and whether it
 * is the only one. Pure; numbers are read from the text as written ("x = 2", "about -1.5").
 */
const N = String.raw`(?:minus\s+|−|-)?\d+(?:\.\d+)?`;
const num = (s: string) => Number(s.replace(/^(minus\s+|−)/, '-'));
/** Where the text puts the minimum: "x = 1.35", "x ≈ 2", "at 1.35", "near x = 2", "around -1.5". */
const X_CLAIM = new RegExp(String.raw`\bx\s*(?:=|≈|~|\bis\b|\bof\b|\bequals\b|\s)+\s*(?:about\s+|around\s+|roughly\s+)?(${N})|\b(?:at|near|around)\s+(?:x\s*(?:=|≈|~)?\s*)?(?:about\s+|around\s+|roughly\s+)?(${N})`, 'g');
/** What it says the loss is there: "loss -2.6", "a loss of 3", "f = 1", "the value is about 0". */
const Y_CLAIM = new RegExp(String.raw`\b(?:loss|value|f\(x\)|f|y|height|cost|error|depth)\s*(?:=|≈|~|:|\bis\b|\bof\b|\bequals\b|\bonly\b|\breaches\b|\bgets (?:down )?to\b|\b(?:drops|falls|goes) (?:down )?to\b|\bdown to\b|\bthere\b|\s)*\s*(?:about\s+|around\s+|roughly\s+|approximately\s+)?(${N})`, 'g');

/**
 * Grades the mini-project's description of a loss curve's minimum against what the plot shows:
 * where it is (an x near the lowest point), its value (a number near the lowest loss), and whether it
 * is the only one. Pure; numbers are read from the text as written ("x = 2", "about -1.5").
 * Each claim is right, not made, or made and false ("x = 1.35" for the local valley, "the only one"
 * of two): a description with no claim right, or more false than right, is not accepted, and each
 * false claim is named with what the plot shows instead.
 */
export function gradeMinimumDescription(text: string, l: Pick<Landscape, 'from' | 'to' | 'minima' | 'lowest'> & Partial<Pick<Landscape, 'none'>>): Verdict {
  const t = text.toLowerCase();
  const numbers = [...t.matchAll(new RegExp(N, 'g'))].map((m) => num(m[0]));
  if (/\bzero\b/.test(t)) numbers.push(0);
  const low = l.lowest;
  if (!low) return { verdict: 'ungraded', score: 0, feedback: 'The curve has no defined point in this range, so there is no minimum to describe.' };
  const span = l.to - l.from;
  const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;
  if (!l.minima.length) return noMinimum(t, numbers, l, low, near);
  const ys = l.minima.map((m) => m.y);
  const ySpan = Math.max(1, ...ys.map((y) => Math.abs(y)), Math.abs(low.y));
  const xTol = Math.max(0.25, span * 0.04);
  const yTol = Math.max(0.25, ySpan * 0.05);
  // Minima as low as the lowest but for rounding are global minima too (sin on -5..5 has two).
  const globals = l.minima.filter((m) => Math.abs(m.y - low.y) <= 1e-9 * Math.max(1, Math.abs(low.y)));
  const tied = globals.length > 1;
  const xClaims = [...t.matchAll(X_CLAIM)].map((m) => num(m[1] ?? m[2]));
  const yClaims = [...t.matchAll(Y_CLAIM)].map((m) => num(m[1]));
  const atGlobal = (n: number) => (tied ? globals : [low]).some((g) => near(n, g.x, xTol));
  // Said where: an x of a global minimum among the places it names (any number, when it names none).
  const where = (xClaims.length ? xClaims : numbers).some(atGlobal);
  const value = (yClaims.length ? yClaims : numbers).some((n) => near(n, low.y, yTol));
  const several = l.minima.length > 1;
  const { many: saysMany, one: saysOne } = countWords(t);
  // Equally low minima may be told as such ("both", "another one just as low").
  const saysTie = /\bboth\b|\bequally\b|\bjust as low\b|\bas low as\b|\banother one\b|\bsame (loss|value|height|depth)\b/.test(t);
  const count = several ? saysMany || (tied && saysTie && !saysOne) : saysOne || (!saysMany && /\bglobal\b/.test(t));
  const found: string[] = [];
  const missing: string[] = [];
  const wrong: string[] = [];
  (where ? found : missing).push(`where it is (x ≈ ${round(low.x)})`);
  (value ? found : missing).push(`its value (loss ≈ ${round(low.y)})`);
  (count ? found : missing).push(
    tied
      ? `that there is more than one minimum (${globals.length} equally low minima, ${globals.length === 2 ? 'both' : 'all'} global${l.minima.length > globals.length ? `, and ${l.minima.length - globals.length} higher` : ''})`
      : several ? `that there is more than one valley (${l.minima.length} minima; the lowest is the global one)` : 'that it is the only minimum',
  );
  // The claims made and false: a place that is not the lowest, a loss that is not the lowest, the wrong count.
  const localAt = (n: number) => (several && !tied ? l.minima.filter((m) => !globals.includes(m)).find((m) => near(n, m.x, xTol)) : undefined);
  const other = !where ? xClaims.map(localAt).find(Boolean) ?? (!xClaims.length ? numbers.map(localAt).find(Boolean) : undefined) : undefined;
  if (!where && other) wrong.push(`x ≈ ${round(other.x)} is the other valley, a local minimum: the lowest point is at x ≈ ${round(low.x)}`);
  else if (!where && xClaims.length) wrong.push(`x = ${round(xClaims[0])} is not where the minimum is: it is at x ≈ ${round(low.x)}`);
  if (!value && yClaims.length) {
    const said = yClaims[0];
    const localLoss = l.minima.find((m) => !globals.includes(m) && near(said, m.y, yTol));
    wrong.push(localLoss ? `a loss of ${round(said)} is the local minimum's, not the lowest: the lowest loss is ≈ ${round(low.y)}` : `a loss of ${round(said)} is not the lowest: the lowest loss is ≈ ${round(low.y)}`);
  }
  if (several && saysOne) wrong.push(`it is not the only minimum: there are ${l.minima.length}`);
  if (!several && saysMany) wrong.push('there is only one minimum, not several');
  const rejected = !found.length || wrong.length > found.length;
  const score = rejected ? 0 : Math.min(found.length, 3) / 3;
  const verdict = found.length === 3 && !wrong.length ? 'correct' : rejected ? 'incorrect' : 'partial';
  // "Still missing" is what was not said at all; what was said wrongly is named as such.
  const unsaid = missing.filter((m) => !wrongAbout(m, wrong));
  const feedback = [
    found.length ? `You described ${found.join(', ')}.` : wrong.length ? '' : 'Your description does not yet say where the minimum is, how low it goes, or whether it is the only one.',
    wrong.length ? ['Not so:', ...wrong.map((w) => `- ${w}.`)].join('\n') : '',
    unsaid.length ? `Still missing: ${unsaid.join('; ')}.` : '',
    `The plot shows: ` +
      (tied
        ? `${globals.length} equally low minima, ${globals.length === 2 ? 'both' : 'all'} global, with loss ≈ ${round(low.y)} at ${globals.map((g) => `x ≈ ${round(g.x)}`).join(' and ')}.`
        : `the lowest point at x ≈ ${round(low.x)} with loss ≈ ${round(low.y)}`) +
      (tied ? '' : several ? `, and ${l.minima.length - 1} other local minim${l.minima.length > 2 ? 'a' : 'um'} (${l.minima.slice(1).map((m) => `x ≈ ${round(m.x)}`).join(', ')}).` : l.minima.length === 1 ? ', the only minimum in the range.' : ' (at the edge of the range).'),
  ].filter(Boolean).join('\n');
  return { verdict, score, feedback, found, missing };
}

/** Whether a missing claim ("where it is …", "its value …", "that …") is one the text made wrongly. */
function wrongAbout(missing: string, wrong: string[]): boolean {
  const kind = missing.startsWith('where') ? /^x [=≈]/ : missing.startsWith('its value') ? /^a loss of/ : /only/;
  return wrong.some((w) => kind.test(w));
}

function round(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A constant loss: right is saying it is flat or constant, or that no point is its single minimum. */
function constant(t: string, value: number): Verdict {
  const shows = `The plot shows a constant: the loss is ${round(value)} for every x, so every point is as low as any other and none is its single minimum.`;
  const says = /\b(constant|flat|level|horizontal|the same (everywhere|for every|at every|for all)|never changes|does ?n[o']t change|no (single|unique|one) minim|every (point|x) is (a |the )?minim)/.test(t);
  // "No minimum" alone is half of it: nothing is lower, but every point is as low as the lowest.
  const none = /\bno minim|\bhas no (lowest|bottom)/.test(t);
  return says
    ? { verdict: 'correct', score: 1, feedback: `Correct: the loss is constant.\n${shows}`, found: ['that the loss is constant, with no single minimum'], missing: [] }
    : none
    ? { verdict: 'partial', score: 0.5, feedback: `Partly: no point is lower than the others, but that is because the loss is constant.\n${shows}`, found: ['that no point is its single minimum'], missing: ['that the loss is constant'] }
    : { verdict: 'incorrect', score: 0, feedback: `Look again: this curve is flat.\n${shows}`, found: [], missing: ['that the loss is constant, with no single minimum'] };
}

/**
 * No minimum inside the range (x³, a line): right is saying so ("no minimum", "keeps falling"), or
 * naming the lowest point at the edge as such.
 */
function noMinimum(
  t: string,
  numbers: number[],
  l: Pick<Landscape, 'from' | 'to'> & Partial<Pick<Landscape, 'none'>>,
  low: { x: number; y: number },
  near: (a: number, b: number, tol: number) => boolean,
): Verdict {
  const saysNone = /\bno (real |true |local |global |actual )?(minim|lowest|bottom)|\b(has|have|is) (not|n't|never) (a |any )?(minim|bottom)|\bwithout (a |any )?(minim|bottom)|unbounded|keeps? (falling|decreasing|going down|dropping)|goes down forever|never stops (falling|decreasing)|(falls|decreases|drops) (forever|without (end|bound|limit))|to (minus|negative) infinity|-\s*inf/.test(t);
  const span = l.to - l.from;
  const atEdge = numbers.some((n) => near(n, low.x, Math.max(0.25, span * 0.04))) && /\bedge|\bend\b|\bboundary|\blimit of the range/.test(t);
  // What the plot shows instead of a valley: a constant is as low everywhere, a pole falls without
  // bound into a gap; else f keeps falling toward an edge.
  if (l.none?.kind === 'constant') return constant(t, l.none.value);
  const shows = l.none?.kind === 'pole'
    ? `The plot shows no minimum: f falls without bound near x ≈ ${round(l.none.near)}, where it is undefined.`
    : `The plot shows no minimum inside the range: f keeps falling toward the edge, where the lowest point is x ≈ ${round(low.x)} (loss ≈ ${round(low.y)}).`;
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
