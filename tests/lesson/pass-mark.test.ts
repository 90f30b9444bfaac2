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
  ])('%j → %s', (text, share) => {
    expect(statedPassMark(text)).toBeCloseTo(share, 9);
  });

  test.each([
    // No share to read: "80+" out of what?
    '**Passing Score: 80+** (B or better)',
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
