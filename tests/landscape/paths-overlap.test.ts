import { renderMap, type MapPath } from '../../src/landscape/map-render.js';
import { runCli } from '../helpers/cli.js';

const f = (x: number, y: number) => x * x + 10 * y * y;
const box = { x0: -1, x1: 4, y0: -3, y1: 3 };
// A zigzag down the valley, and the same path again: two rates that do the same thing.
const zigzag: [number, number][] = [[3, 2], [2.4, -1.6], [1.9, 1.3], [1.5, -1], [1.2, 0.8], [1, -0.6]];
const path = (series: number, label: string, points = zigzag): MapPath => ({ symbol: ['○', '◆'][series], ascii: String(series + 1), series, label, points });
const rows = (text: string) => text.split('\n').filter((l) => /[┤│|+]/.test(l.slice(0, 6)));

describe('descent paths that overlap on the map: both are seen', () => {
  test.each([false, true])('the cells both runs visited get ⊕ (B in ASCII: %s) and a legend line naming both; no run is "hidden"', (ascii) => {
    const { text } = renderMap({ f, box, vars: ['x', 'y'], width: 60, colors: false, ascii, paths: [path(0, 'lr 0.02: 5 steps'), path(1, 'lr 0.03: 5 steps')] });
    const both = ascii ? 'B' : '⊕';
    const body = rows(text).join('\n');
    // Every point but the last, where the end mark ⊗ goes (both runs stopped there).
    expect(body.split(both).length - 1).toBe(zigzag.length - 1);
    expect(text.replace(/\n {4}/g, ' ')).toContain(`  ${both}  lr 0.02 and lr 0.03 both visited this cell (${zigzag.length - 1} such cells)`);
    expect(text).not.toMatch(/hidden|under the marks/);
  });

  test('three runs meeting in different pairs: one ⊕ line naming the runs, never "both" for three', () => {
    // A and B meet at (3, 2), A and C at (1.9, 1.3), B and C at (0, 0): three different pairs.
    const a: [number, number][] = [[3.5, 2.5], [3, 2], [1.9, 1.3], [2.4, -1.6]];
    const b: [number, number][] = [[-0.5, 2.5], [3, 2], [0, 0], [-0.5, -2]];
    const c: [number, number][] = [[3.5, -2.5], [1.9, 1.3], [0, 0], [2, -2.8]];
    const paths = [path(0, 'lr 0.02: 3 steps', a), path(1, 'lr 0.03: 3 steps', b), { ...path(1, 'lr 0.04: 3 steps', c), symbol: '△', ascii: '3', series: 2 }];
    const { text } = renderMap({ f, box, vars: ['x', 'y'], width: 60, colors: false, ascii: false, paths });
    const legend = text.replace(/\n {4}/g, ' ').split('\n').filter((l) => l.startsWith('  ⊕'));
    expect(legend).toHaveLength(1);
    expect(legend[0]).not.toMatch(/both/);
    expect(legend[0]).toMatch(/⊕ {2}two or more of lr 0\.02, lr 0\.03 and lr 0\.04 visited this cell \(\d+ such cells\)/);
  });

  test('paths apart keep their own marks, and no such line', () => {
    const other = zigzag.map(([x, y]) => [x, -y] as [number, number]).slice(1);
    const { text } = renderMap({ f, box, vars: ['x', 'y'], width: 60, colors: false, ascii: false, paths: [path(0, 'lr 0.02: 5 steps'), path(1, 'lr 0.03: 4 steps', other)] });
    expect(text).not.toContain('⊕');
    expect(rows(text).join('')).toContain('◆');
  });

  test('descend "x^2 + 10*y^2" --lr 0.05,0.05 at 80 and 40 columns: one path of ⊕, named in the legend', () => {
    for (const width of ['80', '40']) {
      const out = runCli(['descend', 'x^2 + 10*y^2', '--start', '3,2', '--lr', '0.05,0.05', '--width', width]).stdout;
      expect(out.replace(/\n {4}/g, ' ')).toMatch(/⊕ {2}lr 0\.05 and lr 0\.05 both visited this cell \(\d+ such cells\)/);
      expect(out).not.toMatch(/hidden/);
      for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(Number(width));
    }
  });
});
