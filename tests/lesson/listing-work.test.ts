import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listLessons } from '../../src/lesson/catalog.js';
import { BIN } from '../helpers/cli.js';

// What a listing of a course does per lesson, and what it loads: the listing of 1,268 lessons is held
// to 2× the time of merely reading them (npm run bench), so it reads each head's part before its first
// section only, and loads no module it does not use.

function folder(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'calc-ml-listing-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), text);
  }
  return d;
}

test('lessons --json loads neither child_process nor dgram (commander requires it for subcommands calc-ml has none of)', () => {
  const d = folder({ 'Lesson-1.1.1.md': '# Lesson 1.1.1: One\n\n## Learning Objectives\n- one\n' });
  const preload = join(d, 'modules.cjs');
  const list = join(d, 'modules.txt');
  writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);
  // stdout to a file, as the bench has it (stderr, a pipe here, loads net for itself).
  const out = openSync(join(d, 'out.json'), 'w');
  const r = spawnSync(process.execPath, ['-r', preload, BIN, 'lessons', '--json', '--dir', d], {
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, CALC_ML_LESSONS: '', CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-home-')) },
  });
  closeSync(out);
  expect(r.status).toBe(0);
  expect(JSON.parse(readFileSync(join(d, 'out.json'), 'utf8')).lessons.map((l: { id: string }) => l.id)).toContain('1.1.1');
  const loaded = readFileSync(list, 'utf8').split('\n');
  expect(loaded.filter((m) => /^NativeModule (child_process|dgram)$/.test(m))).toEqual([]);
});

test.each([
  ['a section line inside a fence before the title', '```\n## not a section\n```\n# Lesson 4.4.4: Fenced\n\n**Difficulty**: Easy\n\n## Objectives\n', { id: '4.4.4', title: 'Fenced', difficulty: 'Easy' }],
  ['a section line before the title', '## Preface\n\n# Lesson 4.4.5: Late Title\n**Estimated Time**: 2 hours\n## Objectives\n', { id: '4.4.5', title: 'Late Title', estimatedTime: '2 hours' }],
  ['a byte-order mark and CRLF lines', '\ufeff# Lesson 4.4.6: Marked\r\n\r\n**Difficulty**: Hard\r\n\r\n## Objectives\r\n', { id: '4.4.6', title: 'Marked', difficulty: 'Hard' }],
  ['the meta line after a third-level heading', '# Lesson 4.4.7: Deep\n### Note\n**Difficulty**: Medium\n## Objectives\n', { id: '4.4.7', title: 'Deep', difficulty: 'Medium' }],
])('the head is read past a cut that does not end it: %s', (_, text, want) => {
  const d = folder({ [`Lesson-${want.id}.md`]: text });
  const e = listLessons([d]).entries.find((x) => x.path.startsWith(d));
  expect(e).toMatchObject(want);
});

test('lessons sort by id part by part (3.9 before 3.10, 1.2 before 1.2.0), the bundled copy of an id first', () => {
  const one = (id: string) => `# Lesson ${id}: Title ${id}\n\n## Objectives\n`;
  const d = folder({
    'a/Lesson-3.10.1.md': one('3.10.1'),
    'b/Lesson-3.9.1.md': one('3.9.1'),
    'Lesson-1.2.0.md': one('1.2.0'),
    'Lesson-1.2.md': one('1.2'),
    'Lesson-10.1.md': one('10.1'),
    'copy/Lesson-1.2.26.md': readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.md', import.meta.url), 'utf8'),
  });
  const { entries } = listLessons([d]);
  expect(entries.map((e) => `${e.id}${e.bundled ? ' (bundled)' : ''}`)).toEqual(['1.2', '1.2.0', '1.2.26 (bundled)', '1.2.26', '3.9.1', '3.10.1', '10.1']);
});
