import { existsSync, readFileSync } from 'node:fs';
import { gradeMath, translate } from '../../src/grading/math.js';
import { mathTargetFromTask } from '../../src/grading/task.js';
import { questionsFor } from '../../src/grading/questions.js';
import { parseLesson } from '../../src/lesson/parse.js';
import type { MathQuestion } from '../../src/grading/question.js';
import { question } from './seed.js';

const q8 = question('quiz.8') as MathQuestion;

describe('quiz.8: write f(x) = x^2 and compute f(3)', () => {
  test('comes from the key', () => {
    expect(q8).toMatchObject({ kind: 'math', target: { name: 'f', param: 'x', body: 'x^2', at: 3, expected: 9 } });
  });

  test.each([
    'f(x) = x^2; f(3)',
    'f(x) = x^2\nf(3)',
    'f(x)=x*x; f(3)',
    'f(x) = x**2\nprint(f(3))',
    'def f(x): return x**2\nprint(f(3))',
    'def f(x):\n    return x ** 2\n\nf(3)',
    'f = lambda x: x**2\nprint(f(3))',
    '>>> def f(x): return x**2\n>>> f(3)',
    'f(x) = x^2, f(3)',
    'f(x) = x^2 and then f(3)',
    'f(x) = x^2\nf(3) = 9',
    'g(x) = x^2; g(3)',
    'f(t) = t^2; f(3)',
    'const f = (x) => x ** 2; console.log(f(3));',
    'function f(x) { return x * x; }\nconsole.log(f(3))',
    '```python\ndef f(x):\n    return x**2  # square\nprint(f(3))\n```',
    'f(x) = x^2; f(2); f(3)',
    'f(x) = x²; f(3)',
    'f(x) = x·x\nf(3) = 9',
  ])('correct: %j', (answer) => {
    const v = gradeMath(q8, answer);
    expect(v.verdict).toBe('correct');
    expect(v.score).toBe(1);
  });

  test.each([
    ['9', '9 is the right value, but the task asks you to write the function too'],
    ['3^2', '9 is the right value'],
    ['print(3**2)', '9 is the right value'],
    ['f(x) = x^2', 'you did not compute f(3)'],
    ['def f(x): return x**2', 'you did not compute f(3)'],
    ['x^2', 'x^2 is the right function, but the task asks you to define it and compute f(3)'],
    ['f(3) = 3^2 = 9', '9 is the right value'],
    ['x = 3\nprint(x**2)', '9 is the right value'],
    ['3² = 9', '9 is the right value'],
  ])('partial: %j', (answer, feedback) => {
    const v = gradeMath(q8, answer);
    expect(v.verdict).toBe('partial');
    expect(v.score).toBe(0.5);
    expect(v.feedback).toContain(feedback);
    expect(v.feedback).toContain('Model answer: f(x) = x^2; f(3)');
  });

  test.each([
    ['f(x) = 2x; f(3)', 'Your f(3) is 6: f(x) = 2x is not x^2.'],
    ['f(x) = x^3; f(3)', 'Your f(3) is 27: f(x) = x^3 is not x^2.'],
    ['f(x) = 3x; f(3)', 'Your f(3) is 9, but f(x) = 3x is not x^2: at x = -3 it gives -9, not 9.'],
    ['def f(x): return x*2\nprint(f(3))', 'Your code prints 6: your f(3) is 6, not 9: f(x) = x*2 is not x^2.'],
    ['def f(x):\n    return 2 * x\nf(3)', 'Your f(3) is 6, not 9: f(x) = 2 * x is not x^2.'],
    ['f(x) = x^2; f(2)', 'f(x) = x^2 is right, but you computed f(2) = 4; the task asks for f(3).'],
    ['6', 'You computed 6, but f(3) is not that'],
    ['2*3', 'You computed 2*3 = 6, but f(3) is not that'],
    ['2x', 'Your expression 2 x is not x^2: at x = 3 it gives 6, not 9.'],
    ['f = lambda x: x + 6\nprint(f(3))', 'Your code prints 9: your f(3) is 9, but f(x) = x + 6 is not x^2: at x = -3 it gives 3, not 9.'],
    ['f(x) = x^^2; f(3)', 'Your answer cannot be run: '],
    ['f(x) = ', 'Your answer cannot be run: '],
    ['import os; os.system("ls")', 'Your answer cannot be run: '],
    ['the answer is nine', 'Your answer cannot be run: '],
    ['', 'No answer was given'],
  ])('incorrect: %j', (answer, feedback) => {
    const v = gradeMath(q8, answer);
    expect(v.verdict).toBe('incorrect');
    expect(v.score).toBe(0);
    expect(v.feedback).toContain(feedback);
  });

  test('the engine\'s message is passed on for unreadable input', () => {
    expect(gradeMath(q8, 'f(x) = x +* 2; f(3)').feedback).toMatch(/Your answer cannot be run: cannot read .*: unexpected operator/);
  });
});

