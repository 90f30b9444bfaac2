import type { Question, Verdict } from '../grading/index.js';
import type { LessonProgress, AnswerRecord } from './progress.js';
import { recordAnswer } from './progress.js';
import { askWithTries, DEFAULT_TRIES } from './tries.js';
import { awaitsCheck, dueItems, dueSummary, scheduleAll, whenText, type Scheduled } from './schedule.js';
import type { Asker, Ui } from './ui.js';
import { keptText } from './kept.js';

const right = (a: AnswerRecord) => a.verdict === 'correct' || a.self === 'right';

/** One studied lesson, as review needs it: its questions and a way to save to its record. */
export interface ReviewSource {
  /** The record's key in progress.json. */
  key: string;
  /** "Lesson 1.2.26", for the header of each item. */
  label: string;
  questions: Question[];
  record: LessonProgress;
  save: (change: (l: LessonProgress) => void) => unknown;
}

export interface ReviewDeps {
  ask: Asker;
  ui: Ui;
  grade: (q: Question, answer: string) => Verdict;
  now: () => Date;
  /** Answers a written or coding question may take (default: 3 in a terminal, 1 from a pipe). */
  tries?: number;
  /** At most this many items in one session (default 10). */
  limit?: number;
  /** Lessons studied whose file was not found: their due items are counted, not asked. */
  unreachable?: { label: string; due: number }[];
  /** The commands that work at an answer, said once before the first item. */
  commandsLine?: string;
  /** Told after each item: how many were answered (and saved) and skipped so far, for the line said if the review is stopped. */
  progress?: (so: ReviewSoFar) => void;
}

export interface ReviewSoFar {
  answered: number;
  skipped: number;
}

/** What a stopped review kept, truthfully: "nothing answered, nothing changed" when no answer was given. */
export function stoppedText({ answered, skipped }: ReviewSoFar): string {
  // A skip changes nothing either: it is said, not counted as an answer.
  const skips = skipped ? `; ${skipped} skipped (still due)` : '';
  if (!answered) return `nothing answered, nothing changed${skips}`;
  return `your ${answered} answer${answered === 1 ? ' is' : 's are'} saved${skips}`;
}

/** Everything due now among the sources' items that can be asked (most overdue first): dueItems, with each item's lesson and question. */
export function dueQueue(sources: ReviewSource[], now: Date): (Scheduled & { source: ReviewSource; question: Question })[] {
  const records = Object.fromEntries(sources.map((s) => [s.key, s.record]));
  const questionOf = (lesson: string, ref: string) => sources.find((s) => s.key === lesson)?.questions.find((q) => q.ref === ref);
  return dueItems(records, now, (l, r) => !!questionOf(l, r)).map((item) => {
    const source = sources.find((s) => s.key === item.lesson)!;
    return { ...item, source, question: questionOf(item.lesson, item.ref)! };
  });
}

/** What one session asks: the due queue, at most `limit` of it. */
export function reviewQueue(sources: ReviewSource[], now: Date, limit = 10): (Scheduled & { source: ReviewSource; question: Question })[] {
  return dueQueue(sources, now).slice(0, limit);
}

function nextLine(sources: ReviewSource[], now: Date): string | null {
  const s = { ...dueSummary(scheduleAll(Object.fromEntries(sources.map((x) => [x.key, x.record]))), now), due: dueQueue(sources, now).length };
  // Missed in this session (or kept, still to judge): due again at once, and said so.
  const again = s.due ? `${s.due} item${s.due === 1 ? ' is' : 's are'} due again now: calc-ml review goes over ${s.due === 1 ? 'it' : 'them'} again.` : '';
  const later = s.next ? `Next due: ${s.nextCount} item${s.nextCount === 1 ? '' : 's'} ${whenText(s.next, now)}.` : '';
  return [again, later].filter(Boolean).join(' ') || null;
}

/**
 * A short session over what the FSRS schedule has due, across every lesson given: missed items
 * come back at once, right ones after days that grow with each right answer. Returns how many
 * were asked and answered right.
 */
