import { formatNumber as fmt } from '../math/format.js';
import type { Box } from './field.js';
import type { Run2 } from './descent2d.js';

// How 2-D descent runs are shown beside the map: their marks, the box that holds their paths and
// their step tables. Pure.

/**
 * One mark per run: shapes in Unicode, digits in ASCII (the ASCII map's shades use neither). Without
 * colour, several runs' joins and ends would look alike: then each run joins its steps with its own
 * trail (a small form of its mark) and ends on its own circled number (a letter in ASCII). All one column wide
 * (string-width): not ▪ ▫, which are emoji.
 */
const TRAILS = ['◦', '•', '⋄', '▵', '⁎', '▿', '×', '⋆'];
// Not + (the axis' ticks), nor a shade or an arrow's glyph (~ is the descent arrow's, on grad maps).
const TRAILS_ASCII = ['*', '"', "'", '`', ',', '_', '&', '$'];
const ENDS = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧'];
export const RUN_MARKS = ['○', '◆', '◇', '△', '□', '▽', '■', '◈'].map((symbol, i) => ({
  symbol, ascii: String(i + 1),
  trail: { symbol: TRAILS[i], ascii: TRAILS_ASCII[i] },
  end: { symbol: ENDS[i], ascii: String.fromCharCode(97 + i) },
}));

/** A box around where the runs that did not diverge went, and the start; padded by a fifth, at least 1 each way. */
export function pathBox(runs: readonly Run2[], start: readonly [number, number]): Box {
  const calm = runs.filter((r) => !r.diverged).flatMap((r) => r.steps.map((s) => s.x));
  const pts = [start, ...calm];
  const ext = (ps: readonly (readonly [number, number])[]) => ({
    x0: Math.min(...ps.map((p) => p[0])), x1: Math.max(...ps.map((p) => p[0])),
    y0: Math.min(...ps.map((p) => p[1])), y1: Math.max(...ps.map((p) => p[1])),
  });
  // A diverging run leaves through the edge of the map: its far points would shrink the rest to nothing.
  const b = ext(pts.filter((p) => p.every(Number.isFinite)));
  const pad = (lo: number, hi: number) => {
    const m = Math.max((hi - lo) * 0.2, 1);
    return [lo - m, hi + m];
  };
  const [x0, x1] = pad(b.x0, b.x1);
  const [y0, y1] = pad(b.y0, b.y1);
  return { x0: nice(x0, 'down'), x1: nice(x1, 'up'), y0: nice(y0, 'down'), y1: nice(y1, 'up') };
}

function nice(v: number, way: 'up' | 'down'): number {
  const step = 10 ** Math.floor(Math.log10(Math.max(1e-9, Math.abs(v)))) / 2;
  return way === 'up' ? Math.ceil(v / step) * step : Math.floor(v / step) * step;
}

/** step, x, y, f, |∇f| as aligned text; a long run shows its first and last rows around a "…". */
export function runTable(r: Run2, keep: number, digits = 5, ascii = false, narrow = false): string[] {
  const rows = r.steps.length > 2 * keep + 1 ? [...r.steps.slice(0, keep), null, ...r.steps.slice(-keep)] : r.steps;
  const [vx, vy] = r.vars;
  const cells = [
    ['step', vx, vy, 'f', ascii ? '|grad|' : '|∇f|'],
    ...rows.map((s) => (s ? [String(s.k), fmt(s.x[0], digits), fmt(s.x[1], digits), fmt(s.f, digits), fmt(Math.hypot(...s.grad), digits)] : [ascii ? '...' : '…', '', '', '', ''])),
  ];
  const w = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  // Under 60 columns, one space between columns and no indent: five numbers of 3 digits then fit in 40.
  const gap = narrow ? ' ' : '  ';
  return [
    `lr ${fmt(r.lr)}${r.momentum ? `, momentum ${fmt(r.momentum)}` : ''}, from ${'(' + r.start.map((v) => fmt(v)).join(', ') + ')'}:`,
    ...cells.map((row) => (narrow ? '' : '  ') + row.map((cell, c) => cell.padStart(w[c])).join(gap)),
  ];
}
