/** The answer key as the tutor uses it; read from `<lesson>.key.yaml` by parseKey (key.ts). */

export interface Concept {
  /** What a good answer says, in a few words ("the gradient points uphill"). */
  name: string;
  /** Alternative words and phrases, matched on stems (see grading/match.ts for the syntax). */
  phrases: string[];
  /** Needed for `correct`, whatever the count. */
  required?: boolean;
}

export interface Misconception {
  /** The wrong idea in plain words ("the gradient points downhill"). */
  name: string;
  phrases: string[];
  /** What is right instead. */
  correction: string;
  /** Names of concepts that get no credit when this wrong idea is in the answer. */
  blocks: string[];
}

export interface Rubric {
  concepts: Concept[];
  /** How many concepts make an answer correct, and how many make it partly right. */
  need: { correct: number; partial: number };
  misconceptions: Misconception[];
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
  hint?: string;
  explanation?: string;
  lab?: string;
  /** True/false items the lesson leaves unmarked (milestone tests). */
  answer?: boolean;
  rubric?: Rubric;
  coding?: CodingKey;
}

/** For the guided lesson: a line "in other words" and a small chart for a core idea, in lesson order. */
export interface IdeaNote {
  says?: string;
  plot?: { expr: string; from: number; to: number; tangent?: number };
}

export interface AnswerKey {
  lesson: string;
  entries: Record<string, KeyEntry>;
  ideas?: IdeaNote[];
}
