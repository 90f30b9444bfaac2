import { readLessonFile, readKeyBeside } from '../lesson/load.js';
import { parseLesson } from '../lesson/parse.js';
import { lessonDirs, resolveLessonRef } from '../lesson/catalog.js';
import { parseKey, type AnswerKey } from '../lesson/key.js';
import type { Lesson } from '../lesson/model.js';

export interface OpenedLesson {
  path: string;
  lesson: Lesson;
  key: AnswerKey | undefined;
}

/**
 * `[lesson]` (id, path or nothing) → the parsed lesson and, when one sits beside it, its answer key.
 * A key with problems still gives what could be read (calc-ml check lists the problems).
 */
export function openLesson(ref: string | undefined, dirs: string[] = []): OpenedLesson {
  const path = resolveLessonRef(ref, lessonDirs(dirs));
  const lesson = parseLesson(readLessonFile(path), { fileName: path });
  const file = readKeyBeside(path);
  return { path, lesson, key: file ? parseKey(file.text, lesson).key : undefined };
}
