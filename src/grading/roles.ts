import type { Token } from './clauses.js';

/**
 * Who depends on whom. A derivative relates two things: one that responds (the output, the loss)
 * and one that is varied (the input, a weight). Learners state that relation in many shapes:
 * "the rate of change *of A with respect to* B", "how much A changes *when* B changes", "the change
 * in A *per* change in B", "the sensitivity *of A to* B", "A *depends on* B", "how B *affects* A".
 * Each shape puts the responding thing on one side of a marker and the varied one on the other;
 * reading the sides (not the order of the words) tells whether the roles are the right way round,
 * so "how much the input changes when the output changes" is caught however it is worded, and
 * "how y responds when x moves" is not.
 */

export interface Roles {
  /** The things that respond (output, y, loss): the "A" of dA/dB. */
  outputs: ReadonlySet<string>;
  /** The things that are varied (input, x, weight). */
  inputs: ReadonlySet<string>;
}

export interface Relation {
  /** Position of the word read as the one that responds, and of the one varied. */
  dependent: number;
  independent: number;
  /** True when the answer's responding thing is one of the inputs and its varied thing an output. */
  swapped: boolean;
  sentence: number;
  /**
   * False for a looser reading ("how much is changing the function when we move x": the change word
   * before the thing that changes), which may count for a claim but never makes a swap.
   */
  strict: boolean;
}

/** Words that say something changes (the "changes" of "A changes when B changes"). */
const CHANGE = new Set([
  'change', 'vary', 'move', 'shift', 'respond', 'react', 'increase', 'decrease', 'grow', 'shrink', 'rise', 'fall', 'drop',
  'nudge', 'tweak', 'wiggle', 'perturb', 'adjust', 'bump', 'alter', 'differ', 'step', 'increment', 'difference', 'delta', 'go',
  'modify', 'jiggle', 'budge', 'update', 'fluctuate', 'evolve',
]);
/** Words that make "with respect to" / "per" a derivative's relation, not a loose "regarding". */
const RATE = new Set([...CHANGE, 'derivative', 'gradient', 'slope', 'rate', 'partial', 'sensitivity', 'sensitive', 'differentiate', 'ratio', 'fast', 'quickly', 'much', 'steep', 'steepness']);
/** Markers after which the varied thing comes: [words…] as lemmas. */
const FORWARD: string[][] = [['with', 'respect', 'to'], ['respect', 'to'], ['relative', 'to'], ['in', 'response', 'to'], ['per'], ['divided', 'by'], ['over']];
/** "A changes when B changes": the varied thing's clause starts with these. */
const CONDITION = new Set(['when', 'as', 'if', 'whenever', 'once', 'for']);
/** "sensitive to", "responds to", "the ratio of A to B", "depends on": the varied thing follows. */
const TO_AFTER = new Set(['sensitive', 'sensitivity', 'respond', 'react', 'ratio', 'proportional', 'responsive', 'reaction', 'response']);
const ON_AFTER = new Set(['depend', 'dependent', 'dependence', 'rely', 'hinge']);
/** "B affects A", "the effect of B on A": the responding thing follows. */
const AFFECT = new Set(['affect', 'influence', 'impact', 'determine', 'control', 'drive']);
const EFFECT_NOUN = new Set(['effect', 'impact', 'influence']);
const NEGATORS = new Set(['not', 'no', 'never', 'nor', 'neither', 'cannot']);
/** "choose B so that A …", "adjust B to make A …": B is varied for the sake of A. */
const CHOOSE = new Set(['choose', 'pick', 'select', 'set', 'adjust', 'tune', 'tweak', 'modify', 'update']);
/** "to cause", "to produce", "to get": a change made for the sake of another. */
const CAUSE = new Set(['cause', 'produce', 'get', 'achieve', 'create', 'bring', 'yield', 'generate', 'obtain', 'induce', 'trigger']);
const MEASURE = new Set(['much', 'far', 'amount', 'how', 'size', 'bit']);
const NEUTRAL_CHANGE = new Set(['change', 'move', 'shift', 'vary', 'nudge', 'difference', 'respond', 'react', 'budge']);
const PURPOSE = new Set(['so', 'to', 'such', 'order']);

const WINDOW = 8;

/** The words these rules look for, for reading misspellings of them. */
export const ROLE_WORDS: readonly string[] = [...RATE, ...CONDITION, ...TO_AFTER, ...ON_AFTER, ...AFFECT, ...EFFECT_NOUN, ...CHOOSE, 'respect', 'relative', 'response'];

function roleOf(t: Token, roles: Roles): 'out' | 'in' | undefined {
  if (roles.outputs.has(t.text) || roles.outputs.has(t.lemma)) return 'out';
  if (roles.inputs.has(t.text) || roles.inputs.has(t.lemma)) return 'in';
  return undefined;
}

