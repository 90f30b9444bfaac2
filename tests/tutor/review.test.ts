import { reviewQueue, runReview } from '../../src/tutor/review.js';
import { recordingUi } from '../../src/tutor/ui.js';
import { emptyLesson, recordAnswer, missedRefs, type AnswerRecord } from '../../src/tutor/progress.js';

const day = (d: number, h = 0) => new Date(Date.UTC(2026, 0, d, h)).toISOString();
const ans = (ref: string, verdict: AnswerRecord['verdict'], at: string, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  ref, kind: 'rubric', answer: verdict === 'incorrect' && extra.answer === undefined ? 'x' : 'y', verdict, score: verdict === 'correct' ? 1 : 0, at, ...extra,
});

function recordOf(list: AnswerRecord[]) {
  const l = emptyLesson();
  for (const a of list) recordAnswer(l, a);
  return l;
}

describe('review queue', () => {
  test('missed and skipped items come back, most-missed first, then oldest', () => {
    const l = recordOf([
      ans('a', 'incorrect', day(3)),
      ans('b', 'incorrect', day(1)), ans('b', 'partial', day(2)),
      ans('c', 'incorrect', day(2), { answer: '' }),
      ans('d', 'correct', day(1)),
    ]);
    expect(reviewQueue(l, new Date(day(4))).map((i) => i.ref)).toEqual(['b', 'c', 'a']);
  });

  test('right once: due again a day later; right twice, days apart: retired', () => {
    const once = recordOf([ans('a', 'incorrect', day(1)), ans('a', 'correct', day(2))]);
    expect(reviewQueue(once, new Date(day(2, 5))).map((i) => i.ref)).toEqual([]);
    expect(reviewQueue(once, new Date(day(3, 1))).map((i) => i.ref)).toEqual(['a']);
    const twiceSameDay = recordOf([ans('a', 'incorrect', day(1)), ans('a', 'correct', day(2)), ans('a', 'correct', day(2, 3))]);
    expect(reviewQueue(twiceSameDay, new Date(day(5))).map((i) => i.ref)).toEqual(['a']);
    const retired = recordOf([ans('a', 'incorrect', day(1)), ans('a', 'correct', day(2)), ans('a', 'correct', day(4))]);
    expect(reviewQueue(retired, new Date(day(9))).map((i) => i.ref)).toEqual([]);
  });

  test('self-assessed "not sure" answers come back', () => {
    const l = recordOf([ans('a', 'ungraded', day(1), { self: 'wrong' })]);
    expect(reviewQueue(l, new Date(day(1, 1))).map((i) => i.ref)).toEqual(['a']);
    expect(missedRefs(l)).toEqual(['a']);
  });
});

describe('a review session with nothing due', () => {
  const asker = { interactive: false, input: async () => '', select: async () => '' as never, pause: async () => {} };
  const run = async (l: ReturnType<typeof emptyLesson>) => {
    const ui = recordingUi();
    await runReview([], l, { ask: asker, ui, grade: () => ({ verdict: 'correct', score: 1, feedback: '' }), save: () => {}, now: () => new Date(day(10)) });
    return ui.lines.join('\n');
  };
  test.each([
    ['nothing answered yet', emptyLesson(), /Nothing to review yet: what you miss in calc-ml start or calc-ml quiz comes back here\./],
    ['everything right', recordOf([ans('a', 'correct', day(1))]), /Nothing to review: everything you missed is retired or not due yet\./],
  ])('%s', async (_name, l, said) => {
    expect(await run(l)).toMatch(said);
  });
});
