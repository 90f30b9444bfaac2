import { ProgressStore, HomeUnusable } from './progress-store.js';
import { lessonOf, emptyProgress, type LessonIdentity, type LessonProgress } from '../tutor/progress.js';
import { clockNow } from './clock.js';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { noteToStderr } from './stderr.js';

// Time between two answers counts as study time up to this much; beyond it the learner was away.
const MAX_GAP_MS = 10 * 60 * 1000;

export interface Session {
  /** The lesson's record as it was when the session began. */
  record: LessonProgress;
  /** Saves a change to the lesson's record now (re-reading the file under its lock); false when it could not be kept. */
  save(change: (l: LessonProgress) => void): boolean;
  /** Whether answers are being kept (false when the progress folder cannot be written). */
  readonly saving: boolean;
  /** Whether a save failed during this session (so what came after it is not on disk). */
  readonly failed: boolean;
  file: string;
}

/**
 * Progress for one lesson during a command. A folder that cannot be written does not stop the
 * learner: they are told once that answers will not be kept, and the session goes on.
 */
export function openSession(lesson: string | LessonIdentity, tell: (line: string) => void = noteToStderr, store = new ProgressStore()): Session {
  let saving = true;
  let failed = false;
  let data = emptyProgress();
  try {
    data = store.read();
    store.checkWritable();
  } catch (e) {
    if (!(e instanceof HomeUnusable)) throw e;
    tell(`Note: ${e.message}. This session's answers will not be kept.`);
    saving = false;
  }
  for (const n of store.notices) tell(n);
  // A lesson opened by its identity keeps its record apart from another lesson with the same id.
  if (typeof lesson !== 'string' && lesson.path) lesson = { ...lesson, path: resolve(lesson.path) };
  const record = lessonOf(data, lesson);
  let last = Date.now();
  return {
    record,
    get saving() {
      return saving;
    },
    get failed() {
      return failed;
    },
    file: store.file,
    save(change) {
      const now = Date.now();
      const gap = Math.min(now - last, MAX_GAP_MS);
      last = now;
      const stamp = clockNow().toISOString();
      change(record);
      record.timeSpentMs += gap;
      record.lastStudied = stamp;
      if (!saving) return false;
      try {
        store.update((d) => {
          const l = lessonOf(d, lesson);
          change(l);
          l.timeSpentMs += gap;
          l.lastStudied = stamp;
        });
        return true;
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        tell(`Note: ${e.message}. What you answer from here on will not be kept; the file keeps everything saved before it.`);
        saving = false;
        failed = true;
        return false;
      }
    },
  };
}
