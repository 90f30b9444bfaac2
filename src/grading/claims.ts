import type { Claim, Misconception, Rubric } from '../lesson/key.js';
import { GRADIENT, READER_WORDS, quoteClause, quoteOf, axisSign, directionOf, opposite, readAnswer, type Axis, type Reading, type Token, type Vocabulary } from './clauses.js';
import { lemmas } from './nlp.js';
import { isFormOf, nearPrefix, nearWord } from './fuzzy.js';
import { ROLE_WORDS, readRelations, type Roles } from './roles.js';

/**
 * Which of a rubric's claims an answer makes, which it turns around or denies, and which wrong
 * ideas it states. A claim in the key is a pattern: groups of alternative words that must all be
 * in one clause of the answer ("move · the gradient"), an optional direction the clause must give
 * ("against"), and the answer's polarity. The same pattern with the direction flipped, or denied,
 * is the matching wrong idea, so one entry catches every wording of both.
 *
 * Pattern words are matched on lemmas, in order inside an alternative, with up to two other words
 * between ("minimize loss" ⊂ "minimising the total loss"); "..." allows six; a trailing "*"
 * matches any word starting so; a misspelling one letter off (two for long words) still matches.
 */

interface Alt {
  /** `word`: the key's word as written, when the reader's lemma of it alone differs ("setting" read alone is "set"). */
  words: { lemma: string; prefix: boolean; gap: number; word?: string }[];
}
type Group = Alt[];

const ARTICLES = new Set(['the', 'a', 'an']);
const compiled = new Map<string, Alt>();
function compileAlt(text: string): Alt {
  let alt = compiled.get(text);
  if (alt) return alt;
  const words: Alt['words'] = [];
  let gap = 2;
  for (const piece of text.split(/\s+/)) {
    if (piece === '...' || piece === '…') {
      gap = 6;
      continue;
    }
    if (piece.endsWith('*') && piece.length > 1) {
      words.push({ lemma: piece.slice(0, -1).toLowerCase(), prefix: true, gap });
    } else {
      const ls = lemmas(piece);
      const word = piece.toLowerCase();
      for (const l of ls) words.push({ lemma: l, prefix: false, gap, ...(ls.length === 1 && l !== word ? { word } : {}) });
    }
    gap = 2;
  }
  // Articles are optional ("go the other way" is also "go other way", as non-native writers put it);
  // the gap still lets them in.
  const content = words.filter((w) => !ARTICLES.has(w.lemma));
  if (content.length >= 2 && content.length < words.length) {
    for (let i = 0; i < words.length; i++) if (ARTICLES.has(words[i].lemma) && words[i + 1]) words[i + 1].gap += words[i].gap + 1;
    words.splice(0, words.length, ...content);
  }
  alt = { words };
  compiled.set(text, alt);
  return alt;
}

/** Words a misspelling may stand for; the same stem families learners write in several forms. */
function same(t: Token, w: Alt['words'][number]): boolean {
  // Misspellings only for words that are no English word: "paint" is never "point", "less" never "loss".
  // (as typed too: the reader's spelling rule makes "precise" "precize", which "precise*" must still match)
  if (w.prefix) return t.lemma.startsWith(w.lemma) || t.text.startsWith(w.lemma) || (t.refers?.startsWith(w.lemma) ?? false) || (!t.known && t.pos !== 'NUM' && nearPrefix(t.text, w.lemma));
  if (t.lemma === w.lemma || t.text === w.lemma || t.refers === w.lemma || (w.word !== undefined && (t.lemma === w.word || t.text === w.word))) return true;
  // An inflected word the model kept whole ("squared") or reduced to another lemma ("tuning" →
  // "tun"): its form still says which word it is. An -ing word kept whole is a noun of its own
  // ("training" is not a form of "train", "meaning" not of "mean").
  if (isFormOf(t.text, w.lemma) && (t.lemma !== t.text || !t.text.endsWith('ing'))) return true;
  return !t.known && t.pos !== 'NUM' && nearWord(t.text, w.lemma);
}

/**
 * A name of two words is one thing, for every key: the "rate" of "learning rate" is a setting, no
 * rate of change; the "difference" of "finite difference" is a way to estimate a slope, no gap
 * between a prediction and the truth. Such a word matches only an alternative that says the name's
 * first word too ("learning rate", "finite difference").
 */
const NAMES: Record<string, string[]> = {
  rate: ['learn', 'learning'],
  difference: ['finite', 'central', 'forward', 'backward'],
};
function partOfCompound(ts: Token[], j: number, alt: Alt, k: number): boolean {
  const firsts = NAMES[ts[j].lemma];
  return !!firsts && firsts.includes(ts[j - 1]?.lemma ?? '') && !firsts.includes(alt.words[k - 1]?.lemma ?? '');
}

