import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseLesson } from '../../src/lesson/parse.js';
import { scanHead } from '../../src/lesson/catalog.js';
import { compileExpression } from '../../src/math/engine.js';
import { UserError } from '../../src/errors.js';

// Hostile and broken input: the loader and the engine never crash, never hang, never let a
// control sequence through; the engine's only failure is a UserError with a message.
const seed = readFileSync(new URL('../../lessons/1.2.26-calculus-for-ml-big-picture.md', import.meta.url), 'utf8');
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const strings = (m: unknown): string[] => (typeof m === 'string' ? [m] : m && typeof m === 'object' ? Object.values(m).flatMap(strings) : []);
const mdPiece = fc.constantFrom('# ', '## ', '### ', '- ', '1. ', '```', '\n', '\r\n', '(True)', '(false)', 'Exercise 1.2.3.4: ', '**', '> ', '[ ] ', '\u001b[31m', '\u009b2J', 'Quiz & Assessment', 'Difficulty 2: X', '🟩');

describe('the lesson loader under fuzz', () => {
  test('random markdown made of lesson pieces', () => {
    fc.assert(fc.property(fc.array(fc.oneof(mdPiece, fc.string()), { maxLength: 200 }), (parts) => {
      const l = parseLesson(parts.join(''));
      for (const s of strings(l)) expect(s).not.toMatch(CONTROL);
    }), { numRuns: 300 });
  });

  test('truncated lessons and random bytes', () => {
    fc.assert(fc.property(fc.nat(seed.length), fc.uint8Array({ maxLength: 300 }), (cut, bytes) => {
      parseLesson(seed.slice(0, cut));
      const junk = Buffer.from(bytes).toString('utf8');
      parseLesson(junk);
      scanHead(junk);
    }), { numRuns: 300 });
  });

  test('deep nesting and 1 MiB on one line finish (no runaway backtracking)', () => {
    for (const text of ['> '.repeat(5000) + 'x', '- '.repeat(3000) + 'x', '#'.repeat(1 << 20), 'a'.repeat(1 << 20), '['.repeat(100000)]) {
      const t0 = Date.now();
      parseLesson(text);
      expect(Date.now() - t0).toBeLessThan(10000); // a hang (runaway backtracking) takes minutes; the aim is 1 s, but a loaded shared machine is slow
    }
  });
});

describe('the math engine under fuzz', () => {
  const piece = fc.constantFrom('x', '1', '2.5', '+', '-', '*', '/', '^', '**', '(', ')', 'sin(', 'log(', 'sqrt(', 'e', 'pi', '1e308', ',', '.', '[', ']', '"', 'import(', 'constructor', ' ', '=', ';');
  test('random expressions: a function, or a UserError, nothing else', () => {
    fc.assert(fc.property(fc.oneof(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), fc.string({ maxLength: 80 })), (text) => {
      try {
        const e = compileExpression(text);
        for (const x of [-2, 0, 0.5, 3]) {
          const y = e.evaluate(x);
          expect(Number.isNaN(y) || Number.isFinite(y)).toBe(true);
        }
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        expect((err as UserError).message.length).toBeGreaterThan(0);
      }
    }), { numRuns: 1000 });
  });

  const number = fc.oneof(
    fc.double({ noNaN: true }).map(String), // 1.7976931348623157e+308, 5e-324, -0, Infinity, …
    fc.constantFrom('1e308', '1e309', '1e-400', '9'.repeat(400), '0.' + '0'.repeat(300) + '1', '1e+308', '2^1024', '10^308*10', 'exp(710)', '-1e308-1e308'),
  );
  const op = fc.constantFrom('+', '-', '*', '/', '^', ' * x + ', ' / (x - ', ')');

  test('huge and tiny numbers: a finite value or a gap (NaN), or a clear refusal; never Infinity or a crash', () => {
    fc.assert(fc.property(fc.array(fc.oneof(number, op, fc.constant('x')), { minLength: 1, maxLength: 12 }), fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, 5e-324, 0)), (parts, x) => {
      const text = parts.join('');
      const t0 = Date.now();
      try {
        const e = compileExpression(text);
        const y = e.evaluate(x);
        expect(Number.isNaN(y) || Number.isFinite(y)).toBe(true);
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        expect((err as UserError).message).toMatch(/\S/);
      }
      expect(Date.now() - t0).toBeLessThan(3000); // a hang, not a slow run, is what this catches (the aim is far under 1 s)
    }), { numRuns: 1000 });
  });

  test('deep brackets: up to 50 levels read; deeper refused by name, with a caret, in well under a second', () => {
    const opener = fc.constantFrom('(', 'sin(', 'abs(', '-(', '2*(', 'max(1,', '[');
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), opener, fc.boolean(), (depth, open, balanced) => {
      const text = open.repeat(depth) + 'x' + (balanced ? (open === '[' ? ']' : ')').repeat(depth) : '');
      const t0 = Date.now();
      try {
        const e = compileExpression(text);
        expect(depth).toBeLessThanOrEqual(50);
        const y = e.evaluate(0.5);
        expect(Number.isNaN(y) || Number.isFinite(y)).toBe(true);
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        const u = err as UserError;
        if (depth > 50 && text.length <= 500) expect(u.message).toMatch(/nested more than 50 deep/);
        if (text.length > 500) expect(u.message).toMatch(/500 characters|too long/);
        for (const line of u.detail) expect(line.length).toBeLessThanOrEqual(200);
      }
      expect(Date.now() - t0).toBeLessThan(3000); // a hang, not a slow run, is what this catches (the aim is far under 1 s)
    }), { numRuns: 300 });
  });

  test('long chains without brackets (x^x^…^x, - - - x, x+x+…): read or refused, never a stack overflow', () => {
    for (const text of ['x^'.repeat(249) + 'x', '-'.repeat(499) + 'x', 'x+'.repeat(249) + 'x', '!'.repeat(499) + 'x', 'sqrt '.repeat(99) + 'x', 'x' + "'".repeat(499)]) {
      try {
        const y = compileExpression(text).evaluate(0.5);
        expect(Number.isNaN(y) || Number.isFinite(y)).toBe(true);
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
      }
    }
  });
});
