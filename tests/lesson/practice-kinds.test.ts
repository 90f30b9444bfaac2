import { parseLesson } from '../../src/lesson/parse.js';

// A "Practice Problems" section is tasks to do, however its items are written: numbered lines
// under "### Practice Problems" in a study guide (1.1.74's shape) and "**Problem 1:** …" lines
// under "## Practice Problems (Optional)" (1.1.21's) are both practice of kind `exercise`.
const head = '# Lesson 7.1.3: MILESTONE TEST - Errors\n\n**Estimated Time**: 2 hours | **Difficulty**: Intermediate\n\n';
const kinds = (body: string) => parseLesson(head + body, { fileName: 'Lesson-7.1.3-MILESTONE-TEST-Errors.md' }).practice.map((p) => [p.kind, p.text]);

test.each([
  ['numbered items under "### Practice Problems" in a study guide', '## Study Guide\n\n### Practice Problems\n\n1. Write a try-except that handles three exception types\n2. Create a custom exception class\n', [['exercise', 'Write a try-except that handles three exception types'], ['exercise', 'Create a custom exception class']]],
  ['"**Problem 1:**" lines under "## Practice Problems (Optional)"', '## Practice Problems (Optional)\n\nIf you want extra practice:\n\n**Problem 1:** Sum the numbers 1-10 with a loop\n\n**Problem 2:** Print the first five multiples of 3\n', [['exercise', 'Sum the numbers 1-10 with a loop'], ['exercise', 'Print the first five multiples of 3']]],
  ['a numbered "## 7. Practice Problems" with bullets', '## 7. Practice Problems\n\n- Reverse a list without `reverse()`\n- Count the words in a sentence\n', [['exercise', 'Reverse a list without `reverse()`'], ['exercise', 'Count the words in a sentence']]],
  ['a question among practice problems is a question', '## Practice Problems\n\n1. Which exception does `int("x")` raise?\n2. Catch it and print a message\n', [['quiz', 'Which exception does `int("x")` raise?'], ['exercise', 'Catch it and print a message']]],
  ['reflection questions are questions', '## Reflection Questions\n\n1. What did you find hardest?\n2. Describe one place you would use a loop\n', [['quiz', 'What did you find hardest?'], ['quiz', 'Describe one place you would use a loop']]],
  ['quick practice says what each item is; unlabelled ones stay unsaid', '## Quick Practice\n\n- Exercise: Write a loop\n- Quiz: What does `break` do?\n- Keep notes as you go\n', [['exercise', 'Write a loop'], ['quiz', 'What does `break` do?'], ['other', 'Keep notes as you go']]],
])('%s', (_what, body, want) => {
  expect(kinds(body)).toEqual(want);
});
