import { gradeRubric } from '../../src/grading/rubric.js';
import { spellOut } from '../../src/grading/notation.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { question } from './seed.js';

/**
 * New wordings of the classes of failure, written with their labels before the grader was
 * changed for them: direction in other words, negation ("rather than", a warning about the wrong
 * way), maths notation, questions and lists of words.
 */
const q = (ref: string) => question(ref) as RubricQuestion;
const verdictOf = (ref: string, answer: string) => gradeRubric(q(ref), answer).verdict;

describe('direction turned around, in other words', () => {
  test.each([
    ['quiz.7', "Learning moves the weights in the gradient's direction so the loss goes down."],
    ['quiz.7', 'Each update climbs the gradient until the loss is minimal.'],
    ['quiz.7', 'We move with the gradient rather than against it.'],
    ['quiz.7', 'The gradient shows the way uphill, so we climb it by adding it to the weights.'],
    ['quiz.7', 'Increase the weights by the gradient each step.'],
    ['quiz.7', 'w ← w + η∇L'],
    ['quiz.7', 'θ := θ + α ∂J/∂θ'],
    ['1.2.26.4', 'Pick initial weights, compute the gradient, increase the weights by the gradient times the learning rate, repeat until converged.'],
    ['1.2.26.4', 'init w randomly; loop: g = grad L(w); w = w + lr*g; until convergence'],
    ['1.2.26.6', 'a large step converges rather than overshooting'],
    ['1.2.26.6', 'If the learning rate is too small it bounces around the minimum; too large and it takes forever.'],
    ['1.2.26.6', 'A small learning rate makes training diverge, a large one makes it stable but slow.'],
  ])('%s: %j is incorrect', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('incorrect');
  });

  test.each([
    ['quiz.7', 'Training walks downhill: it steps the weights against the gradient, which points uphill.'],
    ['quiz.7', 'Subtract the gradient times the learning rate from the weights; the loss then drops.'],
    // the wrong way put as a warning, with its harm, is no claim that learning goes that way
    ['quiz.7', 'The gradient points toward higher loss; moving with it would make things worse, so we move against it.'],
    ['quiz.7', 'The negative gradient points downhill, and the weights are moved along it.'],
    ['quiz.7', 'We never step along the gradient; we always step against it, so the loss shrinks.'],
    ['1.2.26.4', 'init w randomly; loop: g = grad L(w); w = w - lr*g; until convergence'],
    // learning rates as the labs show them: 1.1 is large, 0.01 small
    ['1.2.26.6', 'Well, when I ran the lab, 1.1 went crazy and kept growing, 0.01 was super slow to get anywhere, so you need something in between.'],
    ['1.2.26.8', 'The numeric gradient isn\'t exact: it approximates with a finite difference, while the analytic one is exact.'],
  ])('%s: %j is correct', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('correct');
  });

  test('"rather than" denies what follows: against it, rather than with it, is no wrong idea', () => {
    expect(verdictOf('quiz.7', 'We move against the gradient rather than with it.')).not.toBe('incorrect');
    expect(gradeRubric(q('quiz.7'), 'We move with the gradient rather than against it.').misconception).toContain('learning moves with the gradient');
  });
});

describe('maths written as maths', () => {
  test.each([
    ['min x^2', ' choose the value to minimize x squared'],
    ['argmin_w L(w)', 'choose weight to minimize L of weight'],
    ['the loss reaches its min', 'the loss reaches its minimum'],
    ['8 L/min', '8 L per min'],
  ])('%j reads as %j', (text, words) => {
    expect(spellOut(text)).toBe(words.trim());
  });
  test.each([
    ['1.2.26.9', 'min x^2', 'correct'],
    ['1.2.26.9', 'argmin_w L(w)', 'correct'],
    ['1.2.26.9', 'max_x -x^2', 'correct'],
    ['1.2.26.3', 'argmin_w L(w): training picks w to minimise the loss', 'correct'],
    ['1.2.26.1', 'lim h→0 (f(x+h)-f(x))/h', 'correct'],
    ['1.2.26.1', "f'(x) = lim_{h->0} [f(x+h) - f(x)]/h", 'correct'],
    ['1.2.26.8', 'analytic: d/dx x^2 = 2x exactly; numeric: (f(x+h)-f(x-h))/2h only approximates it', 'correct'],
    ['1.2.26.4', 'w ← w − η∇L', 'partial'],
  ])('%s: %j is %s', (ref, answer, verdict) => {
    expect(verdictOf(ref, answer)).toBe(verdict);
  });
  test.each([
    ['1.2.26.9', 'f(x) = x^2'],
    ['1.2.26.1', 'd/dx x^2 = 2x'],
  ])('%s: the bare formula %j is not a complete answer', (ref, answer) => {
    expect(verdictOf(ref, answer)).not.toBe('correct');
  });
});

