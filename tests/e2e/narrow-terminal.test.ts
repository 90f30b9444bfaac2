import { jest } from '@jest/globals';
import { Terminal, hasTmux } from '../helpers/tmux.js';

jest.setTimeout(60000);

// Issue 12 at 40 columns (and below the narrowest chart), in a real terminal (tmux): no line the
// terminal has to wrap. A line one column too wide shows as its last characters on a line of their
// own ('Usage: calc-ml descend|gd [options] <exp' / 'r>'); the screen is read with wrapped lines
// joined again, so such a line shows at its full width.
const maybe = hasTmux ? describe : describe.skip;

maybe('a narrow terminal', () => {
  const terms: Terminal[] = [];
  afterAll(() => terms.forEach((t) => t.close()));
  const screenOf = async (args: string, width: number, env: Record<string, string> = { NO_COLOR: '1' }) => {
    const t = new Terminal(args, env, width, 150);
    terms.push(t);
    await t.exitStatus();
    return t.screen(false, true).split('\n');
  };

  test.each(['plot', 'descend', 'grad', 'quiz', 'grade', 'start', 'show', 'check'])('%s --help at 40 columns: no line wraps', async (cmd) => {
    const lines = await screenOf(`${cmd} --help`, 40);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(40);
    expect(lines.join('\n')).toMatch(/^Usage: calc-ml /m);
  });

  test.each([
    ['no colour', { NO_COLOR: '1' }],
    ['colour', { FORCE_COLOR: '1' }],
  ])('descend ravine --momentum 0.8 at 40 columns, %s: step tables and map within the screen', async (_name, env) => {
    const lines = await screenOf('descend ravine --momentum 0.8', 40, env);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(40);
    expect(lines.filter((l) => /^step +x +y +f +\|∇f\|$/.test(l))).toHaveLength(3);
  });

  test('plot x^2 at 20 columns: one line that fits and names the minimum width', async () => {
    const lines = await screenOf("plot 'x^2'", 20);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(20);
    expect(lines[0]).toMatch(/^\(?(chart )?needs 30 cols\)?$/);
  });

  test('plot "x^2 +" at 40 columns: the message (wrapped at spaces, never mid-word) and a caret under the place', async () => {
    const lines = (await screenOf("plot 'x^2 +'", 40)).filter((l) => l.trim());
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(40);
    expect(lines[0]).toMatch(/^calc-ml: cannot read "x\^2 \+":/);
    expect(lines.slice(0, -2).join(' ').replace(/\s+/g, ' ')).toBe('calc-ml: cannot read "x^2 +": unexpected end of expression at column 6');
    expect(lines.slice(-2)).toEqual(['  x^2 +', '       ^']);
  });
});
