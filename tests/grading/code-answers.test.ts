import fc from 'fast-check';
import { gradeMath } from '../../src/grading/math.js';
import type { MathQuestion } from '../../src/grading/question.js';
import { question } from './seed.js';

/**
 * Issue 10, class 7: code and written-out maths for the coding challenge (quiz.8, "write f(x) = x^2
 * and compute f(3)"). Each answer's verdict was decided as a teacher would before the grader was run;
 * Python is read with Python's own semantics (^ is exclusive-or, a def without return gives None).
 */
const q8 = question('quiz.8') as MathQuestion;
const grade = (answer: string) => gradeMath(q8, answer);

describe('Python a teacher accepts', () => {
  test.each([
    ['def, return, print', 'def f(x):\n    return x**2\nprint(f(3))'],
    ['a docstring', 'def f(x):\n    """Return the square of x."""\n    return x**2\n\nprint(f(3))'],
    ['comments everywhere', '# square function\ndef f(x):\n    # x squared\n    return x ** 2  # power\n\nprint(f(3))  # 9'],
    ['the result in a name, then printed', 'def f(x):\n    return x**2\nanswer = f(3)\nprint(answer)'],
    ['print with a label', 'def f(x):\n    return x*x\nprint("f(3) =", f(3))'],
    ['an f-string of the call alone', 'def f(x):\n    return x**2\nprint(f"{f(3)}")'],
    ['an f-string with words', 'def f(x):\n    return x**2\nprint(f"f(3) = {f(3)}")'],
    ['str.format', 'def f(x):\n    return x**2\nprint("f(3) = {}".format(f(3)))'],
    ['a tab for indentation', 'def f(x):\n\treturn x**2\nprint(f(3))'],
    ['import math, math.pow', 'import math\ndef f(x):\n    return math.pow(x, 2)\nprint(f(3))'],
    ['pow', 'def f(x): return pow(x, 2)\nprint(f(3))'],
    ['lambda', 'f = lambda x: x**2\nprint(f(3))'],
    ['a bare call, as in the REPL', 'def f(x): return x*x\nf(3)'],
    ['one line, ; between statements (the piped protocol)', 'f = lambda x: x*x; print(f(3))'],
    ['another name for the function', 'def square(x):\n    return x ** 2\n\nresult = square(3)\nprint(result)'],
    ['a local name and the main guard', 'def f(x):\n    result = x ** 2\n    return result\n\nif __name__ == "__main__":\n    print(f(3))'],
    ['numpy', 'import numpy as np\ndef f(x):\n    return np.square(x)\nprint(f(3))'],
    ['the argument in a name', "def f(x):\n    return x**2\n\nx = 3\ny = f(x)\nprint(f'f({x}) = {y}')"],
    ['a markdown code block', '```python\ndef f(x):\n    return x**2\n\nprint(f(3))\n```'],
    ['a comment saying what it prints', 'def f(x):\n    return x**2\nprint(f(3))  # prints 9'],
    ['a REPL transcript with its output', '>>> def f(x):\n...     return x**2\n...\n>>> f(3)\n9'],
    ['the output shown after the code', 'def f(x):\n    return x**2\n\nprint(f(3))\n# Output: 9'],
    ['a float result', 'def f(x):\n    return float(x)**2\nprint(f(3))'],
    ['an augmented assignment', 'def f(x):\n    y = x\n    y *= x\n    return y\nprint(f(3))'],
    ['called at 3.0', 'def f(x):\n    return x ** 2\n\nprint(f(3.0))'],
    ['an assert', 'def f(x):\n    return x**2\n\nassert f(3) == 9\nprint(f(3))'],
    ['a stated value after the code', 'def f(x):\n    return x**2\nf(3) = 9'],
    ['the body typed without indentation (a prompt that drops leading spaces)', 'def f(x):\nreturn x**2\nprint(f(3))'],
    ['a label line before the code', 'In Python:\ndef f(x):\n    return x**2\nprint(f(3))'],
    ['a code block between sentences', 'Here is my code:\n```\ndef f(x):\n    return x**2\nprint(f(3))\n```\nIt prints 9.'],
    ['a lambda called where it is written', 'print((lambda x: x**2)(3))'],
    ['JavaScript', 'function f(x) { return x**2 } console.log(f(3))'],
    ['a call with a keyword argument', 'def f(x):\n    return x**2\nprint(f(x=3))'],
    ['the value said after an arrow', 'def f(x):\n    return x**2\nprint(f(3)) → 9'],
  ])('correct: %s', (_what, answer) => {
    const v = grade(answer);
    expect(v.feedback).toContain('f(3) = 9');
    expect(v.verdict).toBe('correct');
  });
});

