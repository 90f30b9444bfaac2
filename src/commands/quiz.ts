import { openLesson } from '../io/lesson-file.js';
import { openSession } from '../io/session.js';
import { createPrompter, EndOfInput, Interrupted } from '../io/prompter.js';
import { terminalUi } from '../io/ui.js';
import { grade, questionsFor } from '../grading/index.js';
import { runQuiz, quizQuestions } from '../tutor/quiz.js';
import { UserError } from '../errors.js';

export async function run(ref: string | undefined, opts: { json?: boolean; dir?: string[] }): Promise<void> {
  const { lesson, key } = await openLesson(ref, opts.dir);
  // With --json, stdout carries the result alone; everything a learner reads goes to stderr.
  const stream = opts.json ? process.stderr : process.stdout;
  const ui = terminalUi(stream);
  const session = openSession(lesson.id, (l) => process.stderr.write(`${l}\n`));
  const questions = questionsFor(lesson, key);
  const total = quizQuestions(questions).length;
  const prompter = createPrompter({ output: stream });
  let answered = 0;
  try {
    const result = await runQuiz(lesson, questions, session.record, {
      ask: prompter,
      ui,
      grade: (q, a) => grade(q, a),
      save: (change) => {
        session.save(change);
      },
      now: () => new Date().toISOString(),
      // With --json, what was graded before the quiz stopped is still one document on stdout.
      stopped: (partial) => {
        if (opts.json) process.stdout.write(JSON.stringify(partial, null, 2) + '\n');
      },
    });
    answered = result.items.length;
    if (opts.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else if (session.saving) ui.say(ui.dim(`Saved in ${session.file}. See all your scores with: calc-ml progress`));
  } catch (e) {
    answered = session.record.quiz.at(-1)?.answers.length ?? answered;
    const kept = session.saving ? `${answered ? `your ${answered} answer${answered === 1 ? ' is' : 's are'} saved` : 'nothing was answered yet'}` : 'answers could not be saved';
    if (e instanceof Interrupted) throw new UserError(`stopped at question ${answered + 1} of ${total}; ${kept}. Run "calc-ml quiz" to take it again`, 130);
    if (e instanceof EndOfInput) throw new UserError(`the input ended after ${answered} of ${total} answers; ${kept}. Give one answer per line, in question order`, 1);
    throw e;
  } finally {
    prompter.close();
  }
}

