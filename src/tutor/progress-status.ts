import type { AnswerRecord, LessonProgress, QuizAttempt } from './progress.js';
import { DEFAULT_PASS_MARK } from './quiz-score.js';

/**
 * Where a learner stands in a lesson, told truthfully: per step done, skipped, missed or left, and
 * the lesson complete only when no step is left or skipped and the quiz is passed. Pure: the plan's
 * step ids and the record are given (tests/tutor/progress-status.test.ts).
 */

export type StepState = 'done' | 'skipped' | 'missed' | 'left';
export type LessonStatus = 'new' | 'in progress' | 'complete';

export interface PlanStep {
  id: string;
  /** The homework step's items (plan.ts): the step is done when each is ticked. */
  homework?: { task: string; done: boolean }[];
}

/**
 * Homework is done when every item is ticked (in start, or marked done in the lesson); an item
 * left for later leaves the step open, walked or not (it was done once the list had been shown).
 * Without the list (the lesson file is not found), an item answered "not yet" leaves it open.
 */
function homeworkLeft(l: LessonProgress, items?: { task: string; done: boolean }[]): boolean {
  if (items) return items.some((h) => !(l.homework[h.task] ?? h.done));
  return Object.values(l.homework).some((done) => !done);
}

const missed = (a: AnswerRecord) => a.verdict === 'incorrect' || a.verdict === 'partial' || a.self === 'wrong';
const answered = (a: AnswerRecord) => a.answer.trim() !== '';

/**
 * Whether an attempt passed: from its graded score against the pass mark in force (the lesson's own,
 * which may be above the 70% the attempt was first told); with nothing graded, as it says (schema 2),
 * else whether every question was answered.
 */
export function attemptPassed(a: QuizAttempt, passMark = DEFAULT_PASS_MARK): boolean {
  if (a.total > 0) return a.score / a.total >= passMark - 1e-9;
  return a.passed ?? a.answers.every(answered);
}

/** The quiz: passed (some complete attempt passed), failed (complete attempts, none passed), or not taken. */
export function quizState(l: LessonProgress, passMark = DEFAULT_PASS_MARK): 'passed' | 'failed' | 'not taken' {
  const complete = l.quiz.filter((a) => a.complete);
  if (!complete.length) return 'not taken';
  return complete.some((a) => attemptPassed(a, passMark)) ? 'passed' : 'failed';
}

/** The state of one step of the plan. The closing step ("finish") is not counted. */
export function stepState(id: string, l: LessonProgress, passMark = DEFAULT_PASS_MARK, step?: PlanStep): StepState {
  if (id === 'homework' && homeworkLeft(l, step?.homework)) return l.tutor.skipped.includes(id) ? 'skipped' : 'left';
  if (id === 'quiz') {
    const q = quizState(l, passMark);
    if (q === 'passed') return 'done';
    if (q === 'failed') return 'missed';
    return l.tutor.skipped.includes(id) ? 'skipped' : 'left';
  }
  // An exercise or the mini-project stands by its answers, wherever they were given (start, review):
  // answered right once, it is done, and a later miss in review makes it due again, not undone;
  // answered, never right, it is missed; a skip is only what it is while nothing was answered.
  const ref = id.startsWith('exercise:') ? id.slice('exercise:'.length) : id === 'mini-project' ? id : null;
  if (ref) {
    const list = (l.answers[ref] ?? []).filter(answered);
    if (list.some((a) => !missed(a))) return 'done';
    if (list.length) return 'missed';
  }
  if (l.tutor.skipped.includes(id)) return 'skipped';
  return l.tutor.done.includes(id) ? 'done' : 'left';
}

export function stepStates(steps: PlanStep[], l: LessonProgress, passMark = DEFAULT_PASS_MARK): { id: string; state: StepState }[] {
  return steps.filter((s) => s.id !== 'finish').map((s) => ({ id: s.id, state: stepState(s.id, l, passMark, s) }));
}

/**
 * The figures a learner is shown for a lesson, the same in `start` (the plan, :plan, the end),
 * `progress` and `lessons`: each step's state and how many are in each, of `total` steps to walk
 * (the closing step is not one).
 */
export interface StepFigures extends Record<StepState, number> {
  total: number;
  list: { id: string; state: StepState }[];
}

export function stepFigures(steps: PlanStep[], l: LessonProgress, passMark = DEFAULT_PASS_MARK): StepFigures {
  const list = stepStates(steps, l, passMark);
  return { ...stateCounts(list), total: list.length, list };
}

export function stateCounts(states: { state: StepState }[]): Record<StepState, number> {
  const c: Record<StepState, number> = { done: 0, skipped: 0, missed: 0, left: 0 };
  for (const s of states) c[s.state]++;
  return c;
}

/** Nothing at all recorded for the lesson. */
export function untouched(l: LessonProgress | undefined): boolean {
  return !l || (!l.quiz.length && !Object.keys(l.answers).length && !l.tutor.done.length && !l.tutor.skipped.length && l.tutor.step === null);
}

/**
 * complete: every step done (a missed exercise was done, and comes back in review; homework is done
 * when every item is ticked), none skipped, and the quiz passed. Without the plan (the lesson file is
 * not found): the guided lesson reached its end with nothing skipped and no homework left, and the quiz passed.
 */
export function lessonStatus(l: LessonProgress | undefined, steps: PlanStep[] | null, passMark = DEFAULT_PASS_MARK): LessonStatus {
  if (!l || untouched(l)) return 'new';
  const quizOk = quizState(l, passMark) === 'passed';
  if (!steps) return quizOk && l.tutor.done.includes('finish') && !l.tutor.skipped.length && !homeworkLeft(l) ? 'complete' : 'in progress';
  const states = stepStates(steps, l, passMark);
  const hasQuiz = steps.some((s) => s.id === 'quiz');
  const allDone = states.every((s) => s.state === 'done' || (s.state === 'missed' && s.id !== 'quiz'));
  return allDone && (quizOk || !hasQuiz) ? 'complete' : 'in progress';
}

/** The best complete attempt, as a share of what it graded (null when none graded anything). */
export function bestScore(l: LessonProgress): { score: number; total: number } | null {
  let best: QuizAttempt | null = null;
  for (const a of l.quiz) if (a.complete && a.total > 0 && (!best || a.score / a.total > best.score / best.total)) best = a;
  return best ? { score: best.score, total: best.total } : null;
}

/** The lesson `start` without a lesson goes back to: the one studied last that is in progress. */
export function lessonToResume<T extends { record: LessonProgress; steps: PlanStep[] | null; lastStudied: string | null; passMark?: number }>(candidates: T[]): T | null {
  const open = candidates.filter((c) => lessonStatus(c.record, c.steps, c.passMark) === 'in progress');
  open.sort((a, b) => Date.parse(b.lastStudied ?? '') - Date.parse(a.lastStudied ?? '') || 0);
  return open[0] ?? null;
}