describe('written maths a teacher accepts', () => {
  test.each([
    'f(x) = x^2, so f(3) = 3^2 = 9',
    'f(x) = x^2 → f(3) = 9',
    'f(x) = x², f(3) = 3² = 9',
    'f(x) = x*x\nf(3) = 3*3 = 9',
    'f(x) = x^2. Then f(3) = 9.',
    'f(x) = x^2 so f(3) = 9',
    'f(x) = x^2; therefore f(3) = 9',
    'f(x) = x^2 and f(3) = 9',
    'f(x) = x^2, f(3) = 3^2 = 3*3 = 9',
    'f(x)=x^2\nf(3)=9',
    'f(x) = x^2 ⇒ f(3) = 3^2 = 9',
    'The function is f(x) = x^2 and f(3) = 9',
    'f(3) = 3^2 = 9 since f(x) = x^2',
    'f(x) = x^2 so f(3) = 3^2 which is 9',
    'f(x) = x squared, so f(3) = 9',
    'My answer: f(x) = x^2, f(3) = 9',
    'f = x^2, f(3) = 9',
    'f(x) = x^2 and f of 3 is 9',
    'I would define f(x) = x^2 and evaluate it at 3 to get 9',
    "So basically I'd write def f(x): return x**2 and then call it with 3 which gives 9",
  ])('correct: %j', (answer) => {
    const v = grade(answer);
    expect(v.verdict).toBe('correct');
    expect(v.feedback).toContain('f(3) = 9');
  });
});

describe('partial: part of the task done', () => {
  test.each([
    ['a right function never called', 'def f(x):\n    return x**2', 'you did not compute f(3)'],
    ['a right lambda never called', 'f = lambda x: x**2', 'you did not compute f(3)'],
    ['called with another argument', 'def f(x):\n    return x**2\nprint(f(2))', 'f(2) = 4; the task asks for f(3)'],
    ['called at 4, bare', 'def f(x): return x**2\nf(4)', 'f(4) = 16'],
    ['the function printed, not called', 'def f(x):\n    return x**2\nprint(f)', 'you did not compute f(3)'],
    ['a value with no function', 'print(3**2)', '9 is the right value'],
    ['a worked value with no function', 'f(3) = 3^2 = 9', '9 is the right value'],
    ['names, no function', 'x = 3\ny = x**2\nprint(y)', '9 is the right value'],
    ['the formula and the value, no function', 'x**2, 9', 'x^2 is the right function'],
    ['a lambda written, never called', 'lambda x: x**2', 'you did not compute f(3)'],
    ['x from input(), not the task\'s 3 itself', 'def f(x):\n    return x**2\nx = int(input("x: "))\nprint(f(x))', 'given 3 at its input()'],
    ['called above its def', 'print(f(3))\ndef f(x):\n    return x**2', 'before its def'],
    ['the call indented under the def, after return', 'def f(x):\n    return x**2\n    print(f(3))', "inside f's own body"],
    ['the call after ; on the def\'s line', 'def f(x): return x**2; print(f(3))', "inside f's own body"],
    ['a function that prints instead of returning', 'def f(x):\n    print(x**2)\nf(3)', 'return'],
    ['a right function, then a call that does not parse', 'def f(x):\n    return x**2\nprint(f(3)', 'line 3'],
    ['a right function, then a call of a misspelt name', 'def f(x):\n    return x**2\nprint(F(3))', "name 'F' is not defined"],
  ])('partial: %s', (_what, answer, feedback) => {
    const v = grade(answer);
    expect(v.verdict).toBe('partial');
    expect(v.feedback).toContain(feedback);
  });
});

