import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const MOMENTUM = fileURLToPath(new URL('../fixtures/progress-course/Lesson-7.3.4-Momentum-Basics.md', import.meta.url));

// The end of the lesson counts what review will bring back as review and progress count it: the
// kept answers not yet checked are due too (it said "1 item to review" where review had 4).
test('the end of a lesson and progress agree on what is due for review', () => {
  const env = { CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-finish-')), CALC_ML_NOW: '2026-02-03T09:00:00Z', COLUMNS: '200' };
  const r = runCli(['start', MOMENTUM, '--step', 'quiz'], { input: 'true\ntrue\na\nb\nprint(1)\n\n\n\n\nn\n', env });
  expect(r.stdout).toMatch(/^4 items to review now \(3 kept answers to check against the lesson\): run calc-ml review\.$/m);
  expect(runCli(['progress'], { env }).stdout).toMatch(/review: 4 due now \(3 kept answers to check against the lesson\)/);
});
