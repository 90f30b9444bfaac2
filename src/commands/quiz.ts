import { jsonText } from '../terminal-text.js';
import { openLesson } from '../io/lesson-file.js';
import { openSession } from '../io/session.js';
import { identityOf } from '../tutor/progress.js';
import { createPrompter, EndOfInput, Interrupted } from '../io/prompter.js';
import { terminalUi } from '../io/ui.js';
import { grade, questionsFor } from '../grading/index.js';
import { runQuiz, quizQuestions, type QuizResult } from '../tutor/quiz.js';
import { parseTries } from '../tutor/tries.js';
import { UserError } from '../errors.js';
import { stdoutClosed } from '../io/output.js';
import { clockNow } from '../io/clock.js';
import { processAlive } from '../io/safe-write.js';
import { pythonRunner } from '../io/python-run.js';
import { againCommand } from './again.js';
import { withQuizCommands, QuitRequested, quizCommandsLine } from '../tutor/quiz-commands.js';


export async function run(ref: string | undefined, opts: { json?: boolean; dir?: string[]; tries?: string; restart?: boolean }): Promise<void> {
  const tries = parseTries(opts.tries);
  const { lesson, key, path, passMark } = await openLesson(ref, opts.dir);
  // With --json, stdout carries the result alone; everything a learner reads goes to stderr.
  const stream = opts.json ? process.stderr : process.stdout;
  const ui = terminalUi(stream);
  const session = openSession(identityOf(lesson, path));
  const questions = questionsFor(lesson, key);
  const asked = quizQuestions(questions);
  const total = asked.length;
  const prompter = createPrompter({ output: stream });
  let partial: QuizResult | null = null;
  const cmd = againCommand('quiz', ref, opts.dir);
  try {
    const result = await runQuiz(lesson, questions, session.record, {
      ask: withQuizCommands(prompter, ui, 'quiz'),
      ui,
      commandsLine: quizCommandsLine('quiz'),
      grade: (q, a) => grade(q, a),
      tries,
      passMark,
      restart: opts.restart,
      owner: process.pid,
      alive: (pid) => pid !== process.pid && processAlive(pid),
      python: pythonRunner(),
      save: (change) => session.save(change),
      now: () => clockNow().toISOString(),
      // With --json, what was graded before the quiz stopped is still one document on stdout.
      stopped: (so) => {
        partial = so;
        if (opts.json) process.stdout.write(jsonText(so, 2) + '\n');
      },
    });
    if (opts.json) process.stdout.write(jsonText(result, 2) + '\n');
    // Only a quiz whose every answer reached the file says where it is.
    else if (result.saved === answeredOf(result) && session.saving) ui.say(ui.dim(`Saved in ${session.file}. See all your scores with: calc-ml progress`));
    else ui.say(ui.warn(`${keptLine(result).replace(/^./, (c) => c.toUpperCase())}.`));
    // Questions skipped: the quiz is not finished; the command that asks them is said, unwrapped.
    if (!opts.json && result.skipped && result.items.length) {
      ui.say(`To answer the skipped question${result.skipped === 1 ? '' : 's'}, run:`);
      stream.write(`  ${cmd}\n`);
    }
    // The reader of stdout went away (`| head`): the learner still hears what was kept, on stderr.
    if (stdoutClosed() && !opts.json) process.stderr.write(`calc-ml: the output was closed before the quiz ended; ${keptLine(result)}\n`);
  } catch (e) {
    const so = partial as QuizResult | null;
    // Where the learner stood (every question passed through, skipped ones too), and where the next run
    // goes on: the first question not answered, which may be one skipped earlier.
    const at = (so?.items.length ?? 0) + 1;
    const answered = new Set((so?.items ?? []).filter((i) => !i.skipped).map((i) => i.ref));
    const next = asked.findIndex((q) => !answered.has(q.ref)) + 1;
    const kept = so ? keptLine(so) : 'nothing was answered yet';
    const goOn = answered.size ? `To go on at question ${next}${next < at ? ' (skipped before)' : ''}, run:` : 'To take it again, run:';
    // :quit is asked for: the same line as Ctrl+C's, as the answer to it, not as an error.
    if (e instanceof QuitRequested) {
      ui.say(`Stopped at question ${at} of ${total}; ${kept}. ${goOn}`);
      // Unwrapped, on its own line: a path broken over two lines could not be copied back.
      stream.write(`  ${cmd}\n`);
      return;
    }
    // The command on a line of its own (UserError's detail, unwrapped): a path broken over two lines could not be copied back.
    if (e instanceof Interrupted) throw new UserError(`stopped at question ${at} of ${total}; ${kept}. ${goOn}`, 130, [cmd]);
    if (e instanceof EndOfInput) {
      if (e.why) throw new UserError(`${e.why}; ${kept}`, 1);
      // Answers given, not lines read: an empty line skipped its question and is said apart.
      const skipped = (so?.items ?? []).filter((i) => i.skipped).length;
      const skips = skipped ? ` (${skipped} question${skipped === 1 ? '' : 's'} skipped)` : '';
      throw new UserError(`the input ended after ${answered.size} of ${total} answers${skips}; ${kept} (give one answer per line, in question order). ${goOn}`, 1, [cmd]);
    }
    throw e;
  } finally {
    prompter.close();
  }
}


/** Answers given in the result (a skipped question has none, and nothing of it is saved). */
const answeredOf = (r: QuizResult) => r.items.filter((i) => !i.skipped).length;

/** What of the answers is on disk, in words (after a failed save, exactly how many were kept). */
function keptLine(r: QuizResult): string {
  const n = answeredOf(r);
  if (!n) return r.items.length ? 'nothing was answered, only skipped' : 'nothing was answered yet';
  if (r.saved === n) return `your ${n} answer${n === 1 ? ' is' : 's are'} saved`;
  if (!r.saved) return `none of your ${n} answer${n === 1 ? ' was' : 's were'} saved`;
  return `${r.saved} of your ${n} answers ${r.saved === 1 ? 'is' : 'are'} saved; the rest could not be (see the note above)`;
}
