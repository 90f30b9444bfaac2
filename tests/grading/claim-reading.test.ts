import { gradeRubric } from '../../src/grading/rubric.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { question } from './seed.js';

/**
 * How a claim is read: the sign of a step as a product of its signs (words and symbols), the
 * scope of a denial (its own clause, the key's claim itself), and detectors of wrong ideas that
 * must not fire on a description. Each wording was written for this file, with its label, before
 * the reader was changed; right and wrong mirror pairs where the class has two sides.
 */
const q = (ref: string) => question(ref) as RubricQuestion;
const grade = (ref: string, answer: string) => gradeRubric(q(ref), answer);

describe('the sign of a step is the product of its signs', () => {
  test.each([
    ['1.2.26.4', 'Start from random weights, get the gradient of the loss, then add the learning rate times the negative gradient to the weights, and repeat until it converges.'],
    ['1.2.26.4', 'Initialise w at random; compute the gradient; set w = w + lr*(-grad); keep going until convergence.'],
    ['1.2.26.4', 'Begin at a random w; each step w := w + α·(−∇L); repeat until it stops changing.'],
    ['1.2.26.4', 'Pick a starting point, compute the gradient, subtract the learning rate times the gradient from the weights, repeat until converged.'],
    ['quiz.7', 'It points uphill, so we add the step size times minus the gradient to the weights to go downhill.'],
    ['1.2.26.4', 'Start from random weights, compute the gradient, decrease the weights by the learning rate times the gradient, repeat until it converges.'],
    ['1.2.26.4', 'Start from random weights, compute the gradient, increase the weights by the learning rate times the negative gradient, repeat until it converges.'],
    ['1.2.26.4', 'Start from random weights, compute the gradient, add -lr*grad to w, repeat until it converges.'],
  ])('%s: descent in any signs is right: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('correct');
  });

  test.each([
    ['1.2.26.4', 'Start from random weights, compute the gradient, then subtract the learning rate times the negative gradient from the weights, and repeat until it converges.'],
    ['1.2.26.4', 'Initialise w at random; compute the gradient; set w = w - lr*(-grad); keep going until convergence.'],
    ['1.2.26.4', 'Begin at a random w; each step w := w − α·(−∇L); repeat until it stops changing.'],
    ['1.2.26.4', 'Pick a starting point, compute the gradient, add the learning rate times the gradient to the weights, repeat until converged.'],
    ['1.2.26.4', 'Start from random weights, compute the gradient, decrease the weights by the negative gradient times the learning rate, repeat until it converges.'],
    ['1.2.26.4', 'Start from random weights, compute the gradient, subtract the negative of the gradient times the learning rate from the weights, repeat until it converges.'],
    ['1.2.26.4', 'Start from random weights, compute the gradient, step the weights opposite to the negative gradient, scaled by the learning rate, repeat until it converges.'],
  ])('%s: ascent in any signs is wrong: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('incorrect');
  });

  test('grade --json claims show the direction read from the signs', () => {
    const v = grade('1.2.26.4', 'Start anywhere, compute the gradient, add the learning rate times the negative gradient to the weights, repeat until converged.');
    expect(v.claims).toEqual(expect.arrayContaining([expect.objectContaining({ claim: 'step against the gradient (downhill)', direction: 'against', polarity: 'affirmed' })]));
  });
});

