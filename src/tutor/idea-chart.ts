import { compileExpression, differentiate } from '../math/engine.js';
import { plotLab } from '../math/lab.js';
import { renderChart } from '../chart/chart.js';
import type { IdeaExtra } from './start.js';
import type { Screen } from './labs.js';

/** The small chart shown with a core idea: a curve, and its tangent where the key asks for one. */
export async function ideaChart(plot: NonNullable<IdeaExtra['plot']>, s: Screen): Promise<string> {
  const e = compileExpression(plot.expr);
  const d = plot.tangent !== undefined ? await differentiate(e) : undefined;
  const view = plotLab({ exprs: [e], derivatives: d ? [d] : undefined, showDerivative: false, tangentAt: plot.tangent, from: plot.from, to: plot.to, samples: 200 });
  // The y range of the curve itself: a tangent reaching far below would squash the parabola into a
  // few rows and make a slope of 2 look flat. The tangent is cut at the chart's edges instead.
  const ys = view.series[0].points.map((p) => p[1]).filter(Number.isFinite);
  const y = ys.length ? { from: Math.min(...ys), to: Math.max(...ys) } : undefined;
  return renderChart({ width: Math.min(s.width, 72), height: 10, colors: s.colors, ascii: s.ascii, series: view.series, markers: view.markers, summary: view.summary, xTitle: e.variable, y });
}
