import { spellOut } from '../../src/grading/notation.js';
import { gradeRubric } from '../../src/grading/rubric.js';
import { nearPrefix, nearWord } from '../../src/grading/fuzzy.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { question } from './seed.js';

/** How answers are read: maths notation, misspellings, and the direction a clause gives. */
const q = (ref: string) => question(ref) as RubricQuestion;

test.each([
  ["f'(x) = 2x", 'the derivative is 2x'],
  ['(f(x+h) - f(x))/h', 'the finite difference'],
  ['x0 given', 'the initial x given'],
  ['x_{k+1} = x_k − η g', 'update the weight minus learning rate g'],
  ['8 L/min', '8 L per min'],
  ['60 km/h', '60 km per h'],
  ['a ≈ b', 'a approximately b'],
])('notation %j reads as %j', (text, words) => {
  expect(spellOut(text)).toBe(words);
});

test.each([
  ['gradiant', 'gradient', true],
  ['opposit', 'opposite', true],
  ['squared', 'square', true],
  ['step', 'steep', false], // a real word, one letter added: not a misspelling
  ['radiant', 'gradient', false], // different first letters never match
  ['wieghts', 'weight', true], // a misspelling's plural
  ['steps', 'steep', false],
])('%j stands for %j: %s', (typed, word, yes) => {
  expect(nearWord(typed, word)).toBe(yes);
});
test('a misspelt prefix: "analitic" is analytic*', () => {
  expect(nearPrefix('analitic', 'analytic')).toBe(true);
  expect(nearPrefix('numeric', 'analytic')).toBe(false);
});

test.each([
  // direction words misspelt
  ['1.2.26.4', 'first pick random weigths, then calcualte the gradiant, then move opposit to the gradiant times the learning rate, repeat', 'correct'],
  // "along it", where "it" is the negative gradient: against the gradient
  ['1.2.26.4', 'Start from random weights; the negative gradient points to the steepest decrease, so step along it, and repeat.', 'correct'],
  ['1.2.26.4', 'Start from random weights; the gradient points to the steepest increase, so step along it, and repeat.', 'incorrect'],
  // "in the direction the gradient points" is along it
  ['1.2.26.4', 'Start anywhere, compute the slope, then move in the direction the gradient points, and repeat.', 'incorrect'],
  ['1.2.26.4', 'Start anywhere, compute the slope, then move where the gradient points, and repeat until it converges.', 'incorrect'],
  // "up or down" names both ways and says neither
  ['quiz.7', 'It says whether each weight should go up or down, so the loss decreases.', 'correct'],
  // overshooting the minimum is no step against the gradient
  ['quiz.7', 'Too large a step overshoots the minimum.', 'incorrect'],
  // a "not" that is another way of saying the claim ("not converge") denies nothing
  ['1.2.26.6', 'if the step is very large the algorithm jumps over the minimum and does not converge, if very small it needs too many steps', 'correct'],
  ['1.2.26.6', 'A very large step does not overshoot; a small one is slow.', 'incorrect'],
  // misspelt words and their endings
  ['quiz.7', 'the gradiant tells us wich way to change the wieghts so the loss decreses', 'correct'],
  // "it isn't X; it is Y": a contrast, not the claim denied; a denial of what it does still is one
  ['quiz.6', "It isn't the model's output; it measures how wrong that output is compared to the target.", 'correct'],
  ['quiz.7', 'The gradient does not tell us which way to move the weights; the learning rate does.', 'incorrect'],
  // "… and too small …" starts a new claim
  ['1.2.26.6', 'Without a good step size, too large overshoots and diverges and too small is painfully slow.', 'correct'],
  // "less" is down
  ['quiz.7', 'gradient show direction where loss go up, so we go other direction and loss become less', 'correct'],
])('%s: %j is %s', (ref, answer, verdict) => {
  expect(gradeRubric(q(ref), answer).verdict).toBe(verdict);
});

test.each([
  // No way for the weights named: the gradient's direction and "update the weights" are not enough.
  ['quiz.7', 'The gradient tells us how to increase the loss, so we change the weights that way.'],
  ['quiz.7', 'It gives the direction that increases the loss, and we update the weights in that direction.'],
  // "with respect to" and "training" alone are not backprop
  ['1.2.26.7', 'Speed is the rate of change of position with respect to time, as in a training loss dropping per epoch.'],
])('%s: %j is not accepted', (ref, answer) => {
  expect(gradeRubric(q(ref), answer).verdict).not.toBe('correct');
});

test.each([
  // "which" after the gradient is the gradient: describing where it points is no wrong idea
  ['quiz.7', 'w ← w − η ∇L: we step against the gradient, which points where the loss rises fastest, so the loss falls.'],
  ['quiz.7', 'we move opposite to the gradient, which shows the direction of steepest increase of the loss'],
  ['quiz.7', 'It says, for each weight, which way increases the loss; we change each weight the other way.'],
])('%s: %j is correct', (ref, answer) => {
  expect(gradeRubric(q(ref), answer).verdict).toBe('correct');
});

test('distance agrees with the textbook table (optimal string alignment) on many word pairs', async () => {
  const { distance } = await import('../../src/grading/fuzzy.js');
  const osa = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
    return d[a.length][b.length];
  };
  const words = ['gradient', 'gradiant', 'graident', 'opposite', 'opposit', 'oppostie', 'analytic', 'analitic', 'derivative', 'derivitive', 'step', 'steep', 'stpe', 'a', '', 'weights', 'weigths', 'decreases', 'decreses', 'a-very-long-word-with-many-letters-in-it-beyond-thirty-two'];
  for (const a of words) for (const b of words) for (const max of [1, 2, 40]) expect(Math.min(distance(a, b, max), max + 1)).toBe(Math.min(osa(a, b), max + 1));
});