/** Positions of one alternative inside tokens [from, to), or null. */
function findAlt(ts: Token[], from: number, to: number, alt: Alt): number[] | null {
  const go = (k: number, at: number): number[] | null => {
    if (k === alt.words.length) return [];
    const limit = k === 0 ? to : Math.min(to, at + 2 + alt.words[k].gap);
    for (let j = k === 0 ? from : at + 1; j < limit; j++) {
      if (same(ts[j], alt.words[k]) && !partOfCompound(ts, j, alt, k)) {
        const rest = go(k + 1, j);
        if (rest) return [j, ...rest];
      }
    }
    return null;
  };
  return alt.words.length ? go(0, from - 1) : null;
}

const STEP_SIZE_WORDS = new Set(['small', 'large', 'big', 'tiny', 'huge', 'little', 'high', 'low', 'smaller', 'larger', 'bigger']);
const STEP_NOUNS = new Set(['step', 'stride', 'update', 'jump', 'move', 'learning', 'rate']);

export interface ClaimHit {
  /** Index of the clause in the answer. */
  clause: number;
  at: number[];
  negated: boolean;
  /** The clause's direction on the claim's axis, when the claim has one: +1/-1, or 0 for none. */
  direction: -1 | 0 | 1;
  quote: string;
}

/** Negation the model does not flag: "nothing", "none", "never", "no one"; "not … without" cancels. */
const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'none', 'neither', 'nor', 'cannot']);

const LIMIT_TO = new Set(['to', 'into', 'toward', 'towards', 'approach', 'approaching']);

const COUNTERFACTUAL = new Set(['would', "'d", 'could', 'might', 'impossible', 'hopeless', 'useless', 'stuck', 'lost', 'blind', 'blindly']);

function negatedAt(ts: Token[], clauseStart: number, at: number[]): boolean {
  const own = new Set(at);
  const c = ts[at[0]].clause;
  let n = 0;
  // A "not" anywhere in the clause denies it ("its speed does *not* change over time"), except one
  // inside the pattern's own words ("not converge"), which is what the pattern says.
  let without = false;
  // "… until nothing much changes any more", "stop when the loss no longer decreases": a "not"
  // inside the stopping condition says when to stop; it denies nothing of the claim.
  let stopping = false;
  for (let i = clauseStart; i < ts.length && ts[i].clause === c; i++) {
    const l = ts[i].lemma;
    if (l === 'until' || l === 'till' || ((l === 'when' || l === 'once') && ['stop', 'end', 'finish', 'halt'].includes(ts[i - 1]?.lemma ?? ''))) stopping = true;
    if (own.has(i) || stopping || ts[i].asks) continue;
    if (l === 'without') without = true;
    // "as h shrinks *to nothing*", "goes to none": where a quantity tends is a limit, not a denial.
    if ((l === 'nothing' || l === 'none') && LIMIT_TO.has(ts[i - 1]?.lemma ?? '')) continue;
    if (l === 'not' && scopedAway(ts, i, c, at)) continue;
    if (ts[i].denies || (NEGATORS.has(l) && !(l === 'not' && ['only', 'just', 'merely', 'simply'].includes(ts[i + 1]?.lemma ?? '')))) n++;
  }
  // "you can't minimise the loss without derivatives", "without derivatives we wouldn't know which
  // way": not … without … says they are needed.
  // "Maximise the loss? No — …": the question's idea is turned down.
  if (ts[at[0]].refused) n++;
  if (without && n) n++;
  // "*Without* slopes you *would* be tuning blindfolded": a supposition of the idea's absence, with
  // its cost, says the idea is needed; it denies nothing.
  else if (without && ts.slice(clauseStart).some((t) => t.clause === c && COUNTERFACTUAL.has(t.lemma))) return n % 2 === 1;
  // "gets there quickly *without* blowing up": without, just before the idea, denies it.
  else if (!n && ts.slice(Math.max(clauseStart, at[0] - 2), at[0]).some((t) => t.lemma === 'without' && t.clause === c)) n++;
  return n % 2 === 1;
}

/**
 * "not precise *and* much slower", "slower *and* not exact": a "not" before a quality denies that
 * quality; a word joined to it by "and"/"or" is said of the thing, not denied (the pattern's words
 * all outside the "not"'s own words, across the joining word).
 */
const QUALITY_POS = new Set(['ADJ', 'ADV']);
function scopedAway(ts: Token[], i: number, clause: number, at: number[]): boolean {
  let end = i + 1;
  while (end < ts.length && ts[end].clause === clause && QUALITY_POS.has(ts[end].pos)) end++;
  if (end === i + 1) return false;
  const joins = (from: number, to: number) => ts.slice(from, to).some((t) => t.pos === 'CCONJ' && (t.lemma === 'and' || t.lemma === 'or'));
  return at.every((k) => (k >= end && joins(end, k)) || (k < i && joins(k + 1, i)));
}

