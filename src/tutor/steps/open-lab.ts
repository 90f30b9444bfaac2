import { UserError } from '../../errors.js';
import { compileExpression, compileExpression2 } from '../../math/engine.js';
import { formatNumber as fmt } from '../../math/format.js';
import type { Lesson } from '../../lesson/model.js';
import { descentReport, gradientReport, plotReport } from '../labs.js';
import { chooseLab, functionIn, labCommand, lessonLab, type LabChoice } from '../lab-choice.js';
import { labDescent } from '../lab-descent.js';
import { backTo, type StepContext } from './context.js';
import { showPagedText } from './reading.js';

/** The first function of one variable the lesson writes (`f(x)=x^2` in an exercise), that the engine reads. */
export function lessonFunction(lesson: Lesson): string | null {
  // The mini-project first: it is the lesson's own worked problem.
  const texts = [
    lesson.miniProject?.task ?? '',
    ...lesson.exercises.map((e) => e.prompt),
    ...lesson.quiz.coding.map((c) => c.task),
    ...lesson.coreIdeas,
  ];
  for (const t of texts) {
    const f = functionIn(t);
    if (f && readable(f)) return f;
  }
  return null;
}

function readable(expr: string): boolean {
  try {
    compileExpression(expr);
    return true;
  } catch (e) {
    if (e instanceof UserError) return false;
    throw e;
  }
}

function readable2(expr: string, vars: [string, string]): boolean {
  try {
    compileExpression2(expr, vars);
    return true;
  } catch (e) {
    if (e instanceof UserError) return false;
    throw e;
  }
}

/**
 * Whether descent on `expr` has somewhere to go: its lowest value on [-10, 10] is inside the range,
 * not at an edge (x^3 falls for ever; descent on it only shows divergence).
 */
export function hasInteriorMinimum(expr: string): boolean {
  try {
    const e = compileExpression(expr);
    let best = { x: NaN, y: Infinity };
    for (let i = 0; i <= 200; i++) {
      const x = -10 + i / 10;
      const y = e.evaluate(x);
      if (Number.isFinite(y) && y < best.y) best = { x, y };
    }
    return Number.isFinite(best.y) && best.x > -10 && best.x < 10;
  } catch (err) {
    if (err instanceof UserError) return false;
    throw err;
  }
}

/** Descent on the lesson's function where it has a minimum, else on the bowl x^2. */
function descendable(lab: LabChoice): LabChoice {
  return lab.kind === 'descend' && !hasInteriorMinimum(lab.expr) ? { ...lab, expr: 'x^2' } : lab;
}

/** The lab an exercise gets from its own text, when its expression reads. */
export function exerciseLab(prompt: string, lesson: Lesson, fn: string | null): LabChoice | null {
  const lab = chooseLab(prompt, lesson.title, fn);
  if (lab?.kind === 'grad2') return readable2(lab.expr, lab.vars) ? lab : null;
  if (!lab || !readable(lab.expr)) return null;
  // The exercise's own function is kept as it is (descent on it is the exercise); the lesson's only where it suits.
  return functionIn(prompt) ? lab : descendable(lab);
}

/** "descend on x^2 from x = 3 with rates 0.1, 0.5": the lab in a few words. */
export function labText(lab: LabChoice): string {
  if (lab.kind === 'grad') return `grad: f′(x) of ${lab.expr} at x = ${fmt(lab.at)}, exact and by finite differences`;
  if (lab.kind === 'grad2') {
    const [a, b] = lab.vars;
    return `grad: the gradient of f(${a}, ${b}) = ${lab.expr} at (${a}, ${b}) = (${fmt(lab.at[0])}, ${fmt(lab.at[1])}), exact and by central differences`;
  }
  if (lab.kind === 'descend') return `descend: gradient descent on ${lab.expr} from x = ${fmt(lab.start)}, rate${lab.rates.length > 1 ? 's' : ''} ${lab.rates.map((r) => fmt(r)).join(', ')}`;
  return `plot: ${lab.expr} from ${fmt(lab.from)} to ${fmt(lab.to)}${lab.tangent !== undefined ? `, tangent at x = ${fmt(lab.tangent)}` : ''}`;
}

/**
 * `:lab` (or `:lab descend`): the step's suggested lab, or the lesson's, or the one named, on the
 * lesson's function; shown, then the learner is back at the prompt they left.
 */
export async function openLab(arg: string | null, ctx: StepContext): Promise<void> {
  const { ui } = ctx.deps;
  const fn = ctx.lessonFunction ?? null;
  // A lesson with no function of x and no lab in its title (the if statement): a plot of x^2 would
  // pass for the lesson's. Said so, with what can be explored instead.
  if (!ctx.suggested && !fn && !chooseLab(ctx.lesson.title, ctx.lesson.title, null)) {
    const { LANDSCAPES } = await import('../../landscape/landscapes.js');
    ui.say(`There is no function in this lesson to explore. To explore one anyway: a named landscape, such as calc-ml descend ${LANDSCAPES[1]?.name ?? LANDSCAPES[0].name} (the landscapes are ${LANDSCAPES.map((l) => l.name).join(', ')}), or an expression of your own, such as calc-ml plot "x^3 - 3x".`);
    backTo(ctx);
    return;
  }
  let lab: LabChoice = ctx.suggested ?? lessonLab(ctx.lesson.title, fn);
  if (arg) {
    // ":lab plot" on an exercise's f(x, y): the one-variable labs work on the lesson's function.
    if (lab.kind === 'grad2' && !/^(grad|g)$/.test(arg)) lab = lessonLab(ctx.lesson.title, fn);
    const expr = lab.expr;
    if (/^(plot|p)$/.test(arg)) lab = { kind: 'plot', expr, from: -5, to: 5 };
    else if (/^(descend|gd|d)$/.test(arg)) lab = { kind: 'descend', expr, start: 3, rates: [0.05, 0.3, 0.9, 1.05] };
    else if (/^(grad|g)$/.test(arg)) lab = lab.kind === 'grad2' ? lab : { kind: 'grad', expr, at: 3 };
    else {
      ui.say(`There is no lab "${arg}": type :lab, :lab plot, :lab descend or :lab grad.`);
      return;
    }
  }
  if (!ctx.suggested || arg) lab = descendable(lab);
  let text: string;
  try {
    if (lab.kind === 'grad') text = (await gradientReport(lab.expr, lab.at, ctx.screen)).text;
    else if (lab.kind === 'grad2') text = await (await import('../../commands/grad2d.js')).gradient2Report(lab.expr, lab.vars, lab.at, ctx.screen);
    else if (lab.kind === 'descend') text = (await descentReport(labDescent(lab.expr, lab.start, lab.rates), ctx.screen)).text;
    else text = await plotReport(lab.expr, lab.from, lab.to, ctx.screen, lab.tangent);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    text = [e.message, ...e.detail].join('\n');
  }
  // Charts and verdicts run longer than a screen: paged like a section, so none scrolls past unread.
  const { reshow } = ctx;
  await showPagedText(`Lab · ${labText(lab)}`, `${text}\n${ui.dim(`Try other values with: ${labCommand(lab)}`)}`, ctx, { pause: false, last: 'back', firstBack: 'close' });
  ctx.reshow = reshow;
  backTo(ctx);
}
