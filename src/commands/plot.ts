import { jsonText } from '../terminal-text.js';
import { compileExpression, differentiate } from '../math/engine.js';
import { plotLab } from '../math/lab.js';
import { chartSize, LIMITS, parseInteger, parseNumber, parseRange, yRange } from '../math/options.js';
import { renderChart, shownYRange } from '../chart/chart.js';
import { colorEnabled, terminalWidth } from '../io/color.js';
import { asciiOnly } from '../io/ascii-mode.js';
import { twoVariableTarget } from '../landscape/dispatch.js';
import { UserError } from '../errors.js';

export interface PlotOptions {
  from: string; to: string; var: string; derivative?: boolean; tangent?: string;
  width?: string; height?: string; ymin?: string; ymax?: string; samples?: string; json?: boolean;
  /** 2-D maps: --vars, --box; `given`: the options typed (not commander's defaults). */
  vars?: string; box?: string; given?: string[];
}

export async function run(texts: string[], opts: PlotOptions): Promise<void> {
  const given = new Set(opts.given ?? []);
  // A function of two variables (or a named landscape) is drawn as a contour map.
  const target = texts.length === 1 ? twoVariableTarget(texts[0], opts, given.has('var')) : null;
  if (target) return (await import('./plot2d.js')).run(target, opts, given);
  if (texts.length > 1) for (const t of texts) if (twoVariableTarget(t, opts, given.has('var'))) throw new UserError('a contour map shows one function of two variables: plot it on its own', 2);
  const { from, to } = parseRange(opts.from, opts.to);
  const size = chartSize(opts, terminalWidth());
  const y = yRange(opts);
  const tangentAt = opts.tangent !== undefined ? parseNumber('tangent', opts.tangent) : undefined;
  // About one sample per chart column, an odd count so that the middle of the range (often 0) is one;
  // a JSON reader gets round x values (-5, -4.9, …) by default.
  const samples = opts.samples !== undefined ? parseInteger('samples', opts.samples, ...LIMITS.samples) : opts.json ? 101 : size.width | 1;
  const exprs = texts.map((t) => compileExpression(t, { variable: opts.var }));
  // The derivative module (mathjs derivative + simplify) is loaded only when f′ is needed.
  const derivatives = opts.derivative || tangentAt !== undefined ? await Promise.all(exprs.map(differentiate)) : undefined;
  // The plot area is the width less the y labels (about 6 columns): what a curve's wiggles must fit in.
  // The summary says the y range the chart's axis shows (and what lies beyond it), so both agree.
  const shown = (fit: { from: number; to: number }) => shownYRange({ height: size.height, ...(y ? { y } : {}) }, fit);
  const lab = plotLab({ exprs, derivatives, showDerivative: !!opts.derivative, tangentAt, from, to, samples, columns: Math.max(10, size.width - 6), shown });
  if (opts.json) {
    process.stdout.write(jsonText(lab.json) + '\n');
    return;
  }
  const ascii = asciiOnly();
  const chart = renderChart({ ...size, colors: colorEnabled(), ascii, series: lab.series, markers: lab.markers, x: { from, to }, ...(lab.yFit ? { yFit: lab.yFit } : {}), ...(y ? { y } : {}), xTitle: exprs[0].variable, summary: lab.summary });
  process.stdout.write(chart);
}