/** The size of the thing an idea is compared with just after it: "like a big one", "as a tiny one". */
function comparedSize(ts: Token[], last: number, to: number): -1 | 1 | 0 {
  const k = last + 1;
  if (k >= to || !['like', 'as', 'than'].includes(ts[k].lemma)) return 0;
  const negatedBefore = ts.slice(Math.max(0, last - 6), last).some((t) => t.clause === ts[last].clause && (t.lemma === 'not' || t.lemma === 'never'));
  if (!negatedBefore) return 0;
  for (let j = k + 1; j < Math.min(to, k + 4); j++) {
    const d = directionOf([ts[j]], 'large');
    if (d) return d;
  }
  return 0;
}

const INVERTERS = new Set(['opposite', 'inverse', 'reverse', 'reciprocal', 'negative', 'contrary', 'converse']);
/** "the opposite *direction* of the gradient": a way to move, named by the thing it is opposite to. */
const WAY_NOUNS = new Set(['direction', 'way', 'side', 'sense', 'route', 'path']);
/** "the opposite of", "the inverse of", "the opposite operation of" just before a word of the clause. */
function invertedAt(ts: Token[], clauseStart: number, first: number): boolean {
  for (let j = Math.max(clauseStart, first - 4); j < first; j++) {
    // ("move in the opposite direction of the gradient" uses the gradient; it does not say it is turned)
    if (WAY_NOUNS.has(ts[j + 1]?.lemma ?? '')) continue;
    if (INVERTERS.has(ts[j].lemma) && ts.slice(j + 1, first).some((t) => t.lemma === 'of')) return true;
  }
  return false;
}

/**
 * The direction of the chunk an anchor word sits in. On the up/down axis, "against"/"negative"
 * turn the direction only of a gradient ("the negative gradient points down"), not of a loss
 * ("steps against it to minimise the error": the error still goes down).
 */
function chunkDirection(ts: Token[], anchor: number, axis: Axis): -1 | 0 | 1 {
  const chunk = ts.filter((t) => t.chunk === ts[anchor].chunk);
  const i = chunk.indexOf(ts[anchor]);
  const turns = axis === 'against' || axis === 'along' || GRADIENT.has(ts[anchor].lemma);
  const d = directionOf(chunk, axis, i, turns);
  return (axis === 'against' || axis === 'along') && d ? ((d * referentSign(ts, chunk)) as -1 | 1) : d;
}

/**
 * "-grad L points to the steepest decrease, so step along it": "it" is the negative gradient, and
 * a step along it is against the gradient. When a chunk speaks of "it" and names no gradient of its
 * own, the last gradient named before it decides: -1 when that one was turned (negative, minus,
 * opposite), else 1.
 */
function referentSign(ts: Token[], chunk: Token[]): 1 | -1 {
  if (!chunk.some((t) => t.lemma === 'it') || chunk.some((t) => GRADIENT.has(t.lemma) && t.lemma !== 'it')) return 1;
  const start = ts.indexOf(chunk[0]);
  for (let j = start - 1; j >= 0; j--) {
    if (!GRADIENT.has(ts[j].lemma) || ts[j].lemma === 'it') continue;
    const before = ts.slice(Math.max(0, j - 3), j).filter((t) => t.chunk === ts[j].chunk);
    return before.some((t) => TURNED_NOUN.has(t.lemma)) ? -1 : 1;
  }
  return 1;
}
const TURNED_NOUN = new Set(['negative', 'minus', 'opposite', 'reverse', 'inverse']);

/** Groups after the first, in order from `start`; null when one is missing. */
function matchRest(ts: Token[], start: number, to: number, groups: string[][]): number[] | null {
  const at: number[] = [];
  for (const group of groups) {
    let found: number[] | null = null;
    for (const a of group) {
      found = findAlt(ts, start, to, compileAlt(a));
      if (found) break;
    }
    if (!found) return null;
    at.push(...found);
    start = found[found.length - 1] + 1;
  }
  return at;
}

