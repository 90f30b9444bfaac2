import { jsonText } from '../terminal-text.js';
import { compileExpression, differentiate } from '../math/engine.js';
import { descend } from '../math/descent.js';
import { descentLab } from '../math/lab.js';
import { formatNumber, hangingWrap } from '../math/format.js';
import { chartSize, descentOptions, parseNumber, yRange } from '../math/options.js';
import { renderChart } from '../chart/chart.js';
import { colorEnabled, terminalWidth } from '../io/color.js';
import { asciiOnly } from '../io/ascii-mode.js';
import { asciiText } from '../chart/ascii.js';
import { UserError } from '../errors.js';
import { twoVariableTarget } from '../landscape/dispatch.js';
import { count } from '../math/format.js';
import stringWidth from '../text-width.js';

export interface DescendOptions {
  start: string; lr: string; steps: string; tol: string; var: string;
  width?: string; height?: string; ymin?: string; ymax?: string; json?: boolean;
  /** 2-D: --vars, --momentum, --box, --from/--to; `given`: the options typed. */
  vars?: string; momentum?: string; box?: string; from?: string; to?: string; given?: string[];
}

export async function run(text: string, opts: DescendOptions): Promise<void> {
  const given = new Set(opts.given ?? []);
  // A function of two variables (or a named landscape): paths on a contour map.
  const target = twoVariableTarget(text, opts, given.has('var'));
  if (target) return (await import('./descend2d.js')).run(target, opts, given);
  if (opts.momentum !== undefined) throw new UserError('--momentum is for functions of two variables (or a named landscape like ravine)', 2);
  const { start, rates, steps } = descentOptions(opts);
  const tol = parseNumber('tol', opts.tol, { min: 0 });
  const size = chartSize(opts, terminalWidth());
  const y = yRange(opts);
  const e = compileExpression(text, { variable: opts.var });
  const d = await differentiate(e);
  if (!Number.isFinite(e.evaluate(start)) || !Number.isFinite(d.evaluate(start))) {
    throw new UserError(`f(${e.variable}) = ${e.text} or its derivative is undefined (or beyond ±1.8e308) at the start ${e.variable} = ${formatNumber(start)}: choose another --start`, 2);
  }
  const runs = rates.map((lr) => descend(e.text, (x) => e.evaluate(x), (x) => d.evaluate(x), { start, lr, steps, tol }));
  if (opts.json) {
    process.stdout.write(jsonText({ runs }) + '\n');
    return;
  }
  const view = descentLab(e, runs, 5, size.width, y);
  const colors = colorEnabled();
  const ascii = asciiOnly();
  // Sentences wrap at spaces within the chart width, continuation lines indented.
  // In ASCII the text is measured as it will be printed (f″ becomes f'', … becomes ...).
  const wrap = (line: string) => hangingWrap(ascii ? asciiText(line) : line, size.width);
  const out = [
    ...(`f(${e.variable}) = ${e.text}    f'(${e.variable}) = ${d.text}`.length <= size.width
      ? [`f(${e.variable}) = ${e.text}    f'(${e.variable}) = ${d.text}`]
      : [wrap(`f(${e.variable}) = ${e.text}`), wrap(`f'(${e.variable}) = ${d.text}`)]),
    wrap(`start ${e.variable} = ${formatNumber(start)}; at most ${count(steps, 'step')}; stop when |f'(${e.variable})| < ${formatNumber(tol)}`),
    '',
    renderChart({ ...size, colors, ascii, ...view.landscape }),
    // No step taken by any run: a loss 'curve' of one point per run says nothing.
    ...(runs.some((r) => r.steps.length > 1) ? [renderChart({ ...size, colors, ascii, ...view.loss })] : []),
    // A table wider than the terminal would wrap every row: one line says where the steps are instead.
    ...view.tables.map((t) => {
      // Columns, not UTF-16 units: what the terminal wraps at.
      const wide = Math.max(...t.map((l) => stringWidth(l)));
      return wide <= size.width ? t.join('\n') + '\n' : wrap(`${t[0]} (the step table needs ${wide} columns; --json has every step)`) + '\n';
    }),
    ...view.verdicts.map(wrap),
  ];
  const shown = out.join('\n') + '\n';
  process.stdout.write(shown);
}
