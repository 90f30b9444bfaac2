import { noteToStderr } from '../io/stderr.js';
import { jsonText } from '../terminal-text.js';
import { ProgressStore } from '../io/progress-store.js';
import { lessonOf, summarize, formatDuration } from '../tutor/progress.js';
import { listLessons, lessonDirs } from '../lesson/catalog.js';
import { color } from '../io/color.js';
import { stepLabel } from '../tutor/plan.js';

export async function run(opts: { json?: boolean; dir?: string[] }): Promise<void> {
  const store = new ProgressStore();
  const data = store.read();
  for (const n of store.notices) noteToStderr(n);
  const titles = new Map(listLessons(lessonDirs(opts.dir)).entries.map((e) => [e.id, e.title]));
  const lessons = Object.keys(data.lessons).map((id) => ({ title: titles.get(id) ?? null, ...summarize(id, lessonOf(data, id)) }));
  if (opts.json) {
    process.stdout.write(jsonText({ file: store.file, lessons }, 2) + '\n');
    return;
  }
  if (!lessons.length) {
    process.stdout.write(`No progress yet. Start the lesson with: calc-ml start\n(progress is kept in ${store.file})\n`);
    return;
  }
  for (const s of lessons) {
    const pct = (x: { score: number; total: number }) => `${fmt(x.score)}/${x.total} (${Math.round((100 * x.score) / x.total)}%)`;
    process.stdout.write(`${color.bold(`Lesson ${s.lessonId}`)}${s.title ? ` ${s.title}` : ''}\n`);
    // An unfinished attempt is scored over what was answered: say so, rather than 0/4 or NaN%.
    const last = (q: NonNullable<typeof s.quizLast>) =>
      q.complete ? pct(q) : q.total ? `unfinished, ${fmt(q.score)} right of ${q.total} answered` : 'unfinished, nothing answered';
    process.stdout.write(`  quiz: ${s.quizBest ? `best ${pct(s.quizBest)}` : 'no complete attempt'}` +
      (s.quizLast ? `, last ${last(s.quizLast)}` : '') +
      `, ${s.quizAttempts} attempt${s.quizAttempts === 1 ? '' : 's'}\n`);
    process.stdout.write(`  exercises right or partly right: ${s.exercisesDone.length ? s.exercisesDone.join(', ') : 'none yet'}\n`);
    process.stdout.write(`  time spent: ${formatDuration(s.timeSpentMs)}\n`);
    if (s.step) process.stdout.write(`  guided lesson: at ${stepLabel(s.step)} (calc-ml start picks up there)\n`);
  }
  process.stdout.write(`(kept in ${store.file})\n`);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
