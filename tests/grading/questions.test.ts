import { existsSync, readFileSync } from 'node:fs';
import { grade, loadMathGrading, questionsFor, withKey } from '../../src/grading/index.js';
import { parseLesson } from '../../src/lesson/parse.js';
import type { RubricQuestion } from '../../src/grading/question.js';
import { key, lesson, questions } from './seed.js';

// Coding answers are graded by the math engine, which is loaded on demand.
beforeAll(loadMathGrading);

describe('questionsFor the bundled lesson with its key', () => {
  test('every exercise, then the quiz in order, each with its grader', () => {
    expect(questions.map((q) => [q.ref, q.kind, q.mode ?? null])).toEqual([
      ['1.2.26.1', 'rubric', 'written'], ['1.2.26.2', 'rubric', 'written'], ['1.2.26.3', 'rubric', 'written'],
      ['1.2.26.4', 'rubric', 'written'], ['1.2.26.5', 'rubric', 'written'], ['1.2.26.6', 'rubric', 'lab'],
      ['1.2.26.7', 'rubric', 'written'], ['1.2.26.8', 'rubric', 'lab'], ['1.2.26.9', 'rubric', 'lab'],
      ['quiz.1', 'truefalse', null], ['quiz.2', 'truefalse', null], ['quiz.3', 'truefalse', null], ['quiz.4', 'truefalse', null],
      ['quiz.5', 'rubric', null], ['quiz.6', 'rubric', null], ['quiz.7', 'rubric', null], ['quiz.8', 'math', null],
    ]);
  });

  test('prompts, lines, sections and what the tutor shows', () => {
    const q4 = questions[3] as RubricQuestion;
    expect(q4).toMatchObject({ section: 'exercise', prompt: 'Describe gradient descent in steps.', line: lesson.exercises[3].line });
    expect(q4.hint).toBe(key.entries['1.2.26.4'].hint);
    expect(q4.modelAnswer).toBe(key.entries['1.2.26.4'].model);
    expect(questions[5].lab).toBe('descend x^2 --start 3 --lr 0.01,0.1,1,1.1 --steps 50');
    expect(questions[9]).toMatchObject({ section: 'trueFalse', prompt: 'Derivatives measure change.', answer: true });
    expect(questions[10]).toMatchObject({ answer: false });
    expect(questions[16]).toMatchObject({ section: 'coding', prompt: 'Write a function f(x) = x^2 and compute f(3).' });
  });
});

describe('the same lesson without its key', () => {
  const bare = questionsFor(lesson);

  test('true/false from the marks, the coding challenge from its text, the rest kept and self-assessed', () => {
    expect(bare.map((q) => [q.ref, q.kind])).toEqual([
      ...lesson.exercises.map((e) => [e.id, 'open']),
      ['quiz.1', 'truefalse'], ['quiz.2', 'truefalse'], ['quiz.3', 'truefalse'], ['quiz.4', 'truefalse'],
      ['quiz.5', 'open'], ['quiz.6', 'open'], ['quiz.7', 'open'], ['quiz.8', 'math'],
    ]);
    expect(bare[16]).toMatchObject({ target: { name: 'f', param: 'x', body: 'x^2', at: 3 } });
  });

  test('grade works on every question', () => {
    expect(grade(bare[0], 'The rate of change of a function.')).toMatchObject({ verdict: 'ungraded', score: 0 });
    expect(grade(bare[0], '')).toMatchObject({ verdict: 'incorrect' });
    expect(grade(bare[10], 'false')).toMatchObject({ verdict: 'correct', score: 1 });
    expect(grade(bare[16], 'f(x) = x^2; f(3)')).toMatchObject({ verdict: 'correct', score: 1 });
    expect(grade(bare[16], 'f(x) = x^2; f(3)').modelAnswer).toBe('f(x) = x^2; f(3)');
  });

  test('grade with the key uses the key', () => {
    expect(grade(bare[13], 'Because derivatives tell us how to change the weights to reduce the loss.', key)).toMatchObject({ verdict: 'correct' });
    expect(grade(bare[11], 'true', key).feedback).toContain('1-vector');
    expect(withKey(bare[5], key)).toMatchObject({ kind: 'rubric', mode: 'lab' });
  });
});

const corpus = (name: string) => new URL(`../../../shared/corpus/${name}`, import.meta.url);
const withCorpus = existsSync(corpus('README.md')) ? describe : describe.skip;

withCorpus('lessons from the corpus, without keys', () => {
  const load = (name: string) => parseLesson(readFileSync(corpus(name), 'utf8'), { fileName: name });

  test('1.2.27: a conceptual question is kept and self-assessed; the coding challenge is graded', () => {
    const qs = questionsFor(load('Lesson-1.2.27-Functions-Limits-Continuity.md'));
    const q5 = qs.find((q) => q.ref === 'quiz.5')!;
    const v = grade(q5, 'Limits let us define derivatives.');
    expect(v.verdict).toBe('ungraded');
    expect(v.feedback).toMatch(/^Your answer is kept\./);
    expect(grade(qs.find((q) => q.ref === 'quiz.8')!, 'f(x) = 2x + 1; f(4)').verdict).toBe('correct');
  });

  test('1.2.37: "Write a loop …" cannot be checked, so it is open', () => {
    const qs = questionsFor(load('Lesson-1.2.37-Gradient-Descent-Basics.md'));
    expect(qs.find((q) => q.ref === 'quiz.8')!.kind).toBe('open');
  });

  test('1.1.11: the lesson\'s own expected answers are shown for self-assessment', () => {
    const qs = questionsFor(load('Lesson-1.1.11-The-if-Statement.md'));
    const q5 = qs.find((q) => q.ref === 'quiz.5')!;
    expect(q5.modelAnswer).toMatch(/^Indentation shows which code belongs/);
    expect(grade(q5, 'It groups the lines of a block.')).toMatchObject({ verdict: 'ungraded', modelAnswer: q5.modelAnswer });
  });

  test('the milestone test: unmarked true/false items are self-checks', () => {
    const qs = questionsFor(load('Lesson-1.2.44-MILESTONE-TEST-Calculus-and-Optimization.md'));
    const tf = qs.filter((q) => q.kind === 'truefalse');
    expect(tf.length).toBe(10);
    expect(grade(tf[1], 'false')).toMatchObject({ verdict: 'ungraded' });
    expect(grade(tf[1], 'dunno')).toMatchObject({ verdict: 'ungraded', retry: true });
  });
});

describe('exercise kinds from a key', () => {
  test('a self-assessed exercise is kept, with the model answer to compare against', () => {
    const selfKey = { lesson: '1.2.26', entries: { '1.2.26.2': { ref: '1.2.26.2', line: 3, kind: 'self' as const, model: 'Speed: km per hour.' } } };
    const q = questionsFor(lesson, selfKey)[1];
    expect(q).toMatchObject({ ref: '1.2.26.2', kind: 'open', mode: 'self', modelAnswer: 'Speed: km per hour.' });
    const v = grade(q, 'Water filling a bath, litres per minute.');
    expect(v).toMatchObject({ verdict: 'ungraded', modelAnswer: 'Speed: km per hour.' });
    expect(v.feedback).toContain('Compare it with the expected answer: Speed: km per hour.');
  });

  test('a lab exercise carries its command and is graded by its rubric', () => {
    const q = questions.find((x) => x.ref === '1.2.26.8')!;
    expect(q).toMatchObject({ kind: 'rubric', mode: 'lab', lab: 'grad x^2 --at 3' });
    expect(grade(q, 'Analytic gradients are exact; numeric ones are approximations from finite differences.').verdict).toBe('correct');
  });
});
