import { gradeRubric } from '../../src/grading/rubric.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { question } from './seed.js';

/**
 * Reading rules found on labelled set 4, each a rule a teacher would state in a sentence, tried on
 * new wordings (none is a row of a labelled set): a list of short items with no verb states
 * nothing; "one is exact" does not say which one; "the best X" names no quantity; a question said
 * back, or answered "no", makes no claim; examples are no definition; "keeps going down" and "the
 * squared error" are read as one predicate and one noun; closeness short of exactness is an
 * approximation.
 */
const q = (ref: string) => question(ref) as RubricQuestion;
const grade = (ref: string, answer: string) => gradeRubric(q(ref), answer);

describe('short items between commas, with no verb, are a list of words', () => {
  test.each([
    ['1.2.26.2', 'speed, km per hour, distance, time'],
    ['1.2.26.2', 'temperature, per minute, rising'],
    ['1.2.26.7', 'chain rule, backwards, each weight, gradient'],
  ])('%s: %j is at most partly right, and asked for a sentence', (ref, answer) => {
    const v = grade(ref, answer);
    expect(v.verdict).toBe('partial');
    expect(v.feedback).toContain('no sentence around them');
  });

  test('a sentence with the same words is an answer', () => {
    expect(grade('1.2.26.2', 'A kettle heats up by 5 degrees every minute.').verdict).toBe('correct');
  });
});

describe('a comparison must say which one is which', () => {
  test.each([
    ['one of them is exact and the other is an approximation', 'partial'],
    ['Neither of them is exact; both only estimate the slope.', 'incorrect'],
    ['Both methods are approximations of the derivative.', 'incorrect'],
    ['The analytic gradient is exact; the numeric one is close but not exact, because it uses a finite difference.', 'correct'],
  ])('1.2.26.8: %j is %s', (answer, verdict) => {
    expect(grade('1.2.26.8', answer).verdict).toBe(verdict);
  });

  test('the idea denied of both is named', () => {
    expect(grade('1.2.26.8', 'Both methods are approximations of the derivative.').misconception).toContain('neither gradient is exact');
  });
});

describe('closeness short of exactness is an approximation', () => {
  test.each([
    'Analytic comes from the formula so it is exact; numeric only lands near the true value, slightly off.',
    'The analytic gradient is exact, while the finite-difference one is a good guess, not perfect.',
  ])('1.2.26.8: %j is correct', (answer) => {
    expect(grade('1.2.26.8', answer).verdict).toBe('correct');
  });
});

describe('an optimization example names the quantity made best', () => {
  test.each([
    ['Picking the best phone plan.', 'partial'],
    ['Choosing how many pizzas to order so the cost is as low as it can be.', 'correct'],
    ['Deciding when to leave home so the trip takes as little time as it can.', 'correct'],
  ])('1.2.26.9: %j is %s', (answer, verdict) => {
    expect(grade('1.2.26.9', answer).verdict).toBe(verdict);
  });

  test('the missing part is named', () => {
    expect(grade('1.2.26.9', 'Picking the best phone plan.').feedback).toContain('Still missing: “something to make as small (or as large) as possible”');
  });
});

describe('a question makes no claim', () => {
  test('the hint\'s questions said back are the hint said back', () => {
    const v = grade('1.2.26.9', 'what do you choose, and what do you make smallest');
    expect(v.verdict).toBe('incorrect');
    expect(v.feedback).toContain('said back');
  });

  test('a choice left as a question ("exact or approximate?") says neither', () => {
    const v = grade('1.2.26.8', 'Analytic: rules of calculus (exact or approximate?). Numeric: f(x + h) and f(x − h) (exact or approximate?)');
    expect(v.verdict).toBe('incorrect');
    expect(v.found).toEqual([]);
  });

  test.each([
    ['quiz.7', 'Should we step along the gradient? No, we step against it, because it points uphill.'],
    ['1.2.26.3', 'Maximise the error? No, training makes the error as small as it can by tuning the weights.'],
  ])('%s: a wrong idea asked and answered "no", %j, is correct', (ref, answer) => {
    const v = grade(ref, answer);
    expect(v.verdict).toBe('correct');
    expect(v.misconception).toBeUndefined();
  });

  test('the same idea asked and answered "yes" is still the wrong idea', () => {
    expect(grade('1.2.26.3', 'Maximise the error? Yes, training makes the error as big as it can.').verdict).toBe('incorrect');
  });
});

