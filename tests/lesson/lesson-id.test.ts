import { parseLesson } from '../../src/lesson/parse.js';
import { scanHead, idProblems } from '../../src/lesson/catalog.js';

// Where a lesson's id comes from. The course's index goes by file names (Lesson-1.1.41-….md), and
// two of its files carry a neighbour's id in their title ("# Lesson 1.1.40: List Comprehensions"
// in Lesson-1.1.41-…, whose 1.1.40 is another lesson): a course file name's id is the lesson's.
const body = '\n**Estimated Time**: 1 hour | **Difficulty**: Beginner\n\n## Exercises\n\n### Starter Exercises\n\n**Starter Exercise 1: Count**\n```python\nprint(1)\n```\n';

test.each([
  // [what, title line, file name, id, titleId, warning or null]
  ['a course file name over a title that says another id', '# Lesson 4.5.9: Lists', 'Lesson-4.5.6-Lists.md', '4.5.6', '4.5.9', 'heading says 4.5.9; file name says 4.5.6: using 4.5.6 (fix the title)'],
  ['the same id in both', '# Lesson 4.5.6: Lists', 'Lesson-4.5.6-Lists.md', '4.5.6', '4.5.6', null],
  ['a course file name in a folder, and lower case', '# Lesson 4.5.9: Lists', '/course/1.1/lesson_4.5.6.md', '4.5.6', '4.5.9', 'heading says 4.5.9; file name says 4.5.6: using 4.5.6 (fix the title)'],
  ['another name with a number keeps the title\'s id', '# Lesson 4.5.9: Lists', 'notes-4.5.6.md', '4.5.9', '4.5.9', 'heading says 4.5.9; file name says 4.5.6: using 4.5.9 (rename the file or fix the title)'],
  ['no file name: the title\'s', '# Lesson 4.5.9: Lists', undefined, '4.5.9', '4.5.9', null],
  ['a title without an id: the file name\'s', '# Lists', 'Lesson-4.5.6-Lists.md', '4.5.6', null, 'the title heading does not read "# Lesson X.Y.Z: Title"; id 4.5.6 taken from the file name'],
])('%s', (_what, title, fileName, id, titleId, warning) => {
  const l = parseLesson(title + '\n' + body, { fileName });
  expect({ id: l.id, titleId: l.titleId, key: l.key }).toEqual({ id, titleId, key: `${id} Lists` });
  // An exercise the lesson gives no id of its own is named after the lesson's id.
  expect(l.exercises.map((e) => e.id)).toEqual([`${id}.starter-1`]);
  const first = l.warnings.find((w) => w.line === 1)?.message ?? null;
  expect(first).toBe(warning);
  // The listing (which reads only the head, without the markdown parser) decides it the same way.
  const entry = scanHead(title + '\n' + body, fileName);
  expect(entry && { id: entry.id, titleId: entry.titleId }).toEqual({ id, titleId });
});

test('lessons and check --course say which id is used; the typo lesson no longer shares its neighbour\'s id', () => {
  const entries = [
    { id: '1.1.40', titleId: '1.1.40', title: 'List Iteration', path: 'Lesson-1.1.40-List-Iteration.md' },
    { id: '1.1.41', titleId: '1.1.40', title: 'List Comprehensions', path: 'Lesson-1.1.41-List-Comprehensions.md' },
  ];
  expect(idProblems(entries)).toEqual([{ path: 'Lesson-1.1.41-List-Comprehensions.md', message: 'heading says 1.1.40; file name says 1.1.41: using 1.1.41' }]);
});
