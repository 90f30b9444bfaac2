import { gradeRubric } from '../../src/grading/rubric.js';
import { readAnswer } from '../../src/grading/clauses.js';
import { correction } from '../../src/grading/fuzzy.js';
import { readWords } from '../../src/grading/nlp.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { question } from './seed.js';

/**
 * Misspellings are read as the word meant, when the typed word is no English word at all ("eror",
 * "gradiant", "derivitive", "minimun", "wieghts"); a real word is never read as another one
 * ("less" is not "loss", "rare" not "rate", "min" not "max", "paint" not "point").
 */
const q = (ref: string) => question(ref) as RubricQuestion;

test.each([
  ['1.2.26.3', 'to make the eror as small as possible by tuning the wieghts'],
  ['1.2.26.1', 'the derivitive is the rate of chnage of a function, the slope of the tangant'],
  ['1.2.26.9', 'find the minimun of x^2 by choosing x; it is at x = 0'],
  ['quiz.7', 'the gradiant points uphil so we move the wieghts the oposite way'],
  ['quiz.6', 'it measures how big the eror of the predictons is compared to the true values'],
  ['1.2.26.4', 'start at a random point, compute the gradiant, step oposite to it times the lerning rate, repeat untill convergence'],
  ['1.2.26.6', 'too large a step overshots, too small is sloow'],
  ['quiz.5', 'becuase the gradiant of the loss tells us how to ajust the weigths to reduce the los'],
])('%s: %j is read as meant, and correct', (ref, answer) => {
  expect(gradeRubric(q(ref), answer).verdict).toBe('correct');
});

test('a misspelt word keeps its spelling in what the learner is shown', () => {
  const v = gradeRubric(q('quiz.6'), 'it measures how big the eror of the predictons is compared to the true values');
  expect(v.claims?.map((c) => c.clause).join(' ')).toContain('eror');
});

describe('which words are English words', () => {
  test.each([
    ['error', true], ['less', true], ['rare', true], ['Mean', true], ['eror', false], ['gradiant', false], ['wieghts', false],
  ])('%j known: %s', (word, known) => {
    expect(readWords(word)[0].known).toBe(known);
  });
});

describe('the word a misspelling stands for', () => {
  const vocabulary = ['error', 'loss', 'rate', 'maximum', 'minimum', 'decrease', 'weight', 'gradient', 'point', 'derivative', 'slow', 'until'];
  test.each([
    ['eror', 'error'], // a letter dropped
    ['gradiant', 'gradient'], // changed
    ['wieghts', 'weights'], // swapped, in its plural
    ['decreses', 'decreases'], // a verb's ending kept
    ['minimun', 'minimum'],
    ['derivitive', 'derivative'],
    ['sloow', 'slow'], // one added
    ['untill', 'until'],
    ['los', undefined], // three letters: too short to tell
    ['radient', undefined], // another first letter
    ['gradint', 'gradient'],
    ['xyzzy', undefined],
  ])('%j → %j', (typed, word) => {
    expect(correction(typed, vocabulary, 'test')).toBe(word);
  });
  test('two words equally near: neither', () => {
    expect(correction('bast', ['best', 'bust'], 'tie')).toBeUndefined();
  });
  test('real words are never read as other words, whatever the vocabulary', () => {
    const r = readAnswer('less rare paint max', { words: ['loss', 'rate', 'point', 'min'], id: 'real' });
    expect(r.tokens.map((t) => t.lemma)).toEqual(['less', 'rare', 'paint', 'maximum']);
  });
});

test.each([
  // "less" is a direction word (the loss becomes less), never a misspelt "loss"
  ['quiz.6', 'it is how much less the model gets right', 'incorrect'],
  // "rare" is not "rate": no rate of change here
  ['1.2.26.2', 'rare birds in the park', 'incorrect'],
])('%s: %j stays what it says: %s', (ref, answer, verdict) => {
  expect(gradeRubric(q(ref), answer).verdict).toBe(verdict);
});
