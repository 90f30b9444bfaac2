import { StringDecoder } from 'node:string_decoder';
import { terminalText } from '../terminal-text.js';
import { asciiText } from '../chart/ascii.js';

// The output edge. Every write to stdout and stderr, by calc-ml, commander or any library, passes
// terminalText() here, so that nothing that came from data (a lesson file's name, the learner's
// answer, a mathjs error quoting the expression, a progress file) can move the cursor, clear the
// screen, set the clipboard or title, or reorder what is shown. Where the boundary is:
//
// - At the stream, not at each source: sources are many and new ones come; the edge is one place.
// - Colour stays: when a stream has colour on, SGR codes of the kinds calc-ml and its renderers use
//   pass (terminal-text.ts lists them); with colour off, every sequence goes. Colour codes inside
//   data pass too when colour is on; they can tint text but never hide it, move or talk to the terminal.
// - inquirer draws its prompts with cursor movements, so it writes to rawOutput(stream), past this
//   filter; what it is given to show (messages, choices, the learner's typing) is cleaned with the
//   same terminalText() by the prompter (prompter.ts).
// - --ascii is applied here too, after cleaning: the same one place for "what the terminal receives".

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
const raw = new WeakMap<NodeJS.WritableStream, Write>();

export interface EdgeOptions {
  /** Keep colour codes (the stream has colour on). */
  sgr: boolean;
  /** Make everything plain ASCII (--ascii). */
  ascii: boolean;
}

/** Filters every later write to `stream` through terminalText (and asciiText with `ascii`). Idempotent per stream. */
export function guardStream(stream: NodeJS.WritableStream, opts: EdgeOptions): void {
  if (raw.has(stream)) return;
  const write = stream.write.bind(stream) as Write;
  raw.set(stream, write);
  // Bytes are decoded as a stream, so a character split between two writes stays whole.
  const decoder = new StringDecoder('utf8');
  const clean = (s: string) => {
    const t = terminalText(s, { sgr: opts.sgr });
    return opts.ascii ? asciiText(t) : t;
  };
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string') {
      const encoding = typeof rest[0] === 'string' ? rest[0] : undefined;
      const text = encoding && !/^utf-?8$/i.test(encoding) ? Buffer.from(chunk, encoding as BufferEncoding).toString('utf8') : chunk;
      return write(clean(text), ...(encoding ? ['utf8', ...rest.slice(1)] : rest));
    }
    if (chunk instanceof Uint8Array) return write(clean(decoder.write(Buffer.from(chunk))), ...rest.filter((r) => typeof r === 'function'));
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

/**
 * `stream` with its unfiltered write, for inquirer (see above); everything else (columns, isTTY,
 * events, end) is the stream's own. The stream itself when it is not guarded.
 */
export function rawOutput<S extends NodeJS.WritableStream>(stream: S): S {
  const write = raw.get(stream);
  if (!write) return stream;
  return new Proxy(stream, {
    get(target, prop) {
      if (prop === 'write') return write;
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value, target);
    },
  });
}
