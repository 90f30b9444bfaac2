import type { Verdict } from '../grading/verdict.js';
import type { CriticalPoint } from './field.js';
import { countWords } from './count-words.js';

// Grades the 2-D mini-project's description of a map against what the map shows: where the
// minimum is (both coordinates), which direction is steep there, and whether it is the only one.
// Pure; numbers are read as written ("(1, -0.5)", "x = 1 and y = -0.5", "the origin").

export interface MapFacts {
  vars: readonly [string, string];
  /** Minima inside the box, lowest first. */
  minima: readonly CriticalPoint[];
  /** At the lowest minimum: the axis along which f curves most, or null when no axis stands out. */
  steepAxis: 0 | 1 | null;
  /** Size of the box, for how close a coordinate must be. */
  span: number;
}

const NUMBER = /(?:minus\s+|−|-)?\d+(?:\.\d+)?/g;
const num = (s: string) => Number(s.replace(/^(minus\s+|−)/, '-'));

/** The points the text names: (a, b) pairs, "x = a … y = b", or "the origin". */
function pointsIn(t: string, vars: readonly [string, string]): [number, number][] {
  const out: [number, number][] = [];
  for (const m of t.matchAll(/\(\s*((?:minus\s+|−|-)?\d+(?:\.\d+)?)\s*[,;]\s*((?:minus\s+|−|-)?\d+(?:\.\d+)?)\s*\)/g)) out.push([num(m[1]), num(m[2])]);
  const [a, b] = vars.map((v) => new RegExp(`\\b${v}\\s*(?:=|≈|is|of|at|equals|near|about|around)+\\s*(?:about\\s+|around\\s+)?((?:minus\\s+|−|-)?\\d+(?:\\.\\d+)?)`).exec(t)?.[1]);
  if (a !== undefined && b !== undefined) out.push([num(a), num(b)]);
  if (/\borigin\b/.test(t)) out.push([0, 0]);
  // Two bare numbers in a row ("at 1 and -0.5"), when nothing else was said.
  if (!out.length) {
    const ns = [...t.matchAll(NUMBER)].map((m) => num(m[0]));
    if (ns.length >= 2) out.push([ns[0], ns[1]]);
  }
  return out;
}

const STEEP = /\b(steep\w*|fast\w*|quick\w*|sharp\w*|rapid\w*|narrow\w*|tight\w*|crowd\w*|close together|rises? (?:most|more)|changes? (?:most|more))/;
const FLAT = /\b(flat\w*|gentl\w*|gradual\w*|slow\w*|wide\w*|shallow\w*|spread out|long)/;

/** Which axis a clause names: the variable, or words for its direction. */
function axisIn(clause: string, vars: readonly [string, string]): 0 | 1 | null {
  const words: [RegExp, 0 | 1][] = [
    [new RegExp(`\\b${vars[0]}\\b|horizontal\\w*|left|right|sideways|east|west`), 0],
    [new RegExp(`\\b${vars[1]}\\b|vertical\\w*|\\bup\\b|\\bdown\\b|north|south`), 1],
  ];
  const hits = words.filter(([re]) => re.test(clause)).map(([, k]) => k);
  return hits.length === 1 ? hits[0] : null;
}

/**
 * Each claim is right, not made, or made and false (a point that is not the minimum, the wrong axis
 * as steep, "the only one" of two): a description with no claim right, or more false than right, is
 * not accepted, and each false claim is named with what the map shows instead.
 */
