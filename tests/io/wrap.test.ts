import { wrapRendered } from '../../src/io/wrap.js';

describe('wrapRendered keeps a hanging indent', () => {
  test.each([
    ['short lines stay', 'a b c', 10, 'a b c'],
    ['bullet', '  * one two three four', 14, '  * one two\n    three four'],
    ['number', '  12. one two three four', 16, '  12. one two\n      three four'],
    ['checkbox', '  * [ ]  Complete all the exercises', 22, '  * [ ]  Complete all\n         the exercises'],
    ['plain indented', '    code code code code', 14, '    code code\n    code code'],
    ['colour codes do not count', '\u001b[1m  * one two three\u001b[22m', 12, '\u001b[1m  * one two\n    three\u001b[22m'],
  ])('%s', (_name, input, width, expected) => {
    expect(wrapRendered(input, width)).toBe(expected);
  });
});
