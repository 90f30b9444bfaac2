import { reviewQueue, runReview, stoppedText, type ReviewSource } from '../../src/tutor/review.js';
import { cardOf, dueNow, dueSummary, ratingOf, scheduleAll, whenText } from '../../src/tutor/schedule.js';
import { recordingUi } from '../../src/tutor/ui.js';
import { emptyLesson, recordAnswer, missedRefs, type AnswerRecord } from '../../src/tutor/progress.js';
import type { Question } from '../../src/grading/index.js';
import { Rating } from 'ts-fsrs';

const day = (d: number, h = 0) => new Date(Date.UTC(2026, 0, d, h)).toISOString();
const ans = (ref: string, verdict: AnswerRecord['verdict'], at: string, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  ref, kind: 'rubric', answer: 'y', verdict, score: verdict === 'correct' ? 1 : 0, at, ...extra,
});

function recordOf(list: AnswerRecord[]) {
  const l = emptyLesson();
  for (const a of list) recordAnswer(l, a);
  return l;
}
const open = (ref: string): Question => ({ ref, kind: 'open', section: 'conceptual', prompt: `question ${ref}`, line: 1 });
const sourceOf = (key: string, list: AnswerRecord[], refs = [...new Set(list.map((a) => a.ref))]): ReviewSource => ({
  key, label: `Lesson ${key}`, questions: refs.map(open), record: recordOf(list), save: () => {},
});

describe('ratings from verdicts', () => {
  test.each([
    [ans('a', 'correct', day(1)), Rating.Good],
    [ans('a', 'correct', day(1), { tries: 2 }), Rating.Hard],
    [ans('a', 'correct', day(1), { hintsUsed: 1 }), Rating.Hard],
    [ans('a', 'partial', day(1)), Rating.Hard],
    [ans('a', 'incorrect', day(1)), Rating.Again],
    [ans('a', 'incorrect', day(1), { answer: '' }), Rating.Again],
    [ans('a', 'ungraded', day(1), { self: 'right' }), Rating.Good],
    [ans('a', 'ungraded', day(1), { self: 'wrong' }), Rating.Again],
    [ans('a', 'ungraded', day(1)), null],
  ])('%j → %s', (a, r) => expect(ratingOf(a)).toBe(r));
});

describe('FSRS schedule from the answer history', () => {
  test.each([
    // [history, due as an ISO date-time]
    [[ans('a', 'incorrect', day(1, 10))], '2026-01-01T10:01:00.000Z'],
    [[ans('a', 'correct', day(1, 10))], '2026-01-03T10:00:00.000Z'],
    [[ans('a', 'correct', day(1, 10)), ans('a', 'correct', day(4, 10))], '2026-01-18T10:00:00.000Z'],
    [[ans('a', 'partial', day(1, 10))], '2026-01-01T10:02:00.000Z'],
    [[ans('a', 'incorrect', day(1, 10)), ans('a', 'correct', day(1, 11))], '2026-01-02T11:00:00.000Z'],
  ])('%j is due %s', (history, due) => expect(cardOf(history)!.due.toISOString()).toBe(due));

  test('no answer with a time schedules nothing', () => {
    expect(cardOf([ans('a', 'ungraded', 'not a time')])).toBeNull();
    expect(cardOf([])).toBeNull();
  });

  // A kept answer nobody judged (a quiz from a pipe cannot ask "were you right?") waits for the
  // learner's check: due from when it was given, its memory state otherwise unchanged.
  test.each([
    [[ans('a', 'ungraded', day(1, 10))], '2026-01-01T10:00:00.000Z', 0],
    [[ans('a', 'correct', day(1, 10)), ans('a', 'ungraded', day(2, 10))], '2026-01-02T10:00:00.000Z', 1],
    [[ans('a', 'ungraded', day(1, 10)), ans('a', 'ungraded', day(1, 11), { self: 'right' })], '2026-01-03T11:00:00.000Z', 1],
    [[ans('a', 'ungraded', day(1, 10)), ans('a', 'ungraded', day(1, 11), { self: 'wrong' })], '2026-01-01T11:01:00.000Z', 1],
  ])('kept, not judged: %j is due %s', (history, due, reps) => {
    const card = cardOf(history)!;
    expect(card.due.toISOString()).toBe(due);
    expect(card.reps).toBe(reps);
  });

  test('every lesson, soonest first; due now and the next ones', () => {
    const items = scheduleAll({ one: recordOf([ans('a', 'correct', day(1))]), two: recordOf([ans('b', 'incorrect', day(1)), ans('c', 'correct', day(2))]) });
    expect(items.map((i) => `${i.lesson}:${i.ref}`)).toEqual(['two:b', 'one:a', 'two:c']);
    expect(dueSummary(items, new Date(day(2)))).toEqual({ due: 1, toCheck: 0, next: new Date('2026-01-03T00:00:00.000Z'), nextCount: 1 });
  });

  test.each([
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'now'],
    ['2026-01-01T00:10:00Z', '2026-01-01T00:00:00Z', 'in 10 minutes'],
    // Under half a minute away is "in 1 minute", never "in 1 minutes"; an hour, a day: singular.
    ['2026-01-01T00:00:20Z', '2026-01-01T00:00:00Z', 'in 1 minute'],
    ['2026-01-01T00:01:00Z', '2026-01-01T00:00:00Z', 'in 1 minute'],
    ['2026-01-01T00:59:50Z', '2026-01-01T00:00:00Z', 'in 1 hour (2026-01-01)'],
    ['2026-01-01T01:00:00Z', '2026-01-01T00:00:00Z', 'in 1 hour (2026-01-01)'],
    // Later the same day is not "tomorrow".
    ['2026-01-01T23:50:00Z', '2026-01-01T00:00:00Z', 'in 24 hours (2026-01-01)'],
    ['2026-01-01T05:00:00Z', '2026-01-01T00:00:00Z', 'in 5 hours (2026-01-01)'],
    ['2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z', 'tomorrow (2026-01-02)'],
    ['2026-01-04T00:00:00Z', '2026-01-01T00:00:00Z', 'in 3 days (2026-01-04)'],
  ])('%s from %s: %s', (due, now, text) => expect(whenText(new Date(due), new Date(now))).toBe(text));
});

