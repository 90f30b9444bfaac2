import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * The terminal's keys, handed to inquirer's prompts one answer at a time. Each prompt has a readline
 * of its own, which takes every key that has arrived: typed ahead ("t⏎f⏎t⏎" faster than the tutor
 * prints), the first prompt ended at the first Enter and the rest was dropped with its readline.
 * Here the keys after an answer's Enter wait for the next prompt, as lines wait in a pipe.
 *
 * A prompt says when it has its answer (`ends`, given the lines it was handed); one that asks again
 * (an answer refused by its check) calls `more()`. Between prompts the terminal is not read at all,
 * so its own buffer keeps what is typed then, and Ctrl+C there is the terminal's, as before.
 */
export class HeldInput {
  /** What inquirer reads instead of stdin: the same keys, a prompt's worth at a time. */
  readonly stream: PassThrough & { isTTY: boolean; setRawMode: (mode: boolean) => unknown; isRaw: boolean };
  private queue = '';
  private decoder = new StringDecoder('utf8');
  private active = false;
  private ready = false;
  private open = false;
  private lines: string[] = [];
  private current = '';
  private ends: (lines: string[]) => boolean = () => true;
  private reading = false;

  constructor(private source: NodeJS.ReadStream) {
    const stream = new PassThrough() as HeldInput['stream'];
    stream.isTTY = true;
    stream.setRawMode = (mode: boolean) => {
      source.setRawMode?.(mode);
      return stream;
    };
    Object.defineProperty(stream, 'isRaw', { get: () => source.isRaw });
    // readline resumes its input once its listeners are on: only then is the prompt there to hand keys to.
    stream.on('resume', () => {
      if (!this.active) return;
      this.ready = true;
      this.pump();
    });
    this.stream = stream;
  }

  private onData = (chunk: Buffer | string) => {
    this.queue += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    this.pump();
  };

  private onEnd = () => {
    this.stream.end();
  };

  private read(on: boolean): void {
    if (on && !this.reading) {
      this.reading = true;
      this.source.on('data', this.onData);
      this.source.once('end', this.onEnd);
      this.source.resume();
    } else if (!on && this.reading) {
      this.reading = false;
      this.source.removeListener('data', this.onData);
      this.source.removeListener('end', this.onEnd);
      this.source.pause();
    }
  }

  /** A prompt begins; `ends` says, from the lines handed to it so far, whether it has its answer. */
  begin(ends: (lines: string[]) => boolean = () => true): void {
    this.active = true;
    this.ready = false;
    this.open = true;
    this.lines = [];
    this.current = '';
    this.ends = ends;
  }

  /** The prompt asks again (its answer was refused): hand it the next line, after it has redrawn. */
  more(): void {
    this.open = true;
    this.lines = [];
    setImmediate(() => this.pump());
  }

  /** The prompt is over: what was typed after its answer waits for the next one. */
  end(): void {
    this.active = false;
    this.ready = false;
    this.open = false;
    this.read(false);
  }

  private pump(): void {
    while (this.active && this.ready && this.open && this.queue) {
      const at = this.queue.search(/[\r\n]/);
      if (at < 0) {
        this.give(this.queue);
        this.queue = '';
        break;
      }
      // "\r\n" (a paste from some terminals) is one Enter, not an answer and an empty one.
      const cut = this.queue.startsWith('\r\n', at) ? at + 2 : at + 1;
      const seg = this.queue.slice(0, cut);
      this.queue = this.queue.slice(cut);
      this.give(seg.slice(0, at));
      this.lines.push(this.current);
      this.current = '';
      if (this.ends(this.lines)) this.open = false;
      this.stream.write(seg.slice(at));
    }
    this.read(this.active && this.open && !this.queue);
  }

  /** Keys of the line being typed: handed on, and kept as text (edits applied) for `ends`. */
  private give(keys: string): void {
    if (!keys) return;
    this.stream.write(keys);
    for (const part of keys.replace(/\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)/g, '').split('')) {
      if (part === '\x7f' || part === '\b') this.current = this.current.slice(0, -1);
      else if (part === '\x15') this.current = '';
      else if (part >= ' ') this.current += part;
    }
  }

  close(): void {
    this.end();
  }
}
