import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLessonFile } from '../../src/lesson/load.js';

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
    const path = lesson(`${'long line '.repeat(900)}\n\n- a\n  - b\n    - c\n\n1. one\n   2. two`);
    expect(readLessonFile(path)).toContain('    - c');
  });
});
