import { gradeRubric } from '../../src/grading/rubric.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { question } from './seed.js';

/**
 * Classes of misreading found on set 5 (released for tuning on 6 Dec 2026), each with new wordings
 * written for it (and for other items than the one it was seen on), labelled before the grader was
 * changed. None of these strings is a row of a labelled set: they test the class, not the row.
 */
const verdictOf = (ref: string, answer: string) => gradeRubric(question(ref) as RubricQuestion, answer).verdict;

describe('a limit said in words ("shrinks to nothing") is no negation', () => {
  test.each([
    ['1.2.26.1', 'the ratio of the change in y to the change in x, as the change in x shrinks to nothing'],
    ['1.2.26.1', 'the slope of the secant as h goes to nothing, the rate of change at that point'],
    ['1.2.26.1', 'how much f changes per change in x, when that change in x dwindles to nothing'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
});

describe('a wrong idea denied, then named ("that is the integral"), denies it', () => {
  test.each([
    ['1.2.26.1', 'It is not the area under the curve, that is the integral; it is the slope of the tangent at a point, the rate of change.'],
    ['1.2.26.1', "A derivative isn't the accumulated total, which is integration: it is how fast the output changes per change in the input."],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    // the idea affirmed, with "that is" after, stays wrong
    ['1.2.26.1', 'The derivative is the area under the curve, that is the integral.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
});

describe('"the opposite direction of the gradient" is a way to move, not the gradient denied', () => {
  test.each([
    ['1.2.26.4', '1. Pick random weights. 2. Get the gradient of the loss there. 3. Shift the weights a little in the opposite direction of the gradient (the learning rate sets how far). 4. Repeat 2-3 until the loss stops dropping.'],
    ['1.2.26.4', 'Start anywhere; find the derivative of the loss; move a small step in the opposite direction of the derivative, times the learning rate; loop until it converges.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    ['quiz.7', 'It gives the opposite direction of the way the loss goes down, so we move the weights in the opposite direction of the gradient.'],
  ])('%s: %j is not incorrect', (ref, answer) => expect(verdictOf(ref, answer)).not.toBe('incorrect'));
});

describe('input and output exchanged through a purpose ("how much x must change to cause a change in y")', () => {
  test.each([
    ['1.2.26.1', 'how much x has to change to cause a small change in y'],
    ['1.2.26.1', 'The amount the input must move to produce a unit change in the output.'],
    ['1.2.26.1', 'how far you need to shift x to get f to change a little'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
  test.each([
    ['1.2.26.1', 'how much the output changes for a tiny change in the input, the slope there'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
});

describe('a step named for the negative gradient ("d = -grad; w += lr*d") steps against it', () => {
  test.each([
    ['1.2.26.4', 'init w; loop: step = -grad(w); w = w + lr*step; repeat until the loss settles'],
    ['1.2.26.4', 'start w at random, then repeat: v = −∇L(w), w ← w + η·v, stop when converged'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    ['1.2.26.4', 'init w; loop: step = grad(w); w = w + lr*step; repeat until the loss settles'],
    ['1.2.26.4', 'init w; loop: step = -grad(w); w = w - lr*step; repeat until the loss settles'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
});

describe('what a loss value means, turned around ("a large value means a good fit")', () => {
  test.each([
    ['1.2.26.5', 'Mean squared error for linear regression: a high value means the line fits well.'],
    ['1.2.26.5', 'cross-entropy for a classifier, where a bigger loss indicates better predictions'],
    ['quiz.6', 'A function that compares predictions with true values; a large loss shows the model is accurate.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
  test.each([
    ['1.2.26.5', 'Mean squared error for linear regression: a low value means the line fits the data well.'],
    ['1.2.26.5', 'MSE for a line, the average squared difference between predictions and true values; a large value means a bad fit.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
});

describe('an update that adds the gradient climbs, in an example too', () => {
  test.each([
    ['1.2.26.9', 'Minimise g(x) = x² by gradient descent: x ← x + 0.1·2x, again and again, towards the minimum.'],
    ['1.2.26.9', 'minimize the cost c(p) over the price p, updating p = p + lr * gradient of c'],
    ['quiz.5', 'The gradient says how the loss changes, and we reduce the loss with w = w + lr * grad.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
  test.each([
    ['1.2.26.9', 'Minimise g(x) = x² over x by gradient descent: x ← x − 0.1·2x, until it reaches the minimum at 0.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
});

describe('a signed number as a factor ("0.1·(−2x)") is a sign of the step', () => {
  test.each([
    ['1.2.26.9', 'Minimise h(x) = x² by gradient descent: −h\'(x) = −2x points downhill, so x += 0.05·(−2x) until x is near 0.'],
    ['quiz.5', 'Derivatives say how the loss changes; with L = w², w += 0.1·(−2w) makes the loss smaller each step.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
});

describe('"in the opposite direction of X" names a way to move; X itself is not inverted', () => {
  test.each([
    ['1.2.26.4', 'Set the weights at random. Work out the gradient of the loss. Move each weight a little in the opposite direction of the gradient. Repeat until the loss stops falling.'],
    ['1.2.26.4', 'Begin anywhere. Work out the slope of the loss there. Walk a short way in the reverse direction of the slope. Repeat until it converges.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    // what a thing *is* said to be the opposite of stays a denial
    ['1.2.26.1', 'The derivative is the reverse of the slope of the curve.'],
    ['1.2.26.1', 'A derivative is the opposite of a rate of change.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
});

describe('a "not" before a quality denies that quality, not a word joined to it by "and"', () => {
  test.each([
    ['1.2.26.8', 'analytic: exact from the calculus rules; numeric: estimated with a small h, so not precise and much slower'],
    ['1.2.26.8', 'You get the analytic one from the rules and it is exact; the numeric one comes from a tiny h, it is costlier and not exact.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    // the quality inside the "not" stays denied
    ['1.2.26.8', 'the analytic gradient is not exact and is slow, the numeric one estimates it with small h'],
    ['1.2.26.8', 'Numeric gradients are not slower than analytic ones, and they are exact.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
});

describe('a subject, then a phrase between commas, then its predicate ("the analytic one, from the rules, is exact")', () => {
  test.each([
    ['1.2.26.8', 'The analytic gradient, worked out with the rules, is exact; the numeric one, from a small step h, is only an approximation.'],
    ['1.2.26.8', 'The analytic gradient, which comes from the rules, is exact, and the numerical one, which uses a tiny h, is an estimate.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    // the wrong idea said the same way is read the same way
    ['1.2.26.8', 'The numerical one, computed with a tiny h, is exact, and it is cheap.'],
    ['1.2.26.8', 'The finite difference gradient, which uses a small h, is precise and fast.'],
    ['1.2.26.8', 'The numeric one uses a small h, and it is exact.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
  // "… and it is exact": an "it" left unresolved stands for what the clause before named
  test('"you get the analytic one from the rules and it is exact" makes the analytic claim', () => {
    expect(gradeRubric(question('1.2.26.8') as RubricQuestion, 'You get the analytic one from the rules and it is exact').found).toContain('analytic gradients are exact (from the formula)');
  });
});

describe('an idea with a way to point, named with none ("it gives a direction"), is partly right, never correct', () => {
  test.each([
    ['quiz.7', 'The gradient tells you a direction.'],
    ['quiz.7', 'it shows the way to go'],
  ])('%s: %j is partial', (ref, answer) => expect(verdictOf(ref, answer)).toBe('partial'));
  test.each([
    // a thing named with no relation, or an answer to another exercise, earns nothing
    ['quiz.7', 'A loss function measures how wrong the predictions are.'],
    ['quiz.7', 'Too big a step jumps past the minimum.'],
    ['quiz.7', 'The gradient points downhill.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
  test('the feedback says the way is missing', () => {
    const v = gradeRubric(question('quiz.7') as RubricQuestion, 'The gradient tells you a direction.');
    expect(v.feedback).toMatch(/in outline only: “the gradient points uphill[^”]*” \(say which way\)/);
    expect(v.claims?.some((c) => c.verdict === 'outline')).toBe(true);
  });
});

describe("the question's idea in outline only (a key's gist claim) is partly right, never correct", () => {
  test.each([
    ['quiz.5', 'So the model can get better at its job.'],
    ['quiz.5', 'Calculus is what lets a model improve.'],
    ['quiz.5', 'to train models'],
    // a gist with one claim is still one claim short of correct
    ['quiz.5', 'Derivatives are used to optimise the model.'],
    ['1.2.26.7', 'Backprop works out the derivatives for the network.'],
    ['1.2.26.8', 'The analytic gradient is found with the differentiation rules.'],
    ['1.2.26.9', 'Fitting a line to data.'],
    ['1.2.26.9', 'Training a model with gradient descent.'],
    ['1.2.26.9', 'Finding the bottom of a curve.'],
  ])('%s: %j is partial', (ref, answer) => expect(verdictOf(ref, answer)).toBe('partial'));
  test.each([
    ['quiz.5', 'Derivatives tell us how the loss changes, so we can lower it.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    ['1.2.26.8', 'The numeric gradient comes from the derivative rules.'],
    ['1.2.26.9', 'Making my code run faster.'],
    ['quiz.5', 'Because computers need it to add numbers.'],
    ['1.2.26.7', 'Backprop runs the data backwards to predict the inputs.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
});

describe('a bare formula answers nothing unless a definition is asked ("min L", "∂L/∂θ")', () => {
  test.each([
    ['1.2.26.3', 'min L'],
    ['1.2.26.7', '∂L/∂θ'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
  test.each([
    ['1.2.26.1', "f'(x) = lim h→0 (f(x+h) − f(x))/h"],
    // a worked example, objective and solution, says something
    ['1.2.26.9', 'min (x − 2)² → x = 2'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    // a name is no formula
    ['1.2.26.5', 'MSE'],
  ])('%s: %j is partial', (ref, answer) => expect(verdictOf(ref, answer)).toBe('partial'));
});

describe('one word is an answer only when it is the idea asked for ("velocity", "MSE"), not a thing of it ("miles")', () => {
  test.each([
    ['1.2.26.2', 'miles'],
    ['1.2.26.2', 'litres'],
    ['1.2.26.1', 'varies'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
  test.each([
    // a rate in one word, the loss asked for in one word
    ['1.2.26.2', 'velocity'],
    ['1.2.26.5', 'cross-entropy'],
    // said as a statement, a quantity that changes is partly right
    ['1.2.26.2', 'The price of bread goes up.'],
  ])('%s: %j is partial', (ref, answer) => expect(verdictOf(ref, answer)).toBe('partial'));
  test.each([
    ['1.2.26.2', 'a car going 50 km/h'],
    ['1.2.26.2', 'My savings grow by 20 dollars every month.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
});

describe('the loss named by what it measures ("a number that says how bad …"), then "that number", is the loss', () => {
  test.each([
    ['1.2.26.3', 'A model has knobs, and there is a score that says how bad its guesses are; training turns the knobs so that score ends up as low as possible.'],
    ['1.2.26.3', 'We work out how wrong the model is, then tune the weights to make that as small as we can.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    // made as large as possible, it is the loss turned around
    ['1.2.26.3', 'A number says how bad the guesses are, and training tunes the weights to make that number as high as possible.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
  test.each([
    // a number of how *good* the model is stands for no loss
    ['1.2.26.3', 'There is a number that says how good the model is, and training tunes the weights to make that number as low as possible.'],
  ])('%s: %j is not correct', (ref, answer) => expect(verdictOf(ref, answer)).not.toBe('correct'));
});

describe('"update the weights with the gradient" is the tool used, not a way to move ("move with the gradient")', () => {
  test.each([
    ['quiz.7', 'The gradient points uphill, and the weights are updated with it so the loss goes down.'],
    ['quiz.7', 'We update the weights with the gradient so that the loss decreases.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    // no way is said: the steps are all there but which way the weights go is not
    ['1.2.26.4', 'Start somewhere, compute the gradient, update the weights with the gradient and the learning rate, repeat until converged.'],
  ])('%s: %j is partial', (ref, answer) => expect(verdictOf(ref, answer)).toBe('partial'));
  test.each([
    ['quiz.7', 'The weights move with the gradient.'],
    ['quiz.7', 'We update the weights in the direction of the gradient.'],
    ['1.2.26.4', 'Start anywhere, compute the gradient, step with the gradient by the learning rate, repeat.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
});

describe('a step size said as turning the setting up or down ("crank the rate up", "lower it")', () => {
  test.each([
    ['1.2.26.6', 'Increase the learning rate and the steps overshoot; decrease it and training is slow.'],
    ['1.2.26.6', 'Turn the learning rate up and it overshoots; turn it down and it crawls.'],
    ['1.2.26.6', 'If you raise the step size too much the updates bounce around, and if you cut it a lot it takes forever.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    // the same, with the effects swapped
    ['1.2.26.6', 'Turn the learning rate up and it crawls; turn it down and it overshoots.'],
    ['1.2.26.6', 'Lower the step size and it diverges.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
});

describe('overshooting told as a picture ("ricochets from wall to wall", "flies over the bottom")', () => {
  test.each([
    ['1.2.26.6', 'With a huge step the ball ricochets from one side of the bowl to the other and never settles; with a tiny one it barely moves.'],
    ['1.2.26.6', 'Big steps fly right over the bottom and land higher up the other side; small steps get there, but only after ages.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
});

describe('the loss written as its symbol ("reduce L", "make J small") is the loss', () => {
  test.each([
    ['1.2.26.3', 'Training picks the weights to make L as small as possible.'],
    ['quiz.5', 'we need ∂J/∂w, it says which way to move w to reduce J'],
    ['quiz.7', '∇L points uphill, so we step w against it and L goes down.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
  test.each([
    ['1.2.26.3', 'Training picks the weights to make L as large as possible.'],
    ['quiz.5', 'We need calculus to make L larger.'],
  ])('%s: %j is incorrect', (ref, answer) => expect(verdictOf(ref, answer)).toBe('incorrect'));
  test.each([
    // a number before it, "8 L/min", is litres
    ['1.2.26.2', 'A tap filling a bucket at 8 L/min.'],
  ])('%s: %j is correct', (ref, answer) => expect(verdictOf(ref, answer)).toBe('correct'));
});
