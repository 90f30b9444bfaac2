import { oneLine } from './inline.js';
import { ID } from './meta.js';
import type { LessonRef } from './model.js';

export const LESSON_HEADING = new RegExp(String.raw`^lesson\s+(${ID})\s*[:\-–—]\s*(.+)$`, 'i');
const LESSON_REF = new RegExp(String.raw`lesson\s+(${ID})(?:\s*[:\-–—]\s*([^\n]+))?`, 'i');

/** "Lesson 1.2.27: Functions, Limits" (in a link, bold, or plain) → { id, title }. */
export function parseRef(text: string): LessonRef | null {
  const m = LESSON_REF.exec(text);
  if (!m) return null;
  return { id: m[1], title: oneLine(m[2] ?? '').replace(/\s*\(.*?\.md\)\s*$/, '').replace(/\s+when (you're |you are )?ready\.?$/i, '') };
}
