// Reads a 2-D map off the screen as a newcomer does: the rows the y labels are on, the columns the
// x ticks (┬, + in ASCII) are under, and from those where any point (x, y) must be drawn.

export interface ScreenMap {
  /** The map's rows as printed, top first, and the column where the cells start. */
  rows: string[][];
  start: number;
  /** Labelled rows (index into rows) and ticked columns (index into a row), with their values. */
  yLabels: { v: number; row: number }[];
  xTicks: { v: number; col: number }[];
  /** The cell (row, col) a point is drawn in, by the two outermost labels on each axis. */
  cellOf(x: number, y: number): [number, number];
  at(x: number, y: number): string;
}

export function readMap(text: string): ScreenMap {
  const lines = text.split('\n');
  const isRow = (l: string) => /^ *(-?[\d.e-]+)? [┤│+|]/.test(l);
  const rule = lines.findIndex((l) => /^ *[└+][─┬+-]{5,}$/.test(l));
  if (rule < 0) throw new Error('no x axis on screen');
  let top = rule;
  while (top > 0 && isRow(lines[top - 1])) top--;
  const axisAt = lines[rule].search(/[└+]/);
  const start = axisAt + 1;
  const rows = lines.slice(top, rule).map((l) => [...l].slice(start));
  const yLabels = lines.slice(top, rule).flatMap((l, row) => {
    const m = /^ *(-?[\d.]+(?:e-?\d+)?) [┤+]/.exec(l);
    return m ? [{ v: Number(m[1]), row }] : [];
  });
  const ruleChars = [...lines[rule]];
  const tickCols = new Set(ruleChars.flatMap((ch, i) => (i > axisAt && (ch === '┬' || ch === '+') ? [i - start] : [])));
  const labels = lines[rule + 1];
  const xTicks: { v: number; col: number }[] = [];
  for (const m of labels.matchAll(/-?[\d.]+(?:e-?\d+)?/g)) {
    // A label is centred on its tick (the last may be pushed left to fit).
    const col = m.index! + Math.floor((m[0].length - 1) / 2) - start;
    if (tickCols.has(col)) xTicks.push({ v: Number(m[0]), col });
  }
  if (yLabels.length < 2 || xTicks.length < 2) throw new Error('fewer than two labels on an axis');
  const [ya, yb] = [yLabels[0], yLabels[yLabels.length - 1]];
  const [xa, xb] = [xTicks[0], xTicks[xTicks.length - 1]];
  const cellOf = (x: number, y: number): [number, number] => [
    ya.row + Math.round(((y - ya.v) * (yb.row - ya.row)) / (yb.v - ya.v)),
    xa.col + Math.round(((x - xa.v) * (xb.col - xa.col)) / (xb.v - xa.v)),
  ];
  return { rows, start, yLabels, xTicks, cellOf, at: (x, y) => {
    const [r, c] = cellOf(x, y);
    return rows[r]?.[c] ?? '';
  } };
}
