import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, hasTmux, flatScreen, seen } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// The lesson commands where they were taken as something else: at the plan's "Press Enter to
// begin" (the lesson just began), and at a written answer of the standalone quiz (saved as the
// answer). Relative to the repository, where the terminal runs: the resume line names it so.
const MOMENTUM = 'tests/fixtures/progress-course/Lesson-7.3.4-Momentum-Basics.md';
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-cmds-'));
const maybe = hasTmux ? describe : describe.skip;
const flat = flatScreen;

maybe('lesson commands at every prompt', () => {
  const terms: Terminal[] = [];
  const open = (args: string, h: string, width: number) => {
    const t = new Terminal(args, { NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_PYTHON: '0', CALC_ML_HOME: h }, width, 50);
    terms.push(t);
    return t;
  };
  afterAll(() => terms.forEach((t) => t.close()));

  test.each([[80], [40]])('at %i columns: :plan, :help and :quit at "Press Enter to begin" are commands; the lesson does not begin', async (width) => {
    const h = home();
    const t = open(`start ${MOMENTUM}`, h, width);
    await t.waitFor(/Press Enter to begin/);
    t.type(':plan');
    await seen(t, /Back to: the start of the lesson/);
    // The plan again, not the first step.
    expect(flat(t)).toMatch(/:plan [\s\S]*Learning objectives[\s\S]*Back to: the start of the lesson \(Enter begins it\)/);
    t.type(':help');
    await seen(t, /:quit save and leave/);
    t.type(':quit');
    expect(await t.exitStatus()).toBe(0);
    const s = flat(t);
    expect(s).toMatch(/Saved at step 1 of \d+, Learning objectives\. To pick up here, run:/);
    expect(t.screen(false, true).split('\n')).toContain(`  calc-ml start ${MOMENTUM}`);
    expect(s).not.toMatch(/step 1 of \d+ \S* ?Learning objectives ?By the end/);
  });

  test.each([[80], [40]])('at %i columns: in calc-ml quiz, :skip skips a written answer and :quit saves and leaves; neither is an answer', async (width) => {
    const h = home();
    const t = open(`quiz ${MOMENTUM}`, h, width);
    await t.waitFor(/true or false\?/);
    t.type('true');
    await t.waitFor(/2\/5/);
    t.type('false');
    await t.waitFor(/3\/5[\s\S]*Your answer/);
    t.type(':skip');
    await t.waitFor(/4\/5[\s\S]*Your answer/);
    expect(flat(t)).toMatch(/:skip – Skipped: not answered, not a miss; asked again next time\./);
    t.type(':back');
    await seen(t, /:back works in calc-ml start, not here\. Here: :skip, :quit, :help\./);
    t.type(':quit');
    expect(await t.exitStatus()).toBe(0);
    // The skipped question is not an answer: it is where the next run goes on.
    expect(flat(t)).toMatch(/Stopped at question 4 of 5; your 2 answers are saved\. To go on at question 3 \(skipped before\), run:/);
    expect(t.screen(false, true).split('\n')).toContain(`  calc-ml quiz ${MOMENTUM}`);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const answers = Object.values(saved.lessons as Record<string, { quiz: { answers: { ref: string; answer: string }[] }[] }>)[0].quiz[0].answers;
    expect(answers.map((a) => [a.ref, a.answer])).toEqual([['quiz.1', 'true'], ['quiz.2', 'false']]);
  });
});
