import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

// `start`, `progress` and `lessons` tell a learner the same thing about the same progress file:
// the same steps (the reading sections of the file too), the same done/skipped/missed/left, and the
// same verdict on whether the lesson is complete. The closing step is not one of the steps.
const COURSE = fileURLToPath(new URL('../fixtures/progress-course', import.meta.url));
const MOMENTUM = join(COURSE, 'Lesson-7.3.4-Momentum-Basics.md');
const TEACHING = fileURLToPath(new URL('../tutor/fixtures/Lesson-4.2.7-Step-Sizes-in-Practice.md', import.meta.url));
const AT = '2026-03-02T10:00:00.000Z';
const env = (home: string) => ({ CALC_ML_HOME: home, CALC_ML_NOW: '2026-03-02T11:00:00Z', COLUMNS: '120' });

/** What `start` writes when a learner walked Momentum Basics up to its last section and stopped there. */
function walkedTo(lastSection: 'left' | 'skipped'): string {
  const home = mkdtempSync(join(tmpdir(), 'calc-ml-figures-'));
  const answer = (ref: string, kind: string, text: string, verdict: string, score: number, self?: string) => ({ ref, kind, answer: text, verdict, score, at: AT, tries: 1, hintsUsed: 0, ...(self ? { self } : {}) });
  const quiz = [
    answer('quiz.1', 'truefalse', 'true', 'correct', 1), answer('quiz.2', 'truefalse', 'false', 'correct', 1),
    answer('quiz.3', 'open', 'the velocity carries it', 'ungraded', 0, 'right'), answer('quiz.4', 'open', 'how much is kept', 'ungraded', 0, 'right'),
    answer('quiz.5', 'open', 'print(1)', 'ungraded', 0, 'right'),
  ];
  const answers: Record<string, unknown[]> = { '7.3.4.1': [answer('7.3.4.1', 'open', 'the past gradients, decayed', 'ungraded', 0, 'right')] };
  for (const a of quiz) answers[a.ref] = [a];
  const done = ['objectives', 'core-ideas', 'exercise:7.3.4.1', 'mini-project', 'quiz', 'takeaways', ...(lastSection === 'skipped' ? ['next-lesson'] : [])];
  const record = {
    id: '7.3.4', title: 'Momentum Basics', path: MOMENTUM, lastStudied: AT,
    quiz: [{ id: 'q1', startedAt: AT, finishedAt: AT, answers: quiz, score: 2, total: 2, complete: true, passed: true }],
    answers,
    tutor: { step: lastSection === 'skipped' ? 'finish' : 'next-lesson', done, skipped: lastSection === 'skipped' ? ['next-lesson'] : [], startedAt: AT, updatedAt: AT, runs: 1 },
    homework: {}, notes: {}, timeSpentMs: 0,
  };
  writeFileSync(join(home, 'progress.json'), JSON.stringify({ schema: 2, lessons: { '7.3.4': record } }));
  return home;
}

describe('one set of figures for a lesson, wherever it is shown', () => {
  test.each([
    ['left', /steps: 6 done, 0 skipped, 0 missed, 1 left \(of 7\)\n {4}left: Next Lesson Preview/, /done 6 of 7/],
    ['skipped', /steps: 6 done, 1 skipped, 0 missed, 0 left \(of 7\)\n {4}skipped: Next Lesson Preview/, /done 6 of 7/],
  ] as const)('the last section %s: progress, lessons and start all say in progress, 6 of 7 done', (state, steps, bar) => {
    const home = walkedTo(state);
    const progress = runCli(['progress'], { env: env(home) }).stdout;
    expect(progress).toMatch(/Lesson 7\.3\.4 Momentum Basics · in progress/);
    expect(progress).toMatch(steps);
    const json = JSON.parse(runCli(['progress', '--json'], { env: env(home) }).stdout).lessons[0];
    expect(json.status).toBe('in progress');
    expect(json.steps).toMatchObject({ done: 6, total: 7 });
    expect(json.steps.list.map((s: { id: string }) => s.id)).toContain('next-lesson');

    // Not "complete": a section of the lesson is not done, whatever the quiz.
    const lessons = runCli(['lessons', '--dir', COURSE], { env: env(home) }).stdout;
    expect(lessons).toMatch(/^7\.3\.4\s+Momentum Basics\s+.*\s+in progress · best 2\/2 · 2026-03-02$/m);
    const doc = JSON.parse(runCli(['lessons', '--dir', COURSE, '--json'], { env: env(home) }).stdout);
    expect(doc.lessons.find((l: { id: string }) => l.id === '7.3.4').status).toBe('in progress');

    // start's plan (Welcome back…), then its end, on the same file.
    const start = runCli(['start', MOMENTUM], { env: env(home) }).stdout;
    expect(start).toMatch(bar);
    const end = runCli(['start', MOMENTUM, '--step', 'finish'], { input: 'n\n', env: env(home) }).stdout;
    expect(end).toMatch(state === 'left' ? /End of Lesson 7\.3\.4: 6 of 7 steps done, 1 left\./ : /End of Lesson 7\.3\.4: 6 of 7 steps done, 1 skipped\./);
    expect(end).toMatch(/Still open: Next Lesson Preview\. Go back with: calc-ml start --step next-lesson/);
    expect(end).not.toMatch(/Lesson 7\.3\.4 complete/);
  });

  test('every step done and the quiz passed: complete in all three', () => {
    const home = walkedTo('left');
    // The learner reads the last section: one Enter from a pipe is nothing to read it with, so it is --step'ped to.
    const r = runCli(['start', MOMENTUM, '--step', 'next-lesson'], { input: 'n\n', env: env(home) });
    expect(r.stdout).toMatch(/Lesson 7\.3\.4 complete\./);
    expect(runCli(['progress'], { env: env(home) }).stdout).toMatch(/Lesson 7\.3\.4 Momentum Basics · complete[\s\S]*steps: 7 done, 0 skipped, 0 missed, 0 left \(of 7\)/);
    expect(runCli(['lessons', '--dir', COURSE], { env: env(home) }).stdout).toMatch(/^7\.3\.4\s+Momentum Basics\s+.*\s+complete · best 2\/2/m);
  });
});

