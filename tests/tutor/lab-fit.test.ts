import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseLab, function2In, labCommand } from '../../src/tutor/lab-choice.js';
import { exerciseLab, labText } from '../../src/tutor/steps/open-lab.js';
import { parseLesson } from '../../src/lesson/parse.js';
import { runCli } from '../helpers/cli.js';

// Exercises in the course's shapes (our own wording); the lesson function is what the lesson writes
// elsewhere (a Python task's f(x) = 2x + 1, an earlier exercise's f(x)=x^2).
describe('a lab is offered only where it fits the exercise', () => {
  test('a numeric gradient of the exercise\'s own f(x, y) gets the 2-D gradient of that function', () => {
    const lab = chooseLab('Numeric gradient for f(x,y)=x^2+3*y^2.', 'Numerical Differentiation', 'x^2');
    expect(lab).toEqual({ kind: 'grad2', expr: 'x^2+3*y^2', vars: ['x', 'y'], at: [1, 2] });
    expect(labCommand(lab!)).toBe('calc-ml grad "x^2+3*y^2" --at 1,2');
    expect(labText(lab!)).toBe('grad: the gradient of f(x, y) = x^2+3*y^2 at (x, y) = (1, 2), exact and by central differences');
  });

  test('the point the exercise names is the one used; other names of variables are kept', () => {
    expect(chooseLab('Gradient check f(a, b) = a*b + b^2 at (2, -1).', 'Numerical Differentiation', null))
      .toEqual({ kind: 'grad2', expr: 'a*b + b^2', vars: ['a', 'b'], at: [2, -1] });
    expect(labCommand({ kind: 'grad2', expr: 'a*b + b^2', vars: ['a', 'b'], at: [2, -1] })).toBe('calc-ml grad "a*b + b^2" --vars a,b --at 2,-1');
  });

  test.each([
    // [exercise, lesson title, lesson function]
    ['Numeric gradient for f(x,y,z)=x^2+y^2+z^2.', 'Numerical Differentiation', 'x^2'],
    ['Compute partial derivatives numerically.', 'Numerical Differentiation', 'x^2'],
    ['Run gradient descent on f(x, y) = x^2 + y^2.', 'Gradient Descent Basics', 'x^2'],
    ['Create a short report on continuity of a simple piecewise function.', 'Functions, Limits, Continuity', '2x + 1'],
    ['Explain why limits matter for derivatives.', 'Functions, Limits, Continuity', '2x + 1'],
  ])('unsure, so none: %s', (exercise, title, fn) => {
    // The one-variable lab on the lesson's f(x) (grad of x^2 at 3, a plot of 2x + 1) was offered before.
    expect(chooseLab(exercise, title, fn)).toBeNull();
  });

  test('left vs right limits get a curve whose two limits differ, never sin(x)/x (equal limits)', () => {
    for (const ex of ['Describe left vs right limits.', 'Explain one-sided limits.', 'Compare the left-hand and right-hand limits at 0.']) {
      expect(chooseLab(ex, 'Functions, Limits, Continuity', null)).toEqual({ kind: 'plot', expr: 'x/abs(x)', from: -3, to: 3 });
    }
  });

  test('what fitted before still fits', () => {
    expect(chooseLab('Implement numeric gradient for f(x)=x^2.', 'Numerical Differentiation', null)).toEqual({ kind: 'grad', expr: 'x^2', at: 3 });
    expect(chooseLab('Explain a limit with a picture.', 'Functions, Limits, Continuity', '2x + 1')?.expr).toBe('sin(x)/x');
    expect(chooseLab('Provide a piecewise function with a removable discontinuity.', 'Functions, Limits, Continuity', '2x + 1')?.expr).toBe('sin(x)/x');
    expect(chooseLab('Plot f(x) = x^3 - x and mark where it is continuous.', 'Functions, Limits, Continuity', '2x + 1')?.expr).toBe('x^3 - x');
  });

  test.each([
    ['x,y', 'f(x,y)=x^2+y^2', { expr: 'x^2+y^2', vars: ['x', 'y'] }],
    ['spaces', 'Numeric gradient of g( u , v ) = u*v.', { expr: 'u*v', vars: ['u', 'v'] }],
    ['one variable', 'f(x)=x^2', null],
  ])('f(x, y) read from the text: %s', (_w, text, want) => expect(function2In(text)).toEqual(want));
});

describe('as the guided lesson offers it', () => {
  const lesson = (exercises: string) => parseLesson(`# Lesson 7.1.2: Numerical Differentiation\n\n## Exercises\n\n${exercises}\n`);

  test('an exercise with a two-variable function the engine reads is offered its 2-D gradient', () => {
    const l = lesson('- Exercise 7.1.2.1: Numeric gradient for f(x,y)=x^2+y^2.');
    expect(exerciseLab(l.exercises[0].prompt, l, 'x^2')).toMatchObject({ kind: 'grad2', expr: 'x^2+y^2' });
  });

  test('one the engine cannot read is offered nothing, not the lesson\'s f(x)', () => {
    const l = lesson('- Exercise 7.1.2.1: Numeric gradient for f(x,y)=x^^2+y.');
    expect(exerciseLab(l.exercises[0].prompt, l, 'x^2')).toBeNull();
  });
});

describe('on the command line, in start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'calc-ml-labfit-'));
  const file = join(dir, 'Lesson-7.1.3-Gradients.md');
  writeFileSync(file, [
    '# Lesson 7.1.3: Numerical Gradients', '',
    '## Exercises', '',
    '- Exercise 7.1.3.1: Implement numeric gradient for f(x)=x^2.',
    '- Exercise 7.1.3.2: Numeric gradient for f(x,y)=x^2+y^2.', '',
    '## Mini-Project: Continuity Checker', '',
    'Create a short report on continuity of a simple piecewise function.', '',
  ].join('\n'));

  test(':lab on the f(x, y) exercise shows its gradient at (1, 2); the piecewise mini-project is offered no lab', () => {
    const r = runCli(['start', file], { input: '\n:lab\n\n\n\n' });
    const ex2 = r.stdout.slice(r.stdout.indexOf('Numeric gradient for f(x,y)=x^2+y^2.'));
    expect(ex2.replace(/\s+/g, ' ')).toContain('A lab fits this exercise (grad: the gradient of f(x, y) = x^2+y^2 at (x, y) = (1, 2)');
    expect(ex2).toMatch(/∂f\/∂x\s+2 \* x\s+2\b/);
    expect(ex2).toMatch(/∂f\/∂y\s+2 \* y\s+4\b/);
    expect(ex2).not.toContain('f′(x) of x^2');
    const mp = r.stdout.slice(r.stdout.indexOf('Create a short report on continuity'));
    expect(mp).not.toContain('A lab fits');
  });
});
