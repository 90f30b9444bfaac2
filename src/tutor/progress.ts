/**
 * The learner's record, as data: what progress.json holds and pure functions over it. The file
 * store (src/io/progress-store.ts) reads and writes it; nothing here touches the disk or the clock.
 */

import { depthOf, lessonsShapeProblem, MAX_DEPTH } from './progress-schema.js';

/**
 * 2: a lesson's record carries whose it is (id, title, path) and when it was last studied, so two
 * lessons with one id (the course has such pairs) never share a record; schema 1 files are migrated
 * on read (migrateProgress), nothing dropped.
 */
export const SCHEMA_VERSION = 2;

export type VerdictKind = 'correct' | 'partial' | 'incorrect' | 'ungraded';

export interface AnswerRecord {
  ref: string;
  kind: string;
  answer: string;
  verdict: VerdictKind;
  score: number;
  at: string;
  /** For self-assessed items: what the learner said of their own answer. */
  self?: 'right' | 'wrong';
  /** In the tutor: answers the question took (this one the last), hints shown, and the answers before this one. */
  tries?: number;
  hintsUsed?: number;
  earlier?: { answer: string; verdict: VerdictKind; score: number }[];
  /** In a quiz attempt: a try that was to be tried again (a quiz stopped there asks the question again). */
  pending?: boolean;
}

export interface QuizAttempt {
  /** Names this attempt, so two quizzes running at once each update their own (older files have none). */
  id?: string;
  startedAt: string;
  finishedAt: string | null;
  answers: AnswerRecord[];
  /** Points over the graded items answered (ungraded items count in neither). */
  score: number;
  total: number;
  complete: boolean;
  /** Whether a complete attempt reached the pass mark (older files: computed from score and total). */
  passed?: boolean;
  /** The pid of the calc-ml running it, while it runs (another one does not resume it then). */
  owner?: number;
  /** Questions skipped in it and not answered since (refs): it stays unfinished, and the next run asks them again. */
  skipped?: string[];
}

export interface TutorState {
  /** The step the learner is on (resume point); null before the first run. */
  step: string | null;
  done: string[];
  skipped: string[];
  startedAt: string | null;
  updatedAt: string | null;
  runs: number;
}

export interface LessonProgress {
  /** Whose record this is: the lesson's id and title (null in a record migrated from schema 1, until the lesson is next opened). */
  id?: string;
  title?: string | null;
  /** The lesson file last studied from (so `start` can resume it without --dir). */
  path?: string | null;
  lastStudied?: string | null;
  quiz: QuizAttempt[];
  /** Every answer to an exercise or quiz item, oldest first, by ref: the history review draws on. */
  answers: Record<string, AnswerRecord[]>;
  tutor: TutorState;
  homework: Record<string, boolean>;
  /** Free text kept for the learner (the one-paragraph summary, the mini-project sketch). */
  notes: Record<string, string>;
  timeSpentMs: number;
}

export interface ProgressData {
  schema: number;
  lessons: Record<string, LessonProgress>;
}

export function emptyProgress(): ProgressData {
  return { schema: SCHEMA_VERSION, lessons: {} };
}

export function emptyLesson(): LessonProgress {
  return {
    quiz: [],
    answers: {},
    tutor: { step: null, done: [], skipped: [], startedAt: null, updatedAt: null, runs: 0 },
    homework: {},
    notes: {},
    timeSpentMs: 0,
  };
}

/** A lesson as progress knows it. */
export interface LessonIdentity {
  id: string;
  title: string;
  path?: string | null;
  /**
   * The id its title heading gives, where that is not `id` (Lesson-1.1.41-….md titled "Lesson
   * 1.1.40"): builds before the file name's id was the lesson's kept its record under this one.
   */
  titleId?: string | null;
  /** Its exercises' ids: answers saved under the ids they had then (1.1.40.starter-1) follow them. */
  exerciseIds?: string[];
}

/** The identity progress keeps a parsed lesson's record by. */
export function identityOf(lesson: { id: string; title: string; titleId?: string | null; exercises?: { id: string }[] }, path?: string | null): LessonIdentity {
  return {
    id: lesson.id,
    title: lesson.title,
    ...(path ? { path } : {}),
    ...(lesson.titleId && lesson.titleId !== lesson.id ? { titleId: lesson.titleId, exerciseIds: (lesson.exercises ?? []).map((e) => e.id) } : {}),
  };
}

const sameTitle = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Where a lesson's record is kept: under its id, as always, unless that record belongs to another
 * lesson with the same id (its title differs); then under "id title". A record with no title yet
 * (migrated from schema 1) is claimed by the first lesson with its id that is opened.
 */
