import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

// `lessons` with progress, at 80 and 40 columns: long titles wrap whole (never cut to "MILESTONE TE…"),
// and each lesson's status, best score and last-studied date stay whole and in their column.
const dir = mkdtempSync(join(tmpdir(), 'calc-ml-table-'));
const lesson = (id: string, title: string, difficulty: string) => `# Lesson ${id}: ${title}

**Estimated Time**: 8 hours | **Difficulty**: ${difficulty}

## Quiz & Assessment

### Quick Check (True/False)
1. A gradient points uphill. (True)
2. A learning rate must be negative. (False)
`;
const LONG = 'MILESTONE TEST - Calculus and Optimization for Machine Learning';
writeFileSync(join(dir, 'Lesson-9.1.1-Milestone.md'), lesson('9.1.1', LONG, 'Beginner-Intermediate'));
writeFileSync(join(dir, 'Lesson-9.1.2-Limits.md'), lesson('9.1.2', 'Functions, Limits, Continuity', 'Beginner'));
writeFileSync(join(dir, 'Lesson-9.1.3-Short.md'), lesson('9.1.3', 'Chain Rule', 'Intermediate'));
const home = mkdtempSync(join(tmpdir(), 'calc-ml-table-home-'));
const env = { CALC_ML_HOME: home, CALC_ML_NOW: '2026-02-03T09:00:00Z' };
runCli(['quiz', join(dir, 'Lesson-9.1.1-Milestone.md')], { input: 'true\nfalse\n', env });
runCli(['quiz', join(dir, 'Lesson-9.1.2-Limits.md')], { input: 'true\n', env });

const table = (cols: number) => runCli(['lessons', '--dir', dir], { env: { ...env, COLUMNS: String(cols) } }).stdout.replace(/\n$/, '');
/** The text of a lesson's rows: from its id to the next id. */
const rowsOf = (text: string, id: string) => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(id));
  let end = start + 1;
  while (end < lines.length && /^\s/.test(lines[end])) end++;
  return lines.slice(start, end);
};

describe('lessons at 80 and 40 columns, with progress', () => {
  test.each([80, 40])('%i columns: no line too long, titles whole, nothing cut', (cols) => {
    const text = table(cols);
    expect(text.split('\n').filter((l) => l.length > cols)).toEqual([]);
    expect(text).not.toContain('…');
    const words = (id: string) => rowsOf(text, id).join(' ').replace(/\s+/g, ' ');
    expect(words('9.1.1')).toContain('MILESTONE TEST - Calculus and');
    for (const w of LONG.split(' ')) expect(words('9.1.1')).toContain(w);
    expect(words('9.1.1')).toMatch(/complete|in progress/);
    expect(words('9.1.1')).toContain('best 2/2');
    expect(words('9.1.1')).toContain('2026-02-03');
    expect(words('9.1.2')).toContain('Functions, Limits, Continuity');
    expect(words('9.1.3')).toMatch(/Chain Rule.*new/);
  });

  test('80 columns: a title wide enough to read, the standing in one column', () => {
    const text = table(80);
    const header = text.split('\n')[0];
    const at = header.indexOf('progress');
    expect(at).toBeGreaterThan(0);
    // Every lesson's standing starts under the header's "progress", whole words.
    for (const id of ['9.1.1', '9.1.2', '9.1.3']) expect(rowsOf(text, id)[0].slice(at)).toMatch(/^(new|in progress|complete)\b/);
    // The title column is at least 28 wide: "Functions, Limits, Continuity" fits on one line.
    expect(rowsOf(text, '9.1.2')[0]).toContain('Functions, Limits, Continuity');
  });
});