/** Word positions of the role mentions in a sentence, without the argument of another ("f of x" is f). */
function mentions(ts: Token[], roles: Roles): number[] {
  const out: number[] = [];
  ts.forEach((t, i) => {
    if (!roleOf(t, roles)) return;
    const head = ts[i - 2];
    if (ts[i - 1]?.lemma === 'of' && head && roleOf(head, roles) && head.sentence === t.sentence) return;
    out.push(i);
  });
  return out;
}

const near = (ts: Token[], from: number, to: number, words: ReadonlySet<string>) => ts.slice(Math.max(0, from), Math.max(0, to)).some((t) => words.has(t.lemma));

export function readRelations(ts: Token[], roles: Roles): Relation[] {
  const found: Relation[] = [];
  const roleAt = mentions(ts, roles);
  const sentenceOf = (i: number) => ts[i].sentence;
  const before = (m: number, limit = WINDOW) => [...roleAt].reverse().find((i) => i < m && m - i <= limit && sentenceOf(i) === sentenceOf(m));
  const after = (m: number, limit = WINDOW) => roleAt.find((i) => i > m && i - m <= limit && sentenceOf(i) === sentenceOf(m));
  const add = (dependent: number | undefined, independent: number | undefined, strict = true) => {
    if (dependent === undefined || independent === undefined) return;
    const d = roleOf(ts[dependent], roles);
    const v = roleOf(ts[independent], roles);
    if (!d || !v || d === v) return;
    // "the derivative is *not* how x changes when y changes": a denied relation states nothing.
    const from = Math.min(dependent, independent);
    const start = ts.findIndex((t) => t.clause === ts[from].clause);
    if (near(ts, start, Math.max(dependent, independent), NEGATORS)) return;
    found.push({ dependent, independent, swapped: d === 'in' && v === 'out', sentence: ts[dependent].sentence, strict });
  };
  const lemmaAt = (i: number) => ts[i]?.lemma;
  for (let i = 0; i < ts.length; i++) {
    const l = ts[i].lemma;
    const marker = FORWARD.find((m) => m.every((w, k) => lemmaAt(i + k) === w));
    if (marker) {
      // "rate of change of A with respect to B", "the change in A per change in B", "A per B".
      const dep = before(i);
      const end = i + marker.length - 1;
      const ind = after(end, 5);
      if (dep !== undefined && near(ts, dep - 4, i, RATE)) add(dep, ind);
      i = end;
      continue;
    }
    if (CONDITION.has(l)) {
      // "how much A changes when B changes", "for a small change in B": both sides change.
      const dep = before(i);
      const ind = after(i, 6);
      if (dep === undefined || ind === undefined) continue;
      const saysChange = near(ts, dep + 1, Math.min(i, dep + 4), CHANGE);
      const variedChange = near(ts, Math.max(i + 1, ind - 3), ind + 6, CHANGE);
      if (saysChange && variedChange) add(dep, ind);
      else if (variedChange && near(ts, dep - 3, dep, CHANGE)) add(dep, ind, false);
      continue;
    }
    if (l === 'to' && CAUSE.has(lemmaAt(i + 1) ?? '')) {
      // "how much x must change *to cause* a change in y", "how far to shift x *to get* f to move":
      // the change asked about is the one before, made for the sake of the one after (dx per dy).
      const dep = before(i);
      const ind = after(i + 1, 6);
      // (a measure of the first change, "how much", "the amount", and a change of no way for the second:
      // "change the weights to get the loss down" is a purpose, read by the CHOOSE rule)
      const measured = dep !== undefined && near(ts, dep - 6, dep, MEASURE);
      if (dep !== undefined && ind !== undefined && measured && near(ts, dep - 3, i, CHANGE) && near(ts, i + 1, ind + 5, NEUTRAL_CHANGE)) add(dep, ind);
      continue;
    }
    if (l === 'to' && near(ts, i - 7, i, TO_AFTER)) {
      add(before(i), after(i, 6));
      continue;
    }
    if (l === 'on' && near(ts, i - 2, i, ON_AFTER)) {
      add(before(i), after(i, 5));
      continue;
    }
    if (l === 'on' && near(ts, i - 8, i, EFFECT_NOUN)) {
      // "the effect of B on A": B is varied, A responds.
      add(after(i, 5), before(i));
      continue;
    }
    if (AFFECT.has(l) && ts[i].pos === 'VERB') add(after(i, 5), before(i, 5));
    if (CHOOSE.has(l)) {
      // "choose the price so that the profit is as large as possible", "change the weights to
      // reduce the loss": what is chosen is varied, what the purpose names responds.
      const varied = after(i, 4);
      if (varied === undefined) continue;
      // ("to" of a purpose is "to" + a verb: "to reduce", "to make"; not "with respect to")
      const purpose = ts.findIndex((t, k) => k > varied && k - varied <= 5 && t.sentence === ts[i].sentence && (PURPOSE.has(t.lemma) || t.opens === 'so') && (t.lemma !== 'to' || ts[k + 1]?.pos === 'VERB'));
      if (purpose >= 0) add(ts[purpose].opens === 'so' && roleOf(ts[purpose], roles) ? purpose : after(purpose, 6), varied);
    }
  }
  return found;
}
