import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

// Walking a lesson again, and the review, never undo what a learner did: a step answered stays
// answered when passed over, a right answer in review counts for its step, and a resumed quiz's
// misses say why.
const MOMENTUM = join(fileURLToPath(new URL('../fixtures/progress-course', import.meta.url)), 'Lesson-7.3.4-Momentum-Basics.md');
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-revisit-'));
const record = (h: string) => Object.values(JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')).lessons as Record<string, { answers: Record<string, { answer: string; verdict: string }[]>; tutor: { skipped: string[] } }>)[0];

describe('a step done stays done', () => {
  test('Enter (or :skip) at an exercise answered before passes over it: no skip recorded, still done in progress', () => {
    const h = home();
    const env = { CALC_ML_HOME: h };
    runCli(['start', MOMENTUM, '--step', 'ex:1'], { input: 'the velocity is the past gradients, decayed\ny\n:quit\n', env });
    for (const input of ['\n:quit\n', ':skip\n:quit\n']) {
      const r = runCli(['start', MOMENTUM, '--step', 'ex:1'], { input, env });
      expect(r.stdout.replace(/\n/g, ' ')).toMatch(/You answered this before: it stays as it was/);
      expect(r.stdout).not.toMatch(/Skipped\. It will come back in review/);
    }
    expect(record(h).answers['7.3.4.1'].map((a) => a.answer)).toEqual(['the velocity is the past gradients, decayed']);
    expect(record(h).tutor.skipped).toEqual([]);
    expect(runCli(['progress'], { env }).stdout).toMatch(/steps: 1 done, 0 skipped, 0 missed, 6 left \(of 7\)/);
  });

  test('an exercise skipped, then answered right in review, counts as done', () => {
    const h = home();
    const env = { CALC_ML_HOME: h, CALC_ML_NOW: '2026-04-01T10:00:00Z' };
    runCli(['start', MOMENTUM, '--step', 'ex:1'], { input: ':skip\n:quit\n', env });
    expect(runCli(['progress'], { env }).stdout).toMatch(/steps: 0 done, 1 skipped, 0 missed, 6 left/);
    // Answered in review (from a pipe a written answer is kept, not graded: an answer all the same).
    const r = runCli(['review'], { input: 'the velocity keeps the past gradients\n', env });
    expect(r.stdout).toMatch(/1\/1 · Exercise|1\/1 · 7\.3\.4\.1/);
    expect(runCli(['progress'], { env }).stdout).toMatch(/steps: 1 done, 0 skipped, 0 missed, 6 left/);
  });
});

describe('a resumed quiz says why each miss is to review', () => {
  test('an item answered before the stop: the answer given and the right one, not "answered before the quiz was stopped"', () => {
    const h = home();
    const env = { CALC_ML_HOME: h };
    runCli(['quiz', MOMENTUM], { input: 'true\ntrue\n', env });
    const r = runCli(['quiz', MOMENTUM], { input: 'a\nb\nprint(1)\n', env });
    expect(r.stdout).toMatch(/- Momentum always needs a smaller learning rate\. \(quiz\.2\)\n {2}You answered “true”\. The statement is false\./);
    expect(r.stdout).not.toMatch(/answered before the quiz was stopped/);
  });
});

describe('grade keeps answers, never a non-answer', () => {
  test.each(['maybe', 'True!', 'nope'])('grade quiz.2 %j: refused in one line, exit 2, nothing kept', (reply) => {
    const h = home();
    const r = runCli(['grade', 'quiz.2', reply], { env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^calc-ml: quiz\\.2: “${reply.replace(/[!]/g, '\\$&')}” is not an answer here: please answer true or false .*; nothing was graded or kept\\n$`));
    expect(r.stdout).toBe('');
    expect(() => readFileSync(join(h, 'progress.json'), 'utf8')).toThrow();
  });

  test('a real answer is graded and kept; help says so', () => {
    const h = home();
    expect(runCli(['grade', 'quiz.2', 'true'], { env: { CALC_ML_HOME: h } }).stdout).toMatch(/✗ Not correct/);
    expect(record(h).answers['quiz.2'].map((a) => a.verdict)).toEqual(['incorrect']);
    expect(runCli(['help', 'grade']).stdout.replace(/\s+/g, ' ')).toMatch(/the answer is kept in your progress, and review brings it back when due; a reply that is not an answer \("maybe" to a true\/false\) is refused and not kept/);
  });
});
