import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLesson } from '../../src/lesson/parse.js';
import { unplaced } from '../../src/lesson/unplaced.js';
import { findLessonFiles } from '../../src/lesson/catalog.js';
import type { Lesson } from '../../src/lesson/model.js';
import { CORPUS } from '../helpers/cli.js';

// Lessons of our own making, one per shape of the course (tests/fixtures/course/README.md), with
// what each must read as, written down by hand from the fixture, not from the loader's output.
const dir = fileURLToPath(new URL('../fixtures/course/', import.meta.url));
const read = (name: string) => {
  const file = findLessonFiles(dir).find((f) => f.includes(name))!;
  return readLesson(readFileSync(file, 'utf8'), { fileName: file });
};

interface Expect {
  exercises?: [id: string, level: number, prompt: string, code: boolean][];
  trueFalse?: [n: number, answer: boolean | null][];
  multipleChoice?: [n: number, options: number, answer: string | null][];
  conceptual?: [n: number, expected: boolean][];
  coding?: [n: number, code: boolean, solution: boolean][];
  miniProject?: string | null;
  practice?: number;
  next?: string | null;
  previous?: string | null;
}

const cases: [string, Expect][] = [
  ['5.1.1-Template-Bullets', {
    exercises: [['5.1.1.1', 1, 'Compute the slope between (0, 0) and (2, 4).', false], ['5.1.1.2', 1, "Say what the slope means for a car's position.", false], ['5.1.1.3', 2, 'Estimate the slope of x^2 at 1 with h = 0.1.', false], ['5.1.1.4', 3, 'Explain why a smaller h helps, up to a point.', false]],
    trueFalse: [[1, true], [2, false]], multipleChoice: [], conceptual: [[3, false]], coding: [[4, false, true]],
    miniProject: 'Slope Table', practice: 0, next: '5.1.2', previous: '5.1.0',
  }],
  ['5.1.2-Bold-Lines', {
    exercises: [['5.1.2.1', 1, 'Build a vector of three numbers.', true], ['5.1.2.2', 1, 'Add two vectors element by element.', false], ['5.1.2.3', 1, 'Scale a vector by 2.', true], ['5.1.2.4', 2, 'Compute a dot product.', false], ['5.1.2.5', 2, "Compute a vector's length.", false]],
    trueFalse: [[1, true], [2, false]], conceptual: [[3, true]], coding: [[4, true, false]], next: '5.1.3',
  }],
  ['5.1.3-Numbered-Sections', {
    exercises: [['5.1.3.starter-1', 1, 'Grid', true], ['5.1.3.starter-2', 1, 'Pairs', true], ['5.1.3.advanced-1', 3, 'Triangle', true]],
    trueFalse: [[1, null], [2, null]], conceptual: [[3, false], [4, false]], coding: [[5, false, false], [6, false, false]],
    miniProject: 'Times Table', practice: 2, next: '5.1.4',
  }],
  ['5.1.4-Starter-Level', {
    exercises: [
      ['5.1.4.starter-1', 1, 'Write three helpers of your choice\n- Give each a docstring\n- Test each by hand', false], ['5.1.4.starter-2', 1, 'Write a test function for them', false],
      ['5.1.4.intermediate-1', 2, 'Write all six helpers from the lesson', false], ['5.1.4.intermediate-2', 2, 'Add type hints to each', false],
      ['5.1.4.advanced-1', 3, 'Add a menu to try each helper', false],
      ['5.1.4.challenge-1', 3, 'Memory\nAdd a memory slot to the helpers.', false], ['5.1.4.challenge-2', 3, 'History\nKeep a history of calls.', false],
    ],
    miniProject: 'Helper Module', next: '5.1.5', previous: '5.1.3',
  }],
  ['5.1.5-Milestone-Bold', {
    exercises: [], multipleChoice: [[1, 4, 'B'], [2, 4, 'C']], trueFalse: [[3, false], [4, true]], conceptual: [[5, true], [6, true]], coding: [[7, false, true]], practice: 2, next: '5.1.6',
  }],
  ['5.1.6-Milestone-Questions', {
    multipleChoice: [[1, 4, 'B'], [2, 3, 'B']], conceptual: [[3, true]], coding: [[4, true, true]], next: '5.1.7',
  }],
  ['5.1.7-Template-Milestone', {
    multipleChoice: [[1, 0, null], [2, 0, null], [3, 0, null]], trueFalse: [[4, null], [5, null]], conceptual: [[6, false]], coding: [[7, false, false]], practice: 2, next: '5.1.8', previous: '5.1.6',
  }],
  ['5.1.8-Single-Backtick', {
    exercises: [['5.1.8.1', 1, 'Load a CSV file into rows.', true], ['5.1.8.2', 1, 'Count the rows.', false], ['5.1.8.3', 1, 'Print the first row.', false]],
    trueFalse: [[1, true]], coding: [[2, false, true]], next: '5.1.9',
  }],
  ['5.1.9-Sections-Test', {
    trueFalse: [[1, true], [2, false]], conceptual: [[3, true], [4, true]], coding: [[5, true, false]], practice: 4, next: '5.2.1',
  }],
  ['5.2.1-Written-Exam', {
    conceptual: [[1, true], [2, false]], coding: [[3, false, true], [4, true, false]], next: '5.2.2',
  }],
  ['5.2.3-Choice-Topics', { multipleChoice: [[1, 4, 'B'], [2, 4, 'B'], [3, 3, 'B']], coding: [[4, true, false]], next: '5.2.3' }],
  ['5.2.4-Project', { exercises: [], trueFalse: [], conceptual: [], coding: [], practice: 2, next: '5.2.5', previous: '5.2.3' }],
  ['5.2.6-Exam-Components', { multipleChoice: [[1, 3, 'B'], [2, 2, 'B']], conceptual: [[3, true]], coding: [[4, true, false]], practice: 2, next: '5.2.7', previous: '5.2.5' }],
  ['5.2.7-Plain-Answers', { exercises: [['5.2.7.1', 1, 'Floor division', true]], trueFalse: [[1, false]], conceptual: [[2, true], [3, true]], coding: [[4, true, false], [5, false, true]], next: '5.2.8' }],
  ['5.2.8-Option-True-False', { trueFalse: [[1, true], [2, false]], conceptual: [[3, true], [4, true]], coding: [[5, true, true]], next: '5.2.9' }],
  ['5.2.5-Answer-Key', { trueFalse: [[1, false], [2, true]], multipleChoice: [[3, 3, 'B']], conceptual: [[4, true]], next: '5.2.6' }],
];

