import { parseLesson, classifySection, classifyQuizHeading, parseMeta } from '../../src/lesson/parse.js';
import { sanitize } from '../../src/lesson/sanitize.js';

const skeleton = (body: string) => `# Lesson 9.9.9: Test Lesson

**Estimated Time**: 2 hours | **Difficulty**: Advanced
**Prerequisites**: none | **Topic**: Testing

${body}`;

describe('true/false marks', () => {
  test.each([
    ['1. Derivatives measure change. (True)', true, 'Derivatives measure change.'],
    ['1. Derivatives measure change. (true)', true, 'Derivatives measure change.'],
    ['1. Derivatives measure change. (FALSE)', false, 'Derivatives measure change.'],
    ['1. Derivatives measure change. (  False )', false, 'Derivatives measure change.'],
    ['1. Derivatives measure change. ( TRUE ).', true, 'Derivatives measure change.'],
    ['1. Derivatives measure change.(false)   ', false, 'Derivatives measure change.'],
    ['1. Derivatives measure change.', null, 'Derivatives measure change.'],
    ['1. **Derivatives measure change.**\n   - Answer: True', true, 'Derivatives measure change.'],
    ['1. **Derivatives measure change.**\n   - Answer: False (they measure area)', false, 'Derivatives measure change.'],
  ])('%j → %s', (item, answer, statement) => {
    const l = parseLesson(skeleton(`## Quiz & Assessment\n\n### Quick Check (True/False)\n${item}\n`));
    expect(l.quiz.trueFalse).toHaveLength(1);
    expect(l.quiz.trueFalse[0]).toMatchObject({ n: 1, answer, statement });
  });

  test('a reason after the answer is kept', () => {
    const l = parseLesson(skeleton('## Quiz\n\n### Quick Check (True/False)\n1. **X**\n   - Answer: False (`else` is optional)\n'));
    expect(l.quiz.trueFalse[0].reason).toBe('`else` is optional');
  });
});

describe('structure, not regexes: code fences are code', () => {
  const body = `## Exercises

### Difficulty 1: Starter
- Exercise 9.9.9.1: Real one.

\`\`\`python
# Difficulty 3: not a heading
## Quiz & Assessment
- Exercise 9.9.9.7: not an exercise
1. Looks like a quiz item. (True)
\`\`\`

- Exercise 9.9.9.2: Real two.

## Quiz & Assessment

### Quick Check (True/False)
1. Real item. (False)
`;
  const l = parseLesson(skeleton(body));
  test('headings and items inside a fence are ignored', () => {
    expect(l.exercises.map((e) => e.id)).toEqual(['9.9.9.1', '9.9.9.2']);
    expect(l.exercises.every((e) => e.level === 1)).toBe(true);
    expect(l.quiz.trueFalse.map((q) => [q.statement, q.answer])).toEqual([['Real item.', false]]);
  });
  test('a fence after an exercise is its code', () => {
    expect(l.exercises[0].code).toContain('# Difficulty 3: not a heading');
  });
});

describe('difficulty headings', () => {
  test.each([
    ['### Difficulty 1: Starter 🟩', 1, 'Starter'],
    ['### Difficulty 2: Intermediate 🟨', 2, 'Intermediate'],
    ['###   difficulty 3 :  Advanced  🟥🔥', 3, 'Advanced'],
    ['### Difficulty 2 - Core', 2, 'Core'],
    ['### 🟨 Difficulty 2: Intermediate', 2, 'Intermediate'],
  ])('%j', (heading, level, levelName) => {
    const l = parseLesson(skeleton(`## Exercises 💪\n\n${heading}\n- Exercise 9.9.9.1: Do it.\n`));
    expect(l.exercises[0]).toMatchObject({ id: '9.9.9.1', level, levelName, prompt: 'Do it.' });
  });

  test('bold exercise titles with code, as in lesson 1.1.11', () => {
    const l = parseLesson(skeleton('## Exercises\n\n### Difficulty 1: Starter 🟩\n\n**Exercise 9.9.9.1**: Basic Check\n```python\nprint(1)\n```\n'));
    expect(l.exercises[0]).toMatchObject({ id: '9.9.9.1', prompt: 'Basic Check', code: 'print(1)' });
  });
});

