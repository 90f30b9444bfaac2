import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pickById } from '../../src/lesson/catalog.js';
import { BIN } from '../helpers/cli.js';

// The course has a lesson whose title carries its neighbour's id (a typo): Lesson-1.1.51-….md
// opens with "# Lesson 1.1.50", while its file name and its previous/next links say 1.1.51.
const e = (id: string, title: string, path: string) => ({ id, title, path });
const A = e('1.1.50', 'Loops', '/c/Lesson-1.1.50-Loops.md');
const B = e('1.1.50', 'Functions', '/c/Lesson-1.1.51-Functions.md');
const C = e('1.1.52', 'Classes', '/c/Lesson-1.1.52-Classes.md');

test.each([
  ['the lesson whose title and file name both say the id', [B, A, C], '1.1.50', A, 1],
  ['a title with a typo is still found by its file name', [A, B, C], '1.1.51', B, 0],
  ['one lesson, no note', [A, C], '1.1.52', C, 0],
  ['the same lesson twice (bundled and a copy) is one', [A, { ...A }], '1.1.50', A, 0],
  ['no lesson', [A, C], '9.9.9', undefined, 0],
])('%s', (_what, entries, ref, want, notes) => {
  const lines: string[] = [];
  expect(pickById(entries, ref, (l) => lines.push(l))).toEqual(want);
  expect(lines).toHaveLength(notes);
});

test('show by id opens the typo lesson by its file name, and names the other lesson that answers to an id', () => {
  const d = mkdtempSync(join(tmpdir(), 'calc-ml-ids-'));
  writeFileSync(join(d, 'Lesson-1.1.50-Loops.md'), '# Lesson 1.1.50: Loops\n\n## Learning Objectives\n- loop\n');
  writeFileSync(join(d, 'Lesson-1.1.51-Functions.md'), '# Lesson 1.1.50: Functions\n\n## Learning Objectives\n- define a function\n');
  const show = (ref: string) => spawnSync('node', [BIN, 'show', ref, '--json', '--dir', d], { encoding: 'utf8' });
  const typo = show('1.1.51');
  expect(typo.status).toBe(0);
  expect(JSON.parse(typo.stdout).title).toBe('Functions');
  const both = show('1.1.50');
  expect(both.status).toBe(0);
  expect(JSON.parse(both.stdout).title).toBe('Loops');
  expect(both.stderr).toMatch(/Lesson-1\.1\.51-Functions\.md also answers to 1\.1\.50/);
});
