import { openLesson } from '../io/lesson-file.js';
import { openSession } from '../io/session.js';
import { createPrompter, EndOfInput, Interrupted } from '../io/prompter.js';
import { terminalUi } from '../io/ui.js';
import { grade, questionsFor } from '../grading/index.js';
import { runReview } from '../tutor/review.js';
import { parseTries } from '../tutor/tries.js';
import { UserError } from '../errors.js';

export async function run(ref: string | undefined, opts: { dir?: string[]; tries?: string }): Promise<void> {
  const tries = parseTries(opts.tries);
  const { lesson, key } = await openLesson(ref, opts.dir);
  const ui = terminalUi(process.stdout);
  const session = openSession(lesson.id);
  const prompter = createPrompter({ output: process.stdout });
  try {
    await runReview(questionsFor(lesson, key), session.record, { ask: prompter, ui, grade, save: session.save, now: () => new Date(), tries });
  } catch (e) {
    if (e instanceof Interrupted) throw new UserError('review stopped; the answers you gave are saved. Run "calc-ml review" to go on', 130);
    if (e instanceof EndOfInput) throw new UserError(`${e.why ?? 'the input ended during the review'}; the answers you gave are saved`, 1);
    throw e;
  } finally {
    prompter.close();
  }
}
