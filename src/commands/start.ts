import { openLesson } from '../io/lesson-file.js';
import { openSession } from '../io/session.js';
import { createPrompter, EndOfInput, Interrupted } from '../io/prompter.js';
import { parseTries } from '../tutor/tries.js';
import { terminalUi } from '../io/ui.js';
import { renderMarkdown } from '../io/markdown.js';
import { grade, questionsFor } from '../grading/index.js';
import { runTutor } from '../tutor/start.js';
import { stepPlace } from '../tutor/plan.js';
import { lessonPlan } from '../io/lesson-plan.js';
import { ideaChart } from '../tutor/idea-chart.js';
import { ideaMap } from '../tutor/idea-map.js';
import { lessonDirs, resolveLessonRef } from '../lesson/catalog.js';
import { UserError } from '../errors.js';
import { clockNow } from '../io/clock.js';
import { pythonRunner } from '../io/python-run.js';
import { dirname } from 'node:path';
import { ProgressStore } from '../io/progress-store.js';
import { studiedLessons, openStudied } from '../io/studied.js';
import { lastStudiedOf, identityOf } from '../tutor/progress.js';
import { lessonToResume } from '../tutor/progress-status.js';
import { passMarkOf } from '../tutor/quiz-score.js';
import { againCommand } from './again.js';

/** The lesson in progress that was studied last, with its file; null when there is none. */
async function resumeTarget(dirs?: string[]): Promise<{ path: string; id: string; lastStudied: string | null } | null> {
  let data;
  try {
    data = new ProgressStore().read();
  } catch {
    return null; // the session that follows says what is wrong with the file
  }
  const candidates = [];
  for (const s of studiedLessons(data, dirs)) {
    if (!s.path) continue;
    const opened = await openStudied(s, dirs);
    if (opened) candidates.push({ record: s.record, steps: (await lessonPlan(opened)).steps, lastStudied: lastStudiedOf(s.record), path: opened.path, id: opened.lesson.id, passMark: passMarkOf(opened.passMark) });
  }
  return lessonToResume(candidates);
}

export interface StartOptions {
  restart?: boolean;
  step?: string;
  dir?: string[];
  tries?: string;
}

export async function run(ref: string | undefined, opts: StartOptions): Promise<void> {
  const tries = parseTries(opts.tries);
  const ui = terminalUi(process.stdout);
  // No lesson named: the one in progress, studied last (the bundled lesson when there is none).
  const resumed = ref || opts.restart ? null : await resumeTarget(opts.dir);
  if (resumed && resumed.path !== resolveLessonRef(undefined, [])) ui.say(ui.dim(`Going back to Lesson ${resumed.id}, in progress (last studied ${resumed.lastStudied?.slice(0, 10) ?? 'before'}). calc-ml lessons lists the others.`));
  const opened = await openLesson(resumed?.path ?? ref, opts.dir);
  const { lesson, key, path } = opened;
  // The bundled lesson's outline comes precompiled: marked is loaded only to show the first text.
  const { steps, outline } = await lessonPlan(opened);
  const session = openSession(identityOf(lesson, path));
  const prompter = createPrompter({ output: process.stdout });
  const questions = questionsFor(lesson, key);
  let nextLessonPath: string | null = null;
  if (lesson.next) {
    try {
      // Looked for beside this lesson too: a course folder opened by path needs no --dir.
      nextLessonPath = resolveLessonRef(lesson.next.id, lessonDirs([...(opts.dir ?? []), dirname(path)]));
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
    now: () => clockNow().toISOString(),
    render: (md: string) => renderMarkdown(md, Math.min(ui.width, 100), ui.colors, { headingMarks: false }),
    ideas: key?.ideas,
    ideaChart,
    ideaMap,
    nextLessonPath,
    tries,
    passMark: opened.passMark,
    python: pythonRunner(),
    outline,
  };
  // Bare `calc-ml start` goes back to the lesson studied last: the lesson as named, when it was named.
  const again = againCommand('start', ref, opts.dir);
  let outcome;
  try {
    outcome = await runTutor(lesson, questions, deps, { restart: opts.restart, step: opts.step });
    if (outcome.kind === 'review') {
      // The review and its scheduler (ts-fsrs) are loaded only when the learner asks for a review.
      const { runReview } = await import('../tutor/review.js');
      await runReview([{ key: lesson.id, label: `Lesson ${lesson.id}`, questions, record: session.record, save: session.save }], { ask: prompter, ui, grade, now: clockNow });
    }
  } catch (e) {
    if (e instanceof Interrupted || e instanceof EndOfInput) {
      const where = stepPlace(steps, session.record.tutor.step) ?? 'the start';
      const kept = session.failed ? 'some answers could not be saved (see the note above)' : session.saving ? 'your answers are saved' : 'answers could not be saved';
      // The command on a line of its own (UserError's detail, unwrapped): a path broken over two lines could not be copied back.
      if (e instanceof Interrupted) throw new UserError(`paused at ${where}; ${kept}. To pick up here, run:`, 130, [again]);
      if (e.why) throw new UserError(`${e.why} (at ${where}); ${kept}`, 1);
      throw new UserError(
        `the input ended at ${where}; ${kept}. To continue, pipe one answer per line, or run this in a terminal:`,
        1,
        [again],
      );
    }
    throw e;
  } finally {
    prompter.close();
  }
  if (outcome.kind === 'quit' && outcome.at) {
    const where = stepPlace(steps, outcome.at);
    if (where) {
      ui.say(`Saved at ${where}. To pick up here, run:`);
      // Unwrapped, on its own line: a path broken over two lines could not be copied back.
      process.stdout.write(`  ${again}\n`);
    }
  }
  if (outcome.kind === 'next') await run(outcome.path, { dir: opts.dir });
}
