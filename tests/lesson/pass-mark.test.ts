import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statedPassMark } from '../../src/lesson/pass-mark.js';
import { CORPUS } from '../helpers/cli.js';

// Our own lines, in the shapes the course's milestone tests state their pass mark.
describe("a lesson's own pass mark", () => {
  test.each([
    ['**Passing Grade**: 80%  ', 0.8],
    ['**Passing Grade**: 80% (32/40 points)', 0.8],
    ['**Passing Score**: 32/40 (80%)', 0.8],
    ['**Passing Score:** 28/40 (70%)', 0.7],
    ['**Passing Score**: 75+ points out of 100', 0.75],
    ['**Estimated Time**: 2 hours | **Pass Mark**: 65%', 0.65],
    ['Passing score: 9/12', 0.75],
    // Two statements that agree are one mark.
    ['**Passing Grade**: 80% (32/40 points)\n\n**Passing Score**: 32/40 (80%)', 0.8],
    // "80+" is out of the lesson's stated total, else out of 100.
    ['**Passing Score: 80+** (B or better)', 0.8],
    ['### Total Points: 40\n\n**Passing Score: 32+**', 0.8],
    // The usual phrasings in prose, labelled or in a sentence.
    ['Score 70+ to pass.', 0.7],
    ['**Pass**: 7/10', 0.7],
    ['Pass: 7/10 questions right', 0.7],
    ['- **To pass**: 75%', 0.75],
    ['**Minimum passing score**: 60%', 0.6],
    ['The passing score is 80%.', 0.8],
    ['A passing score of 85% unlocks the next lesson.', 0.85],
    ['passing score 80%', 0.8],
    ['The pass mark is 65%.', 0.65],
    ['You need 80% or higher to pass.', 0.8],
    ['You need at least 7 out of 10 correct to pass this test.', 0.7],
    ['Get 9/12 right to pass.', 0.75],
    ['80% or more is required to pass', 0.8],
  ])('%j → %s', (text, share) => {
    expect(statedPassMark(text)).toBeCloseTo(share, 9);
  });

  test.each([
    // No share to read: a pass named without a figure, a next-lesson pointer.
    '- **Pass**: → Lesson 1.1.11 (Control Flow)',
    'If you pass, move on to Lesson 1.2.27.',
    // A figure that is not the quiz's mark: an id, a count of questions, code in a span.
    'Lesson 1.2.26 must pass before 1.2.27.',
    'Answer all 10 questions to pass.',
    'Check that `score >= 70` to pass the test case.',
    // Statements that disagree: no clear mark.
    '**Passing Score**: 80%\n\n**Passing Score**: 70%',
    // Not a pass mark: a score, a grade scale, code printing one.
    '**Score**: 32/40',
    '- 70-79: C (Passing)',
    '```python\n# Passing score: 50%\n```',
    'No mark here at all.',
    // Not a share of the whole.
    '**Passing Score**: 120%',
  ])('%j → none', (text) => {
    expect(statedPassMark(text)).toBeNull();
  });

  const real = (name: string) => join(CORPUS, name);
  (existsSync(CORPUS) ? test : test.skip)('the course files that state one: 80%; the others state none', () => {
    expect(statedPassMark(readFileSync(real('Lesson-1.2.44-MILESTONE-TEST-Calculus-and-Optimization.md'), 'utf8'))).toBeCloseTo(0.8, 9);
    expect(statedPassMark(readFileSync(real('Lesson-1.1.10-MILESTONE-TEST-Variables-and-Operators.md'), 'utf8'))).toBeCloseTo(0.8, 9);
    expect(statedPassMark(readFileSync(real('Lesson-1.1.38-MILESTONE-TEST-Functions-Scope.md'), 'utf8'))).toBeCloseTo(0.8, 9);
    for (const name of ['Lesson-1.2.27-Functions-Limits-Continuity.md', 'Lesson-1.1.13-Nested-Conditionals.md', 'Lesson-1.1.39-Lists-Fundamentals.md']) {
      expect(statedPassMark(readFileSync(real(name), 'utf8'))).toBeNull();
    }
  });
});