const pick = (l: Lesson, e: Expect): Expect => {
  const q = l.quiz;
  const out: Expect = {};
  if (e.exercises) out.exercises = l.exercises.map((x) => [x.id, x.level, x.prompt, !!x.code]);
  if (e.trueFalse) out.trueFalse = q.trueFalse.map((x) => [x.n, x.answer]);
  if (e.multipleChoice) out.multipleChoice = q.multipleChoice.map((x) => [x.n, x.options.length, x.answer]);
  if (e.conceptual) out.conceptual = q.conceptual.map((x) => [x.n, !!x.expected]);
  if (e.coding) out.coding = q.coding.map((x) => [x.n, !!x.code, !!x.solution]);
  if (e.miniProject !== undefined) out.miniProject = l.miniProject?.title ?? null;
  if (e.practice !== undefined) out.practice = l.practice.length;
  if (e.next !== undefined) out.next = l.next?.id ?? null;
  if (e.previous !== undefined) out.previous = l.previous?.id ?? null;
  return out;
};

describe('the course shapes, one fixture each', () => {
  test('every fixture is in the table', () => {
    expect(findLessonFiles(dir).length).toBe(cases.length);
  });

  test.each(cases)('%s', (name, expected) => {
    const reading = read(name);
    expect(pick(reading.lesson, expected)).toEqual(expected);
    expect(unplaced(reading)).toEqual([]);
  });

  test('the details a learner sees', () => {
    const bullets = read('5.1.1').lesson;
    expect(bullets.quiz.coding[0]).toMatchObject({ task: 'Write a function f(x) = 3x + 1 and compute f(2).', solution: 'def f(x):\n    return 3 * x + 1\nprint(f(2))' });
    const bold = read('5.1.2').lesson;
    expect(bold.quiz.trueFalse[1].reason).toBe('any length works');
    expect(bold.quiz.coding[0].task).toBe('Write a dot product function:\n- Takes two equal-length lists\n- Returns a number');
    const milestone = read('5.1.5').lesson;
    expect(milestone.quiz.multipleChoice[0]).toMatchObject({ question: 'What does `len("abc")` return?', reason: 'three characters' });
    expect(milestone.quiz.trueFalse[0]).toMatchObject({ statement: 'Strings can be changed in place.', reason: 'they are immutable' });
    expect(milestone.quiz.conceptual.map((c) => c.expected)).toEqual(['n = int("7") * 2', '`<class \'float\'>`']);
    expect(milestone.quiz.coding[0].task).toBe('Greeter (5 points)\nWrite a program that:\n- Asks for a name\n- Prints a greeting');
    const questions = read('5.1.6').lesson;
    expect(questions.quiz.multipleChoice[0].code).toMatch(/^def f\(xs\):/);
    expect(questions.quiz.coding[0]).toMatchObject({ code: 'def total(*args):\n    pass', solution: 'def total(*args):\n    return sum(args)' });
    const template = read('5.1.7');
    expect(template.lesson.objectives).toEqual(['Explain the key idea of the module']);
    expect(template.lesson.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^the code block opened here is not closed before "## Learning Objectives"/));
    expect([...template.lesson.quiz.trueFalse, ...template.lesson.quiz.multipleChoice].every((q) => q.placeholder)).toBe(true);
    const ticks = read('5.1.3').lesson;
    expect(ticks.quiz.trueFalse[0].statement).toBe('An inner loop runs once per outer step');
    expect(ticks.quiz.conceptual[1].code).toMatch(/How many lines print\?/);
    const exam = read('5.2.1').lesson;
    expect(exam.quiz.conceptual.map((c) => c.question)).toEqual(['Explain the difference between a class and an instance.', 'Self: What does `self` refer to in a method?']);
    const exam2 = read('5.2.6').lesson;
    expect(exam2.quiz.multipleChoice[0]).toMatchObject({ question: 'When does an `else` clause after `try` run?', options: [{ label: 'A', text: 'When an exception occurs' }, { label: 'B', text: 'Only when none occurs' }, { label: 'C', text: 'Always' }] });
    expect(exam2.quiz.coding[0]).toMatchObject({ task: 'Safe Reader\n- Read a file safely (10 points)', code: 'def read_safely(path):\n    pass' });
    expect(read('5.2.7').lesson.quiz.conceptual.map((c) => c.expected)).toEqual(['`/` divides exactly | `//` rounds down', 'The remainder of a division']);
    const choice = read('5.2.3').lesson;
    expect(choice.warnings.map((w) => w.message)).toContainEqual('heading says 5.2.2; file name says 5.2.3: using 5.2.3 (fix the title)');
  });
});

(existsSync(CORPUS) ? describe : describe.skip)('the real lessons in ../shared/corpus', () => {
  test.each(readdirSync(existsSync(CORPUS) ? CORPUS : '.').filter((f) => /^Lesson-.*\.md$/.test(f)))('%s: no line that looks like an item is left unread', (file) => {
    const reading = readLesson(readFileSync(join(CORPUS, file), 'utf8'), { fileName: file });
    expect(unplaced(reading)).toEqual([]);
  });
});
