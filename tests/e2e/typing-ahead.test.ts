import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// Keys typed faster than the tutor prints (all sent at once, no wait between them) reach the prompts
// they were typed for, in order, as lines do from a pipe: none is lost between two prompts.
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-ahead-'));
const maybe = hasTmux ? describe : describe.skip;

maybe('typing ahead in a real terminal', () => {
  const terms: Terminal[] = [];
  const open = (args: string, env: Record<string, string>) => {
    const t = new Terminal(args, { NO_COLOR: '1', ...env }, 80, 40);
    terms.push(t);
    return t;
  };
  afterAll(() => terms.forEach((t) => t.close()));

  test('quiz: four answers typed at once are four answers', async () => {
    const h = home();
    const t = open('quiz', { CALC_ML_HOME: h });
    await t.waitFor(/1\/8 · true or false[\s\S]*true or false( \(\? for a hint\))?\?/);
    t.keys('t', 'Enter', 'f', 'Enter', 't', 'Enter', 'f', 'Enter');
    await t.waitFor(/5\/8 · in your own words[\s\S]*Your answer/);
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
    expect(t.screen()).toMatch(/stopped at question 5 of 8; your 4 answers are saved/);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(saved.lessons['1.2.26'].quiz[0].answers.map((a: { answer: string; verdict: string }) => `${a.answer}:${a.verdict}`)).toEqual(['t:correct', 'f:correct', 't:correct', 'f:incorrect']);
  });

  test('start: Enters for the plan and the pages, and the exercise answer, typed at once', async () => {
    const h = home();
    const t = open('start', { CALC_ML_HOME: h });
    await t.waitFor(/Learning objectives[\s\S]*Press Enter to begin/);
    // The same five Enters as a learner pacing the screens, then the first exercise's answer: all at once.
    t.keys('Enter', 'Enter', 'Enter', 'Enter', 'Enter');
    t.type('the slope of the tangent line: how fast f changes at a point');
    await t.waitFor(/Define derivative in one sentence\.[\s\S]*the slope of the tangent line[\s\S]*(✓|~|✗)/);
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(saved.lessons['1.2.26'].answers['1.2.26.1'][0].answer).toBe('the slope of the tangent line: how fast f changes at a point');
  });
});

