import { noteToStderr } from '../io/stderr.js';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ProgressStore } from '../io/progress-store.js';
import { createPrompter, EndOfInput, Interrupted } from '../io/prompter.js';
import { UserError } from '../errors.js';
import { courseIdFromFileName } from '../lesson/meta.js';

export async function run(lessonId: string | undefined, opts: { yes?: boolean }): Promise<void> {
  const store = new ProgressStore();
  const data = store.read();
  for (const n of store.notices) noteToStderr(n);
  // By id, every record of that id: a second lesson with the same id is kept under "id title".
  // By the id the lesson has now: a record an older build kept under its title's id (Lesson-1.1.41-….md
  // titled "Lesson 1.1.40") is 1.1.41's, as its file name says, not 1.1.40's.
  const idNow = (k: string) => courseIdFromFileName(data.lessons[k].path ?? undefined) ?? data.lessons[k].id ?? k;
  const ids = lessonId ? Object.keys(data.lessons).filter((k) => idNow(k) === lessonId) : Object.keys(data.lessons);
  if (lessonId && !ids.length) {
    process.stdout.write(`Nothing to forget: there is no progress for lesson ${lessonId}${Object.keys(data.lessons).length ? ` (there is for ${Object.keys(data.lessons).join(', ')})` : ''}.\n`);
    return;
  }
  if (!ids.length) {
    process.stdout.write('Nothing to forget: there is no progress yet.\n');
    return;
  }
  const what = ids.map((id) => {
    const l = data.lessons[id];
    return `lesson ${id} (${l.quiz.length} quiz attempt${l.quiz.length === 1 ? '' : 's'}, ${Object.keys(l.answers).length} question${Object.keys(l.answers).length === 1 ? '' : 's'} answered)`;
  });
  if (!opts.yes) {
    const prompter = createPrompter({ output: process.stdout });
    try {
      const answer = await prompter.select(`Forget all progress for ${what.join(' and ')}?`, [
        { value: 'no', name: 'No, keep it', key: 'n' },
        { value: 'yes', name: 'Yes, forget it', key: 'y' },
      ], { default: 'no' });
      if (answer !== 'yes') {
        process.stdout.write('Kept. Nothing was forgotten.\n');
        return;
      }
    } catch (e) {
      if (e instanceof EndOfInput || e instanceof Interrupted) {
        throw new UserError('nothing was forgotten: no answer to "forget?"; run "calc-ml reset --yes" to reset without asking', e instanceof Interrupted ? 130 : 1);
      }
      throw e;
    } finally {
      prompter.close();
    }
  }
  // A copy of what is forgotten, in case it was a mistake.
  const backup = join(store.home, `progress.before-reset-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  // If the copy or the reset fails, nothing changed: say so, and leave no copy of a reset that did not happen.
  const nothingForgotten = (e: unknown) => {
    try {
      rmSync(backup, { force: true });
    } catch {
      /* it was never written */
    }
    const err = e instanceof UserError ? e : store.writeError(e);
    return err instanceof UserError ? new UserError(`nothing was forgotten: ${err.message}`, err.exitCode) : err;
  };
  try {
    if (existsSync(store.file)) copyFileSync(store.file, backup);
    store.update((d) => {
      for (const id of ids) delete d.lessons[id];
    });
  } catch (e) {
    throw nothingForgotten(e);
  }
  process.stdout.write(`Forgot ${what.join(' and ')}. A copy of the old file is in ${backup}.\n`);
}
