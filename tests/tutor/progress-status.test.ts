import { emptyLesson, recordAnswer, type AnswerRecord, type LessonProgress, type QuizAttempt } from '../../src/tutor/progress.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lessonStatus, lessonToResume, quizState, stateCounts, stepFigures, stepState, stepStates, attemptPassed } from '../../src/tutor/progress-status.js';
import { planSteps } from '../../src/tutor/plan.js';
import { outlineLesson } from '../../src/lesson/outline.js';
import { parseLesson } from '../../src/lesson/parse.js';

const plan = ['objectives', 'exercise:7.3.4.1', 'exercise:7.3.4.2', 'mini-project', 'quiz', 'finish'].map((id) => ({ id }));
const ans = (ref: string, verdict: AnswerRecord['verdict'], extra: Partial<AnswerRecord> = {}): AnswerRecord => ({ ref, kind: 'open', answer: 'y', verdict, score: verdict === 'correct' ? 1 : 0, at: '2026-01-01T00:00:00Z', ...extra });
const attempt = (score: number, total: number, extra: Partial<QuizAttempt> = {}): QuizAttempt => ({ id: 'a', startedAt: 's', finishedAt: 'f', answers: [], score, total, complete: true, ...extra });

function lesson(f: (l: LessonProgress) => void): LessonProgress {
  const l = emptyLesson();
  f(l);
  return l;
}

describe('step states: done, skipped, missed, left', () => {
  test.each([
    ['objectives', lesson((l) => l.tutor.done.push('objectives')), 'done'],
    ['objectives', emptyLesson(), 'left'],
    ['mini-project', lesson((l) => { l.tutor.done.push('mini-project'); l.tutor.skipped.push('mini-project'); }), 'skipped'],
    ['exercise:7.3.4.1', lesson((l) => recordAnswer(l, ans('7.3.4.1', 'correct'))), 'done'],
    ['exercise:7.3.4.1', lesson((l) => recordAnswer(l, ans('7.3.4.1', 'incorrect'))), 'missed'],
    ['exercise:7.3.4.1', lesson((l) => recordAnswer(l, ans('7.3.4.1', 'ungraded', { self: 'wrong' }))), 'missed'],
    ['exercise:7.3.4.1', lesson((l) => recordAnswer(l, ans('7.3.4.1', 'ungraded'))), 'done'],
    ['exercise:7.3.4.1', lesson((l) => { recordAnswer(l, ans('7.3.4.1', 'incorrect')); recordAnswer(l, ans('7.3.4.1', 'correct')); }), 'done'],
    // The answers decide, wherever given (start or review): skipped, then right in review → done.
    ['exercise:7.3.4.1', lesson((l) => { l.tutor.skipped.push('exercise:7.3.4.1'); recordAnswer(l, ans('7.3.4.1', 'incorrect', { answer: '' })); recordAnswer(l, ans('7.3.4.1', 'correct')); }), 'done'],
    // Right once, then missed in a later review: still done (the item is due again, the step is not undone).
    ['exercise:7.3.4.1', lesson((l) => { recordAnswer(l, ans('7.3.4.1', 'correct')); recordAnswer(l, ans('7.3.4.1', 'incorrect')); }), 'done'],
    ['exercise:7.3.4.1', lesson((l) => { l.tutor.skipped.push('exercise:7.3.4.1'); recordAnswer(l, ans('7.3.4.1', 'incorrect', { answer: '' })); }), 'skipped'],
    ['mini-project', lesson((l) => { l.tutor.skipped.push('mini-project'); recordAnswer(l, ans('mini-project', 'ungraded', { self: 'right' })); }), 'done'],
    ['quiz', lesson((l) => l.quiz.push(attempt(7, 10))), 'done'],
    ['quiz', lesson((l) => l.quiz.push(attempt(6, 10))), 'missed'],
    ['quiz', lesson((l) => l.quiz.push(attempt(9, 10, { complete: false }))), 'left'],
    ['quiz', lesson((l) => l.quiz.push(attempt(0, 0, { passed: true }))), 'done'],
  ])('%s in %j → %s', (id, l, state) => expect(stepState(id, l)).toBe(state));

  test('the closing step is not counted', () => {
    const states = stepStates(plan, emptyLesson());
    expect(states.map((s) => s.id)).not.toContain('finish');
    expect(stateCounts(states)).toEqual({ done: 0, skipped: 0, missed: 0, left: 5 });
  });
});