describe('review queue across lessons', () => {
  test('what is due, from every lesson, most overdue first; not what is not yet due', () => {
    const sources = [
      sourceOf('1.2.26', [ans('quiz.5', 'incorrect', day(3)), ans('quiz.6', 'correct', day(3))]),
      sourceOf('7.3.4', [ans('quiz.3', 'incorrect', day(1)), ans('quiz.4', 'partial', day(2))]),
    ];
    expect(reviewQueue(sources, new Date(day(4))).map((i) => `${i.source.key} ${i.ref}`)).toEqual(['7.3.4 quiz.3', '7.3.4 quiz.4', '1.2.26 quiz.5']);
    expect(reviewQueue(sources, new Date(day(7))).map((i) => i.ref)).toContain('quiz.6');
  });

  test('an item whose question is gone from the lesson is not asked', () => {
    expect(reviewQueue([sourceOf('x', [ans('quiz.9', 'incorrect', day(1))], [])], new Date(day(2)))).toEqual([]);
  });

  test('self-assessed "not sure" answers come back', () => {
    const l = recordOf([ans('a', 'ungraded', day(1), { self: 'wrong' })]);
    expect(missedRefs(l)).toEqual(['a']);
    expect(reviewQueue([{ ...sourceOf('x', []), record: l, questions: [open('a')] }], new Date(day(1, 1))).map((i) => i.ref)).toEqual(['a']);
  });
});

describe('a review session with nothing due', () => {
  const asker = { interactive: false, input: async () => '', select: async () => '' as never, pause: async () => {} };
  const run = async (sources: ReviewSource[]) => {
    const ui = recordingUi();
    await runReview(sources, { ask: asker, ui, grade: () => ({ verdict: 'correct', score: 1, feedback: '' }), now: () => new Date(day(2)) });
    return ui.lines.join('\n');
  };
  test.each([
    ['nothing answered yet', [], /Nothing to review yet: what you answer in calc-ml start or calc-ml quiz comes back here when it is due\./],
    ['everything right, not due yet', [sourceOf('x', [ans('a', 'correct', day(1))])], /Nothing is due now\. Next due: 1 item tomorrow \(2026-01-03\)\./],
  ])('%s', async (_name, sources, said) => {
    expect(await run(sources)).toMatch(said);
  });
});

