import { compilePhrase, findPhrase } from '../../src/grading/match.js';
import { tokenize } from '../../src/grading/text.js';

const find = (answer: string, phrase: string) => findPhrase(tokenize(answer), compilePhrase(phrase));
const said = (answer: string, phrase: string) => find(answer, phrase).some((m) => !m.negated && !m.inverted);
const denied = (answer: string, phrase: string) => find(answer, phrase).some((m) => m.negated);

describe('phrase matching', () => {
  test.each([
    ['We minimise the total loss', 'minimize loss'],
    ['It makes the loss as small as possible', 'loss small'],
    ['the rate at which things change', 'rate change'],
    ['Optimisation of the weights', 'optimization weight'],
    ['We use gradient-descent', 'gradient descent'],
    ['w = w - lr * grad', 'minus learning rate'],
    ['the accuracy gets better', 'accura*'],
    ['step size is just the number of steps', 'step size ... number of steps'],
  ])('%s ⊇ %s', (answer, phrase) => {
    expect(said(answer, phrase)).toBe(true);
  });

  test.each([
    ['the rate is fixed. Things change', 'rate change'],
    ['minimise the error, but the loss grows', 'minimize loss'],
    ['the step size is large, the number of steps is small', 'step size ... number of steps'],
  ])('%s does not piece %s together across sentences or clauses', (answer, phrase) => {
    expect(said(answer, phrase)).toBe(false);
  });

  test.each([
    ['the gradient does not point uphill', 'uphill'],
    ["the gradient doesn't point uphill", 'uphill'],
    ['we never minimise the loss', 'minimize loss'],
    ['optimization is unrelated to ML', 'related'],
  ])('%s denies %s', (answer, phrase) => {
    expect(denied(answer, phrase)).toBe(true);
  });

  test.each([
    ['optimization is not unrelated to ML', 'related'],
    ['it is not only slow but also unstable', 'slow'],
    ["you can't minimise the loss without derivatives", 'minimize loss'],
    ['No, the gradient points uphill', 'uphill'],
  ])('%s still says %s', (answer, phrase) => {
    expect(said(answer, phrase)).toBe(true);
  });

  test.each([
    ['move in the direction of the negative gradient', 'move direction gradient'],
    ['move opposite to the direction of the gradient', 'direction of gradient'],
    ['the negative gradient points downhill', 'gradient point downhill'],
  ])('%s: an "opposite"/"negative" cancels %s', (answer, phrase) => {
    expect(said(answer, phrase)).toBe(false);
    expect(find(answer, phrase).length).toBeGreaterThan(0);
  });

  test('the negative gradient pointing downhill still says downhill', () => {
    expect(said('the negative gradient points downhill', 'downhill')).toBe(true);
  });
});
