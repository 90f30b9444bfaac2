import { renderMap } from '../../src/landscape/map-render.js';
import type { Box } from '../../src/landscape/field.js';
import { runCli } from '../helpers/cli.js';
import { readMap } from '../helpers/map-screen.js';

// A point at a tick value is drawn in the tick's row and column. With cells bounded by the box's
// edges, y = 0 on a map of y = -3 … 3 and an even number of rows fell on a cell boundary: a run's
// end at y = 1e-5 was drawn a row above the "0 ┤" label and above the minimum's ●.

const f = (x: number, y: number) => x * x + 10 * y * y;
const cases: [string, Box, number, number | undefined, boolean][] = [
  ['the issue\'s box at 80 columns', { x0: -1, x1: 4, y0: -3, y1: 3 }, 80, undefined, false],
  ['the issue\'s box at 40 columns', { x0: -1, x1: 4, y0: -3, y1: 3 }, 40, undefined, false],
  ['an even --height 20', { x0: -3, x1: 3, y0: -3, y1: 3 }, 70, 20, false],
  ['an even --height 16, ASCII', { x0: -3, x1: 3, y0: -2, y1: 2 }, 60, 16, true],
  ['a box with no tick on its edges', { x0: -0.65, x1: 2.71, y0: -0.65, y1: 1.35 }, 80, undefined, false],
  ['rosenbrock\'s box', { x0: -2, x1: 2, y0: -1, y1: 3 }, 40, undefined, true],
];

describe('map cells are centred on the tick values', () => {
  test.each(cases)('%s: a point at (or a hair off) a tick value is in the tick\'s row and column', (_name, box, width, height, ascii) => {
    const map = renderMap({ f, box, vars: ['x', 'y'], width, height, colors: false, ascii });
    const screen = readMap(map.text);
    expect(screen.rows).toHaveLength(map.rows);
    if (height !== undefined) expect(map.rows).toBeLessThanOrEqual(height);
    const mid = (box.x0 + box.x1) / 2;
    for (const { v, row } of screen.yLabels) {
      for (const y of [v, v + 1e-5, v - 1e-5]) expect(map.cellOf(mid, y)[1]).toBe(row);
      expect(map.centreOf(0, row)[1]).toBeCloseTo(v, 12);
    }
    for (const { v, col } of screen.xTicks) {
      for (const x of [v, v + 1e-5, v - 1e-5]) expect(map.cellOf(x, 0)[0]).toBe(col);
      expect(map.centreOf(col, 0)[0]).toBeCloseTo(v, 12);
    }
  });

  test.each(cases)('%s: the minimum\'s mark at (0, 0) is in the row labelled 0 and the column ticked 0', (_name, box, width, height, ascii) => {
    const map = renderMap({ f, box, vars: ['x', 'y'], width, height, colors: false, ascii, marks: [{ x: 0, y: 0, symbol: '●', ascii: '@', label: 'minimum' }] });
    const screen = readMap(map.text);
    const zeroRow = screen.yLabels.find((l) => l.v === 0);
    if (zeroRow) expect(screen.rows[zeroRow.row]).toContain(ascii ? '@' : '●');
    const zeroCol = screen.xTicks.find((t) => t.v === 0);
    if (zeroCol) expect(screen.rows.map((r) => r[zeroCol.col]).join('')).toContain(ascii ? '@' : '●');
    expect(screen.at(0, 0)).toBe(ascii ? '@' : '●');
  });
});

describe('descend "x^2 + 10*y^2" --start 3,2 --lr 0.02,0.09,0.11: every mark where the axes say', () => {
  const args = ['descend', 'x^2 + 10*y^2', '--start', '3,2', '--lr', '0.02,0.09,0.11'];
  const runs = JSON.parse(runCli([...args, '--json']).stdout).runs as { lr: number; steps: { x: [number, number] }[] }[];
  test.each([
    ['80', '', false], ['40', '', false], ['80', '--ascii', true], ['40', '--ascii', true],
  ])('at %s columns %s, without colour', (width, flag, ascii) => {
    const out = runCli([...args, '--width', width, ...(flag ? [flag] : [])]).stdout;
    const screen = readMap(out);
    // The start, read off the axes: the row labelled 2, the column ticked 3.
    expect(screen.at(3, 2)).toBe(ascii ? 'S' : '◎');
    expect(screen.yLabels.some((l) => l.v === 0)).toBe(true);
    // lr 0.02 creeps along the valley floor (y within a hundredth of 0 from step 20 on): in the row labelled 0.
    const zero = screen.yLabels.find((l) => l.v === 0)!.row;
    const floor = runs[0].steps.filter((s) => Math.abs(s.x[1]) < 0.01);
    expect(floor.length).toBeGreaterThan(10);
    for (const s of floor) expect(screen.cellOf(...s.x)[0]).toBe(zero);
    expect(screen.rows[zero].join('')).toMatch(ascii ? /1{5}/ : /○{5}/);
    // Each run's end: its own mark at the cell the axes give (≈ (0.39, 0) for lr 0.02; lr 0.09 ends
    // at the minimum, under its mark); lr 0.11 leaves the map.
    const end = (k: number) => runs[k].steps[runs[k].steps.length - 1].x;
    expect(screen.at(...end(0))).toBe(ascii ? 'a' : '①');
    expect(screen.at(...end(1))).toBe(ascii ? '@' : '●');
    expect(screen.cellOf(0, 0)).toEqual(screen.cellOf(...end(1)));
  });
});
