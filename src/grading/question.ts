import type { Rubric } from '../lesson/key.js';
import type { ChoiceOption } from '../lesson/model.js';

/**
 * A gradable question: what the grader of its kind needs, plus what the tutor shows.
 * `questionsFor` builds them from a lesson and, when there is one, its answer key.
 */
export type QuestionKind = 'truefalse' | 'choice' | 'rubric' | 'math' | 'open';

/** Where the question sits in the lesson. */
export type Section = 'exercise' | 'trueFalse' | 'multipleChoice' | 'conceptual' | 'coding';

interface Base {
  /** `quiz.N` for quiz items, the exercise id (`1.2.26.4`) for exercises. */
  ref: string;
  kind: QuestionKind;
  section: Section;
  prompt: string;
  /** Line of the question in the lesson file. */
  line: number;
  /** The first hint; graders that show one hint show this. */
  hint?: string;
  /** All hints, in order: the tutor shows the next one each time the learner types "?". */
  hints?: string[];
  /** Shown after grading: why the right answer is right. */
  explanation?: string;
  modelAnswer?: string;
  /** The lesson's own answer, as it gives it under the question (shown after the learner's answer as the lesson's). */
  lessonAnswer?: string;
  /** The lesson's own solution code for a coding challenge (after its "Solution:" label). */
  solution?: string;
  /** Exercises: answered in writing, with a lab to try first, or self-assessed. */
  mode?: 'written' | 'lab' | 'self';
  /** A calc-ml command line (without "calc-ml") to run as the lab of this exercise. */
  lab?: string;
}

export interface TrueFalseQuestion extends Base {
  kind: 'truefalse';
  /** null: the lesson marks no answer; the learner checks themselves. */
  answer: boolean | null;
}

/** A multiple-choice question: the options as the lesson labels them, and the one it marks. */
export interface ChoiceQuestion extends Base {
  kind: 'choice';
  options: ChoiceOption[];
  /** null: the lesson marks no answer; the learner checks themselves. */
  answer: string | null;
}

export interface RubricQuestion extends Base {
  kind: 'rubric';
  rubric: Rubric;
}

/** "Write a function f(x) = x^2 and compute f(3)". */
export interface MathTarget {
  name: string;
  param: string;
  /** The function's body in the math engine's syntax ("x^2"). */
  body: string;
  at: number;
  /** f(at); when absent (derived from the task text) the grader computes it. */
  expected?: number;
}

export interface MathQuestion extends Base {
  kind: 'math';
  target: MathTarget;
}

/** Open questions without a key: kept and self-assessed. */
export interface OpenQuestion extends Base {
  kind: 'open';
}

export type Question = TrueFalseQuestion | ChoiceQuestion | RubricQuestion | MathQuestion | OpenQuestion;
