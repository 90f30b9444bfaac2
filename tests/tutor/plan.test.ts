import { readFileSync } from 'node:fs';
import { parseLesson } from '../../src/lesson/parse.js';
import { planSteps, findStep, resumeIndex, progressBar } from '../../src/tutor/plan.js';
import { normalizeRef } from '../../src/tutor/refs.js';
import { parseLab } from '../../src/lesson/lab-spec.js';
import { emptyLesson } from '../../src/tutor/progress.js';

const seed = parseLesson(readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.md', import.meta.url), 'utf8'));
const steps = planSteps(seed);

describe('the guided lesson plan', () => {
  test('objectives, ideas, 9 exercises, mini-project, quiz, takeaways, homework, finish', () => {
    expect(steps.map((s) => s.id)).toEqual([
      'objectives', 'core-ideas',
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `exercise:1.2.26.${n}`),
      'mini-project', 'quiz', 'takeaways', 'homework', 'finish',
    ]);
  });

  test.each([
    ['objectives', 'objectives'], ['ideas', 'core-ideas'], ['exercises', 'exercise:1.2.26.1'], ['lab:6', 'exercise:1.2.26.6'],
    ['ex:3', 'exercise:1.2.26.3'], ['Exercise 9', 'exercise:1.2.26.9'], ['mini-project', 'mini-project'], ['quiz', 'quiz'],
    ['homework', 'homework'], ['exercise:1.2.26.4', 'exercise:1.2.26.4'], ['QUIZ', 'quiz'],
  ])('--step %s → %s', (name, id) => {
    expect(steps[findStep(name, steps, '1.2.26')].id).toBe(id);
  });

  test.each([['lab:12'], ['nonsense'], ['']])('--step %j is not a step', (name) => {
    expect(findStep(name, steps, '1.2.26')).toBe(-1);
  });

  test('resume at the saved step, else at the first step not done', () => {
    const t = emptyLesson().tutor;
    expect(resumeIndex(steps, t)).toBe(0);
    expect(steps[resumeIndex(steps, { ...t, step: 'quiz' })].id).toBe('quiz');
    expect(steps[resumeIndex(steps, { ...t, step: 'gone', done: ['objectives', 'core-ideas'] })].id).toBe('exercise:1.2.26.1');
  });

  test('progress bar', () => {
    expect(progressBar(4, 16, 8)).toBe('[■■□□□□□□] step 4 of 16');
    expect(progressBar(16, 16, 4)).toBe('[■■■■] step 16 of 16');
    expect(progressBar(4, 16, 8, true)).toBe('[##......] step 4 of 16');
  });
});

describe('question refs as typed', () => {
  test.each([
    ['quiz.5', 'quiz.5'], ['q5', 'quiz.5'], ['5', 'quiz.5'], ['Quiz 5', 'quiz.5'], ['1.2.26.4', '1.2.26.4'],
    ['ex4', '1.2.26.4'], ['exercise 4', '1.2.26.4'], ['.4', '1.2.26.4'], ['mini-project', 'mini-project'],
    // the lesson's id before a quiz item (as the tutor's own lines name it); another lesson's stays as typed
    ['1.2.26.quiz.7', 'quiz.7'], ['1.2.26.q7', 'quiz.7'], ['1.2.27.quiz.7', '1.2.27.quiz.7'],
  ])('%s → %s', (input, ref) => expect(normalizeRef(input, '1.2.26')).toBe(ref));
});

describe('labs written in the key as calc-ml commands', () => {
  test.each([
    ['descend x^2 --start 3 --lr 0.01,0.1,0.9,1.1 --steps 10', { kind: 'rates', expr: 'x^2', start: 3, rates: [0.01, 0.1, 0.9, 1.1], steps: 10 }],
    ['descend x^2 --start 3 --lr 0.1 --steps 20', { kind: 'optimize', expr: 'x^2', start: 3, rates: [0.1], steps: 20 }],
    ['grad x^2 --at 3', { kind: 'grad', expr: 'x^2', at: 3 }],
    ['gd (x - 1)^2 + 2', { kind: 'optimize', expr: '(x - 1)^2 + 2', start: 3, rates: [0.1], steps: 50 }],
    ['plot x^2', null],
  ])('%s', (line, spec) => expect(parseLab(line)).toEqual(spec));

  test.each([
    ['descend x^2 --steps 100000000', '--steps must be 1–10000, not 100000000'],
    ['descend x^2 --lr 0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9', '--lr takes at most 8 values, not 9'],
    ['descend x^2 --start 1e300', '--start must be at most 1000000, not 1e300'],
    ['descend x^2 --lr abc', '--lr must be a finite number, like 0.5, not "abc"'],
    ['grad x^2 --at Infinity', '--at must be a finite number, like 0.5, not "Infinity"'],
  ])('%s: refused as the command line refuses it', (line, message) => {
    expect(() => parseLab(line)).toThrow(message);
  });
});
