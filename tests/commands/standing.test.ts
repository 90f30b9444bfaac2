import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

const COURSE = fileURLToPath(new URL('../fixtures/progress-course', import.meta.url));
const MOMENTUM = join(COURSE, 'Lesson-7.3.4-Momentum-Basics.md');
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-standing-'));

describe('where the learner stands, across lessons', () => {
  test('lessons: status, best score and last studied per lesson; --json the same', () => {
    const h = home();
    const env = { CALC_ML_HOME: h, CALC_ML_NOW: '2026-02-03T09:00:00Z', COLUMNS: '120' };
    expect(runCli(['quiz', MOMENTUM], { input: 'true\nfalse\na\nb\nprint(1)\n', env }).status).toBe(0);
    const text = runCli(['lessons', '--dir', COURSE], { env }).stdout;
    expect(text).toMatch(/^7\.3\.4\s+Momentum Basics\s+Intermediate · 2 hours\s+in progress · best 2\/2 · 2026-02-03$/m);
    expect(text).toMatch(/^7\.3\.5\s+Adaptive Rates\s+Intermediate · 2 hours\s+new$/m);
    // At 40 columns the standing goes under the title, broken between its parts, never cut off.
    const narrow = runCli(['lessons', '--dir', COURSE], { env: { ...env, COLUMNS: '40' } }).stdout;
    expect(narrow).toMatch(/^7\.3\.4 {3}Momentum Basics\n {8}Intermediate · 2 hours\n {8}in progress · best 2\/2\n {8}2026-02-03$/m);
    expect(narrow.split('\n').filter((l) => l.length > 40)).toEqual([]);
    const doc = JSON.parse(runCli(['lessons', '--dir', COURSE, '--json'], { env }).stdout);
    expect(doc.lessons.find((l: { id: string }) => l.id === '7.3.4')).toMatchObject({ status: 'in progress', best: { score: 2, total: 2 }, lastStudied: '2026-02-03T09:00:00.000Z' });
  });

  test('start with no lesson goes back to the one in progress', () => {
    const h = home();
    runCli(['quiz', MOMENTUM], { input: 'true\n', env: { CALC_ML_HOME: h } });
    const r = runCli(['start'], { input: '', env: { CALC_ML_HOME: h } });
    expect(r.stdout).toMatch(/Going back to Lesson 7\.3\.4, in progress/);
    expect(r.stdout).toMatch(/Lesson 7\.3\.4: Momentum Basics/);
    // Named, a lesson is opened as named.
    expect(runCli(['start', '1.2.26'], { input: '', env: { CALC_ML_HOME: h } }).stdout).toMatch(/^Lesson 1\.2\.26: Calculus for ML/);
  });

  test('progress: steps, the quiz against its pass mark, review due', () => {
    const h = home();
    const env = { CALC_ML_HOME: h, CALC_ML_NOW: '2026-02-03T09:00:00Z' };
    runCli(['quiz', MOMENTUM], { input: 'true\ntrue\na\nb\nprint(1)\n', env });
    const text = runCli(['progress'], { env: { ...env, CALC_ML_NOW: '2026-02-03T09:05:00Z' } }).stdout;
    expect(text).toMatch(/Lesson 7\.3\.4 Momentum Basics · in progress · last studied 2026-02-03/);
    expect(text).toMatch(/steps: 0 done, 0 skipped, 1 missed, 6 left \(of 7\)\n {4}missed: Quiz\n {4}left: Learning objectives/);
    expect(text).toMatch(/quiz: not passed yet \(pass mark 70% of what is graded\), best 1\/2 \(50%\)/);
    // The three written answers piped in were kept, not judged: due at once, for the learner to check.
    expect(text.replace(/\n\s+/g, ' ')).toMatch(/review: 4 due now \(3 kept answers to check against the lesson\); next 1 in 2 days \(2026-02-05\)/);
    // Wrapped to the terminal: at 40 columns no line is longer, and no word is cut in two.
    const narrow = runCli(['progress'], { env: { ...env, CALC_ML_NOW: '2026-02-03T09:05:00Z', COLUMNS: '40' } }).stdout;
    expect(narrow.split('\n').filter((l) => l.length > 40 && !l.startsWith('(kept in '))).toEqual([]);
    expect(narrow.replace(/\s+/g, ' ')).toContain(text.replace(/\s+/g, ' '));
  });
});
