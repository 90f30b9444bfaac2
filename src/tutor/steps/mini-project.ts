import { UserError } from '../../errors.js';
import { landscapeReport, SHAPES } from '../labs.js';
import { gradeMinimumDescription } from '../minimum.js';
import { recordAnswer } from '../progress.js';
import { verdictText } from '../quiz.js';
import { askValue, recordSkip } from './answer.js';
import type { StepContext, StepOutcome, StepRunner } from './context.js';
import { exerciseLab, labText } from './open-lab.js';
import { showPaged } from './reading.js';
import { minutesLabel, type PlannedStep } from '../plan.js';
import { readable } from './lab.js';
import { MAP_SHAPES, mapProject } from './map-project.js';

/** A mini-project about a loss curve gets the landscape lab; any other is the author's text and a self-check. */
const LANDSCAPE = /\blandscape|\bloss curves?\b|\bsketch\b/i;

export const miniProject: StepRunner = async (step, ctx) => {
  const mp = ctx.lesson.miniProject!;
  // Without the section's text (no outline) the landscape, as before.
  return LANDSCAPE.test(`${mp.title} ${mp.task}`) || !step.markdown ? landscape(ctx) : project(step, ctx);
};

/**
 * The author's project (a program to build, usually): their text with its code, paged, a lab where
 * one fits the task, then the learner says whether it is done; "later" brings it back in review.
 */
async function project(step: PlannedStep, ctx: StepContext): Promise<StepOutcome> {
  const { ui, ask, save, now } = ctx.deps;
  const mp = ctx.lesson.miniProject!;
  await showPaged(step.title, step.markdown ?? '', ctx, { note: minutesLabel(step), pause: false, last: 'done reading' });
  const fits = exerciseLab(mp.task, ctx.lesson, ctx.lessonFunction ?? null);
  ctx.suggested = fits;
  ctx.here = step.title;
  if (fits) ui.say(ui.dim(`A lab fits this project (${labText(fits)}): type :lab to open it.`));
  const done = await ask.select('Build it in your editor, then:', [
    { value: 'done', name: 'Done: I built it', key: 'y' },
    { value: 'later', name: 'Later: bring it back in review', key: 'n' },
    // Enter alone (a blank line from a pipe) claims nothing: later.
  ], { default: 'later' });
  if (done === 'later') return recordSkip('mini-project', undefined, ctx);
  save((l) => recordAnswer(l, { ref: 'mini-project', kind: 'project', answer: 'done', verdict: 'ungraded', score: 0, at: now(), self: 'right' }));
  ui.say(ui.dim('Kept as done (you judged it yourself: calc-ml does not run it).'));
  return 'done';
}

/** The loss-landscape project: pick (or type) a loss curve, see its landscape, describe its minimum in words. */
async function landscape(ctx: StepContext): Promise<StepOutcome> {
  const { ui, ask, save, now } = ctx.deps;
  const mp = ctx.lesson.miniProject!;
  ui.say(ui.heading(`Mini-project: ${mp.title}`));
  if (mp.task) ui.say(mp.task);
  const choice = await ask.select('Which loss curve?', [
    ...SHAPES.map((s, i) => ({ value: s.value as string, name: `${s.name}: ${s.expr}`, key: String(i + 1) })),
    ...MAP_SHAPES.map((s, i) => ({ value: s.value, name: `${s.name}: ${s.expr}`, key: String(SHAPES.length + i + 1) })),
    { value: 'own', name: 'My own: type a formula', key: 'o' },
    { value: 'skip', name: 'Skip the mini-project for now', key: 's' },
  ]);
  if (choice === 'skip') return recordSkip('mini-project', undefined, ctx);
  if (MAP_SHAPES.some((s) => s.value === choice)) return mapProject(choice, ctx);
  const shape = SHAPES.find((s) => s.value === choice);
  let land: Awaited<ReturnType<typeof landscapeReport>> | null = null;
  let expr = shape?.expr ?? '';
  while (!land) {
    if (!shape) expr = await askValue(ctx, 'Your loss curve, a formula in x', 'x^2 - 2x + 3', readable);
    try {
      land = await landscapeReport(expr, shape?.from ?? -5, shape?.to ?? 5, ctx.screen, shape && 'start' in shape ? shape.start : undefined);
    } catch (e) {
      if (!(e instanceof UserError) || shape) throw e;
      ui.say(ui.bad([e.message, ...e.detail].join('\n')));
    }
  }
  ui.say(land.text);
  ui.say('');
  ui.say('Describe the minimum in words: where it is, how low the loss gets there, and whether it is the only one.');
  const description = await ask.input('Your description (Enter skips):');
  if (!description.trim()) return recordSkip('mini-project', undefined, ctx);
  const v = gradeMinimumDescription(description, land);
  ui.say(verdictText(v, ui));
  save((l) => {
    recordAnswer(l, { ref: 'mini-project', kind: 'landscape', answer: description, verdict: v.verdict, score: v.score, at: now() });
    l.notes['mini-project'] = JSON.stringify({ curve: land!.expr.text, from: land!.from, to: land!.to, description });
  });
  await ask.pause();
  return 'done';
}
