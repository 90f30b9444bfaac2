import { jsonText } from '../terminal-text.js';
import { readLessonFile } from '../lesson/load.js';
import { parseLesson } from '../lesson/parse.js';
import { lessonDirs, resolveLessonRef } from '../lesson/catalog.js';
import { renderMarkdown } from '../io/markdown.js';
import { noteLessonFolders } from '../io/lesson-folders.js';
import { colorEnabled, terminalWidth } from '../io/color.js';
import { noteToStderr } from '../io/stderr.js';

export async function run(ref: string | undefined, opts: { json?: boolean; dir?: string[] }): Promise<void> {
  const path = resolveLessonRef(ref, lessonDirs(opts.dir), noteToStderr);
  noteLessonFolders();
  const text = readLessonFile(path);
  if (opts.json) {
    const lesson = parseLesson(text, { fileName: path });
    process.stdout.write(jsonText(lesson, 2) + '\n');
    return;
  }
  const width = Math.max(20, Math.min(terminalWidth(), 100));
  process.stdout.write(await renderMarkdown(text, width, colorEnabled()));
}
