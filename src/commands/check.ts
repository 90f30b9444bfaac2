import { jsonText } from '../terminal-text.js';
import { readKeyBeside, readLessonFile } from '../lesson/load.js';
import { readLesson } from '../lesson/parse.js';
import { checkKey, checkLesson, type Problem } from '../lesson/check.js';
import { unplaced } from '../lesson/unplaced.js';
import { UserError } from '../errors.js';

interface FileReport {
  file: string;
  problems: Problem[];
}

function failed(file: string, e: unknown): FileReport {
  if (!(e instanceof UserError)) throw e;
  // The reason already names the file; keep it as one error of this file.
  // The reader's advice on what else to give (an id, nothing) is for the commands that open lessons;
  // check takes files.
  const message = e.message.replace(`${file}: `, '').replace(file + ' ', '').replace(/^no such file; give .*$/, 'no such file; check the path');
  return { file, problems: [{ line: 0, severity: 'error' as const, message }] };
}

/** A lesson file, and its answer key when one sits beside it (`x.md` + `x.key.yaml`). */
function checkFile(file: string): FileReport[] {
  // Given a key, check it against the lesson it belongs to.
  const lessonFile = /\.key\.ya?ml$/i.test(file) ? file.replace(/\.key\.ya?ml$/i, '.md') : file;
  const keyOnly = lessonFile !== file;
  let lesson;
  let left;
  try {
    const reading = readLesson(readLessonFile(lessonFile), { fileName: lessonFile });
    lesson = reading.lesson;
    left = unplaced(reading);
  } catch (e) {
    if (keyOnly) return [{ file, problems: [{ line: 0, severity: 'error', message: `no readable lesson beside this key (${failed(lessonFile, e).problems[0].message})` }] }];
    return [failed(file, e)];
  }
  const problems = [...checkLesson(lesson), ...left.map(notPlaced)].sort((a, b) => a.line - b.line || (a.severity === 'error' ? -1 : 1));
  const reports: FileReport[] = keyOnly ? [] : [{ file, problems }];
  try {
    const key = readKeyBeside(lessonFile);
    if (key) reports.push({ file: key.path, problems: checkKey(lesson, key.text) });
  } catch (e) {
    reports.push(failed(lessonFile.replace(/\.(md|markdown)$/i, '') + '.key.yaml', e));
  }
  return reports;
}

/** A line that looks like an item but was not read, as a problem of its file. */
export function notPlaced(u: { line: number; looks: string; text: string }): Problem {
  return { line: u.line, severity: 'warning', message: `looks like ${u.looks} but was not read: "${u.text}"` };
}

export async function run(files: string[], opts: { json?: boolean; course?: string }): Promise<void> {
  if (opts.course) return (await import('./check-course.js')).run(opts.course, files, opts);
  if (!files.length) throw new UserError('give lesson files to check, or a folder with --course DIR');
  const seen = new Set<string>();
  const reports = files.flatMap(checkFile).filter((r) => !seen.has(r.file) && seen.add(r.file));
  const errors = reports.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'warning').length, 0);
  if (opts.json) {
    process.stdout.write(jsonText({ files: reports, errors, warnings }, 2) + '\n');
  } else {
    for (const r of reports) {
      for (const p of r.problems) process.stdout.write(`${r.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}\n`);
    }
    const clean = reports.filter((r) => !r.problems.length).length;
    process.stdout.write(
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${reports.length} file${reports.length === 1 ? '' : 's'}` +
        (clean ? ` (${clean} clean)` : '') + '\n',
    );
  }
  if (errors) process.exitCode = 1;
}