describe('a denial counts only for the claim it denies, in its own clause', () => {
  test.each([
    // denies the wrong idea (the loss makes predictions), affirms the right one
    ['quiz.6', "A loss function doesn't produce the predictions; it measures how far off they are from the true values."],
    ['quiz.6', "The loss doesn't make any predictions; it tells you how bad they are."],
    // a denied fragment before a colon denies only itself
    ['quiz.6', 'Not a part of the model: a loss function scores how wrong the predictions are against the true values.'],
    // "impossible without X": X is needed
    ['quiz.5', 'Learning is impossible without derivatives: they say how the loss changes when each weight moves, so we know which way to adjust.'],
    // the size nearest before an aside, as typed
    ['1.2.26.6', 'Neither too big (it overshoots) nor too small (it takes forever): the step size sets how far each update moves.'],
    // "without X you would …": X is needed
    ['quiz.5', 'Without derivatives we would be guessing blindly; the gradient says how the loss changes when each weight moves, so we know which way to adjust it to lower the loss.'],
    // "… and might never settle" says the overshoot, it denies nothing
    ['1.2.26.6', 'It controls how far each update moves: if it is too big the weights overshoot the minimum and may never settle down, and if it is too small training is very slow.'],
  ])('%s: right, with a "not" that denies something else: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('correct');
  });

  test.each([
    ['quiz.6', 'A loss function does not measure how wrong the predictions are.'],
    ['quiz.6', 'Not how wrong the predictions are: it is the model\'s output.'],
    ['1.2.26.6', 'Neither too small (it overshoots) nor too big (it takes forever): the step size sets how far each update moves.'],
    ['quiz.5', 'Derivatives do not tell us how the loss changes, so calculus is not needed for learning.'],
    ['1.2.26.6', 'It sets how far each update moves, but too large a step never overshoots; too small is slow.'],
  ])('%s: a denial of the right idea itself stays wrong: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('incorrect');
  });
});

describe('wrong-idea detectors do not fire on a description', () => {
  test.each([
    // a large value said to go with bad predictions describes the loss
    ['quiz.6', 'It turns the gap between predictions and true values into one number; a higher number indicates worse predictions, and training pushes it down.'],
    // "it points uphill": the gradient points, learning does not climb
    ['quiz.7', 'I believe it points uphill on the loss surface, so the weights are moved the opposite way to bring the loss down.'],
    // a markdown list of size → effect, one line each
    ['1.2.26.6', '- big step → overshoot, bouncing around\n- tiny step → very slow progress\n- a medium one → steady'],
  ])('%s: right: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('correct');
  });

  test.each([
    ['quiz.6', 'It turns predictions into one number, and training tries to make that number as high as possible.'],
    ['quiz.6', 'It turns predictions and true values into one number; a higher number means better predictions, so training pushes it up.'],
    ['quiz.7', 'It points uphill, so the weights are moved along it and the loss goes up.'],
    ['1.2.26.6', '- big step → very slow progress\n- tiny step → overshoot, bouncing around'],
  ])('%s: wrong: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('incorrect');
  });
});

describe('feedback quotes the learner, not the tokenizer', () => {
  test('a contraction is quoted as typed', () => {
    const v = grade('quiz.6', "A loss function doesn't measure how wrong the predictions are.");
    expect(v.verdict).toBe('incorrect');
    expect(v.feedback).toMatch(/doesn't measure/);
    expect(v.feedback).not.toMatch(/does n't|do n't/);
  });

  test('a quote shows symbols and abbreviations as typed, not as the reader spelled them out', () => {
    const v = grade('1.2.26.4', 'Start anywhere, compute grad L, then w = w - lr*(-grad L), until it converges.');
    expect(v.verdict).toBe('incorrect');
    expect(v.feedback).toContain('You wrote “w = w - lr*(-grad L)”');
    const b = grade('1.2.26.7', "Backprop doesn't use the chain rule; it just goes forward.");
    expect(b.feedback).toContain('You wrote “Backprop doesn\'t use the chain rule”');
    expect(b.claims).toEqual(expect.arrayContaining([expect.objectContaining({ clause: "Backprop doesn't use the chain rule", polarity: 'denied' })]));
  });

  test('a quote keeps the learner\'s case, hyphens and the thing compared, in the order typed', () => {
    const v = grade('1.2.26.8', 'Finite-difference gradients outperform analytic ones on precision.');
    expect(v.verdict).toBe('incorrect');
    expect(v.feedback).toContain('You wrote “Finite-difference gradients outperform analytic ones on precision”');
  });
});

describe('a comparison says its quality of the winner, not of the thing beaten', () => {
  test.each([
    ['1.2.26.8', 'Finite differences outperform the analytic derivative in both precision and speed.'],
    ['1.2.26.8', 'The numeric gradient beats the analytic gradient on accuracy, even if it takes longer.'],
    ['1.2.26.8', 'Numeric is better than analytic on precision, because it does not need the rules.'],
  ])('%s: the numeric one said to win on precision is wrong: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('incorrect');
  });

  test.each([
    ['1.2.26.8', 'The analytic gradient beats the numeric one on precision and speed; the numeric one only approximates it with a finite difference.'],
    ['1.2.26.8', 'Analytic derivatives outperform finite differences on accuracy and cost, since finite differences only estimate the slope.'],
    ['1.2.26.8', 'The analytic derivative is superior to finite differences in accuracy and speed; finite differences approximate.'],
  ])('%s: the analytic one said to win is right: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('correct');
  });
});

