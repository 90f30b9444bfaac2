import { runQuiz } from '../quiz.js';
import type { StepRunner } from './context.js';

/** The lesson's quiz, graded as the quiz command grades it (tutor/quiz.ts). */
export const quiz: StepRunner = async (_step, { lesson, questions, deps }) => {
  const { ask, ui } = deps;
  await runQuiz(lesson, questions, deps.record, { ask, ui, grade: deps.grade, save: deps.save, now: deps.now, tries: deps.tries, passMark: deps.passMark, python: deps.python });
  await ask.pause();
  return 'done';
};