export async function runReview(sources: ReviewSource[], deps: ReviewDeps): Promise<{ asked: number; right: number }> {
  const { ask, ui, grade, now } = deps;
  const all = dueQueue(sources, now());
  const queue = all.slice(0, deps.limit ?? 10);
  ui.say(ui.heading('Review'));
  const lessonsIn = new Set(queue.map((i) => i.source.key)).size;
  const anyAnswered = sources.some((s) => Object.keys(s.record.answers).length > 0);
  if (!queue.length) {
    const next = nextLine(sources, now());
    ui.say(!anyAnswered
      ? 'Nothing to review yet: what you answer in calc-ml start or calc-ml quiz comes back here when it is due.'
      : `Nothing is due now.${next ? ` ${next}` : ''}`);
  } else {
    // A session asks at most `limit`: the count said is still all that is due, as every offer of a review counts it.
    const part = all.length > queue.length ? `; this session asks the first ${queue.length}` : '';
    ui.say(`${all.length} item${all.length === 1 ? '' : 's'} due${lessonsIn > 1 ? ` from ${lessonsIn} lessons` : ''}, most overdue first${part} (spaced by FSRS: what you miss comes back soon, what you get right after growing gaps).${deps.commandsLine ? '' : ' Enter skips one (it stays due).'} ? shows a hint.`);
    if (deps.commandsLine) ui.say(ui.dim(deps.commandsLine));
  }
  for (const u of deps.unreachable ?? []) if (u.due) ui.say(ui.dim(`${u.label}: ${u.due} item${u.due === 1 ? '' : 's'} due, but its lesson file is not found (give its folder with --dir).`));
  for (const s of sources) if ((s.record.answers['mini-project'] ?? []).some((a) => !right(a))) ui.say(ui.dim(`${s.label}: the mini-project is waiting too: calc-ml start --step mini-project`));
  let good = 0;
  let kept = 0;
  let skipped = 0;
  for (const [i, item] of queue.entries()) {
    const q = item.question;
    ui.say('');
    ui.say(ui.bold(`${i + 1}/${queue.length} · ${sources.length > 1 ? `${item.source.label} · ` : ''}${q.ref}${item.misses > 1 ? ` · missed ${item.misses}×` : ''}`));
    const history = item.source.record.answers[q.ref] ?? [];
    const lastAnswer = history[history.length - 1];
    if (lastAnswer && awaitsCheck(lastAnswer)) ui.say(ui.dim(`Your answer of ${lastAnswer.at.slice(0, 10)} was kept, not graded, and not yet checked: answer again, then check it against the lesson.`));
    ui.say(q.prompt);
    const asked = await askWithTries(q, { ask, ui, grade, maxTries: deps.tries ?? (ask.interactive ? DEFAULT_TRIES : 1) });
    if (asked.skipped) {
      // Not answered: nothing is rated, so the schedule is as it was and the item is due still.
      ui.say(ui.dim('– Skipped: not answered, not rated. It stays due.'));
      skipped++;
      deps.progress?.({ answered: i + 1 - skipped, skipped });
      continue;
    }
    const { answer, verdict: v } = asked;
    // Kept ungraded: shown as the quiz shows it, the lesson's answer once, to check against.
    ui.say(v.verdict === 'ungraded' ? keptText(q, v, ui) : asked.shown);
    let self: 'right' | 'wrong' | undefined;
    if (v.verdict === 'ungraded') {
      if (ask.interactive) {
        self = (await ask.select('Were you right this time?', [
          { value: 'right', name: 'Yes', key: 'y' },
          { value: 'wrong', name: 'Not yet', key: 'n' },
        // Not the favourable choice by default: the learner says they were right, Enter alone does not.
        ], { default: 'wrong' })) as 'right' | 'wrong';
      } else {
        // One answer per line from a pipe: a "were you right?" would take the next answer as its reply.
        ui.say(ui.dim('Kept for you to check: it stays due until you judge it in a terminal (calc-ml review).'));
        kept++;
      }
    }
    const rec: AnswerRecord = {
      ref: q.ref, kind: q.kind, answer, verdict: v.verdict, score: v.score, at: now().toISOString(),
      tries: v.tries ?? 1, hintsUsed: v.hintsUsed ?? 0, ...(asked.earlier.length ? { earlier: asked.earlier } : {}), ...(self ? { self } : {}),
    };
    item.source.save((l) => recordAnswer(l, rec));
    deps.progress?.({ answered: i + 1 - skipped, skipped });
    if (right(rec)) good++;
  }
  if (queue.length) {
    ui.say('');
    const next = nextLine(sources, now());
    // Skipped items were not answered: counted apart, not among those that were not right.
    const answered = queue.length - skipped;
    ui.say(`Review done: ${answered ? `${good} of ${answered} right` : 'nothing answered'}${kept ? `; ${kept} kept for you to check` : ''}${skipped ? `; ${skipped} skipped (not answered, still due)` : ''}.${next ? ` ${next}` : ''}`);
  }
  return { asked: queue.length, right: good };
}
