import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs the built CLI (npm test builds dist/ before jest runs).
const bin = fileURLToPath(new URL('../../bin/calc-ml.js', import.meta.url));
const seed = fileURLToPath(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.md', import.meta.url));
const check = (...files: string[]) => spawnSync(process.execPath, [bin, 'check', ...files], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('calc-ml check with an answer key beside the lesson', () => {
  test('the bundled lesson and its key are clean', () => {
    const r = check(seed);
    expect(r.stdout).toBe('0 errors, 0 warnings in 2 files (2 clean)\n');
    expect(r.status).toBe(0);
  });

  test('a path that is not there: one error, with advice that fits check', () => {
    const r = check('nosuch.md');
    expect(r.stdout).toBe('nosuch.md: error: no such file; check the path\n1 error, 0 warnings in 1 file\n');
    expect(r.status).toBe(1);
  });

  test('problems of the key are reported on the key file\'s lines, and fail the check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calc-ml-check-'));
    const lesson = join(dir, 'lesson.md');
    copyFileSync(seed, lesson);
    writeFileSync(join(dir, 'lesson.key.yaml'), 'lesson: "1.2.26"\nquestions:\n  quiz.8:\n    function: x^2\n    at: 3\n    expected: 10\n  quiz.12:\n    model: x\n');
    const r = check(lesson);
    const key = join(dir, 'lesson.key.yaml');
    expect(r.stdout).toContain(`${key}:6: error: quiz.8: expected is 10, but f(3) with f(x) = x^2 is 9\n`);
    expect(r.stdout).toContain(`${key}:7: error: unknown question ref "quiz.12"`);
    expect(r.stdout).toMatch(/2 errors, 1 warning in 2 files \(1 clean\)\n$/);
    expect(r.status).toBe(1);
    // The key can be named directly; the lesson beside it is used.
    expect(check(key).stdout).toMatch(/2 errors, 1 warning in 1 file\n$/);
  });

  test('malformed YAML is an error with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calc-ml-check-'));
    const lesson = join(dir, 'l.md');
    copyFileSync(seed, lesson);
    writeFileSync(join(dir, 'l.key.yaml'), 'lesson: "1.2.26"\nquestions:\n  quiz.1: {explanation: "x"\n  quiz.2: 3\n');
    const r = check(lesson);
    expect(r.stdout).toMatch(new RegExp(`${join(dir, 'l.key.yaml').replace(/[.\\/]/g, '\\$&')}:4: error: YAML: `));
    expect(r.status).toBe(1);
  });
});
