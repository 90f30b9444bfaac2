import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// check says what an author should fix, and nothing else: a course lesson has no "## Core Ideas"
// (this project's own section) by design, so that is not a warning; a fence left open or stray,
// which turns the lesson's last sections into code, is one, at the fence's line.
const bin = fileURLToPath(new URL('../../bin/calc-ml.js', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const check = (...files: string[]) => spawnSync(process.execPath, [bin, 'check', ...files], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** A lesson in the course's shape, ending in a teaching section whose code block is its last fence. */
const lesson = (lastFence: string[]) => [
  '# Lesson 3.4.5: Fence Check', // 1
  '', // 2
  '**Estimated Time**: 1 hour | **Difficulty**: Beginner', // 3
  '', // 4
  '## Learning Objectives', // 5
  '', // 6
  '- Read a loss curve', // 7
  '', // 8
  '## Exercises', // 9
  '', // 10
  '### Difficulty 1: Starter', // 11
  '- Exercise 3.4.5.1: Plot the loss.', // 12
  '', // 13
  '## Quiz & Assessment', // 14
  '', // 15
  '### Quick Check (True/False)', // 16
  '1. A falling loss means learning. (True)', // 17
  '', // 18
  '## Key Takeaways', // 19
  '', // 20
  '- Watch the loss', // 21
  '', // 22
  '## Next Lesson Preview', // 23
  '', // 24
  '**Lesson 3.4.6**: Loss Curves', // 25
  '', // 26
  '## Homework', // 27
  '', // 28
  '- [ ] Plot a loss curve', // 29
  '', // 30
  '## Core Teaching Content', // 31
  '', // 32
  ...lastFence, // 33…
  '',
].join('\n');

const write = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'calc-ml-fence-')), 'Lesson-3.4.5-Fence-Check.md');
  writeFileSync(file, text);
  return file;
};

describe('check: warnings an author should act on', () => {
  test('a course lesson with no "## Core Ideas" is clean', () => {
    const file = write(lesson(['Focus on one idea.', '', '```python', 'print(2 * 3)', '```']));
    const r = check(file);
    expect(r.stdout).not.toMatch(/Core Ideas/);
    expect(r.stdout).toBe('0 errors, 0 warnings in 1 file (1 clean)\n');
    expect(r.status).toBe(0);
  });

  test.each([
    ['the last fence never closed', ['Focus on one idea.', '', '```python', 'print(2 * 3)'],
      ':35: warning: the code block opened here is never closed: everything from here to the end of the file (line 36) is read as code; close it with ```'],
    ['a stray bare fence before the last block', ['```', 'Focus on one idea.', '', '```python', 'print(2 * 3)', '```'],
      ':33: warning: the code block opened here holds the opening of another (line 36): a ``` is missing before that line, or this one is stray'],
  ])('%s: a warning at the fence\'s line', (_name, fence, message) => {
    const file = write(lesson(fence));
    const r = check(file);
    expect(r.stdout).toBe(`${file}${message}\n0 errors, 1 warning in 1 file\n`);
    expect(r.status).toBe(0);
  });

  (existsSync(CORPUS) ? test : test.skip)('every real lesson of the corpus: no "## Core Ideas" warning, and no fence warning', () => {
    const files = readdirSync(CORPUS).filter((f) => /^Lesson-.*\.md$/.test(f)).map((f) => join(CORPUS, f));
    expect(files.length).toBeGreaterThan(5);
    const r = check(...files);
    expect(r.stdout).not.toMatch(/Core Ideas/);
    expect(r.stdout).not.toMatch(/code block opened here/);
  });
});