export function recordKey(data: ProgressData, who: LessonIdentity): string {
  const byId = data.lessons[who.id];
  if (!byId || !byId.title || sameTitle(byId.title, who.title)) return who.id;
  return `${who.id} ${who.title.replace(/\s+/g, ' ').trim()}`;
}

/**
 * Where this lesson's record was kept under its title's id (see LessonIdentity.titleId): the key,
 * or null. Only a record that is surely this lesson's is taken: its title or its file is this one's
 * (a record with neither, from schema 1, may as well be the lesson that id now names).
 */
export function formerKey(data: ProgressData, who: LessonIdentity): string | null {
  const old = who.titleId;
  if (!old || old === who.id) return null;
  for (const key of [old, `${old} ${who.title.replace(/\s+/g, ' ').trim()}`]) {
    const rec = data.lessons[key];
    if (!rec || (rec.id ?? key) !== old) continue;
    if ((rec.title && sameTitle(rec.title, who.title)) || (rec.path && who.path && rec.path === who.path)) return key;
  }
  return null;
}

/**
 * A record moved from the lesson's old id to its new one: refs named after the old id that are
 * this lesson's exercises now (`1.1.40.starter-1` → `1.1.41.starter-1`) are renamed, in answers,
 * attempts and guided-lesson steps; every other field stays as it was. A new object.
 */
export function renamedRecord(rec: LessonProgress, from: string, to: string, exerciseIds: string[] = []): LessonProgress {
  const ids = new Set(exerciseIds);
  const ref = (r: string) => (r.startsWith(from + '.') && ids.has(to + r.slice(from.length)) ? to + r.slice(from.length) : r);
  const step = (s: string) => (s.startsWith('exercise:') ? `exercise:${ref(s.slice('exercise:'.length))}` : s);
  const answers: Record<string, AnswerRecord[]> = {};
  for (const [r, list] of Object.entries(rec.answers ?? {})) {
    const renamed = list.map((a) => ({ ...a, ref: ref(a.ref) }));
    answers[ref(r)] = [...(answers[ref(r)] ?? []), ...renamed];
  }
  const tutor = rec.tutor && {
    ...rec.tutor,
    step: rec.tutor.step == null ? rec.tutor.step : step(rec.tutor.step),
    ...(rec.tutor.done ? { done: rec.tutor.done.map(step) } : {}),
    ...(rec.tutor.skipped ? { skipped: rec.tutor.skipped.map(step) } : {}),
  };
  return {
    ...rec,
    id: to,
    answers,
    quiz: (rec.quiz ?? []).map((a) => ({ ...a, answers: a.answers.map((x) => ({ ...x, ref: ref(x.ref) })) })),
    ...(tutor ? { tutor } : {}),
  };
}

/** The record of a lesson (by its identity) or of a key, created on first use (mutates `data`). */
export function lessonOf(data: ProgressData, lesson: string | LessonIdentity): LessonProgress {
  if (typeof lesson !== 'string') {
    const key = recordKey(data, lesson);
    const former = data.lessons[key] ? null : formerKey(data, lesson);
    if (former) {
      // Kept under the title's id by an older build: moved to the lesson's id, so it is found again.
      data.lessons[key] = renamedRecord(data.lessons[former], lesson.titleId!, lesson.id, lesson.exerciseIds);
      delete data.lessons[former];
    }
    const l = lessonOf(data, key);
    l.id = lesson.id;
    l.title = lesson.title;
    if (lesson.path) l.path = lesson.path;
    return l;
  }
  const lessonId = lesson;
  const existing = data.lessons[lessonId];
  if (existing) {
    // Fill fields a record written by an older build of this schema may lack.
    const base = emptyLesson();
    const merged = { ...base, ...existing, tutor: { ...base.tutor, ...existing.tutor } };
    data.lessons[lessonId] = merged;
    return merged;
  }
  return (data.lessons[lessonId] = emptyLesson());
}

/** The latest time anything was answered or stepped through in this record (ISO), or null. */
export function lastStudiedOf(l: Partial<LessonProgress>): string | null {
  const times: string[] = [];
  if (l.lastStudied) times.push(l.lastStudied);
  if (l.tutor?.updatedAt) times.push(l.tutor.updatedAt);
  for (const a of l.quiz ?? []) times.push(a.finishedAt ?? a.startedAt, ...a.answers.map((x) => x.at));
  for (const list of Object.values(l.answers ?? {})) for (const a of list) times.push(a.at);
  const valid = times.filter((t) => !Number.isNaN(Date.parse(t)));
  return valid.length ? valid.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
}

/**
 * A schema 1 file as schema 2 (a new object; the input is left as it is): each record keeps every
 * field it had and gains its id (the key it was under), a title to be filled in when the lesson is
 * next opened, and when it was last studied. Attempts gain `passed` where they are complete.
 */