describe('lesson status', () => {
  const allDone = (l: LessonProgress) => {
    l.tutor.done.push('objectives', 'mini-project', 'quiz', 'finish');
    recordAnswer(l, ans('7.3.4.1', 'correct'));
    recordAnswer(l, ans('7.3.4.2', 'incorrect'));
  };
  test.each([
    ['nothing recorded', emptyLesson(), 'new'],
    ['one answer', lesson((l) => recordAnswer(l, ans('quiz.1', 'correct'))), 'in progress'],
    ['every step, quiz passed (a missed exercise was done)', lesson((l) => { allDone(l); l.quiz.push(attempt(8, 10)); }), 'complete'],
    ['every step, quiz not passed', lesson((l) => { allDone(l); l.quiz.push(attempt(6, 10)); }), 'in progress'],
    ['quiz passed, a step skipped', lesson((l) => { allDone(l); l.tutor.skipped.push('mini-project'); l.quiz.push(attempt(10, 10)); }), 'in progress'],
    ['quiz passed, a step left', lesson((l) => { l.tutor.done.push('objectives', 'quiz'); l.quiz.push(attempt(10, 10)); }), 'in progress'],
  ])('%s → %s', (_name, l, status) => expect(lessonStatus(l, plan)).toBe(status));

  test('without the plan: the end reached with nothing skipped and the quiz passed', () => {
    expect(lessonStatus(lesson((l) => { l.tutor.done.push('finish'); l.quiz.push(attempt(8, 10)); }), null)).toBe('complete');
    expect(lessonStatus(lesson((l) => { l.tutor.done.push('finish'); l.quiz.push(attempt(5, 10)); }), null)).toBe('in progress');
  });

  test.each([
    [attempt(7, 10), true],
    [attempt(6.9, 10), false],
    // Nothing graded: as the attempt says (every question answered).
    [attempt(0, 0, { passed: true }), true],
    [attempt(0, 0, { passed: false }), false],
  ])('attemptPassed(%j) = %s', (a, p) => expect(attemptPassed(a)).toBe(p));

  test("a lesson's own pass mark decides, over what an attempt was told at the default", () => {
    // 75% passed at 70%; the lesson asks for 80%: not passed, and the lesson is not complete.
    const told = attempt(7.5, 10, { passed: true });
    expect(attemptPassed(told, 0.8)).toBe(false);
    expect(attemptPassed(told)).toBe(true);
    expect(quizState(lesson((l) => l.quiz.push(told)), 0.8)).toBe('failed');
    expect(lessonStatus(lesson((l) => { l.tutor.done.push('finish'); l.quiz.push(told); }), null, 0.8)).toBe('in progress');
    expect(attemptPassed(attempt(8, 10), 0.8)).toBe(true);
  });

  test('quiz state over attempts', () => {
    expect(quizState(lesson((l) => l.quiz.push(attempt(2, 10), attempt(8, 10))))).toBe('passed');
    expect(quizState(emptyLesson())).toBe('not taken');
  });

  test('start resumes the lesson in progress studied last', () => {
    const c = (name: string, l: LessonProgress, lastStudied: string) => ({ name, record: l, steps: plan, lastStudied });
    const inProgress = lesson((l) => recordAnswer(l, ans('quiz.1', 'correct')));
    const done = lesson((l) => { l.tutor.done.push('objectives', 'mini-project', 'quiz', 'finish'); recordAnswer(l, ans('7.3.4.1', 'correct')); recordAnswer(l, ans('7.3.4.2', 'correct')); l.quiz.push(attempt(9, 10)); });
    expect(lessonToResume([c('old', inProgress, '2026-01-01T00:00:00Z'), c('newer', inProgress, '2026-01-03T00:00:00Z'), c('complete', done, '2026-01-05T00:00:00Z')])?.name).toBe('newer');
    expect(lessonToResume([c('complete', done, '2026-01-05T00:00:00Z'), c('new', emptyLesson(), '')])).toBeNull();
  });
});

