import { compileExpression2 } from '../../math/engine.js';
import { renderMap } from '../../landscape/map-render.js';
import { landscapeView } from '../../landscape/map-view.js';
import { gradeMapDescription } from '../../landscape/describe.js';
import type { Box } from '../../landscape/field.js';
import { recordAnswer } from '../progress.js';
import { verdictText } from '../quiz.js';
import { recordSkip } from './answer.js';
import type { StepContext, StepOutcome } from './context.js';

/** 2-D loss landscapes for the mini-project: a loss of two weights, drawn as a contour map. */
export const MAP_SHAPES: readonly { value: string; name: string; expr: string; box: Box }[] = [
  { value: 'map-valley', name: 'A 2-D landscape: a narrow valley in two weights', expr: '(x - 1)^2 + 6*(y + 0.5)^2', box: { x0: -3, x1: 4, y0: -2.5, y1: 1.5 } },
  { value: 'map-two-valleys', name: 'A 2-D landscape: two valleys', expr: '(x^2 - 1)^2 + 0.3*x + y^2', box: { x0: -2, x1: 2, y0: -1.5, y1: 1.5 } },
];

/**
 * The 2-D mini-project: the map of a loss of two weights, without its summary; the learner says
 * where the minimum is, which way is steep and how many valleys there are, graded against the map.
 */
export async function mapProject(value: string, ctx: StepContext): Promise<StepOutcome> {
  const { ui, ask, save, now } = ctx.deps;
  const shape = MAP_SHAPES.find((s) => s.value === value)!;
  const e = compileExpression2(shape.expr);
  const f = (x: number, y: number) => e.evaluate(x, y);
  const view = landscapeView(f, shape.box, e.vars);
  const width = Math.max(30, Math.min(ctx.screen.width, 80));
  // The marks, not the sentences: reading the map is the exercise; the sentences come as feedback.
  ui.say(renderMap({ f, box: shape.box, vars: e.vars, width, colors: ctx.screen.colors, ascii: !!ctx.screen.ascii, title: `loss(${e.vars.join(', ')}) = ${e.text}`, marks: view.marks.filter((m) => !m.label?.startsWith('saddle')) }).text);
  ui.say('Describe this landscape in words: where is the minimum (both coordinates), which direction is steep around it (where the bands crowd together), and is it the only minimum?');
  const description = await ask.input('Your description (Enter skips):');
  if (!description.trim()) return recordSkip('mini-project', undefined, ctx);
  const minima = view.points.filter((p) => p.kind === 'minimum');
  const steepAxis = !view.shape ? null : view.shape.curvature[1] < 1.5 * view.shape.curvature[0] ? null : Math.abs(view.shape.steep[0]) > Math.abs(view.shape.steep[1]) ? 0 : 1;
  const v = gradeMapDescription(description, { vars: e.vars, minima, steepAxis, span: Math.max(shape.box.x1 - shape.box.x0, shape.box.y1 - shape.box.y0) });
  ui.say(verdictText(v, ui));
  save((l) => {
    recordAnswer(l, { ref: 'mini-project', kind: 'landscape', answer: description, verdict: v.verdict, score: v.score, at: now() });
    l.notes['mini-project'] = JSON.stringify({ map: e.text, box: shape.box, description });
  });
  await ask.pause();
  return 'done';
}
