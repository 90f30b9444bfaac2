import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

// "**Starter Exercise 1:**" and a code block, no words: the guided lesson shows the task from the
// code's leading comment, and where there is none says so, never a blank line where the task goes.
test('start shows an untitled exercise\'s task from its code, or says it has none', () => {
  const d = mkdtempSync(join(tmpdir(), 'calc-ml-untitled-'));
  const file = join(d, 'Lesson-4.5.7-Ternary.md');
  writeFileSync(file, [
    '# Lesson 4.5.7: Ternary Fixture', '', '**Estimated Time**: 1 hour | **Difficulty**: Beginner', '',
    '## 9. Graded Exercises', '', '### Starter Exercises (40 minutes)', '',
    '**Starter Exercise 1:**', '```python', '# TODO: Use a ternary to label a score pass/fail', 'score = 75', '```', '',
    '**Starter Exercise 2:**', '```python', 'number = 7', '```', '',
  ].join('\n'));
  const r = runCli(['start', file, '--step', 'exercises'], { input: '\n\n\n' });
  const lines = r.stdout.split('\n').map((l) => l.trim());
  const after = (heading: string) => lines[lines.findIndex((l) => l.startsWith(heading)) + 1];
  expect(after('Exercise 4.5.7.starter-1')).toBe('TODO: Use a ternary to label a score pass/fail');
  expect(after('Exercise 4.5.7.starter-2')).toBe('The lesson gives this no words of its own: do what its code below asks.');
});