function matchPattern(r: Reading, says: string[][], axis: Axis | undefined, asked: ReadonlySet<string>): ClaimHit[] {
  const ts = r.tokens;
  const hits: ClaimHit[] = [];
  const clauses = [...new Set(ts.map((t) => t.clause))];
  for (const c of clauses) {
    const from = ts.findIndex((t) => t.clause === c);
    // (a question makes no claim: "what do you make smallest" says nothing is made smallest)
    if (ts[from].question) continue;
    let to = from;
    while (to < ts.length && ts[to].clause === c) to++;
    // Every place the first group is said is a candidate anchor; with a direction, the first that
    // gives one wins ("update the weights by *adding* the gradient").
    const anchors: number[][] = [];
    for (const a of says[0]) {
      for (let p = from; p < to; ) {
        const f = findAlt(ts, p, to, compileAlt(a));
        if (!f) break;
        anchors.push(f);
        p = f[0] + 1;
      }
    }
    // "we move *it* the way that …": "it" after a verb is what is moved, not the gradient speaking.
    for (let k = anchors.length - 1; k >= 0; k--) {
      const t = ts[anchors[k][0]];
      // ("… to decrease *it*": an "it" the reader took for a noun named before, the loss, stays that noun.)
      const standsFor = t.refers !== undefined && !GRADIENT.has(t.refers);
      if (t.lemma === 'it' && !standsFor && ts[anchors[k][0] - 1]?.pos === 'VERB' && ts[anchors[k][0] - 1].clause === t.clause) anchors.splice(k, 1);
    }
    anchors.sort((x, y) => x[0] - y[0]);
    let at: number[] = [];
    let ok = false;
    for (const first of anchors) {
      const rest = matchRest(ts, first[first.length - 1] + 1, to, says.slice(1));
      if (!rest) continue;
      const cand = [...first, ...rest];
      if (!ok) {
        at = cand;
        ok = true;
      }
      if (!axis || chunkDirection(ts, first[0], axis)) {
        at = cand;
        break;
      }
    }
    // "differentiate the formula by hand *and get the true slope*", "do it with the rules, *so you get*
    // the exact value": a clause that goes on with the same doer (no subject of its own, or "you"/"we"
    // after "so") takes what the clause before named: a pattern may begin there and end here.
    let carried = false;
    if (!ok && says.length > 1 && !axis && from > 0 && ts[from - 1].sentence === ts[from].sentence && goesOn(ts, from)) {
      const start = subjectStart(ts, from);
      const rest = matchRest(ts, from, to, says.slice(1));
      if (rest) {
        for (const a of says[0]) {
          const f = findAlt(ts, start, from, compileAlt(a));
          if (f) {
            at = [...f, ...rest];
            ok = carried = true;
            break;
          }
        }
      }
    }
    if (!ok || !at.length) continue;
    // "Speed is not a rate of change, *it* is just a number": a pronoun standing for the thing named
    // before names it again; alone, it makes no claim of a one-word idea.
    // (With a way to go, it does: "move the weights the opposite way to *decrease it*" lowers the loss.)
    if (says.length === 1 && !axis && at.every((i) => ts[i].refers !== undefined && ts[i].pos === 'PRON')) continue;
    // Words the question already uses earn nothing ("ML uses optimization because ML needs optimization").
    // (A claim with a direction says something of its own: "step against the gradient" answers "describe it in steps".)
    if (!axis && at.every((i) => asked.has(ts[i].lemma))) continue;
    // "Take a *small* step": a size said of a step is no level of the loss.
    if ((axis === 'up' || axis === 'down') && at.every((i) => STEP_SIZE_WORDS.has(ts[i].lemma) && STEP_NOUNS.has(ts[i + 1]?.lemma ?? ''))) continue;
    let direction: -1 | 0 | 1 = 0;
    if (axis) {
      const anchor = ts[at[0]];
      direction = chunkDirection(ts, at[0], axis);
      // "MSE, which the model tries | to make as large as possible": the way is said with the
      // pattern's verb, in its own chunk.
      // (Only an infinitive's chunk, "to make …": "w -= lr·∇L → downhill" is the step's result, not the gradient's way.)
      const verbChunk = ts[at[at.length - 1]].chunk;
      const opensWithTo = ts.find((t) => t.chunk === verbChunk)?.lemma === 'to';
      if (!direction && (axis === 'up' || axis === 'down') && verbChunk !== anchor.chunk && opensWithTo) direction = chunkDirection(ts, at[at.length - 1], axis);
      // A size is said once for the sentence: "If the step is too large, the updates overshoot."
      if (!direction && (axis === 'large' || axis === 'small')) {
        // (the size nearest before it as typed: "neither too big (it overshoots) nor too small (it crawls)")
        const before = ts.filter((t) => t.place <= anchor.place && t.statement === anchor.statement && t.chunk !== anchor.chunk).sort((a, b) => a.place - b.place);
        direction = directionOf(before, axis);
      }
    }
    const quote = quoteClause(r, c);
    // A "not" inside another way of saying the same idea is that idea's own word: "jump over the
    // minimum and not converge" says what a large step does, it denies nothing.
    const sayings = anchors.flat();
    // "The derivative is *the opposite of* the slope": said of the idea's opposite, the idea is
    // denied. (A claim with a direction reads "opposite" as a turn of its own.)
    const inverted = !axis && invertedAt(ts, from, at[0]);
    // (carried over, the clause's own polarity counts: "computed by hand and not exact")
    let negated = (carried ? negatedAt(ts, from, at.filter((i) => i >= from)) : negatedAt(ts, from, [...at, ...sayings])) !== inverted;
    // "A good step doesn't overshoot *like a big one*", "isn't as slow *as a tiny one*": what is
    // denied of one thing is said of the thing compared, with its size.
    if (axis === 'large' || axis === 'small') {
      const compared = comparedSize(ts, at[at.length - 1], to);
      if (compared) [negated, direction] = [false, compared];
    }
    hits.push({ clause: c, at, negated, direction, quote });
  }
  return hits;
}

