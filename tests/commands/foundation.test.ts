import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, CORPUS, ROOT } from '../helpers/cli.js';
import { existsSync } from 'node:fs';

const tmp = mkdtempSync(join(tmpdir(), 'calc-ml-test-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};
const seed = readFileSync(join(ROOT, 'lessons', '1.2.26-calculus-for-ml-big-picture.md'), 'utf8');

describe('bad input: one line naming the file and the reason, non-zero exit, no stack', () => {
  mkdirSync(join(tmp, 'a-folder'), { recursive: true });
  test.each([
    ['an empty file', () => file('empty.md', ''), /empty\.md is empty/],
    ['a binary file', () => file('bin.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff, 0xfe])), /bin\.md is a binary file/],
    ['a missing path', () => join(tmp, 'missing.md'), /missing\.md: no such file/],
    ['a directory', () => join(tmp, 'a-folder'), /a-folder is a directory/],
    ['a file over 1 MiB', () => file('big.md', '# Lesson 1.1.1: Big\n' + 'a'.repeat(1024 * 1024 + 10)), /big\.md is 1\.00 MiB; lesson files are at most 1 MiB/],
    ['an unknown lesson id', () => '1.2.99', /no lesson 1\.2\.99 found \(known: 1\.2\.26\)/],
    ['text that is not markdown', () => file('notes.md', 'just some words\nno headings\n'), /notes\.md is not a lesson/],
  ])('%s', (_name, arg, message) => {
    const r = runCli(['show', arg()]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('--debug shows where it happened', () => {
    const r = runCli(['show', join(tmp, 'missing.md'), '--debug']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  // commander's refusals read as the CLI's own: one line after 'calc-ml: ', the suggestion on it,
  // and the help to read (they were 'error: …' and a second line in brackets).
  test.each([
    [['shwo'], `calc-ml: unknown command 'shwo' (did you mean show?); see "calc-ml --help"`],
    [['show', '--bogus'], `calc-ml: unknown option '--bogus'; see "calc-ml show --help"`],
    [['plot'], `calc-ml: missing required argument 'expr'; see "calc-ml plot --help"`],
    [['grad', 'x^2'], `calc-ml: required option '--at <x>' not specified; see "calc-ml grad --help"`],
    [['descend', 'x^2', '--lr'], `calc-ml: option '--lr <rates>' argument missing; see "calc-ml descend --help"`],
  ])('commander message in our format, one line: %j', (args, line) => {
    const r = runCli(args);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.stdout).toBe('');
  });

  test('plot x^2 -w 20: -w is --width, refused in one line that names the range', () => {
    const r = runCli(['plot', 'x^2', '-w', '20']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('calc-ml: --width must be 30–300, not 20\n');
    // one line of a 40-column terminal
    expect([...r.stderr.trimEnd()].length).toBeLessThanOrEqual(40);
  });
});

describe('show', () => {
  test('renders the bundled lesson: headings, lists, links, within the width', () => {
    const r = runCli(['show'], { env: { COLUMNS: '40' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Lesson 1\.2\.26: Calculus for ML/m);
    expect(r.stdout).toMatch(/\* Explain why calculus matters for ML/);
    expect(r.stdout).toContain('https://www.deeplearning.ai');
    // the lesson's own numbers, not renumbered from 1
    expect(r.stdout).toMatch(/^ {2}5\. Why does ML need calculus\?/m);
    expect(r.stdout).toMatch(/^ {2}8\. Write a function f\(x\) = x\^2 and\n {5}compute f\(3\)\./m);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(r.stdout).not.toMatch(/\u001b/);
  });

  test('--json prints the model, by id, by path, or bundled', () => {
    for (const args of [['show', '--json'], ['show', '1.2.26', '--json'], ['show', join(ROOT, 'lessons', '1.2.26-calculus-for-ml-big-picture.md'), '--json']]) {
      const r = runCli(args);
      expect(r.status).toBe(0);
      const model = JSON.parse(r.stdout);
      expect(model).toMatchObject({ id: '1.2.26', title: 'Calculus for ML - Big Picture', next: { id: '1.2.27' } });
      expect(model.exercises).toHaveLength(9);
    }
  });

  test('control sequences in a lesson never reach the terminal', () => {
    const p = file('evil.md', seed.replace('Derivatives measure change', 'Derivatives \u001b]0;owned\u0007\u001b[2Jmeasure change'));
    for (const args of [['show', p], ['show', p, '--json']]) {
      const r = runCli(args, { env: { FORCE_COLOR: '0' } });
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(r.stdout).toContain('Derivatives measure change');
    }
  });

  (existsSync(CORPUS) ? test : test.skip)('a lesson id found through --dir and CALC_ML_LESSONS', () => {
    expect(JSON.parse(runCli(['show', '1.2.27', '--json', '--dir', CORPUS]).stdout).title).toBe('Functions, Limits, Continuity');
    expect(JSON.parse(runCli(['show', '1.2.37', '--json'], { env: { CALC_ML_LESSONS: CORPUS } }).stdout).title).toBe('Gradient Descent Basics');
  });
});

describe('lessons', () => {
  const dir = join(tmp, 'course');
  mkdirSync(join(dir, 'deep', 'er'), { recursive: true });
  writeFileSync(join(dir, 'Lesson-1.2.9-Nine.md'), seed.replaceAll('1.2.26', '1.2.9').replace('Calculus for ML - Big Picture', 'Nine'));
  writeFileSync(join(dir, 'deep', 'er', 'Lesson-1.10.1-Ten.md'), seed.replaceAll('1.2.26', '1.10.1').replace('Calculus for ML - Big Picture', 'Ten'));
  writeFileSync(join(dir, 'README.md'), '# About this course\n');
  writeFileSync(join(dir, 'notes.md'), 'no heading here\n');

  test('sorted by lesson number (1.2.9 before 1.2.26 before 1.10.1), recursive, with meta', () => {
    const r = runCli(['lessons', '--json', '--dir', dir]);
    expect(r.status).toBe(0);
    const { lessons, skipped } = JSON.parse(r.stdout);
    expect(lessons.map((l: { id: string }) => l.id)).toEqual(['1.2.9', '1.2.26', '1.10.1']);
    expect(lessons[1]).toMatchObject({ title: 'Calculus for ML - Big Picture', difficulty: 'Beginner', estimatedTime: '8 hours', bundled: true });
    expect(skipped.map((s: { path: string }) => s.path)).toEqual([join(dir, 'notes.md')]);
  });

  test('a table at 80 columns and a two-line layout at 40', () => {
    const wide = runCli(['lessons', '--dir', dir], { env: { COLUMNS: '80' } }).stdout;
    expect(wide).toMatch(/^1\.2\.26\s+Calculus for ML - Big Picture\s+Beginner · 8 hours · bundled$/m);
    const narrow = runCli(['lessons', '--dir', dir], { env: { COLUMNS: '40' } }).stdout;
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  test('a --dir that is not there', () => {
    const r = runCli(['lessons', '--dir', join(tmp, 'nope')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nope: no such folder/);
  });
});

describe('check', () => {
  test('the bundled lesson and its answer key are clean', () => {
    const r = runCli(['check', join(ROOT, 'lessons', '1.2.26-calculus-for-ml-big-picture.md')]);
    expect(r.stdout).toMatch(/^0 errors, 0 warnings in 2 files \(2 clean\)/m);
    expect(r.status).toBe(0);
  });

  test('warnings only: exit 0; errors: exit 1, each with file, line and what to do', () => {
    const warnOnly = file('warn.md', seed.replace(/## Homework[\s\S]*?\n---/, ''));
    const r1 = runCli(['check', warnOnly]);
    expect(r1.status).toBe(0);
    expect(r1.stdout).toMatch(/warn\.md:\d+: warning: no "## Homework" section/);

    const bad = file('bad.md', seed.replace('- Exercise 1.2.26.2:', '- Exercise 1.2.26.1:').replace('2. Optimization is unrelated to ML. (False)', '2. Optimization is unrelated to ML.'));
    const r2 = runCli(['check', bad, warnOnly]);
    expect(r2.status).toBe(1);
    expect(r2.stdout).toMatch(/bad\.md:30: error: exercise 1\.2\.26\.1 is already on line 29; give each exercise its own number/);
    expect(r2.stdout).toMatch(/bad\.md:\d+: error: true\/false item 2 has no answer while the others do; end it with "\(True\)" or "\(False\)"/);
    expect(r2.stdout).toMatch(/2 errors, \d+ warnings? in 2 files/);
  });

  test('unreadable files are errors of their own, and the rest is still checked', () => {
    const r = runCli(['check', file('e.md', ''), join(ROOT, 'lessons', '1.2.26-calculus-for-ml-big-picture.md')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/e\.md: error: is empty/);
    expect(r.stdout).toMatch(/1 error, 0 warnings in 3 files \(2 clean\)/);
  });
});
