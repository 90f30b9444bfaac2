import { existsSync } from 'node:fs';
import { lessonDirs, listLessons, type CatalogEntry } from '../lesson/catalog.js';
import { openLesson, type OpenedLesson } from './lesson-file.js';
import { noteLessonFolders } from './lesson-folders.js';
import type { LessonProgress, ProgressData } from '../tutor/progress.js';

export interface Studied {
  /** The record's key in progress.json. */
  key: string;
  record: LessonProgress;
  /** The lesson's file, where it is found (where it was studied from, else by id in the lesson folders). */
  path: string | null;
}

const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The lessons progress.json has records of, each with its file when it can be found: the path it
 * was studied from, else the catalog entry with its id (and its title, where the record knows it,
 * so that a second lesson with the same id is not taken for it). The catalog is read once.
 */
export function studiedLessons(data: ProgressData, dirs: string[] = [], catalog?: CatalogEntry[]): Studied[] {
  noteLessonFolders();
  let entries = catalog;
  const find = (id: string, title: string | null | undefined) => {
    entries ??= listLessons(lessonDirs(dirs)).entries;
    // A record kept under the id a title heading gave (before the file name's id was the lesson's) finds it by that id.
    return entries.find((e) => (e.id === id || e.titleId === id) && (!title || same(e.title, title)))?.path ?? null;
  };
  return Object.entries(data.lessons).map(([key, record]) => {
    const id = record.id ?? key;
    const path = record.path && existsSync(record.path) ? record.path : find(id, record.title);
    return { key, record, path };
  });
}

/** Opens a studied lesson's file; null when it is gone or no longer reads as a lesson. */
export async function openStudied(s: Studied, dirs: string[] = []): Promise<OpenedLesson | null> {
  if (!s.path) return null;
  try {
    return await openLesson(s.path, dirs);
  } catch {
    return null;
  }
}
