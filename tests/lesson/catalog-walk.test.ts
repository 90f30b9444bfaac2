import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { findLessonFiles } from '../../src/lesson/catalog.js';
import { BIN } from '../helpers/cli.js';

// A course folder as learners have them: symlinked lessons and folders, a link loop, a broken link,
// and a folder they cannot read (issue 13: it gave "unexpected error: EACCES" and broke quiz 1.2.26).
function course(): string {
  const d = mkdtempSync(join(tmpdir(), 'calc-ml-walk-'));
  const lesson = (id: string) => `# Lesson ${id}: Title ${id}\n\n## Learning Objectives\n- one\n`;
  mkdirSync(join(d, 'part1'));
  writeFileSync(join(d, 'part1', 'Lesson-1.1.1.md'), lesson('1.1.1'));
  mkdirSync(join(d, 'elsewhere'));
  writeFileSync(join(d, 'elsewhere', 'Lesson-9.9.9.md'), lesson('9.9.9'));
  symlinkSync(join(d, 'elsewhere', 'Lesson-9.9.9.md'), join(d, 'linked.md'));
  symlinkSync(join(d, 'part1'), join(d, 'part1-again'));
  symlinkSync(d, join(d, 'part1', 'loop'));
  symlinkSync(join(d, 'gone.md'), join(d, 'broken.md'));
  return d;
}

test('symlinked files and folders are read once; a loop ends; a broken link is listed with its reason', () => {
  const d = course();
  const skipped: { path: string; reason: string }[] = [];
  const files = findLessonFiles(d, skipped).map((f) => relative(d, f)).sort();
  expect(files).toEqual(['elsewhere/Lesson-9.9.9.md', 'linked.md', 'part1/Lesson-1.1.1.md']);
  expect(skipped.map((s) => [relative(d, s.path), s.reason])).toEqual([['broken.md', 'a broken symbolic link']]);
});

const root = process.getuid?.() === 0;
const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const canDrop = root && spawnSync(asNobody[0], [...asNobody.slice(1), 'true']).status === 0;
(root && !canDrop ? test.skip : test)('a folder that cannot be read is skipped with one note; the other lessons and quiz 1.2.26 still work', () => {
  const d = course();
  mkdirSync(join(d, 'locked'));
  writeFileSync(join(d, 'locked', 'Lesson-2.2.2.md'), '# Lesson 2.2.2: Hidden\n');
  chmodSync(join(d, 'locked'), 0o700);
  chmodSync(d, 0o755);
  const home = mkdtempSync(join(tmpdir(), 'calc-ml-walk-home-'));
  chmodSync(home, 0o777);
  const cmd = root ? [...asNobody, process.execPath, BIN] : [process.execPath, BIN];
  const run = (args: string[], input = '') =>
    spawnSync(cmd[0], [...cmd.slice(1), ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CALC_ML_HOME: home, CALC_ML_LESSONS: d } });
  const list = run(['lessons']);
  expect(list.status).toBe(0);
  expect(list.stdout).toMatch(/1\.1\.1 +Title 1\.1\.1/);
  expect(list.stderr).toContain(`Note: ${join(d, 'locked')}: cannot read this folder (EACCES); skipped.`);
  const quiz = run(['quiz', '1.2.26'], 'true\n');
  expect(quiz.stderr).not.toMatch(/unexpected error/);
  expect(quiz.stdout).toMatch(/Quiz · Lesson 1\.2\.26/);
});
