import { grade, loadMathGrading } from '../../src/grading/index.js';
import { isAdversarial } from './fixtures/labelled-1.2.26.js';
import { LABELLED_3, half3 } from './fixtures/labelled-3-1.2.26.js';
import { question } from './seed.js';

// Coding answers are graded by the math engine, which is loaded on demand.
beforeAll(loadMathGrading);

/**
 * Set 3's tune half (the other half, set3-rest, is tuned on since 3 Dec 18:45 UTC; see the fixture header):
 * after the reading rules of 3 Dec 2026 it measures 98.9% (172 of 174), no wrong answer accepted,
 * and 99.4% (173) once claims are read by their signs, scope and subject (3 Dec, evening).
 * That is the floor, so that a change that reads fresh voices worse fails. set3-rest, measured
 * untouched at 129 of 160 with 3 wrong answers accepted, is at 144 with 1 after the same rules, and
 * at 155 after the reading rules of 4 Dec (tests/grading/reading-rules.test.ts).
 */
const LABEL = { correct: 'accept', partial: 'partial', incorrect: 'reject', ungraded: 'ungraded' } as const;

test('set3-tune: agreement and wrong answers accepted no worse than measured', () => {
  const rows = LABELLED_3.filter((a) => half3(a) === 'tune').map((a) => ({ a, got: LABEL[grade(question(a.ref), a.answer).verdict] }));
  const agree = rows.filter((r) => r.got === r.a.label).length;
  const wrong = rows.filter((r) => r.got === 'accept' && r.a.label !== 'accept');
  expect(agree).toBeGreaterThanOrEqual(173);
  expect(wrong.length).toBe(0);
  expect(wrong.filter((r) => isAdversarial(r.a)).length).toBe(0);
});

test('set3-rest: agreement and wrong answers accepted no worse than measured', () => {
  const rows = LABELLED_3.filter((a) => half3(a) === 'heldout').map((a) => ({ a, got: LABEL[grade(question(a.ref), a.answer).verdict] }));
  const agree = rows.filter((r) => r.got === r.a.label).length;
  const wrong = rows.filter((r) => r.got === 'accept' && r.a.label !== 'accept');
  expect(rows).toHaveLength(160);
  expect(agree).toBeGreaterThanOrEqual(155);
  expect(wrong.length).toBeLessThanOrEqual(1);
});