describe('line endings, previous lesson, next lesson', () => {
  test('CRLF reads the same as LF', () => {
    const lf = skeleton('## Core Ideas\n\n- One\n- Two\n\n## Homework\n\n- [x] Done it\n- [ ] Not yet\n');
    const a = parseLesson(lf);
    const b = parseLesson(lf.replace(/\n/g, '\r\n'));
    expect(b).toEqual(a);
    expect(b.coreIdeas).toEqual(['One', 'Two']);
    expect(b.homework).toEqual([{ task: 'Done it', done: true }, { task: 'Not yet', done: false }]);
  });

  test('a "Previous Lesson" blockquote', () => {
    const l = parseLesson('# Lesson 1.2.27: Limits\n\n> Previous Lesson: [Lesson 1.2.26: Calculus for ML - Big Picture](Lesson-1.2.26.md)\n\n**Difficulty**: Beginner\n');
    expect(l.previous).toEqual({ id: '1.2.26', title: 'Calculus for ML - Big Picture' });
    expect(l.meta.difficulty).toBe('Beginner');
  });

  test.each([
    ['## Next Lesson Preview\n\n**Lesson 1.2.27**: Functions, Limits, Continuity\n- Build intuition\n', { id: '1.2.27', title: 'Functions, Limits, Continuity' }],
    ['**Next Lesson**: [Lesson 1.2.45: Probability for ML](Lesson-1.2.45.md)\n', { id: '1.2.45', title: 'Probability for ML' }],
    ['Proceed to **Lesson 1.2.27** when ready.\n', { id: '1.2.27', title: '' }],
  ])('next lesson from %j', (md, next) => {
    expect(parseLesson(skeleton(md)).next).toEqual(next);
  });
});

describe('milestone tests', () => {
  const md = skeleton(`## Part A: Multiple Choice (2 questions)

1. What does a derivative measure?
2. What is the gradient?

## Part B: True/False (2 questions)

1. Chain rule applies to compositions.
2. Gradients always point downhill.

## Part C: Short Answer (1 question)

1. Define derivative.

## Part D: Coding Problems (1 question)

### Problem 1: Gradient Descent
Implement gradient descent for f(x)=x^2.
`);
  const l = parseLesson(md);
  test('parts are numbered on across the test, true/false without answers are null', () => {
    // Part A is multiple choice; with no options written, its items are placeholders run as self-check.
    expect(l.quiz.multipleChoice.map((q) => [q.n, q.options.length, q.placeholder])).toEqual([[1, 0, true], [2, 0, true]]);
    expect(l.quiz.conceptual.map((q) => q.n)).toEqual([5]);
    expect(l.quiz.trueFalse.map((q) => [q.n, q.answer])).toEqual([[3, null], [4, null]]);
    expect(l.quiz.coding).toEqual([expect.objectContaining({ n: 6, task: 'Gradient Descent\nImplement gradient descent for f(x)=x^2.' })]);
  });
  test('a test lacks exercises, takeaways and homework by design: not warned', () => {
    const said = l.warnings.map((w) => w.message);
    for (const gone of ['no "## Exercises" section', 'no "## Key Takeaways" section', 'no "## Homework" section']) expect(said).not.toContain(gone);
    // What a test should still have is still asked for, with a line number.
    expect(said).toContain('no "## Learning Objectives" section');
    for (const w of l.warnings) expect(w.line).toBeGreaterThan(0);
  });
  test('an ordinary lesson (its quiz under "## Quiz") still hears of each missing section', () => {
    const o = parseLesson(skeleton('## Quiz & Assessment\n\n### Quick Check (True/False)\n1. **Derivatives measure change.** (True)\n'));
    expect(o.warnings.map((w) => w.message)).toEqual(expect.arrayContaining(['no "## Exercises" section', 'no "## Key Takeaways" section', 'no "## Homework" section']));
    for (const w of o.warnings) expect(w.line).toBeGreaterThan(0);
  });
});

