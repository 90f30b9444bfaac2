import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';
import { wrapHard, wrapNarrow } from '../../src/io/wrap.js';

// wrapNarrow is wrap-ansi's hard wrap for one-column text, at a cost linear in the text.
const narrow = fc.constantFrom(' ', ' ', ' ', 'a', 'b', 'Z', '1', '-', '.', ',', '│', '─', '┼', '├', '┤', 'é', 'ß', '·', '–', '…', '⠉', '░', '▓', '\u00a0');

describe('wrapNarrow: wrap-ansi (hard, trim) without re-measuring every row', () => {
  test('agrees with wrap-ansi on random one-column text at any width', () => {
    fc.assert(
      fc.property(fc.array(narrow, { maxLength: 300 }).map((a) => a.join('')), fc.integer({ min: 1, max: 90 }), (text, columns) => {
        expect(wrapNarrow(text, columns)).toBe(wrapAnsi(text, columns, { hard: true, trim: true }));
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['a table rule wider than the row', '├' + '─'.repeat(100) + '┤', 40],
    ['words and runs of spaces', '│ 1        │ 2              │ three words here │', 12],
    ['a long word after a short one', 'ab ' + 'x'.repeat(25), 10],
    ['only spaces', '      ', 5],
  ])('%s', (_what, text, columns) => {
    expect(wrapNarrow(text, columns)).toBe(wrapAnsi(text, columns, { hard: true, trim: true }));
  });

  test('every character it takes as narrow is one column to string-width', () => {
    const ranges = [[0x20, 0x7e], [0xa0, 0xa8], [0xaa, 0xac], [0xaf, 0x2ff], [0x2010, 0x2027], [0x2030, 0x203b], [0x203d, 0x2048], [0x204a, 0x205e], [0x2500, 0x259f], [0x2800, 0x28ff]];
    const wrong = ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i))).filter((c) => stringWidth(c) !== 1);
    expect(wrong).toEqual([]);
  });

  test('text with escapes or wide characters still goes through wrap-ansi', () => {
    const coloured = '\u001b[31m' + 'word '.repeat(10) + '\u001b[39m';
    expect(wrapHard(coloured, 12)).toBe(wrapAnsi(coloured, 12, { hard: true, trim: true }));
    expect(wrapHard('答案 '.repeat(10), 9)).toBe(wrapAnsi('答案 '.repeat(10), 9, { hard: true, trim: true }));
  });
});
