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
