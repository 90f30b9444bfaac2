import { gradeRubric } from '../../src/grading/rubric.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { parseLesson } from '../../src/lesson/parse.js';
import { parseKey } from '../../src/lesson/key.js';
import { readFileSync } from 'node:fs';
import { question } from './seed.js';

/**
 * Who depends on whom: the roles of what responds (output, y, loss) and what is varied (input, x,
 * a weight), read from the shape of the clause ("of A with respect to B", "A when B changes",
 * "A per B", "sensitivity of A to B", "A depends on B", "B affects A"), not from the order of the
 * words. Labels decided before the reading was written.
 */
const q = (ref: string) => question(ref) as RubricQuestion;

describe('the roles swapped are a wrong idea, in any shape', () => {
  test.each([
    ['1.2.26.1', 'The derivative is how much the input changes when the output changes by one.'],
    ['1.2.26.1', "It's how much x changes when y changes."],
    ['1.2.26.1', 'The rate of change of the input with respect to the output.'],
    ['1.2.26.1', 'the change in the input per unit change in the output'],
    ['1.2.26.1', 'How fast the input changes as the output changes.'],
    ['1.2.26.1', 'the derivative tells how strongly x reacts when f(x) is nudged'],
    ['1.2.26.1', 'It is the ratio of the change in x to the change in y, for tiny changes.'],
    ['1.2.26.1', "the input's rate of change relative to the output"],
    ['1.2.26.1', 'how the input depends on the output at a point'],
    ['1.2.26.1', 'the effect of a tiny change in the output on the input'],
    ['quiz.5', 'Because the derivative of each weight with respect to the loss tells us which way to change the weights to reduce the loss.'],
    ['quiz.5', 'Calculus tells us how much each weight changes when the loss changes, so we can lower the loss.'],
    ['quiz.5', 'We need the rate of change of the parameters with respect to the loss to make the loss smaller.'],
    ['quiz.5', 'Because the derivatives show how the loss affects each weight, so we can change the weights to lower the loss.'],
    ['1.2.26.7', 'Backprop uses the chain rule to get the gradient of every weight with respect to the loss.'],
    ['1.2.26.7', 'backprop finds how much each weight depends on the loss, using the chain rule backwards'],
    ['quiz.7', 'It tells how much each weight changes when the loss changes, and we move the weights opposite to it so the loss drops.'],
    ['1.2.26.4', 'Start with random weights, compute how each weight changes with respect to the loss, step against that gradient times the learning rate, repeat until it converges.'],
  ])('%s: %j is incorrect', (ref, answer) => {
    expect(gradeRubric(q(ref), answer).verdict).toBe('incorrect');
  });
});

describe('the roles the right way round stay right', () => {
  test.each([
    ['1.2.26.1', 'The derivative is how much the output changes when the input changes by a tiny amount.'],
    ['1.2.26.1', 'The rate of change of the output with respect to the input.'],
    ['1.2.26.1', 'How y responds when x moves a little bit, the slope at that point.'],
    ['1.2.26.1', 'The sensitivity of the output to a small nudge of the input.'],
    ['1.2.26.1', 'the change in output per unit change in input, at a single point'],
    ['1.2.26.1', "how fast the function's value changes as x changes"],
    ['1.2.26.1', 'the derivative of f measures how f changes when x changes'],
    ['1.2.26.1', 'dy/dx: how much y changes for a small change in x'],
    ['1.2.26.1', 'the ratio of the change in y to the change in x as the change becomes tiny'],
    ['1.2.26.1', "the output's rate of change relative to the input"],
    ['1.2.26.1', 'how the output depends on the input, locally: the slope of the tangent'],
    ['1.2.26.1', 'the effect of a tiny change in the input on the output, i.e. the slope'],
    // a swap denied is no swap
    ['1.2.26.1', 'The derivative is not how x changes when y changes but how y changes when x changes.'],
    ['quiz.5', 'Because the derivative of the loss with respect to each weight tells us which way to change the weights to reduce the loss.'],
    ['quiz.5', 'Calculus tells us how much the loss changes when a weight changes, so we can lower the loss.'],
    ['quiz.5', 'Because the derivatives show how each weight affects the loss, so we can change the weights to lower it.'],
    ['1.2.26.7', 'Backprop uses the chain rule to get the gradient of the loss with respect to every weight.'],
    ['1.2.26.7', 'It applies the chain rule backwards, layer by layer, to find how sensitive the loss is to each weight.'],
    ['1.2.26.7', 'backprop finds how much the loss depends on each weight, using the chain rule backwards'],
    ['quiz.7', 'It tells how the loss changes when each weight changes, and we move the weights opposite to it so the loss drops.'],
    ['quiz.7', 'The gradient says how the loss responds when we nudge each weight, and we move the weights against it to lower the loss.'],
    ['1.2.26.4', 'Start with random weights, compute how the loss changes with respect to each weight, step against that gradient times the learning rate, repeat until it converges.'],
  ])('%s: %j is correct', (ref, answer) => {
    expect(gradeRubric(q(ref), answer).verdict).toBe('correct');
  });
});

