import { StringDecoder } from 'node:string_decoder';
import { EndOfInput } from './end-of-input.js';

/** The most characters one answer may have: more is a paste gone wrong, or not an answer at all. */
export const MAX_ANSWER_LENGTH = 10_000;

/** A line of the input longer than MAX_ANSWER_LENGTH (`quiz < /dev/zero` has one that never ends). */
export class LineTooLong extends EndOfInput {
  constructor(readonly lineNumber: number) {
    super(`line ${lineNumber} of the input is longer than ${MAX_ANSWER_LENGTH.toLocaleString('en')} characters, the most an answer may have; nothing after it was read`);
    this.name = 'LineTooLong';
  }
}

/**
 * Splits a stream into lines, holding at most `max` characters of the line being read. readline
 * keeps a line whole however long it grows: `quiz < /dev/zero` ran out of memory with a RangeError,
 * and a 10 MB answer took 1.2 GB. Here a line past the cap stops the reading at once.
 */
export class BoundedLines {
  private decoder = new StringDecoder('utf8');
  private partial = '';
  private count = 0;

  constructor(
    private input: NodeJS.ReadableStream,
    private on: { line(text: string): void; end(): void; tooLong(e: LineTooLong): void },
    private max = MAX_ANSWER_LENGTH,
  ) {
    input.on('data', this.data);
    input.on('end', this.finish);
    input.on('error', this.finish);
  }

  private data = (chunk: Buffer | string): void => {
    let text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n')) {
      const line = text.slice(0, nl).replace(/\r$/, '');
      text = text.slice(nl + 1);
      if (line.length > this.max) return this.overflow();
      this.count++;
      this.on.line(line);
    }
    this.partial = text;
    if (this.partial.length > this.max) this.overflow();
  };

  private overflow(): void {
    this.stop();
    this.on.tooLong(new LineTooLong(this.count + 1));
  }

  private finish = (): void => {
    this.stop();
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    if (rest) {
      this.count++;
      this.on.line(rest.replace(/\r$/, ''));
    }
    this.on.end();
  };

  stop(): void {
    this.input.removeListener('data', this.data);
    this.input.removeListener('end', this.finish);
    this.input.removeListener('error', this.finish);
    (this.input as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}