describe('not answers', () => {
  test.each([
    ['quiz.5', "Isn't it because we need gradients to minimise the loss?"],
    ['quiz.7', "Doesn't the gradient tell us which way to move the weights?"],
    ['1.2.26.1', 'Is it the slope of the tangent line?'],
  ])('%s: the question %j is incorrect', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('incorrect');
  });
  test('a list of words names a direction but points no way: partly right, never a wrong idea', () => {
    const v = gradeRubric(q('quiz.7'), 'gradient direction weights update downhill');
    expect(v.verdict).toBe('partial');
    expect(v.feedback).toContain('with no sentence around them');
  });
});

describe('right answers in other words', () => {
  test.each([
    ['1.2.26.1', "it's basically how steep the graph is at one spot"],
    ['1.2.26.3', 'ML uses optimization to find the weights that give the lowest loss.'],
    ['1.2.26.3', 'Learning means finding the parameters for which the error is smallest.'],
    ['1.2.26.9', 'Fitting a line: choose the slope and intercept that give the lowest squared error.'],
    ['quiz.7', 'The loss goes down when we move the weights against the gradient.'],
  ])('%s: %j is correct', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('correct');
  });
});

describe('second round of new wordings, labels first', () => {
  test.each([
    ['quiz.7', 'Gradient descent goes uphill on the loss surface until it reaches the bottom.'],
    ['quiz.7', 'We walk up the slope the gradient shows.'],
    ['quiz.7', 'The gradient gives the steepest ascent and the weights follow it.'],
    ['quiz.7', 'Weights are updated along the gradient.'],
    ['quiz.7', 'Each step adds the learning rate times the gradient to the parameters.'],
    ['quiz.7', 'It points in the direction of steepest descent, and we follow it.'],
    // the gradient said to point where the loss falls is its own claim turned around, not a description
    ['quiz.7', 'The gradient tells the direction in which the loss decreases fastest, and we step that way.'],
    ['quiz.7', 'The weights are pushed up the gradient.'],
    ['1.2.26.4', 'Start anywhere, find the slope, walk uphill a little, repeat until the slope is zero.'],
    ['1.2.26.4', 'Pick a start, compute the derivative, move in the direction of the derivative times the step size, repeat.'],
    ['1.2.26.6', 'If the step is tiny, it overshoots; if it is huge, progress is slow.'],
    ['1.2.26.6', 'Big learning rates converge slowly while small ones jump around.'],
    ['1.2.26.6', 'Larger step sizes are always faster and better.'],
    ['1.2.26.3', "Why wouldn't ML use optimization?"],
    ['1.2.26.4', 'Could you explain gradient descent?'],
    ['quiz.6', 'Is a loss function the error of predictions?'],
    ['1.2.26.5', 'maybe MSE?'],
    ['1.2.26.9', 'hmm, the cheapest route?'],
    ['quiz.5', 'not sure, maybe because of gradients?'],
    ['1.2.26.8', 'idk one is exact?'],
    ['quiz.7', "The gradient isn't used to update the weights."],
    ['1.2.26.6', "The step size isn't important, only the number of steps."],
    ['1.2.26.5', "MSE isn't a loss function."],
    ['1.2.26.1', "The derivative doesn't measure change."],
    ['1.2.26.3', 'Optimization has nothing to do with ML.'],
    ['1.2.26.4', 'Gradient descent never looks at the gradient; it tries random values.'],
    ['quiz.6', 'A loss function never compares predictions with the truth.'],
    ['quiz.5', "ML doesn't need calculus; it just stores data."],
    // the opposite of a right idea is a wrong one
    ['1.2.26.1', 'The derivative is the opposite of the slope of the tangent.'],
    ['1.2.26.1', 'the derivative is the inverse of the rate of change of the function'],
    ['1.2.26.1', 'It is the reciprocal of the slope of the tangent line at that point.'],
    ['quiz.6', 'It is the opposite of the error: how right the predictions are compared to the targets.'],
  ])('%s: %j is incorrect', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('incorrect');
  });

  test.each([
    ['quiz.7', 'Each step subtracts the learning rate times the gradient from the parameters, so the loss shrinks.'],
    ['quiz.7', 'The model moves its weights downhill, opposite the gradient, because the gradient points up the hill.'],
    ['quiz.7', 'Moving the weights a bit against the gradient reduces the error.'],
    ['1.2.26.4', 'Pick a start, compute the derivative, move against the derivative times the step size, repeat.'],
    ['1.2.26.4', 'Guess, take the gradient, go downhill by a small step, and keep going until it converges.'],
    ['1.2.26.6', 'A high learning rate makes the loss blow up, a low one makes training crawl.'],
    ['1.2.26.6', 'With too large steps the updates overshoot the valley; tiny steps need thousands of iterations.'],
    // a denial of another thing than the claim's ("the analytic one doesn't approximate") denies nothing of it
    ['1.2.26.8', "The analytic gradient doesn't approximate anything: it's exact, while the numeric one only estimates."],
    // "not with it but against it": the verb of the denied clause, affirmed the other way
    ['quiz.7', "The weights don't move with the gradient but against it, which lowers the loss."],
    ['quiz.7', 'basically the gradient is like a compass pointing uphill, so you walk the other way and the loss goes down'],
    ['quiz.7', 'Gradient → tells direction of steepest increase → we go opposite → loss decreases'],
    ['1.2.26.4', '1) init params 2) compute grad of loss 3) params -= lr * grad 4) repeat till convergence'],
    ['1.2.26.6', 'Step size = learning rate. Too high → overshoot/diverge. Too low → slow convergence.'],
    ['1.2.26.7', 'Backpropagation = chain rule applied backwards through layers to get dL/dw for every weight.'],
    ['quiz.6', "it's a function that tells you how bad your model's predictions are versus the real answers"],
    ['1.2.26.2', 'how fast my bank balance grows each month'],
    ['1.2.26.9', 'finding the shortest route between two cities'],
    // "without … not": they are needed
    ['quiz.5', "Without derivatives we wouldn't know which way to nudge the weights to shrink the loss."],
    ['1.2.26.8', 'numerical: approximate, slow; analytical: exact and fast'],
    ['1.2.26.3', 'Because training is nothing but searching for the parameters that minimise the error.'],
    ['1.2.26.5', 'Cross-entropy loss for a logistic regression classifier: it penalises confident wrong predictions.'],
    ['1.2.26.1', 'the derivative is the rate of change, the opposite operation of integration'],
  ])('%s: %j is correct', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('correct');
  });

  test.each([
    ['1.2.26.3', 'weights, loss, minimise, optimisation'],
    // a list relates nothing: not "numeric is exact", not "analytic approximates"
    ['1.2.26.8', 'analytic numeric exact approximate finite difference'],
    ['1.2.26.5', 'MSE, linear regression, predictions, targets'],
  ])('%s: the list of words %j is partly right', (ref, answer) => {
    expect(verdictOf(ref, answer)).toBe('partial');
  });

  test.each([
    ['1.2.26.1', 'a measure of how wrong the predictions are'],
    ['1.2.26.6', 'start at random, compute the gradient, step against it, repeat'],
    ['1.2.26.3', 'mean squared error for linear regression'],
    ['1.2.26.2', 'minimise x^2 by choosing x'],
    ['quiz.6', 'backprop applies the chain rule'],
    ['1.2.26.8', 'too large steps overshoot and too small are slow'],
    ['1.2.26.5', 'A loss function measures how wrong predictions are compared to true values.'],
  ])('%s: an answer to another exercise, %j, is not accepted', (ref, answer) => {
    expect(verdictOf(ref, answer)).not.toBe('correct');
  });
});
