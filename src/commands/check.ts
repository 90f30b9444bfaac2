import { readLessonFile } from '../lesson/load.js';
import { parseLesson } from '../lesson/parse.js';
import { checkLesson, type Problem } from '../lesson/check.js';
import { UserError } from '../errors.js';

interface FileReport {
  file: string;
  problems: Problem[];
}

export async function run(files: string[], opts: { json?: boolean }): Promise<void> {
  const reports: FileReport[] = files.map((file) => {
    try {
      const lesson = parseLesson(readLessonFile(file), { fileName: file });
      return { file, problems: checkLesson(lesson) };
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      // The reason already names the file; keep it as one error of this file.
      return { file, problems: [{ line: 0, severity: 'error' as const, message: e.message.replace(`${file}: `, '').replace(file + ' ', '') }] };
    }
  });
  const errors = reports.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.problems.filter((p) => p.severity === 'warning').length, 0);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ files: reports, errors, warnings }, null, 2) + '\n');
  } else {
    for (const r of reports) {
      for (const p of r.problems) process.stdout.write(`${r.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}\n`);
    }
    const clean = reports.filter((r) => !r.problems.length).length;
    process.stdout.write(
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}` +
        (clean ? ` (${clean} clean)` : '') + '\n',
    );
  }
  if (errors) process.exitCode = 1;
}
