import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { installTarball } from '../helpers/install.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// The installed CLI (packed and installed globally into a temporary prefix, run from another folder)
// in a pseudo-terminal (tmux), with inquirer prompts: what a learner meets.
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-e2e-'));
const maybe = hasTmux ? describe : describe.skip;

maybe('in a real terminal', () => {

  const terms: Terminal[] = [];
  let bin = '';
  beforeAll(() => {
    bin = installTarball().bin;
  });
  const open = (args: string, env: Record<string, string>, width = 80) => {
    const t = new Terminal(args, { NO_COLOR: '1', ...env }, width, 40, { bin, cwd: tmpdir() });
    terms.push(t);
    return t;
  };
  afterAll(() => terms.forEach((t) => t.close()));

  test('quiz: a right answer, a wrong answer, Ctrl+C: saved, one line, exit 130', async () => {
    const h = home();
    const t = open('quiz', { CALC_ML_HOME: h });
    await t.waitFor(/true or false( \(\? for a hint\))?\?/);
    t.type('true');
    await t.waitFor(/✓ Correct: the statement is true/);
    await t.waitFor(/2\/8/);
    t.type('yes');
    await t.waitFor(/✗ Not correct: the statement is false/);
    await t.waitFor(/3\/8/);
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
    const screen = t.screen();
    expect(screen).toMatch(/calc-ml: stopped at question 3 of 8; your 2 answers are saved/);
    expect(screen).not.toMatch(/ExitPromptError|\n\s+at /);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(saved.lessons['1.2.26'].quiz[0].answers.map((a: { verdict: string }) => a.verdict)).toEqual(['correct', 'incorrect']);
  });

  test('start: paced by Enter, Ctrl+C at an exercise, then a resumed start picks up there', async () => {
    const h = home();
    const t = open('start', { CALC_ML_HOME: h });
    await t.waitFor(/Learning objectives[\s\S]*Press Enter to begin/);
    // Enter under the plan, then one per screen: the objectives and the core ideas.
    for (let i = 0; i < 5; i++) {
      t.keys('Enter');
      await new Promise((r) => setTimeout(r, 300));
    }
    await t.waitFor(/Define derivative in one sentence\.[\s\S]*Your answer/);
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
    // Wrapped at spaces to the terminal's width, continuation lines indented by two.
    const paused = t.screen().slice(t.screen().indexOf('calc-ml: paused'));
    expect(paused.split('\n').slice(1).filter(Boolean).every((l) => l.startsWith('  '))).toBe(true);
    expect(paused.replace(/\n {2}/g, ' ')).toMatch(/^calc-ml: paused at step 3 of 17, Exercise 1\.2\.26\.1 \(Starter\): Define derivative in one sentence; your answers are saved\. To pick up here, run: calc-ml start$/m);

    const again = open('start', { CALC_ML_HOME: h });
    const s = await again.waitFor(/Welcome back/);
    expect(s).toMatch(/Resume at: Exercise 1\.2\.26\.1/);
    again.keys('Enter');
    await again.waitFor(/step 3 of 17\nExercise 1\.2\.26\.1 · Starter/);
    again.keys('C-c');
    expect(await again.exitStatus()).toBe(130);
  });

  test.each([40, 120])('plot x^2 at %i columns fits the screen', async (width) => {
    const t = open("plot 'x^2'", {}, width);
    expect(await t.exitStatus()).toBe(0);
    const lines = t.screen().split('\n').filter(Boolean);
    expect(lines.some((l) => /min 0 at x = 0/.test(l))).toBe(true);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
  });

  test('colour: on in a terminal, off with NO_COLOR and with --no-color, the words the same', async () => {
    const colored = open("plot 'x^2'", { NO_COLOR: '' });
    const noColorEnv = open("plot 'x^2'", { NO_COLOR: '1' });
    const noColorFlag = open("plot 'x^2' --no-color", { NO_COLOR: '' });
    for (const t of [colored, noColorEnv, noColorFlag]) expect(await t.exitStatus()).toBe(0);
    expect(colored.screen(true)).toMatch(/\u001b\[3\dm/);
    expect(noColorEnv.screen(true)).not.toMatch(/\u001b\[3\dm/);
    expect(noColorFlag.screen(true)).not.toMatch(/\u001b\[3\dm/);
    expect(noColorFlag.screen()).toBe(colored.screen());
  });

  test('--ascii at 40 columns: a chart of plain ASCII that fits, the same words below it', async () => {
    const ascii = open("plot 'x^2' --ascii", {}, 40);
    const boxes = open("plot 'x^2'", {}, 40);
    for (const t of [ascii, boxes]) expect(await t.exitStatus()).toBe(0);
    const lines = ascii.screen().split('\n').filter(Boolean);
    for (const l of lines) {
      expect(l.length).toBeLessThanOrEqual(40);
      expect(l).not.toMatch(/[^\x00-\x7f]/);
    }
    expect(lines).toContain('min 0 at x = 0; y from 0 to 25');
    expect(boxes.screen()).toMatch(/└/);
  });

  test('help at 40 columns: option descriptions wrap under their column, not mid-word', async () => {
    const t = open('help plot', {}, 40);
    expect(await t.exitStatus()).toBe(0);
    const screen = t.screen();
    // The continuation starts under the description's first word, wherever the column is.
    const m = /^( {2}--from <x> +)(left end of the\b.*)\n( +)(\S.*)\n( +)(\S.*)$/m.exec(screen);
    expect(m).not.toBeNull();
    expect([m![3].length, m![5].length]).toEqual([m![1].length, m![1].length]);
    expect([m![2], m![4], m![6]].join(' ')).toBe('left end of the range (default: -5)');
    expect(screen).not.toMatch(/^e "x\^2"/m);
  });

  test('--ascii: the guided lesson and the quiz show nothing but ASCII, prompts included', async () => {
    const start = open('start --ascii', { CALC_ML_HOME: home() });
    await start.waitFor(/Press Enter to begin/);
    start.keys('Enter');
    await start.waitFor(/Learning objectives[\s\S]*Press Enter to continue/);
    start.keys('Enter');
    await start.waitFor(/Core idea 1 of 3[\s\S]*Press Enter/);
    const quiz = open('quiz --ascii', { CALC_ML_HOME: home() });
    await quiz.waitFor(/true or false( \(\? for a hint\))?\?/);
    quiz.type('maybe');
    await quiz.waitFor(/not an answer here/);
    for (const t of [start, quiz]) {
      t.keys('C-c');
      expect(await t.exitStatus()).toBe(130);
      expect(t.screen()).not.toMatch(/[^\x00-\x7f]/);
    }
    expect(start.screen()).toMatch(/\+-{3,}\+/);
  });
});
