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
  test('a program that does not stop is stopped at the limit', async () => {
    const t = Date.now();
    const r = await runPython('while True: pass', '', 1);
    expect(r.timedOut).toBe(true);
    expect(Date.now() - t).toBeLessThan(4000);
  });
});
