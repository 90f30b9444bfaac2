import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const COURSE = fileURLToPath(new URL('../fixtures/milestone-course', import.meta.url));
const MILESTONE = join(COURSE, 'Lesson-7.3.9-MILESTONE-TEST-Optimizers.md');
const BUNDLED_LIKE = fileURLToPath(new URL('../fixtures/progress-course/Lesson-7.3.4-Momentum-Basics.md', import.meta.url));

describe('a pass mark the lesson states is the one the quiz and progress use', () => {
  test('3 of 4 right (75%) does not pass a test that asks for 80%, and the score line says 80%', () => {
    const env = { CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-pass-')), CALC_ML_NOW: '2026-02-03T09:00:00Z', COLUMNS: '200' };
    const q = runCli(['quiz', MILESTONE], { input: 'true\nfalse\ntrue\ntrue\n', env });
    expect(q.status).toBe(0);
    expect(q.stdout).toMatch(/Score: 3 of 4 graded right \(75%\)/);
    expect(q.stdout).toMatch(/Not passed yet \(pass mark 80% of what is graded, as the lesson sets it\)/);
    const p = runCli(['progress'], { env });
    expect(p.stdout).toMatch(/quiz: not passed yet \(pass mark 80% of what is graded, as the lesson sets it\), best 3\/4 \(75%\)/);
    const doc = JSON.parse(runCli(['progress', '--json'], { env }).stdout);
    expect(doc.lessons[0]).toMatchObject({ quiz: 'failed', passMark: 0.8 });
    // All four right passes.
    const again = runCli(['quiz', MILESTONE, '--json'], { input: 'true\nfalse\ntrue\nfalse\n', env });
    expect(JSON.parse(again.stdout)).toMatchObject({ score: 4, total: 4, passed: true, passMark: 0.8 });
    expect(runCli(['progress'], { env }).stdout).toMatch(/quiz: passed \(pass mark 80% of what is graded, as the lesson sets it\), best 4\/4 \(100%\)/);
  });

  test("start's plan says the quiz's pass mark", () => {
    expect(runCli(['start', MILESTONE]).stdout).toMatch(/^ {4}Quiz \(4 questions, pass mark 80%\)$/m);
    expect(runCli(['start', BUNDLED_LIKE]).stdout).toMatch(/^ {4}Quiz \(5 questions, pass mark 70%\)$/m);
  });

  test('a lesson that states none keeps the default 70%', () => {
    const env = { CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-pass-')) };
    const q = runCli(['quiz', BUNDLED_LIKE], { input: 'true\ntrue\na\nb\nprint(1)\n', env });
    expect(q.stdout).toMatch(/Not passed yet \(pass mark 70% of what is graded\)/);
  });

  // The quiz says its bar before the first question; a mark written in a sentence is read too.
  test.each([
    ['Score 60+ to pass.', 'Pass mark: 60% of what is graded, as the lesson sets it.', true],
    ['**Pass**: 2/3', 'Pass mark: 67% of what is graded, as the lesson sets it.', true],
    ['A passing score of 80% unlocks the next lesson.', 'Pass mark: 80% of what is graded, as the lesson sets it.', false],
    ['Take your time.', 'Pass mark: 70% of what is graded.', false],
  ])('%j: the intro says "%s", and 2 of 3 right passes: %s', (line, intro, passes) => {
    const dir = mkdtempSync(join(tmpdir(), 'calc-ml-pass-'));
    const file = join(dir, 'Lesson-7.7.1-Pass-Marks.md');
    writeFileSync(file, `# Lesson 7.7.1: Pass Marks\n\n${line}\n\n## Quiz\n\n1. The gradient points uphill. (True)\n2. A step of size zero moves the point. (False)\n3. A larger step always converges faster. (False)\n`);
    const env = { CALC_ML_HOME: join(dir, 'home'), COLUMNS: '200' };
    const q = runCli(['quiz', file], { input: 'true\nfalse\ntrue\n', env });
    const lines = q.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['Quiz · Lesson 7.7.1: Pass Marks', '3 questions: 3 true/false.', intro, expect.stringMatching(/^Answer true or false/)]);
    expect(q.stdout).toMatch(/Score: 2 of 3 graded right \(67%\)/);
    expect(JSON.parse(runCli(['quiz', file, '--json'], { input: 'true\nfalse\ntrue\n', env }).stdout).passed).toBe(passes);
  });
});
