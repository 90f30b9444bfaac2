import type { Question, Verdict } from '../grading/index.js';
import type { LessonProgress, AnswerRecord } from './progress.js';
import { recordAnswer } from './progress.js';
import { askWithTries, DEFAULT_TRIES } from './tries.js';
import type { Asker, Ui } from './ui.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const right = (a: AnswerRecord) => a.verdict === 'correct' || a.self === 'right';

export interface ReviewItem {
  ref: string;
  misses: number;
  firstMiss: string;
}

/**
 * What to review now: items whose last answer was wrong, partly right or skipped, and items right
 * once since, when a day has passed (a second right answer, days apart, retires an item). Most-missed
 * first, then oldest miss first. Pure: `now` is given.
 */
export function reviewQueue(record: LessonProgress, now: Date, limit = 10): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const [ref, list] of Object.entries(record.answers)) {
    const misses = list.filter((a) => !right(a) && a.verdict !== 'ungraded');
    const missesSelf = list.filter((a) => a.self === 'wrong');
    const all = [...misses, ...missesSelf];
    if (!all.length) continue;
    const last = list[list.length - 1];
    let due: boolean;
    if (!right(last)) due = true;
    else {
      const prev = list[list.length - 2];
      const retired = prev && right(prev) && Date.parse(last.at) - Date.parse(prev.at) >= DAY_MS;
      due = !retired && now.getTime() - Date.parse(last.at) >= DAY_MS;
    }
    if (due) items.push({ ref, misses: all.length, firstMiss: all.map((a) => a.at).sort()[0] });
  }
  return items.sort((a, b) => b.misses - a.misses || a.firstMiss.localeCompare(b.firstMiss)).slice(0, limit);
}

export interface ReviewDeps {
  ask: Asker;
  ui: Ui;
  grade: (q: Question, answer: string) => Verdict;
  save: (change: (l: LessonProgress) => void) => void;
  now: () => Date;
  /** Answers a written or coding question may take (default: 3 in a terminal, 1 from a pipe). */
  tries?: number;
}

/** A short session over the review queue; returns how many were answered right. */
export async function runReview(questions: Question[], record: LessonProgress, deps: ReviewDeps): Promise<{ asked: number; right: number }> {
  const { ask, ui, grade, save, now } = deps;
  const queue = reviewQueue(record, now()).filter((i) => questions.some((q) => q.ref === i.ref));
  const elsewhere = reviewQueue(record, now()).filter((i) => !questions.some((q) => q.ref === i.ref));
  ui.say(ui.heading('Review'));
  if (!queue.length) {
    const answered = Object.keys(record.answers).length > 0;
    ui.say(
      elsewhere.length
        ? 'Nothing to ask here.'
        : answered
          ? 'Nothing to review: everything you missed is retired or not due yet.'
          : 'Nothing to review yet: what you miss in calc-ml start or calc-ml quiz comes back here.',
    );
  } else {
    ui.say(`${queue.length} item${queue.length === 1 ? '' : 's'} you missed or skipped, most-missed first. Enter skips one, ? shows a hint.`);
  }
  for (const e of elsewhere) if (e.ref === 'mini-project') ui.say(ui.dim('The mini-project is waiting too: calc-ml start --step mini-project'));
  let good = 0;
  for (const [i, item] of queue.entries()) {
    const q = questions.find((x) => x.ref === item.ref)!;
    ui.say('');
    ui.say(ui.bold(`${i + 1}/${queue.length} · ${q.ref}${item.misses > 1 ? ` · missed ${item.misses}×` : ''}`));
    ui.say(q.prompt);
    const asked = await askWithTries(q, { ask, ui, grade, maxTries: deps.tries ?? (ask.interactive ? DEFAULT_TRIES : 1) });
    if (asked.skipped) {
      ui.say(ui.dim('– Skipped. It stays in your review.'));
      continue;
    }
    const { answer, verdict: v } = asked;
    ui.say(asked.shown);
    let self: 'right' | 'wrong' | undefined;
    if (v.verdict === 'ungraded' && ask.interactive) {
      self = (await ask.select('Were you right this time?', [
        { value: 'right', name: 'Yes', key: 'y' },
        { value: 'wrong', name: 'Not yet', key: 'n' },
      ])) as 'right' | 'wrong';
    }
    const rec: AnswerRecord = {
      ref: q.ref, kind: q.kind, answer, verdict: v.verdict, score: v.score, at: now().toISOString(),
      tries: v.tries ?? 1, hintsUsed: v.hintsUsed ?? 0, ...(asked.earlier.length ? { earlier: asked.earlier } : {}), ...(self ? { self } : {}),
    };
    save((l) => recordAnswer(l, rec));
    if (right(rec)) good++;
  }
  if (queue.length) {
    ui.say('');
    ui.say(`Review done: ${good} of ${queue.length} right. An item leaves your review once you get it right twice, a day or more apart.`);
  }
  return { asked: queue.length, right: good };
}
