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
import { withQuizCommands, QuitRequested } from '../tutor/quiz-commands.js';


export async function run(ref: string | undefined, opts: { json?: boolean; dir?: string[]; tries?: string; restart?: boolean }): Promise<void> {
  const tries = parseTries(opts.tries);
  const { lesson, key, path, passMark } = await openLesson(ref, opts.dir);
  // With --json, stdout carries the result alone; everything a learner reads goes to stderr.
  const stream = opts.json ? process.stderr : process.stdout;
  const ui = terminalUi(stream);
  const session = openSession(identityOf(lesson, path));
  const questions = questionsFor(lesson, key);
  const total = quizQuestions(questions).length;
  const prompter = createPrompter({ output: stream });
  let partial: QuizResult | null = null;
  const cmd = againCommand('quiz', ref, opts.dir);
  try {
    const result = await runQuiz(lesson, questions, session.record, {
      ask: withQuizCommands(prompter, ui),
      ui,
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
    else if (result.saved === result.items.length && session.saving) ui.say(ui.dim(`Saved in ${session.file}. See all your scores with: calc-ml progress`));
    else ui.say(ui.warn(`${keptLine(result).replace(/^./, (c) => c.toUpperCase())}.`));
    // The reader of stdout went away (`| head`): the learner still hears what was kept, on stderr.
    if (stdoutClosed() && !opts.json) process.stderr.write(`calc-ml: the output was closed before the quiz ended; ${keptLine(result)}\n`);
  } catch (e) {
    const so = partial as QuizResult | null;
    const answered = so?.items.length ?? 0;
    const kept = so ? keptLine(so) : 'nothing was answered yet';
    const goOn = answered ? `To go on at question ${answered + 1}, run:` : 'To take it again, run:';
    // :quit is asked for: the same line as Ctrl+C's, as the answer to it, not as an error.
    if (e instanceof QuitRequested) {
      ui.say(`Stopped at question ${answered + 1} of ${total}; ${kept}. ${goOn}`);
      // Unwrapped, on its own line: a path broken over two lines could not be copied back.
      stream.write(`  ${cmd}\n`);
      return;
    }
    // The command on a line of its own (UserError's detail, unwrapped): a path broken over two lines could not be copied back.
    if (e instanceof Interrupted) throw new UserError(`stopped at question ${answered + 1} of ${total}; ${kept}. ${goOn}`, 130, [cmd]);
    if (e instanceof EndOfInput) {
      if (e.why) throw new UserError(`${e.why}; ${kept}`, 1);
      throw new UserError(`the input ended after ${answered} of ${total} answers; ${kept} (give one answer per line, in question order). ${goOn}`, 1, [cmd]);
    }
    throw e;
  } finally {
    prompter.close();
  }
}


/** What of the answers is on disk, in words (after a failed save, exactly how many were kept). */
function keptLine(r: QuizResult): string {
  const n = r.items.length;
  if (!n) return 'nothing was answered yet';
  if (r.saved === n) return `your ${n} answer${n === 1 ? ' is' : 's are'} saved`;
  if (!r.saved) return `none of your ${n} answer${n === 1 ? ' was' : 's were'} saved`;
  return `${r.saved} of your ${n} answers ${r.saved === 1 ? 'is' : 'are'} saved; the rest could not be (see the note above)`;
}
