import { normalizeLabel, oneLine } from './inline.js';
import type { LessonMeta } from './model.js';

/**
 * What a lesson's file name and its meta line say, apart from the markdown parser: the catalog
 * (`lessons`, resolving a lesson id) needs only this, and must not load marked.
 */

/** A lesson id: "1.2.26". */
export const ID = String.raw`\d+(?:\.\d+)+`;

const META_KEYS: Record<string, keyof LessonMeta> = {
  'estimated time': 'estimatedTime',
  time: 'estimatedTime',
  difficulty: 'difficulty',
  prerequisites: 'prerequisites',
  prerequisite: 'prerequisites',
  topic: 'topic',
};

/** "**Estimated Time**: 8 hours | **Difficulty**: Beginner" → fields; null when none is there. */
export function parseMeta(paragraph: string, meta: LessonMeta): boolean {
  let found = false;
  for (const part of paragraph.split(/\||\n/)) {
    const m = /^\s*\**\s*([^*:]+?)\s*\**\s*:\s*\**\s*(.*?)\s*$/.exec(part);
    if (!m) continue;
    const key = META_KEYS[normalizeLabel(m[1])];
    if (key && m[2]) {
      meta[key] = oneLine(m[2].replace(/\*\*/g, ''));
      found = true;
    }
  }
  return found;
}

const FILE_ID = new RegExp(`(${ID})`);

const baseName = (fileName: string) => fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);

export function idFromFileName(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const m = FILE_ID.exec(baseName(fileName));
  return m ? m[1] : null;
}

const COURSE_NAME = new RegExp(`^lesson[-_ ]?(${ID})(?=[-_ .]|$)`, 'i');

/**
 * The id of a file named as the course names its lessons (`Lesson-1.1.41-List-Comprehensions.md`),
 * else null. The course's index lists lessons by these names, so where the title heading says
 * another id (`# Lesson 1.1.40: …` in Lesson-1.1.41-…, whose 1.1.40 is a different lesson), the
 * file name's id is the lesson's. Any other name ("notes-v2.1.md") only fills in a missing id.
 */
export function courseIdFromFileName(fileName: string | undefined): string | null {
  if (!fileName) return null;
  return COURSE_NAME.exec(baseName(fileName))?.[1] ?? null;
}

/** The one line `show`, `check` and `lessons` give when a title heading and its file name disagree. */
export function idMismatch(headingId: string, fileId: string, used: string): string {
  return `heading says ${headingId}; file name says ${fileId}: using ${used}`;
}
