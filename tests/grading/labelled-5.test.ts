import { WRITTEN } from './fixtures/answers-1.2.26.js';
import { LABELLED, isAdversarial } from './fixtures/labelled-1.2.26.js';
import { LABELLED_2 } from './fixtures/labelled-2-1.2.26.js';
import { LABELLED_3 } from './fixtures/labelled-3-1.2.26.js';
import { LABELLED_4 } from './fixtures/labelled-4-1.2.26.js';
import { LABELLED_5 } from './fixtures/labelled-5-1.2.26.js';
import { question } from './seed.js';

/**
 * The shape of labelled set 5, the held-out set of issue 10 from 4 Dec 2026, 18:47 UTC (labelled
 * without reading the grader or running it; see the fixture's header) until 6 Dec 2026, when it was
 * released for tuning as the part `set5` of `npm run agreement` (measured untouched at 90.0%, 323
 * of 359, 3 wrong accepted). Set 6 is the held-out set now (labelled-6.test.ts).
 */

// Case, spacing and end punctuation do not make an answer new.
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[\s.!?]+$/, '');

const LABELS = ['accept', 'partial', 'reject'];
const CLASSES = ['plain', 'voice', 'direction', 'keywords', 'pasted', 'hedged', 'fragment', 'other', 'negation', 'paraphrase', 'code'];
// The gradable items are the ones set 1 labels: 1.2.26.1-9 and quiz.5-8.
const ITEMS = [...new Set(LABELLED.map((a) => a.ref))];

describe('labelled set 5 (held out, whole)', () => {
  test('at least 330 answers, every ref a question of the lesson, all 13 gradable items with at least 25 each', () => {
    expect(LABELLED_5.length).toBeGreaterThanOrEqual(330);
    expect(ITEMS).toHaveLength(13);
    for (const a of LABELLED_5) expect(() => question(a.ref)).not.toThrow();
    expect(new Set(LABELLED_5.map((a) => a.ref))).toEqual(new Set(ITEMS));
    for (const ref of ITEMS) expect(LABELLED_5.filter((a) => a.ref === ref).length).toBeGreaterThanOrEqual(25);
  });

  test('every label and class is one of the conventions, and every item has all three labels', () => {
    for (const a of LABELLED_5) {
      expect(LABELS).toContain(a.label);
      expect(CLASSES).toContain(a.cls);
      expect(a.answer.trim()).not.toBe('');
    }
    for (const ref of ITEMS) {
      expect(new Set(LABELLED_5.filter((a) => a.ref === ref).map((a) => a.label))).toEqual(new Set(LABELS));
    }
  });

  test('every class is there, right answers sit in the failure classes too, and adversarial answers are over a third', () => {
    for (const cls of CLASSES) expect(LABELLED_5.some((a) => a.cls === cls)).toBe(true);
    // Mirror direction, a denied wrong idea, a filled-in hint, a hedge before a complete right answer.
    for (const cls of ['direction', 'negation', 'pasted', 'hedged']) {
      expect(LABELLED_5.some((a) => a.cls === cls && a.label === 'accept')).toBe(true);
    }
    // Every item has answers said back from its hint or prompt, and turned-around or denied ones.
    for (const ref of ITEMS) expect(LABELLED_5.some((a) => a.ref === ref && a.cls === 'pasted' && a.label === 'reject')).toBe(true);
    // The coding item: right and called, right but never called, and a wrong value; some of it multi-line.
    const code = LABELLED_5.filter((a) => a.ref === 'quiz.8' && a.cls === 'code');
    expect(new Set(code.map((a) => a.label))).toEqual(new Set(LABELS));
    expect(code.some((a) => a.answer.includes('\n') && a.answer.includes('import math'))).toBe(true);
    expect(LABELLED_5.filter(isAdversarial).length / LABELLED_5.length).toBeGreaterThan(1 / 3);
  });

  test('no answer twice for one item', () => {
    const seen = new Set<string>();
    const twice = LABELLED_5.filter((a) => {
      const k = `${a.ref}\u0000${norm(a.answer)}`;
      const dup = seen.has(k);
      seen.add(k);
      return dup;
    });
    expect(twice).toEqual([]);
  });

  test('no answer copied from sets 1-4 (or the rubric fixtures) for the same item', () => {
    const earlier = new Set([
      ...[...LABELLED, ...LABELLED_2, ...LABELLED_3, ...LABELLED_4].map((a) => `${a.ref}\u0000${norm(a.answer)}`),
      ...Object.entries(WRITTEN).flatMap(([ref, rows]) => rows.map(([, answer]) => `${ref}\u0000${norm(answer)}`)),
    ]);
    expect(LABELLED_5.filter((a) => earlier.has(`${a.ref}\u0000${norm(a.answer)}`)).map((a) => `${a.ref}: ${a.answer}`)).toEqual([]);
  });
});
