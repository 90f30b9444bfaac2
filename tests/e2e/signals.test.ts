import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// SIGTERM or SIGHUP at an inquirer prompt (a closed ssh session, `kill`, a window manager): the
// terminal gets its echo back, the answers given are on disk, the exit status is 128 + the signal.
const maybe = hasTmux ? describe : describe.skip;

maybe('a signal at a prompt', () => {
  const terms: Terminal[] = [];
  afterAll(() => terms.forEach((t) => t.close()));

  test.each([
    ['SIGTERM', 143, /calc-ml: stopped by SIGTERM\./],
    ['SIGHUP', 129, null],
  ] as const)('%s: echo restored, exit %d, the first answer kept', async (signal, status, line) => {
    const h = mkdtempSync(join(tmpdir(), 'calc-ml-sig-'));
    const t = new Terminal('quiz', { NO_COLOR: '1', CALC_ML_HOME: h });
    terms.push(t);
    await t.waitFor(/true or false( \(\? for a hint\))?\?/);
    t.type('true');
    await t.waitFor(/2\/8/);
    await t.waitFor(/2\/8[^]*\? true or false( \(\? for a hint\))?\?\s*$/);
    const { tty, pid } = t.pane();
    expect(stty(tty)).toMatch(/(^|\s)-echo(\s|$)/); // inquirer's raw mode, as at any prompt
    process.kill(pid!, signal);
    expect(await t.exitStatus()).toBe(status);
    expect(stty(tty)).toMatch(/(^|\s)echo(\s|$)/);
    if (line) expect(t.screen()).toMatch(line);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(saved.lessons['1.2.26'].answers['quiz.1']).toHaveLength(1);
  });
});

function stty(tty: string): string {
  return execFileSync('stty', ['-a', '-F', tty], { encoding: 'utf8' });
}
