import { quoteWords, readWords, type Word } from './nlp.js';
import { spellOut } from './notation.js';
import { correction, lookupNear } from './fuzzy.js';

/**
 * An answer read as clauses, as a teacher reads it: each clause a statement with its polarity
 * (affirmed or denied) and the direction its words give ("against the gradient", "the loss goes
 * down", "a large step"). Clauses end at sentence ends, ";", ",", and joining words (but, so,
 * while, because, and + a new subject or verb); a clause is cut again into chunks at a second verb
 * ("moving against it | decreases the loss"), so a direction belongs to the verb it goes with.
 */

export type Sign = 1 | -1;

export interface Token extends Word {
  clause: number;
  chunk: number;
  /** A relative "which"/"that" standing for the gradient named just before it ("the gradient, which points uphill"). */
  refers?: string;
  /** "rather" of "rather than", "instead" of "instead of": the clause it starts is denied. */
  denies?: true;
  /** A verb the clause leaves out and takes from the one before ("not with it *but against it*"); never quoted. */
  borrowed?: true;
  /** On a clause's first word: the joining word before it ("so", "because"), which is no word of the clause. */
  opens?: string;
  /** Statements end where sentences end and at ";": "huge strides bounce; ant-sized steps crawl" are two. */
  statement: number;
  /** Where the word stands in the answer as typed (clauses may be read in another order). */
  place: number;
  /** A size said by turning the step's setting: "*increase* the learning rate", "turn it *down*". */
  size?: Sign;
  /** A "not" that asks for agreement ("isn't it that …?"), denying nothing. */
  asks?: true;
  /** On every word of a question answered "no" ("Maximise the loss? No — …"): what it asks is denied. */
  refused?: true;
  /** On every word of a clause that is a question ("what do you choose", "exact or approximate?"): it states nothing. */
  question?: true;
  /** Where the word is in the answer as typed, when it is there (not a word spelled out). */
  from?: number;
  to?: number;
  /** Punctuation typed right after the word inside its clause ("finite-difference", "a/b"), for quotes. */
  after?: string;
}

export interface Reading {
  tokens: Token[];
  /** Number of words as typed (not punctuation). */
  words: number;
  hasVerb: boolean;
  /** Words with nothing to relate them: no verb, article, preposition or conjunction. */
  keywordList: boolean;
  /** The answer as typed (as far as it is read), for quotes. */
  source: string;
}

/** Words that join two statements: the clause ends before them. */
const JOINERS = new Set(['but', 'so', 'because', 'since', 'while', 'whereas', 'however', 'although', 'though', 'then', 'yet', 'unless', 'otherwise', 'instead', 'whilst', 'thus', 'therefore', 'hence', 'until', 'till']);
/** Joiners that, as adverbs inside a clause with no verb yet, join nothing: "the loss *then* drops", "the gradient, *however*, points up". */
const INNER_ADVERBS = new Set(['then', 'however', 'thus', 'therefore', 'hence', 'instead', 'otherwise', 'yet']);
/** "…with the gradient *rather than* against it", "*instead of* moving with it": what follows is denied. */
const DENYING = [['rather', 'than'], ['instead', 'of']];
const QUESTION_WORDS = new Set(['what', 'which', 'how', 'where', 'why', 'when', 'who']);
const RELATIVE = new Set(['which', 'that', 'where', 'how', 'what', 'whether', 'who', 'when', 'why']);
/** Words that make what follows a result of the clause before ("… leads to lower loss"). */
const RESULT = new Set(['lead', 'result', 'cause', 'make', 'give', 'mean']);

/** Verbs that carry on the verb after them: "keeps going down", "starts to drop", "continues falling". */
const CATENATIVE = new Set(['keep', 'start', 'begin', 'continue', 'go on', 'tend']);

const MODALS = new Set(['may', 'might', 'can', 'could', 'will', 'would', 'should', 'must']);
const DENIERS = new Set(['not', 'no', 'never', 'nor', 'cannot']);
const FUNCTION_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART']);

function isVerb(t: Word): boolean {
  return t.pos === 'VERB';
}

/** Past this many characters an answer is read no further: an essay pasted in is not read whole, so grading stays fast. */
export const READ_LIMIT = 4000;

/** The words grading looks for (the key's and the reader's own), for reading misspellings as them; `id` names the list for caching. */
export interface Vocabulary {
  words: readonly string[];
  id: string;
}

/**
 * The answer's words, with each misspelling ("eror", "gradiant", "wieghts") read as the word of
 * the vocabulary it stands for: the corrected text is read again, so the word gets the tag and
 * lemma of what was meant ("decreses" is a verb); each keeps the spelling typed, for quotes.
 */
function readSpelled(text: string, vocabulary?: Vocabulary): Word[] {
  const words = readWords(text);
  if (!vocabulary) return words;
  const fixes = new Map<string, string>();
  for (const w of words) {
    if (w.known || fixes.has(w.text)) continue;
    const c = correction(w.text, vocabulary.words, vocabulary.id);
    if (c && c !== w.text) fixes.set(w.text, c);
  }
  if (!fixes.size) return words;
  const fixed = text.replace(/[A-Za-z]+/g, (m) => fixes.get(m.toLowerCase()) ?? m);
  const again = readWords(fixed);
  if (again.length !== words.length) return again;
  return again.map((w, i) => (fixes.has(words[i].text) ? { ...w, text: words[i].text, raw: words[i].raw } : w));
}

/**
 * A comma that opens an apposition: the clause so far is a bare noun phrase ("Accuracy"), then a
 * noun phrase with an article and no verb up to the next comma ("the percentage of correct
 * answers"), then a verb ("is the loss").
 */
function apposition(raw: Word[], comma: number, ownSoFar: Token[]): boolean {
  if (!ownSoFar.length || ownSoFar.some((t) => t.pos === 'VERB' || t.pos === 'AUX') || ownSoFar.length > 4) return false;
  if (raw[comma + 1]?.pos !== 'DET') return false;
  for (let k = comma + 1; k < raw.length && k < comma + 10; k++) {
    if (raw[k].sentence !== raw[comma].sentence) return false;
    if (raw[k].pos === 'VERB' || raw[k].pos === 'AUX') return false;
    if (raw[k].text === ',') return raw[k + 1]?.pos === 'AUX' || raw[k + 1]?.pos === 'VERB';
  }
  return false;
}

