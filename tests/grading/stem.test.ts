import { stem } from '../../src/grading/stem.js';

describe('stem: one stem per word family', () => {
  test.each([
    [['minimise', 'minimize', 'minimizing', 'minimising', 'minimization', 'minimisation', 'minimum', 'minimal', 'minimised']],
    [['optimise', 'optimize', 'optimization', 'optimisation', 'optimal', 'optimum', 'optimizing', 'optimiser']],
    [['derivative', 'derivatives', 'derive', 'derived', 'derivation']],
    [['change', 'changes', 'changing', 'changed']],
    [['diverge', 'diverges', 'diverging', 'divergence', 'diverged']],
    [['converge', 'converges', 'converging', 'convergence']],
    [['approximate', 'approximation', 'approximately', 'approximates']],
    [['iterate', 'iteration', 'iterations', 'iterative']],
    [['step', 'steps', 'stepping', 'stepped']],
    [['large', 'larger', 'largest']],
    [['colour', 'color']],
    [['behaviour', 'behavior']],
    [['modelling', 'modeling', 'model', 'models']],
    [['analyse', 'analyze', 'analysing', 'analyzing']],
    [['loss', 'losses']],
    [['slow', 'slowly', 'slower']],
    [['use', 'uses', 'used']],
  ])('%j', (words) => {
    expect(new Set(words.map(stem)).size).toBe(1);
  });

  test.each([
    ['loss', 'lose'],
    ['increase', 'decrease'],
    ['small', 'smooth'],
  ])('%s and %s stay apart', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  test('short words and non-words are left alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('x2')).toBe('x2');
  });
});
