/** The answer key as the tutor uses it; read from `<lesson>.key.yaml` by parseKey (key.ts). */

/** A direction a claim's clause must give (see grading/clauses.ts): against or along the gradient, up or down on the loss, a large or a small step. */
export type Axis = 'against' | 'along' | 'up' | 'down' | 'large' | 'small';

/**
 * What a good answer claims, as a pattern: `says` is a list of word groups, each a list of
 * alternatives, all of which must be in one clause of the answer ("move · the gradient");
 * `direction`, when given, is the way that clause must point. The same pattern turned around
 * (the other direction) or denied ("not") is the matching wrong idea, named by `flipped`.
 */
export interface Claim {
  /** What a good answer says, in a few words ("the gradient points uphill"). */
  name: string;
  says: string[][];
  direction?: Axis;
  /**
   * Needed for `correct`, whatever the count: `true` for this claim itself, or the name of a group
   * of which any one claim will do (quiz.7: "moves against the gradient" or "the loss goes down").
   */
  required?: boolean | string;
  /** Context a complete answer has, that alone never makes an answer partly right (the model in "a loss in a simple model"). */
  supporting?: boolean;
  /** The idea in outline ("to optimise the model"): makes an answer partly right alone, never counts towards correct. */
  gist?: boolean;
  /** The wrong idea when the claim is turned around or denied, and what is right instead. */
  flipped?: { name: string; correction: string };
}

/** Kept for readers of older code: a concept is a claim. */
export type Concept = Claim;

export interface Misconception {
  /** The wrong idea in plain words ("the gradient points downhill"). */
  name: string;
  says: string[][];
  direction?: Axis;
  /** What is right instead. */
  correction: string;
  /** Names of claims that get no credit when this wrong idea is in the answer. */
  blocks: string[];
}

/**
 * Who depends on whom, for questions about a derivative: the things that respond (`outputs`: the
 * output, y, the loss) and the things varied (`inputs`: the input, x, a weight). An answer that
 * has an input respond to an output ("how much x changes when y changes") states `swapped`; the
 * relation the right way round makes the claims named in `makes`.
 */
export interface RoleKey {
  outputs: string[];
  inputs: string[];
  swapped: { name: string; correction: string };
  /** Claims of the question that the relation, read the right way round, makes ("a rate relative to the input"). */
  makes?: string[];
}

export interface Rubric {
  claims: Claim[];
  /** How many claims make an answer correct, and how many make it partly right. */
  need: { correct: number; partial: number };
  misconceptions: Misconception[];
  roles?: RoleKey;
}

export interface CodingKey {
  name: string;
  param: string;
  /** The function's body in the math engine's syntax ("x^2"). */
  function: string;
  at: number;
  expected: number;
}

export interface KeyEntry {
  ref: string;
  line: number;
  kind?: 'written' | 'lab' | 'self';
  model?: string;
  /** The first hint (the key's `hint`, or the first of `hints`). */
  hint?: string;
  /** Hints shown one at a time, from a nudge to nearly the answer. */
  hints?: string[];
  explanation?: string;
  lab?: string;
  /** True/false items the lesson leaves unmarked (milestone tests). */
  answer?: boolean;
  /** Multiple-choice items the lesson leaves unmarked: the letter of the right option (the key's `answer: B`). */
  choice?: string;
  rubric?: Rubric;
  coding?: CodingKey;
}

/** For the guided lesson: a line "in other words" and a small chart for a core idea, in lesson order. */
export interface IdeaNote {
  says?: string;
  plot?: { expr: string; from: number; to: number; tangent?: number };
  /** A contour map of f(x, y) with the gradient drawn at `at` (and the box shown, default around it). */
  map?: IdeaMap;
}

export interface IdeaMap { expr: string; at: [number, number]; box?: [number, number, number, number] }

export interface AnswerKey {
  lesson: string;
  entries: Record<string, KeyEntry>;
  ideas?: IdeaNote[];
}
