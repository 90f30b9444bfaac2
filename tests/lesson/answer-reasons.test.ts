import { parseLesson } from '../../src/lesson/parse.js';
import { cleanReason } from '../../src/lesson/sections/quiz-items.js';

// The reason beside an answer loses its brackets only when they wrap the whole of it: a reason that
// ends in a bracketed part keeps its ")" ("- Must have a way to stop (break or condition becomes
// false)", with the key line's two-space line break after it).
test.each([
  ['(else is optional)', 'else is optional'],
  ['(floor division).', 'floor division'],
  ['- Must have a way to stop (break or condition becomes false)', 'Must have a way to stop (break or condition becomes false)'],
  ['- Must have a way to stop (break or condition becomes false)  ', 'Must have a way to stop (break or condition becomes false)'],
  ['— it is (mostly) true', 'it is (mostly) true'],
  ['(a) and (b) both hold', '(a) and (b) both hold'],
  ['(len counts (characters))', 'len counts (characters)'],
  ['because x)', 'because x'],
  ['(because x', 'because x'],
  ['', null],
  ['  -  ', null],
])('%j → %j', (raw, want) => {
  expect(cleanReason(raw)).toBe(want);
});

test('a milestone answer key at the end: a reason ending in brackets keeps its ")"', () => {
  const l = parseLesson([
    '# Lesson 7.1.2: MILESTONE TEST - Loops', '',
    '## Section 1: True/False (2 points)', '',
    '**1.1** - A `while` loop needs a break statement or it runs forever.', '- **Answer:** _______________', '',
    '**1.2** - `range(3)` gives 0, 1 and 2.', '- **Answer:** _______________', '',
    '## Answer Key & Rubric', '',
    '### Section 1: True/False (1 pt each)', '',
    '1.1: **False** - Must have a way to stop (break or condition becomes false)  ',
    '1.2: **True** - (it stops before 3)  ', '',
  ].join('\n'), { fileName: 'Lesson-7.1.2-MILESTONE-TEST-Loops.md' });
  expect(l.quiz.trueFalse.map((t) => [t.answer, t.reason])).toEqual([
    [false, 'Must have a way to stop (break or condition becomes false)'],
    [true, 'it stops before 3'],
  ]);
});
