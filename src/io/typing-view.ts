import stringWidth from '../text-width.js';

/**
 * What an input prompt shows of the answer being typed. inquirer redraws the whole answer on every
 * key, so a pasted answer of 10,000 characters wrapped over 125 rows took seconds per key and left
 * rows above the screen that it could not erase. Past the room left on the prompt's line, only the
 * end of the answer is shown, after "…": the line stays one row, whatever is pasted. The answer
 * itself is kept whole.
 */
export function typingView(answer: string, room: number): string {
  if (answer.length <= room && stringWidth(answer) <= room) return answer;
  const chars = Array.from(answer.slice(-4 * room));
  let width = 1;
  let i = chars.length;
  while (i > 0 && width + stringWidth(chars[i - 1]) <= room) width += stringWidth(chars[--i]);
  return '…' + chars.slice(i).join('');
}

/** The columns left for the answer after a prompt's message ("? " before it, a space after). */
export function answerRoom(columns: number | undefined, message: string): number {
  return Math.max(10, (columns ?? 80) - stringWidth(message) - 4);
}
