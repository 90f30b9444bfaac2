import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

// progress names every step as start's plan does: "1. Concept Foundations" in both (progress said
// "Reading: 1 concept foundations" for the plan's "1. Concept Foundations").
const LESSON = fileURLToPath(new URL('../fixtures/course/level-a/Lesson-5.1.3-Numbered-Sections.md', import.meta.url));

test('progress lists the steps left under the names the plan gives them', () => {
  const h = mkdtempSync(join(tmpdir(), 'calc-ml-names-'));
  const start = runCli(['start', LESSON], { input: '\n', env: { CALC_ML_HOME: h } });
  const plan = start.stdout.slice(start.stdout.indexOf('Ahead of you:'), start.stdout.indexOf('done 0 of'));
  const progress = runCli(['progress'], { env: { CALC_ML_HOME: h } }).stdout.replace(/\n {4}(?! *(?:left|skipped|missed):)/g, ' ');
  const left = /left: (.*)/.exec(progress)?.[1] ?? '';
  const names = left.replace(/, and \d+ more$/, '').split(', ').filter((n) => !/^Exercise /.test(n));
  expect(names.length).toBeGreaterThan(1);
  expect(left).not.toMatch(/Reading:/);
  // Each a line of the plan, as the plan writes it (its minutes after it).
  for (const n of names) expect(plan).toMatch(new RegExp(`^ +[▸✓✗ -]? ?${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: ·|$| \\()`, 'm'));
});
