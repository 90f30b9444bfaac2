import { runQuiz } from '../quiz.js';
import { StepControl } from '../command-asker.js';
import type { Asker } from '../ui.js';
import type { StepRunner } from './context.js';

/**
 * At a quiz question, `:skip` skips that question, as in `calc-ml quiz` (not answered: neither
 * right nor a miss, asked again the next time), rather than the whole quiz step. Elsewhere in
 * the step (were you right?, the pause after it) it stays the lesson's :skip.
 */
function skipsQuestions(ask: Asker): Asker {
  const unanswered = async (read: () => Promise<string>): Promise<string> => {
    try {
      return await read();
    } catch (e) {
      if (e instanceof StepControl && e.action === 'skip') return '';
      throw e;
    }
  };
  const asker: Asker = {
    get interactive() {
      return ask.interactive;
    },
    input: (message, opts) => unanswered(() => ask.input(message, opts)),
    select: (message, choices, opts) => ask.select(message, choices, opts),
    pause: (message) => ask.pause(message),
  };
  if (ask.block) {
    const block = ask.block.bind(ask);
    asker.block = (message) => unanswered(() => block(message));
  }
  return asker;
}

/** The lesson's quiz, graded as the quiz command grades it (tutor/quiz.ts). A question skipped leaves the step skipped: the quiz is not finished. */
export const quiz: StepRunner = async (_step, { lesson, questions, deps }) => {
  const { ask, ui } = deps;
  const result = await runQuiz(lesson, questions, deps.record, { ask: skipsQuestions(ask), ui, grade: deps.grade, save: deps.save, now: deps.now, tries: deps.tries, passMark: deps.passMark, python: deps.python });
  await ask.pause();
  return result.skipped ? 'skipped' : 'done';
};
