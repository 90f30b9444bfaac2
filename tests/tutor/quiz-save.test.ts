import { readFileSync } from 'node:fs';
import { parseLesson } from '../../src/lesson/parse.js';
import { parseKey } from '../../src/lesson/key.js';
import { grade, questionsFor } from '../../src/grading/index.js';
import { runQuiz } from '../../src/tutor/quiz.js';
import { emptyLesson, type LessonProgress } from '../../src/tutor/progress.js';
import { recordingUi, type Asker } from '../../src/tutor/ui.js';

// The quiz's promise to a learner: a verdict on screen means the answer is already saved, so a
// kill -9 right after it loses nothing the learner saw confirmed.
const base = new URL('../../lessons/1.2.26-calculus-for-ml-big-picture', import.meta.url).pathname;
const lesson = parseLesson(readFileSync(`${base}.md`, 'utf8'));
const { key } = parseKey(readFileSync(`${base}.key.yaml`, 'utf8'), lesson);
const questions = questionsFor(lesson, key);

function piped(answers: string[]): Asker {
  const queue = [...answers];
  return {
    interactive: false,
    async input() {
      return queue.shift() ?? '';
    },
    async select(_m, choices) {
      return choices[0].value;
    },
    async pause() {},
  };
}

test('each answer is saved before its verdict is shown', async () => {
  const ui = recordingUi(80);
  const record: LessonProgress = emptyLesson();
  const seenAtSave: number[] = [];
  const result = await runQuiz(lesson, questions, record, {
    ask: piped(['true', 'yes', 'false', 'true', 'calculus tells us how to change the weights to reduce the loss', 'the gradient points uphill', 'a small step', 'f(x) = x^2; f(3)']),
    ui,
    grade,
    save: (change) => {
      change(record);
      seenAtSave.push(ui.lines.filter((l) => /^(✓|~|✗|–) /.test(l)).length);
      return true;
    },
    now: () => '2026-12-02T00:00:00.000Z',
    newId: () => 'attempt-1',
  });
  // Save 0 starts the attempt, saves 1..8 are the answers, the last marks it complete.
  expect(seenAtSave.slice(1, 9)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  expect(result.saved).toBe(8);
  expect(record.quiz.map((a) => a.id)).toEqual(['attempt-1']);
});

test('saves that fail are counted, so the end can say how many answers were kept', async () => {
  let n = 0;
  const result = await runQuiz(lesson, questions, emptyLesson(), {
    ask: piped(['true', 'false', 'true', 'true', '', '', '', '']),
    ui: recordingUi(80),
    grade,
    save: () => n++ < 3, // the attempt's start and two answers, then the disk is full
    now: () => '2026-12-02T00:00:00.000Z',
  });
  expect(result.items).toHaveLength(8);
  expect(result.saved).toBe(2);
});

test('a skipped question is not saved as an answer: the attempt stays open and the next run asks it again', async () => {
  const ui = recordingUi(80);
  const record: LessonProgress = emptyLesson();
  const save = (change: (l: LessonProgress) => void) => {
    change(record);
    return true;
  };
  const deps = { ui, grade, save, now: () => '2026-12-02T00:00:00.000Z', newId: () => 'attempt-1' };
  const first = await runQuiz(lesson, questions, record, { ...deps, ask: piped(['true', '', 'false', 'true', 'calculus tells us how to change the weights to reduce the loss', 'the gradient points uphill', 'a small step', 'f(x) = x^2; f(3)']) });
  expect(first).toMatchObject({ complete: false, passed: null, skipped: 1 });
  expect(first.items[1]).toMatchObject({ ref: 'quiz.2', skipped: true, verdict: 'skipped', score: 0 });
  expect(record.quiz[0].complete).toBe(false);
  expect(record.quiz[0].answers.map((a) => a.ref)).not.toContain('quiz.2');
  expect(record.answers['quiz.2']).toBeUndefined();
  const second = await runQuiz(lesson, questions, record, { ...deps, ask: piped(['yes']) });
  expect(ui.lines.join('\n')).toMatch(/Going on with the quiz you stopped \(7 of 8 answered; 1 skipped, asked again now\): question 2 is next\./);
  expect(second).toMatchObject({ complete: true, skipped: 0, resumed: 7 });
  expect(second.items.filter((i) => !i.resumed).map((i) => i.ref)).toEqual(['quiz.2']);
  expect(record.quiz.map((a) => [a.id, a.complete])).toEqual([['attempt-1', true]]);
});
