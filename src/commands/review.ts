import { openLesson } from '../io/lesson-file.js';
import type { Lesson } from '../lesson/model.js';
import { openSession } from '../io/session.js';
import { createPrompter, EndOfInput, Interrupted } from '../io/prompter.js';
import { terminalUi } from '../io/ui.js';
import { ProgressStore } from '../io/progress-store.js';
import { studiedLessons, openStudied } from '../io/studied.js';
import { clockNow } from '../io/clock.js';
import { noteToStderr } from '../io/stderr.js';
import { grade, questionsFor } from '../grading/index.js';
import { runReview, stoppedText, type ReviewSoFar, type ReviewSource } from '../tutor/review.js';
import { dueItems } from '../tutor/schedule.js';
import { recordKey, identityOf } from '../tutor/progress.js';
import { parseTries } from '../tutor/tries.js';
import { UserError } from '../errors.js';
import { againCommand } from './again.js';
import { withQuizCommands, QuitRequested, quizCommandsLine } from '../tutor/quiz-commands.js';

/** `review`: what is due across every lesson studied, or in the one given. */
export async function run(ref: string | undefined, opts: { dir?: string[]; tries?: string }): Promise<void> {
  const tries = parseTries(opts.tries);
  const ui = terminalUi(process.stdout);
  const now = clockNow();
  const sources: ReviewSource[] = [];
  const unreachable: { label: string; due: number }[] = [];
  const source = (lesson: Lesson, key: string, path: string, questions: ReviewSource['questions']) => {
    const session = openSession(identityOf(lesson, path), () => {});
    sources.push({ key, label: `Lesson ${lesson.id}`, questions, record: session.record, save: session.save });
  };
  if (ref) {
    const { lesson, key, path } = await openLesson(ref, opts.dir);
    const data = readData();
    source(lesson, recordKey(data, identityOf(lesson, path)), path, questionsFor(lesson, key));
  } else {
    const data = readData();
    const due = new Map<string, number>();
    for (const i of dueItems(data.lessons, now)) due.set(i.lesson, (due.get(i.lesson) ?? 0) + 1);
    for (const s of studiedLessons(data, opts.dir)) {
      if (!Object.keys(s.record.answers).length) continue;
      const opened = await openStudied(s, opts.dir);
      if (!opened) {
        unreachable.push({ label: `Lesson ${s.record.id ?? s.key}${s.record.title ? ` ${s.record.title}` : ''}`, due: due.get(s.key) ?? 0 });
        continue;
      }
      source(opened.lesson, s.key, opened.path, questionsFor(opened.lesson, opened.key));
    }
  }
  const prompter = createPrompter({ output: process.stdout });
  const again = againCommand('review', ref, opts.dir);
  let soFar: ReviewSoFar = { answered: 0, skipped: 0 };
  try {
    await runReview(sources, { ask: withQuizCommands(prompter, ui, 'review'), ui, grade, now: clockNow, tries, unreachable, commandsLine: quizCommandsLine('review'), progress: (so) => { soFar = so; } });
  } catch (e) {
    const kept = stoppedText(soFar);
    if (e instanceof QuitRequested) {
      ui.say(`Review stopped; ${kept}. To go on, run:`);
      // Unwrapped, on its own line: a path broken over two lines could not be copied back.
      process.stdout.write(`  ${again}\n`);
      return;
    }
    if (e instanceof Interrupted) throw new UserError(`review stopped; ${kept}. To go on, run:`, 130, [again]);
    if (e instanceof EndOfInput) throw new UserError(`${e.why ?? 'the input ended during the review'}; ${kept}`, 1);
    throw e;
  } finally {
    prompter.close();
  }
}

function readData() {
  const store = new ProgressStore();
  const data = store.read();
  for (const n of store.notices) noteToStderr(n);
  return data;
}
