import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outlineLesson } from '../../src/lesson/outline.js';
import { runCli } from '../helpers/cli.js';

// Our own lesson in the course's shape: a teaching section with ### sub-headings and code opened by
// one backtick on its own line ("`python" … "`"), as 22 course lessons write it.
const lesson = [
  '# Lesson 7.4.2: Frames',
  '',
  '**Estimated Time**: 1 hour | **Difficulty**: Beginner',
  '',
  '## 3. Validation and Quality (45 min)',
  '',
  '### 3.1 Checklist',
  'Check the schema first.',
  '',
  '### 3.2 Example',
  '`python',
  'def check_rows(rows: list) -> None:',
  '    if not rows:',
  '        raise ValueError("no rows")',
  '`',
  '',
  '## Exercises',
  '',
  '- Exercise 7.4.2.1: Write check_rows.',
  '',
].join('\n');
const dir = mkdtempSync(join(tmpdir(), 'calc-ml-backtick-'));
const file = join(dir, 'Lesson-7.4.2-Frames.md');
writeFileSync(file, lesson);

test('the outline keeps a single-backtick block as a fenced code block', () => {
  const [section] = outlineLesson(lesson);
  expect(section.markdown).toContain('```python\ndef check_rows(rows: list) -> None:\n    if not rows:\n');
});

describe('start\'s reading step shows the code as code and the sub-headings as headings', () => {
  test('without colour: the code\'s lines and indentation kept, no backticks, no ### marks', () => {
    const r = runCli(['start', file], { input: '' });
    const step = r.stdout.slice(r.stdout.indexOf('3. Validation and Quality · 45 min'));
    expect(step).toMatch(/\n3\.1 Checklist\n\nCheck the schema first\.\n\n3\.2 Example\n/);
    expect(step).toContain('  def check_rows(rows: list) -> None:\n      if not rows:\n          raise ValueError("no rows")\n');
    expect(step).not.toMatch(/###|`python|\brows: list\) -> None: if/);
  });

  test('in colour: the code is highlighted and the headings styled', () => {
    const r = runCli(['start', file], { input: '', env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    // "def" and "raise" in the keyword colour, as the ``` blocks of other lessons are shown.
    expect(r.stdout).toMatch(/\u001b\[34mdef\u001b\[39m/);
    expect(r.stdout).toMatch(/\u001b\[34mraise\u001b\[39m/);
    expect(r.stdout).toMatch(/\u001b\[1m3\.1 Checklist/);
    expect(r.stdout).not.toContain('###');
  });
});
