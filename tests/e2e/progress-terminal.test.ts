import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { runCli } from '../helpers/cli.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// The built CLI in a real terminal (tmux), on lessons of the project's own making in the course's
// shapes (tests/fixtures/progress-course): no answer key, so what is graded comes from the lesson's own marks.
const COURSE = fileURLToPath(new URL('../fixtures/progress-course', import.meta.url));
const MOMENTUM = join(COURSE, 'Lesson-7.3.4-Momentum-Basics.md');
const ADAPTIVE = join(COURSE, 'Lesson-7.3.5-Adaptive-Rates.md');
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-progress-'));
const maybe = hasTmux ? describe : describe.skip;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

maybe('progress in a real terminal', () => {
  const terms: Terminal[] = [];
  const open = (args: string, env: Record<string, string>, width = 100) => {
    const t = new Terminal(args, { NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_PYTHON: '0', ...env }, width, 50);
    terms.push(t);
    return t;
  };
  afterAll(() => terms.forEach((t) => t.close()));
  /** Waits for `re` on the screen read as text: lines the terminal or calc-ml wrapped read as one, so a test holds at any width. */
  const seen = async (t: Terminal, re: RegExp, ms = 15000): Promise<string> => {
    const until = Date.now() + ms;
    for (;;) {
      const s = t.screen().replace(/\s+/g, ' ');
      if (re.test(s)) return s;
      if (Date.now() > until) throw new Error(`screen never showed ${re}:\n${t.screen()}`);
      await pause(100);
    }
  };

  test.each([[80], [40]])("at %i columns: quiz on an unkeyed lesson: the lesson's answers shown, a self-check, and a score of what was graded only", async (width) => {
    const h = home();
    const t = open(`quiz '${MOMENTUM}'`, { CALC_ML_HOME: h }, width);
    await seen(t, /3 of 5 cannot be graded here/);
    await seen(t, /true or false\?/);
    t.type('true');
    await seen(t, /2\/5/);
    t.type('false');
    await seen(t, /3\/5[\s\S]*Your answer/);
    t.type('the velocity keeps the step going');
    await seen(t, /The lesson's answer: The velocity built up before the flat part/);
    await seen(t, /were you right\?/);
    // The lesson's answer is on the screen before the question, and the cursor is not on the favourable choice.
    await seen(t, /The lesson's answer: The velocity[\s\S]*were you right\?[^❯]*Yes, I was right ❯ No, I was wrong/);
    t.keys('Up', 'Enter'); // Yes (the cursor starts on No: Enter alone claims nothing)
    await seen(t, /4\/5[\s\S]*Your answer/);
    t.type('how much velocity is kept');
    await seen(t, /4\/5[\s\S]*were you right\?/);
    t.keys('Enter'); // No
    await seen(t, /5\/5 · coding challenge[\s\S]*Your code/);
    t.type('print(1)');
    await seen(t, /print\(1\) \.\.\./); // the block waits for more lines
    t.keys('Enter'); // the empty line ends the code
    await seen(t, /Kept, not graded: check it against the lesson's solution\. The lesson's solution: v = 0\.0/);
    await seen(t, /With python3 on this machine, calc-ml would offer to run your code/);
    await seen(t, /5\/5[\s\S]*were you right\?/);
    t.keys('Enter'); // No
    expect(await t.exitStatus()).toBe(0);
    const s = t.screen().replace(/\s+/g, ' ');
    expect(s).toMatch(/Score: 2 of 2 graded right \(100%\); 3 answers kept for you to check against the lesson \(you judged 1 of 3 right\)\./);
    expect(s).toMatch(/Passed \(pass mark 70% of what is graded\)/);
    expect(s).not.toMatch(/Everything right/);
    // The answers judged wrong are to review, with the learner's own verdict, not a grader's note.
    expect(s).toMatch(/To review: - What does the momentum coefficient control\? \(quiz\.4\) you judged it not right yet: it comes back in calc-ml review/);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const attempt = Object.values(saved.lessons as Record<string, { quiz: { score: number; total: number; complete: boolean; passed: boolean }[] }>)[0].quiz[0];
    expect(attempt).toMatchObject({ score: 2, total: 2, complete: true, passed: true });
  });

  test('code pasted from an editor, every line at once, is read whole', async () => {
    const h = home();
    const t = open(`quiz '${MOMENTUM}'`, { CALC_ML_HOME: h }, 80);
    await seen(t, /true or false\?/);
    t.type('true');
    await seen(t, /2\/5[\s\S]*true or false\?/);
    t.type('false');
    for (const n of [3, 4]) {
      await seen(t, new RegExp(`${n}/5[\\s\\S]*Your answer \\(Enter skips\\): $`));
      t.keys('Enter');
    }
    await seen(t, /5\/5 · coding challenge[\s\S]*Your code/);
    // One paste: four lines and the empty line that ends the block (keys between two prompts were lost).
    t.paste('v = 0\nfor g in [1, 1, 1]:\n    v = v / 2 + g\n    print(v)\n\n');
    await seen(t, /were you right\?/);
    t.keys('Enter');
    expect(await t.exitStatus()).toBe(0);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const answer = Object.values(saved.lessons as Record<string, { answers: Record<string, { answer: string }[]> }>)[0].answers['quiz.5'][0];
    expect(answer.answer).toBe('v = 0\nfor g in [1, 1, 1]:\n    v = v / 2 + g\n    print(v)');
    expect(t.screen()).toMatch(/Your code \(one or more lines, an empty line ends it\): v = 0\n \.\.\. for g in \[1, 1, 1\]:\n \.\.\.     v = v \/ 2 \+ g\n \.\.\.     print\(v\)\n/);
  });

  const withPython = spawnSync('python3', ['--version']).status === 0 ? test : test.skip;
  withPython("a Python coding answer: run beside the lesson's solution on the same input, outputs compared", async () => {
    const t = open(`quiz '${MOMENTUM}'`, { CALC_ML_HOME: home(), CALC_ML_PYTHON: '' });
    await t.waitFor(/true or false\?/);
    t.type('true');
    await t.waitFor(/2\/5/);
    t.type('false');
    await t.waitFor(/3\/5[\s\S]*Your answer/);
    t.keys('Enter');
    await t.waitFor(/4\/5[\s\S]*Your answer/);
    t.keys('Enter');
    await t.waitFor(/5\/5 · coding challenge[\s\S]*Your code/);
    for (const line of ['v = 0', 'for g in [1, 1, 1]:', '    v = v / 2 + g', '    print(float(v))']) {
      t.type(line);
      await pause(150);
    }
    t.keys('Enter');
    await t.waitFor(/This runs your own code on this machine[\s\S]*Run both and compare\?/);
    t.keys('Enter'); // Yes, run both
    await t.waitFor(/Input for both programs/);
    t.keys('Enter');
    const s = await t.waitFor(/Same output as the lesson's solution on this input\./);
    expect(s).toMatch(/Your code printed:\n\s+1\.0\n\s+1\.5\n\s+1\.75/);
    await t.waitFor(/were you right\?/);
    t.keys('Enter');
    expect(await t.exitStatus()).toBe(0);
  });

  test.each([[80], [40]])('at %i columns: a quiz stopped by Ctrl+C goes on at the next question on the next run, and says so', async (width) => {
    const h = home();
    const t = open(`quiz '${MOMENTUM}'`, { CALC_ML_HOME: h }, width);
    await seen(t, /true or false\?/);
    t.type('true');
    await seen(t, /2\/5/);
    t.type('true');
    await seen(t, /✗ Not correct/);
    await seen(t, /3\/5[\s\S]*Your answer/);
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
    expect(t.screen().replace(/\n\s*/g, ' ')).toMatch(/stopped at question 3 of 5; your 2 answers are saved\. To go on at question 3, run:/);
    // The lesson as it was named (bare "calc-ml quiz" opens the bundled lesson), unbroken for the terminal to wrap.
    expect(t.screen(false, true).split('\n')).toContain(`  calc-ml quiz ${MOMENTUM}`);

    const again = open(`quiz '${MOMENTUM}'`, { CALC_ML_HOME: h }, width);
    const s = await seen(again, /3\/5[\s\S]*Your answer/);
    expect(s.replace(/\n/g, ' ')).toMatch(/Going on with the quiz you stopped \(2 of 5 answered\): question 3 is next\./);
    expect(s).not.toMatch(/1\/5|2\/5/);
    again.type('momentum');
    await seen(again, /were you right\?/);
    again.keys('Up', 'Enter'); // Yes
    await seen(again, /4\/5[\s\S]*Your answer/);
    again.type('how much of the velocity is kept');
    await seen(again, /4\/5[\s\S]*were you right\?/);
    again.keys('Enter'); // No
    await seen(again, /5\/5[\s\S]*Your code/);
    again.type('print(1)');
    await seen(again, /print\(1\) \.\.\./);
    again.keys('Enter'); // the empty line ends the code
    await seen(again, /5\/5[\s\S]*were you right\?/);
    again.keys('Enter'); // No
    expect(await again.exitStatus()).toBe(0);
    const end = again.screen().replace(/\s+/g, ' ');
    expect(end).toMatch(/Score: 1 of 2 graded right \(50%\); 3 answers kept for you to check against the lesson \(you judged 1 of 3 right\)\./);
    expect(end).toMatch(/Not passed yet \(pass mark 70% of what is graded\)/);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const quiz = Object.values(saved.lessons as Record<string, { quiz: { answers: { ref: string }[]; complete: boolean }[] }>)[0].quiz;
    expect(quiz).toHaveLength(1);
    expect(quiz[0].complete).toBe(true);
    expect(quiz[0].answers.map((a) => a.ref)).toEqual(['quiz.1', 'quiz.2', 'quiz.3', 'quiz.4', 'quiz.5']);
    await pause(0);
  });

  test.each([[80], [40]])('at %i columns: the end of a lesson offers the next one, found beside it, and starts it', async (width) => {
    const t = open(`start '${MOMENTUM}' --step finish`, { CALC_ML_HOME: home() }, width);
    // The guided lesson may first wait for Enter before its first step.
    const first = await seen(t, /Press Enter to begin|End of Lesson 7\.3\.4/);
    if (!/End of Lesson/.test(first)) t.keys('Enter');
    await seen(t, /End of Lesson 7\.3\.4: 0 of \d+ steps done, \d+ left\./);
    await seen(t, /Next: Lesson 7\.3\.5: Adaptive Rates\.[\s\S]*Proceed to Lesson 7\.3\.5 now\?/);
    t.keys('Enter'); // Yes
    await seen(t, /Lesson 7\.3\.5: Adaptive Rates /);
    await seen(t, /Ahead of you[\s\S]*Press Enter/);
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
  });

  test.each([[80], [40]])('at %i columns: review spans two lessons, scheduled by FSRS on a fixed clock; kept answers come back to be checked; progress says what is due and when', async (width) => {
    const h = home();
    const at = (iso: string) => ({ CALC_ML_HOME: h, CALC_ML_NOW: iso, CALC_ML_PYTHON: '0' });
    // 10:00, from a pipe: one right and one wrong true/false in each lesson, and written answers
    // that are kept, not graded; a pipe cannot ask "were you right?", so review asks it.
    const quiz = runCli(['quiz', MOMENTUM], { input: 'true\ntrue\na\nb\nprint(1)\n', env: at('2026-01-01T10:00:00Z') });
    expect(quiz.status).toBe(0);
    expect(quiz.stdout.replace(/\s+/g, ' ')).toMatch(/calc-ml review brings back the 3 kept answers you have not judged, for you to check against the lesson\./);
    expect(runCli(['quiz', ADAPTIVE], { input: 'true\ntrue\na\nf(x) = 3x - 2; f(2)\n', env: at('2026-01-01T10:00:00Z') }).status).toBe(0);
    const before = JSON.parse(runCli(['progress', '--json'], { env: at('2026-01-01T10:30:00Z') }).stdout);
    // The misses are due a minute after them, the 4 kept answers at once; the right answers two days later.
    expect(before.review).toEqual({ due: 6, toCheck: 4, next: '2026-01-03T10:00:00.000Z', nextCount: 3 });

    const t = open('review', at('2026-01-01T10:30:00Z'), width);
    await seen(t, /6 items due from 2 lessons, most overdue first/);
    // The kept answers first (due since 10:00), each with the lesson's answer and a self-check.
    await seen(t, /1\/6 · Lesson 7\.3\.4 · quiz\.3 Your answer of 2026-01-01 was kept, not graded, and not yet checked[\s\S]*Why can momentum cross a flat region[\s\S]*Your answer/);
    t.type('the velocity carries the step over the flat part');
    await seen(t, /Kept, not graded: check it against the lesson's answer\. The lesson's answer: The velocity built up before the flat part[\s\S]*Were you right this time\?/);
    t.keys('Up', 'Enter'); // Yes (the cursor starts on Not yet)
    await seen(t, /2\/6 · Lesson 7\.3\.4 · quiz\.4[\s\S]*Your answer/);
    t.type('the step size');
    await seen(t, /The lesson's answer: How much of the previous velocity is kept[\s\S]*Were you right this time\?/);
    t.keys('Enter'); // Not yet
    await seen(t, /3\/6 · Lesson 7\.3\.4 · quiz\.5[\s\S]*Your code/);
    t.type('print(1)');
    await seen(t, /3\/6[\s\S]*print\(1\) \.\.\./); // the block waits for more lines
    t.keys('Enter'); // the empty line ends the code
    await seen(t, /The lesson's solution: v = 0\.0[\s\S]*Were you right this time\?/);
    t.keys('Up', 'Enter');
    await seen(t, /4\/6 · Lesson 7\.3\.5 · quiz\.3[\s\S]*Your answer/);
    t.type('so that every parameter gets a step of its own size');
    await seen(t, /the lesson gives no answer to check it against; judge it by the lesson\.[\s\S]*Were you right this time\?/);
    t.keys('Up', 'Enter');
    await seen(t, /5\/6 · Lesson 7\.3\.4 · quiz\.2 Momentum always needs a smaller learning rate\.[\s\S]*true or false\?/);
    t.type('false');
    await seen(t, /6\/6 · Lesson 7\.3\.5 · quiz\.1 Adaptive methods give every parameter the same step\.[\s\S]*true or false\?/);
    t.type('false');
    // quiz.4, judged "not yet", is due again at once (its learning step is a minute).
    await seen(t, /Review done: 5 of 6 right\. 1 item is due again now: calc-ml review goes over it again\. Next due: 2 items tomorrow \(2026-01-02\)\./);
    expect(await t.exitStatus()).toBe(0);

    const text = runCli(['progress'], { env: at('2026-01-01T10:32:00Z') }).stdout;
    expect(text).toMatch(/Lesson 7\.3\.4 Momentum Basics · in progress · last studied 2026-01-01/);
    expect(text).toMatch(/review: 1 due now; next 1 tomorrow \(2026-01-02\)/);
    expect(text).toMatch(/Review: 1 item due now; the next 2 tomorrow \(2026-01-02\) \(calc-ml review\)\./);
    expect(text).not.toMatch(/to check against the lesson/);
    const later = JSON.parse(runCli(['progress', '--json'], { env: at('2026-01-03T12:00:00Z') }).stdout);
    // Every item of both lessons, the checked kept answers among them, by then.
    expect(later.review).toMatchObject({ due: 9, toCheck: 0 });
  });
});
