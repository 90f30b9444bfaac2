import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// In a real terminal (tmux), with colour on and inquirer drawing its prompts: every byte the program
// sends is recorded, so the test sees what the terminal received, not what a pipe would.
const maybe = hasTmux ? describe : describe.skip;
const tmp = () => mkdtempSync(join(tmpdir(), 'calc-ml-tty-'));
const HOSTILE = /\u001b\]|\u001b\[2J|\u001b\[8m|\u0007|\u009b|\u202e/;

maybe('hostile bytes never reach a real terminal, and colour and prompts still work', () => {
  const terms: Terminal[] = [];
  afterAll(() => terms.forEach((t) => t.close()));
  const open = (args: string) => {
    const record = join(tmp(), 'bytes');
    writeFileSync(record, '');
    const t = new Terminal(args, { CALC_ML_HOME: tmp(), TERM: 'xterm-256color' }, 100, 40, { bin: BIN, cwd: ROOT, record });
    terms.push(t);
    return { t, bytes: () => readFileSync(record, 'latin1') };
  };

  test('grade and plot: the answer and the error text are cleaned; verdicts are coloured', async () => {
    // A written answer: a true/false reply with bytes after it is not an answer, and grade refuses it.
    const g = open(`grade quiz.5 $'a slope \\e]52;c;aGk=\\a\\e[8m\\u202e'`);
    expect(await g.t.exitStatus()).toBe(0);
    const p = open(`plot $'\\e[2Jx\\e]0;owned\\a'`);
    expect(await p.t.exitStatus()).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    for (const out of [g.bytes(), p.bytes()]) expect(out).not.toMatch(HOSTILE);
    expect(g.bytes()).toMatch(/\u001b\[3\dm/); // the verdict's colour
    expect(g.t.screen()).toMatch(/Not correct|Not quite|Partly|Correct/);
    expect(p.t.screen()).toMatch(/calc-ml: cannot read/);
  });

  test("quiz: inquirer's cursor movements and colours pass; a lesson's hostile bytes do not", async () => {
    const dir = tmp();
    const seed = readFileSync(join(ROOT, 'lessons', '1.2.26-calculus-for-ml-big-picture.md'), 'utf8');
    const path = join(dir, '1.2.26-evil.md');
    writeFileSync(path, seed.replace('Derivatives measure change.', 'Derivatives\u001b]52;c;aGk=\u0007 measure \u202echange\u001b[2J.'));
    const q = open(`quiz '${path}'`);
    await q.t.waitFor(/true or false( \(\? for a hint\))?\?/);
    q.t.type('true');
    await q.t.waitFor(/2\/8/);
    q.t.keys('C-c');
    expect(await q.t.exitStatus()).toBe(130);
    await new Promise((r) => setTimeout(r, 300));
    const out = q.bytes();
    expect(out).not.toMatch(HOSTILE);
    expect(out).toMatch(/\u001b\[\?25l|\u001b\[\d*[AGK]/); // inquirer hides the cursor and redraws its line
    expect(out).toMatch(/\u001b\[3\dm/);
    expect(q.t.screen()).toContain('measure <U+202E>change.');
  });
});
