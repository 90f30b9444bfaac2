import { runPython, syntaxError, Interpreter } from '../../src/grading/python.js';
import { PyError, PyUnsupported } from '../../src/grading/python-values.js';

/**
 * calc-ml's Python reader against CPython: each expected text below is what python3 printed for
 * the same program (run by hand when the table was written; the grader never spawns Python).
 */
const printed = (source: string) => {
  const run = runPython(source);
  if (run.error) throw run.error;
  return run.output.map((o) => o.text).join('');
};

describe('the Python reader prints what CPython prints', () => {
  test('arithmetic, floats, bitwise operators, functions, math, formatting, builtins', () => {
    expect(printed("print(3 ^ 2, 2 ** 10, 7 // 2, -7 // 2, -7 % 3, 7 / 2, 2 ** -1)\nprint(0.1 + 0.2, 1e16, 1e-5, 123456789.0, 1.5e300 * 10, -0.0, 2.0 ** 0.5)\nprint(True + 1, True ^ True, 3 & 5, 3 | 4, 1 << 3)\ndef f(x):\n    return x**2\nprint(f(3), f(1.5), f(-2))\nimport math\nprint(math.pow(3, 2), math.sqrt(16), math.floor(2.7), math.pi)\nprint(f\"{f(3)}\", f\"{2/3:.2f}\", f\"{7:5d}|\", f\"{'a':>3}\", f\"{3.0}\")\nprint(\"f(3) = {}\".format(f(3)), \"{:.3f}\".format(math.pi), \"{0} {0}\".format(1))\nprint(\"%d and %.2f and %s\" % (3, 2.5, \"x\"))\nprint(round(2.5), round(3.5), round(2.675, 2), round(-0.5))\nprint(int(3.9), float(3), str(9), abs(-3), max(1, 5, 2), min([4, 2]), sum([1, 2, 3]))\nprint(1, 2, sep=\"-\", end=\"!\\n\")\nprint([x**2 for x in range(4)], (1,), (1, 2), [1.5, \"a\", None, True])\nx = 3\ny = x ^ 2\nprint(y)\nprint(f)\nprint(1 < 2 < 3, 1 < 3 < 2, 3 in [1, 3], \"a\" not in \"abc\")\ng = lambda x, n=2: x ** n\nprint(g(3), g(2, 3))\nprint(10 / 4, 10 // 4.0, 2 ** 0.5 * 2 ** 0.5)\nprint(1e22, 12345678901234567.0, 0.0001, 0.00001234)\n")).toBe("1 1024 3 -4 2 3.5 0.5\n0.30000000000000004 1e+16 1e-05 123456789.0 1.5e+301 -0.0 1.4142135623730951\n2 False 1 7 8\n9 2.25 4\n9.0 4.0 2 3.141592653589793\n9 0.67     7|   a 3.0\nf(3) = 9 3.142 1 1\n3 and 2.50 and x\n2 4 2.67 0\n3 3.0 9 3 5 2 6\n1-2!\n[0, 1, 4, 9] (1,) (1, 2) [1.5, 'a', None, True]\n1\n<function f at 0x7f3a2c1e0d30>\nTrue False True False\n9 8\n2.5 2.0 2.0000000000000004\n1e+22 1.2345678901234568e+16 0.0001 1.234e-05\n");
  });
});

describe('exceptions as Python raises them', () => {
  test.each([
    ['print(1.5 ^ 2)', "TypeError: unsupported operand type(s) for ^: 'float' and 'int'"],
    ['print(1/0)', 'ZeroDivisionError: division by zero'],
    ['print(undefined_name)', "NameError: name 'undefined_name' is not defined"],
    ['import math\nprint(math.sqrt(-1))', 'ValueError: math domain error'],
    ['print("a" + 1)', 'TypeError: can only concatenate str (not "int") to str'],
    ['def f(x): return x\nprint(f(1, 2))', 'TypeError: f() takes 1 positional argument but 2 were given'],
    ['def f(x): return x\nprint(f())', "TypeError: f() missing 1 required positional argument: 'x'"],
    ['import math\nprint(math.log(0))', 'ValueError: math domain error'],
    ['print(None + 1)', "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'"],
  ])('%j', (source, shown) => {
    const run = runPython(source);
    expect(run.error).toBeInstanceOf(PyError);
    expect((run.error as PyError).shown).toBe(shown);
  });

  test('a loop that never ends is stopped by the step budget, not left to hang', () => {
    expect(runPython('while True:\n    pass').error).toBeInstanceOf(PyUnsupported);
  });

  test('modules other than math and numpy are not run', () => {
    expect(runPython('import os\nos.system("ls")').error).toBeInstanceOf(PyUnsupported);
  });
});

describe('syntax errors placed as Python places them', () => {
  test.each([
    ['def f(x)\n    return x**2', 1, "expected ':'"],
    ['print f(3)', 1, "Missing parentheses in call to 'print'. Did you mean print(...)?"],
    ['def f(x):\n    y = x\n      return y', 3, 'unexpected indent'],
    ['def f(x):\n    return x**2\nprint(f(3)', 3, "'(' was never closed"],
    ['f(3) = 9', 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?"],
  ])('%j', (source, line, message) => {
    expect(syntaxError(source)).toMatchObject({ line, message });
  });

  test('correct programs have none', () => {
    expect(syntaxError('def f(x):\n    """Square."""\n    return x**2  # power\n\nprint(f(3))')).toBeNull();
  });
});

describe('what a run records for grading', () => {
  test('calls of the learner\'s functions from the top level, with their results; prints apart when comparing', () => {
    const interp = new Interpreter('def f(x):\n    print("in f")\n    return x**2\ny = f(3)\nprint(y)');
    const run = interp.run();
    expect(run.calls).toEqual([{ name: 'f', args: [3n], result: 9n, line: 4, fn: run.globals.get('f') }]);
    expect(run.output.map((o) => o.text)).toEqual(['in f\n', '9\n']);
    const at = interp.callAt(run.globals.get('f')!, 1.5);
    expect(at).toEqual({ value: 2.25, printed: ['in f\n'] });
    expect(run.output).toHaveLength(2);
  });

  test('an expression evaluated after the run sees the program\'s functions', () => {
    const interp = new Interpreter('def f(x):\n    return x**2');
    interp.run();
    expect(interp.evaluate('f(3) + 1')).toBe(10n);
  });
});
