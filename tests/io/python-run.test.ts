import { existsSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { hasPython, runPython } from '../../src/io/python-spawn.js';

const maybe = hasPython() ? describe : describe.skip;

maybe('python3 runs of a learner program', () => {
  test('output and input', async () => {
    const r = await runPython('print(input()[::-1])', 'abc\n');
    expect(r).toMatchObject({ stdout: 'cba\n', status: 0, timedOut: false });
  });
  test('an error: its status and message', async () => {
    const r = await runPython('raise ValueError("no")', '');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ValueError: no/);
  });
  test('it runs in a fresh temporary folder of its own, removed afterwards (also when it is stopped at the limit)', async () => {
    const r = await runPython('import os\nprint(os.getcwd())\nprint(sorted(os.listdir(".")))', '');
    const dir = r.stdout.split('\n')[0];
    expect(realpathSync(dirname(dir))).toBe(realpathSync(tmpdir()));
    expect(basename(dir)).toMatch(/^calc-ml-py-/);
    expect(dir).not.toBe(realpathSync(process.cwd()));
    // Only the learner's program is in it.
    expect(r.stdout.split('\n')[1]).toBe("['main.py']");
    expect(existsSync(dir)).toBe(false);
    const stopped = await runPython('import os, sys\nprint(os.getcwd(), flush=True)\nwhile True: pass', '', 1);
    expect(stopped.timedOut).toBe(true);
    expect(existsSync(stopped.stdout.trim())).toBe(false);
  });
  test('a program that does not stop is stopped at the limit', async () => {
    const t = Date.now();
    const r = await runPython('while True: pass', '', 1);
    expect(r.timedOut).toBe(true);
    expect(Date.now() - t).toBeLessThan(4000);
  });
});
