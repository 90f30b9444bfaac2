import { noteToStderr } from '../io/stderr.js';
import { jsonText } from '../terminal-text.js';
import { ProgressStore } from '../io/progress-store.js';
import { studiedLessons, openStudied } from '../io/studied.js';
import { clockNow } from '../io/clock.js';
import { lessonOf, summarize, formatDuration, lastStudiedOf } from '../tutor/progress.js';
import { lessonStatus, quizState, stepFigures, untouched, type StepState } from '../tutor/progress-status.js';
import { fmtPoints, passMarkOf, passMarkText } from '../tutor/quiz-score.js';
import { dueSummary, scheduleAll, whenText } from '../tutor/schedule.js';
import { lessonPlan } from '../io/lesson-plan.js';
import { color, terminalWidth } from '../io/color.js';
import { wrapRendered } from '../io/wrap.js';
import { stepLabel } from '../tutor/plan.js';

const STATE_ORDER: StepState[] = ['done', 'skipped', 'missed', 'left'];

export async function run(opts: { json?: boolean; dir?: string[] }): Promise<void> {
  const store = new ProgressStore();
  const data = store.read();
  for (const n of store.notices) noteToStderr(n);
  const now = clockNow();
  const schedule = scheduleAll(data.lessons);
  const lessons = [];
  // Each step named as start's plan names it ("1. Concept Foundations", not "Reading: 1 concept foundations").
  const names = new Map<string, Map<string, string>>();
  for (const s of studiedLessons(data, opts.dir)) {
    const opened = await openStudied(s, opts.dir);
    const record = lessonOf(data, s.key);
    // The plan as start walks it (the file's every section), so both count the same steps.
    const plan = opened ? (await lessonPlan(opened)).steps : null;
    const passMark = passMarkOf(opened?.passMark);
    const figures = plan ? stepFigures(plan, record, passMark) : null;
    if (plan) names.set(s.key, new Map(plan.map((p) => [p.id, p.kind === 'exercise' ? stepLabel(p.id) : p.title])));
    const due = dueSummary(schedule.filter((i) => i.lesson === s.key), now);
    lessons.push({
      // The lesson's id as it reads now (a record an older build kept under its title's id says that one).
      ...summarize(opened?.lesson.id ?? record.id ?? s.key, record),
      title: opened?.lesson.title ?? record.title ?? null,
      key: s.key,
      path: opened?.path ?? null,
      status: lessonStatus(record, plan, passMark),
      quiz: quizState(record, passMark),
      passMark,
      passMarkRule: passMarkText(opened?.passMark),
      steps: figures,
      lastStudied: lastStudiedOf(record),
      review: { due: due.due, toCheck: due.toCheck, next: due.next?.toISOString() ?? null, nextCount: due.nextCount },
      untouched: untouched(record),
    });
  }
  const all = dueSummary(schedule, now);
  const review = { due: all.due, toCheck: all.toCheck, next: all.next?.toISOString() ?? null, nextCount: all.nextCount };
  if (opts.json) {
    process.stdout.write(jsonText({ file: store.file, lessons, review }, 2) + '\n');
    return;
  }
  const shown = lessons.filter((l) => !l.untouched);
  if (!shown.length) {
    process.stdout.write(`No progress yet. Start the lesson with: calc-ml start\n(progress is kept in ${store.file})\n`);
    return;
  }
  const pct = (x: { score: number; total: number }) => `${fmtPoints(x.score)}/${x.total} (${Math.round((100 * x.score) / x.total)}%)`;
  // Wrapped to the terminal (or COLUMNS), continuation lines hanging under their indent: a narrow
  // terminal would otherwise cut words in two.
  const width = terminalWidth();
  const out = (line: string) => process.stdout.write(`${wrapRendered(line, width)}\n`);
  for (const s of shown) {
    const named = (id: string) => names.get(s.key)?.get(id) ?? stepLabel(id);
    out(`${color.bold(`Lesson ${s.lessonId}`)}${s.title ? ` ${s.title}` : ''} · ${s.status}${s.lastStudied ? ` · last studied ${s.lastStudied.slice(0, 10)}` : ''}`);
    if (s.steps) {
      const c = s.steps;
      out(`  steps: ${STATE_ORDER.map((k) => `${c[k]} ${k}`).join(', ')} (of ${c.total})`);
      for (const k of STATE_ORDER.slice(1)) {
        const ids = c.list.filter((x) => x.state === k).map((x) => named(x.id));
        if (ids.length) out(`    ${k}: ${ids.slice(0, 6).join(', ')}${ids.length > 6 ? `, and ${ids.length - 6} more` : ''}`);
      }
    } else out('  steps: its lesson file is not found here (give its folder with --dir)');
    // An unfinished attempt is scored over what was answered: say so, rather than 0/4 or NaN%.
    const last = (q: NonNullable<typeof s.quizLast>) =>
      q.complete ? (q.total ? pct(q) : 'nothing graded') : q.total ? `unfinished, ${fmtPoints(q.score)} right of ${q.total} graded so far (calc-ml quiz goes on)` : 'unfinished (calc-ml quiz goes on)';
    const passed = s.quiz === 'passed' ? 'passed' : s.quiz === 'failed' ? 'not passed yet' : 'not taken';
    out(`  quiz: ${passed} (${s.passMarkRule})` + (s.quizBest ? `, best ${pct(s.quizBest)}` : '') +
      (s.quizLast ? `, last ${last(s.quizLast)}` : '') + `, ${s.quizAttempts} attempt${s.quizAttempts === 1 ? '' : 's'}`);
    out(`  review: ${s.review.due} due now${checkText(s.review.toCheck)}${s.review.next ? `; next ${s.review.nextCount} ${whenText(new Date(s.review.next), now)}` : ''}`);
    out(`  time spent: ${formatDuration(s.timeSpentMs)}`);
    if (s.step && s.status !== 'complete') out(`  guided lesson: at ${named(s.step)} (calc-ml start picks up there)`);
  }
  out(`Review: ${review.due} item${review.due === 1 ? '' : 's'} due now${checkText(review.toCheck)}${review.next ? `; the next ${review.nextCount} ${whenText(new Date(review.next), now)}` : ''}${review.due ? ' (calc-ml review)' : ''}.`);
  // A path is not broken: the terminal wraps it, and it still copies whole.
  process.stdout.write(`(kept in ${store.file})\n`);
}

/** " (3 kept answers to check against the lesson)": due items that wait for the learner's own judgement. */
function checkText(n: number): string {
  return n ? ` (${n} kept answer${n === 1 ? '' : 's'} to check against the lesson)` : '';
}
