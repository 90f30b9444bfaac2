import { UserError } from '../../errors.js';
import { compileExpression } from '../../math/engine.js';
import { formatNumber as fmt } from '../../math/format.js';
import { parseNumber, parseNumberList } from '../../math/options.js';
import type { LabSpec } from '../../lesson/lab-spec.js';
import { descentReport, gradientReport } from '../labs.js';
import { labDescent } from '../lab-descent.js';
import { askValue } from './answer.js';
import type { StepContext } from './context.js';

/** An expression the engine can read, or its UserError (column and caret) to show and ask again. */
export const readable = (s: string) => {
  compileExpression(s);
  return s;
};

/** An exercise's lab: offered first, then run with the learner's own values (Enter keeps the key's). */
export async function runLab(lab: LabSpec, exerciseId: string, ctx: StepContext): Promise<'done' | 'skipped'> {
  const { ui, ask } = ctx.deps;
  const go = await ask.select('This exercise has a lab. Try it first?', [
    { value: 'lab', name: 'Yes, open the lab', key: 'y' },
    { value: 'skip', name: 'Skip the lab and answer in words', key: 'n' },
  ]);
  if (go === 'skip') return 'done';
  if (lab.kind === 'grad') {
    ui.say('Numeric gradients estimate f′(x) from two nearby values of f; analytic ones differentiate the formula.');
    const expr = await askValue(ctx, 'A function f(x)', lab.expr, readable);
    const at = await askValue(ctx, 'At which x', fmt(lab.at ?? 3), (s) => parseNumber('x', s));
    try {
      ui.say((await gradientReport(expr, at, ctx.screen)).text);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      ui.say([e.message, ...e.detail].join('\n'));
      return runLab(lab, exerciseId, ctx);
    }
  } else if (lab.kind === 'rates') {
    ui.say(`Gradient descent on loss(x) = ${lab.expr} from x = ${fmt(lab.start)}: each step moves x by −lr·f′(x).`);
    ui.say('Pick learning rates to compare side by side: a slow one, a good one, one that oscillates, one that diverges.');
    const rates = await askValue(ctx, 'Learning rates, separated by commas', lab.rates.map((r) => fmt(r)).join(','), (s) => parseNumberList('lr', s, { above: 0, max: 100, most: 6 }));
    ui.say((await descentReport(labDescent(lab.expr, lab.start, rates, lab.steps), ctx.screen)).text);
  } else {
    ui.say('Now minimise a loss function of your own with gradient descent.');
    let report: string | null = null;
    while (report === null) {
      const expr = await askValue(ctx, 'Your loss function of x, e.g. (x - 4)^2 + 2', lab.expr, readable);
      const start = await askValue(ctx, 'Start at x', fmt(lab.start), (s) => parseNumber('start', s, { min: -1e6, max: 1e6 }));
      const lr = await askValue(ctx, 'Learning rate', fmt(lab.rates[0]), (s) => parseNumber('lr', s, { above: 0, max: 100 }));
      try {
        report = (await descentReport(labDescent(expr, start, [lr], Math.max(lab.steps, 100)), ctx.screen)).text;
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        ui.say(ui.bad([e.message, ...e.detail].join('\n')));
        ui.say('Try another one.');
      }
    }
    ui.say(report);
  }
  await ask.pause();
  return 'done';
}
