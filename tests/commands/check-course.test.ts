import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs the built CLI (npm test builds dist/ before jest runs).
const bin = fileURLToPath(new URL('../../bin/calc-ml.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CALC_ML_LESSONS: '' } });

const clean = `# Lesson 6.1.1: Clean One

**Estimated Time**: 1 hour | **Difficulty**: Beginner

## Exercises

### Difficulty 1: Starter
**Exercise 6.1.1.1**: First.
**Exercise 6.1.1.2**: Second.

## Quiz & Assessment

### Quick Check (True/False)
1. Ones are odd. (True)
`;

const leftOver = `# Lesson 6.1.2: Left Over

## Introduction

**Exercise 6.1.2.7**: an exercise outside the exercises.

## Quiz & Assessment

1. A statement with no kind heading.
`;

describe('calc-ml check --course', () => {
  const dir = mkdtempSync(join(tmpdir(), 'calc-ml-course-'));
  mkdirSync(join(dir, 'part'));
  writeFileSync(join(dir, 'Lesson-6.1.1-Clean-One.md'), clean);
  writeFileSync(join(dir, 'part', 'Lesson-6.1.2-Left-Over.md'), leftOver);
  // the same id as the first, another lesson; and a title id that is not the file's
  writeFileSync(join(dir, 'part', 'Lesson-6.1.1-Another.md'), clean.replace('Clean One', 'Another One'));

  test('names each line that looks like an item and was not read, with its line; ids used twice; exit 1', () => {
    const r = run('check', '--course', dir);
    expect(r.stdout.split('\n')).toEqual(expect.arrayContaining([
      'part/Lesson-6.1.2-Left-Over.md:5: not read: looks like an exercise: **Exercise 6.1.2.7**: an exercise outside the exercises.',
      'part/Lesson-6.1.2-Left-Over.md:9: not read: looks like an item of the quiz: 1. A statement with no kind heading.',
      expect.stringMatching(/^part\/Lesson-6\.1\.1-Another\.md: warning: lesson id 6\.1\.1 is also used by Lesson-6\.1\.1-Clean-One\.md \("Clean One"\)/),
    ]));
    expect(r.stdout).toMatch(/^3 lessons: 2 read with nothing left over, 2 lines not read in 1 lesson; 1 id problem\n$/m);
    expect(r.status).toBe(1);
  });

  test('a course read whole says so, with no "0 lines not read in 0"', () => {
    const only = mkdtempSync(join(tmpdir(), 'calc-ml-course-clean-'));
    writeFileSync(join(only, 'Lesson-6.1.1-Clean-One.md'), clean);
    const r = run('check', '--course', only);
    expect(r.stdout).toBe('1 lesson: read with nothing left over\n');
    expect(r.status).toBe(0);
  });

  test('--json: per lesson its key and unplaced lines', () => {
    const r = run('check', '--course', dir, '--json');
    const doc = JSON.parse(r.stdout);
    expect(doc.totals).toEqual({ lessons: 3, unplaced: 2, lessonsWithUnplaced: 1, unreadable: 0 });
    const keys = doc.lessons.map((l: { key: string }) => l.key).sort();
    expect(keys).toEqual(['6.1.1 Another One', '6.1.1 Clean One', '6.1.2 Left Over']);
  });

  test('lessons notes the id used twice', () => {
    const r = run('lessons', '--dir', dir);
    expect(r.stderr).toMatch(/Lesson-6\.1\.1-Another\.md: lesson id 6\.1\.1 is also used by .*Lesson-6\.1\.1-Clean-One\.md/);
    const json = JSON.parse(run('lessons', '--dir', dir, '--json').stdout);
    expect(json.warnings).toHaveLength(1);
  });

  test('a folder that is not there is one line, exit 2-ish, no stack', () => {
    const r = run('check', '--course', join(dir, 'nope'));
    expect(r.stderr).toMatch(/no such folder/);
    expect(r.stderr).not.toMatch(/at .*\.js/);
    expect(r.status).not.toBe(0);
  });
});
