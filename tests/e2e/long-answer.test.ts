import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(120000);

// Issue 13, item 11 at a terminal: an answer pasted past the 10,000-character cap is asked again
// with one clear line, the prompt stays one row while it is typed, and a short answer then counts.
const maybe = hasTmux ? describe : describe.skip;

maybe('a pasted answer over 10,000 characters in a terminal', () => {
  const terms: Terminal[] = [];
  afterAll(() => terms.forEach((t) => t.close()));

  test('is refused with the cap, shown by its end on one row, and a shorter answer is then graded', async () => {
    const h = mkdtempSync(join(tmpdir(), 'calc-ml-long-'));
    const t = new Terminal('grade quiz.6', { NO_COLOR: '1', CALC_ML_HOME: h }, 80, 30);
    terms.push(t);
    await t.waitFor(/Your answer/);
    t.paste('b'.repeat(10_001));
    // Shown by its end after "…", on the prompt's own row: never wrapped over the screen.
    const typing = await t.waitFor(/Your answer[^\n]*: …b{20,}\s*$/, 90_000);
    expect(typing.split('\n').filter((l) => /^b+$/.test(l.trim()))).toEqual([]);
    t.keys('Enter');
    await t.waitFor(/This answer is 10,001 characters long; an answer may have at most 10,000\.\s*Shorten it and press Enter\./, 90_000);
    t.keys('C-u');
    t.type('a loss function measures how wrong the model is');
    const done = await t.waitFor(/Correct|Partly|Not yet|Incorrect/, 30_000);
    expect(done).toMatch(/loss function measures how wrong/);
    expect(await t.exitStatus()).toBe(0);
    const file = join(h, 'progress.json');
    if (existsSync(file)) expect(readFileSync(file, 'utf8')).not.toContain('b'.repeat(100));
  });
});
