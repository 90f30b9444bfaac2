import { parseLesson } from '../../src/lesson/parse.js';

// Table tests per section reader, on lesson snippets of our own written in the course's shapes.
const lesson = (body: string, head = '# Lesson 4.5.6: Fixture Lesson\n\n**Estimated Time**: 1 hour | **Difficulty**: Beginner\n\n') => parseLesson(head + body, { fileName: 'Lesson-4.5.6-Fixture-Lesson.md' });

describe('exercises reader', () => {
  test.each([
    [
      'bold lines one after another, code under the first and the last',
      '## Exercises\n\n### Difficulty 1: Starter\n\n**Exercise 4.5.6.1**: Sum a list.\n```python\nprint(sum([1, 2]))\n```\n\n**Exercise 4.5.6.2**: Sort a list.\n**Exercise 4.5.6.3**: Reverse a list.\n```python\nxs[::-1]\n```\n',
      [['4.5.6.1', 1, 'Sum a list.', 'print(sum([1, 2]))'], ['4.5.6.2', 1, 'Sort a list.', null], ['4.5.6.3', 1, 'Reverse a list.', 'xs[::-1]']],
    ],
    [
      'bullets',
      '## Exercises\n\n### Difficulty 2: Intermediate 🟨\n- Exercise 4.5.6.4: Fit a line.\n- Exercise 4.5.6.5: Plot the residuals.\n',
      [['4.5.6.4', 2, 'Fit a line.', null], ['4.5.6.5', 2, 'Plot the residuals.', null]],
    ],
    [
      'graded exercises with numbered title, named blocks and code',
      '## 8. Graded Exercises\n\n### Starter Exercises (40 minutes)\n\n**Starter 1: Count Words**\n```python\n# TODO: count words\n```\n\n**Starter Exercise 2: Count Lines**\n```python\n# TODO: count lines\n```\n\n### Advanced Exercises (90 minutes)\n\n**Advanced 1: Word Index*\n```python\n# TODO: index\n```\n',
      [['4.5.6.starter-1', 1, 'Count Words', '# TODO: count words'], ['4.5.6.starter-2', 1, 'Count Lines', '# TODO: count lines'], ['4.5.6.advanced-1', 3, 'Word Index', '# TODO: index']],
    ],
    [
      'numbered tasks under level headings',
      '## Graded Exercises\n\n### Starter Level (Required)\n\n1. **Write three helpers** of your choice\n   - Give each a docstring\n2. **Test them** with asserts\n\n### Intermediate Level\n\n1. **Write all ten helpers**\n',
      [['4.5.6.starter-1', 1, 'Write three helpers of your choice\n- Give each a docstring', null], ['4.5.6.starter-2', 1, 'Test them with asserts', null], ['4.5.6.intermediate-1', 2, 'Write all ten helpers', null]],
    ],
    [
      '"## Exercise N: Starter Level" headings with numbered tasks, numbered on across sections',
      '## Exercise 1: Starter Level\n\n1. Read a file\n2. Count its words\n\n## Exercise 2: Starter Level\n\n1. Count its lines\n\n## Exercise 3: Build a Word Index\n\nMap each word to its lines.\n',
      [['4.5.6.starter-1', 1, 'Read a file', null], ['4.5.6.starter-2', 1, 'Count its words', null], ['4.5.6.starter-3', 1, 'Count its lines', null], ['4.5.6.3', 1, 'Build a Word Index\nMap each word to its lines.', null]],
    ],
    [
      'single-backtick code lines',
      '## Exercises\n\n### Difficulty 1: Starter\n\n**Exercise 4.5.6.1**: Load a file.\n`python\n# Learning Objectives\nopen("a.txt")\n`\n\n**Exercise 4.5.6.2**: Close it.\n',
      [['4.5.6.1', 1, 'Load a file.', '# Learning Objectives\nopen("a.txt")'], ['4.5.6.2', 1, 'Close it.', null]],
    ],
  ])('%s', (_name, body, expected) => {
    const l = lesson(body);
    expect(l.exercises.map((e) => [e.id, e.level, e.prompt, e.code])).toEqual(expected);
    // Ids the lesson wrote in full are its own; the rest calc-ml made ("Exercise 3" → 4.5.6.3 too).
    for (const e of l.exercises) if (/[a-z]/.test(e.id)) expect(e.generatedId).toBe(true);
    if (_name.startsWith('bold') || _name === 'bullets') for (const e of l.exercises) expect(e.generatedId).toBe(false);
  });
});