/** A clause that goes on with the doer of the one before: it opens with its verb, or with "you"/"we" and a verb after "so". */
function goesOn(ts: Token[], from: number): boolean {
  const t = ts[from];
  if (t.pos === 'VERB' && t.opens === undefined) return true;
  // "the analytic one, from the rules, | *is exact*": a predicate with no subject of its own.
  if (t.lemma === 'be' && t.opens === undefined && ['ADJ', 'DET', 'ADV', 'NOUN'].includes(ts[from + 1]?.pos ?? '') && ts[from + 1].clause === t.clause) return true;
  // "you get the analytic one from the rules *and it is exact*": an "it" the reader left unresolved
  // stands for what the clause before named.
  if ((t.lemma === 'it' || t.lemma === 'they') && t.refers === undefined && ['AUX', 'VERB'].includes(ts[from + 1]?.pos ?? '') && ts[from + 1].clause === t.clause) return true;
  return t.opens === 'so' && ['you', 'we'].includes(t.lemma) && ts[from + 1]?.pos === 'VERB' && ts[from + 1].clause === t.clause;
}

/**
 * Where the doer of a clause that goes on is named: the clause before, or, past phrases with no doer
 * of their own between commas ("the analytic one, *from the derivative rules*, is exact", "the
 * numeric one, *computed with a tiny h*, is exact"), the clause that opens them, in the same sentence.
 */
function subjectStart(ts: Token[], from: number): number {
  // (a phrase that opens with its verb, "computed with a tiny h", has no doer of its own either)
  // (nor a relative one, "which uses a small h", whose doer is the noun before it)
  const verbless = (c: number, at: number) => ts[at].pos === 'VERB' || ['which', 'who'].includes(ts[at].lemma) || !ts.some((t) => t.clause === c && (t.pos === 'VERB' || t.pos === 'AUX'));
  let start = ts.findIndex((t) => t.clause === ts[from - 1].clause);
  for (let hops = 0; hops < 2 && verbless(ts[start].clause, start) && start > 0 && ts[start - 1].sentence === ts[from].sentence; hops++) {
    const prev = ts.findIndex((t) => t.clause === ts[start - 1].clause);
    start = prev;
  }
  return start;
}

export interface ClaimReport {
  reading: Reading;
  found: { claim: Claim; hit: ClaimHit }[];
  /**
   * Claims named only in outline: a claim with a way to point said with none ("it gives *a
   * direction*", "overshooting"), or a `gist` claim of the key. They make an answer partly right,
   * never correct.
   */
  outline: { claim: Claim; hit: ClaimHit }[];
  /** Claims turned around ("move with the gradient") or denied ("does not tell us which way"). */
  wrong: { name: string; correction: string; quote: string; kind: 'flipped' | 'denied' | 'misconception' | 'swapped'; blocks: string[]; axis?: Axis; clause?: number; roles?: { responds: string; varied: string }; about?: string }[];
}

/** A key's role words as the reader sees them: as typed and as lemmas ("weights" is weight). */
const roleSets = new WeakMap<object, Roles>();
function rolesOf(key: NonNullable<Rubric['roles']>): Roles {
  let r = roleSets.get(key);
  if (!r) {
    const read = (ws: string[]) => new Set(ws.flatMap((w) => [w.toLowerCase(), ...lemmas(w)]));
    roleSets.set(key, (r = { outputs: read(key.outputs), inputs: read(key.inputs) }));
  }
  return r;
}

/** The words a rubric and the reader look for: what a misspelling in an answer to it may stand for. */
const vocabularies = new WeakMap<object, Vocabulary>();
let vocabularyIds = 0;
function vocabularyOf(rubric: Rubric): Vocabulary {
  let v = vocabularies.get(rubric);
  if (!v) {
    const texts = [...rubric.claims.flatMap((c) => c.says.flat()), ...rubric.misconceptions.flatMap((m) => m.says.flat()), ...(rubric.roles ? [...rubric.roles.outputs, ...rubric.roles.inputs] : [])];
    const words = new Set([...texts.flatMap((t) => t.toLowerCase().match(/[a-z]+/g) ?? []), ...READER_WORDS, ...ROLE_WORDS]);
    vocabularies.set(rubric, (v = { words: [...words], id: String(vocabularyIds++) }));
  }
  return v;
}

