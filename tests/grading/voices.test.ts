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

describe('third round, labels first: wrong ideas in new words, right ones in new voices', () => {
  test.each([
    ["quiz.7", "The gradient points to the minimum, so we step along it until the loss is as small as possible."],
    ["quiz.7", "Learning adds a bit of the gradient to every weight, which lowers the loss each time."],
    ["quiz.7", "We climb the loss surface in the direction the gradient shows, and that is how the error gets smaller."],
    ["quiz.7", "the model goes where the slope points, downhill to the lowest loss"],
    ["1.2.26.4", "1. random start 2. compute gradient 3. w = w + 0.1 * gradient 4. repeat until done"],
    ["1.2.26.4", "Begin anywhere, take the derivative, and move in the same direction as the gradient, over and over."],
    ["1.2.26.6", "A tiny learning rate overshoots the minimum and a huge one needs thousands of steps."],
    ["1.2.26.6", "The step size only decides how many epochs you train for."],
    ["1.2.26.1", "The derivative is the total area under the graph up to a point."],
    ["1.2.26.1", "how much x moves per unit change of f"],
    ["1.2.26.3", "ML uses optimization to make the loss as big as possible."],
    ["1.2.26.3", "Optimization makes the training code run faster on the GPU."],
    ["1.2.26.5", "The loss of a linear regression is its accuracy on the test set."],
    ["1.2.26.7", "Backprop feeds the inputs backwards through the network to guess the data."],
    ["1.2.26.7", "Backprop is the same thing as gradient descent."],
    ["1.2.26.8", "Numeric gradients are exact because they use real numbers; analytic ones are rough estimates."],
    ["1.2.26.9", "Make the error of a model as large as possible by changing its weights."],
    ["quiz.5", "ML needs calculus to add numbers quickly."],
    ["quiz.6", "A loss function is the part of the network that makes the predictions."],
    ["quiz.6", "It is the money a company loses when the model is wrong."],
    ["quiz.5", "Calculus tells us how to make the loss as large as possible."],
    ["1.2.26.2", "Changing my mind about dinner."],
    ["quiz.7", "Follow the gradient, because that climbs to the lowest loss."],
    ["1.2.26.6", "A good step size doesn't overshoot like a small one and isn't as slow as a huge one."],
  ])('%s: %j is incorrect', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('incorrect');
  });
  test.each([
    ["quiz.7", "Think of the loss as a hill: the gradient says which way is up, so the weights walk the other way, down to lower loss."],
    ["quiz.7", "It points uphill; we go downhill by subtracting it (times the learning rate) from the weights."],
    ["1.2.26.6", "If the learning rate is huge the weights jump around and the loss explodes, but if it is tiny learning takes forever."],
    ["1.2.26.1", "the instantaneous rate of change of f at x: how quickly f changes when x is nudged"],
    ["1.2.26.3", "A model learns by picking the weights that make its error smallest, and picking the best values like that is optimization."],
    ["1.2.26.5", "In linear regression we use the mean squared error: the average of the squared differences between predictions and the real values."],
    ["1.2.26.7", "Backprop uses the chain rule, going backwards layer by layer from the loss, to get the derivative of the loss with respect to each weight."],
    ["1.2.26.8", "Analytic gradients come from the formula and are exact; numeric ones use a small step h and are only approximate, but they are handy for checking."],
    ["1.2.26.9", "Choosing the dimensions of a box to use the least cardboard is an optimization problem."],
    ["quiz.5", "Because learning means lowering a loss, and derivatives tell us how the loss changes when each weight moves."],
    ["quiz.6", "A loss function compares the model's predictions with the true answers and gives a number: the larger it is, the worse the model; training makes it small."],
    ["1.2.26.2", "A plane climbing 500 metres every minute after take-off."],
    ["quiz.7", "Never follow the gradient, since that climbs the loss; step against it and the loss drops."],
    ["1.2.26.6", "A good step size doesn't overshoot like a big one and isn't as slow as a tiny one."],
    ["quiz.7", "It tells every weight whether to go up or down so that the loss falls."],
  ])('%s: %j is correct', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('correct');
  });
  test.each([
    ["1.2.26.1", "df/dx = lim h→0 (f(x+h) − f(x))/h"],
  ])('%s: %j is not rejected', (ref, answer) => {
    expect(verdictOf(ref, answer)).not.toBe('incorrect');
  });
});

describe('fourth round, labels first: the new rules do not let the wrong way through', () => {
  test.each([
    ["quiz.7", "The loss goes up when we nudge the weights, so we keep nudging them along the gradient."],
    ["quiz.6", "It gives a big number when predictions are bad, and training tries to make that number as big as possible."],
    ["1.2.26.4", "Start randomly, compute the gradient, move with the gradient until the loss no longer goes down."],
    ["1.2.26.6", "Big steps don't overshoot; small steps are the ones that bounce around."],
    ["1.2.26.1", "It shows how much x changes when f changes, i.e. the slope."],
    ["1.2.26.8", "Numeric gradients, the exact ones, use the rules; analytic gradients approximate."],
    ["1.2.26.3", "Training (which means maximising the loss) picks the weights."],
    ["quiz.5", "We need calculus (it adds the numbers up) to train."],
    ["quiz.7", "Whether we go with or against the gradient does not matter; the loss drops anyway."],
    ["1.2.26.7", "It runs the network from the input forward to the loss, multiplying derivatives."],
    ["1.2.26.6", "With a tiny step the weights never settle and bounce around; with a huge step training crawls."],
    ["1.2.26.3", "Not to find good weights: to make the code run faster."],
  ])('%s: %j is incorrect', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('incorrect');
  });
  test.each([
    ["quiz.7", "We nudge each weight against its gradient (the direction of steepest ascent), and the loss goes down."],
    ["1.2.26.5", "MSE, the mean of the squared errors, is the usual loss for linear regression."],
    ["1.2.26.6", "With a huge step the weights never settle, they bounce around; with a tiny step training crawls."],
    ["1.2.26.3", "Not to make the code faster: to find the weights that make the loss as small as possible."],
    ["1.2.26.4", "Start with a guess, compute the gradient, take a small step downhill, and repeat until the loss stops going down."],
    ["quiz.7", "The gradient shows which way the loss would increase, and training nudges the weights the other way so it decreases."],
    ["quiz.6", "a score of how wrong the predictions are (0 for perfect), which training drives down"],
    ["1.2.26.2", "my phone battery drops about 10% every hour"],
    ["1.2.26.9", "choose the learning rate that gives the lowest validation loss"],
    ["quiz.5", "Derivatives show how sensitive the loss is to each parameter, which says how to change them to reduce it."],
  ])('%s: %j is correct', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('correct');
  });
});