describe('quiz reader', () => {
  test.each([
    ['(True) marks', '### Quick Check (True/False)\n1. Lists are ordered. (True)\n2. Sets keep duplicates. (False)\n', [[1, 'Lists are ordered.', true], [2, 'Sets keep duplicates.', false]]],
    ['bold statement then its answer', '### True/False\n1. **Tuples are mutable.** FALSE (they are not)\n2. **Dicts map keys to values.** TRUE\n', [[1, 'Tuples are mutable.', false], [2, 'Dicts map keys to values.', true]]],
    ['A) True / B) False and an answer line', '### True/False\n\n**1. A list can hold mixed types.**\n- A) True\n- B) False\n\n**Answer**: A\n', [[1, 'A list can hold mixed types.', true]]],
    ['nested answer bullet', '### Quick Check (True/False)\n1. **Strings are immutable.**\n   - Answer: True\n', [[1, 'Strings are immutable.', true]]],
    ['a blank to tick', '**True/False:**\n1. Indices start at 1 ✓/✗\n', [[1, 'Indices start at 1', null]]],
  ])('true/false: %s', (_name, body, expected) => {
    const l = lesson(`## Quiz & Assessment\n\n${body}`);
    expect(l.quiz.trueFalse.map((q) => [q.n, q.statement, q.answer])).toEqual(expected);
  });

  test.each([
    ['bold question, lettered options, bold answer line', '**1. What does `len([])` return?**\n- A) `None`\n- B) `0`\n- C) An error\n\n**Answer: B** (an empty list has no items)\n', [[1, ['A', 'B', 'C'], 'B', 'an empty list has no items']]],
    ['question with code, options, answer with reason', '**Question 2**: What is printed?\n```python\nprint(2 ** 3)\n```\nA) 6\nB) 8\nC) 9\n\n**Answer**: B (two cubed)\n', [[2, ['A', 'B', 'C'], 'B', 'two cubed']]],
    ['list items with nested options, the bold one marked', '1. Which keyword defines a function?\n   - a) func\n   - **b) def**\n   - c) lambda\n', [[1, ['A', 'B', 'C'], 'B', null]]],
    ['checkbox options, the checked one marked', '1. Which is immutable?\n   - [ ] list\n   - [x] tuple\n   - [ ] dict\n', [[1, ['A', 'B', 'C'], 'B', null]]],
  ])('multiple choice: %s', (_name, body, expected) => {
    const l = lesson(`## Part A: Multiple Choice (2 questions)\n\n${body}`);
    expect(l.quiz.multipleChoice.map((q) => [q.n, q.options.map((o) => o.label), q.answer, q.reason])).toEqual(expected);
    expect(l.quiz.conceptual).toEqual([]);
  });

  test('coding challenge: the task ends before "Solution:", whose code is the solution', () => {
    const l = lesson('## Quiz & Assessment\n\n### Coding Challenge\n8. Write a function that returns the mean of a list.\n\nSolution:\n```python\ndef mean(xs):\n    return sum(xs) / len(xs)\n```\n');
    expect(l.quiz.coding).toEqual([expect.objectContaining({ n: 8, task: 'Write a function that returns the mean of a list.', code: null, solution: 'def mean(xs):\n    return sum(xs) / len(xs)' })]);
  });

  test('assessment questions with bold labels, numbered on across labels', () => {
    const l = lesson('## 6. Assessment Questions\n\n**True/False:**\n1. A loop can be nested\n\n**Short Answer:**\n1. When is a while loop better than a for loop?\n\n**Coding:**\n1. Print the numbers 1 to 10\n');
    expect(l.quiz.trueFalse.map((q) => q.n)).toEqual([1]);
    expect(l.quiz.conceptual.map((q) => [q.n, q.question])).toEqual([[2, 'When is a while loop better than a for loop?']]);
    expect(l.quiz.coding.map((q) => [q.n, q.task])).toEqual([[3, 'Print the numbers 1 to 10']]);
  });

  test('an answer key section answers the items by number', () => {
    const l = lesson('## Quiz\n\n### True/False\n1. Sets are ordered.\n2. Dicts have keys.\n\n## Answer Key\n\n1. False - sets have no order\n2. True\n');
    expect(l.quiz.trueFalse.map((q) => [q.answer, q.reason])).toEqual([[false, 'sets have no order'], [true, null]]);
  });

  test('milestone template items are placeholders, never given answers', () => {
    const l = lesson('## Part A: Multiple Choice (2 questions)\n\n1. Core concept definition\n2. Tooling choice\n\n## Part B: True/False (1 question)\n\n1. Statement about data assumptions.\n');
    expect(l.quiz.multipleChoice.map((q) => [q.n, q.placeholder, q.answer])).toEqual([[1, true, null], [2, true, null]]);
    expect(l.quiz.trueFalse.map((q) => [q.n, q.placeholder, q.answer])).toEqual([[3, true, null]]);
  });

  test.each([
    ['Evaluation statement', true],
    ['Feature engineering statement', true],
    ['Methodology statement.', true],
    ['Statement about data assumptions.', true],
    ['Python has a switch statement.', false],
    ['The gradient points to steepest ascent.', false],
  ])('a true/false item %j is a placeholder: %s', (statement, placeholder) => {
    const l = lesson(`## Part B: True/False (1 question)\n\n1. ${statement}\n`);
    expect(l.quiz.trueFalse.map((q) => q.placeholder)).toEqual([placeholder]);
  });
});