export function migrateProgress(old: { schema: number; lessons: Record<string, LessonProgress> }): ProgressData {
  if (old.schema >= SCHEMA_VERSION) return old as ProgressData;
  const lessons: Record<string, LessonProgress> = {};
  for (const [key, rec] of Object.entries(old.lessons)) {
    lessons[key] = {
      ...rec,
      id: rec.id ?? key,
      title: rec.title ?? null,
      lastStudied: lastStudiedOf(rec),
      quiz: rec.quiz.map((a) => (a.complete && a.passed === undefined && a.total > 0 ? { ...a, passed: a.score / a.total >= 0.7 - 1e-9 } : a)),
    };
  }
  return { ...old, schema: SCHEMA_VERSION, lessons };
}

/** Why a parsed file is not a progress file we can use; null when it is. */
export function progressProblem(value: unknown): { kind: 'corrupt' | 'future'; message: string } | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { kind: 'corrupt', message: 'it is not a JSON object' };
  const v = value as Partial<ProgressData>;
  if (typeof v.schema !== 'number') return { kind: 'corrupt', message: 'it has no schema version' };
  if (v.schema > SCHEMA_VERSION) return { kind: 'future', message: `it was written by a newer calc-ml (schema ${v.schema}; this one reads ${SCHEMA_VERSION})` };
  if (v.schema < 1 || !v.lessons || typeof v.lessons !== 'object' || Array.isArray(v.lessons)) return { kind: 'corrupt', message: 'its lessons are missing' };
  if (depthOf(v.lessons, MAX_DEPTH) > MAX_DEPTH) return { kind: 'corrupt', message: `it nests deeper than ${MAX_DEPTH} levels` };
  const shape = lessonsShapeProblem(v.lessons);
  return shape ? { kind: 'corrupt', message: shape } : null;
}

/** Puts `attempt` in the lesson's list: replaces the one with its id, or adds it (mutates `lesson`). */
export function saveAttempt(lesson: LessonProgress, attempt: QuizAttempt): void {
  const copy = { ...attempt, answers: [...attempt.answers] };
  const i = attempt.id === undefined ? -1 : lesson.quiz.findIndex((a) => a.id === attempt.id);
  if (i >= 0) lesson.quiz[i] = copy;
  else lesson.quiz.push(copy);
}

export function recordAnswer(lesson: LessonProgress, answer: AnswerRecord): void {
  (lesson.answers[answer.ref] ??= []).push(answer);
}

export interface LessonSummary {
  lessonId: string;
  quizBest: { score: number; total: number } | null;
  quizLast: { score: number; total: number; complete: boolean; at: string } | null;
  quizAttempts: number;
  exercisesDone: string[];
  step: string | null;
  timeSpentMs: number;
}

/** Quiz best and last, exercises answered at least partly right, time spent. */
export function summarize(lessonId: string, l: LessonProgress, exerciseRefs: string[] = []): LessonSummary {
  const finished = l.quiz.filter((a) => a.total > 0);
  const ratio = (a: QuizAttempt) => a.score / a.total;
  const best = finished.reduce<QuizAttempt | null>((b, a) => (a.complete && (!b || ratio(a) > ratio(b)) ? a : b), null);
  const last = l.quiz[l.quiz.length - 1] ?? null;
  const refs = exerciseRefs.length ? exerciseRefs : Object.keys(l.answers).filter((r) => !r.startsWith('quiz.'));
  const done = refs.filter((r) => (l.answers[r] ?? []).some((a) => a.verdict === 'correct' || a.verdict === 'partial' || a.self === 'right' || (a.verdict === 'ungraded' && a.answer.trim() !== '')));
  return {
    lessonId,
    quizBest: best ? { score: best.score, total: best.total } : null,
    quizLast: last ? { score: last.score, total: last.total, complete: last.complete, at: last.finishedAt ?? last.startedAt } : null,
    quizAttempts: l.quiz.length,
    exercisesDone: done,
    step: l.tutor.step,
    timeSpentMs: l.timeSpentMs,
  };
}

export function formatDuration(ms: number): string {
  const min = Math.round(ms / 60000);
  if (min < 1) return ms > 0 ? 'under a minute' : 'none yet';
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

/** Refs whose latest answer was wrong, partly right, skipped, or self-judged wrong. */
export function missedRefs(record: LessonProgress): string[] {
  return Object.entries(record.answers)
    .filter(([, list]) => {
      const last = list[list.length - 1];
      return last && (last.verdict === 'incorrect' || last.verdict === 'partial' || last.self === 'wrong');
    })
    .map(([ref]) => ref);
}
