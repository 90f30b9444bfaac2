import { WRITTEN } from './fixtures/answers-1.2.26.js';
import { LABELLED, isAdversarial } from './fixtures/labelled-1.2.26.js';
import { LABELLED_2 } from './fixtures/labelled-2-1.2.26.js';
import { LABELLED_3 } from './fixtures/labelled-3-1.2.26.js';
import { LABELLED_4 } from './fixtures/labelled-4-1.2.26.js';
import { LABELLED_5 } from './fixtures/labelled-5-1.2.26.js';
import { LABELLED_6 } from './fixtures/labelled-6-1.2.26.js';
import { LABELLED_7 } from './fixtures/labelled-7-1.2.26.js';
import { question } from './seed.js';

/**
 * The shape of labelled set 7, a second held-out set of issue 10 (labelled on 6 Dec 2026 at
 * 21:46 UTC without reading the grader or running it; see the fixture's header). The whole set is
 * held out, with no split. No agreement figure is asserted here: it is measured with
 * `npm run agreement -- --set7` (totals only), and never tuned on.
 */

// Case, spacing and end punctuation do not make an answer new.
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[\s.!?]+$/, '');

const LABELS = ['accept', 'partial', 'reject'];
const CLASSES = ['plain', 'voice', 'direction', 'keywords', 'pasted', 'hedged', 'fragment', 'other', 'negation', 'paraphrase', 'code'];
// The gradable items are the ones set 1 labels: 1.2.26.1-9 and quiz.5-8.
const ITEMS = [...new Set(LABELLED.map((a) => a.ref))];

describe('labelled set 7 (held out, whole)', () => {
  test('at least 330 answers, every ref a question of the lesson, all 13 gradable items with at least 25 each', () => {
    expect(LABELLED_7.length).toBeGreaterThanOrEqual(330);
    expect(ITEMS).toHaveLength(13);
    for (const a of LABELLED_7) expect(() => question(a.ref)).not.toThrow();
    expect(new Set(LABELLED_7.map((a) => a.ref))).toEqual(new Set(ITEMS));
    for (const ref of ITEMS) expect(LABELLED_7.filter((a) => a.ref === ref).length).toBeGreaterThanOrEqual(25);
  });

  test('every label and class is one of the conventions, and every item has all three labels', () => {
    for (const a of LABELLED_7) {
      expect(LABELS).toContain(a.label);
      expect(CLASSES).toContain(a.cls);
      expect(a.answer.trim()).not.toBe('');
    }
    for (const ref of ITEMS) {
      expect(new Set(LABELLED_7.filter((a) => a.ref === ref).map((a) => a.label))).toEqual(new Set(LABELS));
    }
  });

  test('every class is there, right answers sit in the failure classes too, and adversarial answers are at least 55%', () => {
    for (const cls of CLASSES) expect(LABELLED_7.some((a) => a.cls === cls)).toBe(true);
    // Mirror direction, a denied wrong idea, the prompt before a full answer, a hedge before a full answer, an unusual voice.
    for (const cls of ['direction', 'negation', 'pasted', 'hedged', 'paraphrase']) {
      expect(LABELLED_7.some((a) => a.cls === cls && a.label === 'accept')).toBe(true);
    }
    // Every item has answers said back from its prompt or the lesson, a hedged guess, and a denied or turned-around idea.
    for (const ref of ITEMS) {
      const rows = LABELLED_7.filter((a) => a.ref === ref);
      expect(rows.some((a) => a.cls === 'pasted' && a.label === 'reject')).toBe(true);
      expect(rows.some((a) => a.cls === 'hedged' && a.label === 'reject')).toBe(true);
      expect(rows.some((a) => (a.cls === 'negation' || a.cls === 'direction') && a.label === 'reject')).toBe(true);
    }
    // Direction turned around on the items where it decides the answer, each with its mirror accepted.
    for (const ref of ['1.2.26.4', '1.2.26.6', 'quiz.7']) {
      const dir = LABELLED_7.filter((a) => a.ref === ref && a.cls === 'direction');
      expect(dir.filter((a) => a.label === 'reject').length).toBeGreaterThanOrEqual(3);
      expect(dir.some((a) => a.label === 'accept')).toBe(true);
    }
    // The coding item: right and called, right but never called, and a wrong value; some of it multi-line.
    const code = LABELLED_7.filter((a) => a.ref === 'quiz.8' && a.cls === 'code');
    expect(new Set(code.map((a) => a.label))).toEqual(new Set(LABELS));
    expect(code.some((a) => a.answer.includes('\n') && a.answer.includes('import math') && a.label === 'accept')).toBe(true);
    for (const word of ['math.pow', 'pow(', 'lambda', 'print(']) expect(code.some((a) => a.answer.includes(word) && a.label === 'accept')).toBe(true);
    expect(LABELLED_7.filter(isAdversarial).length / LABELLED_7.length).toBeGreaterThanOrEqual(0.55);
  });

  test('no answer twice for one item', () => {
    const seen = new Set<string>();
    const twice = LABELLED_7.filter((a) => {
      const k = `${a.ref}\u0000${norm(a.answer)}`;
      const dup = seen.has(k);
      seen.add(k);
      return dup;
    });
    expect(twice).toEqual([]);
  });

  test('no answer copied from sets 1-6 (or the rubric fixtures) for the same item', () => {
    const earlier = new Set([
      ...[...LABELLED, ...LABELLED_2, ...LABELLED_3, ...LABELLED_4, ...LABELLED_5, ...LABELLED_6].map((a) => `${a.ref}\u0000${norm(a.answer)}`),
      ...Object.entries(WRITTEN).flatMap(([ref, rows]) => rows.map(([, answer]) => `${ref}\u0000${norm(answer)}`)),
    ]);
    // Only the count is shown on failure, so that no earlier row is read from the test output.
    expect(LABELLED_7.filter((a) => earlier.has(`${a.ref}\u0000${norm(a.answer)}`)).length).toBe(0);
  });
});