describe('milestone sections', () => {
  test('"Section N" parts, dotted numbers, blanks to fill, an answer key by section', () => {
    const l = lesson(`## Section 1: True/False (2 points)

**1.1** - A for loop can walk a string.
- **Answer:** _______________

**1.2** - \`range(3)\` includes 3.
- **Answer:** _______________

## Section 2: Conceptual Questions (2 points)

**2.1** - What does \`break\` do? (2 pts)

Answer:
\`\`\`
break: ___________________
\`\`\`

## Section 3: Code Challenges (6 points)

### Challenge 3.1: Sum to N (6 points)

Write a program that:
- Reads N

**Your code:**
\`\`\`python
# Challenge 3.1
\`\`\`

## Answer Key & Rubric

### Section 1: True/False (1 pt each)

1.1: **True** - strings are iterable
1.2: **False** - it stops before 3

### Section 2: Concept Questions

- **2.1** Leaves the loop at once
`);
    expect(l.quiz.trueFalse.map((q) => [q.n, q.statement, q.answer, q.reason])).toEqual([
      [1, 'A for loop can walk a string.', true, 'strings are iterable'], [2, '`range(3)` includes 3.', false, 'it stops before 3'],
    ]);
    expect(l.quiz.conceptual.map((q) => [q.n, q.question, q.expected, q.code])).toEqual([[3, 'What does `break` do? (2 pts)', 'Leaves the loop at once', 'break: ___________________']]);
    expect(l.quiz.coding.map((q) => [q.n, q.task, q.code, q.solution])).toEqual([[4, 'Sum to N (6 points)\nWrite a program that:\n- Reads N', '# Challenge 3.1', null]]);
  });

  test('"### Question N (3 points)" with the question below it, "# Example solution" code, a project part', () => {
    const l = lesson(`## Section 1: Written Questions (6 points)

### Question 1 (3 points)
**What is a method?**

*Expected Answer*:
- A function defined in a class

## Section 2: Coding Challenges (10 points)

### Challenge 1: Stack (10 points)

**Problem**: Write a \`Stack\` class with push and pop.

\`\`\`python
# Example solution
class Stack:
    pass
\`\`\`

**Grading**:
- [ ] push works (5 pts)

## Section 3: Project (10 points)

### Mini Challenge: Queue

**Requirements**:
1. Write a \`Queue\` class
`);
    expect(l.quiz.conceptual.map((q) => [q.n, q.question, q.expected])).toEqual([[1, 'What is a method?', '- A function defined in a class']]);
    expect(l.quiz.coding.map((q) => [q.n, q.task, q.solution])).toEqual([
      [2, 'Stack (10 points)\nWrite a `Stack` class with push and pop.', '# Example solution\nclass Stack:\n    pass'],
      [3, 'Mini Challenge: Queue\n- Write a `Queue` class', null],
    ]);
  });
});

