import { jest } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, hasTmux } from '../helpers/tmux.js';

jest.setTimeout(60000);

// The 2-D maps in a real terminal (tmux), as a learner sees them: a map, an arrow and a path on
// screen, at 80 and 40 columns, with and without colour, and in plain ASCII.
const maybe = hasTmux ? describe : describe.skip;

maybe('2-D maps in a real terminal', () => {
  const terms: Terminal[] = [];
  const open = (args: string, env: Record<string, string>, width: number) => {
    const t = new Terminal(args, env, width, 120);
    terms.push(t);
    return t;
  };
  afterAll(() => terms.forEach((t) => t.close()));

  const modes: [string, Record<string, string>, string][] = [
    ['no colour', { NO_COLOR: '1' }, ''],
    ['colour', { FORCE_COLOR: '1' }, ''],
    ['ASCII', { NO_COLOR: '1' }, ' --ascii'],
  ];
  const cases = [80, 40].flatMap((w) => modes.map(([name, env, flag]) => [w, name, env, flag] as const));

  test.each(cases)('at %i columns, %s: plot shows a map with the minimum marked and reported', async (width, _name, env, flag) => {
    const t = open(`plot "x^2 + 3*y^2"${flag}`, env, width);
    expect(await t.exitStatus()).toBe(0);
    const screen = t.screen();
    const lines = screen.split('\n');
    // Joined where the terminal wrapped: a line wider than the screen would show here.
    for (const l of t.screen(false, true).split('\n')) expect([...l].length).toBeLessThanOrEqual(width);
    expect(screen).toMatch(flag ? /@/ : /●/);
    expect(screen.replace(/\n {2}/g, ' ')).toMatch(/Minimum: f = 0 at \(x, y\) = \(0, 0\)/);
    // a y axis with ticks and an x axis with ticks
    expect(lines.filter((l) => (flag ? /^\s*-?\d+ \+/ : /^\s*-?\d+ ┤/).test(l)).length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => (flag ? /\+-+\+/ : /└─*┬/).test(l))).toBe(true);
    if (flag) expect(screen).toMatch(/^[\x20-\x7e\n]*$/);
    if (env.FORCE_COLOR) expect(t.screen(true)).toMatch(/\x1b\[/);
  });

  test.each(cases)('at %i columns, %s: grad draws the gradient arrow at the point, uphill, and says where it points', async (width, _name, env, flag) => {
    const t = open(`grad "x^2 + 3*y^2" --at 1,2${flag}`, env, width);
    expect(await t.exitStatus()).toBe(0);
    const screen = t.screen();
    for (const l of t.screen(false, true).split('\n')) expect([...l].length).toBeLessThanOrEqual(width);
    const joined = screen.replace(/\n {2}/g, ' ');
    expect(joined).toMatch(/(∇f|grad f)\(1, 2\) = \(2, 12\)/);
    expect(joined).toMatch(/points uphill/);
    // The point and an arrow head above it (f rises with y there).
    expect(screen).toContain(flag ? 'P' : '◉');
    const map = screen.split('\n');
    const row = map.findIndex((l) => l.includes(flag ? ' P' : '◉') && /[┤│|+]/.test(l));
    const above = map.slice(Math.max(0, row - 6), row).join('\n');
    expect(above).toMatch(flag ? /[\^>]/ : /[↑⬈]/);
  });

  test.each(cases)('at %i columns, %s: descend ravine draws each rate\'s path and names what it did', async (width, _name, env, flag) => {
    const t = open(`descend ravine${flag}`, env, width);
    expect(await t.exitStatus()).toBe(0);
    const screen = t.screen();
    for (const l of t.screen(false, true).split('\n')) expect([...l].length).toBeLessThanOrEqual(width);
    const joined = screen.replace(/\n {2}/g, ' ');
    // start, and marks of the three runs on the map
    expect(screen).toContain(flag ? 'S' : '◎');
    for (const m of flag ? ['1', '2', '3'] : ['○', '◆', '◇']) expect(screen).toContain(m);
    expect(joined).toMatch(/lr 0\.02 is slow along the valley floor/);
    expect(joined).toMatch(/lr 0\.09 (zigzags|converges)/);
    expect(joined).toMatch(/lr 0\.11 diverges along the steep axis y/);
  });

  test.each([80, 40])('start, core idea 2 at %i columns: the gradient arrow on a map, in the tutor', async (width) => {
    const home = mkdtempSync(join(tmpdir(), 'calc-ml-e2e-'));
    const t = open('start --step ideas', { NO_COLOR: '1', CALC_ML_HOME: home }, width);
    await t.waitFor(/Press Enter to begin/);
    t.keys('Enter');
    await t.waitFor(/Core idea 1 of 3[\s\S]*Press Enter/);
    t.keys('Enter');
    const screen = await t.waitFor(/Core idea 2 of 3[\s\S]*Press Enter/);
    const idea2 = screen.slice(screen.indexOf('Core idea 2 of 3'));
    expect(idea2).toContain('◉');
    expect(idea2).toMatch(/⬈/);
    // Each map row whole: a y label never left alone on a line by the tutor's wrapping.
    expect(idea2).not.toMatch(/^ *-?\d+ *$/m);
    expect(idea2).toMatch(/^ *2 ┤/m);
    expect(idea2.replace(/\n {2}/g, ' ')).toMatch(/it points up and to the right/);
    const joined = t.screen(false, true);
    for (const l of joined.slice(joined.indexOf('Core idea 2 of 3')).split('\n')) expect([...l].length).toBeLessThanOrEqual(width);
    t.keys('C-c');
  });

  test('at 40 columns, plot ravine: a newcomer reads where the minimum is and which way is steep', async () => {
    const t = open('plot ravine', { NO_COLOR: '1' }, 40);
    expect(await t.exitStatus()).toBe(0);
    const joined = t.screen().replace(/\n {2}/g, ' ');
    expect(joined).toMatch(/Minimum: f = 0 at \(x, y\) = \(0, 0\)/);
    expect(joined).toMatch(/steepest along y and flattest along x/);
  });
});
