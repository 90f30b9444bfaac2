import { UserError } from '../../errors.js';
import { landscapeReport, SHAPES } from '../labs.js';
import { gradeMinimumDescription } from '../minimum.js';
import { recordAnswer } from '../progress.js';
import { verdictText } from '../quiz.js';
import { askValue, recordSkip } from './answer.js';
import type { StepRunner } from './context.js';
import { readable } from './lab.js';
import { MAP_SHAPES, mapProject } from './map-project.js';

/** The mini-project: pick (or type) a loss curve, see its landscape, describe its minimum in words. */
export const miniProject: StepRunner = async (_step, ctx) => {
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
};
