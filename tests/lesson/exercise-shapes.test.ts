import { parseLesson, readLesson } from '../../src/lesson/parse.js';
import { unplaced } from '../../src/lesson/unplaced.js';

// Exercise shapes found measuring lessons of the course against a reading by hand; the snippets are
// ours, in the course's shapes.
const head = '# Lesson 4.5.7: Fixture Modules\n\n**Estimated Time**: 2 hours | **Difficulty**: Beginner\n\n';
const file = { fileName: 'Lesson-4.5.7-Fixture-Modules.md' };
const lesson = (body: string) => parseLesson(head + body, file);
const left = (body: string) => unplaced(readLesson(head + body, file));

describe('an exercises section that gives one task in plain words', () => {
  const body = `## 5. Graded Exercises

Build a small note-taking tool split over three files:
- \`store.py\`: saving and loading notes
- \`search.py\`: finding notes by word
- \`cli.py\`: the commands

---

**Next Lesson**: [4.5.8 - Packages](Lesson-4.5.8-Packages.md)
`;

  test('is one exercise, its bullets the parts of the task, with an id made for it', () => {
    const l = lesson(body);
    expect(l.exercises).toHaveLength(1);
    const [e] = l.exercises;
    expect(e.id).toBe('4.5.7.task-1');
    expect(e.generatedId).toBe(true);
    expect(e.prompt).toBe('Build a small note-taking tool split over three files:\n- `store.py`: saving and loading notes\n- `search.py`: finding notes by word\n- `cli.py`: the commands');
    expect(e.code).toBeNull();
  });

  test('leaves nothing unread for check --course', () => {
    expect(left(body)).toEqual([]);
  });

  test('takes the code that follows the task', () => {
    const l = lesson('## Exercises\n\nWrite a function that reverses a word:\n\n```python\ndef reverse(word):\n    ...\n```\n');
    expect(l.exercises).toHaveLength(1);
    expect(l.exercises[0].code).toContain('def reverse(word)');
  });

  test('an intro line before numbered exercises stays an intro, not an exercise', () => {
    const l = lesson('## Exercises\n\nWork through these after the reading.\n\n### Difficulty 1: Starter\n\n**Exercise 4.5.7.1**: Import a module.\n**Exercise 4.5.7.2**: Alias an import.\n');
    expect(l.exercises.map((e) => e.id)).toEqual(['4.5.7.1', '4.5.7.2']);
  });

  test('an intro line before "**Exercise 1**:" blocks stays an intro', () => {
    const l = lesson('## Graded Exercises\n\nEach one builds on the last.\n\n**Exercise 1**: Read a file\n- Print its first line\n\n**Exercise 2**: Write a file\n- Save three lines\n');
    expect(l.exercises.map((e) => e.id)).toEqual(['4.5.7.1', '4.5.7.2']);
  });

  test('the link to the next lesson is not part of the last exercise', () => {
    const l = lesson('## Exercises\n\n### Difficulty 1: Starter\n\n**Exercise 4.5.7.1**: Import a module.\n\n**Next Lesson**: [4.5.8 - Packages](Lesson-4.5.8-Packages.md)\n');
    expect(l.exercises[0].prompt).toBe('Import a module.');
  });
});

test('a line alone under "## Exercises", with no parts, is no exercise: the section is read out', () => {
  expect(lesson('## Exercises\n\nPractise at home: sketch the call stack.\n\n## Homework\n\n- [ ] a\n').exercises).toEqual([]);
});

test('a numbered task glued to the one before it ("4.Test …", no space) is the next task', () => {
  const l = lesson('## Graded Exercises\n\n### Intermediate Level\n\n1. Cache one lookup\n2. Time the cache\n3. Clear the cache on demand\n4.Report hits and misses\n\n### Advanced Level\n\n1. Bound the cache size\n');
  expect(l.exercises.map((e) => [e.id, e.prompt])).toEqual([
    ['4.5.7.intermediate-1', 'Cache one lookup'],
    ['4.5.7.intermediate-2', 'Time the cache'],
    ['4.5.7.intermediate-3', 'Clear the cache on demand'],
    ['4.5.7.intermediate-4', 'Report hits and misses'],
    ['4.5.7.advanced-1', 'Bound the cache size'],
  ]);
});

test('"## 2. Solution Types (60 min)" teaches; "## Solutions" and "## Solution Key" are answer keys', () => {
  const l = lesson('## 2. Solution Types (60 min)\n\n### 2.1 Real-World Use\n- Fitting a line\n- Mixing paints\n\n## Solutions\n\n### Exercises\n\n1. use a set\n');
  expect(l.otherSections.map((s) => s.title)).toContain('2. Solution Types (60 min)');
  expect(left('## 2. Solution Types (60 min)\n\n### 2.1 Real-World Use\n- Fitting a line\n- Mixing paints\n')).toEqual([]);
});

describe('an exercise label with no title: the task is its code\'s leading comment', () => {
  // As 1.1.14 writes its graded exercises: "**Starter Exercise 1:**" and a block opening "# TODO: …".
  const section = (label: string, code: string) => `## 9. Graded Exercises\n\n### Starter Exercises (40 minutes)\n\n${label}\n\`\`\`python\n${code}\n\`\`\`\n`;
  test.each([
    ['a "# TODO:" comment', '**Starter Exercise 1:**', '# TODO: Use a ternary to label a score pass/fail\nscore = 75', 'TODO: Use a ternary to label a score pass/fail'],
    ['a plain comment, after a blank line', '**Starter Exercise 1:**', '\n# Print the even numbers below 10\nfor n in range(10): ...', 'Print the even numbers below 10'],
    ['a "//" comment', '**Starter 1:**', '// Sum the list\nconst xs = [1, 2]', 'Sum the list'],
    ['no comment: no text to take', '**Starter Exercise 1:**', 'score = 75\nprint(score)', ''],
    ['a shebang is no task', '**Starter Exercise 1:**', '#!/usr/bin/env python3\nprint(1)', ''],
    ['a title of its own wins over the comment', '**Starter Exercise 1: Pass or fail**', '# TODO: Use a ternary\nscore = 75', 'Pass or fail'],
  ])('%s', (_what, label, code, prompt) => {
    const [e] = lesson(section(label, code)).exercises;
    expect(e).toMatchObject({ id: '4.5.7.starter-1', prompt, code });
  });

  test('a second block does not replace the task the first gave', () => {
    const [e] = lesson(section('**Starter Exercise 1:**', '# TODO: Count the vowels\nword = "tree"') + '\n```python\n# Then count the consonants\n```\n').exercises;
    expect(e.prompt).toBe('TODO: Count the vowels');
  });
});
