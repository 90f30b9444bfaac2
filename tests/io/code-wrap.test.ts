import { wrapCode } from '../../src/io/code-wrap.js';

// wrapCode fits a rendered code block to the page: lines that fit are left as they are; a wider one
// goes on in rows hung two columns in from its indentation and marked ↪, colours kept.
test.each([
  ['a line that fits', ['  x = 1'], 20, ['  x = 1'], false],
  // Rows hold the width less the continued rows' indentation and mark (here 16 - 4).
  ['broken at a space, hung under the indentation', ['  total = first + second'], 16, ['  total =', '    ↪ first +', '    ↪ second'], true],
  ['nested code keeps its depth', ['      return a_long_name'], 22, ['      return', '        ↪ a_long_name'], true],
  ['a word wider than the row is cut', ['  abcdefghijklmnopqrstuvwxyz'], 14, ['  abcdefgh', '    ↪ ijklmnop', '    ↪ qrstuvwx', '    ↪ yz'], true],
  ['indentation is kept while the continued rows take at most half the page', [' '.repeat(14) + 'value = compute(a, b)'], 20, [' '.repeat(6) + 'value =', ' '.repeat(8) + '↪ compute(a,', ' '.repeat(8) + '↪ b)'], true],
  ['lines that fit stay as they are around one that does not', ['  a = 1', '  total = first + second', '  b = 2'], 16, ['  a = 1', '  total =', '    ↪ first +', '    ↪ second', '  b = 2'], true],
])('%s', (_, lines, width, want, wrapped) => {
  const r = wrapCode(lines.join('\n'), width);
  expect(r.text.split('\n')).toEqual(want);
  expect(r.wrapped).toBe(wrapped);
  for (const row of r.text.split('\n')) expect(row.length).toBeLessThanOrEqual(width);
});

test('colour codes are kept and not counted as columns', () => {
  const r = wrapCode('  \u001b[33mtotal\u001b[39m = first + second', 16);
  expect(r.text.replace(/\u001b\[[0-9;]*m/g, '').split('\n')).toEqual(['  total =', '    ↪ first +', '    ↪ second']);
  expect(r.text).toContain('\u001b[33mtotal');
});
