import { WRITTEN } from './fixtures/answers-1.2.26.js';
import { LABELLED, isAdversarial } from './fixtures/labelled-1.2.26.js';
import { LABELLED_2 } from './fixtures/labelled-2-1.2.26.js';
import { LABELLED_3, half3 } from './fixtures/labelled-3-1.2.26.js';
import { question } from './seed.js';

/**
 * The shape of labelled set 3, the held-out set of issue 10 (labelled before any grader run; see the
 * fixture's header) and of its split into set3-tune and set3-heldout. No agreement figure is asserted
 * here: the held-out half is measured with `npm run agreement -- --set3`, and never tuned on.
 */

// Case, spacing and end punctuation do not make an answer new.
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[\s.!?]+$/, '');

const LABELS = ['accept', 'partial', 'reject'];
const CLASSES = ['plain', 'voice', 'direction', 'keywords', 'pasted', 'hedged', 'fragment', 'other', 'negation', 'paraphrase', 'code'];
// The gradable items are the ones set 1 labels: 1.2.26.1-9 and quiz.5-8.
const ITEMS = [...new Set(LABELLED.map((a) => a.ref))];

describe('labelled set 3 (held out)', () => {
  test('at least 260 answers, every ref a question of the lesson, all 13 gradable items with at least 15 each', () => {
    expect(LABELLED_3.length).toBeGreaterThanOrEqual(260);
    expect(ITEMS).toHaveLength(13);
    for (const a of LABELLED_3) expect(() => question(a.ref)).not.toThrow();
    expect(new Set(LABELLED_3.map((a) => a.ref))).toEqual(new Set(ITEMS));
    for (const ref of ITEMS) expect(LABELLED_3.filter((a) => a.ref === ref).length).toBeGreaterThanOrEqual(15);
  });

  test('every label and class is one of the conventions, and every item has all three labels', () => {
    for (const a of LABELLED_3) {
      expect(LABELS).toContain(a.label);
      expect(CLASSES).toContain(a.cls);
      expect(a.answer.trim()).not.toBe('');
    }
    for (const ref of ITEMS) {
      expect(new Set(LABELLED_3.filter((a) => a.ref === ref).map((a) => a.label))).toEqual(new Set(LABELS));
    }
  });

  test('every failure class of issue 10 is there, and adversarial answers are a large share', () => {
    for (const cls of CLASSES) expect(LABELLED_3.some((a) => a.cls === cls)).toBe(true);
    // Right answers in the failure classes too (mirror direction, denied wrong idea, filled-in hint).
    for (const cls of ['direction', 'negation', 'pasted', 'hedged']) {
      expect(LABELLED_3.some((a) => a.cls === cls && a.label === 'accept')).toBe(true);
    }
    expect(LABELLED_3.filter(isAdversarial).length / LABELLED_3.length).toBeGreaterThan(0.33);
  });

  test('no answer twice for one item', () => {
    const seen = new Set<string>();
    const twice = LABELLED_3.filter((a) => {
      const k = `${a.ref}\u0000${norm(a.answer)}`;
      const dup = seen.has(k);
      seen.add(k);
      return dup;
    });
    expect(twice).toEqual([]);
  });

  test('no answer copied from sets 1 and 2 (or the rubric fixtures)', () => {
    const earlier = new Set([
      ...LABELLED.map((a) => norm(a.answer)),
      ...LABELLED_2.map((a) => norm(a.answer)),
      ...Object.values(WRITTEN).flatMap((rows) => rows.map(([, answer]) => norm(answer))),
    ]);
    expect(LABELLED_3.filter((a) => earlier.has(norm(a.answer))).map((a) => a.answer)).toEqual([]);
  });

  test('the split keeps every item in both halves, each half at least 40% of the set', () => {
    for (const half of ['tune', 'heldout'] as const) {
      const rows = LABELLED_3.filter((a) => half3(a) === half);
      expect(rows.length / LABELLED_3.length).toBeGreaterThan(0.4);
      expect(new Set(rows.map((a) => a.ref))).toEqual(new Set(ITEMS));
    }
  });
});
