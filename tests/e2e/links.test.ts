import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// Links in a lesson's text, in a real terminal: each is its text and then its address, never the
// markdown `[text](url)` (a tight list's items printed it so), a code span keeps its backticks
// without colour, and an address too long for the row is cut after a `/` or before a `.` or `#`,
// never inside a word ("descen|t.html"): at 80 and 40 columns, with and without colour.
const lesson = fileURLToPath(new URL('./fixtures/Lesson-4.3.3-Reading-Links.md', import.meta.url));
const maybe = hasTmux ? describe : describe.skip;
const ESC = /\u001b\[[0-9;]*m/g;
/** The screen without its spaces and line ends: text wrapped over rows (an address cut in two) reads as one. */
const squeezed = (s: string) => s.replace(/\s+/g, '');

/** The address as a pattern that lets a row end only where a reader expects an address to break. */
function cutOnlyWhereReadable(address: string): RegExp {
  let re = '';
  for (let i = 0; i < address.length; i++) {
    const ok = i > 0 && ((address[i - 1] === '/' && address[i] !== '/') || '.-#?&=_'.includes(address[i]));
    re += (ok ? '(?:\\n *)?' : '') + address[i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(re);
}

maybe('links in lesson text', () => {
  const terms: Terminal[] = [];
  afterAll(() => terms.forEach((t) => t.close()));

  test.each([
    [80, 'no colour', { NO_COLOR: '1' }],
    [40, 'no colour', { NO_COLOR: '1' }],
    [80, 'colour', { FORCE_COLOR: '1' }],
    [40, 'colour', { FORCE_COLOR: '1' }],
  ])('at %i columns, %s', async (width, _how, colour) => {
    const t = new Terminal(`start '${lesson}'`, { ...colour, CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-links-')) }, width, 60);
    terms.push(t);
    await t.waitFor(/Press Enter to begin/);
    t.keys('Enter');
    await t.waitFor(/step 1 of 4[\s\S]*Press Enter to continue/);
    t.keys('Enter');
    await t.waitFor(/step 2 of 4[\s\S]*Press Enter to continue/);
    t.keys('Enter');
    await t.waitFor(/step 3 of 4[\s\S]*Press Enter to continue/);
    const screen = t.screen();
    expect(screen).not.toMatch(/\]\(http/);
    const text = squeezed(screen);
    const has = (want: string) => expect(text).toContain(squeezed(want));
    // The objective (the lesson model's text), the introduction's paragraph, the resources' list.
    has('Follow the step-size notes (https://notes.example/step-size) to their source');
    has('Descent is explained in the descent chapter (https://book.example/ch4/descent.html#intro)');
    has(`The ${('NO_COLOR' in colour) ? '`lr`' : 'lr'} parameter explained (https://docs.example.org/optimizers/learning-rate-schedules-and-warmup.html#the-lr-parameter)`);
    has('Gradient checks (https://gradcheck.example/guide)');
    has('https://www.plain-address.example');
    expect(text).not.toContain(squeezed('https://www.plain-address.example ('));
    // An address too long for its row is cut only after a '/' or before a '.', '-' or '#'.
    for (const address of ['https://docs.example.org/optimizers/learning-rate-schedules-and-warmup.html#the-lr-parameter', 'https://book.example/ch4/descent.html#intro']) {
      expect(screen).toMatch(cutOnlyWhereReadable(address));
    }
    if (width === 40) expect(screen).not.toContain('https://docs.example.org/optimizers/learning-rate-schedules-and-warmup.html');
    if (!('NO_COLOR' in colour)) {
      // In colour the address is underlined, its text in the link colour; the text is the same.
      const escapes = t.screen(true);
      expect(escapes).toMatch(/\u001b\[4m(\u001b\[[0-9;]*m)*https:\/\/gradcheck\.example/);
      expect(escapes.replace(ESC, '')).not.toMatch(/\]\(http/);
    }
  });
});
