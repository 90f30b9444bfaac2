import { jsonText } from '../terminal-text.js';
import { lessonDirs, listLessons } from '../lesson/catalog.js';
import { formatLessonTable } from '../lesson/listing.js';
import { terminalWidth } from '../io/color.js';

export async function run(opts: { json?: boolean; dir?: string[] }): Promise<void> {
  const { entries, skipped } = listLessons(lessonDirs(opts.dir));
  if (opts.json) {
    process.stdout.write(jsonText({ lessons: entries, skipped }, 2) + '\n');
    return;
  }
  process.stdout.write(formatLessonTable(entries, terminalWidth()) + '\n');
  if (skipped.length) {
    process.stderr.write(`(${skipped.length} .md file${skipped.length > 1 ? 's' : ''} skipped, not lessons: ${skipped.slice(0, 3).map((s) => `${s.path} (${s.reason})`).join('; ')}${skipped.length > 3 ? '; …' : ''})\n`);
  }
}
