import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// Hints and tries as a learner meets them: the repository's build in a pseudo-terminal (tmux), with
// inquirer's prompts, typing as a person would.
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-tries-'));
const maybe = hasTmux ? describe : describe.skip;

maybe('hints and tries in a real terminal', () => {
  const terms: Terminal[] = [];
  const open = (args: string, env: Record<string, string>, width = 80) => {
    const t = new Terminal(args, { NO_COLOR: '1', ...env }, width, 60);
    terms.push(t);
    return t;
  };
  afterAll(() => terms.forEach((t) => t.close()));
  const count = (s: string, re: RegExp) => (s.match(new RegExp(re.source, 'g')) ?? []).length;

  /** Answers the four true/false items, so the quiz is at its first written question. */
  async function toConceptual(t: Terminal): Promise<void> {
    for (const [n, a] of [[1, 'true'], [2, 'false'], [3, 'true'], [4, 'true']] as const) {
      await t.waitFor(new RegExp(`${n}/8 · true or false[\\s\\S]*true or false \\(\\? for a hint\\)\\?\\s*$`));
      t.type(a);
    }
    await t.waitFor(/5\/8 · in your own words[\s\S]*Your answer \(Enter skips; \? for a hint\):\s*$/);
  }

  test('quiz: ? shows the first hint and asks again, ? again the next; "maybe" is asked again, not recorded', async () => {
    const h = home();
    const t = open('quiz', { CALC_ML_HOME: h });
    await t.waitFor(/1\/8 · true or false[\s\S]*true or false \(\? for a hint\)\?\s*$/);
    t.type('?');
    await t.waitFor(/Hint 1 of 2: What does the slope of a curve tell you\?\s*\n[^\n]*true or false \(\? for a hint\)\?\s*$/);
    t.type('?');
    await t.waitFor(/Hint 2 of 2: A derivative is a rate of ___[^\n]*\s*\n[^\n]*true or false \(\? for a hint\)\?\s*$/);
    t.type('maybe');
    let s = await t.waitFor(/“maybe” is not an answer here: please answer true or false/);
    await t.waitFor(/true or false \(\? for a hint\)\?\s*\n[^\n]*“maybe” is not an answer[\s\S]*$/);
    expect(s).not.toMatch(/1\/8[\s\S]*Not correct/);
    t.type('true');
    s = await t.waitFor(/✓ Correct: the statement is true/);
    await t.waitFor(/2\/8 · true or false/);
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const [answer] = saved.lessons['1.2.26'].quiz[0].answers;
    expect(answer).toMatchObject({ ref: 'quiz.1', answer: 'true', verdict: 'correct', hintsUsed: 2 });
    expect(answer.score).toBeLessThan(1);
    // "maybe" was never graded: one answer, no earlier tries.
    expect(answer.earlier ?? []).toEqual([]);
  });

  test('quiz: a partial answer is told the claim it misses and tried again; the second try is graded', async () => {
    const h = home();
    const t = open('quiz', { CALC_ML_HOME: h });
    await toConceptual(t);
    t.type('?');
    await t.waitFor(/Hint 1 of 3: In one word, what does a model make smaller while it learns\?/);
    await t.waitFor(/Your answer \(Enter skips; \? for a hint\):\s*$/);
    t.type('to make the loss smaller');
    let s = await t.waitFor(/Try 2 of 3 \(\? for a hint, Enter shows the answer\):\s*$/);
    expect(s).toMatch(/~ Partly right\./);
    expect(s).toMatch(/Still missing: “derivatives \(gradients\) say how the loss changes”/);
    // The model answer is kept for after the last try.
    expect(s).not.toMatch(/Model answer:/);
    t.type('Derivatives of the loss tell us which way to change each weight so that the loss gets smaller.');
    s = await t.waitFor(/6\/8 · in your own words/);
    expect(s).toMatch(/✓ Correct\./);
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const answer = saved.lessons['1.2.26'].quiz[0].answers.find((a: { ref: string }) => a.ref === 'quiz.5');
    expect(answer).toMatchObject({ verdict: 'correct', tries: 2, hintsUsed: 1 });
    expect(answer.earlier).toHaveLength(1);
    expect(answer.score).toBeLessThan(1);
  });

  test('quiz: a Python block over several lines, ended by an empty line, is read whole', async () => {
    const h = home();
    const t = open('quiz', { CALC_ML_HOME: h });
    await toConceptual(t);
    for (const n of [5, 6, 7]) {
      await t.waitFor(new RegExp(`${n}/8 · in your own words[\\s\\S]*Your answer \\(Enter skips; \\? for a hint\\):\\s*$`));
      t.keys('Enter');
    }
    let s = await t.waitFor(/8\/8 · coding[\s\S]*Your code \(one or more lines, an empty line ends it[^\n]*\):\s*$/);
    t.type('def f(x):');
    await t.waitFor(/def f\(x\):\s*\n\s*\.\.\.\s*$/);
    t.type('    return x**2');
    await t.waitFor(/return x\*\*2\s*\n\s*\.\.\.\s*$/);
    t.type('print(f(3))');
    await t.waitFor(/print\(f\(3\)\)\s*\n\s*\.\.\.\s*$/);
    t.keys('Enter');
    s = await t.waitFor(/Quiz done|Score|score/);
    expect(s).toMatch(/return x\*\*2/);
    expect(s).toMatch(/✓ Correct/);
    expect(await t.exitStatus()).toBe(0);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const answer = saved.lessons['1.2.26'].quiz[0].answers.find((a: { ref: string }) => a.ref === 'quiz.8');
    expect(answer).toMatchObject({ answer: 'def f(x):\n    return x**2\nprint(f(3))', verdict: 'correct' });
  });

  test('start: ? at an exercise shows the next hint and asks again', async () => {
    const h = home();
    const t = open('start --step ex:1', { CALC_ML_HOME: h });
    await t.waitFor(/Press Enter to begin/);
    t.keys('Enter');
    await t.waitFor(/Define derivative in one sentence\.[\s\S]*Your answer[^\n]*\? for a hint[^\n]*:\s*$/);
    t.type('?');
    await t.waitFor(/Hint 1 of 3: Think of a speedometer[\s\S]*\n[^\n]*Your answer[^\n]*:\s*$/);
    t.type('?');
    const s = await t.waitFor(/Hint 2 of 3: Say what the derivative measures[\s\S]*\n[^\n]*Your answer[^\n]*:\s*$/);
    expect(count(s, /Define derivative in one sentence\./)).toBe(1);
    expect(s).not.toMatch(/Not quite|Model answer/);
    t.type('It is the slope of the tangent line at a point: how fast the output changes per tiny change in the input.');
    await t.waitFor(/✓ Correct/);
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
  });
});
