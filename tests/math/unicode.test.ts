import { normalizeMath } from '../../src/math/unicode.js';
import { compileExpression } from '../../src/math/engine.js';
import { UserError } from '../../src/errors.js';

// What the tutor prints (x², 2·x, x − 1, √x, π) must be what a learner can type back.
describe('normalizeMath reads the usual Unicode maths as the engine syntax', () => {
  test.each([
    ['x²', 'x^2'],
    ['x³ − 3x', 'x^3 - 3x'],
    ['x²+3x−1', 'x^2+3x-1'],
    ['x⁻¹', 'x^(-1)'],
    ['x¹⁰', 'x^10'],
    ['x⁻²⁰', 'x^(-20)'],
    ['x⁰', 'x^0'],
    ['2·x', '2*x'],
    ['2⋅x', '2*x'],
    ['3 × x', '3 * x'],
    ['x ÷ 2', 'x / 2'],
    ['x − 1', 'x - 1'],
    ['x – 1', 'x - 1'],
    ['√x', 'sqrt(x)'],
    ['√2', 'sqrt(2)'],
    ['√2.5x', 'sqrt(2.5)x'],
    ['√(x+1)', 'sqrt(x+1)'],
    ['√ x', 'sqrt( x)'],
    ['x√x', 'x sqrt(x)'],
    ['∛x', 'cbrt(x)'],
    ['π', 'pi'],
    ['2π', '2pi'],
    ['πx', 'pi x'],
    ['sin(π/2)', 'sin(pi/2)'],
    ['cos(θ)', 'cos(theta)'],
    ['2θ', '2theta'],
    ['(x−1)²', '(x-1)^2'],
    ['x²y', 'x^2y'],
    ['x ^ 2', 'x ^ 2'],
    ['½x²', '(1/2)x^2'],
    ['x\u00a0+\u20091', 'x + 1'],
    ['x^2 + 1', 'x^2 + 1'],
  ])('%s reads as %s', (input, expected) => {
    expect(normalizeMath(input).text).toBe(expected);
  });

  test('each character of the result points back at the character it came from', () => {
    const n = normalizeMath('√x + π²');
    // s q r t ( x ) come from √ and x; "pi" from π; "^2" from ²
    expect(n.text).toBe('sqrt(x) + pi^2');
    expect([...n.text].map((_, i) => n.origin[i])).toEqual([0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 5, 6, 6]);
    expect(n.origin[n.text.length]).toBe(7);
  });
});

function refusal(input: string): UserError {
  try {
    compileExpression(input);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error(`accepted: ${input}`);
}

describe('the engine reads what the tutor prints', () => {
  test.each([
    ['x²', 3, 9],
    ['x²+3x−1', 2, 9],
    ['2·x', 4, 8],
    ['x − 1', 4, 3],
    ['√x', 9, 3],
    ['√(x+1)', 8, 3],
    ['π', 0, Math.PI],
    ['2πx', 1, 2 * Math.PI],
    ['x⁻¹', 4, 0.25],
    ['x·√x', 4, 8],
    ['3x² − 2x + 1', 2, 9],
  ])('%s at %p = %p', (text, x, y) => {
    expect(compileExpression(text).evaluate(x)).toBeCloseTo(y, 12);
  });

  test('θ is a variable name like any other', () => {
    expect(compileExpression('θ²', { variable: 'theta' }).evaluate(3)).toBe(9);
  });

  test('the text shown is in engine syntax, which can be typed anywhere', () => {
    expect(compileExpression('x² − 1').text).toBe('x^2 - 1');
    expect(compileExpression('√x').text).toBe('sqrt(x)');
  });

  test.each([
    // The caret is under the learner's own character, not under the rewritten text.
    ['√x ^^ 2', 'cannot read "√x ^^ 2": unexpected operator at column 5', '    ^'],
    ['x² +', 'cannot read "x² +": unexpected end of expression at column 5', '    ^'],
    ['π·y', 'unknown variable y; the variable is x (use --var y to plot in y)', '  ^'],
    ['√(x + 1', 'cannot read "√(x + 1": a closing ) is missing at column 8', '       ^'],
    ['x² + θ', 'unknown variable theta; the variable is x (use --var theta to plot in theta)', '     ^'],
  ])('%s: %s', (input, message, caret) => {
    const e = refusal(input);
    expect(e.message).toBe(message);
    expect(e.detail).toEqual([input, caret]);
  });
});

describe('any mix of Unicode maths is read or refused, never a crash, the caret within the input', () => {
  test('fast-check over strings of maths characters', async () => {
    const fc = (await import('fast-check')).default;
    const chars = ['x', '1', '2', '.', '+', '-', '*', '/', '^', '(', ')', ' ', '²', '³', '⁻', '¹', '·', '×', '÷', '−', '√', '∛', 'π', 'θ', '½', 's', 'i', 'n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 24 }), (parts) => {
        const input = parts.join('');
        try {
          const e = compileExpression(input);
          expect(typeof e.evaluate(1.5)).toBe('number');
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
          const caret = (err as UserError).detail[1];
          if (caret !== undefined) expect(caret.length).toBeLessThanOrEqual(input.length + 1);
        }
      }),
      { numRuns: 2000, seed: 12 },
    );
  });
});
