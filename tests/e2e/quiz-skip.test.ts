import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, hasTmux, flatScreen, seen } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// A skipped question is not answered: neither right nor a miss. The score line says so, the quiz is
// not finished (so not passed), and the next run asks the skipped questions again, keeping the rest.
// Relative to the repository, where the terminal runs: the command to go on names it so.
const MOMENTUM = 'tests/fixtures/progress-course/Lesson-7.3.4-Momentum-Basics.md';
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-skip-'));
const maybe = hasTmux ? describe : describe.skip;
const flat = flatScreen;

maybe('a skipped question in a real terminal', () => {
  const terms: Terminal[] = [];
  const open = (args: string, h: string, width: number) => {
    const t = new Terminal(args, { NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_PYTHON: '0', CALC_ML_HOME: h }, width, 60);
    terms.push(t);
    return t;
  };
  afterAll(() => terms.forEach((t) => t.close()));

  test.each([[80], [40]])('at %i columns: skipped questions are counted apart, leave the quiz unfinished, and are asked again; Ctrl+C after a skip goes on at it', async (width) => {
    const h = home();
    const t = open(`quiz ${MOMENTUM}`, h, width);
    // The commands at an answer, said once before the first question.
    await seen(t, /At an answer: Enter alone or :skip leaves it unanswered \(asked again next time\), :quit saves and leaves, :help lists these\.[\s\S]*1\/5[\s\S]*true or false\?/);
    t.type('true');
    await seen(t, /2\/5[\s\S]*true or false\?/);
    t.type(':skip');
    await seen(t, /– Skipped: not answered, not a miss; asked again next time\.[\s\S]*3\/5/);
    // Its answer is not given away: the question comes back.
    expect(flat(t)).not.toMatch(/The statement is false/);
    t.type(':skip');
    await seen(t, /4\/5[\s\S]*Your answer/);
    t.keys('Enter'); // an empty answer is a skip too
    await seen(t, /5\/5[\s\S]*Your code/);
    t.type(':skip'); // at a block of code as well
    expect(await t.exitStatus()).toBe(0);
    const end = flat(t);
    expect(end).toMatch(/Score: 1 of 1 graded right \(100%\); 4 questions skipped \(not answered\)\./);
    expect(end).toMatch(/Not finished: 4 questions skipped, so not passed yet \(pass mark 70% of what is graded\)\. The next calc-ml quiz asks them again and keeps your other answers\./);
    expect(end).not.toMatch(/Everything right|Passed \(/);
    expect(end).toMatch(/To answer the skipped questions, run:/);
    const lines = t.screen(false, true).split('\n');
    expect(lines).toContain(`  calc-ml quiz ${MOMENTUM}`);
    // Every line calc-ml wrapped fits the terminal (the command is left whole, to be copied).
    for (const l of lines) if (!l.includes(MOMENTUM)) expect(l.length).toBeLessThanOrEqual(width);

    // The next run asks the four skipped questions, and only them; Ctrl+C at the second of them.
    const again = open(`quiz ${MOMENTUM}`, h, width);
    await seen(again, /Going on with the quiz you stopped \(1 of 5 answered; 4 skipped, asked again now\): question 2 is next\.[\s\S]*2\/5[\s\S]*true or false\?/);
    expect(flat(again)).not.toMatch(/1\/5/);
    again.type('false');
    await seen(again, /✓ Correct[\s\S]*3\/5[\s\S]*Your answer/);
    again.type(':skip');
    await seen(again, /4\/5[\s\S]*Your answer/);
    again.keys('C-c');
    expect(await again.exitStatus()).toBe(130);
    expect(flat(again)).toMatch(/stopped at question 4 of 5; your 2 answers are saved\. To go on at question 3 \(skipped before\), run:/);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const quiz = Object.values(saved.lessons as Record<string, { quiz: { answers: { ref: string }[]; complete: boolean }[]; answers: Record<string, unknown> }>)[0];
    expect(quiz.quiz.map((a) => [a.complete, a.answers.map((x) => x.ref)])).toEqual([[false, ['quiz.1', 'quiz.2']]]);
    // Nothing skipped is in the history review reads.
    expect(Object.keys(quiz.answers).sort()).toEqual(['quiz.1', 'quiz.2']);
  });
});