export function gradeMapDescription(text: string, facts: MapFacts): Verdict {
  const t = text.toLowerCase();
  const low = facts.minima[0];
  if (!low) return { verdict: 'ungraded', score: 0, feedback: 'This map has no minimum inside it, so there is no minimum to describe.' };
  const [vx, vy] = facts.vars;
  const tol = Math.max(0.25, facts.span * 0.04);
  const near = (p: [number, number], q: { x: number; y: number }) => Math.abs(p[0] - q.x) <= tol && Math.abs(p[1] - q.y) <= tol;
  const named = pointsIn(t, facts.vars);
  const where = named.some((p) => near(p, low));
  // Steepness: a clause that says steep along one axis, or flat along the other.
  const clauses = t.split(/[.;!?,]|\band\b|\bbut\b|\bwhile\b|\bwhereas\b/);
  let steep: 0 | 1 | null = null;
  let saidSteep: 0 | 1 | null = null;
  let wrongSteep = false;
  for (const c of clauses) {
    const axis = axisIn(c, facts.vars);
    if (axis === null) continue;
    const says = STEEP.test(c) ? axis : FLAT.test(c) ? ((1 - axis) as 0 | 1) : null;
    if (says === null) continue;
    if (facts.steepAxis !== null && says === facts.steepAxis) steep = says;
    else {
      wrongSteep = true;
      saidSteep = says;
    }
  }
  const round = /\b(equal\w*|same|every direction|all directions|round|circular|symmetric\w*)\b/.test(t);
  const direction = facts.steepAxis === null ? round : steep !== null && !wrongSteep;
  const several = facts.minima.length > 1;
  const { many: saysMany, one: saysOne } = countWords(t);
  const count = several ? saysMany : saysOne;
  const steepName = facts.steepAxis === null ? 'every direction alike' : facts.vars[facts.steepAxis];
  const found: string[] = [];
  const missing: string[] = [];
  (where ? found : missing).push(`where the minimum is ((${vx}, ${vy}) ≈ (${r(low.x)}, ${r(low.y)}))`);
  (direction ? found : missing).push(facts.steepAxis === null ? 'that the ground rises alike every way' : `which way is steep (along ${steepName}, where the contours crowd together)`);
  (count ? found : missing).push(several ? `that there is more than one valley (${facts.minima.length} minima)` : 'that it is the only minimum');
  // The claims made and false.
  const wrong: { about: 'where' | 'steep' | 'count'; text: string }[] = [];
  const other = several && !where ? facts.minima.slice(1).find((m) => named.some((p) => near(p, m))) : undefined;
  const lowAt = `(${vx}, ${vy}) ≈ (${r(low.x)}, ${r(low.y)})`;
  if (other) wrong.push({ about: 'where', text: `(${r(other.x)}, ${r(other.y)}) is the other valley, a local minimum: the lowest point is at ${lowAt}` });
  else if (!where && named.length) wrong.push({ about: 'where', text: `(${r(named[0][0])}, ${r(named[0][1])}) is not the minimum: it is at ${lowAt}` });
  if (wrongSteep && !direction) {
    wrong.push({
      about: 'steep',
      text: facts.steepAxis === null
        ? 'no way is steeper than another here: the ground rises alike every way (the bands are evenly spaced)'
        : `it is steep along ${steepName}, not ${saidSteep === null ? 'the other way' : facts.vars[saidSteep]} (the bands crowd together along ${steepName})`,
    });
  }
  if (several && saysOne) wrong.push({ about: 'count', text: `it is not the only minimum: there are ${facts.minima.length}` });
  if (!several && saysMany) wrong.push({ about: 'count', text: 'there is only one minimum, not several' });
  const rejected = !found.length || wrong.length > found.length;
  const score = rejected ? 0 : found.length / 3;
  const verdict = found.length === 3 && !wrong.length ? 'correct' : rejected ? 'incorrect' : 'partial';
  const kinds = ['where', 'steep', 'count'] as const;
  const unsaid = missing.filter((m) => {
    const k = kinds[[`where`, facts.steepAxis === null ? 'that the ground' : 'which way', 'that'].findIndex((p) => m.startsWith(p))];
    return !wrong.some((w) => w.about === k);
  });
  const feedback = [
    found.length ? `You described ${found.join(', ')}.` : wrong.length ? '' : 'Your description does not yet say where the minimum is, which way the ground is steep, or how many valleys there are.',
    wrong.length ? ['Not so:', ...wrong.map((w) => `- ${w.text}.`)].join('\n') : '',
    unsaid.length ? `Still missing: ${unsaid.join('; ')}.` : '',
    `The map shows: the lowest point at (${vx}, ${vy}) ≈ (${r(low.x)}, ${r(low.y)}), f ≈ ${r(low.f)}` +
      (several ? `, and ${facts.minima.length - 1} other local minim${facts.minima.length > 2 ? 'a' : 'um'} (${facts.minima.slice(1).map((m) => `(${r(m.x)}, ${r(m.y)})`).join(', ')})` : ', the only minimum') +
      (facts.steepAxis === null ? '; around it f rises alike every way.' : `; around it f is steepest along ${steepName}, so the gradient there points mostly along ${steepName}.`),
  ].filter(Boolean).join('\n');
  return { verdict, score, feedback, found, missing };
}

function r(n: number): string {
  const v = Math.round(n * 100) / 100;
  return String(Object.is(v, -0) ? 0 : v);
}
