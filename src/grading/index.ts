import type { AnswerKey } from '../lesson/key.js';
import type { Question, QuestionKind } from './question.js';
import type { Verdict } from './verdict.js';
import { gradeTrueFalse } from './truefalse.js';
import { gradeChoice } from './choice.js';
import { gradeRubric } from './rubric.js';
import { gradeMath } from './math.js';
import { gradeOpen } from './open.js';
import { withKey } from './questions.js';

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
