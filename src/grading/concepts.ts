import type { Concept, Misconception, Rubric } from '../lesson/key.js';
import { compilePhrase, findPhrase, type Match } from './match.js';
import type { Token } from './text.js';

/**
 * Which of a rubric's concepts an answer states, which it denies, and which wrong ideas it holds.
 *
 * When a concept's words sit inside a longer wrong idea ("the gradient points *downhill*"), the
 * wrong idea wins; when a wrong idea's words sit inside a longer right one ("opposite to the
 * *direction of the gradient*"), the right one wins.
 */
export interface ConceptReport {
  found: Concept[];
  /** Concepts the answer denies ("the gradient does not point uphill"). */
  denied: { concept: Concept; quote: string }[];
  misconceptions: { misconception: Misconception; quote: string }[];
}

const compiled = new Map<string, ReturnType<typeof compilePhrase>>();
function matchesOf(tokens: Token[], phrases: string[]): Match[] {
  return phrases.flatMap((p) => {
    let c = compiled.get(p);
    if (!c) compiled.set(p, (c = compilePhrase(p)));
    return findPhrase(tokens, c);
  });
}

const positive = (m: Match) => !m.negated && !m.inverted;
const within = (inner: Match, outer: Match) => outer.start <= inner.start && inner.end <= outer.end;
const longer = (a: Match, b: Match) => a.end - a.start > b.end - b.start;

/**
 * `asked`: the stems of the question. A concept found only in words the question already uses
 * earns nothing ("ML uses optimization because ML needs optimization" does not show learning).
 */
export function assessConcepts(tokens: Token[], rubric: Rubric, asked: ReadonlySet<string> = new Set()): ConceptReport {
  const ownWords = (m: Match) => m.at.some((i) => !asked.has(tokens[i].stem));
  const conceptMatches = rubric.concepts.map((c) => ({ concept: c, matches: matchesOf(tokens, c.phrases).filter(ownWords) }));
  const allPositiveConcept = conceptMatches.flatMap((c) => c.matches.filter(positive));

  const misconceptions: ConceptReport['misconceptions'] = [];
  const wrongSpans: Match[] = [];
  for (const m of rubric.misconceptions) {
    const hits = matchesOf(tokens, m.phrases).filter((w) => positive(w) && !allPositiveConcept.some((c) => within(w, c) && longer(c, w)));
    if (hits.length) {
      misconceptions.push({ misconception: m, quote: hits[0].quote });
      wrongSpans.push(...hits);
    }
  }
  const blocked = new Set(misconceptions.flatMap((m) => m.misconception.blocks));

  const kept = conceptMatches.map(({ concept, matches }) => ({ concept, matches: matches.filter((m) => !wrongSpans.some((w) => within(m, w))) }));
  // A denial next to a right idea is a contrast ("uphill, not downhill"), not a wrong idea.
  const affirmed = new Set(kept.flatMap(({ matches }) => matches.filter(positive).map((m) => tokens[m.start].sentence)));
  const found: Concept[] = [];
  const denied: ConceptReport['denied'] = [];
  for (const { concept, matches } of kept) {
    if (matches.some(positive)) {
      if (!blocked.has(concept.name)) found.push(concept);
    } else {
      const denial = matches.find((m) => m.negated && !m.inverted && !affirmed.has(tokens[m.start].sentence));
      if (denial) denied.push({ concept, quote: denial.quote });
    }
  }
  return { found, denied, misconceptions };
}
