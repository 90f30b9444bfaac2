import { stepArg } from '../plan.js';
import { lessonStatus, quizState, stepFigures } from '../progress-status.js';
import { passMarkOf, passMarkText } from '../quiz-score.js';
import type { StepRunner } from './context.js';

/** The end: complete or what is still open, what to review, and the next lesson when it is found. */
export const finish: StepRunner = async (_step, ctx) => {
  const { ui, ask } = ctx.deps;
  const next = ctx.lesson.next;
  // Complete only when every step is done (skipped is not done) and the quiz is passed.
  const record = ctx.deps.record;
  const passMark = passMarkOf(ctx.deps.passMark);
  const c = stepFigures(ctx.steps, record, passMark);
  const status = lessonStatus(record, ctx.steps, passMark);
  if (status === 'complete') ui.say(ui.heading(`Lesson ${ctx.lesson.id} complete.`));
  else {
    ui.say(ui.heading(`End of Lesson ${ctx.lesson.id}: ${c.done} of ${c.total} steps done${c.skipped ? `, ${c.skipped} skipped` : ''}${c.missed ? `, ${c.missed} missed` : ''}${c.left ? `, ${c.left} left` : ''}.`));
    const open = ctx.steps.filter((s) => c.list.some((x) => x.id === s.id && (x.state === 'left' || x.state === 'skipped')));
    if (open.length) {
      const names = open.slice(0, 3).map((s) => s.title.replace(/[.!?]$/, ''));
      ui.say(`Still open: ${names.join('; ')}${open.length > 3 ? `; and ${open.length - 3} more` : ''}. Go back with: calc-ml start --step ${stepArg(open[0].id)}`);
    }
    const quiz = quizState(record, passMark);
    if (ctx.steps.some((s) => s.id === 'quiz') && quiz !== 'passed') ui.say(`The lesson is complete once its quiz is passed (${passMarkText(ctx.deps.passMark)})${quiz === 'failed' ? ': take it again with calc-ml quiz' : ''}.`);
  }
  // What review brings back now, counted as review and progress count it (the scheduler is loaded
  // only here, at the end): misses, and kept answers not yet checked against the lesson.
  const { dueSummary, scheduleAll } = await import('../schedule.js');
  const due = dueSummary(scheduleAll({ [ctx.lesson.key]: record }), new Date(ctx.deps.now()));
  if (due.due) {
    const check = due.toCheck ? ` (${due.toCheck} kept answer${due.toCheck === 1 ? '' : 's'} to check against the lesson)` : '';
    ui.say(`${due.due} item${due.due === 1 ? '' : 's'} to review now${check}: run calc-ml review.`);
  }
  if (!next) return { kind: 'finished' };
  ui.say(`Next: Lesson ${next.id}${next.title ? `: ${next.title}` : ''}.`);
  if (ctx.deps.nextLessonPath) {
    const go = await ask.select(`Proceed to Lesson ${next.id} now?`, [
      { value: 'yes', name: `Yes, start Lesson ${next.id}`, key: 'y' },
      { value: 'no', name: 'Later', key: 'n' },
    ]);
    if (go === 'yes') return { kind: 'next', path: ctx.deps.nextLessonPath };
  } else {
    ui.say(ui.dim(`When you have its file: calc-ml start ${next.id} --dir FOLDER (or set CALC_ML_LESSONS).`));
  }
  return { kind: 'finished' };
};
