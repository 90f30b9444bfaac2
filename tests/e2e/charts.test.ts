import { Terminal, hasTmux } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// Issue 12, 1-D, on a real terminal (tmux): the repository's build, at 80 and 40 columns, with and
// without colour, and in ASCII. What matters is what the screen shows.
const maybe = hasTmux ? describe : describe.skip;

maybe('charts that tell the truth, on screen', () => {
  const terms: Terminal[] = [];
  const open = (args: string, env: Record<string, string>, width: number) => {
    const t = new Terminal(args, env, width, 200);
    terms.push(t);
    return t;
  };
  afterAll(() => terms.forEach((t) => t.close()));
  const lines = (screen: string) => screen.split('\n').map((l) => l.replace(/\s+$/, ''));

  test.each([
    [80, { NO_COLOR: '1' }, ''],
    [40, { NO_COLOR: '1' }, ''],
    [80, {}, ''],
    [40, { NO_COLOR: '1' }, '--ascii'],
  ])('descend x^2 --lr 0.1,1.1 at %p columns %j %s: the divergent run is seen on both charts', async (width, env, flag) => {
    const t = open(`descend 'x^2' --lr 0.1,1.1 ${flag}`, env, width);
    expect(await t.exitStatus()).toBe(0);
    const screen = t.screen();
    const escapes = t.screen(true);
    // The loss axis is logarithmic, and says so; its labels are powers of ten up to the blow-up.
    expect(screen).toContain('per step (log scale)');
    expect(screen).toMatch(/^ *1e8 [┤+]/m);
    // The path: lr 1.1's swings are on the landscape, and its escape is marked at the edge.
    const marks = flag ? 'o' : '○';
    const landscape = screen.slice(0, screen.indexOf('per step'));
    expect(landscape.split(marks).length - 1).toBeGreaterThanOrEqual(4);
    expect(screen).toMatch(/lr 1\.1: x_k visited \([^)]*\d+\s+points\s+beyond\s+the\s+frame\s+(→|>),\s+out\s+to\s+x\s+=\s+27300\)/);
    for (const l of lines(screen)) expect([...l].length).toBeLessThanOrEqual(width);
    if (flag) expect(screen).toMatch(/^[\x00-\x7f]*$/);
    expect(/\x1b\[3\dm/.test(escapes)).toBe(!('NO_COLOR' in env));
  });

  test('descend x^2 --lr 1,1.1: lr 1.1 is not hidden under lr 1', async () => {
    const t = open(`descend 'x^2' --lr 1,1.1`, { NO_COLOR: '1' }, 80);
    await t.exitStatus();
    const screen = t.screen();
    const loss = screen.slice(screen.indexOf('per step'), screen.indexOf('lr 1: loss from'));
    expect(loss).not.toMatch(/hidden under/);
    // Both line styles are on the loss chart: lr 1 flat (─), lr 1.1 rising (╌ and ╎).
    expect(loss).toMatch(/─{10}/);
    expect(loss).toMatch(/[╌╎]/);
  });

  test.each([80, 40])('plot sin(100x) at %p columns: no aliased slow wave, the band and a note', async (width) => {
    const t = open(`plot 'sin(100x)'`, { NO_COLOR: '1' }, width);
    await t.exitStatus();
    const text = t.screen().replace(/\n {2}/g, ' ');
    expect(text).toMatch(/wiggles faster than the chart's \d+ columns can show/);
    expect(text).toContain('band top');
  });

  test('plot x²+3x−1 as the tutor prints it, and below 30 columns one line', async () => {
    const t = open(`plot 'x²+3x−1'`, { NO_COLOR: '1' }, 80);
    await t.exitStatus();
    expect(t.screen()).toContain('min -3.25 at x = -1.5');
    const narrow = open(`plot 'x^2'`, { NO_COLOR: '1' }, 24);
    await narrow.exitStatus();
    const s = narrow.screen();
    expect(s).toContain('(chart needs 30 cols)');
    for (const l of lines(s)) expect([...l].length).toBeLessThanOrEqual(24);
  });
});
