import { againCommand, shellWord } from '../../src/commands/again.js';

describe('the line that goes on with what was stopped names the lesson as the learner named it', () => {
  test.each([
    ['quiz', undefined, [], 'calc-ml quiz'],
    ['quiz', '7.2.1', [], 'calc-ml quiz 7.2.1'],
    ['quiz', 'course/Lesson-7.2.1-Rates.md', [], 'calc-ml quiz course/Lesson-7.2.1-Rates.md'],
    ['quiz', '7.2.1', ['~/course'], 'calc-ml quiz 7.2.1 --dir ~/course'],
    ['start', 'My Course/Lesson 1.md', [], "calc-ml start 'My Course/Lesson 1.md'"],
    ['review', undefined, ['a', 'b c'], "calc-ml review --dir a --dir 'b c'"],
  ] as const)('%s %s %j → %s', (verb, ref, dirs, line) => {
    expect(againCommand(verb, ref, [...dirs])).toBe(line);
  });

  test.each([
    ['plain', 'plain'],
    ["it's", "'it'\\''s'"],
    ['$HOME/x', "'$HOME/x'"],
  ])('shell word %s → %s', (s, w) => expect(shellWord(s)).toBe(w));
});