export function assessClaims(answer: string, rubric: Rubric, asked: ReadonlySet<string>): ClaimReport {
  const reading = readAnswer(answer, vocabularyOf(rubric));
  const found: ClaimReport['found'] = [];
  const outline: ClaimReport['outline'] = [];
  const wrong: ClaimReport['wrong'] = [];
  for (const claim of rubric.claims) {
    const hits = matchPattern(reading, claim.says, claim.direction, asked);
    const want = claim.direction ? axisSign[claim.direction] : 0;
    let got: ClaimHit | undefined;
    let vague: ClaimHit | undefined;
    for (const h of hits) {
      if (claim.direction && !h.direction) {
        // In a bare list of words ("overshoot slow learning rate") the idea is named, with no way to point.
        if (reading.keywordList) got ??= h;
        // In a statement, "it gives a direction" names the idea and says no way: an outline of it.
        // (A relation named, two word groups: "the loss" or "a step" alone names only a thing.)
        else if (!h.negated && claim.says.length > 1) vague ??= h;
        continue;
      }
      const agrees = !claim.direction || h.direction === want;
      if (agrees && !h.negated) {
        got ??= h;
      } else if (agrees && h.negated) {
        wrong.push({ name: `the opposite of “${claim.name}”`, correction: claim.flipped?.correction ?? `That idea is right: ${claim.name}.`, quote: h.quote, kind: 'denied', blocks: [claim.name], clause: h.clause });
      } else if (!agrees && !h.negated && !reading.keywordList && !asksWhether(reading.tokens, h) && !reasonOfThat(reading.tokens, h.clause) && !(claim.direction === 'against' || claim.direction === 'along' ? warnsOf(reading.tokens, h.clause) : false)) {
        // (A bare list of words, "gradient direction weights update downhill", points no way: it
        // names the idea, turned or not, and is at most partly right.)
        const name = claim.flipped?.name ?? `${claim.name}, turned around (${opposite[claim.direction!]})`;
        const a = reading.tokens[h.at[0]];
        wrong.push({ name, correction: claim.flipped?.correction ?? `It is the other way: ${claim.name}.`, quote: h.quote, kind: 'flipped', blocks: [claim.name], axis: claim.direction, clause: h.clause, about: a.refers ?? a.lemma });
      }
    }
    if (got && claim.gist) outline.push({ claim, hit: got });
    else if (!got && vague) outline.push({ claim, hit: vague });
    if (got && !claim.gist) {
      found.push({ claim, hit: got });
      // "It isn't the model's output; it measures how wrong that output is": a denial of what the
      // thing *is*, next to the claim made, is a contrast, not the claim denied.
      for (let i = wrong.length - 1; i >= 0; i--) {
        const w = wrong[i];
        if (w.kind !== 'denied' || w.blocks[0] !== claim.name || w.clause === got.clause) continue;
        // … and so is a denial said of another thing than the claim made: "the analytic one doesn't
        // approximate: the numeric one estimates".
        // (The claim's own name says what it is about: the numeric one is, the analytic one is not.)
        const named = new Set(claim.name.toLowerCase().match(/[a-z]+/g) ?? []);
        const deniedOf = subjectOf(reading.tokens, w.clause);
        const madeOf = subjectOf(reading.tokens, got.clause);
        const other = !!deniedOf && !!madeOf && deniedOf !== madeOf && !named.has(deniedOf) && named.has(madeOf);
        if (isIdentity(reading.tokens, w.clause) || other) wrong.splice(i, 1);
      }
    }
  }
  /** Clauses that deny a wrong idea of the key: "it does *not make* the predictions". */
  const deniesWrong = new Set<number>();
  for (const m of rubric.misconceptions) {
    const hits = matchPattern(reading, m.says, m.direction, asked);
    const want = m.direction ? axisSign[m.direction] : 0;
    // (a relation, not a topic word: two word groups, or an alternative of two words or more, "data backwards")
    for (const x of hits) if (x.negated && (!m.direction || x.direction === want) && (m.says.length > 1 || x.at.length > 1)) deniesWrong.add(x.clause);
    // A list of words relates none of them: "analytic numeric exact approximate" says neither that
    // numeric is exact nor that analytic approximates. (A wrong topic, one word group, is named even so.)
    if (reading.keywordList && (m.says.length > 1 || m.direction)) continue;
    // "It isn't the area under the curve, *that's* integration": a clause whose subject stands for
    // the idea just denied names what that idea is; it does not affirm it.
    const denied = hits.filter((x) => x.negated && (!m.direction || x.direction === want));
    const namesDenied = (x: ClaimHit) => denied.some((d) => d.clause < x.clause && sameSentence(reading.tokens, d.clause, x.clause)) && pointsBack(reading.tokens, x.clause);
    const h = hits.find((x) => !x.negated && (!m.direction || x.direction === want) && !approximates(reading.tokens, x) && !namesDenied(x));
    if (h) wrong.push({ name: m.name, correction: m.correction, quote: h.quote, kind: 'misconception', blocks: m.blocks });
  }
  // "It does not make the predictions; it scores how wrong they are": a clause that denies a wrong
  // idea says something right; a right claim's word in it ("predictions") is not that claim denied.
  for (let i = wrong.length - 1; i >= 0; i--) if (wrong[i].kind === 'denied' && deniesWrong.has(wrong[i].clause ?? -1)) wrong.splice(i, 1);
  // "How much the input changes when the output changes": who depends on whom, turned around.
  const relations = rubric.roles ? readRelations(reading.tokens, rolesOf(rubric.roles)) : [];
  if (rubric.roles) {
    const ts = reading.tokens;
    const swap = relations.find((rel) => rel.swapped && rel.strict);
    if (swap) {
      const quote = quoteOf(reading, ts.filter((t) => t.sentence === swap.sentence));
      wrong.push({ name: rubric.roles.swapped.name, correction: rubric.roles.swapped.correction, quote, kind: 'swapped', blocks: [], roles: { responds: ts[swap.dependent].text, varied: ts[swap.independent].text } });
    }
    // The relation the right way round says what the key's `makes` claims say ("how much the
    // function changes when we move x" is a rate relative to the input).
    const right = relations.find((rel) => !rel.swapped);
    for (const name of right && !swap ? rubric.roles.makes ?? [] : []) {
      const claim = rubric.claims.find((c) => c.name === name);
      if (!claim || found.some((f) => f.claim === claim)) continue;
      const own = ts.filter((t) => t.sentence === right!.sentence && !t.borrowed);
      found.push({ claim, hit: { clause: ts[right!.dependent].clause, at: [right!.dependent, right!.independent], negated: false, direction: 0, quote: quoteOf(reading, own) } });
    }
  }
  // "The gradient points where the loss grows fastest": the loss going up is what the gradient
  // points to, not what learning does. A claim turned around in a clause where another claim on
  // the same up/down axis was read the right way is a description, not a wrong idea.
  const level = (a?: Axis) => a === 'up' || a === 'down';
  // (Only a claim about the loss: "the gradient tells the direction in which the loss decreases" turns
  // the gradient's own claim around, and that stays wrong.)
  // (Nor is "how much the loss goes up when you bump each weight": a derivative's relation read in
  // the clause describes the gradient.)
  const relating = new Set(relations.filter((rel) => !rel.swapped).map((rel) => reading.tokens[rel.dependent].clause));
  const describing = (w: (typeof wrong)[number]) =>
    (w.kind === 'flipped' && !GRADIENT.has(w.about ?? '') && relating.has(w.clause ?? -1)) ||
    (w.kind === 'flipped' && level(w.axis) && !GRADIENT.has(w.about ?? '') && (forBadness(reading.tokens, w.clause) || found.some((f) => level(f.claim.direction) && f.claim.direction !== w.axis && f.hit.clause === w.clause) || pointsAt(reading.tokens, w.clause)));
  for (let i = wrong.length - 1; i >= 0; i--) if (describing(wrong[i]) || (wrong[i].kind === 'flipped' && supposes(reading.tokens, wrong[i].clause))) wrong.splice(i, 1);
  const blocked = new Set(wrong.flatMap((w) => w.blocks));
  // (an outline of a claim that was also made, or turned around, or blocked, adds nothing)
  const named = new Set([...found.map((f) => f.claim.name), ...blocked, ...wrong.filter((w) => w.kind === 'flipped').flatMap((w) => w.blocks)]);
  // ("Analytic: rules of calculus (exact or approximate?)": an answer that leaves its point as a
  // question gives no outline of it either)
  const leavesOpen = reading.tokens.some((t) => t.question);
  return { reading, found: found.filter((f) => !blocked.has(f.claim.name)), outline: leavesOpen ? [] : outline.filter((o) => !named.has(o.claim.name)), wrong: dedupe(wrong) };
}

