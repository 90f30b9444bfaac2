import { readFileSync } from 'node:fs';
import { parseLesson } from '../../src/lesson/parse.js';

const seed = readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.md', import.meta.url), 'utf8');

describe('the bundled lesson 1.2.26', () => {
  const lesson = parseLesson(seed, { fileName: '1.2.26-calculus-for-ml-big-picture.md' });

  test('title, id and meta', () => {
    expect(lesson.id).toBe('1.2.26');
    expect(lesson.title).toBe('Calculus for ML - Big Picture');
    expect(lesson.meta).toEqual({ estimatedTime: '8 hours', difficulty: 'Beginner', prerequisites: 'Lesson 1.2.25', topic: 'Calculus for ML' });
  });

  test('9 exercises in 3 levels with their ids', () => {
    expect(lesson.exercises.map((e) => [e.id, e.level, e.levelName])).toEqual([
      ['1.2.26.1', 1, 'Starter'], ['1.2.26.2', 1, 'Starter'], ['1.2.26.3', 1, 'Starter'],
      ['1.2.26.4', 2, 'Intermediate'], ['1.2.26.5', 2, 'Intermediate'], ['1.2.26.6', 2, 'Intermediate'],
      ['1.2.26.7', 3, 'Advanced'], ['1.2.26.8', 3, 'Advanced'], ['1.2.26.9', 3, 'Advanced'],
    ]);
    expect(lesson.exercises[0].prompt).toBe('Define derivative in one sentence.');
    expect(lesson.exercises[8].prompt).toBe('Provide a simple optimization example.');
  });

  test('quiz: 4 true/false, conceptual 5–7, coding 8', () => {
    expect(lesson.quiz.trueFalse.map((q) => [q.n, q.answer])).toEqual([[1, true], [2, false], [3, true], [4, true]]);
    expect(lesson.quiz.trueFalse[1].statement).toBe('Optimization is unrelated to ML.');
    expect(lesson.quiz.conceptual.map((q) => [q.n, q.question])).toEqual([
      [5, 'Why does ML need calculus?'], [6, 'What is a loss function?'], [7, 'How does a gradient help learning?'],
    ]);
    expect(lesson.quiz.coding).toEqual([expect.objectContaining({ n: 8, task: 'Write a function f(x) = x^2 and compute f(3).' })]);
  });

  test('the rest of the skeleton', () => {
    expect(lesson.objectives).toHaveLength(4);
    expect(lesson.coreIdeas).toEqual(['Derivatives measure change', 'Gradients point to steepest ascent', 'Optimization minimizes loss']);
    expect(lesson.miniProject).toEqual({ title: 'Loss Landscape Sketch', task: 'Sketch a simple loss curve and describe its minimum.', code: null });
    expect(lesson.takeaways).toHaveLength(4);
    expect(lesson.resources).toEqual(['https://www.khanacademy.org/math/calculus-1', 'https://www.youtube.com/@3blue1brown', 'https://www.deeplearning.ai']);
    expect(lesson.next).toEqual({ id: '1.2.27', title: 'Functions, Limits, Continuity' });
    expect(lesson.homework).toEqual([
      { task: 'Complete exercises 1.2.26.1 - 1.2.26.9', done: false },
      { task: 'Summarize calculus in ML in one paragraph', done: false },
      { task: 'Review rate of change examples', done: false },
    ]);
    expect(lesson.warnings).toEqual([]);
  });
});
