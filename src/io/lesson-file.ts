import { join } from 'node:path';
import { readLessonFile, readKeyBeside } from '../lesson/load.js';
import { lessonDirs, packageRoot, resolveLessonRef } from '../lesson/catalog.js';
import { compiledId, readCompiled } from '../lesson/compiled.js';
import type { AnswerKey } from '../lesson/key-model.js';
import type { Lesson } from '../lesson/model.js';
import { noteToStderr } from './stderr.js';

export interface OpenedLesson {
  path: string;
  lesson: Lesson;
  key: AnswerKey | undefined;
}

/**
 * `[lesson]` (id, path or nothing) → the parsed lesson and, when one sits beside it, its answer key.
 * A key with problems still gives what could be read (calc-ml check lists the problems).
 * The bundled lessons come precompiled (lesson/compiled.ts); others are parsed here, and only then
 * are the markdown and YAML parsers loaded.
 */
export async function openLesson(ref: string | undefined, dirs: string[] = []): Promise<OpenedLesson> {
  const path = resolveLessonRef(ref, lessonDirs(dirs), noteToStderr);
  const text = readLessonFile(path);
  const keyFile = readKeyBeside(path);
  const compiled = readCompiled(join(packageRoot(), 'dist', 'compiled'), compiledId(path, text, keyFile?.text));
  if (compiled) return { path, lesson: compiled.lesson, key: compiled.key };
  const { parseLesson } = await import('../lesson/parse.js');
  const lesson = parseLesson(text, { fileName: path });
  if (!keyFile) return { path, lesson, key: undefined };
  const { parseKey } = await import('../lesson/key.js');
  return { path, lesson, key: parseKey(keyFile.text, lesson).key };
}
