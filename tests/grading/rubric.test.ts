import { gradeRubric } from '../../src/grading/rubric.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { WRITTEN } from './fixtures/answers-1.2.26.js';
import { question } from './seed.js';

const rubricQuestion = (ref: string) => question(ref) as RubricQuestion;

describe.each(Object.keys(WRITTEN))('%s: learners\' answers', (ref) => {
  const q = rubricQuestion(ref);

  test('is graded by the concept rubric', () => {
    expect(q.kind).toBe('rubric');
  });

  test('the table has at least 6 right and 6 wrong answers', () => {
    expect(WRITTEN[ref].filter(([e]) => e === 'correct').length).toBeGreaterThanOrEqual(6);
    expect(WRITTEN[ref].filter(([e]) => e !== 'correct').length).toBeGreaterThanOrEqual(6);
  });

  test.each(WRITTEN[ref])('%s: %s', (expected, answer) => {
    const v = gradeRubric(q, answer);
    if (expected === '!correct') expect(v.verdict).not.toBe('correct');
    else expect(v.verdict).toBe(expected);
    expect(v.score).toBeGreaterThanOrEqual(0);
    expect(v.score).toBeLessThanOrEqual(1);
    expect(v.modelAnswer).toBe(q.modelAnswer);
    expect(v.feedback).toContain(`Model answer: ${q.modelAnswer}`);
  });
});

describe('rubric feedback', () => {
  const q7 = rubricQuestion('quiz.7');

  test('a correct answer: score 1, what was found, no missing list', () => {
    const v = gradeRubric(q7, 'The gradient points uphill, so we move the weights the opposite way to lower the loss.');
    expect(v).toMatchObject({ verdict: 'correct', score: 1, missing: [] });
    expect(v.found).toHaveLength(4);
    expect(v.feedback).toMatch(/^Correct\.\nYou covered: /);
    expect(v.feedback).not.toContain('Missing');
  });

  test('a partial answer names what was found and what is missing, and gives the hint', () => {
    const v = gradeRubric(q7, 'It is used in gradient descent to update the weights.');
    expect(v.verdict).toBe('partial');
    expect(v.score).toBeGreaterThan(0);
    expect(v.score).toBeLessThan(1);
    expect(v.found).toEqual(['the parameters (weights) are updated with it']);
    expect(v.missing).toEqual([
      'it says which way the loss changes (the gradient points uphill)', 'learning steps against the gradient (downhill)', 'so the loss goes down',
    ]);
    expect(v.feedback).toContain('Missing: “it says which way');
    expect(v.feedback).toContain(`Hint: ${q7.hint}`);
  });

  test('a reversed direction is named as a misconception with the correction, and gets no credit for the direction', () => {
    const v = gradeRubric(q7, 'We move in the direction of the gradient to reduce loss.');
    expect(v.verdict).toBe('incorrect');
    expect(v.misconception).toBe('learning moves in the direction of the gradient');
    expect(v.found).toEqual([]);
    expect(v.feedback).toContain('You wrote “move in the direction of the gradient”: that says learning moves in the direction of the gradient. Moving along the gradient increases the loss');
  });

  test('"gradients point to the steepest descent" is the downhill misconception', () => {
    const v = gradeRubric(q7, 'Gradients point to the steepest descent.');
    expect(v.misconception).toBe('the gradient points downhill (steepest descent)');
    expect(v.verdict).toBe('incorrect');
  });

  test('a denied key idea is reported as such, with the words that deny it', () => {
    const v = gradeRubric(q7, 'The gradient does not point uphill.');
    expect(v.verdict).toBe('incorrect');
    expect(v.misconception).toBe('the opposite of “it says which way the loss changes (the gradient points uphill)”');
    expect(v.feedback).toContain('You wrote “not point uphill”, which denies a key idea');
  });

  test('a contrast is not a denial: "uphill, not downhill"', () => {
    const v = gradeRubric(q7, 'The gradient points uphill, not downhill.');
    expect(v.misconception).toBeUndefined();
    expect(v.found).toEqual(['it says which way the loss changes (the gradient points uphill)']);
    expect(v.verdict).toBe('partial');
  });

  test('an otherwise complete answer with a wrong idea is at most partial', () => {
    const v = gradeRubric(rubricQuestion('1.2.26.4'), 'Start at a random point, compute the gradient, move in the direction of the gradient, repeat until convergence.');
    expect(v.verdict).toBe('partial');
    expect(v.misconception).toMatch(/direction of the gradient/);
    expect(v.missing).toContain('step against the gradient (downhill)');
  });

  test('everyday meaning: a loss is not lost money', () => {
    const v = gradeRubric(rubricQuestion('quiz.6'), 'A loss function is when you lose money.');
    expect(v.misconception).toBe('a loss is money or a game you lose');
    expect(v.feedback).toContain('In ML a loss is a number measuring how wrong');
  });

  test('neighbouring concept: the derivative is not the area under the curve', () => {
    const v = gradeRubric(rubricQuestion('1.2.26.1'), 'The area under the curve of a function.');
    expect(v.verdict).toBe('incorrect');
    expect(v.feedback).toContain('That is the integral.');
  });

  test('neighbouring concept: step size is not the number of steps', () => {
    const v = gradeRubric(rubricQuestion('1.2.26.6'), 'The step size is the number of steps, so more steps means better results.');
    expect(v.verdict).toBe('incorrect');
    expect(v.misconception).toBe('the step size is the number of steps (or epochs)');
  });

  test.each([
    ['quiz.5', 'Calculus is needed because ML needs calculus.', 'This repeats the question; say why.'],
    ['quiz.7', 'A gradient helps learning by helping learning.', 'This repeats the question; say how.'],
    ['1.2.26.1', '', 'No answer was given'],
    ['1.2.26.1', '   ', 'No answer was given'],
    ['quiz.6', 'loss', 'One word is not an explanation'],
    ['quiz.6', 'asdfgh qwrtzp lkjhg', 'This does not read as an answer'],
    ['quiz.6', 'lorem ipsum dolor sit amet', 'This does not read as an answer'],
  ])('%s: %j is incorrect with a reason', (ref, answer, reason) => {
    const v = gradeRubric(rubricQuestion(ref), answer);
    expect(v.verdict).toBe('incorrect');
    expect(v.score).toBe(0);
    expect(v.feedback.split('\n')[0]).toContain(reason);
    expect(v.feedback).toContain('Model answer:');
  });
});
