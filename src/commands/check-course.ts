import { count } from '../math/format.js';
import { relative } from 'node:path';
import { statSync } from 'node:fs';
import { jsonText } from '../terminal-text.js';
import { findLessonFiles, idProblems } from '../lesson/catalog.js';
import { readLessonFile } from '../lesson/load.js';
import { readLesson } from '../lesson/parse.js';
import { unplaced, type Unplaced } from '../lesson/unplaced.js';
import { UserError } from '../errors.js';

interface CourseFile {
  file: string;
  id: string;
  key: string;
  /** Lines that look like an exercise or a quiz item and were not read into the lesson. */
  unplaced: Unplaced[];
  /** Items read as template placeholders (no answers to check against). */
  placeholders: number;
  /** When the file could not be read at all. */
  error?: string;
}

/** `check --course DIR`: every lesson under DIR, what could not be placed, and ids that collide. */
export async function run(dir: string, files: string[], opts: { json?: boolean }): Promise<void> {
  if (files.length) throw new UserError('give either lesson files or --course DIR, not both');
  // Said here, with the option the learner typed (the catalog's own message names --dir).
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st) throw new UserError(`${dir}: no such folder; --course takes a folder of lesson .md files`);
  if (!st.isDirectory()) throw new UserError(`${dir} is not a folder; --course takes a folder of lesson .md files (to check one file: calc-ml check ${dir})`);
  const skipped: { path: string; reason: string }[] = [];
  const paths = findLessonFiles(dir, skipped).sort();
  const name = (p: string) => relative(dir, p) || p;
  const reports: CourseFile[] = [];
  const seen: { id: string; titleId: string | null; title: string; path: string }[] = [];
  for (const path of paths) {
    try {
      const reading = readLesson(readLessonFile(path), { fileName: path });
      const l = reading.lesson;
      const q = l.quiz;
      const placeholders = [...q.trueFalse, ...q.conceptual, ...q.coding, ...q.multipleChoice].filter((i) => i.placeholder).length;
      reports.push({ file: name(path), id: l.id, key: l.key, unplaced: unplaced(reading), placeholders });
      if (l.id) seen.push({ id: l.id, titleId: l.titleId, title: l.title, path: name(path) });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      reports.push({ file: name(path), id: '', key: '', unplaced: [], placeholders: 0, error: e.message.replace(`${path}: `, '').replace(`${path} `, '') });
    }
  }
  const ids = idProblems(seen);
  const left = reports.reduce((n, r) => n + r.unplaced.length, 0);
  const withLeft = reports.filter((r) => r.unplaced.length).length;
  const errors = reports.filter((r) => r.error).length;
  if (opts.json) {
    process.stdout.write(jsonText({ lessons: reports, ids, skipped, totals: { lessons: reports.length, unplaced: left, lessonsWithUnplaced: withLeft, unreadable: errors } }, 2) + '\n');
  } else {
    for (const r of reports) {
      if (r.error) process.stdout.write(`${r.file}: error: ${r.error}\n`);
      for (const u of r.unplaced) process.stdout.write(`${r.file}:${u.line}: not read: looks like ${u.looks}: ${u.text}\n`);
      if (r.placeholders) process.stdout.write(`${r.file}: note: ${r.placeholders} quiz item${r.placeholders === 1 ? ' is a' : 's are'} template placeholder${r.placeholders === 1 ? '' : 's'} with nothing to check against; the quiz runs ${r.placeholders === 1 ? 'it' : 'them'} as self-check\n`);
    }
    for (const p of ids) process.stdout.write(`${p.path}: warning: ${p.message}\n`);
    const whole = reports.length - withLeft - errors;
    // "0 lines not read in 0" says nothing: a course read whole says that, in words.
    const read = !withLeft && !errors ? `${reports.length > 1 ? 'all ' : ''}read with nothing left over` : `${whole} read with nothing left over${withLeft ? `, ${count(left, 'line')} not read in ${count(withLeft, 'lesson')}` : ''}`;
    process.stdout.write(`${count(reports.length, 'lesson')}: ${read}` +
      (errors ? `, ${errors} unreadable` : '') + (ids.length ? `; ${ids.length} id problem${ids.length === 1 ? '' : 's'}` : '') + '\n');
  }
  if (left || errors) process.exitCode = 1;
}
