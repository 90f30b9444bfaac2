import { StepControl } from '../command-asker.js';
import { paginate, pageMove } from '../pager.js';
import { minutesLabel } from '../plan.js';
import type { StepContext, StepRunner } from './context.js';

/**
 * A section of the lesson to read (Introduction, "1. Concept Foundations", Best Practices, the
 * resources, …), rendered with its code highlighted, a screen at a time (showPaged).
 */
export const reading: StepRunner = async (step, ctx) => {
  const minutes = minutesLabel(step);
  await showPaged(step.title, step.markdown ?? '', ctx, { note: minutes, pause: true });
  return 'done';
};

/**
 * Markdown shown a screen at a time in a terminal: Enter for more, b back (on the first screen,
 * back to the previous step). From a pipe it is printed whole and takes no input, so scripts answer
 * the same questions as before. With `pause`, a text of one screen waits for Enter too.
 */
export async function showPaged(title: string, markdown: string, ctx: StepContext, opts: PageOptions): Promise<void> {
  await showPagedText(title, await ctx.deps.render(markdown), ctx, opts);
}

interface PageOptions {
  note?: string | null;
  pause: boolean;
  /** What Enter on the last screen leads to ("next step"). */
  last?: string;
  /** b on the first screen: back to the previous step (a section), or just close (a lab). */
  firstBack?: 'step' | 'close';
}

/** Text already laid out for the terminal (a lab's charts), paged as showPaged pages a section. */
export async function showPagedText(title: string, text: string, ctx: StepContext, opts: PageOptions): Promise<void> {
  const { ui, ask } = ctx.deps;
  const heading = ui.heading(title) + (opts.note ? ui.dim(` · ${opts.note}`) : '');
  const body = text.replace(/\s+$/, '');
  // Rows for text: the screen less the step line and blank above, the title and the prompt below.
  const rows = ask.interactive && ui.rows ? Math.max(4, ui.rows - 4) : Infinity;
  const pages = paginate(body.split('\n'), rows);
  if (pages.length === 1) {
    const show = () => {
      ui.say(heading);
      if (body) ui.say(body);
    };
    show();
    if (!opts.pause) return;
    const outer = ctx.reshow;
    ctx.reshow = show;
    try {
      await ask.pause();
    } finally {
      ctx.reshow = outer;
    }
    return;
  }
  let p = 0;
  const show = () => {
    ui.say(p === 0 ? heading : ui.dim(`${title} · ${p + 1}/${pages.length}`));
    ui.say(pages[p].join('\n'));
  };
  // A command at a page's prompt (:plan, :lab) prints over the page: it is shown again after.
  const outer = ctx.reshow;
  ctx.reshow = show;
  try {
    for (;;) {
      show();
      const last = p === pages.length - 1;
      const reply = await ask.input(`${p + 1}/${pages.length} · Enter: ${last ? (opts.last ?? 'next step') : 'more'} · b: back`, {
        validate: (s) => (pageMove(s) ? null : 'Press Enter for more, or b to go back (:help lists the commands).'),
      });
      if (pageMove(reply) === 'back') {
        if (p === 0) {
          if (opts.firstBack === 'close') return;
          throw new StepControl('back');
        }
        p--;
        continue;
      }
      if (last) return;
      p++;
    }
  } finally {
    ctx.reshow = outer;
  }
}
