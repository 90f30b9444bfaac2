import type { CatalogEntry } from '../lesson/catalog.js';
import { ProgressStore } from './progress-store.js';
import { studiedLessons, openStudied } from './studied.js';
import { noteToStderr } from './stderr.js';
import { lastStudiedOf } from '../tutor/progress.js';
import { bestScore, lessonStatus, untouched, type LessonStatus } from '../tutor/progress-status.js';
import { lessonPlan } from './lesson-plan.js';
import { passMarkOf } from '../tutor/quiz-score.js';

export interface Standing {
  status: LessonStatus;
  best: { score: number; total: number } | null;
  lastStudied: string | null;
}

/** Where the learner stands in each lesson studied, by the lesson's path: only those lessons are opened (the plan gives the steps). */
export async function standings(entries: CatalogEntry[], dirs?: string[]): Promise<Map<string, Standing>> {
  const store = new ProgressStore();
  const standing = new Map<string, Standing>();
  const data = store.read();
  for (const n of store.notices) noteToStderr(n);
  for (const s of studiedLessons(data, dirs, entries)) {
    if (!s.path || untouched(s.record)) continue;
    const opened = await openStudied(s, dirs);
    standing.set(s.path, { status: lessonStatus(s.record, opened ? (await lessonPlan(opened)).steps : null, passMarkOf(opened?.passMark)), best: bestScore(s.record), lastStudied: lastStudiedOf(s.record) });
  }
  return standing;
}
