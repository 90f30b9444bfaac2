import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLessonFile, shapeProblem } from '../../src/lesson/load.js';
import { CORPUS } from '../helpers/cli.js';

// Files under the 1 MiB cap that cost far more than their size to parse (issue 13, item 9): refused
// with their line, before marked sees them, and quickly.
const title = '# Lesson 9.9.9: T\n\n';
test.each([
  ['one 100 KB line', title + 'a'.repeat(100_000) + '\n', 3, /the line is 100,000 characters long; lesson lines are at most 10,000/],
  ['a 1 MB title', '# Lesson 9.9.9: ' + 'a'.repeat(900_000) + '\n', 1, /the line is 900,016 characters long/],
  ['800 KB of "- - - …"', title + '- '.repeat(400_000) + '\n', 3, /the line is 800,000 characters long/],
  ['"- " nested 40 deep on a short line', title + '- '.repeat(40) + 'x\n', 3, /lists or quotes nested more than 16 deep/],
  ['a list 1,000 levels deep by indentation', title + Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- item').join('\n'), 36, /a list nested more than 64 columns deep/],
  ['quotes 30 deep', title + '> '.repeat(30) + 'x\n', 3, /lists or quotes nested more than 16 deep/],
])('%s: refused at its line', (_name, text, line, message) => {
  const dir = mkdtempSync(join(tmpdir(), 'calc-ml-shape-'));
  const file = join(dir, 'Lesson-9.9.9-x.md');
  writeFileSync(file, text);
  const t0 = Date.now();
  expect(() => readLessonFile(file)).toThrow(new RegExp(`${file.replace(/[.]/g, '\\.')}:${line}: ${message.source}`));
  expect(Date.now() - t0).toBeLessThan(500);
});

test('the bundled lesson and the real course files are within the caps', () => {
  const files = [
    ...readdirSync(new URL('../../lessons', import.meta.url).pathname).filter((f) => f.endsWith('.md')).map((f) => join(new URL('../../lessons', import.meta.url).pathname, f)),
    ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.startsWith('Lesson')).map((f) => join(CORPUS, f)) : []),
  ];
  for (const f of files) expect([f, shapeProblem(readFileSync(f, 'utf8'))]).toEqual([f, null]);
});
