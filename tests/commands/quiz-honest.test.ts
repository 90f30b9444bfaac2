import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const MOMENTUM = fileURLToPath(new URL('../fixtures/progress-course/Lesson-7.3.4-Momentum-Basics.md', import.meta.url));
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-honest-'));

describe('quiz on a lesson without a key', () => {
  test('--json: the score counts graded answers only and says how many were kept', () => {
    const r = runCli(['quiz', MOMENTUM, '--json'], { input: 'true\nfalse\nvelocity carries it\nhow much is kept\nprint(1)\n', env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ score: 2, total: 2, graded: 2, kept: 3, skipped: 0, complete: true, passed: true, passMark: 0.7 });
    expect(doc.scoreLine).toBe('2 of 2 graded right (100%); 3 answers kept for you to check against the lesson');
    expect(doc.items[2].lessonAnswer).toMatch(/^The velocity built up/);
    expect(doc.items[4].solution).toMatch(/^v = 0\.0\nfor g in/);
    // The solution is the lesson's answer, not part of the question.
    expect(r.stderr).not.toMatch(/Solution:/);
    expect(r.stderr).toMatch(/The lesson's solution:\n {4}v = 0\.0/);
    expect(r.stderr).not.toMatch(/Everything right/);
  });

  test('input that ends mid-quiz: the next quiz goes on at the next question, and says so', () => {
    const h = home();
    const first = runCli(['quiz', MOMENTUM], { input: 'true\nfalse\n', env: { CALC_ML_HOME: h } });
    expect(first.status).toBe(1);
    expect(first.stderr.replace(/\s+/g, ' ')).toMatch(/the input ended after 2 of 5 answers; your 2 answers are saved \(give one answer per line, in question order\)\. To go on at question 3, run:/);
    // The lesson as it was named (bare "calc-ml quiz" opens the bundled lesson), on its own line.
    expect(first.stderr.split('\n')).toContain(`  calc-ml quiz ${MOMENTUM}`);
    const second = runCli(['quiz', MOMENTUM, '--json'], { input: 'velocity\nkept\nprint(1)\n', env: { CALC_ML_HOME: h } });
    expect(second.status).toBe(0);
    expect(second.stderr.replace(/\s+/g, ' ')).toMatch(/Going on with the quiz you stopped \(2 of 5 answered\): question 3 is next/);
    const doc = JSON.parse(second.stdout);
    expect(doc).toMatchObject({ resumed: 2, score: 2, total: 2, kept: 3, complete: true });
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const quiz = Object.values(saved.lessons as Record<string, { quiz: unknown[] }>)[0].quiz;
    expect(quiz).toHaveLength(1);
    // --restart starts a new attempt instead.
    const third = runCli(['quiz', MOMENTUM, '--restart'], { input: 'true\n', env: { CALC_ML_HOME: h } });
    expect(third.stdout).toMatch(/1\/5/);
  });
});
