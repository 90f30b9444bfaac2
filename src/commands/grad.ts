import { jsonText } from '../terminal-text.js';
import { compileExpression, differentiate } from '../math/engine.js';
import { centralDifference, forwardDifference, sweep } from '../math/numdiff.js';
import { gradLab } from '../math/lab.js';
import { formatNumber, hangingWrap, wrapWords } from '../math/format.js';
import { chartSize, parseNumber, yRange } from '../math/options.js';
import { renderChart } from '../chart/chart.js';
import { colorEnabled, terminalWidth } from '../io/color.js';
import { asciiOnly } from '../io/ascii-mode.js';
import { asciiText } from '../chart/ascii.js';
import { UserError } from '../errors.js';
import { twoVariableTarget } from '../landscape/dispatch.js';

export interface GradOptions {
  at: string; h: string; var: string; width?: string; height?: string; json?: boolean;
  /** 2-D: --vars, --box, --from/--to, --ymin/--ymax; `given`: the options typed. */
  vars?: string; box?: string; from?: string; to?: string; ymin?: string; ymax?: string; given?: string[];
}

export async function run(text: string, opts: GradOptions): Promise<void> {
  const given = new Set(opts.given ?? []);
  // A function of two variables (or a named landscape): the gradient as a vector, on a map.
  const target = twoVariableTarget(text, opts, given.has('var'));
  if (target) return (await import('./grad2d.js')).run(target, opts, given);
  const at = parseNumber('at', opts.at);
  const h = parseNumber('h', opts.h, { above: 0, max: 1 });
  const size = chartSize(opts, terminalWidth());
  const y = yRange(opts);
  const expr = compileExpression(text, { variable: opts.var });
  const derivative = await differentiate(expr);
  const f = (x: number) => expr.evaluate(x);
  // Where f itself has no value (log(x) at -1) or overflows (x^2 at 1e200), no difference means anything.
  if (!Number.isFinite(f(at))) {
    throw new UserError(`f(${expr.variable}) = ${expr.text} is undefined (or beyond ±1.8e308) at ${expr.variable} = ${formatNumber(at)}: choose another --at`, 2);
  }
  const analytic = derivative.evaluate(at);
  if (!Number.isFinite(analytic)) {
    throw new UserError(`f'(${expr.variable}) = ${derivative.text} is undefined (or beyond ±1.8e308) at ${expr.variable} = ${formatNumber(at)}: choose another --at`, 2);
  }
  const lab = gradLab({
    expr, derivative, at, h, analytic,
    forward: forwardDifference(f, at, h),
    central: centralDifference(f, at, h),
    sweep: sweep(f, at, analytic),
  });
  if (opts.json) {
    process.stdout.write(jsonText(lab.json) + '\n');
    return;
  }
  const ascii = asciiOnly();
  const chart = renderChart({ ...size, colors: colorEnabled(), ascii, ...lab.chart, x: { from: -12, to: -1 }, ...(y ? { y } : {}) });
  // Lines wider than a narrow terminal wrap at spaces, indented, rather than where the terminal cuts.
  // In ASCII the text is measured as it will be printed (… becomes ...).
  const fit = (line: string) => hangingWrap(ascii ? asciiText(line) : line, size.width);
  const out = [fit(lab.header), ...lab.table.map(fit), '', fit('Error against h = 1e-1 … 1e-12:'), chart + wrapWords(ascii ? asciiText(lab.sentence) : lab.sentence, size.width).join('\n')].join('\n') + '\n';
  process.stdout.write(out);
}