/**
 * "learning rate" is a noun: the model tags its "learning" a verb, which would start a new chunk
 * in "add the learning rate times the negative gradient" and cut the step's signs apart.
 */
function compoundNoun(w: Word, i: number, ws: Word[]): Word {
  if ((w.lemma === 'learn' || w.lemma === 'learning') && w.pos === 'VERB' && ws[i + 1]?.lemma === 'rate') return { ...w, pos: 'NOUN' };
  // "minimise the average *squared* error": a participle between a determiner or adjective (or a
  // verb it is the object of) and its noun describes the noun; tagged a verb, it would start a chunk
  // of its own and part "error" from "minimise".
  const before = ws[i - 1]?.pos;
  if (w.pos === 'VERB' && /ed$/.test(w.text) && ws[i + 1]?.pos === 'NOUN' && (before === 'DET' || before === 'ADJ' || before === 'VERB')) return { ...w, pos: 'ADJ' };
  return w;
}

/** Verbs of winning a comparison: "A *beats* B on precision". */
const WIN = new Set(['beat', 'outperform', 'surpass', 'outdo', 'exceed', 'trump', 'outclass', 'outshine', 'win']);
/** A quality named as a noun, and the word for having it: "on precision" is precise. */
const QUALITY: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  precision: 'precise', accuracy: 'accurate', exactness: 'exact', speed: 'fast', efficiency: 'efficient', cost: 'cheap', simplicity: 'simple', reliability: 'reliable', stability: 'stable',
});

/**
 * "Finite differences *beat* the analytic gradient *on* precision and speed": the qualities are
 * the winner's (the clause's subject), not the thing beaten. The thing beaten becomes a clause of
 * its own, read after the winner's, and each quality noun stands for its adjective ("precision" is
 * "precise"), so the claim "numeric gradients are exact" is read in the winner's clause.
 */
function comparisons(tokens: Token[], lastClause: number): number {
  for (let i = 0; i < tokens.length; i++) {
    const v = tokens[i];
    // "Numeric gradients are *less accurate than analytic ones*": the quality is the other one's; it
    // becomes a clause of its own, "analytic ones (are) accurate", after the subject's.
    if (v.lemma === 'less' && tokens[i + 1]?.pos === 'ADJ' && tokens[i + 2]?.lemma === 'than' && tokens[i + 2].clause === v.clause) {
      let end = i + 3;
      while (tokens[end]?.clause === v.clause && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tokens[end].pos)) end++;
      if (end === i + 3) continue;
      const other = tokens.splice(i + 3, end - i - 3);
      let last = i + 2;
      while (tokens[last + 1]?.clause === v.clause) last++;
      const clause = ++lastClause;
      tokens.splice(last + 1, 0, ...[...other, { ...tokens[i + 1], borrowed: true as const }].map((t) => ({ ...t, clause, chunk: -clause })));
      // (and the subject has less of it: "numeric ones are *less* accurate" denies they are accurate)
      tokens[i] = { ...v, denies: true };
      continue;
    }
    // ("A is *superior to* B in accuracy", "*better than* B on speed": the same comparison)
    const adjective = (v.lemma === 'superior' || v.lemma === 'better' || v.lemma === 'preferable') && ['to', 'than'].includes(tokens[i + 1]?.lemma ?? '');
    if (!(WIN.has(v.lemma) && v.pos === 'VERB') && !adjective) continue;
    const own = (k: number) => tokens[k]?.clause === v.clause;
    let on = i + 1;
    while (own(on) && on - i <= 8 && !(tokens[on].pos === 'ADP' && ['on', 'in', 'at', 'for'].includes(tokens[on].lemma))) on++;
    if (!own(on) || on - i > 8 || on === i + 1) continue;
    let end = on + 1;
    let qualities = 0;
    while (own(end) && end - on <= 6) {
      if (QUALITY[tokens[end].lemma]) qualities++;
      end++;
    }
    if (!qualities) continue;
    for (let k = on + 1; k < end; k++) if (QUALITY[tokens[k].lemma]) tokens[k] = { ...tokens[k], refers: QUALITY[tokens[k].lemma] };
    const beaten = tokens.splice(i + 1, on - i - 1);
    let last = i;
    while (tokens[last + 1]?.clause === v.clause) last++;
    const clause = ++lastClause;
    tokens.splice(last + 1, 0, ...beaten.map((t) => ({ ...t, clause, chunk: -clause })));
  }
  return lastClause;
}

/**
 * Words in the learner's own text: from the first word to the last, as typed in the answer (its
 * case, spacing, punctuation, symbols and abbreviations: "w ← w + η(−∇L)", "Backprop"), with what
 * the reader moved apart (an aside, a thing compared) where it stands; never a word the reader
 * borrowed. Each word was found in the answer in order (`from`/`to`); a word the reader spelled out
 * ("backpropagation" for "Backprop") takes the typed text between its neighbours.
 */
