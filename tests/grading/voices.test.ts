import { gradeRubric } from '../../src/grading/rubric.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { question } from './seed.js';

/**
 * Fresh voices of the classes seen on the new labelled set's tune half (vivid paraphrases, asides,
 * stopping conditions, a value "big for bad guesses", formulas alone, another exercise's answer),
 * in wordings of our own, labels decided before each rule was written.
 */
const q = (ref: string) => question(ref) as RubricQuestion;
const verdictOf = (ref: string, answer: string) => gradeRubric(q(ref), answer).verdict;

test.each([
  ["1.2.26.3", "we search for the weights that make the fewest mistakes"],
  ["1.2.26.3", "Training tunes the weights to make the error (the loss) as small as possible."],
  ["1.2.26.3", "A model has weights and we tune them so that its error is as small as possible."],
  ["1.2.26.9", "Pick the price so that the profit is as high as possible."],
  ["1.2.26.1", "it says how much the function is changing when we move x a little"],
  ["quiz.7", "The gradient is how much the loss rises when you nudge a weight, so we push each weight the opposite way and the loss falls."],
  ["quiz.6", "It scores predictions: a large value when the prediction is wrong, a small one when it is right, and training pushes it down."],
  ["quiz.7", "For each weight it tells whether moving it up makes the loss bigger or smaller, and we move it the way that makes the loss smaller."],
  ["1.2.26.8", "Numeric gradients estimate the exact derivative with a finite difference; analytic ones are exact, from the rules."],
  ["1.2.26.4", "Start from random weights, compute the gradient, step against it, and repeat until the loss no longer goes down."],
  ["1.2.26.6", "Too big a step diverges, too small a step crawls; a good one converges fast without overshooting."],
  ["1.2.26.6", "Giant steps bounce over the valley; baby steps take ages."],
  ["1.2.26.6", "step too big: overshoots. step too small: slow."],
  ["1.2.26.3", "We want the settings that give the fewest errors."],
  ["1.2.26.6", "massive steps zig zag back and forth and may fly off; tiny ones creep along and take all day"],
  ["1.2.26.7", "It multiplies local derivatives from the output layer back to the input, giving every weight its gradient."],
  ["1.2.26.9", "a farmer picks the field's shape to make its area as big as possible"],
])('%s: %j is correct', (ref, answer) => {
  expect(verdictOf(ref, answer)).toBe('correct');
});

test.each([
  ["quiz.7", "the weights are moved ___ it"],
  ["1.2.26.5", "Accuracy, the fraction of hits, is the loss for a classifier."],
  ["1.2.26.9", "Pick the profit so that the price is as high as possible."],
  ["1.2.26.9", "h(x) = 3x + 5"],
  ["1.2.26.8", "(f(x+h) - f(x))/h"],
  ["1.2.26.7", "It applies the chain rule forward from the input to the loss."],
  ["1.2.26.8", "The numeric one comes from the calculus rules, the analytic one from a tiny h."],
  ["1.2.26.2", "swapping pounds for dollars at a bank"],
])('%s: %j is incorrect', (ref, answer) => {
  expect(verdictOf(ref, answer)).toBe('incorrect');
});

test.each([
  ["1.2.26.1", "A big learning rate overshoots, a small one is slow."],
])('%s: %j is not accepted', (ref, answer) => {
  expect(verdictOf(ref, answer)).not.toBe('correct');
});

test.each([
  ["1.2.26.1", "it's a rate of change really"],
])('%s: %j is not rejected', (ref, answer) => {
  expect(verdictOf(ref, answer)).not.toBe('incorrect');
});


test('a formula alone is told to say in words what it shows', () => {
  expect(gradeRubric(q('1.2.26.9'), 'h(x) = 3x + 5').feedback).toContain('A formula alone does not answer this');
  // an update rule says which way to step: partly right for the steps of gradient descent
  expect(verdictOf('1.2.26.4', 'w ← w − η∇L')).toBe('partial');
});

test('the roles of an optimisation: choosing the objective to make the variable best is swapped', () => {
  const v = gradeRubric(q('1.2.26.9'), 'Pick the profit so that the price is as high as possible.');
  expect(v.claims).toContainEqual(expect.objectContaining({ verdict: 'wrong', roles: { responds: 'price', varied: 'profit' } }));
});
