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

  test('deep nesting and 1 MiB on one line finish within a second each', () => {
    for (const text of ['> '.repeat(5000) + 'x', '- '.repeat(3000) + 'x', '#'.repeat(1 << 20), 'a'.repeat(1 << 20), '['.repeat(100000)]) {
      const t0 = Date.now();
      parseLesson(text);
      expect(Date.now() - t0).toBeLessThan(3000); // generous on a shared machine; the aim is 1 s
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
});