describe('terminal control sequences never survive', () => {
  test.each([
    ['CSI colour', 'Deriv\u001b[31matives\u001b[0m measure change'],
    ['OSC title (BEL)', 'Derivatives\u001b]0;pwned\u0007 measure change'],
    ['OSC 8 link (ST)', 'Derivatives\u001b]8;;http://x\u001b\\ measure change'],
    ['8-bit CSI', 'Derivatives\u009b2J measure change'],
    ['bell and backspace', 'Derivatives\u0007\u0008 measure change'],
    ['clear screen', '\u001b[2J\u001b[HDerivatives measure change'],
  ])('%s', (_name, text) => {
    const l = parseLesson(skeleton(`## Core Ideas\n\n- ${text}\n`));
    expect(l.coreIdeas[0]).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(l.coreIdeas[0].replace(/\s+/g, ' ')).toMatch(/^Deriv.*measure change$/);
  });
  test('newlines and tabs are kept', () => {
    expect(sanitize('a\tb\r\nc\rd')).toBe('a\tb\nc\nd');
  });
});

describe('section and heading classification', () => {
  test.each([
    ['Learning Objectives', 'objectives'], ['🎯 Learning Objectives', 'objectives'], ['CORE IDEAS', 'coreIdeas'],
    ['Exercises', 'exercises'], ['Mini-Project: Loss Landscape Sketch', 'miniProject'], ['Mini Project', 'miniProject'],
    ['Quiz & Assessment', 'quiz'], ['Key Takeaways', 'takeaways'], ['Additional Resources', 'resources'],
    ['Next Lesson Preview', 'next'], ['Homework', 'homework'], ['Part B: True/False (10 questions)', 'part'],
    ['Introduction: Why This Matters', 'other'], ['Best Practices (Step-by-Step)', 'other'],
  ])('%j → %s', (heading, kind) => expect(classifySection(heading)).toBe(kind));

  test.each([
    ['Quick Check (True/False)', 'trueFalse'], ['Conceptual Questions', 'conceptual'], ['Coding Challenge', 'coding'],
    ['Part C: Short Answer (8 questions)', 'conceptual'], ['Part D: Coding Problems (2 questions)', 'coding'],
  ])('%j → %s', (heading, kind) => expect(classifyQuizHeading(heading)).toBe(kind));

  test('meta line with trailing spaces and bold values', () => {
    const meta = { estimatedTime: null, difficulty: null, prerequisites: null, topic: null };
    expect(parseMeta('**Estimated Time**: 8 hours | **Difficulty**: **Beginner**  ', meta)).toBe(true);
    expect(meta).toMatchObject({ estimatedTime: '8 hours', difficulty: 'Beginner' });
  });
});

describe('odd input never throws', () => {
  test.each([
    ['no title', '## Exercises\n- Exercise 1.1.1.1: x\n'],
    ['title only', '# Lesson 1.2.3: Only a title\n'],
    ['plain heading', '# Notes\n\nSome text.\n'],
    ['unclosed fence', '# Lesson 1.2.3: T\n\n```python\n# Lesson 9: in code\n'],
    ['html', '# Lesson 1.2.3: T\n\n<div>## Exercises</div>\n'],
  ])('%s', (_name, md) => {
    const l = parseLesson(md, { fileName: 'Lesson-1.2.3-T.md' });
    expect(l.id).toBe(_name === 'plain heading' || _name === 'no title' ? '1.2.3' : '1.2.3');
    expect(l.warnings.length).toBeGreaterThan(0);
  });
});
