import { answerRoom, typingView } from '../../src/io/typing-view.js';

describe('typingView: a long answer is shown by its end, on one row', () => {
  test.each([
    ['a short answer as typed', 'short', 10, 'short'],
    ['one that just fits', 'exactly10!', 10, 'exactly10!'],
    ['one a character too long, by its end', 'abcdefghijk', 10, '…cdefghijk'],
    ['a pasted 10,001 characters, by its last 19', 'x'.repeat(10_001), 20, '…' + 'x'.repeat(19)],
    ['wide characters, two columns each', '答案答案答案答案', 9, '…答案答案'],
  ])('%s', (_what, answer, room, shown) => {
    expect(typingView(answer, room)).toBe(shown);
  });

  test('the room is what the line leaves after the message, never under 10', () => {
    expect(answerRoom(80, 'Your answer (? for a hint):')).toBe(80 - 27 - 4);
    expect(answerRoom(undefined, 'x')).toBe(75);
    expect(answerRoom(20, 'a'.repeat(30))).toBe(10);
  });
});
