import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledId, readCompiled } from '../../src/lesson/compiled.js';
import { parseLesson } from '../../src/lesson/parse.js';
import { parseKey } from '../../src/lesson/key.js';
import { ROOT, runCli } from '../helpers/cli.js';

const LESSON = join(ROOT, 'lessons', '1.2.26-calculus-for-ml-big-picture.md');
const KEY = join(ROOT, 'lessons', '1.2.26-calculus-for-ml-big-picture.key.yaml');
const lessonText = readFileSync(LESSON, 'utf8');
const keyText = readFileSync(KEY, 'utf8');

describe('compiledId: any change to what was parsed gives another id', () => {
  const base = compiledId('/a/1.2.26-x.md', 'lesson', 'key');
  test.each([
    ['another file name (the id may come from it)', compiledId('/a/1.2.27-x.md', 'lesson', 'key')],
    ['another lesson text', compiledId('/a/1.2.26-x.md', 'lesson ', 'key')],
    ['another key text', compiledId('/a/1.2.26-x.md', 'lesson', 'key ')],
    ['no key', compiledId('/a/1.2.26-x.md', 'lesson', undefined)],
    ['an empty key', compiledId('/a/1.2.26-x.md', 'lesson', '')],
    ['text moved across the lesson/key boundary', compiledId('/a/1.2.26-x.md', 'lessonk', 'ey')],
  ])('%s', (_why, other) => {
    expect(other).not.toBe(base);
  });
  test('the folder does not matter, only the name', () => {
    expect(compiledId('/b/c/1.2.26-x.md', 'lesson', 'key')).toBe(base);
  });
});

describe('readCompiled uses a file only from the running build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'calc-ml-compiled-'));
  writeFileSync(join(dir, 'good.json'), JSON.stringify({ build: 'b1', lesson: { id: '1.2.26' }, key: undefined }));
  writeFileSync(join(dir, 'broken.json'), '{"build": "b1", "lesson": ');
  test.each([
    ['the same build', 'good', 'b1', true],
    ['another build', 'good', 'b2', false],
    ['no build id (running from sources)', 'good', undefined, false],
    ['a missing file', 'nothing', 'b1', false],
    ['a broken file', 'broken', 'b1', false],
  ])('%s', (_why, id, build, used) => {
    expect(readCompiled(dir, id as string, build as string | undefined) !== undefined).toBe(used);
  });
});

describe('the compiled bundled lesson (npm test builds first)', () => {
  const dir = join(ROOT, 'dist', 'compiled');
  const file = join(dir, `${compiledId(LESSON, lessonText, keyText)}.json`);

  test('is exactly what parsing the lesson and its key gives now', () => {
    const compiled = JSON.parse(readFileSync(file, 'utf8'));
    const lesson = parseLesson(lessonText, { fileName: LESSON });
    const key = parseKey(keyText, lesson).key;
    expect(compiled.lesson).toEqual(JSON.parse(JSON.stringify(lesson)));
    expect(compiled.key).toEqual(JSON.parse(JSON.stringify(key)));
  });

  test('there is one file per bundled lesson, and no leftovers', () => {
    const lessons = readdirSync(join(ROOT, 'lessons')).filter((n) => n.endsWith('.md'));
    expect(readdirSync(dir)).toHaveLength(lessons.length);
  });

  test('an edited copy of the lesson and key is parsed afresh, never served from the compiled file', () => {
    const copy = mkdtempSync(join(tmpdir(), 'calc-ml-edited-'));
    const md = join(copy, '1.2.26-calculus-for-ml-big-picture.md');
    writeFileSync(md, lessonText.replace('1. Derivatives measure change. (True)', '1. Derivatives measure how steep a curve is. (True)'));
    writeFileSync(md.replace(/\.md$/, '.key.yaml'), keyText.replace('the slope of the tangent line. For x²', 'EDITED EXPLANATION. For x²'));
    const r = runCli(['quiz', md], { input: 'false\n', env: { CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-home-')) } });
    expect(r.stdout).toContain('Derivatives measure how steep a curve is.');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('EDITED EXPLANATION');
  });

  test('a copy without its key has no key: written answers are not graded by the bundled one', () => {
    const copy = mkdtempSync(join(tmpdir(), 'calc-ml-nokey-'));
    const md = join(copy, '1.2.26-calculus-for-ml-big-picture.md');
    copyFileSync(LESSON, md);
    const home = mkdtempSync(join(tmpdir(), 'calc-ml-home-'));
    const r = runCli(['grade', '5', 'Gradients point uphill, so we step against them to lower the loss.', '--lesson', md], { env: { CALC_ML_HOME: home } });
    const withKey = runCli(['grade', '5', 'Gradients point uphill, so we step against them to lower the loss.'], { env: { CALC_ML_HOME: home } });
    expect(r.stdout).toContain('• Noted.');
    expect(withKey.stdout).toContain('✓ Correct.');
  });
});