describe('translating code habits', () => {
  test.each([
    ['const f = x => x**2; console.log(f(3))', 'f(x) = x**2\nf(3)'],
    ['function f(x) { return x * x; }', 'f(x) = x * x'],
    ['f(x) = max(x, 2), f(3)', 'f(x) = max(x, 2)\n f(3)'],
    ['f(x) = x^2; f(3) = 9', 'f(x) = x^2\n f(3) \n 9'],
    ['f(3) = 9', ' 9'],
    ['x = 3; x**2', ' (3)**2'],
    ['>>> f(3)', 'f(3)'],
  ])('%j → %j', (input, output) => {
    expect(translate(input)).toBe(output);
  });
});

describe('coding challenges without a key: the target from the task text', () => {
  test.each([
    ['Write a function f(x) = x^2 and compute f(3).', { name: 'f', param: 'x', body: 'x^2', at: 3 }],
    ['Write a function f(x) = 2x + 1 and compute f(4).', { name: 'f', param: 'x', body: '2x + 1', at: 4 }],
    ['Write a function h(t) = 5t - t^2 and compute h(1)', { name: 'h', param: 't', body: '5t - t^2', at: 1 }],
    ['Define g(z) = z^3 - 2z, then evaluate g(-1.5).', { name: 'g', param: 'z', body: 'z^3 - 2z', at: -1.5 }],
    ['Compute p(2) for p(s) = s^2 + 1.', { name: 'p', param: 's', body: 's^2 + 1', at: 2 }],
  ])('%s', (task, target) => {
    expect(mathTargetFromTask(task)).toEqual(target);
  });

  test.each([
    'Implement central difference for f(x)=x^2.',
    'Write a loop that runs 20 iterations of gradient descent.',
    'Write a function f(x) = x^^2 and compute f(3).',
    'Write a function f(x) = x^2 and compute g(3).',
  ])('not derivable: %s', (task) => {
    expect(mathTargetFromTask(task)).toBeNull();
  });

  test('h(t) = 5t - t^2 at 1: expected computed from the task, any letter and variable', () => {
    const q: MathQuestion = { ref: 'quiz.8', kind: 'math', section: 'coding', prompt: '', line: 1, target: mathTargetFromTask('Write a function h(t) = 5t - t^2 and compute h(1)')! };
    expect(gradeMath(q, 'h(t) = 5t - t^2; h(1)').verdict).toBe('correct');
    expect(gradeMath(q, 'def h(t): return 5*t - t**2\nprint(h(1))').verdict).toBe('correct');
    expect(gradeMath(q, '4').verdict).toBe('partial');
    expect(gradeMath(q, 'h(t) = 5t + t^2; h(1)').feedback).toContain('Your h(1) is 6: h(t) = 5t + t^2 is not 5t - t^2.');
  });

  const corpus = new URL('../../../shared/corpus/Lesson-1.2.27-Functions-Limits-Continuity.md', import.meta.url);
  (existsSync(corpus) ? test : test.skip)('lesson 1.2.27 from the corpus: f(x) = 2x + 1 at 4, graded from its own text', () => {
    const lesson = parseLesson(readFileSync(corpus, 'utf8'), { fileName: 'Lesson-1.2.27-Functions-Limits-Continuity.md' });
    const q = questionsFor(lesson).find((x) => x.ref === 'quiz.8') as MathQuestion;
    expect(q).toMatchObject({ kind: 'math', target: { name: 'f', param: 'x', body: '2x + 1', at: 4 } });
    expect(gradeMath(q, 'f(x) = 2x + 1; f(4)')).toMatchObject({ verdict: 'correct', score: 1 });
    expect(gradeMath(q, 'def f(x): return 2*x + 1\nprint(f(4))').verdict).toBe('correct');
    expect(gradeMath(q, '9').verdict).toBe('partial');
    expect(gradeMath(q, 'f(x) = 2x; f(4)').feedback).toContain('Your f(4) is 8: f(x) = 2x is not 2x + 1.');
    expect(gradeMath(q, 'f(x) = 2x + 1; f(3)').verdict).toBe('incorrect');
  });
});

