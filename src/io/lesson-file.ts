import { join } from 'node:path';
import { readLessonFile, readKeyBeside } from '../lesson/load.js';
import { lessonDirs, packageRoot, resolveLessonRef } from '../lesson/catalog.js';
import { compiledId, readCompiled } from '../lesson/compiled.js';
import type { AnswerKey } from '../lesson/key-model.js';
import type { Lesson } from '../lesson/model.js';
import type { OutlineSection } from '../lesson/outline.js';
import { statedPassMark } from '../lesson/pass-mark.js';
import { noteToStderr } from './stderr.js';
import { noteLessonFolders } from './lesson-folders.js';

export interface OpenedLesson {
  path: string;
  /** The file's text, as read (the tutor walks its sections: lesson/outline.ts). */
  text: string;
  lesson: Lesson;
  key: AnswerKey | undefined;
  /** The sections in order, when the lesson came precompiled (else lesson/outline.ts reads them from `text`). */
  outline?: OutlineSection[];
  /** The pass mark the lesson states for itself ("**Passing Grade**: 80%"), null when it states none. */
  passMark: number | null;
}

/**
 * `[lesson]` (id, path or nothing) → the parsed lesson and, when one sits beside it, its answer key.
 * A key with problems still gives what could be read (calc-ml check lists the problems).
 * The bundled lessons come precompiled (lesson/compiled.ts); others are parsed here, and only then
 * are the markdown and YAML parsers loaded.
 */
export async function openLesson(ref: string | undefined, dirs: string[] = []): Promise<OpenedLesson> {
  const path = resolveLessonRef(ref, lessonDirs(dirs), noteToStderr);
  noteLessonFolders();
  const text = readLessonFile(path);
  const keyFile = readKeyBeside(path);
  const compiled = readCompiled(join(packageRoot(), 'dist', 'compiled'), compiledId(path, text, keyFile?.text));
  const passMark = statedPassMark(text);
  if (compiled) return { path, text, lesson: compiled.lesson, key: compiled.key, outline: compiled.outline, passMark };
  const { parseLesson } = await import('../lesson/parse.js');
  const lesson = parseLesson(text, { fileName: path });
  if (!keyFile) return { path, text, lesson, key: undefined, passMark };
  const { parseKey } = await import('../lesson/key.js');
  return { path, text, lesson, key: parseKey(keyFile.text, lesson).key, passMark };
}
