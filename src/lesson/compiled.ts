import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Lesson } from './model.js';
import type { AnswerKey } from './key-model.js';
import type { OutlineSection } from './outline.js';

/**
 * Lessons and keys parsed at build time (scripts/build.mjs → dist/compiled/<id>.json), so that `quiz`
 * and `start` reach their first prompt without loading marked and yaml: cold, parsing the bundled
 * lesson and its 40 kB key took ~170 ms of a ~450 ms start, JSON.parse of the result takes < 1 ms.
 *
 * A file is used only when both of these hold, so it can never be stale:
 * - its name is a hash of the lesson's file name and text and the key's text, as read now;
 * - it records the build that wrote it, and that is the build now running (a changed parser means
 *   a new build id).
 */
export interface CompiledLesson {
  build: string;
  lesson: Lesson;
  key: AnswerKey | undefined;
  /** The lesson's sections in order, for the guided lesson (lesson/outline.ts). */
  outline?: OutlineSection[];
}

declare const __CALC_ML_BUILD__: string;
/** Set by the bundler; unset under ts-jest, where compiled files are never used. */
export const BUILD_ID: string | undefined = typeof __CALC_ML_BUILD__ === 'string' ? __CALC_ML_BUILD__ : undefined;

export function compiledId(lessonPath: string, lessonText: string, keyText: string | undefined): string {
  const h = createHash('sha256');
  h.update(basename(lessonPath)).update('\0').update(lessonText);
  // No key and an empty key are different inputs.
  h.update(keyText === undefined ? '\u0001' : `\0${keyText}`);
  return h.digest('hex').slice(0, 32);
}

export function compiledPath(dir: string, id: string): string {
  return join(dir, `${id}.json`);
}

/** The compiled lesson for `id` in `dir`, or undefined: missing, unreadable or from another build. */
export function readCompiled(dir: string, id: string, build: string | undefined = BUILD_ID): CompiledLesson | undefined {
  if (!build) return undefined;
  try {
    const c = JSON.parse(readFileSync(compiledPath(dir, id), 'utf8')) as CompiledLesson;
    return c && c.build === build && c.lesson ? c : undefined;
  } catch {
    return undefined;
  }
}
