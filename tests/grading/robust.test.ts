import fc from 'fast-check';
import { grade, loadMathGrading } from '../../src/grading/index.js';
import { readTrueFalse } from '../../src/grading/truefalse.js';
import { questions } from './seed.js';

// Coding answers are graded by the math engine, which is loaded on demand.
beforeAll(loadMathGrading);

// Whatever a learner types, grading answers with a verdict: it never throws, and scores stay in 0..1.
const VERDICTS = ['correct', 'partial', 'incorrect', 'ungraded'];
const typed = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(fc.constantFrom('not', 'gradient', 'loss', 'the', 'uphill', 'minus', 'x', '^', '2', '(', ')', '=', ';', 'f', '3', ',', 'def', '**', '\n'), { maxLength: 30 }).map((w) => w.join(' ')),
);

describe('grading is total', () => {
  test.each(questions.map((q) => [q.ref, q] as const))('%s', (_ref, q) => {
    fc.assert(
      fc.property(typed, (answer) => {
        const v = grade(q, answer);
        expect(VERDICTS).toContain(v.verdict);
        expect(v.score).toBeGreaterThanOrEqual(0);
        expect(v.score).toBeLessThanOrEqual(1);
        expect(v.feedback.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  test('true/false reading ignores case, surrounding space and one trailing period', () => {
    fc.assert(
      fc.property(fc.constantFrom('true', 'false', 't', 'f', 'yes', 'no', 'y', 'n'), fc.boolean(), fc.nat(3), fc.nat(3), fc.boolean(), (w, upper, l, r, dot) => {
        const answer = ' '.repeat(l) + (upper ? w.toUpperCase() : w) + (dot ? '.' : '') + ' '.repeat(r);
        expect(readTrueFalse(answer)).toBe(['true', 't', 'yes', 'y'].includes(w));
      }),
    );
  });
});

describe("words that are names of Object's own methods", () => {
  // Found by npm run fuzz: "constructor" in a written answer was looked up in the alias table's prototype.
  test.each(questions.map((q) => [q.ref, q] as const))('%s', (_ref, q) => {
    for (const answer of ['the constructor of the toString', 'valueOf hasOwnProperty __proto__ isPrototypeOf', 'def f(x): return constructor(x)']) {
      const v = grade(q, answer);
      expect(VERDICTS).toContain(v.verdict);
    }
  });
});

describe('long answers', () => {
  test('a 20,000-word answer is graded quickly', () => {
    const q = questions.find((x) => x.ref === '1.2.26.6')!;
    const answer = 'step size size step the of number steps too small large '.repeat(2000);
    const t0 = performance.now();
    const v = grade(q, answer);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(['correct', 'partial', 'incorrect']).toContain(v.verdict);
  });
});
