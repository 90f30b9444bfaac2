import { WRITTEN } from './fixtures/answers-1.2.26.js';
import { LABELLED, isAdversarial } from './fixtures/labelled-1.2.26.js';
import { LABELLED_2 } from './fixtures/labelled-2-1.2.26.js';
import { LABELLED_3 } from './fixtures/labelled-3-1.2.26.js';
import { LABELLED_4 } from './fixtures/labelled-4-1.2.26.js';
import { grade, loadMathGrading } from '../../src/grading/index.js';
import { question } from './seed.js';

// Coding answers are graded by the math engine, which is loaded on demand.
beforeAll(loadMathGrading);

/**
 * The shape of labelled set 4, labelled before any further grader change and without a grader run
 * (see the fixture's header). It was the held-out set of issue 10, measured untouched at 348 of 386
 * (5 wrong accepted), and was released for tuning on 4 Dec 2026: it is the part set4 of
 * `npm run agreement`. Measured after the reading rules of 4 Dec (tests/grading/reading-rules.test.ts)
 * at 376 of 386 with no wrong answer accepted: that is the floor asserted below. Set 5 is the held-out
 * set now (labelled-5.test.ts).
 */
const VERDICT_LABEL = { correct: 'accept', partial: 'partial', incorrect: 'reject', ungraded: 'ungraded' } as const;

// Case, spacing and end punctuation do not make an answer new.
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[\s.!?]+$/, '');

const LABELS = ['accept', 'partial', 'reject'];
const CLASSES = ['plain', 'voice', 'direction', 'keywords', 'pasted', 'hedged', 'fragment', 'other', 'negation', 'paraphrase', 'code'];
// The gradable items are the ones set 1 labels: 1.2.26.1-9 and quiz.5-8.
const ITEMS = [...new Set(LABELLED.map((a) => a.ref))];

describe('labelled set 4 (released for tuning)', () => {
  test('at least 330 answers, every ref a question of the lesson, all 13 gradable items with at least 22 each', () => {
    expect(LABELLED_4.length).toBeGreaterThanOrEqual(330);
    expect(ITEMS).toHaveLength(13);
    for (const a of LABELLED_4) expect(() => question(a.ref)).not.toThrow();
    expect(new Set(LABELLED_4.map((a) => a.ref))).toEqual(new Set(ITEMS));
    for (const ref of ITEMS) expect(LABELLED_4.filter((a) => a.ref === ref).length).toBeGreaterThanOrEqual(22);
  });

  test('every label and class is one of the conventions, and every item has all three labels', () => {
    for (const a of LABELLED_4) {
      expect(LABELS).toContain(a.label);
      expect(CLASSES).toContain(a.cls);
      expect(a.answer.trim()).not.toBe('');
    }
    for (const ref of ITEMS) {
      expect(new Set(LABELLED_4.filter((a) => a.ref === ref).map((a) => a.label))).toEqual(new Set(LABELS));
    }
  });

  test('every class of set 3 is there, right answers sit in the failure classes too, and adversarial answers are over a third', () => {
    for (const cls of new Set(LABELLED_3.map((a) => a.cls))) expect(LABELLED_4.some((a) => a.cls === cls)).toBe(true);
    for (const cls of CLASSES) expect(LABELLED_4.some((a) => a.cls === cls)).toBe(true);
    // Mirror direction, a denied wrong idea, a filled-in hint, a hedge before a complete right answer.
    for (const cls of ['direction', 'negation', 'pasted', 'hedged']) {
      expect(LABELLED_4.some((a) => a.cls === cls && a.label === 'accept')).toBe(true);
    }
    // The coding item: right and called, right but never called, and a wrong value.
    expect(new Set(LABELLED_4.filter((a) => a.ref === 'quiz.8' && a.cls === 'code').map((a) => a.label))).toEqual(new Set(LABELS));
    expect(LABELLED_4.filter(isAdversarial).length / LABELLED_4.length).toBeGreaterThan(1 / 3);
  });

  test('no answer twice for one item', () => {
    const seen = new Set<string>();
    const twice = LABELLED_4.filter((a) => {
      const k = `${a.ref}\u0000${norm(a.answer)}`;
      const dup = seen.has(k);
      seen.add(k);
      return dup;
    });
    expect(twice).toEqual([]);
  });

  test('no answer copied from sets 1-3 (or the rubric fixtures) for the same item', () => {
    const earlier = new Set([
      ...[...LABELLED, ...LABELLED_2, ...LABELLED_3].map((a) => `${a.ref}\u0000${norm(a.answer)}`),
      ...Object.entries(WRITTEN).flatMap(([ref, rows]) => rows.map(([, answer]) => `${ref}\u0000${norm(answer)}`)),
    ]);
    expect(LABELLED_4.filter((a) => earlier.has(`${a.ref}\u0000${norm(a.answer)}`)).map((a) => `${a.ref}: ${a.answer}`)).toEqual([]);
  });
});

test('set4: agreement and wrong answers accepted no worse than measured', () => {
  const rows = LABELLED_4.map((a) => ({ a, got: VERDICT_LABEL[grade(question(a.ref), a.answer).verdict] }));
  const agree = rows.filter((r) => r.got === r.a.label).length;
  const wrong = rows.filter((r) => r.got === 'accept' && r.a.label !== 'accept');
  expect(agree).toBeGreaterThanOrEqual(376);
  expect(wrong.map((r) => `${r.a.ref}: ${r.a.answer}`)).toEqual([]);
});