test('the feedback names the swap: what was made to respond to what, and the right way round', () => {
  const v = gradeRubric(q('1.2.26.1'), 'The derivative is how much the input changes when the output changes by one.');
  expect(v.feedback).toContain('that makes “input” respond to a change in “output”, the roles swapped (the input responding to the output)');
  expect(v.feedback).toContain('the derivative is how much the output changes per tiny change in the input');
  expect(v.misconception).toBe('the roles swapped (the input responding to the output)');
  // grade --json's claims say what was read: who responds, who is varied
  expect(v.claims).toContainEqual(expect.objectContaining({ verdict: 'wrong', roles: { responds: 'input', varied: 'output' }, claim: 'the roles swapped (the input responding to the output)' }));
});

describe('the key form', () => {
  const lesson = parseLesson(readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.md', import.meta.url), 'utf8'));
  const keyWith = (roles: string) => `lesson: "1.2.26"\nquestions:\n  quiz.5:\n    claims:\n      - name: a\n        says: [slope]\n${roles}`;
  test('roles: outputs, inputs and the swapped idea are read', () => {
    const { key, problems } = parseKey(keyWith('    roles:\n      outputs: [loss]\n      inputs: [weight]\n      swapped: {name: weights respond, correction: the loss responds}\n'), lesson);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(key.entries['quiz.5'].rubric!.roles).toEqual({ outputs: ['loss'], inputs: ['weight'], swapped: { name: 'weights respond', correction: 'the loss responds' } });
  });
  test.each([
    ['without swapped', '    roles:\n      outputs: [loss]\n      inputs: [weight]\n', '"roles" needs "outputs"'],
    ['a word on both sides', '    roles:\n      outputs: [loss, x]\n      inputs: [x]\n      swapped: {name: a, correction: b}\n', 'lists "x" as both an output and an input'],
    ['not a map', '    roles: [loss]\n', '"roles" needs "outputs"'],
  ])('%s is an error', (_what, roles, message) => {
    const { key, problems } = parseKey(keyWith(roles), lesson);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringContaining(message) }));
    expect(key.entries['quiz.5'].rubric!.roles).toBeUndefined();
  });
});

describe('a relation the right way round makes the claims the key names', () => {
  test('"how much the function is changing when we move x" is a rate relative to the input', () => {
    const v = gradeRubric(q('1.2.26.1'), 'it says how much the function is changing when we move x a little');
    expect(v.found).toEqual(expect.arrayContaining(['a rate (relative to a change in the input)']));
    expect(v.verdict).toBe('correct');
  });
  test('makes names a claim of the question, or it is an error', () => {
    const lesson = parseLesson(readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.md', import.meta.url), 'utf8'));
    const { key, problems } = parseKey('lesson: "1.2.26"\nquestions:\n  quiz.5:\n    claims:\n      - name: a\n        says: [slope]\n    roles:\n      outputs: [loss]\n      inputs: [weight]\n      makes: [a, b]\n      swapped: {name: s, correction: c}\n', lesson);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', message: 'quiz.5: "roles" makes "b", which is not a claim of this question' }));
    expect(key.entries['quiz.5'].rubric!.roles!.makes).toEqual(['a']);
  });
});