describe('a hedge takes nothing from a complete answer; a hedged guess is no answer', () => {
  test.each([
    ['quiz.7', 'Not sure, but I think the gradient points uphill, so we move the weights the opposite way to lower the loss.'],
    ['quiz.7', "I could be totally wrong here, but isn't it that the gradient points uphill and we step the other way so the loss drops?"],
    ['1.2.26.1', "Perhaps I'm off, but a rate of change says how fast one quantity changes when another changes, like speed is how fast position changes per second."],
  ])('%s: hedged and complete is right: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('correct');
  });

  test.each([
    ['1.2.26.1', 'hmm, speed?'],
    ['quiz.6', 'idk, error?'],
    // a question asking for agreement with a wrong idea is still that wrong idea
    ['quiz.7', "I could be wrong, but isn't it that we step with the gradient so the loss climbs?"],
    ['quiz.7', "The gradient doesn't point uphill, does it? We step the other way so the loss drops."],
  ])('%s: a guess or a hedged wrong idea is not right: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('incorrect');
  });
});

describe('who a clause is about: arrows, pronouns, symbols', () => {
  test.each([
    // an arrow after a bare gradient says where it points
    ['quiz.7', '∇L → steepest increase; w -= η·∇L → loss goes down'],
    ['1.2.26.8', '- Analytic: from the rules, exact\n- Numeric: small h, only approximate'],
    // "it" as a verb's object is the noun of the clause before
    ['quiz.7', 'It tells the optimiser, for each parameter, which way to nudge it so that the loss gets smaller.'],
    // "it" carries the size of the step it stands for
    ['1.2.26.6', 'A large step does not settle; it keeps jumping over the bottom. A small one is slow.'],
    // ∂L/∂w read as the derivative of L with respect to w
    ['quiz.5', '∂L/∂w < 0 means increasing w lowers L, so we increase w: the derivative tells us which way to move each weight to reduce the loss.'],
    // "so it …" is the subject of the clause before
    ['1.2.26.8', 'Numeric is from nudging x by a small h, so it gives only an estimate; analytic uses the derivative rules so it gives the exact value.'],
  ])('%s: right: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('correct');
  });

  test.each([
    ['quiz.7', '∇L → steepest decrease; w += η·∇L'],
    ['quiz.7', 'It tells the optimiser, for each parameter, which way to nudge it so that the loss gets bigger.'],
    ['1.2.26.6', 'A small step does not settle; it keeps jumping over the bottom. A large one is slow.'],
    // a labelled line's items are said of its label
    ['1.2.26.8', 'Analytic: small h, approximate\nNumeric: from the rules, exact'],
    ['1.2.26.8', 'Numeric comes from a finite difference so it gives the exact value; analytic uses the rules.'],
    // a pronoun for the thing denied does not affirm it again
    ['1.2.26.2', 'Velocity is not a rate of change; it is only a reading on a screen.'],
  ])('%s: wrong: %j', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('incorrect');
  });
});

describe('a named loss made large is the wrong way', () => {
  test.each([
    'Cross-entropy, which training pushes as high as it can.',
    'The mean squared error between predictions and targets, and the model wants to make it as big as possible.',
  ])('1.2.26.5: %j is incorrect', (answer) => {
    expect(grade('1.2.26.5', answer).verdict).toBe('incorrect');
  });

  test.each([
    'The mean squared error between predictions and targets, which the model tries to make as small as possible.',
    'Mean squared error: it compares each prediction with the true value, and it grows as the predictions get worse.',
  ])('1.2.26.5: %j is not a wrong idea', (answer) => {
    expect(grade('1.2.26.5', answer).verdict).toBe('correct');
  });
});