describe('kept answers come back for the learner to check, from a pipe as in a terminal', () => {
  const withAnswer: Question = { ref: 'quiz.3', kind: 'open', section: 'conceptual', prompt: 'Why does momentum cross flat parts?', line: 1, lessonAnswer: 'The velocity carries the step on' };
  const source = (): ReviewSource => {
    const record = recordOf([ans('quiz.3', 'ungraded', day(1, 10), { kind: 'open', answer: 'it keeps going' })]);
    return { key: '7.3.4', label: 'Lesson 7.3.4', questions: [withAnswer], record, save: (change) => change(record) };
  };
  const kept = () => ({ verdict: 'ungraded' as const, score: 0, feedback: 'Your answer is kept.' });

  test('from a pipe: offered, the lesson\'s answer shown, and it stays due until judged', async () => {
    const s = source();
    const ui = recordingUi();
    const asker = { interactive: false, input: async () => 'the velocity', select: async () => { throw new Error('no choice from a pipe'); }, pause: async () => {} };
    await runReview([s], { ask: asker as never, ui, grade: kept, now: () => new Date(day(1, 12)) });
    const text = ui.lines.join('\n');
    expect(text).toMatch(/1 item due/);
    expect(text).toMatch(/was kept, not graded, and not yet checked/);
    expect(text).toMatch(/Kept, not graded: check it against the lesson.s answer\.\nThe lesson.s answer: The velocity carries the step on/);
    expect(text).toMatch(/Kept for you to check: it stays due until you judge it in a terminal/);
    expect(text).toMatch(/Review done: 0 of 1 right; 1 kept for you to check\./);
    expect(reviewQueue([s], new Date(day(1, 13))).map((i) => i.ref)).toEqual(['quiz.3']);
  });

  test('in a terminal: judged right, it is spaced out like any right answer', async () => {
    const s = source();
    const ui = recordingUi();
    const asker = { interactive: true, input: async () => 'the velocity', select: async () => 'right' as never, pause: async () => {} };
    await runReview([s], { ask: asker as never, ui, grade: kept, now: () => new Date(day(1, 12)) });
    expect(ui.lines.join('\n')).toMatch(/Review done: 1 of 1 right\./);
    expect(reviewQueue([s], new Date(day(1, 13)))).toEqual([]);
    expect(cardOf(s.record.answers['quiz.3'])!.due.toISOString()).toBe('2026-01-03T12:00:00.000Z');
  });
});

describe('a miss is due again at once', () => {
  // Told "run calc-ml review" at the end of a quiz, a learner must find what they just missed there,
  // not "Nothing is due now. Next due: 1 item in 1 minute".
  test.each([
    ['missed a moment ago', [ans('a', 'incorrect', day(1, 10))], '2026-01-01T10:00:00Z', true],
    ['partly right a moment ago', [ans('a', 'partial', day(1, 10))], '2026-01-01T10:00:00Z', true],
    ['skipped a moment ago', [ans('a', 'incorrect', day(1, 10), { answer: '' })], '2026-01-01T10:00:00Z', true],
    ['right a moment ago', [ans('a', 'correct', day(1, 10))], '2026-01-01T10:00:00Z', false],
    ['right, two days later', [ans('a', 'correct', day(1, 10))], '2026-01-03T10:00:00Z', true],
    ['missed, then right a moment ago', [ans('a', 'incorrect', day(1, 10)), ans('a', 'correct', day(1, 10))], '2026-01-01T10:00:00Z', false],
  ])('%s: due now = %s', (_name, history, now, due) => {
    expect(dueNow(scheduleAll({ l: recordOf(history) }), new Date(now)).length).toBe(due ? 1 : 0);
  });

  test('the review right after the quiz asks it, and says when it ends that it is due again', async () => {
    const record = recordOf([ans('quiz.2', 'incorrect', day(1, 10), { kind: 'truefalse' })]);
    const ui = recordingUi();
    const asker = { interactive: false, input: async () => 'true', select: async () => '' as never, pause: async () => {} };
    const q: Question = { ref: 'quiz.2', kind: 'truefalse', section: 'trueFalse', prompt: 'Momentum always needs a smaller rate.', line: 1, answer: false };
    const done = await runReview([{ key: 'x', label: 'Lesson x', questions: [q], record, save: (c) => c(record) }], {
      ask: asker, ui, grade: () => ({ verdict: 'incorrect', score: 0, feedback: 'Not correct: the statement is false.' }), now: () => new Date(day(1, 10)),
    });
    expect(done.asked).toBe(1);
    expect(ui.lines.join('\n')).toMatch(/Review done: 0 of 1 right\. 1 item is due again now: calc-ml review goes over it again\./);
  });
});

describe('a stopped review says what it kept, truthfully', () => {
  test.each([
    [0, 0, 'nothing answered, nothing changed'],
    [0, 2, 'nothing answered, nothing changed; 2 skipped (still due)'],
    [1, 0, 'your 1 answer is saved'],
    [3, 1, 'your 3 answers are saved; 1 skipped (still due)'],
  ])('%d answered, %d skipped → %s', (answered, skipped, line) => expect(stoppedText({ answered, skipped })).toBe(line));
});
