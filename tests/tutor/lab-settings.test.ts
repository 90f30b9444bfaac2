import { chooseLab, descentSettingsIn, formulaOn, labCommand } from '../../src/tutor/lab-choice.js';

// A descent exercise that names its rates, start or function gets a lab with those, not the
// lab's fixed 0.05, 0.3, 0.9, 1.05 from x = 3 on the lesson's function.
describe('descent settings read from the exercise', () => {
  test.each([
    ['Run gradient descent on f(x) = x^2 and try rates 0.01, 0.1 and 1.1.', { rates: [0.01, 0.1, 1.1] }],
    ['Compare learning rates 0.01, 0.1, and 1.1 on the same loss.', { rates: [0.01, 0.1, 1.1] }],
    ['Use a learning rate of 0.5 starting at x = 4.', { rates: [0.5], start: 4 }],
    ['Set α = 0.2 and x0 = -3; count the iterations.', { rates: [0.2], start: -3 }],
    ['Try step sizes 0.1/0.5/1.5 from x = 10.', { rates: [0.1, 0.5, 1.5], start: 10 }],
    ['Use lr=0.001 or 0.01.', { rates: [0.001, 0.01] }],
    ['Initial point 2, learning rate 0.3.', { rates: [0.3], start: 2 }],
    // Numbers that are not rates: iterations, percentages, a rate of 0.
    ['Run 100 iterations and plot the learning rate schedule.', {}],
    ['Lower the learning rate for 50 steps.', {}],
    ['Explain why the learning rate matters.', {}],
    ['Reduce the learning rate by 10% each epoch.', {}],
  ])('%s', (text, want) => expect(descentSettingsIn(text)).toEqual(want));

  test.each([
    ['Run gradient descent on x^2 - 4x + 3 with rate 0.1.', 'x^2 - 4x + 3'],
    ['Minimize (x - 2)^2 by hand.', '(x - 2)^2'],
    ['Run gradient descent on the loss.', null],
    ['Click on x and see.', null],
  ])('formula named without f(x): %s', (text, want) => expect(formulaOn(text)).toBe(want));

  test.each([
    // [exercise, lesson function, the lab's command]
    ['Exercise: compare learning rates 0.01, 0.1 and 1.1 on the loss.', 'x^2', 'calc-ml descend "x^2" --start 3 --lr 0.01,0.1,1.1 --tol 0.0001'],
    ['Run gradient descent on f(x) = (x-1)^2 from x = 5 with learning rates 0.1 and 0.9.', null, 'calc-ml descend "(x-1)^2" --start 5 --lr 0.1,0.9 --tol 0.0001'],
    ['Run gradient descent on x^2 - 4x + 3 with learning rate 0.1.', 'x^2', 'calc-ml descend "x^2 - 4x + 3" --start 3 --lr 0.1 --tol 0.0001'],
    // Nothing named: the lab's own rates, as before.
    ['Compare a small and a large learning rate.', 'x^2', 'calc-ml descend "x^2" --start 3 --lr 0.05,0.3,0.9,1.05 --tol 0.0001'],
    ['Show that descent on x^4 - 3x^2 + x can stop in a local minimum; try rates 0.02 and 0.04.', null, 'calc-ml descend "x^4 - 3x^2 + x" --start 2 --lr 0.02,0.04 --tol 0.0001'],
  ])('%s → %s', (exercise, fn, command) => {
    const lab = chooseLab(exercise, 'Learning Rates', fn);
    expect(lab && labCommand(lab)).toBe(command);
  });
});
