import { lessonsEnvProblems } from '../lesson/catalog.js';
import { UserError } from '../errors.js';
import { noteToStderr } from './stderr.js';

let noted = false;

/**
 * For a command that can go on without the folders CALC_ML_LESSONS names (the lesson it opens is
 * found elsewhere): one note on stderr, once, when a named folder is not there.
 */
export function noteLessonFolders(): void {
  if (noted) return;
  noted = true;
  for (const line of lessonsEnvProblems()) noteToStderr(`Note: ${line}.`);
}

/** For a command that is about those folders (`lessons`): the same line as an error, exit 1. */
export function requireLessonFolders(): void {
  const [line] = lessonsEnvProblems();
  if (line) throw new UserError(line);
}
