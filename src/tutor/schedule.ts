import { count } from '../math/format.js';
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { AnswerRecord, LessonProgress } from './progress.js';

/**
 * When each item comes back for review, by FSRS (the Free Spaced Repetition Scheduler, ts-fsrs):
 * every answer in the history is a review of its item, rated from its verdict, and the item's card
 * is the history replayed. Nothing is stored but the answers, so the schedule can never disagree
 * with them, and a file from an older calc-ml is scheduled like a new one. Pure: `now` is given.
 *
 * Fuzz is off (a replayed history must give the same dates every time); one learning step of a
 * minute means a missed item is due again at once, as a tutor's review should have it, and a right
 * one is spaced out in days, growing with every right answer.
 */
const scheduler = fsrs({ enable_fuzz: false, learning_steps: ['1m'], relearning_steps: ['1m'], request_retention: 0.9 });

/** How an answer rates its item; null for an answer that says nothing of recall (kept ungraded, not judged). */
export function ratingOf(a: AnswerRecord): Grade | null {
  if (!a.answer.trim()) return Rating.Again; // skipped
  if (a.verdict === 'ungraded') return a.self === 'right' ? Rating.Good : a.self === 'wrong' ? Rating.Again : null;
  if (a.verdict === 'incorrect' || a.self === 'wrong') return Rating.Again;
  if (a.verdict === 'partial') return Rating.Hard;
  // Right, but with a hint or after a miss: remembered with effort.
  return (a.tries ?? 1) > 1 || (a.hintsUsed ?? 0) > 0 ? Rating.Hard : Rating.Good;
}

const valid = (t: string) => !Number.isNaN(Date.parse(t));

/**
 * An answer kept ungraded that nobody judged (a quiz answered from a pipe cannot ask "were you
 * right?"): it says nothing of recall, but it is waiting for the learner's check, so the item is
 * due from then, as a kept answer judged in a terminal would have been had the learner said so.
 */
export const awaitsCheck = (a: AnswerRecord) => a.verdict === 'ungraded' && !a.self && a.answer.trim() !== '';

/**
 * The item's card after its answers (oldest first); null when none of them rates it and none waits
 * for the learner's check. An unjudged kept answer after the last rated one makes the card due then
 * (its memory state unchanged): review offers it for self-check with the lesson's answer.
 */
export function cardOf(answers: AnswerRecord[]): Card | null {
  let card: Card | null = null;
  let last = -Infinity;
  let waiting: Date | null = null;
  for (const a of answers) {
    if (!valid(a.at)) continue;
    // A clock set back (or a hand-edited file) must not move a review before the one it follows.
    const at = new Date(Math.max(Date.parse(a.at), last));
    const r = ratingOf(a);
    if (r === null) {
      if (awaitsCheck(a)) waiting ??= at;
      continue;
    }
    last = at.getTime();
    card = scheduler.next(card ?? createEmptyCard(at), at, r).card;
    waiting = null;
  }
  if (waiting) card = card ? { ...card, due: new Date(Math.min(card.due.getTime(), waiting.getTime())) } : createEmptyCard(waiting);
  return card;
}

export interface Scheduled {
  /** The record's key in progress.json (the lesson). */
  lesson: string;
  ref: string;
  due: Date;
  /** Times the item was answered wrong, partly right, skipped or judged wrong. */
  misses: number;
  reps: number;
  /** Its last answer was kept ungraded and not judged: due for the learner's check. */
  toCheck: boolean;
  /** In a (re)learning step: missed or partly right, due again within minutes. */
  learning: boolean;
}

/** Every scheduled item of every lesson, soonest due first. */
export function scheduleAll(lessons: Record<string, LessonProgress>): Scheduled[] {
  const out: Scheduled[] = [];
  for (const [lesson, l] of Object.entries(lessons)) {
    for (const [ref, list] of Object.entries(l.answers)) {
      // The mini-project is not asked in review (review points to calc-ml start --step mini-project):
      // counted here, it would make "N due" promise an item the review never brings.
      if (ref === 'mini-project') continue;
      const card = cardOf(list);
      if (!card) continue;
      const misses = list.filter((a) => ratingOf(a) === Rating.Again || a.verdict === 'partial').length;
      out.push({ lesson, ref, due: card.due, misses, reps: card.reps, toCheck: awaitsCheck(list[list.length - 1]), learning: card.state === State.Learning || card.state === State.Relearning });
    }
  }
  return out.sort((a, b) => a.due.getTime() - b.due.getTime() || b.misses - a.misses);
}

/**
 * A miss's learning step is minutes long: a learner who has just missed an item and is told to run
 * review must find it there, not "nothing is due; next in 1 minute". Items in a (re)learning step
 * due within this window count as due now.
 */
export const LEARNING_GRACE_MS = 10 * 60_000;

export function isDue(i: Scheduled, now: Date): boolean {
  return i.due.getTime() <= now.getTime() + (i.learning ? LEARNING_GRACE_MS : 0);
}

/** Due now (isDue): most overdue first, then most missed. */
export function dueNow(items: Scheduled[], now: Date): Scheduled[] {
  return items.filter((i) => isDue(i, now));
}

/**
 * What review brings back now, most overdue first: the one count of what is due, used by review's
 * queue and by every line that offers a review ("Welcome back", the end of a lesson), so that the
 * offer and the review never disagree. `askable`: only items a lesson can still ask (a question
 * taken out of the lesson since cannot be reviewed).
 */
export function dueItems(lessons: Record<string, LessonProgress>, now: Date, askable?: (lesson: string, ref: string) => boolean): Scheduled[] {
  const due = dueNow(scheduleAll(lessons), now);
  return askable ? due.filter((i) => askable(i.lesson, i.ref)) : due;
}

/** How many items of one or more lessons are due now, as review counts them (`questions`: the lesson's, when there is one). */
export function dueCount(lessons: Record<string, LessonProgress>, now: Date, questions?: { ref: string }[]): number {
  return dueItems(lessons, now, questions ? (_l, ref) => questions.some((q) => q.ref === ref) : undefined).length;
}

export interface DueSummary {
  due: number;
  /** Of those due, the kept answers waiting for the learner's check. */
  toCheck: number;
  /** When the next items not yet due come due, and how many then (those due within the same day). */
  next: Date | null;
  nextCount: number;
}

export function dueSummary(items: Scheduled[], now: Date): DueSummary {
  const dueItems = dueNow(items, now);
  const due = dueItems.length;
  const toCheck = dueItems.filter((i) => i.toCheck).length;
  const later = items.filter((i) => !isDue(i, now));
  if (!later.length) return { due, toCheck, next: null, nextCount: 0 };
  const next = later[0].due;
  const day = next.toISOString().slice(0, 10);
  return { due, toCheck, next, nextCount: later.filter((i) => i.due.toISOString().slice(0, 10) === day).length };
}

/** "in 3 days (2026-01-05)", "in 12 minutes", "tomorrow (2026-01-02)": when, in words a learner reads. */
export function whenText(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  // Rounded first, then worded: 20 s away is "in 1 minute", not "in 1 minutes".
  const min = Math.max(1, Math.round(ms / 60000));
  if (min < 60) return `in ${count(min, 'minute')}`;
  const h = Math.round(ms / 3600000);
  const date = due.toISOString().slice(0, 10);
  // Later the same day is never "tomorrow".
  if (h < 24 || date === now.toISOString().slice(0, 10)) return `in ${count(h, 'hour')} (${date})`;
  const d = Math.round(ms / 86400000);
  return d === 1 ? `tomorrow (${date})` : `in ${d} days (${date})`;
}
