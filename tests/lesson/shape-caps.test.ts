import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLessonFile } from '../../src/lesson/load.js';
import { runCli } from '../helpers/cli.js';

// Issue 13, item 9: files under the size cap whose shape made the markdown reader hang.
function lesson(body: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'calc-ml-shape-')), 'Lesson-9.9.1-Shape.md');
  writeFileSync(path, `# Lesson 9.9.1: Shape\n\n${body}\n`);
  return path;
}

describe('lesson files: a line-length and nesting cap, named by file and line', () => {
  test('one 100 KB line is refused at its line', () => {
    const path = lesson('word '.repeat(20_000));
    expect(() => readLessonFile(path)).toThrow(`${path}:3: the line is 100,000 characters long; lesson lines are at most 10,000: break it into paragraphs`);
  });

  test('a 1,000-level list is refused where it passes the cap, quickly', () => {
    const path = lesson(Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- item').join('\n'));
    const started = Date.now();
    expect(() => readLessonFile(path)).toThrow(`${path}:36: a list nested more than 64 columns deep`);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('ordinary lines and lists a few levels deep are read', () => {
    const path = lesson(`${'long line '.repeat(190)}\n\n- a\n  - b\n    - c\n\n1. one\n   2. two`);
    expect(readLessonFile(path)).toContain('    - c');
  });
});

// Profiled: marked's inline pass is quadratic within a paragraph, cli-table3 superlinear in rows.
describe('lesson files: a paragraph and a table cap keep the cost linear in the file', () => {
  test('a paragraph of more than 2,000 characters over several lines is refused at its first line', () => {
    const path = lesson(`Intro.\n\n${Array.from({ length: 30 }, () => '_a'.repeat(40)).join('\n')}`);
    expect(() => readLessonFile(path)).toThrow(`${path}:5: a paragraph of more than 2,000 characters; lesson paragraphs are at most 2,000: break it with a blank line`);
  });

  test('blank lines, headings and list items each start a new paragraph; code in a fence is not counted', () => {
    const para = 'word '.repeat(380);
    const code = Array.from({ length: 400 }, (_, i) => `x${i} = ${i} * 2  # a line of code`).join('\n');
    const path = lesson(`${para}\n\n${para}\n## Next\n${para}\n- ${para}\n- ${para}\n\n\`\`\`python\n${code}\n\`\`\`\n`);
    expect(readLessonFile(path)).toContain('x399 = 399');
  });

  test('a table of 1,000 rows is read; one of 1,001 is refused at its first row', () => {
    const table = (rows: number) => `| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(rows)}`;
    expect(readLessonFile(lesson(table(999)))).toContain('| 1 | 2 |');
    const path = lesson(`Text.\n\n${table(1000)}`);
    expect(() => readLessonFile(path)).toThrow(`${path}:5: a table of more than 1,000 rows; lesson tables are at most 1,000: split it`);
  });

  test('links and emphasis left open in every paragraph are shown, not hung on (marked 15 took over 30 s)', () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => (i % 2 ? '[a](' : '*a ').repeat(450)).join('\n\n');
    const r = runCli(['show', lesson(`## Learning Objectives\n\n- Read\n\n## Core Ideas\n\n${paragraphs}`)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('[a](');
  }, 30_000);

  test('a wide table of 1,000 rows (header and 999) is shown without colour in time linear in its lines (wrap-ansi took over 20 s)', () => {
    const wide = 'w'.repeat(140);
    const table = `| ${wide} | ${wide} |\n|---|---|\n${'| 1 | 2 |\n'.repeat(999)}`;
    const r = runCli(['show', lesson(`## Learning Objectives\n\n- Read\n\n## Core Ideas\n\n${table}`)], { env: { COLUMNS: '80' } });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.includes('│ 1')).length).toBe(999);
  }, 30_000);
});
