import { openLesson } from '../io/lesson-file.js';
import { openSession } from '../io/session.js';
import { createPrompter, EndOfInput, Interrupted } from '../io/prompter.js';
import { parseTries } from '../tutor/tries.js';
import { terminalUi } from '../io/ui.js';
import { renderMarkdown } from '../io/markdown.js';
import { grade, questionsFor } from '../grading/index.js';
import { runTutor } from '../tutor/start.js';
import { runReview } from '../tutor/review.js';
import { planSteps } from '../tutor/plan.js';
import { ideaChart } from '../tutor/idea-chart.js';
import { ideaMap } from '../tutor/idea-map.js';
import { lessonDirs, resolveLessonRef } from '../lesson/catalog.js';
import { UserError } from '../errors.js';

export interface StartOptions {
  restart?: boolean;
  step?: string;
  dir?: string[];
  tries?: string;
}

export async function run(ref: string | undefined, opts: StartOptions): Promise<void> {
  const tries = parseTries(opts.tries);
  const { lesson, key } = await openLesson(ref, opts.dir);
  const ui = terminalUi(process.stdout);
  const session = openSession(lesson.id);
  const prompter = createPrompter({ output: process.stdout });
  const questions = questionsFor(lesson, key);
  let nextLessonPath: string | null = null;
  if (lesson.next) {
    try {
      nextLessonPath = resolveLessonRef(lesson.next.id, lessonDirs(opts.dir));
    } catch {
      nextLessonPath = null; // not on this machine: the learner is told how to point at it
    }
  }
  const deps = {
    ask: prompter,
    ui,
    grade,
    record: session.record,
    save: session.save,
    now: () => new Date().toISOString(),
    render: (md: string) => renderMarkdown(md, Math.min(ui.width, 100), ui.colors),
    ideas: key?.ideas,
    ideaChart,
    ideaMap,
    nextLessonPath,
    tries,
  };
  let outcome;
  try {
    outcome = await runTutor(lesson, questions, deps, { restart: opts.restart, step: opts.step });
    if (outcome.kind === 'review') {
      await runReview(questions, session.record, { ask: prompter, ui, grade, save: session.save, now: () => new Date() });
    }
  } catch (e) {
    if (e instanceof Interrupted || e instanceof EndOfInput) {
      const steps = planSteps(lesson);
      const at = steps.findIndex((s) => s.id === session.record.tutor.step);
      const where = at >= 0 ? `step ${at + 1} of ${steps.length}, ${steps[at].title.replace(/[.!?]$/, '')}` : 'the start';
      const kept = session.failed ? 'some answers could not be saved (see the note above)' : session.saving ? 'your answers are saved' : 'answers could not be saved';
      if (e instanceof Interrupted) throw new UserError(`paused at ${where}; ${kept}. Run "calc-ml start" to pick up here`, 130);
      if (e.why) throw new UserError(`${e.why} (at ${where}); ${kept}`, 1);
      throw new UserError(
        `the input ended at ${where}; ${kept}. Run "calc-ml start" in a terminal to continue, or pipe one answer per line`,
        1,
      );
    }
    throw e;
  } finally {
    prompter.close();
  }
  if (outcome.kind === 'next') await run(outcome.path, { dir: opts.dir });
}
