import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

// CALC_ML_LESSONS naming a folder that is not there was passed over without a word: the course just
// did not show up. Now one line says what, where and what to do; a command that is about those
// folders stops on it (exit 1), one that can go on without them notes it once and goes on.
const missing = join(tmpdir(), 'calc-ml-no-such-course', 'lessons');
const aFile = join(mkdtempSync(join(tmpdir(), 'calc-ml-env-')), 'notes.md');
writeFileSync(aFile, '# notes\n');

const line = (path: string, why: string) =>
  `CALC_ML_LESSONS names ${path}, ${why}; set it to your course's folder of lesson .md files (several separated by ':'), or unset it`;

test.each([
  ['lessons', ['lessons'], missing, 'which does not exist'],
  ['lessons --json', ['lessons', '--json'], missing, 'which does not exist'],
  ['lessons, the variable naming a file', ['lessons'], aFile, 'which is a file, not a folder'],
])('%s stops: one line, exit 1, nothing listed', (_, args, path, why) => {
  const r = runCli(args, { env: { CALC_ML_LESSONS: path } });
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`calc-ml: ${line(path, why)}\n`);
});

test('a lesson asked for by id and not found says why in the same one line', () => {
  const r = runCli(['start', '9.9.9'], { env: { CALC_ML_LESSONS: missing } });
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(`calc-ml: no lesson 9.9.9 found: ${line(missing, 'which does not exist')}\n`);
});

test.each([
  ['show', ['show'], ''],
  ['show --json', ['show', '--json'], ''],
  ['progress', ['progress'], ''],
  ['review', ['review'], ''],
  ['quiz, answered', ['quiz'], 'true\nfalse\ntrue\nfalse\n\n\n\n\n'],
])('%s goes on with the bundled lesson and notes the folder once', (_, args, input) => {
  const r = runCli(args, { env: { CALC_ML_LESSONS: `${missing}:${aFile}` }, input });
  expect(r.stderr.split('\n').filter((l) => l.includes('CALC_ML_LESSONS'))).toEqual([
    `Note: ${line(missing, 'which does not exist')}.`,
    `Note: ${line(aFile, 'which is a file, not a folder')}.`,
  ]);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.status).toBe(0);
});

test('folders that are there are listed, without a note', () => {
  const course = fileURLToPath(new URL('../fixtures/course', import.meta.url));
  const r = runCli(['lessons', '--json'], { env: { CALC_ML_LESSONS: course } });
  expect(r.status).toBe(0);
  expect(r.stderr).not.toContain('CALC_ML_LESSONS');
  expect(JSON.parse(r.stdout).lessons.filter((l: { path: string }) => l.path.startsWith(course)).length).toBeGreaterThan(10);
});
