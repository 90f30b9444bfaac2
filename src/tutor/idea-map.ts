import { compileExpression2, partials } from '../math/engine.js';
import { renderMap } from '../landscape/map-render.js';
import { landscapeView } from '../landscape/map-view.js';
import { gradientAt } from '../landscape/gradient.js';
import { directionWords, point } from '../landscape/words.js';
import { formatNumber as fmt } from '../math/format.js';
import type { IdeaExtra } from './start.js';
import type { Screen } from './labs.js';

/**
 * The map shown with a core idea in two variables: contours of f, the gradient at a point as an
 * arrow (uphill, across the contour) and minus the gradient beside it, and what they say in words.
 */
export async function ideaMap(m: NonNullable<IdeaExtra['map']>, s: Screen): Promise<string> {
  const e = compileExpression2(m.expr);
  const d = await partials(e);
  const g = gradientAt(e, d, m.at, 1e-5);
  const f = (x: number, y: number) => e.evaluate(x, y);
  const r = Math.max(2, 1.5 * Math.max(...m.at.map(Math.abs)));
  const box = m.box ? { x0: m.box[0], x1: m.box[1], y0: m.box[2], y1: m.box[3] } : { x0: -r, x1: r, y0: -r, y1: r };
  const view = landscapeView(f, box, e.vars);
  const [ux, uy] = g.direction ?? [0, 0];
  const words = g.direction
    ? [
        `At ${point(...m.at)} the gradient is ∇f = (${d[0].text}, ${d[1].text}) = ${point(...g.analytic)}: it points ${directionWords(ux, uy, e.vars)}, straight across the contour line, uphill.`,
        `Steepest descent, −∇f = ${point(-g.analytic[0], -g.analytic[1])}, points the other way, ${directionWords(-ux, -uy, e.vars).replace(/, [\d.]+° from.*$/, '')}: that is where a step of gradient descent goes. |∇f| = ${fmt(g.norm, 4)} says how steep.`,
      ]
    : [];
  return renderMap({
    f, box, vars: e.vars, width: Math.max(30, Math.min(s.width, 72)), equalScale: true, colors: s.colors, ascii: !!s.ascii,
    title: `f(${e.vars.join(', ')}) = ${e.text}`,
    marks: [...view.marks.filter((k) => k.label === 'minimum'), { x: m.at[0], y: m.at[1], symbol: '◉', ascii: 'P', label: `the point ${point(...m.at)}` }],
    arrows: g.direction ? [
      { x: m.at[0], y: m.at[1], dx: g.analytic[0], dy: g.analytic[1], kind: 'ascent' },
      { x: m.at[0], y: m.at[1], dx: -g.analytic[0], dy: -g.analytic[1], kind: 'descent' },
    ] : [],
    summary: [...words, ...view.summary.slice(0, 1)],
  }).text;
}
