import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(90000);

// `start` again on a lesson whose steps were all walked but whose homework was left "Not yet":
// it says what is left and offers the homework first (it offered only review, restart and
// "Nothing for now", under "You finished this lesson"), and ticking the last item completes it.
const lesson = fileURLToPath(new URL('../fixtures/homework-course/Lesson-7.8.1-Homework-Left.md', import.meta.url));
const maybe = hasTmux ? describe : describe.skip;

maybe('start on a lesson with homework left', () => {
  const terms: Terminal[] = [];
  afterAll(() => terms.forEach((t) => t.close()));

  test.each([[80], [40]])('reopens the homework at %i columns', async (width) => {
    const env = { NO_COLOR: '1', CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-hw2-')) };
    const first = new Terminal(`start '${lesson}'`, env, width, 40);
    terms.push(first);
    await first.waitFor(/Press Enter to begin/);
    first.keys('Enter');
    await first.waitFor(/Take one small step downhill[\s\S]*Press Enter to continue/);
    first.keys('Enter');
    await first.waitFor(/true or false\?/);
    first.type('true');
    await first.waitFor(/2\/2 · true or false[\s\S]*true or false\?/);
    first.type('false');
    await first.waitFor(/Passed[\s\S]*Press Enter to continue/);
    first.keys('Enter');
    await first.waitFor(/Run one step of descent by hand[\s\S]*Not yet/);
    first.keys('Up', 'Enter'); // Done
    await first.waitFor(/Plot the loss after ten steps[\s\S]*Not yet/);
    first.keys('Enter'); // Not yet
    expect(await first.exitStatus()).toBe(0);

    const again = new Terminal(`start '${lesson}'`, env, width, 40);
    terms.push(again);
    const offer = (await again.waitFor(/Go back to: Homework[\s\S]*navigate/)).replace(/\s+/g, ' ');
    expect(offer).toContain('You reached the end of this lesson; still open: Homework (1 of 2 items left).');
    expect(offer).not.toContain('You finished this lesson');
    again.keys('Enter');
    await again.waitFor(/\[x\] Run one step of descent by hand[\s\S]*Not yet/);
    again.keys('Enter'); // stays Done
    await again.waitFor(/\[ \] Plot the loss after ten steps[\s\S]*Not yet/);
    again.keys('Up', 'Enter'); // Done
    expect(await again.exitStatus()).toBe(0);
    const end = again.screen().replace(/\s+/g, ' ');
    expect(end).toContain('All homework done.');
    expect(end).toContain('Lesson 7.8.1 complete.');
  });
});
