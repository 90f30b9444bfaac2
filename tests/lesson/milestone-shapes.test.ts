import { parseLesson, readLesson } from '../../src/lesson/parse.js';
import { unplaced } from '../../src/lesson/unplaced.js';

// Shapes found measuring hand-written milestone tests of the course against a reading by hand;
// the snippets are ours, in the course's shapes.
const head = '# Lesson 4.5.6: Fixture Test\n\n**Estimated Time**: 2 hours | **Difficulty**: Assessment\n\n';
const lesson = (body: string) => parseLesson(head + body, { fileName: 'Lesson-4.5.6-Fixture-Test.md' });
const left = (body: string) => unplaced(readLesson(head + body, { fileName: 'Lesson-4.5.6-Fixture-Test.md' }));

describe('milestone tests written by hand', () => {
  test('an answer key numbered by section ("2.5") answers the fifth question of that section, whatever the quiz numbers', () => {
    const questions = [1, 2, 3, 4, 5].map((k) => `**2.${k}** - Question ${k} about loops? (2 pts)\n\nAnswer: ___________\n`).join('\n');
    const key = [1, 2, 3, 4, 5].map((k) => `- **2.${k}** Criterion ${k}`).join('\n');
    const l = lesson(`## Section 1: True/False (2 points)

**1.1** - A loop can stop early.
- **Answer:** ________

**1.2** - Ranges start at one.
- **Answer:** ________

**1.3** - Sets keep order.
- **Answer:** ________

## Section 2: Conceptual Questions (10 points)

${questions}
## Answer Key & Rubric

### Section 1: True/False

1.1: **True** - break
1.2: **False** - they start at zero
1.3: **False** - no order

### Section 2: Concept Questions

Full credit requires:
${key}

### Section 3: Code Challenges

#### Challenge 3.1 Evaluation

✓ Uses a loop
`);
    expect(l.quiz.trueFalse.map((q) => q.answer)).toEqual([true, false, false]);
    // The conceptual items are numbered 4-8 in the quiz; the key's 2.4 and 2.5 are still the 4th and 5th.
    expect(l.quiz.conceptual.map((q) => [q.n, q.expected])).toEqual([1, 2, 3, 4, 5].map((k) => [k + 3, `Criterion ${k}`]));
    // How a challenge is marked is read too: check leaves no line of the key over.
    expect(left(`## Answer Key\n\n### Section 3: Code Challenges\n\n#### Challenge 3.1 Evaluation\n\n✓ Uses a loop\n`)).toEqual([]);
  });

  test('practice questions end where the test\'s score form begins', () => {
    const l = lesson(`## Reflection Questions

1. What was hardest?
2. Where would you use a loop?

---

**Score Calculation:**
- Section 1: _____ / 4
- Section 2: _____ / 12

**Status:**
- [ ] Passed (28+)
- [ ] Review needed
`);
    expect(l.practice.map((p) => p.text)).toEqual(['What was hardest?', 'Where would you use a loop?']);
  });

  test('"Assessment Overview" tells the format of the test: its bullets are not questions', () => {
    const body = '## 1. Assessment Overview\n\nThis test covers:\n- **Lists**: slicing, sorting\n- Written Questions: 15 points\n\n## Part 1: Multiple Choice (5 points)\n\n**Question 1.1**: Which call sorts in place?\n- A) sorted(xs)\n- B) xs.sort()\n\n**Answer**: B) in place\n';
    const l = lesson(body);
    expect(l.quiz.conceptual).toEqual([]);
    expect(l.quiz.multipleChoice.map((q) => [q.question, q.options.length, q.answer])).toEqual([['Which call sorts in place?', 2, 'B']]);
    expect(l.otherSections.map((s) => s.title)).toContain('1. Assessment Overview');
    expect(l.warnings.map((w) => w.message).join('\n')).not.toMatch(/list in the quiz section/);
    expect(left(body)).toEqual([]);
  });

  test('a marked component whose name gives no kind still holds its questions; how it is presented is no question', () => {
    const body = `## Component 3: Project Review (1 hour / 10 points)

### Presentation (5 points)

1. **Design** (2 min): Explain your layout
2. **Demo** (2 min): Run it once

### Interview Questions (5 points)

1. "Why this data structure?"
2. "What would you test next?"
`;
    const l = lesson(body);
    expect(l.quiz.conceptual.map((q) => q.question)).toEqual(['"Why this data structure?"', '"What would you test next?"']);
    expect(l.quiz.coding).toEqual([]);
    expect(left(body)).toEqual([]);
  });

  test('a marked section with a challenge whose files have their own headings is one coding problem', () => {
    const l = lesson(`## Section 2: File Organization (10 points)

### Challenge: Build a Package

Create this layout:

\`\`\`
tools/
├── __init__.py
└── text.py
\`\`\`

### text.py

\`\`\`python
def shout(s):
    return s.upper()
\`\`\`

### Testing

\`\`\`python
from tools import shout
\`\`\`

## Section 3: Code Challenge (5 points)

### Write a Settings Module

Keep defaults in one file.
`);
    expect(l.quiz.coding.map((q) => [q.task.split('\n')[0], q.solution])).toEqual([['Build a Package', null], ['Write a Settings Module', null]]);
    expect(l.quiz.coding[0].code).toContain('def shout(s):');
    expect(l.quiz.coding[0].code).toContain('from tools import shout');
  });

  test('a part of a lesson that teaches, timed in minutes, stays teaching', () => {
    const l = lesson('## Part 1: Board Basics (60 min)\n\n### 1.1 Make the Board\n\n```python\nboard = [" "] * 9\n```\n');
    expect(l.quiz.coding).toEqual([]);
    expect(l.otherSections.map((s) => s.title)).toEqual(['Part 1: Board Basics (60 min)']);
  });
});

describe('questions and problems given in parts', () => {
  test('a question that ends in ":" and its cases as bullets is one question', () => {
    const l = lesson('## Section 1: Knowledge Assessment (20 points)\n\n### Question 1: Choosing a Store\n\nWhich store would you pick for:\n- Settings a person edits by hand?\n- A million sensor readings?\n\n**Answer**: [Your response]\n\n### Question 2: Paths\n\nWhy join paths with a library?\n\n**Answer**: [Your response]\n');
    expect(l.quiz.conceptual.map((q) => q.question)).toEqual([
      'Choosing a Store: Which store would you pick for:\n- Settings a person edits by hand?\n- A million sensor readings?',
      'Paths: Why join paths with a library?',
    ]);
  });

  test('"**Problem**:" with nothing after it: the bullets below are that challenge\'s task, not new challenges', () => {
    const l = lesson('## Section 2: Coding Challenges (20 points)\n\n### Challenge 1: Stack (10 points)\n\n**Problem**: \n- Make a `Stack` class\n- Add push and pop\n\n```python\n# Example solution\nclass Stack:\n    pass\n```\n\n### Challenge 2: Queue (10 points)\n\n**Problem**: Make a `Queue` class.\n');
    expect(l.quiz.coding.map((c) => [c.task, c.solution !== null])).toEqual([
      ['Stack (10 points)\n- Make a `Stack` class\n- Add push and pop', true],
      ['Queue (10 points)\nMake a `Queue` class.', false],
    ]);
  });
});