describe('examples are no definition', () => {
  test.each(['such as cross entropy or hinge loss', 'e.g. mean absolute error', 'For instance the log loss.'])('quiz.6 (what is a loss function?): %j is incorrect', (answer) => {
    const v = grade('quiz.6', answer);
    expect(v.verdict).toBe('incorrect');
    expect(v.feedback).toContain('names examples');
  });

  test('an example followed by what it does is an answer', () => {
    expect(grade('quiz.6', 'For example MSE: it measures how far the predictions are from the targets.').verdict).toBe('correct');
  });

  test('where the question asks for one (identify a loss), an example is what is asked', () => {
    expect(grade('1.2.26.5', 'e.g. mean absolute error for a straight line fit').verdict).not.toBe('incorrect');
  });
});

describe('one predicate, one noun', () => {
  test.each([
    // "keeps falling", "starts to drop": the way is the subject's
    'Training keeps changing the weights and the loss keeps falling, which is what optimization means.',
    'We tune the weights so the error starts to drop.',
    // "squared" between an adjective and its noun describes the noun
    'We pick the weights that minimise the total squared error.',
  ])('1.2.26.3: %j is correct', (answer) => {
    expect(grade('1.2.26.3', answer).verdict).toBe('correct');
  });
});

describe('a supposition about what was just said is its consequence, not a claim', () => {
  test.each([
    'Never move with the gradient (which would raise the error); move against it so the error shrinks.',
    'Do not add the gradient, that would push the loss up; subtract it so the loss goes down.',
  ])('quiz.7: %j is correct', (answer) => {
    expect(grade('quiz.7', answer).verdict).toBe('correct');
  });

  test('the same rise said as what learning does is still the wrong idea', () => {
    expect(grade('quiz.7', 'We move the weights with the gradient so the loss goes up.').verdict).toBe('incorrect');
  });
});

describe('"it" stands for the thing named before, and with a way to go makes the claim', () => {
  test.each([
    'The derivative says which way the error grows, so we change the weights the other way to reduce it.',
    'Calculus gives the slope of the loss, which tells us how to nudge each weight to lower it.',
  ])('quiz.5: %j is correct', (answer) => {
    expect(grade('quiz.5', answer).verdict).toBe('correct');
  });
});

describe('a definition is said of the thing asked, not of an example', () => {
  test.each([
    'A fuel gauge dropping 5 litres per hour shows a rate of change.',
    'My thermometer rising 3 degrees an hour measures a rate of change over time.',
  ])('1.2.26.1 (define derivative): %j is incorrect, and named an example', (answer) => {
    const v = grade('1.2.26.1', answer);
    expect(v.verdict).toBe('incorrect');
    expect(v.feedback).toContain('an example at most');
  });

  test.each([
    'The derivative is how fast the output changes at a point, like a speedometer reading.',
    'It tells how quickly the output changes per tiny change of the input: the slope of the tangent.',
  ])('1.2.26.1: %j, said of the derivative, is correct', (answer) => {
    expect(grade('1.2.26.1', answer).verdict).toBe('correct');
  });
});

describe('a statement goes on: a new subject after "and", a clause that keeps the doer, a comparison the other way', () => {
  test.each([
    // a new subject and its verb after "and"
    ['Analytic gradients are exact from the rules and numeric gradients are estimates from a finite difference.', 'correct'],
    // "… and get the exact …": the doer and what was done are carried over
    ['You apply the calculus rules and get the exact derivative; numerically you nudge x by h and only approximate it.', 'correct'],
    ['You take a finite difference with a small h and get the exact value, while the rules of calculus give only an estimate.', 'incorrect'],
    // "less precise than": the other one is the precise one
    ['Finite-difference gradients are less precise than analytic ones, since they only approximate.', 'correct'],
    ['Analytic gradients are less precise than numeric ones.', 'incorrect'],
  ])('1.2.26.8: %j is %s', (answer, verdict) => {
    expect(grade('1.2.26.8', answer).verdict).toBe(verdict);
  });
});

