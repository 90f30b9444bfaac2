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
