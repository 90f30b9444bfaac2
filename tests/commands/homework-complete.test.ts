import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

// A lesson with its quiz passed and one homework item left "not yet" is not complete: the end of
// start, progress and lessons say the same (it said "Lesson 7.8.1 complete." and progress 3 of 3 done).
const LESSON = fileURLToPath(new URL('../fixtures/homework-course/Lesson-7.8.1-Homework-Left.md', import.meta.url));

test('homework left: not complete at the end of start, in progress and lessons; complete once ticked', () => {
  const env = { CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-homework-')), COLUMNS: '200' };
  const first = runCli(['start', LESSON], { input: 'true\nfalse\ny\nn\n', env });
  expect(first.status).toBe(0);
  expect(first.stdout).toContain('1 homework item left: the lesson is complete once each is done (calc-ml start --step homework brings this list back).');
  expect(first.stdout).toContain('End of Lesson 7.8.1: 2 of 3 steps done, 1 left.');
  expect(first.stdout).toContain('Still open: Homework. Go back with: calc-ml start --step homework');
  expect(first.stdout).not.toContain('Lesson 7.8.1 complete.');
  const progress = runCli(['progress'], { env }).stdout;
  expect(progress).toMatch(/Lesson 7\.8\.1 Homework Left · in progress/);
  expect(progress).toMatch(/steps: 2 done, 0 skipped, 0 missed, 1 left \(of 3\)\n\s+left: Homework/);
  const listed = JSON.parse(runCli(['lessons', '--json', '--dir', dirname(LESSON)], { env }).stdout).lessons.find((l: { id: string }) => l.id === '7.8.1');
  expect(listed.status).toBe('in progress');

  const again = runCli(['start', LESSON, '--step', 'homework'], { input: 'y\ny\n', env });
  expect(again.stdout).toContain('All homework done.');
  expect(again.stdout).toContain('Lesson 7.8.1 complete.');
  expect(runCli(['progress'], { env }).stdout).toMatch(/Lesson 7\.8\.1 Homework Left · complete[\s\S]*steps: 3 done, 0 skipped, 0 missed, 0 left \(of 3\)/);
  expect(JSON.parse(runCli(['lessons', '--json', '--dir', dirname(LESSON)], { env }).stdout).lessons.find((l: { id: string }) => l.id === '7.8.1').status).toBe('complete');
});