describe('incorrect, saying what the code does and why', () => {
  test.each([
    ['^ is exclusive-or in Python', 'def f(x):\n    return x^2\nprint(f(3))', ['prints 1', 'exclusive-or', '**']],
    ['^ in a lambda', 'f = lambda x: x^2\nprint(f(3))', ['prints 1', 'exclusive-or']],
    ['^ at the top level', 'x = 3\nprint(x^2)', ['prints 1', 'exclusive-or']],
    ['a def without return, one line', 'def f(x): x**2\nprint(f(3))', ['prints None', 'return']],
    ['a def without return', 'def f(x):\n    x**2\nprint(f(3))', ['prints None', 'return']],
    ['a wrong function', 'def f(x):\n    return x**2 + 3\nprint(f(3))', ['prints 12']],
    ['sqrt', 'import math\ndef f(x):\n    return math.sqrt(x)\nprint(f(3))', ['1.732']],
    ['doubling', 'def f(x):\n    return x*2\nprint(f(3))', ['prints 6']],
    ['calling an f never defined', 'print(f(3))', ["name 'f' is not defined"]],
    ['a def without its colon', 'def f(x)\n    return x**2\nprint(f(3))', ['line 1']],
    ['a stated wrong value in a comment', 'def f(x):\n    return x**2\nprint(f(3))  # prints 6', ['6', 'f(3) = 9']],
    ['a stated wrong value', 'f(x) = x^2; f(3) = 6', ['f(3) = 6', 'f(3) = 9']],
    ['a wrong step in the working', 'f(x) = x^2, so f(3) = 3*2 = 6', ['3*2']],
    ['a wrong last step', 'f(x) = x^2\nf(3) = 3^2 = 6', ['6']],
    ['a wrong worked value with no function', 'f(3) = 3^2 = 6', ['6']],
    ['a wrong value after so', 'f(x) = x^2 so f(3) = 6', ['6']],
    ['a wrong value after which is', 'f(x) = x^2 so f(3) = 3^2 which is 6', ['6']],
    ['a wrong value said under a code block', 'Here is my code:\n```\ndef f(x):\n    return x**2\nprint(f(3))\n```\nIt prints 6.', ['prints 6', 'gives 9']],
    ['a wrong value in a comment on a bare call', 'def f(x): return x**2\nf(3)  # 6', ['6', 'gives 9']],
    ['^ in a def inside a sentence', 'def f(x): return x^2 and then print(f(3))', ['exclusive-or']],
    ['^ with names, on one line', 'x = 3; y = x^2; y', ['computes 1', 'exclusive-or']],
    ['a wrong value reached in words', 'f(x) = x^2 and evaluate it at 3 to get 6', ['f(3) = 6', 'f(3) = 9']],
    ['a wrong value said after an arrow', 'def f(x):\n    return x**2\nprint(f(3)) -> 6', ['-> 6', 'gives 9']],
    ['a wrong function called above its def', 'print(f(3))\ndef f(x):\n    return x**3', ['before its def', 'is not x^2']],
    ['^ in JavaScript', 'function f(x) { return x^2 } console.log(f(3))', ['exclusive-or']],
  ])('incorrect: %s', (_what, answer, feedback) => {
    const v = grade(answer);
    expect(v.verdict).toBe('incorrect');
    for (const f of feedback) expect(v.feedback).toContain(f);
  });
});

describe('the hint or the task said back is not an answer', () => {
  test.each([
    ...(q8.hints ?? []),
    'Write a function f(x) = x^2 and compute f(3).',
  ])('incorrect: %j', (answer) => {
    expect(grade(answer).verdict).toBe('incorrect');
  });

  test("the hint's code, typed as an answer, is the learner's", () => {
    expect(grade('def f(x): return x**2\nprint(f(3))').verdict).toBe('correct');
  });
});

describe('maths notation outside code: ^ is a power', () => {
  test.each(['f(x) = x^2; f(3)', 'f(x) = x^2\nf(3)', 'x^2'])('%j is not read as Python', (answer) => {
    expect(grade(answer).feedback).not.toContain('exclusive-or');
  });
});

describe('any text of code-like pieces gets a verdict, never an exception', () => {
  const pieces = ['def', ' ', 'f', '(', ')', 'x', ':', '\n', '    ', 'return', '**', '^', '2', '3', 'print', '=', ';', '"', "'", 'f"{', '}', 'lambda', 'import', 'math', '.', 'pow', ',', '#', '>>>', '```', '→', 'so', '[', ']', 'for', 'in', 'range', 'while', 'True', '1e308', '9'.repeat(30), '{:99999999}', '.format', '%', '*', '//', '-', 'if', 'else', 'None', 'input', '\t'];
  test('random programs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }), (parts) => {
        const v = grade(parts.join(''));
        expect(['correct', 'partial', 'incorrect', 'ungraded']).toContain(v.verdict);
      }),
      { numRuns: 400, seed: 10 },
    );
  });

  test.each([
    ['a format wider than any screen', 'def f(x): return x**2\nprint("{:999999999}".format(f(3)))'],
    ['a number too large to hold', 'def f(x): return x**2\nprint(2**10**10)'],
    ['a function that calls itself for ever', 'def f(x): return f(x)\nprint(f(3))'],
  ])('%s', (_what, answer) => {
    expect(() => grade(answer)).not.toThrow();
  });
});
