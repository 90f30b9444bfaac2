import { missedRefs } from '../progress.js';
import { stepArg } from '../plan.js';
import type { StepRunner } from './context.js';

/** The end: complete or what is still open, what to review, and the next lesson when it is found. */
export const finish: StepRunner = async (_step, ctx) => {
  const { ui, ask } = ctx.deps;
  const next = ctx.lesson.next;
  // Reached by walking (or jumping with --step) to the end: complete only when every step was done.
  const open = ctx.steps.filter((s) => s.id !== 'finish' && !ctx.deps.record.tutor.done.includes(s.id));
  if (!open.length) ui.say(ui.heading(`Lesson ${ctx.lesson.id} complete.`));
  else {
    // Counted as the progress bar counts: this last step is reached, so it is one of the done.
    const total = ctx.steps.length;
    ui.say(ui.heading(`End of Lesson ${ctx.lesson.id}: ${total - open.length} of ${total} steps done.`));
    const names = open.slice(0, 3).map((s) => s.title.replace(/[.!?]$/, ''));
    ui.say(`Still open: ${names.join('; ')}${open.length > 3 ? `; and ${open.length - 3} more` : ''}. Go back with: calc-ml start --step ${stepArg(open[0].id)}`);
  }
  const misses = missedRefs(ctx.deps.record).length;
  if (misses) ui.say(`${misses} item${misses === 1 ? '' : 's'} to review: run calc-ml review.`);
  if (!next) return { kind: 'finished' };
  ui.say(`Next: Lesson ${next.id}${next.title ? `: ${next.title}` : ''}.`);
  if (ctx.deps.nextLessonPath) {
    const go = await ask.select('Start it now?', [
      { value: 'yes', name: `Yes, start Lesson ${next.id}`, key: 'y' },
      { value: 'no', name: 'Later', key: 'n' },
    ]);
    if (go === 'yes') return { kind: 'next', path: ctx.deps.nextLessonPath };
  } else {
    ui.say(ui.dim(`When you have its file: calc-ml start ${next.id} --dir FOLDER (or set CALC_ML_LESSONS).`));
  }
  return { kind: 'finished' };
};
