import { PassThrough } from 'node:stream';
import { BoundedLines, LineTooLong } from '../../src/io/lines.js';

/** Feeds `chunks` through BoundedLines (cap `max`) and collects what it reported. */
async function read(chunks: string[], max = 10): Promise<{ lines: string[]; tooLong: number | null; ended: boolean }> {
  const input = new PassThrough();
  const got = { lines: [] as string[], tooLong: null as number | null, ended: false };
  const done = new Promise<void>((resolve) => {
    new BoundedLines(input, {
      line: (l) => got.lines.push(l),
      end: () => {
        got.ended = true;
        resolve();
      },
      tooLong: (e: LineTooLong) => {
        got.tooLong = e.lineNumber;
        resolve();
      },
    }, max);
  });
  for (const c of chunks) input.write(c);
  input.end();
  await done;
  return got;
}

describe('BoundedLines', () => {
  test.each([
    ['lines split across chunks', ['tr', 'ue\nfal', 'se\n'], ['true', 'false'], null],
    ['CRLF and a last line with no newline', ['a\r\nb'], ['a', 'b'], null],
    ['empty lines are answers too (skips)', ['\n\nx\n'], ['', '', 'x'], null],
    ['a line of exactly the cap', ['0123456789\n'], ['0123456789'], null],
    ['a line one past the cap stops the reading there', ['ok\n01234567890\nnever\n'], ['ok'], 2],
    ['a line that never ends (/dev/zero) stops once past the cap', ['ok\n', '0000000', '0000000'], ['ok'], 2],
  ])('%s', async (_name, chunks, lines, tooLong) => {
    const got = await read(chunks);
    expect(got.lines).toEqual(lines);
    expect(got.tooLong).toBe(tooLong);
  });
});
