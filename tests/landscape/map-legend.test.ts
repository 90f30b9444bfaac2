import { renderMap, type MapPath } from '../../src/landscape/map-render.js';
import { RUN_MARKS } from '../../src/landscape/descent-view.js';
import { runCli } from '../helpers/cli.js';
import { readMap } from '../helpers/map-screen.js';

// The map's legend says what the map draws: each run's own glyphs where colour cannot tell runs
// apart, and only the bands whose shading is on the map.

const f = (x: number, y: number) => x * x + 10 * y * y;
const box = { x0: -1, x1: 4, y0: -3, y1: 3 };
// Three runs from (3, 2) that cross one another, each ending somewhere else on the map.
const a: [number, number][] = [[3, 2], [2.5, 1], [2, 0], [1.5, -1], [1, -2]];
const b: [number, number][] = [[3, 2], [2, 2], [1, 1], [0, 0.5], [-0.5, 0]];
const c: [number, number][] = [[3, 2], [3, 1], [2, 0.5], [1.5, -0.5], [2, -2.4]];
const paths: MapPath[] = [a, b, c].map((points, i) => ({ ...RUN_MARKS[i], series: i, points, label: `lr 0.0${i + 1}: 4 steps` }));
const joined = (t: string) => t.replace(/\n {4}/g, ' ');

describe('runs told apart without colour', () => {
  test.each([false, true])('no colour (ASCII: %s): each run joins its steps with its own trail and ends on its own mark, and the legend names both', (ascii) => {
    const map = renderMap({ f, box, vars: ['x', 'y'], width: 80, colors: false, ascii, paths });
    const pick = (g: { symbol: string; ascii: string }) => (ascii ? g.ascii : g.symbol);
    const trails = paths.map((p) => pick(p.trail!));
    const ends = paths.map((p) => pick(p.end!));
    expect(new Set([...trails, ...ends, ...paths.map((p) => pick(p))]).size).toBe(9);
    // Every join drawn is one of the runs' trails, and every run's trail is on the map.
    const joins = map.cells.flat().filter((cell) => cell.over === 'path').map((cell) => cell.ch);
    expect(joins.every((ch) => trails.includes(ch))).toBe(true);
    for (const t of trails) expect(joins).toContain(t);
    const screen = readMap(map.text);
    paths.forEach((p, i) => {
      const last = p.points[p.points.length - 1];
      expect(screen.at(...last)).toBe(ends[i]);
      expect(joined(map.text)).toContain(`  ${pick(p)}  lr 0.0${i + 1}: 4 steps; ${trails[i]} between its steps, ${ends[i]} where it stopped`);
    });
    expect(map.text).not.toMatch(/colour/);
    expect(map.text).not.toContain(ascii ? '  E  ' : '⊗');
  });

  test('with colour: one end mark in each run\'s colour, and the legend says so', () => {
    const map = renderMap({ f, box, vars: ['x', 'y'], width: 80, colors: true, ascii: false, paths });
    expect(map.text).toContain('⊗  where a run stopped, in its colour');
    expect(map.cells.flat().filter((cell) => cell.over === 'path').every((cell) => '─│╱╲'.includes(cell.ch))).toBe(true);
  });

  test('one run without colour: its line glyphs and ⊗, and no word of colour', () => {
    const map = renderMap({ f, box, vars: ['x', 'y'], width: 80, colors: false, ascii: false, paths: paths.slice(0, 1) });
    expect(map.text).toContain('⊗  where the run stopped');
    expect(map.text).not.toMatch(/colour/);
  });

  test('a run that stops under another mark says what covers it', () => {
    const map = renderMap({ f, box, vars: ['x', 'y'], width: 80, colors: false, ascii: false, paths, marks: [{ x: -0.5, y: 0, symbol: '●', ascii: '@', label: 'minimum' }] });
    expect(joined(map.text)).toContain('lr 0.02: 4 steps; • between its steps, it stopped under the ●');
  });

  test.each([
    ['80', []], ['40', []], ['80', ['--ascii']], ['40', ['--ascii']], ['80', ['--momentum', '0.5']],
  ])('descend "x^2 + 10*y^2" --lr 0.02,0.09,0.11 at %s columns %j, NO_COLOR: the legend names what is drawn', (width, flags) => {
    const out = runCli(['descend', 'x^2 + 10*y^2', '--start', '3,2', '--lr', '0.02,0.09,0.11', '--width', width, ...flags], { env: { NO_COLOR: '1' } }).stdout;
    const body = readMap(out).rows.map((r) => r.join('')).join('\n');
    expect(out).not.toMatch(/in its colour/);
    const named = [...joined(out).matchAll(/; (\S) between its steps(?:, (\S) where it stopped)?/g)];
    expect(named).toHaveLength(3);
    for (const [, trail, end] of named) {
      expect(body).toContain(trail);
      if (end) expect(body).toContain(end);
    }
    expect(new Set(named.map((m) => m[1])).size).toBe(3);
  });
});

describe('the level legend lists only the bands on the map', () => {
  test.each([
    ['ravine', '80', []], ['ravine', '40', []], ['ravine', '80', ['--ascii']],
    ['x^2 + 3*y^2', '80', []], ['x^2 + 3*y^2', '40', ['--ascii']], ['rosenbrock', '80', []], ['two-valleys', '40', []], ['saddle', '80', ['--ascii']],
  ])('plot %s at %s columns %j', (what, width, flags) => {
    const out = runCli(['plot', what, '--width', width, ...flags]).stdout;
    const body = readMap(out).rows.map((r) => r.join('')).join('');
    const lines = out.split('\n');
    const head = lines.findIndex((l) => /in bands/.test(l));
    const legend = lines.slice(head + 1).filter((l) => /^ {2,}\[/.test(l)).join(' ');
    const shades = [...legend.matchAll(/\[(.)\]/g)].map((m) => m[1]);
    expect(shades.length).toBeGreaterThan(1);
    for (const s of shades) expect(body).toContain(s);
  });
});
