import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { installTarball } from '../helpers/install.js';

jest.setTimeout(120000);

// What a learner installs: `npm pack`, then a global install into a temporary prefix, run from
// another folder.
describe('the packed tarball', () => {
  let work = '';
  let files: string[] = [];
  let tgz = '';
  let bin = '';

  beforeAll(() => {
    ({ work, files, tgz, bin } = installTarball());
  });

  test('holds only what runs: bin, dist, lessons, README, LICENSE, CHANGELOG', () => {
    expect(files.every((f) => /^(bin|dist|lessons)\//.test(f) || ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].includes(f))).toBe(true);
    expect(files).toEqual(expect.arrayContaining(['bin/calc-ml.js', 'dist/cli.js', 'lessons/1.2.26-calculus-for-ml-big-picture.md', 'lessons/1.2.26-calculus-for-ml-big-picture.key.yaml', 'LICENSE']));
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('tests/') || f === 'dist/meta.json')).toBe(false);
    // The bundled lesson, parsed at build time, so the installed quiz starts without the parsers.
    expect(files.filter((f) => /^dist\/compiled\/[0-9a-f]{32}\.json$/.test(f))).toHaveLength(1);
  });

  test('npx ./calc-ml-<version>.tgz start runs the tutor straight from the tarball', () => {
    // A cache of its own: nothing from the machine's npm cache, and nothing left in it.
    const r = spawnSync('npx', ['--yes', '--cache', join(work, 'npx-cache'), `./${tgz}`, 'start'], {
      cwd: work, input: '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CALC_ML_HOME: join(work, 'npx-home'), CALC_ML_LESSONS: '' },
    });
    expect(r.stdout).toMatch(/Lesson 1\.2\.26: Calculus for ML - Big Picture/);
    expect(r.stdout).toMatch(/Define derivative in one sentence/);
    expect(r.stderr).toMatch(/^calc-ml: the input ended at .*step 3 of 17/m);
    expect(r.status).toBe(1);
  });

  test.each([
    [['plot', 'x^2', '--width', '60'], '', /min 0 at x = 0/],
    [['quiz', '--json'], 'true\nfalse\ntrue\ntrue\nx\nx\nx\nf(x) = x^2; f(3)\n', /"score": 5/],
    [['start'], '', /the input ended at .*step 3 of 17/],
  ])('calc-ml %j works from any folder', (args, input, expected) => {
    const r = spawnSync(bin, args, {
      cwd: tmpdir(), input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CALC_ML_HOME: join(work, 'home'), CALC_ML_LESSONS: '' },
    });
    expect(`${r.stdout}${r.stderr}`).toMatch(expected);
  });
});