describe('stepFigures: the figures start, progress and lessons all show', () => {
  // The plan of a real-shaped lesson with its outline: the reading sections are steps too.
  const text = readFileSync(fileURLToPath(new URL('../fixtures/progress-course/Lesson-7.3.4-Momentum-Basics.md', import.meta.url)), 'utf8');
  const steps = planSteps(parseLesson(text), outlineLesson(text));
  const passed = (l: LessonProgress) => l.quiz.push(attempt(2, 2, { passed: true }));
  const model = ['objectives', 'core-ideas', 'exercise:7.3.4.1', 'mini-project', 'quiz', 'takeaways'];
  test.each([
    ['nothing', emptyLesson(), { done: 0, skipped: 0, missed: 0, left: 7 }, 'new'],
    ['the model\'s steps, quiz passed, the last section left', lesson((l) => { l.tutor.done.push(...model); passed(l); }), { done: 6, skipped: 0, missed: 0, left: 1 }, 'in progress'],
    ['the last section skipped', lesson((l) => { l.tutor.done.push(...model, 'next-lesson'); l.tutor.skipped.push('next-lesson'); passed(l); }), { done: 6, skipped: 1, missed: 0, left: 0 }, 'in progress'],
    ['every step, quiz passed', lesson((l) => { l.tutor.done.push(...model, 'next-lesson', 'finish'); passed(l); }), { done: 7, skipped: 0, missed: 0, left: 0 }, 'complete'],
    ['every step, quiz failed', lesson((l) => { l.tutor.done.push(...model, 'next-lesson'); l.quiz.push(attempt(1, 2)); }), { done: 6, skipped: 0, missed: 1, left: 0 }, 'in progress'],
  ])('%s', (_name, l, counts, status) => {
    const f = stepFigures(steps, l);
    expect(f).toMatchObject({ ...counts, total: 7 });
    expect(f.list.map((s) => s.id)).toEqual([...model, 'next-lesson']);
    expect(lessonStatus(l, steps)).toBe(status);
  });
});

// Issue 11 §4: complete only when every step is done, and homework with items left is not done.
describe('homework: done when every item is ticked', () => {
  const items = [{ task: 'Run one step by hand', done: false }, { task: 'Plot the loss', done: false }];
  const steps = [{ id: 'objectives' }, { id: 'quiz' }, { id: 'homework', homework: items }, { id: 'finish' }];
  const walked = (f: (l: LessonProgress) => void) =>
    lesson((l) => {
      l.tutor.done.push('objectives', 'quiz', 'homework', 'finish');
      l.quiz.push(attempt(2, 2));
      f(l);
    });
  test.each([
    ['every item ticked', walked((l) => { l.homework['Run one step by hand'] = true; l.homework['Plot the loss'] = true; }), 'done', 'complete'],
    ['one left "not yet"', walked((l) => { l.homework['Run one step by hand'] = true; l.homework['Plot the loss'] = false; }), 'left', 'in progress'],
    ['one never answered (the step was walked)', walked((l) => { l.homework['Run one step by hand'] = true; }), 'left', 'in progress'],
    ['skipped with items left', walked((l) => l.tutor.skipped.push('homework')), 'skipped', 'in progress'],
  ])('%s → step %s, lesson %s', (_, l, state, status) => {
    expect(stepState('homework', l, undefined, steps[2])).toBe(state);
    expect(lessonStatus(l, steps)).toBe(status);
  });

  test('an item the lesson marks done ("- [x]") counts as done', () => {
    const marked = [{ task: 'Read the notes', done: true }];
    expect(stepState('homework', lesson((l) => l.tutor.done.push('homework')), undefined, { id: 'homework', homework: marked })).toBe('done');
  });

  test('without the lesson file, an item answered "not yet" keeps the lesson in progress', () => {
    const l = walked((x) => { x.homework['Plot the loss'] = false; });
    expect(lessonStatus(l, null)).toBe('in progress');
    expect(lessonStatus(walked((x) => { x.homework['Plot the loss'] = true; }), null)).toBe('complete');
  });
});