describe('the error said as a miss or as closeness; a comparison with the truth', () => {
  test.each([
    ['quiz.6', 'A score of how much each guess missed by.'],
    ['quiz.6', 'One number: the closer the outputs are to the answers, the smaller it gets.'],
    ['1.2.26.5', 'Cross-entropy for a classifier: it compares the predicted probability with the real label.'],
  ])('%s: %j is correct', (ref, answer) => {
    expect(grade(ref, answer).verdict).toBe('correct');
  });
});

describe('choices after "whether" are possibilities, not claims; shorthand is read as the word', () => {
  test('1.2.26.6: a list of outcomes the step size decides between names none as its effect', () => {
    const v = grade('1.2.26.6', 'With 2.0 the steps grew bigger every time and with 0.001 it hardly moved, so the rate decides whether training settles, drags, or explodes.');
    expect(v.verdict).toBe('correct');
    expect(v.misconception).toBeUndefined();
  });

  test('1.2.26.2: "temp" is the temperature', () => {
    expect(grade('1.2.26.2', 'temp in the oven climbing 10 degrees every minute').verdict).toBe('correct');
  });
});

describe('ideas of the key in everyday words', () => {
  test.each([
    // sensing the slope is computing it; "a bit" is a small step
    ['1.2.26.4', 'Like a hiker in the dark: start anywhere, sense the slope underfoot, move downhill a bit, and keep doing that until it is flat.', 'correct'],
    // a random direction is trial and error, whatever else is said
    ['1.2.26.4', 'Work out the gradient, then just step in a random direction and try again until the loss is low.', 'incorrect'],
    // "barely moving", "not there yet" are slow
    ['1.2.26.6', 'A huge step flies past the minimum and diverges; a tiny one is barely moving and still not there yet after hours.', 'correct'],
    // multiplying derivatives (with words between) is the chain rule; starting at the loss is going backwards
    ['1.2.26.7', 'Backprop starts at the loss and goes back layer by layer, multiplying all those local derivatives, to get each weight\'s gradient.', 'correct'],
    ['1.2.26.7', 'it uses derivatives so the model can be trained', 'partial'],
  ])('%s: %j is %s', (ref, answer, verdict) => {
    expect(grade(ref, answer).verdict).toBe(verdict);
  });
});

describe('a small step is a size, not a level of the loss; two things said to be the same', () => {
  test('quiz.6: the steps of gradient descent, with their size, say nothing of what a loss is', () => {
    const v = grade('quiz.6', 'Take a small step against the gradient, then another.');
    expect(v.verdict).toBe('incorrect');
    expect(v.found).toEqual([]);
  });

  test('quiz.6: a level of the loss is still one', () => {
    expect(grade('quiz.6', 'A score of the error that training keeps small.').verdict).toBe('correct');
  });

  test('1.2.26.7: backprop and gradient descent said to be the same is the wrong idea', () => {
    const v = grade('1.2.26.7', 'Gradient descent and backprop are basically the same, both update weights.');
    expect(v.verdict).toBe('incorrect');
    expect(v.misconception).toContain('the same thing');
  });
});

describe('a markdown table is read cell by cell, as statements about its column', () => {
  const table = (rows: string[]) => ['| | analytic | numeric |', '|:--|:--|:--|', ...rows].join('\n');
  test.each([
    [table(['| from | the derivative rules | f(x+h) and f(x-h) |', '| exact? | yes | no, only close |']), 'correct'],
    [table(['| exact? | yes | no |', '| cost | cheap | slow |']), 'correct'],
    // the same table the other way round
    [table(['| exact? | no | yes |']), 'incorrect'],
  ])('1.2.26.8: %j is %s', (answer, verdict) => {
    expect(grade('1.2.26.8', answer).verdict).toBe(verdict);
  });
});

describe('quiz.6: what a loss is, in other words, and what it is not', () => {
  test('"lower = better" says it measures badness', () => {
    expect(grade('quiz.6', 'It takes the model output and the target and gives one number, smaller is better.').verdict).toBe('correct');
  });

  test('"output" alone is no comparison with the truth', () => {
    const v = grade('quiz.6', 'The layer that produces the output.');
    expect(v.verdict).toBe('incorrect');
    expect(v.found).toEqual([]);
  });
});