describe('other readers', () => {
  test('numbered mini-project title', () => {
    const l = lesson('## 9. Mini-Project: Word Counter\n\nCount the words of a file.\n\n```python\nprint(len(open("a").read().split()))\n```\n');
    expect(l.miniProject).toEqual({ title: 'Word Counter', task: 'Count the words of a file.', code: 'print(len(open("a").read().split()))' });
  });
  test('quick practice bullets are practice items', () => {
    const l = lesson('## Quick Practice\n\n- Exercise: Add one edge case.\n- Quiz: What breaks without validation?\n');
    expect(l.practice.map((p) => [p.kind, p.text])).toEqual([['exercise', 'Add one edge case.'], ['quiz', 'What breaks without validation?']]);
  });
  test('a self-assessment checklist is not a quiz', () => {
    const l = lesson('## 11. Self-Assessment Checklist\n\n- [ ] I can write a loop\n');
    expect(l.quiz.conceptual).toEqual([]);
    expect(l.otherSections.map((s) => s.title)).toEqual(['11. Self-Assessment Checklist']);
  });
  test('a stray fence that swallows sections is a warning with its line, and the sections are read', () => {
    const l = lesson('Proceed to **Lesson 4.5.7** when ready.\n```\n\n---\n\n## Learning Objectives\n\n- Read files\n\n## Core Ideas\n\n```python\nprint(1)\n```\n');
    expect(l.objectives).toEqual(['Read files']);
    expect(l.warnings).toContainEqual({ line: 6, message: expect.stringMatching(/^the code block opened here is not closed before "## Learning Objectives" \(line 10\)/) });
  });
  test('a block left open to the end of the file is closed before the section it swallows', () => {
    const l = lesson('## Exercises\n\n### Difficulty 1: Starter\n- Exercise 4.5.6.1: Print.\n\n```python\nprint(1)\n\n## Key Takeaways\n\n- Close your blocks\n');
    expect(l.exercises[0].code).toBe('print(1)');
    expect(l.takeaways).toEqual(['Close your blocks']);
    expect(l.warnings).toContainEqual({ line: 10, message: expect.stringMatching(/^the code block opened here is not closed before "## Key Takeaways" \(line 13\)/) });
  });
  test('a title id that differs from a course file name is a warning; the file name\'s id is the lesson\'s', () => {
    const l = parseLesson('# Lesson 4.5.9: Other Title\n', { fileName: 'Lesson-4.5.6-Fixture.md' });
    expect(l.id).toBe('4.5.6');
    expect(l.titleId).toBe('4.5.9');
    expect(l.key).toBe('4.5.6 Other Title');
    expect(l.warnings.map((w) => w.message)).toContainEqual('heading says 4.5.9; file name says 4.5.6: using 4.5.6 (fix the title)');
  });
});
