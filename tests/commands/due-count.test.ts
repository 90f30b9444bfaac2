import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const MOMENTUM = fileURLToPath(new URL('../fixtures/progress-course/Lesson-7.3.4-Momentum-Basics.md', import.meta.url));

// One count of what is due (tutor/schedule.ts dueItems), on a fixed clock: the "Welcome back"
// offer, the review it opens, a review of its own and progress all say the same number (the
// offer said "3 items", the misses alone, and the review then opened with 5).
test('Welcome back offers as many items as review then asks, and progress counts the same', () => {
  const h = mkdtempSync(join(tmpdir(), 'calc-ml-due-'));
  const at = (iso: string) => ({ CALC_ML_HOME: h, CALC_ML_NOW: iso, CALC_ML_PYTHON: '0' });
  // A quiz with one miss and three kept answers; then two steps of the lesson, an exercise skipped.
  expect(runCli(['quiz', MOMENTUM], { input: 'true\ntrue\na\nb\nprint(1)\n', env: at('2026-01-01T10:00:00Z') }).status).toBe(0);
  runCli(['start', MOMENTUM], { input: '\n\n', env: at('2026-01-01T10:05:00Z') });
  const progress = JSON.parse(runCli(['progress', '--json'], { env: at('2026-01-01T10:30:00Z') }).stdout);
  const due: number = progress.review.due;
  expect(due).toBe(5);
  const welcome = runCli(['start', MOMENTUM], { input: 'v\n', env: at('2026-01-01T10:30:00Z') });
  const s = welcome.stdout.replace(/\s+/g, ' ');
  expect(s).toContain(`Review what is due (${due} items)`);
  expect(s).toContain(`Review ${due} items due, most overdue first`);
  const review = runCli(['review'], { env: at('2026-01-01T10:30:00Z') });
  expect(review.stdout.replace(/\s+/g, ' ')).toContain(`${due} items due, most overdue first`);
});

test('help review says what review does: FSRS, most overdue first, every lesson studied', () => {
  const r = runCli(['help', 'review']);
  const s = r.stdout.replace(/\s+/g, ' ');
  expect(s).toMatch(/most overdue first/);
  expect(s).toMatch(/FSRS/);
  expect(s).not.toMatch(/most-missed first/);
  expect(s).not.toMatch(/nothing for the bundled lesson/);
});