const sameSentence = (ts: Token[], a: number, b: number) => ts.find((t) => t.clause === a)?.sentence === ts.find((t) => t.clause === b)?.sentence;
/** A clause that opens with "that/this/which (is)": its subject is what was said just before. */
function pointsBack(ts: Token[], clause: number): boolean {
  const own = ts.filter((t) => t.clause === clause);
  return ['that', 'this', 'which'].includes(own[0]?.lemma ?? '') && own[1]?.lemma === 'be';
}

/**
 * "Moving with it *would make things worse*", "*if* we stepped along the gradient the loss *would
 * rise*": a way to move put as a supposition whose result is harm is a warning against it, not
 * what the learner says learning does. (A supposition with a good result, "moving along it would
 * lower the loss", still states the wrong way.)
 */
const SUPPOSE = new Set(['would', 'could', 'might']);
const HARM = new Set(['worse', 'wrong', 'bad', 'badly', 'mistake', 'harm', 'hurt', 'increase', 'rise', 'climb', 'up', 'uphill', 'higher', 'diverge', 'grow', 'away']);
function warnsOf(ts: Token[], clause: number): boolean {
  const own = ts.filter((t) => t.clause === clause);
  if (!own.length || !(own[0].lemma === 'if' || own.some((t) => SUPPOSE.has(t.lemma)))) return false;
  const firstChunk = own[0].chunk;
  return own.some((t) => t.chunk !== firstChunk && HARM.has(t.lemma));
}

/**
 * "We never step along the gradient (*that would* increase the loss)", "…, *which could* make the
 * error grow": a clause whose subject stands for what was just said, put as a supposition, is the
 * consequence of that (often of a way denied), not what learning does.
 */
function supposes(ts: Token[], clause: number | undefined): boolean {
  const own = ts.filter((t) => t.clause === clause);
  return own.length > 2 && ['that', 'this', 'which', 'it'].includes(own[0].lemma) && SUPPOSE.has(own[1].lemma);
}

/**
 * "Numerical gradients only *approximate* the true derivative": between the thing and the words of
 * exactness stands a word of approximating, so the exactness is the target's, not the thing's.
 */
