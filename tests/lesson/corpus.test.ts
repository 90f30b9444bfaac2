import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from '../../src/lesson/parse.js';
import { CORPUS } from '../helpers/cli.js';

// The course's own lesson files, kept in ../shared/corpus (never copied into the project).
const has = existsSync(CORPUS);
const read = (name: string) => {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(name))!;
  return parseLesson(readFileSync(join(CORPUS, file), 'utf8'), { fileName: file });
};

(has ? describe : describe.skip)('lessons of the same course', () => {
  test.each([
    ['Lesson-1.2.27', '1.2.27', 'Functions, Limits, Continuity', [true, false, true, true], 'Write a function f(x) = 2x + 1 and compute f(4).', '1.2.28'],
    ['Lesson-1.2.37', '1.2.37', 'Gradient Descent Basics', [true, false, true, true], 'Write a loop that runs 20 iterations of gradient descent.', '1.2.38'],
    ['Lesson-1.2.39', '1.2.39', 'Numerical Differentiation', [false, true, false, true], 'Implement central difference for f(x)=x^2.', '1.2.40'],
  ])('%s', (file, id, title, answers, coding, next) => {
    const l = read(file);
    expect(l).toMatchObject({ id, title });
    expect(l.exercises).toHaveLength(9);
    expect(l.exercises.map((e) => e.level)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect(l.exercises.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${id}.${n}`));
    expect(l.quiz.trueFalse.map((q) => q.answer)).toEqual(answers);
    expect(l.quiz.conceptual.map((q) => q.n)).toEqual([5, 6, 7]);
    expect(l.quiz.coding.map((q) => q.task)).toEqual([coding]);
    expect(l.next?.id).toBe(next);
    expect(l.previous?.id).toBeDefined();
    expect(l.homework).toHaveLength(3);
    // extra sections are kept for display, not mistaken for the skeleton
    expect(l.otherSections.map((s) => s.title)).toEqual(['Introduction: Why This Matters', 'Best Practices (Step-by-Step)', 'Core Teaching Content']);
    expect(l.warnings).toEqual([]);
  });

  test('1.1.11: bold items, nested answers, emoji difficulties, exercises with code', () => {
    const l = read('Lesson-1.1.11');
    expect(l.title).toBe('The `if` Statement');
    expect(l.previous).toEqual({ id: '1.1.10', title: 'MILESTONE TEST - Variables & Operators' });
    expect(l.exercises.map((e) => [e.id, e.level, e.levelName])[3]).toEqual(['1.1.11.4', 2, 'Intermediate']);
    expect(l.exercises[0]).toMatchObject({ prompt: 'Basic Age Check', code: expect.stringContaining('if age >= 18') });
    expect(l.quiz.trueFalse.map((q) => q.answer)).toEqual([true, true, false, false]);
    expect(l.quiz.trueFalse[3].reason).toBe('`else` is optional');
    expect(l.quiz.conceptual[0].expected).toMatch(/^Indentation shows/);
    expect(l.quiz.coding[0].code).toContain('any(c.isupper() for c in password)');
    expect(l.takeaways[1]).toBe('Indentation is crucial - Shows code blocks and scope');
    expect(l.resources[0]).toBe('Python `if` Statements Documentation (https://docs.python.org/3/tutorial/controlflow.html#if-statements)');
    expect(l.homework).toHaveLength(5);
    expect(l.next).toEqual({ id: '1.1.12', title: '`if-elif-else` Chains' });
  });

  test('1.2.44 milestone: parts A–D, true/false with no answers', () => {
    const l = read('Lesson-1.2.44');
    expect(l.title).toBe('MILESTONE TEST - Calculus and Optimization');
    expect(l.quiz.trueFalse).toHaveLength(10);
    expect(l.quiz.trueFalse.every((q) => q.answer === null)).toBe(true);
    expect(l.quiz.multipleChoice).toHaveLength(10);
    expect(l.quiz.multipleChoice.every((q) => q.options.length === 0 && q.placeholder && q.answer === null)).toBe(true);
    expect(l.quiz.conceptual).toHaveLength(8);
    expect(l.quiz.coding.map((q) => q.n)).toEqual([29, 30]);
    const all = [...l.quiz.trueFalse, ...l.quiz.conceptual, ...l.quiz.coding, ...l.quiz.multipleChoice].map((q) => q.n).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(l.next).toEqual({ id: '1.2.45', title: 'Probability for ML - Big Picture' });
    expect(l.exercises).toEqual([]);
    // A test has no exercises, takeaways or homework by design: check does not ask for them.
    const said = l.warnings.map((w) => w.message);
    for (const gone of ['no "## Exercises" section', 'no "## Key Takeaways" section', 'no "## Homework" section']) expect(said).not.toContain(gone);
  });

  test.each(['Lesson-1.1.10', 'Lesson-1.1.38'])('%s milestone: no warning for the sections a test lacks by design', (name) => {
    const said = read(name).warnings.map((w) => w.message);
    expect(said.filter((m) => /^no "## (Exercises|Key Takeaways|Homework)" section$/.test(m))).toEqual([]);
  });

  test('1.1.13, an ordinary lesson without takeaways or homework, is still told so', () => {
    const said = read('Lesson-1.1.13').warnings.map((w) => w.message);
    expect(said).toEqual(expect.arrayContaining(['no "## Key Takeaways" section', 'no "## Homework" section']));
  });
});