describe('a one-line Python def with the call after ";"', () => {
  test('is read as Python reads it: the call is part of the body, after return, and never runs (partial, saying why)', () => {
    const v = gradeMath(q8, 'def f(x): return x**2; print(f(3))');
    expect(v.verdict).toBe('partial');
    expect(v.feedback).toContain('you did not compute f(3)');
    expect(v.feedback).toContain("inside f's own body");
  });
  test('on two lines: correct', () => {
    expect(gradeMath(q8, 'def f(x): return x**2\nprint(f(3))').verdict).toBe('correct');
  });
  test('a lambda on one line with ; is two statements, as in Python: correct', () => {
    expect(gradeMath(q8, 'f = lambda x: x**2; print(f(3))').verdict).toBe('correct');
  });
});

describe("a learner's natural Python for quiz.8", () => {
  test.each([
    ['import math, then math.pow', 'import math\ndef f(x):\n    return math.pow(x, 2)\nprint(f(3))'],
    ['import math as m', 'import math as m\ndef f(x):\n    return m.pow(x, 2)\nprint(f(3))'],
    ['from math import pow', 'from math import pow\ndef f(x):\n    return pow(x, 2)\nprint(f(3))'],
    ['pow without import', 'def f(x):\n    return pow(x, 2)\nprint(f(3))'],
    ['math.pow in a lambda', 'import math\nf = lambda x: math.pow(x, 2)\nprint(f(3))'],
    ['lambda and a bare call', 'f = lambda x: x ** 2\nf(3)'],
    ['a local name before return', 'def f(x):\n    y = x ** 2\n    return y\nprint(f(3))'],
    ['two local names', 'def f(x):\n    a = x\n    b = a * a\n    return b\nprint(f(3))'],
    ['the result kept in a name', 'def f(x):\n    return x**2\nresult = f(3)\nprint(result)'],
    ['print with a label', 'def f(x):\n    return x**2\nprint("f(3) =", f(3))'],
    ['an f-string', "def f(x):\n    return x**2\nprint(f'f(3) = {f(3)}')"],
    ['the body typed without indentation', 'def f(x):\nreturn x**2\nprint(f(3))'],
    ['a blank line between def and call', 'def f(x):\n    return x**2\n\n\nprint(f(3))'],
    ['x = 3 before the def keeps f general', 'x = 3\ndef f(x):\n    return x*x\nprint(f(x))'],
    ['a Windows line end', 'def f(x):\r\n    return x**2\r\nprint(f(3))'],
  ])('correct: %s', (_what, answer) => {
    const v = gradeMath(q8, answer);
    expect(v.feedback).toMatch(/^Correct: f\(x\) = .*, and f\(3\) = 9\./);
    expect(v.verdict).toBe('correct');
  });

  test.each([
    ['import math\ndef f(x):\n    return math.pow(x, 2)', 'you did not compute f(3)'],
    ['def f(x):\n    y = x**2\n    return y', 'you did not compute f(3)'],
    ['f = lambda x: x**2', 'you did not compute f(3)'],
  ])('right but never called is partial: %j', (answer, feedback) => {
    const v = gradeMath(q8, answer);
    expect(v.verdict).toBe('partial');
    expect(v.feedback).toContain(feedback);
  });

  test.each([
    ['import math\ndef f(x):\n    return math.pow(x, 3)\nprint(f(3))', 'Your code prints 27.0: your f(3) is 27, not 9'],
    ['def f(x):\n    y = 2 * x\n    return y\nprint(f(3))', 'your f(3) is 6, not 9: f(x) = 2 * x is not x^2'],
    ['def f(x):\n    if x > 0:\n        return x**2\nprint(f(3))', 'at x = -3 it gives None, not 9'],
    ['import os\nos.system("ls")', 'Your answer cannot be run'],
  ])('incorrect: %j', (answer, feedback) => {
    const v = gradeMath(q8, answer);
    expect(v.verdict).toBe('incorrect');
    expect(v.feedback).toContain(feedback);
  });
});

describe('a task whose formula calc-ml cannot run', () => {
  test('is read as a coding target (no math engine at start-up), and its answers are kept for self-assessment', async () => {
    const { readTaskTarget } = await import('../../src/grading/task-text.js');
    const target = readTaskTarget('Write a function f(x) = x^^2 and compute f(3).')!;
    expect(target).toEqual({ name: 'f', param: 'x', body: 'x^^2', at: 3 });
    const q: MathQuestion = { ref: 'quiz.8', kind: 'math', section: 'coding', prompt: '', line: 1, target };
    const v = gradeMath(q, 'f(x) = x^2; f(3)');
    expect(v.verdict).toBe('ungraded');
    expect(v.feedback).toMatch(/cannot run this task's formula \(x\^\^2\)/);
  });
});
