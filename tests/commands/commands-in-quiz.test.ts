import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.js';

// Standalone quiz and review, from a pipe: ":quit", ":skip" and ":help" typed at an answer are
// commands, never answers (they were saved as the answer and came back in review).
const MOMENTUM = fileURLToPath(new URL('../fixtures/progress-course/Lesson-7.3.4-Momentum-Basics.md', import.meta.url));
const ANSWER_KEY = fileURLToPath(new URL('../fixtures/course/level-b/Lesson-5.2.5-Answer-Key.md', import.meta.url));
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-cmdquiz-'));
const flat = (s: string) => s.replace(/\s+/g, ' ');
const answersIn = (h: string): string[] => {
  const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
  return Object.values(saved.lessons as Record<string, { quiz: { answers: { answer: string }[] }[] }>).flatMap((l) => l.quiz.flatMap((a) => a.answers.map((x) => x.answer)));
};

describe('lesson commands in calc-ml quiz and review', () => {
  test(':quit at a written answer saves and leaves with the command that goes on with this lesson', () => {
    const h = home();
    const r = runCli(['quiz', MOMENTUM], { input: 'true\ntrue\n:quit\n', env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Stopped at question 3 of 5; your 2 answers are saved\. To go on at question 3,\s+run:\n/);
    expect(r.stdout.split('\n')).toContain(`  calc-ml quiz ${MOMENTUM}`);
    expect(answersIn(h)).toEqual(['true', 'true']);
    // And it does go on there.
    const again = runCli(['quiz', MOMENTUM], { input: ':help\n:plan\n:skip\n\nprint(1)\n', env: { CALC_ML_HOME: h } });
    expect(again.status).toBe(0);
    const s = flat(again.stdout);
    expect(s).toMatch(/Going on with the quiz you stopped \(2 of 5 answered\)/);
    expect(s).toContain(':skip leave this question unanswered, as an empty answer does: not right, not a miss; the next calc-ml quiz asks it again :quit save your answers and leave; the command that goes on from here is shown then :help list these commands');
    expect(s).toContain(':plan works in calc-ml start, not here. Here: :skip, :quit, :help.');
    expect(s).toMatch(/2 questions skipped \(not answered\)/);
    expect(answersIn(h)).not.toContain(':skip');
    expect(answersIn(h).filter((a) => a.startsWith(':'))).toEqual([]);
  });

  test('end of input in quiz FILE names FILE, and --dir when it was given', () => {
    const r = runCli(['quiz', MOMENTUM], { input: 'true\n' });
    expect(r.status).toBe(1);
    expect(flat(r.stderr)).toContain('To go on at question 2, run:');
    expect(r.stderr.split('\n')).toContain(`  calc-ml quiz ${MOMENTUM}`);
    const byId = runCli(['quiz', '7.3.4', '--dir', join(MOMENTUM, '..')], { input: '' });
    expect(flat(byId.stderr)).toContain('To take it again, run:');
    expect(byId.stderr.split('\n')).toContain(`  calc-ml quiz 7.3.4 --dir ${join(MOMENTUM, '..')}`);
  });

  test(':quit in review saves and names the review to run again', () => {
    const h = home();
    expect(runCli(['quiz', MOMENTUM], { input: 'true\ntrue\na\nb\nprint(1)\n', env: { CALC_ML_HOME: h } }).status).toBe(0);
    const r = runCli(['review', MOMENTUM], { input: ':quit\n', env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(0);
    // Nothing was answered before :quit: said so, not "the answers you gave are saved".
    expect(flat(r.stdout)).toContain('Review stopped; nothing answered, nothing changed. To go on, run:');
    expect(r.stdout.split('\n')).toContain(`  calc-ml review ${MOMENTUM}`);
    expect(answersIn(h).filter((a) => a.startsWith(':'))).toEqual([]);
  });

  test.each([
    ['true\n:quit\n', 0, 'Review stopped; your 1 answer is saved. To go on, run:'],
    ['\n:quit\n', 0, 'Review stopped; nothing answered, nothing changed; 1 skipped (still due). To go on, run:'],
    ['true\n\n', 1, 'calc-ml: the input ended during the review; your 1 answer is saved; 1 skipped (still due)'],
    ['', 1, 'calc-ml: the input ended during the review; nothing answered, nothing changed'],
  ])('review stopped by %j: the answers given are counted, skips said apart', (input, status, said) => {
    const h = home();
    expect(runCli(['quiz', MOMENTUM], { input: 'true\ntrue\na\nb\nprint(1)\n', env: { CALC_ML_HOME: h } }).status).toBe(0);
    const r = runCli(['review', MOMENTUM], { input, env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(status);
    expect(flat(r.stdout + r.stderr)).toContain(said);
  });

  test('review: the commands are listed once before the first item; :skip leaves an item unanswered, unrated and still due', () => {
    const h = home();
    const env = { CALC_ML_HOME: h, CALC_ML_NOW: '2026-01-01T10:00:00Z' };
    // quiz.2 answered wrong: due again at once.
    expect(runCli(['quiz', MOMENTUM], { input: 'true\ntrue\na\nb\nprint(1)\n', env }).status).toBe(0);
    const before = readFileSync(join(h, 'progress.json'), 'utf8');
    const r = runCli(['review', MOMENTUM], { input: ':skip\n\n:skip\n\n', env: { ...env, CALC_ML_NOW: '2026-01-01T10:30:00Z' } });
    expect(r.status).toBe(0);
    const s = flat(r.stdout);
    expect(s.match(/At an answer: Enter alone or :skip leaves it unanswered \(it stays due\), :quit saves and leaves, :help lists these\./g)).toHaveLength(1);
    expect(s.indexOf('At an answer:')).toBeLessThan(s.indexOf('1/4'));
    expect(s.match(/– Skipped: not answered, not rated\. It stays due\./g)).toHaveLength(4);
    expect(s).toMatch(/Review done: nothing answered; 4 skipped \(not answered, still due\)\. 4 items are due again now/);
    // Nothing was answered, so nothing was rated: the file is as it was.
    expect(readFileSync(join(h, 'progress.json'), 'utf8')).toBe(before);
  });

  test('help quiz and help review list the commands at an answer', () => {
    expect(flat(runCli(['help', 'quiz']).stdout)).toContain('At an answer: :skip leave this question unanswered, as an empty answer does: not right, not a miss; the next calc-ml quiz asks it again :quit save your answers and leave');
    expect(flat(runCli(['help', 'review']).stdout)).toContain('At an answer: :skip leave this item unanswered, as an empty answer does: it stays due, not rated :quit save your answers and leave');
  });

  test("the quiz asks in the lesson's order: a multiple-choice item after the true/false ones comes after them", () => {
    const r = runCli(['quiz', ANSWER_KEY, '--json'], { input: '\n\n\n\n' });
    const doc = JSON.parse(r.stdout);
    expect(doc.items.map((i: { ref: string }) => i.ref)).toEqual(['quiz.1', 'quiz.2', 'quiz.3', 'quiz.4']);
    expect(flat(r.stderr)).toMatch(/1\/4 · true or false/);
    expect(flat(r.stderr)).toMatch(/3\/4 · multiple choice/);
  });

  test('check --course with a file names --course, not --dir', () => {
    const r = runCli(['check', '--course', MOMENTUM]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/is not a folder; --course takes a folder of lesson \.md files/);
    expect(r.stderr).not.toMatch(/--dir/);
    const missing = runCli(['check', '--course', '/nonexistent/course']);
    expect(missing.stderr).toMatch(/no such folder; --course takes a folder/);
  });
});
