import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Terminal, hasTmux, flatScreen, seen } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// Issue 11, Done when: the quiz score line of an unkeyed lesson, in a real terminal, on a real lesson
// of the course (no .key.yaml beside it): only the true/false items it marks are graded; the written
// and coding answers are kept for the learner to check, and the score says so, never "Everything right".
const LESSON = fileURLToPath(new URL('../../../shared/corpus/Lesson-1.2.37-Gradient-Descent-Basics.md', import.meta.url));
const maybe = hasTmux && existsSync(LESSON) && !existsSync(LESSON.replace(/\.md$/, '.key.yaml')) ? describe : describe.skip;
const flat = flatScreen;

maybe('an unkeyed course lesson in a real terminal', () => {
  const terms: Terminal[] = [];
  afterAll(() => terms.forEach((t) => t.close()));

  test.each([[80], [40]])('at %i columns: "4 of 4 graded right; 4 answers kept for you to check against the lesson"', async (width) => {
    const h = mkdtempSync(join(tmpdir(), 'calc-ml-corpus-quiz-'));
    const t = new Terminal(`quiz '${LESSON}'`, { NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_PYTHON: '0', CALC_ML_HOME: h }, width, 60);
    terms.push(t);
    await seen(t, /8 questions: 4 true\/false, 3 conceptual, 1 coding\.[\s\S]*4 of 8 cannot be graded here/);
    for (const [n, answer] of [[1, 'true'], [2, 'false'], [3, 'true'], [4, 'true']] as const) {
      await seen(t, new RegExp(`${n}/8 · true or false[\\s\\S]*true or false\\?`));
      t.type(answer);
    }
    // The written answers: kept, each judged by the learner (Up: yes; Enter alone: no).
    for (const [n, answer, right] of [[5, 'too large a rate overshoots the minimum', true], [6, 'try a few rates and watch the loss', false], [7, 'stop when the gradient is near zero', true]] as const) {
      await seen(t, new RegExp(`${n}/8 · in your own words[\\s\\S]*Your answer`));
      t.type(answer);
      await seen(t, new RegExp(`${n}/8[\\s\\S]*Kept, not graded[\\s\\S]*were you right\\?`, 'i'));
      if (right) t.keys('Up', 'Enter');
      else t.keys('Enter');
    }
    await seen(t, /8\/8 · coding challenge[\s\S]*Your code/);
    t.type('for i in range(20): x = x - 0.1 * 2 * x');
    await seen(t, /8\/8[\s\S]*\.\.\./);
    t.keys('Enter'); // the empty line ends the code
    await seen(t, /8\/8[\s\S]*were you right\?/i);
    t.keys('Enter'); // No
    expect(await t.exitStatus()).toBe(0);
    const end = flat(t);
    expect(end).toMatch(/Score: 4 of 4 graded right \(100%\); 4 answers kept for you to check against the lesson \(you judged 2 of 4 right\)\./);
    expect(end).toMatch(/Passed \(pass mark 70% of what is graded\)\./);
    expect(end).not.toMatch(/Everything right/);
    // What was judged wrong is to review, in the learner's own words.
    expect(end).toMatch(/To review:[\s\S]*How do you choose a learning rate\?[\s\S]*you judged it not right yet/);
    for (const l of t.screen(false, true).split('\n')) expect(l.length).toBeLessThanOrEqual(width);
  });
});
