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

export function idFromFileName(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const m = FILE_ID.exec(base);
  return m ? m[1] : null;
}
