import { jsonText } from '../terminal-text.js';
import { openLesson } from '../io/lesson-file.js';
import { openSession } from '../io/session.js';
import { clockNow } from '../io/clock.js';
import { createPrompter, EndOfInput, Interrupted } from '../io/prompter.js';
import { terminalUi } from '../io/ui.js';
import { grade, loadMathGrading, questionsFor, type Verdict } from '../grading/index.js';
import { recordAnswer, identityOf } from '../tutor/progress.js';
import { verdictText } from '../tutor/quiz.js';
import { hintsOf } from '../tutor/tries.js';
import { triedScore } from '../tutor/encourage.js';
import { normalizeRef } from '../tutor/refs.js';
import { UserError } from '../errors.js';
import { MAX_ANSWER_LENGTH } from '../io/lines.js';

const tooLong = (where: string, n: number | string) =>
  new UserError(`the answer ${where} is longer than ${MAX_ANSWER_LENGTH.toLocaleString('en')} characters (${n}), the most an answer may have; nothing was graded`, 2);

/** stdin, read up to what one answer may hold (`grade quiz.1 < /dev/zero` would never end). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    bytes += (c as Buffer).length;
    // A character is at most 4 bytes in UTF-8: past this, the answer cannot fit, whatever it holds.
    if (bytes > 4 * MAX_ANSWER_LENGTH + 4) {
      process.stdin.destroy();
      throw tooLong('on stdin', 'and it goes on');
    }
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\s+$/, '');
}

export async function run(rawRef: string, answerArg: string | undefined, opts: { lesson?: string; json?: boolean; dir?: string[] }): Promise<void> {
  const { lesson, key, path } = await openLesson(opts.lesson, opts.dir);
  const questions = questionsFor(lesson, key);
  const ref = normalizeRef(rawRef, lesson.id);
  const q = questions.find((x) => x.ref === ref);
  if (!q) {
    throw new UserError(`lesson ${lesson.id} has no question "${rawRef}"; its questions are ${questions.map((x) => x.ref).join(', ')}`, 2);
  }
  let answer = answerArg;
  let hintsUsed = 0;
  if (answer === undefined) {
    if (process.stdin.isTTY) {
      const prompter = createPrompter({ output: process.stderr });
      try {
        process.stderr.write(`${q.prompt}\n`);
        // "?" shows the next hint and asks again, as in quiz, start and review.
        const hints = hintsOf(q);
        const message = hints.length ? 'Your answer (? for a hint):' : 'Your answer:';
        for (;;) {
          answer = q.kind === 'math' ? await prompter.block(message.replace('Your answer', 'Your code (an empty line ends it)')) : await prompter.input(message);
          if (answer.trim() !== '?') break;
          process.stderr.write(hintsUsed < hints.length ? `Hint ${++hintsUsed} of ${hints.length}: ${hints[hintsUsed - 1]}\n` : hints.length ? 'That was the last hint.\n' : 'There is no hint for this question.\n');
        }
      } catch (e) {
        if (e instanceof Interrupted) throw new UserError('stopped; nothing was graded', 130);
        if (e instanceof EndOfInput) throw new UserError('no answer given; pass it as an argument or on stdin', 1);
        throw e;
      } finally {
        prompter.close();
      }
    } else {
      answer = await readStdin();
    }
  }
  if (answer.length > MAX_ANSWER_LENGTH) throw tooLong(answerArg === undefined ? 'on stdin' : 'given', `${answer.length.toLocaleString('en')} characters`);
  if (!answer.trim()) throw new UserError(`no answer given for ${ref}; pass it as an argument (calc-ml grade ${rawRef} "your answer") or on stdin`, 2);
  if (q.kind === 'math') await loadMathGrading();
  const graded = grade(q, answer);
  // What is not an answer to this question ("maybe" to a true/false, a letter that is no option) is
  // refused, as the quiz asks again: never graded, never kept as a wrong answer in the history.
  if (graded.retry) throw new UserError(`${ref}: ${graded.feedback.split('\n')[0].replace(/[.\s]+$/, '')}; nothing was graded or kept`, 2);
  const v: Verdict = { ...graded, score: triedScore(graded.score, 1, hintsUsed), tries: 1, hintsUsed };
  const session = openSession(identityOf(lesson, path));
  session.save((l) => recordAnswer(l, { ref, kind: q.kind, answer: answer!, verdict: v.verdict, score: v.score, at: clockNow().toISOString(), tries: 1, hintsUsed }));
  if (opts.json) {
    const { retry: _retry, ...rest } = v;
    process.stdout.write(jsonText({ ref, lesson: lesson.id, question: q.prompt, answer, ...rest }, 2) + '\n');
    return;
  }
  const ui = terminalUi(process.stdout);
  ui.say(ui.bold(`${ref} · ${q.prompt.split('\n')[0]}`));
  ui.say(verdictText(v, ui));
}
