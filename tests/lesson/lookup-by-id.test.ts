import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pickById } from '../../src/lesson/catalog.js';
import { BIN } from '../helpers/cli.js';

// The course has a lesson whose title carries its neighbour's id (a typo): Lesson-1.1.51-….md
// opens with "# Lesson 1.1.50", while its file name and its previous/next links say 1.1.51. Its id is
// the file name's (1.1.51); the title's still finds it where no lesson has that id.
const e = (id: string, titleId: string | null, title: string, path: string) => ({ id, titleId, title, path });
const A = e('1.1.50', '1.1.50', 'Loops', '/c/Lesson-1.1.50-Loops.md');
const B = e('1.1.51', '1.1.50', 'Functions', '/c/Lesson-1.1.51-Functions.md');
const C = e('1.1.52', '1.1.52', 'Classes', '/c/Lesson-1.1.52-Classes.md');
const D = e('1.2.3', null, 'No Id In Title', '/c/Lesson-1.2.3-Untitled.md');

test.each([
  ['the lesson whose id is asked for, over one whose title says it', [B, A, C], '1.1.50', A, 1],
  ['a title with a typo: its own id, from the file name', [A, B, C], '1.1.51', B, 0],
  ['the id a title says, when no lesson has it as its id', [B, C], '1.1.50', B, 0],
  ['a title without an id: by its file name', [D, C], '1.2.3', D, 0],
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
  expect(JSON.parse(typo.stdout)).toMatchObject({ id: '1.1.51', titleId: '1.1.50', title: 'Functions' });
  const both = show('1.1.50');
  expect(both.status).toBe(0);
  expect(JSON.parse(both.stdout).title).toBe('Loops');
  expect(both.stderr).toMatch(/Lesson-1\.1\.51-Functions\.md also answers to 1\.1\.50/);
});

test('show by the id a title says opens that lesson when only its title claims the id', () => {
  const d = mkdtempSync(join(tmpdir(), 'calc-ml-ids-'));
  writeFileSync(join(d, 'Lesson-1.1.51-Functions.md'), '# Lesson 1.1.50: Functions\n\n## Learning Objectives\n- define a function\n');
  const r = spawnSync('node', [BIN, 'show', '1.1.50', '--json', '--dir', d], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ id: '1.1.51', titleId: '1.1.50', title: 'Functions' });
  expect(r.stderr).toBe('');
});