export function quoteOf(r: Pick<Reading, 'tokens' | 'source'>, own: readonly Token[]): string {
  const mine = own.filter((t) => !t.borrowed);
  if (!mine.length) return '';
  const lo = Math.min(...mine.map((t) => t.place));
  const hi = Math.max(...mine.map((t) => t.place));
  const all = r.tokens.filter((t) => !t.borrowed).sort((a, b) => a.place - b.place);
  const span = all.filter((t) => t.place >= lo && t.place <= hi);
  const found = span.filter((t) => t.from !== undefined);
  if (!found.length) return quoteWords(span.map((t, k) => ({ raw: t.raw + (k < span.length - 1 ? t.after ?? '' : ''), space: t.space })));
  let start = found[0].from!;
  let end = found[found.length - 1].to!;
  // A first or last word not found as typed was spelled out: take the text typed up to its neighbour.
  if (span[0].from === undefined) start = all.filter((t) => t.place < lo && t.to !== undefined).pop()?.to ?? 0;
  if (span[span.length - 1].from === undefined) end = all.find((t) => t.place > hi && t.from !== undefined)?.from ?? r.source.length;
  // (a bracket opened in the quote is closed in it: "η(−∇L)")
  const opened = (x: string) => (x.match(/[([]/g) ?? []).length - (x.match(/[)\]]/g) ?? []).length;
  while (opened(r.source.slice(start, end)) > 0 && /^\s*[)\]]/.test(r.source.slice(end))) end = r.source.indexOf(r.source.slice(end).trim()[0], end) + 1;
  let text = r.source.slice(start, end).replace(/\s+/g, ' ');
  // (what lies between this clause and the next is no part of it: the joining word, the comma)
  const trim = (x: string) => x.replace(/^[\s,;:.!?)\]–—-]+/, '').replace(/[\s,;:.!?([–—-]+$/, '');
  text = trim(text);
  if (span[0].from === undefined && span[0].opens) text = trim(text.replace(new RegExp(`^${span[0].opens}\\b`, 'i'), ''));
  if (span[span.length - 1].from === undefined) text = text.replace(/\s+(?:and|or|but|so|because|since|while|then)$/i, '');
  return text.trim();
}

/** The words of one clause, as typed. */
export function quoteClause(r: Pick<Reading, 'tokens' | 'source'>, clause: number): string {
  return quoteOf(r, r.tokens.filter((t) => t.clause === clause));
}

/** Finds each word in the answer as typed, in order, so that quotes are the learner's own text. */
function locate(tokens: Token[], source: string): void {
  const lower = source.toLowerCase();
  let cursor = 0;
  const ordered = tokens.filter((t) => !t.borrowed && t.raw).sort((a, b) => a.place - b.place);
  const letter = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
  ordered.forEach((t, k) => {
    const word = t.raw.toLowerCase();
    const next = ordered[k + 1]?.raw.toLowerCase();
    // A whole word, not a piece of another ("l" is not the l of "lr"), unless the next word goes on
    // where it ends ("does|n't", "can|not").
    const whole = (at: number) =>
      (!letter(word[0]) || !letter(lower[at - 1])) && (!letter(word[word.length - 1]) || !letter(lower[at + word.length]) || (!!next && lower.startsWith(next, at + word.length)));
    let at = lower.indexOf(word, cursor);
    while (at >= 0 && at - cursor <= 40 && !whole(at)) at = lower.indexOf(word, at + 1);
    // (a word the reader added, "the weight" for "w", is not looked for far ahead)
    if (at < 0 || at - cursor > 40) return;
    t.from = at;
    t.to = at + t.raw.length;
    cursor = t.to;
  });
}

export function readAnswer(text: string, vocabulary?: Vocabulary): Reading {
  const raw = readSpelled(spellOut(text.slice(0, READ_LIMIT)), vocabulary).map(compoundNoun);
  const tokens: Token[] = [];
  let clause = 0;
  let chunk = 0;
  let chunkHasVerb = false;
  let relativeSinceVerb = false;
  let conditional = false;
  /** The sentence opens with a label and a colon ("Numeric: …"): its commas list what is said of it. */
  let labelled = false;
  const butClauses = new Set<number>();
  /** The joining word that ended the clause before (not kept as a word of either), for the next token. */
  let opens: string | undefined;
  // (numbers are never reused: after an aside the clause before it goes on, and the next is new)
  let lastClause = 0;
  let lastChunk = 0;
  const newChunk = () => (chunk = ++lastChunk);
  const newClause = () => {
    clause = ++lastClause;
    newChunk();
    chunkHasVerb = false;
    relativeSinceVerb = false;
  };
  let statement = 0;
  /** Clause (and chunk) to go back to after an aside: "(its error)", ", the percentage of correct answers,". */
  let resume: [number, number] | undefined;
  let asideOpen = false;
  raw.forEach((w, i) => {
    const prev = tokens[tokens.length - 1];
    if (prev && prev.sentence !== w.sentence) {
      newClause();
      conditional = false;
      labelled = false;
      statement++;
      resume = undefined;
    }
    const ownSoFar = tokens.filter((t) => t.clause === clause);
    const clauseHasVerb = ownSoFar.some((t) => isVerb(t) || t.pos === 'AUX');
    if (w.pos === 'PUNCT') {
      // ("finite-difference", "oscillation / divergence": kept for the quote, no word of the clause)
      const kept = !!prev && prev.sentence === w.sentence && /^(?:[-‐‑/+%&'()[\]]|\.\.\.)$/.test(w.text);
      if (kept) tokens[tokens.length - 1] = { ...prev, after: (prev.after ?? '') + w.space + w.raw };
      const clauseBefore = clause;
      if (w.text === ';') statement++;
      // "…but isn't it that the gradient points uphill?": the "not" of a question that asks for
      // agreement denies nothing; it is a hedge.
      if (w.text === '?') {
        // "(exact or approximate?)": a choice put as a question, with no verb, states neither.
        const own = tokens.filter((t) => t.clause === clause);
        if (own.length && own.some((t) => t.lemma === 'or') && !own.some((t) => isVerb(t))) own.forEach((t) => (t.question = true));
        // "Maximise the loss? No — minimise it": a question answered "no" is an idea denied.
        if (['no', 'nope', 'nah'].includes(raw[i + 1]?.text ?? '')) {
          for (const t of tokens) if (t.sentence === w.sentence) t.refused = true;
        }
        tokens.forEach((t, k) => {
          const n = tokens[k + 1];
          const opensClause = k === 0 || tokens[k - 1].clause !== t.clause;
          if (t.sentence === w.sentence && t.pos === 'AUX' && opensClause && n && n.clause === t.clause && DENIERS.has(n.lemma)) tokens[k + 1] = { ...n, asks: true };
        });
      }
      const back = () => {
        [clause, chunk] = resume!;
        chunkHasVerb = tokens.some((t) => t.chunk === chunk && isVerb(t));
        resume = undefined;
      };
      if ((w.text === '(' || w.text === '[') && ownSoFar.length) {
        // "to make the loss (its error) as small as possible": the aside is a clause of its own, and
        // the clause it interrupts goes on after it (the aside is moved after it, below).
        resume = [clause, chunk];
        newClause();
        asideOpen = true;
      } else if ((w.text === ')' || w.text === ']') && asideOpen && resume) {
        back();
        asideOpen = false;
      } else if (w.text === ',' && !asideOpen && apposition(raw, i, ownSoFar)) {
        // "Accuracy, the percentage of correct answers, is the loss": a noun phrase between commas
        // names the thing before it; the clause goes on after the second comma.
        resume = [clause, chunk];
        newClause();
      } else if (w.text === ',' && !asideOpen && resume && ownSoFar.length && !clauseHasVerb) {
        back();
      } else if (/^[;,()[\]"]$|^[–—]$|^\.+$|^…$/.test(w.text)) {
        // "If the step is too large, it overshoots": the condition and its result are one claim.
        if (w.text === ',' && conditional) conditional = false;
        else if (w.text === ',' && labelled && !raw.slice(i + 1).some((x) => x.sentence === w.sentence && x.text === ':')) {
          // "Analytic: symbolic derivative, exact": each item of a labelled line is said of its label.
        } else newClause();
        if (!asideOpen) resume = undefined;
      } else if (w.text === ':' && !clauseHasVerb && ownSoFar.some((t) => DENIERS.has(t.lemma))) {
        // "Not a part of the model: it scores …": a denied fragment, then the statement.
        newClause();
      } else if (w.text === ':' && !clauseHasVerb && ownSoFar.length && ownSoFar.length <= 3 && tokens.filter((t) => t.sentence === w.sentence).length === ownSoFar.length) {
        labelled = true;
      } else if (w.text === ':' && clauseHasVerb && !conditional) {
        // "The numeric one isn't exact: it approximates": a statement, then another. ("Too large:
        // overshoots", a label and what it does, stays one claim.)
        newClause();
      }
      // (a comma or colon inside a clause, "Numeric: small h, approximate", is quoted too)
      if (!kept && prev && clause === clauseBefore && prev.clause === clause && prev.sentence === w.sentence) tokens[tokens.length - 1] = { ...prev, after: (prev.after ?? '') + w.space + w.raw };
      return;
    }
    const next0 = raw[i + 1];
    if (DENYING.some(([a, b]) => w.lemma === a && next0?.lemma === b)) {
      newClause();
      tokens.push({ ...w, place: i, clause, chunk, statement, denies: true });
      return;
    }
    if (INNER_ADVERBS.has(w.lemma) && w.pos === 'ADV' && ownSoFar.length && !clauseHasVerb) {
      tokens.push({ ...w, place: i, clause, chunk, statement });
      return;
    }
    const next = raw[i + 1];
    if (JOINERS.has(w.lemma) && w.pos !== 'ADV' ? true : JOINERS.has(w.lemma) && (w.lemma !== 'so' || next?.pos !== 'ADJ')) {
      newClause();
      if (w.lemma === 'but') butClauses.add(clause);
      opens = w.lemma;
      // "… until it converges": the word is the claim's own ("repeat until"), kept in its clause.
      if (w.lemma === 'until' || w.lemma === 'till') {
        tokens.push({ ...w, place: i, clause, chunk, statement, opens });
        opens = undefined;
      }
      return;
    }
    // "and"/"or" end a clause when a new statement follows ("… and move downhill", "and it …").
    // ("… and too small is slow", "… and if it is small …": a new condition is a new claim.)
    // ("… overshoot the minimum *and may never* settle": a modal or a "never" opens a statement of
    // its own, so the "never" denies only what it is said of.)
    // ("… are exact *and numeric ones are* approximations": after a clause with its verb, a noun
    // phrase and a verb of its own are a new subject's statement.)
    const newSubject = (() => {
      if (!clauseHasVerb || !next || !['ADJ', 'NOUN', 'PROPN'].includes(next.pos)) return false;
      let k = i + 1;
      while (k < raw.length && k <= i + 4 && ['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(raw[k].pos)) k++;
      return k > i + 1 && k <= i + 4 && raw[k]?.sentence === w.sentence && (raw[k].pos === 'AUX' || raw[k].pos === 'VERB');
    })();
    if ((w.lemma === 'and' || w.lemma === 'or') && next && (newSubject || isVerb(next) || next.pos === 'PRON' || next.pos === 'DET' || ['too', 'if', 'when', 'whereas', 'never'].includes(next.lemma) || (next.pos === 'AUX' && MODALS.has(next.lemma)))) {
      newClause();
      return;
    }
    if (w.lemma === 'if') {
      // "…skip the minimum if too small progress is tiny": a second condition is a second claim.
      if (tokens.some((t) => t.clause === clause)) newClause();
      conditional = true;
    } else if (w.lemma === 'when' && tokens.every((t) => t.clause !== clause)) conditional = true;
    if (RELATIVE.has(w.lemma)) relativeSinceVerb = true;
    if (isVerb(w) || (w.lemma === 'to' && next && isVerb(next))) {
      // A second verb starts a new chunk, unless it sits in a relative clause ("the way the loss goes"),
      // or goes on a verb of keeping or starting ("the loss *keeps going* down", "*starts to* fall"):
      // that is one predicate, and its way is the subject's.
      const goesOn = !!prev && prev.chunk === chunk && (CATENATIVE.has(prev.lemma) || (prev.lemma === 'to' && CATENATIVE.has(tokens[tokens.length - 2]?.lemma ?? '')));
      if (chunkHasVerb && !relativeSinceVerb && !goesOn && !(prev && prev.lemma === 'to' && prev.chunk === chunk && w.pos === 'VERB' && tokens.filter((t) => t.chunk === chunk).length === 1)) {
        newChunk();
        chunkHasVerb = false;
      }
      if (isVerb(w)) {
        chunkHasVerb = true;
        relativeSinceVerb = false;
      }
    }
    // (Only after a verb: "∇L → uphill", read "the gradient leads to uphill", is one claim, the
    // gradient's way, where "moving against it leads to a lower loss" is a move and its result.)
    if (RESULT.has(w.lemma) && isVerb(w) && next && (next.lemma === 'to' || next.lemma === 'in') && tokens.some((t) => t.chunk === chunk && isVerb(t))) {
      newChunk();
    }
    tokens.push({ ...w, place: i, clause, chunk, statement, ...(opens ? { opens } : {}) });
    opens = undefined;
  });
  // An aside is read after the clause it interrupted, so that each clause's words stand together.
  const firstOf = new Map<number, number>();
  tokens.forEach((t, i) => firstOf.has(t.clause) || firstOf.set(t.clause, i));
  const order = new Map(tokens.map((t, i) => [t, i]));
  tokens.sort((a, b) => firstOf.get(a.clause)! - firstOf.get(b.clause)! || order.get(a)! - order.get(b)!);
  lastClause = comparisons(tokens, lastClause);
  settingTurns(tokens);
  // "reduce L", "make J as small as possible": the loss written as its symbol, a capital L or J
  // standing alone in a sentence of words. ("8 L/min", after a number, is litres; "∇L", read "the
  // gradient of L", is the gradient, whose way is its own; in "argmin L" or "w ← w − η∇L", maths
  // alone, L is read as maths is.)
  const sentences = (text.match(/\b[a-z]{2,}\b/gi) ?? []).filter((w) => !/^(argmin|argmax|min|max|lim|grad|sum|exp|log)$/i.test(w)).length >= 3;
  if (sentences) {
    tokens.forEach((t, i) => {
      if ((t.raw.trim() === 'L' || t.raw.trim() === 'J') && !t.refers && tokens[i - 1]?.pos !== 'NUM' && tokens[i - 1]?.lemma !== 'of') t.refers = 'loss';
    });
  }
  // "The weights don't move with the gradient *but against it*": a "but" clause with no verb of its
  // own says the denied clause's verb, affirmed, the other way. The verb is borrowed (not quoted).
  for (const c of butClauses) {
    const own = tokens.filter((t) => t.clause === c);
    const upTo = own.findIndex((t) => RELATIVE.has(t.lemma));
    const head = upTo < 0 ? own : own.slice(0, upTo);
    if (!own.length || head.some((t) => isVerb(t) || t.pos === 'AUX')) continue;
    const before = tokens.filter((t) => t.clause === c - 1);
    const verb = before.find(isVerb);
    if (!verb || !before.some((t) => DENIERS.has(t.lemma))) continue;
    tokens.splice(tokens.indexOf(own[0]), 0, { ...verb, clause: c, chunk: own[0].chunk, negated: false, borrowed: true });
  }
  // "The analytic one doesn't approximate: *it is* exact": "it is …" opening a clause says what the
  // clause before, which opens with its subject ("the analytic one"), is.
  tokens.forEach((t, i) => {
    // ("Analytic is from the rules, so *it gives* the exact value": so is "it" and any verb.)
    const verb = tokens[i + 1] && (tokens[i + 1].lemma === 'be' || tokens[i + 1].pos === 'VERB' || tokens[i + 1].pos === 'AUX');
    if (t.lemma !== 'it' || i === 0 || tokens[i - 1].clause === t.clause || !verb || tokens[i + 1].clause !== t.clause) return;
    const before = tokens.filter((x) => x.clause === tokens[i - 1].clause);
    const k = before[0]?.pos === 'DET' ? 1 : 0;
    const subject = before[k];
    if (subject && (subject.pos === 'NOUN' || subject.pos === 'PROPN' || subject.pos === 'ADJ') && subject.sentence === t.sentence) t.refers = subject.lemma;
  });
  // "Model is having parameters, we change *them*": "them"/"they" stand for the plural noun before.
  tokens.forEach((t, i) => {
    if (t.text !== 'them' && t.text !== 'they') return;
    const before = tokens.slice(0, i).reverse().find((x) => x.pos === 'NOUN' && x.text !== x.lemma && x.text.endsWith('s'));
    if (before && before.sentence >= t.sentence - 1) t.refers = before.lemma;
  });
  // "It tells, for every weight, which way to change *it*": "it" as a verb's object, in a clause
  // that names no noun of its own before it, is the noun of the clause before it in the sentence.
  tokens.forEach((t, i) => {
    // ("so we can *lower* it": the model may tag a verb after a modal or "to" an adjective)
    const prev = tokens[i - 1];
    const verbBefore = prev?.pos === 'VERB' || (prev?.pos === 'ADJ' && ['AUX', 'PART'].includes(tokens[i - 2]?.pos ?? '') && tokens[i - 2].clause === t.clause);
    if (t.lemma !== 'it' || t.refers || !verbBefore || prev.clause !== t.clause) return;
    // (a word of going up or down tagged a noun, "where the loss *increases*", is no thing to stand for;
    // nor a verb after its subject tagged a plural noun, "how the loss *changes*")
    const verbAfterNoun = (x: Token) => VERB_AFTER_NOUN.has(x.lemma) && x.text !== x.lemma && ['NOUN', 'PROPN'].includes(tokens[tokens.indexOf(x) - 1]?.pos ?? '');
    const before = tokens.slice(0, i).reverse().find((x) => x.sentence === t.sentence && x.clause !== t.clause && (x.pos === 'NOUN' || x.pos === 'PROPN') && !LEVEL[x.lemma] && !verbAfterNoun(x));
    if (before && !GRADIENT.has(before.lemma)) t.refers = before.lemma;
  });
  // "a number that says *how bad* the guesses are … so *that number* gets as low as you can", "work
  // out how wrong it is, then make *that* as small as we can": a quantity named by the badness it
  // measures, then pointed back to, is the loss.
  const badness = tokens.findIndex((t, i) => (BADNESS.has(t.lemma) && tokens[i - 1]?.lemma === 'how') || t.lemma === 'loss' || t.lemma === 'error');
  if (badness >= 0) {
    tokens.forEach((t, i) => {
      if (i <= badness || t.refers) return;
      const pointed = ['that', 'this'].includes(tokens[i - 1]?.lemma ?? '') && tokens[i - 1].clause === t.clause;
      // ("that number", "this score"; not "a number that says how bad …", the naming itself)
      if (MEASURE_NOUNS.has(t.lemma) && pointed && !['that', 'which'].includes(tokens[i + 1]?.lemma ?? '')) t.refers = 'loss';
      // ("make *that* as small as …", "get *it* down": the thing made small or low)
      else if ((t.lemma === 'that' || t.lemma === 'it') && MAKING.has(tokens[i - 1]?.lemma ?? '') && tokens[i - 1].clause === t.clause && LOWER_AFTER.has(tokens[i + 1]?.lemma ?? '')) t.refers = 'loss';
    });
  }
  // "…the gradient, which points uphill": the relative pronoun is the gradient, for the claims.
  tokens.forEach((t, i) => {
    // ("which points uphill": the model may tag "points" a plural noun.)
    const verb = tokens[i + 1] && (tokens[i + 1].pos === 'VERB' || (POINTING.has(tokens[i + 1].lemma) && tokens[i + 1].clause === t.clause));
    if ((t.lemma !== 'which' && t.lemma !== 'that') || tokens[i - 1]?.clause === t.clause || !verb) return;
    const before = tokens.slice(0, i).reverse().find((x) => x.pos === 'NOUN' || x.pos === 'PROPN');
    if (before && before.sentence === t.sentence && GRADIENT_NOUNS.has(before.lemma)) t.refers = before.lemma;
  });
  // "what do you choose", "which way does it point": a clause that opens with a question word and an
  // auxiliary before its subject asks; it says nothing (a hint's questions said back answer none).
  for (const c of new Set(tokens.map((t) => t.clause))) {
    const own = tokens.filter((t) => t.clause === c);
    if (!QUESTION_WORDS.has(own[0].lemma)) continue;
    // (not "be": "which is the steepness", "what is left" are relative clauses as often as questions)
    const asking = (t: Token | undefined) => !!t && (t.lemma === 'do' || (t.pos === 'AUX' && MODALS.has(t.lemma)));
    const k = asking(own[1]) ? 1 : ['ADJ', 'ADV', 'NOUN'].includes(own[1]?.pos ?? '') && asking(own[2]) ? 2 : 0;
    if (k && own[k + 1] && ['PRON', 'DET', 'NOUN', 'PROPN'].includes(own[k + 1].pos)) own.forEach((t) => (t.question = true));
  }
  const words = tokens.filter((t) => !t.borrowed).length;
  const hasVerb = tokens.some((t) => isVerb(t) || (t.pos === 'AUX' && t.lemma !== 'be'));
  // ("lr too high: diverges": a label and what it does is a statement, as "=" and "→" are)
  const hasLinks = tokens.some((t) => FUNCTION_POS.has(t.pos) || t.pos === 'AUX') || /[=→]|\S:\s+\S/.test(text);
  // ("error prediction minimize": a verb among the nouns does not make a sentence.)
  const source = text.slice(0, READ_LIMIT);
  locate(tokens, source);
  // ("rate, per hour, speed, change": short items between commas, with no verb, are a list of words
  // too, whatever small words they hold)
  // (no article: "the exact ones" between commas is a noun phrase said of what is before it)
  const items = source.split(/[,/\n]+/).map((x) => (x.match(/[\p{L}\p{N}]+/gu) ?? []).length).filter(Boolean);
  // ("rising", "falling": a participle alone in an item is a word of the list, not a statement)
  const stated = tokens.some((t) => t.pos === 'AUX' || (isVerb(t) && !/(ing|ed)$/.test(t.text)));
  const commaList = !stated && !tokens.some((t) => ['the', 'a', 'an'].includes(t.lemma)) && !source.includes(';') && items.length >= 3 && items.every((n) => n <= 3) && !/[=→]|\S:\s+\S/.test(source);
  return { tokens, words, hasVerb, keywordList: (words >= 2 && !hasLinks) || commaList, source };
}

/* ------------------------------------------------------------------ direction words */

/** A table with no prototype: "constructor" or "toString" in an answer is a word, not a method. */
const table = <T>(entries: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, entries);

/** Words that turn the gradient (or a direction) around: "the *negative* gradient", "*against* it". */
const TURN: Record<string, Sign> = table({
  opposite: -1, against: -1, negative: -1, minus: -1, subtract: -1, reverse: -1, inverse: -1, contrary: -1, away: -1,
  along: 1, follow: 1, add: 1, plus: 1,
});
/** Words that say up or down on the loss. */
/** Verbs the model tags plural nouns after a subject: "how the loss changes", "where it moves". */
const VERB_AFTER_NOUN = new Set(['change', 'move', 'point', 'react', 'respond', 'vary', 'depend', 'shift', 'behave']);
const LEVEL: Record<string, Sign> = table({
  down: -1, downhill: -1, downward: -1, downwards: -1, descend: -1, descent: -1, decrease: -1, reduce: -1, lower: -1, lowest: -1,
  minimize: -1, minimum: -1, minimal: -1, bottom: -1, valley: -1, fall: -1, drop: -1, shrink: -1, decline: -1, smaller: -1,
  smallest: -1, least: -1, fewer: -1, fewest: -1, decent: -1, less: -1,
  up: 1, uphill: 1, upward: 1, upwards: 1, ascend: 1, ascent: 1, increase: 1, rise: 1, climb: 1, raise: 1, maximize: 1,
  maximum: 1, higher: 1, highest: 1, grow: 1, larger: 1, largest: 1, bigger: 1, biggest: 1, greater: 1, greatest: 1, top: 1, peak: 1,
});
/** Level words that are sizes too: a loss "as small as possible", but also "a small step". */
const LEVEL_SIZE: Record<string, Sign> = table({ small: -1, low: -1, large: 1, high: 1, big: 1 });
const SIZE: Record<string, Sign> = table({
  large: 1, big: 1, high: 1, huge: 1, great: 1, larger: 1, bigger: 1, higher: 1, giant: 1, massive: 1, much: 1,
  small: -1, tiny: -1, low: -1, little: -1, smaller: -1, lower: -1, short: -1,
  ant: -1, baby: -1, mini: -1, minuscule: -1, microscopic: -1, teeny: -1, enormous: 1, gigantic: 1, vast: 1,
});

/**
 * A size, in words ("a huge step") or as a learning rate typed with a decimal point, the way the
 * labs show them: 1.1 or more is large, 0.01 or less small ("1.1 went crazy, 0.01 crawled"). A
 * whole number is a count (3 steps, 1000 iterations), no size.
 */
function sizeOf(t: Token): Sign | undefined {
  if (t.size) return t.size;
  if (SIZE[t.lemma]) return SIZE[t.lemma];
  // "A large step does not settle; *it* keeps jumping over": "it" is the large step, size and all.
  if (t.pos === 'PRON' && t.refers && SIZE[t.refers]) return SIZE[t.refers];
  if (t.pos !== 'NUM' || !/^\d*\.\d+$/.test(t.text)) return undefined;
  const v = Number(t.text);
  return v >= 1 ? 1 : v > 0 && v <= 0.01 ? -1 : undefined;
}

/**
 * "Increase the learning rate", "crank the rate up", "turn it way down", "cut the step size": the
 * step's size said as turning its setting up or down. The turning word carries the size.
 */
const RAISING: Record<string, Sign> = table({ increase: 1, raise: 1, boost: 1, double: 1, bump: 1, crank: 1, enlarge: 1, decrease: -1, lower: -1, reduce: -1, cut: -1, halve: -1, shrink: -1 });
const TURNING = new Set(['turn', 'crank', 'dial', 'push', 'bump', 'set', 'ramp', 'jack', 'pump', 'put']);
const SETTINGS = new Set(['rate', 'step', 'lr', 'eta', 'η', 'size', 'alpha']);
function settingTurns(tokens: Token[]): void {
  const named = tokens.some((t) => SETTINGS.has(t.lemma));
  const setting = (t: Token | undefined) => !!t && (SETTINGS.has(t.lemma) || (t.lemma === 'it' && named));
  tokens.forEach((t, i) => {
    const own = (k: number) => tokens[k]?.clause === t.clause;
    const r = RAISING[t.lemma];
    if (r && (t.pos === 'VERB' || i === 0 || tokens[i - 1].clause !== t.clause || ['you', 'we', 'to', 'if', 'and'].includes(tokens[i - 1].lemma))) {
      // (the verb's object, a few words on: "decrease *the learning rate*", "lower *it*")
      for (let k = i + 1; k <= i + 4 && own(k); k++) if (setting(tokens[k])) { t.size = r; return; }
    }
    if ((t.lemma === 'up' || t.lemma === 'down') && i > 1) {
      // ("turn the learning rate *up*", "crank it way *down*": a turning verb, the setting, then the particle)
      const before = tokens.slice(Math.max(0, i - 5), i).filter((x) => x.clause === t.clause);
      if (before.some((x) => TURNING.has(x.lemma)) && before.some(setting)) t.size = t.lemma === 'up' ? 1 : -1;
    }
  });
}

/** Verbs of changing a thing, after which "with" names a tool: "update the weights with the gradient". */
const CHANGING = new Set(['update', 'adjust', 'change', 'tune', 'tweak', 'modify', 'correct', 'train', 'optimize', 'optimise', 'improve', 'fix', 'compute', 'calculate']);
/** What a step moves: "decrease *the weights* by …". */
const MOVED = new Set(['weight', 'parameter', 'theta', 'coefficient', 'bias', 'param']);
/** Words of how wrong a guess is ("how *bad*", "how *far off*"), and the nouns that then stand for that measure. */
const BADNESS = new Set(['bad', 'badly', 'wrong', 'off', 'poorly', 'far']);
const MEASURE_NOUNS = new Set(['number', 'score', 'value', 'quantity', 'measure', 'amount']);
const MAKING = new Set(['make', 'get', 'keep', 'push', 'drive', 'bring']);
const LOWER_AFTER = new Set(['as', 'small', 'smaller', 'low', 'lower', 'down', 'tiny', 'high', 'higher', 'large', 'larger', 'big', 'bigger', 'up']);

export const GRADIENT = new Set(['gradient', 'slope', 'derivative', 'it']);
const GRADIENT_NOUNS = new Set(['gradient', 'slope', 'derivative']);
/** Words that place a step past the bottom, not towards it: "overshoots the minimum" is no way to move. */
const PASSING = new Set(['overshoot', 'overshot', 'miss', 'skip', 'past', 'beyond', 'jump', 'leap']);
/** Verbs that say where the gradient points: "move in the direction the gradient points". */
const POINTING = new Set(['point', 'go', 'show', 'indicate', 'lead', 'say', 'tell', 'give']);

// Misspelt direction words ("opposit", "decreses") are read as the word they stand for.
const nearCache = new Map<object, Map<string, Sign | undefined>>();
function sign(table: Record<string, Sign>, t: Token): Sign | undefined {
  let cache = nearCache.get(table);
  if (!cache) nearCache.set(table, (cache = new Map()));
  // A real word is only itself ("lover" is no "lower"); misspellings were read as their word already, or are looked up near here.
  if (t.known) return table[t.lemma] ?? table[t.text];
  return lookupNear(table, t.lemma, cache) ?? (t.text !== t.lemma ? lookupNear(table, t.text, cache) : undefined);
}

function turnSign(ts: Token[], i: number): Sign | 0 {
  const t = ts[i];
  if (t.lemma === 'other' || t.lemma === 'same') {
    const n = ts[i + 1]?.lemma;
    if (n === 'way' || n === 'direction' || n === 'side') return t.lemma === 'other' ? -1 : 1;
    return 0;
  }
  // "in the direction of the gradient", "with the gradient", "towards the gradient": along it;
  // so is "in the direction the gradient points", "where the gradient points".
  // "in the gradient's direction", "in the gradient direction": along it.
  if (t.lemma === 'direction' && (GRADIENT_NOUNS.has(ts[i - 1]?.lemma ?? '') || (ts[i - 1]?.text === "'s" && GRADIENT_NOUNS.has(ts[i - 2]?.lemma ?? '')))) return 1;
  // "update the weights *with* the gradient", "adjusted with it": after a verb of changing (not of
  // going) "with" names the tool used, no way to move ("move with the gradient" is one).
  if (t.lemma === 'with') {
    const verb = ts.slice(Math.max(0, i - 5), i).reverse().find((x) => x.clause === t.clause && (x.pos === 'VERB' || CHANGING.has(x.lemma)));
    if (verb && CHANGING.has(verb.lemma)) return 0;
  }
  if (t.lemma === 'direction' || t.lemma === 'with' || t.lemma === 'toward' || t.lemma === 'towards' || t.lemma === 'where') {
    const after = ts.slice(i + 1, i + 4).map((x) => x.lemma);
    const k = after.findIndex((l) => GRADIENT.has(l));
    if (k < 0) return 0;
    const plain = after.slice(0, k).every((l) => l === 'of' || l === 'the' || l === 'its' || l === 'a' || l === 'that' || l === 'which');
    const pointed = POINTING.has(ts[i + 2 + k]?.lemma ?? '');
    if (plain && (t.lemma === 'with' || t.lemma === 'toward' || t.lemma === 'towards' ? true : after[0] === 'of' || pointed)) return 1;
    return 0;
  }
  return sign(TURN, t) ?? 0;
}

export type Axis = 'against' | 'along' | 'up' | 'down' | 'large' | 'small';

/**
 * The direction a chunk gives on an axis, or 0 when it gives none.
 * against/along: a turn word wins ("along the negative gradient" is against it); else up/down
 * words (downhill is against the gradient). up/down: the product of turns and levels ("the
 * negative gradient points to the steepest decrease": the gradient points up). large/small: size words.
 */
export function directionOf(ts: Token[], axis: Axis, anchor = -1, withTurns = true): Sign | 0 {
  if (axis === 'large' || axis === 'small') {
    // The size nearest before the anchor ("too big you skip the minimum"), else the nearest after.
    let s: Sign | 0 = 0;
    const before = anchor < 0 ? ts : ts.slice(0, anchor + 1);
    for (const t of before) if (sizeOf(t)) s = sizeOf(t)!;
    if (!s && anchor >= 0) s = ts.slice(anchor).map(sizeOf).find(Boolean) ?? 0;
    return s;
  }
  let turn: Sign | 0 = 0;
  let turned = false;
  let level = 0;
  let lastLevel: Sign | 0 = 0;
  const levelOf = (t: Token | undefined) => (t ? sign(LEVEL, t) ?? (axis === 'up' || axis === 'down' ? LEVEL_SIZE[t.lemma] : undefined) : undefined);
  // "up or down", "increase or decrease": both ways named, neither said.
  const either = new Set<number>();
  ts.forEach((t, i) => {
    const a = levelOf(t);
    if (a && (ts[i + 1]?.lemma === 'or' || ts[i + 1]?.lemma === 'and') && levelOf(ts[i + 2]) === -a) either.add(i).add(i + 2);
  });
  const passing = (axis === 'against' || axis === 'along') && ts.some((t) => PASSING.has(t.lemma));
  ts.forEach((t, i) => {
    // "*decrease* the weights by the negative gradient": a level verb said of what is moved is a
    // sign of the step, as add and subtract are (decrease × negative = along the gradient).
    // (An imperative at a clause's start may be tagged a noun: "decrease/NOUN the weights".)
    const verbal = t.pos === 'VERB' || i === 0 || ts[i - 1].pos === 'PRON' || ts[i - 1].pos === 'AUX' || ['to', 'then', 'and'].includes(ts[i - 1].lemma);
    const moves = withTurns && (axis === 'against' || axis === 'along') && verbal && !!levelOf(t) && (ts[i + 1]?.pos === 'DET' || MOVED.has(ts[i + 1]?.lemma ?? '')) && ts.slice(i + 1, i + 4).some((x) => MOVED.has(x.lemma));
    const s = moves ? levelOf(t)! : withTurns ? turnSign(ts, i) : 0;
    if (s) {
      turn = ((turn || 1) * s) as Sign;
      turned = true;
    }
    const l = either.has(i) || passing || moves ? undefined : levelOf(t);
    // "gradient descent" is a name, not a way to move.
    if (l && !(t.lemma === 'descent' && ts[i - 1]?.lemma === 'gradient')) {
      level += l;
      lastLevel = l;
    }
  });
  const levelSign: Sign | 0 = level > 0 ? 1 : level < 0 ? -1 : lastLevel;
  if (axis === 'against' || axis === 'along') return turned ? turn : levelSign;
  if (!levelSign) return 0;
  return (turned ? turn * levelSign : levelSign) as Sign;
}

/** Every word the reader's own rules look for, for reading misspellings of them. */
export const READER_WORDS: readonly string[] = [
  ...Object.keys(TURN), ...Object.keys(LEVEL), ...Object.keys(LEVEL_SIZE), ...Object.keys(SIZE), ...GRADIENT, ...PASSING, ...POINTING,
  ...JOINERS, ...RELATIVE, ...RESULT, 'direction', 'other', 'same', 'toward', 'towards', 'where', 'with', 'which', 'without',
];

export const axisSign: Record<Axis, Sign> = { against: -1, along: 1, down: -1, up: 1, small: -1, large: 1 };
export const opposite: Record<Axis, Axis> = { against: 'along', along: 'against', down: 'up', up: 'down', small: 'large', large: 'small' };
