import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLesson } from '../../src/lesson/parse.js';
import { parseKey } from '../../src/lesson/key.js';
import { grade, questionsFor } from '../../src/grading/index.js';
import { runCli } from '../helpers/cli.js';

// Multiple-choice items in an answer key: the letter (and an explanation, hints) for an item the
// lesson leaves unmarked; checked against the item's options and the lesson's own mark.
const LESSON = `# Lesson 6.1.2: Choice Keys

**Estimated Time**: 1 hour | **Difficulty**: Beginner

## Learning Objectives

- Pick the right slice

## Quiz & Assessment

### Part A: Multiple Choice

**Question 1**: What does \`[1, 2, 3][1:]\` give?

- A) \`[1, 2]\`
- B) \`[2, 3]\`
- C) \`[3]\`

**Answer**: B

**Question 2**: Which method adds one item at the end of a list?

- A) \`list.add()\`
- B) \`list.append()\`
- C) \`list.push()\`

**Question 3**: Core concept definition

### Quick Check (True/False)
4. A tuple can be changed in place. (False)
`;
const lesson = parseLesson(LESSON);
const keyWith = (entries: string) => `lesson: "6.1.2"\nquestions:\n${entries}`;
const problems = (entries: string) => parseKey(keyWith(entries), lesson).problems.filter((p) => p.severity === 'error').map((p) => `${p.line}: ${p.message}`);

describe('multiple-choice entries in a key', () => {
  test('the lesson is read as the tests expect: 1 marked, 2 unmarked, 3 without options', () => {
    expect(lesson.quiz.multipleChoice.map((q) => [q.n, q.answer, q.options.length])).toEqual([[1, 'B', 3], [2, null, 3], [3, null, 0]]);
  });

  test.each([
    ['answer: B', 'B'],
    ['answer: b', 'B'],
    ['answer: "B)"', 'B'],
    ['answer: "(b)"', 'B'],
  ])('quiz.2 %s → %s', (field, letter) => {
    const { key, problems: p } = parseKey(keyWith(`  quiz.2:\n    ${field}\n    explanation: append adds one item.\n`), lesson);
    expect(p.filter((x) => x.severity === 'error')).toEqual([]);
    expect(key.entries['quiz.2']).toMatchObject({ choice: letter, explanation: 'append adds one item.' });
  });

  test.each([
    ['  quiz.2:\n    answer: E\n', '4: quiz.2: answer "E" is not one of its options (A, B, C)'],
    ['  quiz.2:\n    answer: append\n', '4: quiz.2: answer "append" is not one of its options (A, B, C)'],
    ['  quiz.2:\n    answer: [A, B]\n', '4: quiz.2: answer must be a letter (A, B, C)'],
    ['  quiz.1:\n    answer: C\n', '4: quiz.1: the key says C but the lesson marks B'],
    ['  quiz.3:\n    answer: A\n', '4: quiz.3: the lesson gives this question no options, so there is no letter to answer it with; leave "answer" out (it is answered in words and self-checked)'],
    ['  quiz.9:\n    answer: A\n', '3: unknown question ref "quiz.9"; lesson 6.1.2 has quiz items quiz.1 … quiz.4'],
  ])('%j → one error on its line', (entries, error) => {
    expect(problems(entries)).toEqual([error]);
  });

  test('an unknown field for a multiple-choice item names the known ones', () => {
    const p = parseKey(keyWith('  quiz.2:\n    answer: B\n    model: append\n'), lesson).problems;
    expect(p.map((x) => x.message)).toContainEqual('quiz.2: unknown field "model" for a multiple-choice question (known: answer, explanation, hint, hints)');
  });

  describe('graded with the key', () => {
    const { key } = parseKey(keyWith('  quiz.2:\n    answer: B\n    explanation: append adds one item; extend adds each item of an iterable.\n    hints: ["Think of a queue: the item goes on its end."]\n'), lesson);
    const qs = questionsFor(lesson, key);
    const q2 = qs.find((q) => q.ref === 'quiz.2')!;
    test.each([
      ['b', 'correct'],
      ['B)', 'correct'],
      ['list.append()', 'correct'],
      ['c', 'incorrect'],
    ])('quiz.2 answered %j → %s, with the explanation', (answer, verdict) => {
      const v = grade(q2, answer);
      expect(v.verdict).toBe(verdict);
      expect(v.feedback).toMatch(/append adds one item; extend adds each item/);
    });
    test('its hints are the key\'s', () => expect(q2.hints).toEqual(['Think of a queue: the item goes on its end.']));
    test('without a key (or its letter) nothing is made up: the unmarked item is a self-check', () => {
      const bare = questionsFor(lesson).find((q) => q.ref === 'quiz.2')!;
      expect(grade(bare, 'b').verdict).toBe('ungraded');
      const noLetter = questionsFor(lesson, parseKey(keyWith('  quiz.2:\n    explanation: why\n'), lesson).key).find((q) => q.ref === 'quiz.2')!;
      expect(grade(noLetter, 'b').verdict).toBe('ungraded');
    });
    test('the lesson\'s own mark still grades the marked item', () => {
      expect(grade(qs.find((q) => q.ref === 'quiz.1')!, 'a').verdict).toBe('incorrect');
    });
  });
});

describe('in the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'calc-ml-choice-'));
  const file = join(dir, 'Lesson-6.1.2-Choice-Keys.md');
  writeFileSync(file, LESSON);

  test('check: each bad entry is one line with the key file and line, exit 1', () => {
    writeFileSync(join(dir, 'Lesson-6.1.2-Choice-Keys.key.yaml'), keyWith('  quiz.2:\n    answer: E\n  quiz.9:\n    answer: A\n'));
    const r = runCli(['check', file]);
    expect(r.status).toBe(1);
    const key = join(dir, 'Lesson-6.1.2-Choice-Keys.key.yaml');
    expect(r.stdout).toContain(`${key}:4: error: quiz.2: answer "E" is not one of its options (A, B, C)\n`);
    expect(r.stdout).toContain(`${key}:5: error: unknown question ref "quiz.9"; lesson 6.1.2 has quiz items quiz.1 … quiz.4\n`);
  });

  test('quiz: the key\'s letter grades the item the lesson leaves unmarked, with its explanation', () => {
    writeFileSync(join(dir, 'Lesson-6.1.2-Choice-Keys.key.yaml'), keyWith('  quiz.2:\n    answer: B\n    explanation: append adds one item at the end.\n'));
    const r = runCli(['quiz', file], { input: 'b\nc\n\nfalse\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Not correct: you chose C\) `list\.push\(\)`; the answer is B\) `list\.append\(\)`\.\nappend adds one item at the end\./);
    expect(r.stdout).toMatch(/Score: 2 of 3 graded right \(67%\); 1 question skipped \(not answered\)\./);
  });
});
