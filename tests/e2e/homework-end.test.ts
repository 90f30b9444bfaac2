import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// The end of a guided lesson in a terminal, its quiz passed and one homework item left "Not yet":
// not "complete" (it was), and what is open and how to go back to it, at 80 and 40 columns.
const lesson = fileURLToPath(new URL('../fixtures/homework-course/Lesson-7.8.1-Homework-Left.md', import.meta.url));
const maybe = hasTmux ? describe : describe.skip;

maybe('the end of a lesson with homework left', () => {
  const terms: Terminal[] = [];
  afterAll(() => terms.forEach((t) => t.close()));

  test.each([[80], [40]])('at %i columns', async (width) => {
    const t = new Terminal(`start '${lesson}'`, { NO_COLOR: '1', CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-hw-')) }, width, 40);
    terms.push(t);
    await t.waitFor(/Press Enter to begin/);
    t.keys('Enter');
    await t.waitFor(/Take one small step downhill[\s\S]*Press Enter to continue/);
    t.keys('Enter');
    await t.waitFor(/true or false\?/);
    t.type('true');
    await t.waitFor(/2\/2 · true or false[\s\S]*true or false\?/);
    t.type('false');
    await t.waitFor(/Passed[\s\S]*Press Enter to continue/);
    t.keys('Enter');
    await t.waitFor(/Run one step of descent by hand[\s\S]*Not yet/);
    t.keys('Up', 'Enter'); // Done
    await t.waitFor(/Plot the loss after ten steps[\s\S]*Not yet/);
    t.keys('Enter'); // Not yet
    expect(await t.exitStatus()).toBe(0);
    const end = t.screen().replace(/\s+/g, ' ');
    expect(end).toContain('1 homework item left: the lesson is complete once each is done');
    expect(end).toContain('End of Lesson 7.8.1: 2 of 3 steps done, 1 left.');
    expect(end).toContain('Still open: Homework. Go back with: calc-ml start --step homework');
    expect(end).not.toMatch(/Lesson 7\.8\.1 complete/);
  });
});
