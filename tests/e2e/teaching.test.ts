import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// The guided lesson on a real-shaped lesson of our own, in a real terminal (tmux) of 80×20 and
// 40×20: the teaching sections a screen at a time, Enter and b, and the commands.
const lesson = fileURLToPath(new URL('../tutor/fixtures/Lesson-4.2.7-Step-Sizes-in-Practice.md', import.meta.url));
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-teach-'));
const maybe = hasTmux ? describe : describe.skip;

maybe('teaching a whole lesson in a terminal', () => {
  const terms: Terminal[] = [];
  const open = (args: string, env: Record<string, string>, width = 80, height = 20) => {
    const t = new Terminal(args, { NO_COLOR: '1', ...env }, width, height);
    terms.push(t);
    return t;
  };
  afterAll(() => terms.forEach((t) => t.close()));
  const settle = () => new Promise((r) => setTimeout(r, 400));
  /** The last `rows` lines of the pane: what the learner sees now. */
  const visible = (t: Terminal, rows = 20) => t.screen().replace(/\n+$/, '').split('\n').slice(-rows).join('\n');

  test.each([[80], [40]])('at %i columns: the plan with minutes, the sections paged, b goes back, then the exercises', async (width) => {
    const t = open(`start '${lesson}'`, { CALC_ML_HOME: home() }, width);
    const plan = await t.waitFor(/Press Enter to begin/);
    expect(plan).toMatch(/^ {4}1\. Concept Foundations · 20 min$/m);
    expect(plan.replace(/\s+/g, ' ')).toMatch(/:skip, :back, :lab, :plan, :quit/);
    // The plan counts the 16 steps a learner walks; the next lesson is where it leads, not a step.
    expect(plan).toMatch(/After this: Lesson 4\.2\.8, Momentum\n[\s\S]*done 0 of 16/);
    t.keys('Enter'); // the plan
    const objectives = await t.waitFor(/By the end of this lesson[\s\S]*Press Enter to continue/);
    // Each step titled once, in its own heading under the bar.
    expect(objectives).toMatch(/step 1 of 16\nLearning objectives\nBy the end of this lesson/);
    expect(objectives).not.toMatch(/## Learning objectives|· Learning objectives/);
    t.keys('Enter'); // objectives
    await t.waitFor(/Every model you train[\s\S]*Press Enter to continue/);
    t.keys('Enter'); // introduction
    const first = await t.waitFor(/1\/\d+ · Enter: more/);
    const pages = Number(/1\/(\d+) · Enter/.exec(first)![1]);
    expect(pages).toBeGreaterThanOrEqual(width === 40 ? 4 : 3);
    // The section's heading and first lines are on the screen with the page's prompt: nothing scrolled past.
    expect(visible(t)).toMatch(/1\. Concept Foundations · 20 min[\s\S]*1\.1 One step downhill[\s\S]*1\/\d+ · Enter: more/);
    t.keys('Enter');
    await t.waitFor(/2\/\d+ · Enter: more/);
    expect(visible(t)).toMatch(/1\. Concept Foundations · 2\//);
    t.type('b');
    await settle();
    expect(visible(t)).toMatch(/1\. Concept Foundations · 20 min[\s\S]*One step downhill[\s\S]*1\/\d+ · Enter: more · b: back\s*$/);
    for (let p = 1; p <= pages; p++) {
      t.keys('Enter');
      await settle();
    }
    await t.waitFor(/2\. Worked Examples · 15 min/);
    expect(t.screen()).toMatch(/Paragraph six closes the foundations/);
    await t.waitFor(/2\. Worked Examples[\s\S]*Press Enter to continue/);
    await settle();
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
  });

  test(':plan, :lab, :skip, :back and :quit at an exercise; a later start resumes there', async () => {
    const h = home();
    const t = open(`start '${lesson}' --step ex:1`, { CALC_ML_HOME: h }, 80, 40);
    await t.waitFor(/Press Enter to begin/);
    t.keys('Enter');
    await t.waitFor(/A lab fits this exercise \(descend[\s\S]*Your answer/);
    t.type(':plan');
    await t.waitFor(/▸ Exercises[\s\S]*Back to: Exercise 4\.2\.7\.1[\s\S]*Your answer/);
    t.type(':lab');
    // The lab's charts are longer than a screen: paged too, then back at the same question.
    const lab = await t.waitFor(/Lab · descend[\s\S]*1\/\d+ · Enter: more · b: back/);
    const labPages = Number(/1\/(\d+) · Enter: more/.exec(lab)![1]);
    for (let p = 1; p <= labPages; p++) {
      t.keys('Enter');
      await settle();
    }
    await t.waitFor(/lr 1\.05 diverges[\s\S]*Try other values with: calc-ml descend[\s\S]*Back to: Exercise 4\.2\.7\.1[\s\S]*Your answer/);
    t.type(':skip');
    await t.waitFor(/Skipped[\s\S]*Exercise 4\.2\.7\.2[\s\S]*Your answer/);
    t.type(':back');
    await t.waitFor(/Exercise 4\.2\.7\.2[\s\S]*Exercise 4\.2\.7\.1 · Starter[\s\S]*Your answer \(Enter skips\):\s*$/);
    t.type(':quit');
    expect(await t.exitStatus()).toBe(0);
    expect(t.screen().replace(/\n/g, ' ')).toMatch(/Saved at step 8 of 16, Exercise 4\.2\.7\.1/);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const record = Object.values(saved.lessons as Record<string, { tutor: { step: string }; answers: Record<string, { answer: string }[]> }>)[0];
    expect(record.tutor.step).toBe('exercise:4.2.7.1');
    expect(Object.values(record.answers).flat().map((a) => a.answer)).toEqual(['']);

    const again = open(`start '${lesson}'`, { CALC_ML_HOME: h }, 80, 40);
    await again.waitFor(/Welcome back[\s\S]*Resume at: Exercise 4\.2\.7\.1/);
    await settle();
    again.keys('C-c');
    expect(await again.exitStatus()).toBe(130);
  });

  test('a list of choices: its last choice types a command, then the same list again', async () => {
    const t = open(`start '${lesson}' --step mini-project`, { CALC_ML_HOME: home() }, 80, 40);
    await t.waitFor(/Press Enter to begin/);
    t.keys('Enter');
    await t.waitFor(/def find_rate[\s\S]*Build it in your editor, then:[\s\S]*Type a command/);
    // The cursor starts on Later (Enter alone claims nothing); one down is the command line.
    await settle();
    t.keys('Down');
    await settle();
    t.keys('Enter');
    await t.waitFor(/Command:/);
    t.type(':plan');
    await t.waitFor(/▸ Mini-project: Rate Finder · 30 min[\s\S]*Back to: Mini-project: Rate Finder[\s\S]*Build it in your editor, then:[\s\S]*Done: I built it/);
    t.keys('Up');
    await settle();
    t.keys('Enter');
    // Ctrl+C at the next prompt (the quiz's), not while the quiz loads: calc-ml answers it at a prompt.
    await t.waitFor(/Kept as done[\s\S]*true or false/);
    await settle();
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
  });
});
