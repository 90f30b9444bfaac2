import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { jest } from '@jest/globals';

jest.setTimeout(60000);

// A reading step's code in a terminal of 40 columns: a line too wide for the page goes on in rows
// marked ↪, hung under its own indentation, so every line of the lesson's code can be read whole
// (it was cut into pieces at the margin, its indentation lost). At 80 columns nothing is marked.
const lesson = fileURLToPath(new URL('./fixtures/Lesson-4.3.2-Reading-Code.md', import.meta.url));
const code = /```python\n([\s\S]*?)```/.exec(readFileSync(lesson, 'utf8'))![1].split('\n').filter(Boolean);
const maybe = hasTmux ? describe : describe.skip;

maybe('code in a reading step at narrow widths', () => {
  const terms: Terminal[] = [];
  afterAll(() => terms.forEach((t) => t.close()));

  test.each([[40], [80]])('at %i columns every line of the code reads whole, continued rows marked and indented', async (width) => {
    const t = new Terminal(`start '${lesson}'`, { NO_COLOR: '1', CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-code-')) }, width, 40);
    terms.push(t);
    await t.waitFor(/Press Enter to begin/);
    t.keys('Enter');
    await t.waitFor(/Read a finite-difference helper[\s\S]*Press Enter to continue/);
    t.keys('Enter');
    const screen = await t.waitFor(/A Helper Function[\s\S]*print\([\s\S]*Press Enter to continue/);
    const rows = screen.replace(/\n+$/, '').split('\n');
    expect(rows.filter((r) => r.length > width)).toEqual([]);
    // Each ↪ row joined back onto the row above (the break was at a space) gives the lesson's line.
    const lines: string[] = [];
    for (const row of rows) {
      const m = /^ +↪ (.*)$/.exec(row);
      if (m && !/goes on with the line above/.test(row)) lines[lines.length - 1] += ' ' + m[1];
      else lines.push(row);
    }
    for (const line of code) expect(lines).toContain(`  ${line}`);
    if (width === 40) {
      // Hung two columns in from the line's own indentation: the block's nesting stays visible.
      expect(screen).toMatch(/^ {2}def finite_difference\(f, x: float,\n {4}↪ h: float = 1e-5\) -> float:$/m);
      expect(screen).toMatch(/^ {6}return .*\n {8}↪ /m);
      expect(screen).toMatch(/↪ goes on with the line above: the\s+page is narrower than the code/);
    } else {
      expect(screen).not.toContain('↪');
    }
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
  });

  // The plan and a reading step's title keep a section's minutes on one row with the title's last
  // word ("Wrap-up: Why This All" / "Matters · ~1 min"): "~1" ended a row and "min" began the next.
  test.each([[40, ''], [40, ' --ascii'], [80, '']])('at %i columns%s the minutes stay on one row with the end of their title', async (width, flags) => {
    const t = new Terminal(`start '${lesson}'${flags}`, { NO_COLOR: '1', CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-code-')) }, width, 40);
    terms.push(t);
    const dot = flags ? '\\|' : '·';
    const plan = await t.waitFor(/Press Enter to begin/);
    expect(plan).not.toMatch(/~?\d+\s*$\n\s*(min|h)\b/m);
    expect(plan).toMatch(width === 40 ? new RegExp(`^ {4}Wrap-up: Why This All\n {4}Matters ${dot} ~1 min$`, 'm') : new RegExp(`^ {4}Wrap-up: Why This All Matters ${dot} ~1 min$`, 'm'));
    expect(plan).toMatch(new RegExp(`^ {4}1\\. A Helper Function ${dot} 5 min$`, 'm'));
    // What reaches the terminal is a plain space (the no-break space only holds the words while wrapping).
    expect(t.screen()).not.toContain('\u00a0');
    if (flags) expect(t.screen()).toMatch(/^[\x00-\x7f]*$/);
    t.keys('C-c');
    expect(await t.exitStatus()).toBe(130);
  });
});
