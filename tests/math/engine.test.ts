import { create, log2Dependencies, signDependencies, roundDependencies, maxDependencies, minDependencies } from 'mathjs/number';
import { compileExpression, compileExpression2, differentiate, runProgram } from '../../src/math/engine.js';
import { NUMBER_FACTORIES } from '../../src/math/factories.js';
import { caretDetail } from '../../src/math/source.js';
import { UserError } from '../../src/errors.js';

function refusal(input: string, variable?: string): UserError {
  try {
    compileExpression(input, { variable });
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error(`accepted: ${input}`);
}

describe('compileExpression evaluates real numbers', () => {
  test.each([
    ['x^2', 3, 9],
    ['x**2', 3, 9],
    ['2x', 4, 8],
    ['3x^2', 2, 12],
    ['3x**2 + 2 x', 1, 5],
    ['math.sin(x)', 0, 0],
    ['np.exp(x)', 0, 1],
    ['numpy.log(x)', Math.E, 1],
    ['pi x', 1, Math.PI],
    ['log(8, 2)', 0, 3],
    ['max(x, 1) + min(x, 1)', 3, 4],
    ['pow(x, 3)', 2, 8],
    ['cbrt(x)', -8, -2],
    ['abs(x) + sign(x) + floor(x) + ceil(x) + round(x)', -1.5, 1.5 - 1 - 2 - 1 - 2],
  ])('%s at %p = %p', (text, x, y) => {
    expect(compileExpression(text).evaluate(x)).toBeCloseTo(y, 12);
  });

  test.each([
    ['sqrt(x)', -1], ['log(x)', -1], ['log(x)', 0], ['x/x', 0], ['1/x', 0], ['(x)^(1/3)', -8], ['exp(x)', 1000], ['asin(x)', 2],
  ])('%s at %p is a gap (NaN), never complex or infinite', (text, x) => {
    expect(compileExpression(text).evaluate(x)).toBeNaN();
  });

  test('--var chooses the variable', () => {
    expect(compileExpression('5t - t^2', { variable: 't' }).evaluate(2)).toBe(6);
  });

  test('text is the normalised expression', () => {
    expect(compileExpression('x ** 2').text).toBe('x^2');
    expect(compileExpression('np.exp(x)').text).toBe('exp(x)');
  });
});

describe('compileExpression refuses what it should not run, each with its message', () => {
  const hostile: [string, RegExp][] = [
    ['import({}, {override:true})', /^import is not available in calc-ml expressions$/],
    ['createUnit("foo")', /^createUnit is not available/],
    ['evaluate("1")', /^evaluate is not available/],
    ['parse("x")', /^parse is not available/],
    ['simplify("x")', /^simplify is not available/],
    ['derivative("x^2","x")', /^derivative is not available/],
    ['resolve(x)', /^resolve is not available/],
    ['compile("x")', /^compile is not available/],
    ['config({})', /^config is not available/],
    ['x.constructor', /^reading a property \(\.constructor\) is not allowed/],
    ['f["constructor"]', /^reading a property \(\.constructor\) is not allowed/],
    ['cos.constructor("return process")()', /^reading a property \(\.constructor\) is not allowed/],
    ['f(x)=x; f', /^write a single expression/],
    ['f(x) = x^2', /^defining a function is not needed here/],
    ['[1,2]', /^lists and matrices/],
    ['"abc"', /^text in quotes \("abc"\) is not a number/],
    ['x = 3', /^assignment \(=\) is not allowed/],
    ['1e400', /too large/],
    ['y', /^unknown variable y; the variable is x \(use --var y to plot in y\)$/],
    ['foo(x)', /^unknown function foo/],
    ['sine(x)', /^unknown function sine; did you mean sin\?/],
    ['ln(x)', /^unknown function ln; use log\(x\)/],
    ['sin', /^sin is a function: call it with an argument, like sin\(x\)/],
    ['sin(x, 2)', /^sin takes 1 argument, not 2/],
    ['x > 2', /operator > is not available|comparisons/],
    ['x!', /operator ! is not available/],
    ['x mod 2', /operator mod is not available/],
    ['{a: 1}', /^objects/],
    ['true', /^true is not a number/],
    ['x ? 1 : 2', /not allowed/],
    ['', /^the expression is empty/],
    ['   ', /^the expression is empty/],
    ['x'.repeat(10 * 1024), /^the expression is too long \(10240 characters; the limit is 500\)$/],
    ['('.repeat(5000) + 'x' + ')'.repeat(5000), /too long/],
    ['('.repeat(200) + 'x' + ')'.repeat(200), /nested more than 50 deep/],
  ];
  test.each(hostile)('%s', (input, message) => {
    const e = refusal(input);
    expect(e.message).toMatch(message);
    expect(e.exitCode).toBe(2);
  });

  test.each([
    ['-'.repeat(490) + 'x', 1],
    [Array(240).fill('x').join('^'), 1],
    ['('.repeat(50) + 'x' + ')'.repeat(50), 2],
    ['sqrt('.repeat(45) + 'x' + ')'.repeat(45), 1],
  ])('long chains within the limits parse without overflowing the stack (%#)', (text, x) => {
    expect(Number.isFinite(compileExpression(text).evaluate(x))).toBe(true);
  });

  test('differentiate re-checks the text of an Expr it did not make', async () => {
    const forged = { text: 'import({}, {override: true})', variable: 'x', evaluate: () => 0 };
    await expect(differentiate(forged)).rejects.toThrow(/^import is not available/);
  });

  test('a refusal never ran the code: process is untouched', () => {
    expect(() => compileExpression('cos.constructor("process.exit(7)")()').evaluate(1)).toThrow(UserError);
  });

  test('unparsable input names the column and puts a caret under it', () => {
    const e = refusal('x^^2');
    expect(e.message).toBe('cannot read "x^^2": unexpected operator at column 3');
    expect(e.detail).toEqual(['x^^2', '  ^']);
  });

  test.each([
    ['x +', 'unexpected end of expression at column 4', '   ^'],
    ['(x + 1', 'a closing ) is missing at column 7', '      ^'],
    ['x + 1)', 'this ) has no matching ( at column 6', '     ^'],
    ['x *** 2', 'unexpected operator at column 5', '    ^'],
  ])('%s: %s', (input, reason, caret) => {
    const e = refusal(input);
    expect(e.message).toBe(`cannot read "${input}": ${reason}`);
    expect(e.detail).toEqual([input, caret]);
  });

  test('unknown names get a caret under them', () => {
    expect(refusal('x + 2y').detail).toEqual(['x + 2y', '     ^']);
  });

  test('--var must be a plain name, not a constant', () => {
    expect(refusal('x', 'pi').message).toMatch(/constant/);
    expect(refusal('x', '1x').message).toMatch(/--var must be a name/);
  });
});

describe('differentiate', () => {
  test.each([
    ['x^2', 3, 6, '2 * x'],
    ['x**3 - 3x', 2, 9, undefined],
    ['sin(x)', 0, 1, 'cos(x)'],
    ['tan(x)', 0, 1, undefined],
    ['log2(x)', 1, 1 / Math.LN2, undefined],
    ['exp(-x^2)', 1, -2 * Math.exp(-1), undefined],
    ['sqrt(x)', 4, 0.25, undefined],
  ])('d/dx %s at %p = %p', async (text, x, d, shown) => {
    const de = await differentiate(compileExpression(text));
    expect(de.evaluate(x)).toBeCloseTo(d, 12);
    if (shown) expect(de.text).toBe(shown);
    // The text reads back as the same function.
    expect(compileExpression(de.text.replace(/sec\(x\)\^2/, '1/cos(x)^2')).evaluate(x)).toBeCloseTo(d, 12);
  });

  test('in another variable', async () => {
    expect((await differentiate(compileExpression('5t - t^2', { variable: 't' }))).evaluate(1)).toBe(3);
  });

  test.each(['floor(x)', 'max(x, 1)', 'sign(x)'])('%s has no symbolic derivative: said so', async (text) => {
    await expect(differentiate(compileExpression(text))).rejects.toThrow(/cannot take the derivative of \w+\(\.\.\.\) symbolically/);
  });
});

describe('runProgram', () => {
  test.each([
    ['f(x) = x^2; f(3)', ['f'], [9]],
    ['f(x) = x^2\nf(3)', ['f'], [9]],
    ['h(t) = 5t - t^2; h(2); h(1) + 1', ['h'], [6, 5]],
    ['f(x) = x**2; g(x) = 2 f(x) + 1; g(3)', ['f', 'g'], [19]],
    ['def f(x): return x**2\nprint(f(3))', ['f'], [9]],
    ['def f(x):\n    return x**2\nf(3)', ['f'], [9]],
    ['f = lambda x: x**2; f(3)', ['f'], [9]],
    ['def f(x):\r\n    return x**2\r\nf(3)\r\n', ['f'], [9]],
    ['2 + 3; sqrt(16)', [], [5, 4]],
  ])('%j', (input, names, values) => {
    const p = runProgram(input);
    expect(p.functions.map((f) => f.name)).toEqual(names);
    expect(p.values.map((v) => v.value)).toEqual(values);
  });

  test('functions are Exprs of their parameter', () => {
    const p = runProgram('h(t) = 5t - t^2');
    expect(p.functions[0].param).toBe('t');
    expect(p.functions[0].body.evaluate(1)).toBe(4);
    expect(p.values).toEqual([]);
  });

  test('values keep their source', () => {
    expect(runProgram('f(x)=x^2; f(3)').values).toEqual([{ source: 'f(3)', value: 9 }]);
  });

  test.each([
    ['f(x) = x^2; g(3)', /^unknown function g/],
    ['f(x) = f(x) + 1', /^unknown function f/],
    ['f(x) = y^2', /^unknown variable y; the function's parameter is x/],
    ['x^2', /^unknown variable x; to use it, define a function first/],
    ['f(x) = x^2; f', /^f is a function: call it/],
    ['f(x) = import({})', /^import is not available/],
    ['sin(x) = x', /^sin is a built-in name/],
    ['f(x) = x^^2', /^cannot read "f\(x\) = x\^\^2": unexpected operator at column 10$/],
    ['', /^the program is empty/],
    ['f(x) = [1]', /^lists and matrices/],
    ['f(x) = x.constructor', /^reading a property/],
  ])('%j is refused', (input, message) => {
    expect(() => runProgram(input)).toThrow(message);
  });

  test('the caret points into the statement', () => {
    try {
      runProgram('f(x) = x^2; g(x) = x^^2');
      throw new Error('accepted');
    } catch (e) {
      expect((e as UserError).detail).toEqual([' g(x) = x^^2', '          ^']);
    }
  });
});

describe('caretDetail: a long input is cut to a window that keeps the caret on its place', () => {
  const long = 'x+'.repeat(100) + '?' + '+x'.repeat(100); // the "?" is at column 201
  test.each([
    ['short, caret inside', 'x^^2', 3, 40, ['x^^2', '  ^']],
    ['short, no column', 'x^^2', undefined, 40, ['x^^2']],
    ['long, no column: cut at the end', 'y'.repeat(100), undefined, 40, ['y'.repeat(37) + '...']],
  ] as const)('%s', (_name, text, column, width, lines) => {
    expect(caretDetail(text, column, width)).toEqual(lines);
  });

  test.each([
    ['near the start', 3],
    ['in the middle', 201],
    ['near the end', 399],
    ['just past the end', 402],
  ])('caret %s of a 401-character input, at 40 and 78 columns', (_name, column) => {
    for (const width of [40, 78]) {
      const [shown, caret] = caretDetail(long, column, width);
      expect(shown.length).toBeLessThanOrEqual(width);
      expect(caret.length).toBeLessThanOrEqual(width);
      const at = caret.length - 1;
      // The caret points at the same character as in the whole input.
      expect(shown[at] ?? '').toBe(long[column - 1] ?? '');
      if (column === 201) expect(shown[at]).toBe('?');
    }
  });
});

describe("names from Object.prototype are not functions (the allow-lists have no prototype)", () => {
  test.each([
    ['toString(x)', 'toString is not available in calc-ml expressions'],
    ['constructor(x)', 'constructor is not available in calc-ml expressions'],
    ['valueOf', 'valueOf is not available in calc-ml expressions'],
    ['__proto__', '__proto__ is not available in calc-ml expressions'],
    ['hasOwnProperty(x)', 'hasOwnProperty is not available in calc-ml expressions'],
    ['isPrototypeOf(x) + 1', 'isPrototypeOf is not available in calc-ml expressions'],
    ['round(x, -1)', "round's second argument is a number of decimals, a whole number from 0 to 15 (not -1)"],
    ['round(x, 1/2)', "round's second argument is a number of decimals, a whole number from 0 to 15 (not 0.5)"],
  ])('%s: refused with "%s"', (input, message) => {
    expect(refusal(input).message).toBe(message);
  });

  test('in a program, calling toString is refused, not a crash', () => {
    expect(() => runProgram('f(x) = toString(x); f(3)')).toThrow(/toString is not available/);
  });

  test.each(['valueOf(x) = x^2; valueOf(3)', 'def constructor(x): return x'])('a function named after Object (%s) is refused as a built-in name', (program) => {
    expect(() => runProgram(program)).toThrow(/is a built-in name; call your function something else/);
  });

  test.each(['constructor', 'toString'])('--var %s is refused as a reserved name', (name) => {
    expect(refusal('x', name).message).toBe(`--var ${name}: ${name} is a reserved name; choose another, like x or t`);
  });

  test('round(x, x) has no value where mathjs refuses the decimals: a gap, not a crash', () => {
    const e = compileExpression('round(x, x)');
    expect(e.evaluate(2)).toBe(2);
    expect(e.evaluate(-1)).toBeNaN();
  });
});

describe('work is bounded, not only length', () => {
  const doubling = (levels: number) =>
    ['f0(x) = x', ...Array.from({ length: levels }, (_, i) => `f${i + 1}(x) = f${i}(x) + f${i}(x)`), `f${levels}(1)`].join('; ');

  test('definitions whose cost doubles per line are refused before anything runs, at once', () => {
    const t0 = Date.now();
    expect(() => runProgram(doubling(40))).toThrow(/would call your functions more than 100,000 times for one value/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test.each([[10, 1024], [15, 32768]])('%d doubling levels are still fine (f(1) = %d)', (levels, value) => {
    expect(runProgram(doubling(levels)).values[0].value).toBe(value);
  });

  const nested = (n: number) => 'sin('.repeat(n) + 'x' + ')'.repeat(n);
  test('the derivative of sin(sin(...)) 25 deep is refused at once, with the reason', async () => {
    const t0 = Date.now();
    await expect(differentiate(compileExpression(nested(25)))).rejects.toThrow(/is too large to work out symbolically \(about \d+ terms; the most is 160\)/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test.each(['3x^4 - 2x^3 + x^2 - 5x + 7 + 2x^5 - x^6 + 4x^7', 'sin(x)*cos(x)*exp(x)*log(x)', '(x^2+1)^3/(x-1)^2', nested(6)])(
    'an ordinary expression still has its derivative: %s',
    async (text) => {
      const d = await differentiate(compileExpression(text));
      expect(Number.isFinite(d.evaluate(2))).toBe(true);
    },
  );
});

describe("values are mathjs's own, to the last bit, however the engine evaluates them", () => {
  // The engine evaluates most trees with closures of its own around mathjs's functions
  // (directCode); mathjs's own evaluate, over the same factories, is the reference.
  const reference = create({ ...NUMBER_FACTORIES, log2Dependencies, signDependencies, roundDependencies, maxDependencies, minDependencies });
  reference.import({ floor: (x: number) => Math.floor(x), ceil: (x: number) => Math.ceil(x) });
  const want = (code: { evaluate(scope: object): unknown }, scope: object): number => {
    let v: unknown;
    try {
      v = code.evaluate(scope);
    } catch {
      return NaN;
    }
    return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
  };
  const xs = [-7.25, -3, -1, -0.5, -1e-9, 0, 1e-300, 0.1, 0.5, 1, 2, Math.E, Math.PI, 3, 10.5, 1e6, -1e200];
  test.each([
    'x^2', '3x^2 - 2x + 1', '-x^3 + x/7', 'x^(1/3)', '2^x', 'x^-2', '(x - 1)^2 + 2', 'e^x', 'pi*x + tau', 'exp(x) / (1 + exp(x))',
    'sin(x) + cos(2x) - tan(x/3)', 'asin(x) + acos(x) + atan(x)', 'sinh(x) - cosh(x) + tanh(x)', 'log(x) + log10(x) + log2(x)',
    'log(x, 3)', 'sqrt(x) + cbrt(x) + abs(x)', 'sign(x) * floor(x) + ceil(x)', 'round(x) + round(x, 2)', 'round(x, x)', 'pow(x, 2.5)',
    'max(x, 1, -x) - min(x, 2)', 'x^2 + max(x, 0)', '+x - -x', '-x', '1/x', '0/x', 'x^x', 'sqrt(-x^2 - 1)', '2 pi x', '1e308 * x * 10',
  ])('%s', (text) => {
    const e = compileExpression(text);
    const code = reference.parse(e.text).compile();
    expect(xs.map((x) => e.evaluate(x))).toEqual(xs.map((x) => want(code, { x })));
  });
  test.each(['x^2 + 3*y^2', '(1 - x)^2 + 100 (y - x^2)^2', 'sin(x) cos(y)', 'x y - log(x^2 + y^2)', 'max(x, y)', 'sqrt(x - y)'])('%s in x and y', (text) => {
    const e = compileExpression2(text);
    const code = reference.parse(e.text).compile();
    const pts = xs.flatMap((x) => xs.map((y) => [x, y] as const));
    expect(pts.map(([x, y]) => e.evaluate(x, y))).toEqual(pts.map(([x, y]) => want(code, { x, y })));
  });
  test('the derived functions of a derivative too', async () => {
    const d = await differentiate(compileExpression('tan(x) + tanh(x) - 1/x'));
    expect(d.text).toMatch(/sec\(x\) \^ 2|sec\(x\)\^2/);
    expect(d.text).toMatch(/sech/);
    const code = reference.parse(d.text).compile();
    expect(xs.map((x) => d.evaluate(x))).toEqual(xs.map((x) => want(code, { x })));
  });
});