describe('going back is not starting over', () => {
  test('--step objectives on a lesson walked to its end keeps what was done; --restart clears it (answers kept)', () => {
    const home = walkedTo('left');
    // Back to the first step to read the objectives again, then leave.
    expect(runCli(['start', MOMENTUM, '--step', 'objectives'], { input: ':quit\n', env: env(home) }).status).toBe(0);
    expect(runCli(['progress'], { env: env(home) }).stdout).toMatch(/steps: 6 done, 0 skipped, 0 missed, 1 left \(of 7\)/);
    // Starting again: the sections are to walk again (two walked before :quit at the exercise); the
    // exercise answered and the quiz passed stay done, as their answers are kept.
    runCli(['start', MOMENTUM, '--restart'], { input: ':quit\n', env: env(home) });
    const after = runCli(['progress'], { env: env(home) }).stdout;
    expect(after).toMatch(/steps: 4 done, 0 skipped, 0 missed, 3 left \(of 7\)\n {4}left: Mini-project: Momentum Tracer, Key takeaways, Next Lesson Preview/);
    expect(after).toMatch(/quiz: passed/);
  });
});

describe('the count is of the steps a learner walks', () => {
  test('plan, step bar, :plan and the place saved all count 7 steps, not the closing one', () => {
    const home = mkdtempSync(join(tmpdir(), 'calc-ml-figures-'));
    const r = runCli(['start', MOMENTUM], { input: ':plan\n:quit\n', env: env(home) });
    const out = r.stdout;
    const plan = out.slice(out.indexOf('Ahead of you:'), out.indexOf('step 1 of'));
    // Seven lines, one per step to walk; the next lesson is said, not listed as a step.
    expect(plan.split('\n').filter((l) => /^ {2}[▸ ✓✗-] \S/.test(l))).toHaveLength(7);
    expect(plan).toMatch(/^ {2}After this: Lesson 7\.3\.5, Adaptive Rates$/m);
    expect(plan).toMatch(/done 0 of 7/);
    expect(out).toMatch(/step 1 of 7\n[\s\S]*step 2 of 7\n[\s\S]*step 3 of 7\n/);
    expect(out).not.toMatch(/of 8/);
    // :plan at the exercise: the first two steps done, of the same seven.
    expect(out.slice(out.indexOf('step 3 of 7'))).toMatch(/✓ Core ideas\n {2}▸ Exercises[\s\S]*done 2 of 7/);
    expect(out).toMatch(/Saved at step 3 of 7, Exercise 7\.3\.4\.1/);
  });

  test('at the closing step the bar says what was done, never "step 8 of 7"', () => {
    const r = runCli(['start', MOMENTUM, '--step', 'finish'], { input: 'n\n', env: env(mkdtempSync(join(tmpdir(), 'calc-ml-figures-'))) });
    expect(r.stdout).toMatch(/done 0 of 7\nEnd of Lesson 7\.3\.4: 0 of 7 steps done, 7 left\./);
    expect(r.stdout).not.toMatch(/step \d+ of 7\nEnd of/);
  });

  test('the time ahead says which steps have no time, and gives the lesson\'s own estimate', () => {
    const r = runCli(['start', MOMENTUM], { input: '', env: env(mkdtempSync(join(tmpdir(), 'calc-ml-figures-'))) });
    expect(r.stdout.replace(/\n/g, ' ')).toMatch(/Time ahead: about 1 min for the sections with a time, and 6 steps without one \(the lesson's own estimate: 2 hours\)\./);
  });
});

describe('a step is titled once', () => {
  const out = runCli(['start', TEACHING], { input: ':quit\n', env: env(mkdtempSync(join(tmpdir(), 'calc-ml-figures-'))) }).stdout;
  const between = (a: string, b: string) => out.slice(out.indexOf(a), out.indexOf(b));
  test.each([
    ['step 1 of', 'step 2 of', 'Learning objectives'],
    ['step 2 of', 'step 3 of', 'Introduction: Why This Matters'],
    ['step 3 of', 'step 4 of', '1. Concept Foundations'],
  ])('between "%s" and "%s": "%s" once', (a, b, title) => {
    const part = between(a, b);
    expect(part.split(title).length - 1).toBe(1);
    expect(part).not.toMatch(/^## /m);
  });
});
