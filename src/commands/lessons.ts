import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jsonText } from '../terminal-text.js';
import { idProblems, lessonDirs, listLessons } from '../lesson/catalog.js';
import { terminalWidth } from '../io/color-mode.js';
import { noteToStderr } from '../io/stderr.js';
import { requireLessonFolders } from '../io/lesson-folders.js';
import { progressHome } from '../io/home.js';
import type { Standing } from '../io/standing.js';

export async function run(opts: { json?: boolean; dir?: string[] }): Promise<void> {
  // A listing without the course CALC_ML_LESSONS names would look like a course without those lessons.
  requireLessonFolders();
  const { entries, skipped } = listLessons(lessonDirs(opts.dir));
  const warnings = idProblems(entries);
  let standing = new Map<string, Standing>();
  // Progress is read (and its modules loaded) only when there is a progress file: listing a course stays a listing.
  if (existsSync(join(progressHome(), 'progress.json'))) {
    try {
      standing = await (await import('../io/standing.js')).standings(entries, opts.dir);
    } catch (e) {
      // Progress that cannot be read does not stop the listing: it is listed without it, and said why.
      noteToStderr(`Note: progress not shown: ${(e as Error).message}`);
    }
  }
  const of = (path: string): Standing => standing.get(path) ?? { status: 'new', best: null, lastStudied: null };
  if (opts.json) {
    process.stdout.write(jsonText({ lessons: entries.map((e) => ({ ...e, ...of(e.path) })), skipped, warnings }, 2) + '\n');
    return;
  }
  // The table's width measures (string-width) load only for the table, not for --json.
  const { formatLessonTable } = await import('../io/lesson-table.js');
  const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  const text = (s: Standing) => [s.status, s.best ? `best ${points(s.best.score)}/${s.best.total}` : '', s.lastStudied ? s.lastStudied.slice(0, 10) : ''].filter(Boolean).join(' · ');
  // The progress column only once something was studied: a new learner's table stays as wide for titles.
  const column = standing.size ? new Map(entries.map((e) => [e.path, text(of(e.path))])) : undefined;
  process.stdout.write(formatLessonTable(entries, terminalWidth(), column) + '\n');
  for (const w of warnings) noteToStderr(`Note: ${w.path}: ${w.message}.`);
  const folders = skipped.filter((s) => /^cannot read this folder/.test(s.reason));
  for (const f of folders) noteToStderr(`Note: ${f.path}: ${f.reason}.`);
  const files = skipped.filter((s) => !folders.includes(s));
  if (files.length) {
    process.stderr.write(`(${files.length} .md file${files.length > 1 ? 's' : ''} skipped, not lessons: ${files.slice(0, 3).map((s) => `${s.path} (${s.reason})`).join('; ')}${files.length > 3 ? '; …' : ''})\n`);
  }
}
