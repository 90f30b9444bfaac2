import { readFileSync } from 'node:fs';
import { parseLesson } from '../../src/lesson/parse.js';
import { outlineLesson, titleMinutes, readingMinutes } from '../../src/lesson/outline.js';
import { planSteps, findStep, minutesLabel, formatMinutes } from '../../src/tutor/plan.js';
import { chooseLab, functionIn, labCommand } from '../../src/tutor/lab-choice.js';
import { parseCommand } from '../../src/tutor/commands.js';
import { paginate, pageMove } from '../../src/tutor/pager.js';

const fixture = readFileSync(new URL('./fixtures/Lesson-4.2.7-Step-Sizes-in-Practice.md', import.meta.url), 'utf8');
const seedText = readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.md', import.meta.url), 'utf8');

describe('the outline: every ## section, in the author\'s order', () => {
  const outline = outlineLesson(fixture);

  test('titles, kinds and lines of the sections as written', () => {
    expect(outline.map((s) => [s.title, s.kind])).toEqual([
      ['Learning Objectives', 'objectives'],
      ['Introduction: Why This Matters', 'other'],
      ['1. Concept Foundations', 'other'],
      ['2. Worked Examples', 'other'],
      ['Core Ideas', 'coreIdeas'],
      ['Best Practices (Step-by-Step)', 'other'],
      ['Common Pitfalls', 'other'],
      ['Exercises', 'exercises'],
      ['Mini-Project: Rate Finder', 'miniProject'],
      ['Quiz & Assessment', 'quiz'],
      ['Key Takeaways', 'takeaways'],
      ['Additional Resources', 'resources'],
      ['Next Lesson Preview', 'next'],
      ['Homework', 'homework'],
    ]);
    const lines = fixture.split('\n');
    for (const s of outline) expect(lines[s.line - 1]).toMatch(/^## /);
  });

  test('a section keeps its subsections and code, and not the rule that ends it', () => {
    const foundations = outline[2];
    expect(foundations.minutes).toBe(20);
    expect(foundations.markdown).toMatch(/^### 1\.1 One step downhill/);
    expect(foundations.markdown).toContain('```python\ndef step(x, lr):');
    expect(foundations.markdown).toContain('### 1.2 Too small, too large');
    expect(foundations.markdown).not.toMatch(/---\s*$/);
  });

  test('a heading inside a code fence is code, not a section', () => {
    const text = '# Lesson 9.1.1: T\n\n## Introduction\n\n```python\n## not a section\nx = 1\n```\n\n## Homework\n\n- [ ] a\n';
    expect(outlineLesson(text).map((s) => s.title)).toEqual(['Introduction', 'Homework']);
    expect(outlineLesson(text)[0].markdown).toContain('## not a section');
  });

  test('CRLF and control sequences are the same lesson', () => {
    const crlf = outlineLesson(fixture.replace(/\n/g, '\r\n').replace('Every model', 'Every \u001b[31mmodel'));
    expect(crlf.map((s) => s.title)).toEqual(outline.map((s) => s.title));
    expect(crlf[1].markdown).not.toContain('\u001b');
  });
});

describe('minutes from a section title', () => {
  test.each([
    ['1. Concept Foundations (20 min)', '1. Concept Foundations', 20],
    ['4. Nested Loops with Conditionals (75 min)', '4. Nested Loops with Conditionals', 75],
    ['Starter Exercises (40 minutes)', 'Starter Exercises', 40],
    ['Component 1: Written Exam (2 hours / 20 points)', 'Component 1: Written Exam (20 points)', 120],
    ['Review (1.5 hours)', 'Review', 90],
    ['Warm-up (~10 min)', 'Warm-up', 10],
    ['Introduction: Why This Matters', 'Introduction: Why This Matters', null],
    ['Part C: Short Answer (5 questions)', 'Part C: Short Answer (5 questions)', null],
  ])('%s', (heading, title, minutes) => expect(titleMinutes(heading)).toEqual({ title, minutes }));

  test.each([
    ['one two three', 1],
    [Array(1000).fill('word').join(' '), 5],
    ['```python\n' + Array(60).fill('x = 1').join('\n') + '\n```', 4],
  ])('reading time of %#', (md, n) => expect(readingMinutes(md)).toBe(n));

  test.each([[20, '20 min'], [60, '60 min'], [90, '1.5 h'], [300, '5 h']])('%d → %s', (m, s) => expect(formatMinutes(m)).toBe(s));
});

describe('the plan walks every section in order', () => {
  const lesson = parseLesson(fixture);
  const steps = planSteps(lesson, outlineLesson(fixture));

  test('reading steps where the tutor has no step of its own, in the author\'s order', () => {
    expect(steps.map((s) => s.id)).toEqual([
      'objectives', 'read:introduction-why-this-matters', 'read:1-concept-foundations', 'read:2-worked-examples',
      'core-ideas', 'read:best-practices-step-by-step', 'read:common-pitfalls',
      'exercise:4.2.7.1', 'exercise:4.2.7.2', 'exercise:4.2.7.3', 'mini-project', 'quiz', 'takeaways', 'resources', 'next-lesson', 'homework', 'finish',
    ]);
  });

  test('the mini-project keeps the author\'s text and minutes', () => {
    const mp = steps.find((s) => s.id === 'mini-project')!;
    expect(mp.markdown).toMatch(/^Write a function that tries rates[\s\S]*def find_rate/);
    expect(minutesLabel(mp)).toBe('30 min');
  });

  test('minutes: the author\'s, else estimated (~)', () => {
    const label = (id: string) => minutesLabel(steps.find((s) => s.id === id)!);
    expect(label('read:1-concept-foundations')).toBe('20 min');
    expect(label('read:2-worked-examples')).toBe('15 min');
    expect(label('read:introduction-why-this-matters')).toBe('~1 min');
    expect(label('quiz')).toBeNull();
  });

  test.each([
    ['introduction', 'read:introduction-why-this-matters'], ['1', 'read:1-concept-foundations'],
    ['common pitfalls', 'read:common-pitfalls'], ['resources', 'resources'], ['next', 'next-lesson'],
    ['reading', 'read:introduction-why-this-matters'], ['read:2-worked-examples', 'read:2-worked-examples'],
  ])('--step %s → %s', (name, id) => expect(steps[findStep(name, steps, '4.2.7')].id).toBe(id));

  test('without an outline: the model\'s steps, as before', () => {
    expect(planSteps(lesson).map((s) => s.id)).toEqual([
      'objectives', 'core-ideas', 'exercise:4.2.7.1', 'exercise:4.2.7.2', 'exercise:4.2.7.3', 'mini-project', 'quiz', 'takeaways', 'homework', 'finish',
    ]);
  });

  test('a section whose items could not be read is read, not dropped', () => {
    const text = '# Lesson 9.1.2: T\n\n## Exercises\n\nTry these at home: bake bread.\n\n## Homework\n\n- [ ] a\n';
    const plan = planSteps(parseLesson(text), outlineLesson(text));
    expect(plan.map((s) => [s.id, s.kind])).toEqual([['read:exercises', 'reading'], ['homework', 'homework'], ['finish', 'finish']]);
  });

  test('the bundled lesson gains its resources and next-lesson preview, in place', () => {
    const seed = parseLesson(seedText);
    const ids = planSteps(seed, outlineLesson(seedText)).map((s) => s.id);
    expect(ids.slice(-5)).toEqual(['takeaways', 'resources', 'next-lesson', 'homework', 'finish']);
    expect(ids.filter((id) => id.startsWith('exercise:'))).toHaveLength(9);
  });

  test('a milestone test: its parts are one quiz step where the first part stands; other parts and guides are read', () => {
    const text = [
      '# Lesson 7.3.9: MILESTONE TEST - Optimisation', '', '## Overview', '', 'Ninety minutes, four parts.', '',
      '## Part A: Multiple Choice (2 questions)', '', '1. Which rate diverges on x^2?', '   a) 0.1', '   b) 1.5', '', '**Answer**: b', '',
      '## Part B: True/False (1 question)', '', '1. Descent needs a gradient. (True)', '',
      '## Part E: Reflection', '', 'Write a paragraph on what you found hard.', '',
      '## Scoring Guide', '', '- 80% to pass', '',
    ].join('\n');
    const plan = planSteps(parseLesson(text), outlineLesson(text));
    expect(plan.map((s) => s.id)).toEqual(['read:overview', 'quiz', 'read:part-e-reflection', 'read:scoring-guide', 'finish']);
  });

  test('two sections of one title get two ids', () => {
    const text = '# Lesson 9.1.3: T\n\n## Notes\n\na\n\n## Notes\n\nb\n';
    expect(planSteps(parseLesson(text), outlineLesson(text)).map((s) => s.id)).toEqual(['read:notes', 'read:notes-2', 'finish']);
  });
});

describe('a lab chosen from the exercise text', () => {
  test.each([
    // [exercise, lesson title, lesson function, kind, expr]
    ['Explain effect of large learning rate.', 'Gradient Descent Basics', 'x^2', 'descend', 'x^2'],
    ['Implement gradient descent for f(x)=x^2.', 'Gradient Descent Basics', null, 'descend', 'x^2'],
    ['Plot loss over iterations.', 'Gradient Descent Basics', 'x^2', 'descend', 'x^2'],
    ['Describe a stopping criterion.', 'Gradient Descent Basics', 'x^2', 'descend', 'x^2'],
    ['Explain why we move against the gradient.', 'Gradient Descent Basics', 'x^2', 'descend', 'x^2'],
    ['Discuss local minima vs saddle points.', 'Gradient Descent Basics', 'x^2', 'descend', 'x^4 - 3x^2 + x'],
    ['Implement numeric gradient for f(x)=x^2.', 'Numerical Differentiation', null, 'grad', 'x^2'],
    ['Compare forward vs central difference.', 'Numerical Differentiation', 'x^2', 'grad', 'x^2'],
    ['Explain why step size matters.', 'Numerical Differentiation', 'x^2', 'grad', 'x^2'],
    ['Explain why step size matters.', 'Learning Rate and Convergence', 'x^2', 'descend', 'x^2'],
    ['Discuss floating-point limitations.', 'Numerical Differentiation', 'x^2', 'grad', 'x^2'],
    ['Estimate the derivative of f(x)=x^3 with a central difference.', 'Step Sizes in Practice', 'x^2', 'grad', 'x^3'],
    ['Give an example of a discontinuity.', 'Functions, Limits, Continuity', null, 'plot', '1/(x - 1)'],
    ['Explain a limit with a picture.', 'Functions, Limits, Continuity', null, 'plot', 'sin(x)/x'],
    ['Discuss limits at infinity.', 'Functions, Limits, Continuity', null, 'plot', 'x/(x + 1)'],
    ['Sketch the curve of f(x) = 2x + 1 and its slope.', 'Lines', null, 'plot', '2x + 1'],
  ])('%s (%s) → %s', (exercise, title, fn, kind, expr) => {
    const lab = chooseLab(exercise, title, fn);
    expect(lab?.kind).toBe(kind);
    expect(lab?.expr).toBe(expr);
  });

  test.each([
    ['Create a vector with 4 features and print it.', 'Linear Algebra for ML', null],
    ['Compare batch vs stochastic updates.', 'Gradient Descent Basics', 'x^2'],
    ['Plot the residuals.', 'Regression', null],
    ['What prints? Does it print or not?', 'The if Statement', null],
  ])('no lab fits: %s', (exercise, title, fn) => expect(chooseLab(exercise, title, fn)).toBeNull());

  test('rates side by side when the exercise is about the rate; one rate otherwise', () => {
    expect(chooseLab('Explain effect of large learning rate.', '', 'x^2')).toMatchObject({ rates: [0.05, 0.3, 0.9, 1.05] });
    expect(chooseLab('Implement gradient descent for f(x)=x^2.', '', null)).toMatchObject({ rates: [0.1] });
  });

  test.each([
    ['Write a function f(x) = 2x + 1 and compute f(4).', '2x + 1'],
    ['Implement gradient descent for f(x)=x^2.', 'x^2'],
    ['Numeric gradient for f(x,y)=x^2+y^2.', null],
    ['100 steps of gradient descent on f(x)=x^2 converge.', 'x^2'],
    ['Plot f(x) = sin(x) + x^2 over one period.', 'sin(x) + x^2'],
    ['No function here.', null],
  ])('the function in %s', (text, expr) => expect(functionIn(text)).toBe(expr));

  test('the lab as a command to run outside the lesson', () => {
    expect(labCommand({ kind: 'grad', expr: 'x^3', at: 3 })).toBe('calc-ml grad "x^3" --at 3');
    expect(labCommand({ kind: 'descend', expr: 'x^2', start: 3, rates: [0.1, 1.1] })).toBe('calc-ml descend "x^2" --start 3 --lr 0.1,1.1 --tol 0.0001');
    expect(labCommand({ kind: 'plot', expr: 'x^2', from: -4, to: 4, tangent: 1 })).toBe('calc-ml plot "x^2" --from -4 --to 4 --tangent 1');
  });
});

describe('commands typed at a prompt', () => {
  test.each([
    [':skip', { name: 'skip', arg: null }], [' :SKIP ', { name: 'skip', arg: null }], [':back', { name: 'back', arg: null }],
    [':b', { name: 'back', arg: null }], [':lab', { name: 'lab', arg: null }], [':lab descend', { name: 'lab', arg: 'descend' }],
    [':plan', { name: 'plan', arg: null }], [':quit', { name: 'quit', arg: null }], [':q', { name: 'quit', arg: null }],
    [':help', { name: 'help', arg: null }], [':?', { name: 'help', arg: null }], [': plan', { name: 'plan', arg: null }],
    [':frobnicate', { name: 'unknown', text: ':frobnicate' }],
  ])('%j is a command', (reply, cmd) => expect(parseCommand(reply)).toEqual(cmd));

  test.each([['skip'], ['the gradient: it points uphill'], [''], ['?'], ['x = x - lr * grad'], [':)'], ['3:00'], ['::']])('%j is an answer', (reply) => {
    expect(parseCommand(reply)).toBeNull();
  });
});

describe('pages of a long section', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

  test.each([[5, 10, 1], [10, 10, 1], [11, 10, 2], [25, 10, 3], [0, 10, 1]])('%d lines at %d rows: %d pages', (n, rows, pages) => {
    const p = paginate(lines(n), rows);
    expect(p).toHaveLength(pages);
    expect(p.every((page) => page.length <= rows)).toBe(true);
    expect(p.flat()).toEqual(lines(n));
  });

  test('a page ends between paragraphs when it can, and no page starts blank', () => {
    const text = [...lines(8), '', ...lines(6)];
    const p = paginate(text, 10);
    expect(p[0]).toEqual(lines(8));
    expect(p[1]).toEqual(lines(6));
  });

  test.each([['', 'next'], ['  ', 'next'], ['b', 'back'], ['B', 'back'], ['back', 'back'], ['x', null], ['bb', null]])('%j at a page → %s', (reply, move) => {
    expect(pageMove(reply)).toBe(move);
  });
});
