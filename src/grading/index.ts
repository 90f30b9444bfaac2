import type { AnswerKey } from '../lesson/key.js';
import type { Question, QuestionKind } from './question.js';
import type { Verdict } from './verdict.js';
import { gradeTrueFalse } from './truefalse.js';
import { gradeChoice } from './choice.js';
import { gradeRubric } from './rubric.js';
import type * as MathGrading from './math.js';
import { gradeOpen } from './open.js';
import { withKey } from './questions.js';

/**
 * The coding grader runs answers in the math engine (mathjs, 30-40 ms to load), which the quiz
 * does not need before its first prompt: it is loaded by `loadMathGrading()`, which whoever grades a
 * coding answer awaits first (the tutor's tries, `grade`); `grade` itself stays synchronous and pure.
 */
let mathGrading: typeof MathGrading | undefined;
export async function loadMathGrading(): Promise<void> {
  mathGrading ??= await import('./math.js');
}
function gradeMath(q: Extract<Question, { kind: 'math' }>, answer: string): Verdict {
  if (!mathGrading) throw new Error('internal: a coding answer was graded before loadMathGrading()');
  return mathGrading.gradeMath(q, answer);
}

/**
 * One grader per kind of question. A new kind is one new file and one line here (and its name in
 * QuestionKind, which makes this table fail to compile until the line is added).
 */
const GRADERS: { [K in QuestionKind]: (q: Extract<Question, { kind: K }>, answer: string) => Verdict } = {
  truefalse: gradeTrueFalse,
  choice: gradeChoice,
  rubric: gradeRubric,
  math: gradeMath,
  open: gradeOpen,
};

/** Grades one answer. Pure: no I/O, no clock. With a key, its entry for the question is used. */
export function grade(question: Question, answer: string, key?: AnswerKey): Verdict {
  const q = key ? withKey(question, key) : question;
  return (GRADERS[q.kind] as (q: Question, answer: string) => Verdict)(q, answer);
}

export { questionsFor, withKey } from './questions.js';
export { readTrueFalse } from './truefalse.js';
export { readChoice } from './choice.js';
export type { Question, QuestionKind, Section, TrueFalseQuestion, ChoiceQuestion, RubricQuestion, MathQuestion, MathTarget, OpenQuestion } from './question.js';
export type { Verdict } from './verdict.js';