function approximates(ts: Token[], h: ClaimHit): boolean {
  const [first, last] = [h.at[0], h.at[h.at.length - 1]];
  return ts.slice(first + 1, last).some((t) => /^(approximat|estimat)/.test(t.lemma) || ['close', 'near', 'roughly'].includes(t.lemma));
}

/**
 * "It gives a big number *for bad guesses*", "the loss is high *when the predictions are wrong*":
 * a large value said to come with bad predictions describes what the loss measures, not a wish to
 * make it large.
 */
const BAD = new Set(['bad', 'wrong', 'poor', 'worse', 'worst', 'off', 'inaccurate', 'incorrect', 'mistake', 'error', 'terrible', 'awful']);
function forBadness(ts: Token[], clause: number | undefined): boolean {
  const own = ts.filter((t) => t.clause === clause);
  // ("a bigger number *means* worse predictions", "a high loss *indicates* a poor fit": the size
  // stands for the badness, as "for"/"when" say it.)
  return own.some((t, i) => (['for', 'when', 'if'].includes(t.lemma) || (SIGNIFIES.has(t.lemma) && t.pos !== 'NOUN')) && own.slice(i + 1, i + 5).some((x) => BAD.has(x.lemma)));
}
const SIGNIFIES = new Set(['mean', 'indicate', 'signal', 'signify', 'show', 'imply', 'reflect', 'correspond', 'suggest', 'tell', 'denote', 'represent']);

/**
 * "Never follow the gradient, *because that climbs*", "since this goes uphill": a reason whose
 * subject is "that"/"this" says what the thing just named does, not what learning does.
 */
function reasonOfThat(ts: Token[], clause: number): boolean {
  const first = ts.find((t) => t.clause === clause);
  return !!first && (first.lemma === 'that' || first.lemma === 'this') && ['because', 'since'].includes(first.opens ?? '');
}

/** "(it tells you) *whether* nudging it up makes things worse or better": an open question states no way. */
function asksWhether(ts: Token[], h: ClaimHit): boolean {
  const start = ts.findIndex((t) => t.clause === h.clause);
  if (ts.slice(start, h.at[0] + 1).some((t) => t.lemma === 'whether')) return true;
  // ("decides whether you converge quickly, crawl, or blow up": the items after it are choices too)
  const s = ts[h.at[0]].statement;
  const before = ts.slice(Math.max(0, start - 10), start).filter((t) => t.statement === s);
  return before.some((t) => t.lemma === 'whether') && ts.filter((t) => t.clause === h.clause).length <= 3;
}

/** What a clause is about: its first noun or adjective ("the *analytic* gradient", "the *numeric* one"). */
function subjectOf(ts: Token[], clause: number | undefined): string | undefined {
  return ts.find((t) => t.clause === clause && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ'))?.lemma;
}

/** A clause whose verb is "be" ("it isn't the output"): it says what something is. */
function isIdentity(ts: Token[], clause: number | undefined): boolean {
  const own = ts.filter((t) => t.clause === clause);
  return own.some((t) => t.lemma === 'be') && !own.some((t) => t.pos === 'VERB');
}

/**
 * "…against the gradient, which points where the loss rises fastest": a clause that says where the
 * gradient points (its subject the gradient, or "which"/"that" after it) describes the gradient; the
 * loss rising there is not what learning does.
 */
const POINTS = new Set(['point', 'show', 'indicate', 'tell', 'give', 'say']);
function pointsAt(ts: Token[], clause: number | undefined): boolean {
  if (clause === undefined) return false;
  const own = ts.filter((t) => t.clause === clause);
  // "It says, for each weight, which way increases the loss": the clause is what the gradient says.
  const asked = ['which', 'where', 'how', 'what'].includes(own[0]?.lemma ?? '') && own[0].lemma !== own[0].refers;
  if (asked && !own[0].refers) {
    const start = ts.indexOf(own[0]);
    const earlier = ts.slice(0, start).filter((t) => t.sentence === own[0].sentence);
    const verb = earlier.findIndex((t) => POINTS.has(t.lemma));
    if (verb >= 0 && earlier.slice(0, verb).some((t) => GRADIENT.has(t.lemma))) return true;
  }
  const verb = own.findIndex((t) => POINTS.has(t.lemma));
  if (verb < 0) return false;
  if (own.slice(0, verb).some((t) => GRADIENT.has(t.lemma) && t.lemma !== 'it')) return true;
  // "I think *it points* uphill on the loss": what points is the gradient (a loss does not point),
  // so "it" as the pointing verb's own subject makes the clause a description too.
  if (verb > 0 && own[verb].pos === 'VERB' && own[verb - 1].lemma === 'it') return true;
  if (!['which', 'that'].includes(own[0]?.lemma ?? '')) return false;
  const start = ts.indexOf(own[0]);
  const before = ts.slice(0, start).reverse().find((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  return Boolean(before && GRADIENT.has(before.lemma));
}

function dedupe<T extends { name: string; quote: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((w) => (seen.has(w.name) ? false : (seen.add(w.name), true)));
}

export type { Misconception };
