import { StepControl } from '../command-asker.js';
import { paginate, pageMove } from '../pager.js';
import { minutesLabel } from '../plan.js';
import type { StepRunner } from './context.js';

/**
 * A section of the lesson to read (Introduction, "1. Concept Foundations", Best Practices, the
 * resources, …), rendered with its code highlighted. In a terminal a long one is shown a screen at
 * a time: Enter for more, b back (on the first page, back to the previous step). From a pipe it is
 * printed whole and takes no input, so scripts answer the same questions as before.
 */
export const reading: StepRunner = async (step, ctx) => {
  const { ui, ask } = ctx.deps;
  const minutes = minutesLabel(step);
  const title = ui.heading(step.title) + (minutes ? ui.dim(` · ${minutes}`) : '');
  const body = (await ctx.deps.render(step.markdown ?? '')).replace(/\s+$/, '');
  // Rows for text: the screen less the step line and blank above, the title and the prompt below.
  const rows = ask.interactive && ui.rows ? Math.max(4, ui.rows - 4) : Infinity;
  const pages = paginate(body.split('\n'), rows);
  if (pages.length === 1) {
    ui.say(title);
    ui.say(body);
    await ask.pause();
    return 'done';
  }
  for (let p = 0; ; ) {
    ui.say(p === 0 ? title : ui.dim(`${step.title} · ${p + 1}/${pages.length}`));
    ui.say(pages[p].join('\n'));
    const last = p === pages.length - 1;
    const reply = await ask.input(`${p + 1}/${pages.length} · Enter: ${last ? 'next step' : 'more'} · b: back`, {
      validate: (s) => (pageMove(s) ? null : 'Press Enter for more, or b to go back (:help lists the commands).'),
    });
    if (pageMove(reply) === 'back') {
      if (p === 0) throw new StepControl('back');
      p--;
      continue;
    }
    if (last) return 'done';
    p++;
  }
};
