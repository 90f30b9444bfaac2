import { jsonText } from '../terminal-text.js';
import { idProblems, lessonDirs, listLessons } from '../lesson/catalog.js';
import { terminalWidth } from '../io/color.js';
import { noteToStderr } from '../io/stderr.js';

export async function run(opts: { json?: boolean; dir?: string[] }): Promise<void> {
  const { entries, skipped } = listLessons(lessonDirs(opts.dir));
  const warnings = idProblems(entries);
  if (opts.json) {
    process.stdout.write(jsonText({ lessons: entries, skipped, warnings }, 2) + '\n');
    return;
  }
  // The table's width measures (string-width) load only for the table, not for --json.
  const { formatLessonTable } = await import('../lesson/listing.js');
  process.stdout.write(formatLessonTable(entries, terminalWidth()) + '\n');
  for (const w of warnings) noteToStderr(`Note: ${w.path}: ${w.message}.`);
  const folders = skipped.filter((s) => /^cannot read this folder/.test(s.reason));
  for (const f of folders) noteToStderr(`Note: ${f.path}: ${f.reason}.`);
  const files = skipped.filter((s) => !folders.includes(s));
  if (files.length) {
    process.stderr.write(`(${files.length} .md file${files.length > 1 ? 's' : ''} skipped, not lessons: ${files.slice(0, 3).map((s) => `${s.path} (${s.reason})`).join('; ')}${files.length > 3 ? '; …' : ''})\n`);
  }
}
