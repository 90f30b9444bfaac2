/**
 * What the tutor needs from the terminal, as interfaces: the shell (src/io) provides them, tests
 * provide scripted ones. Styling is a function of the Ui so that text never depends on colour alone:
 * every verdict carries its own mark (✓ ~ ✗) and words.
 */
export interface Asker {
  readonly interactive: boolean;
  /** `clearInvalid`: a reply refused by `validate` is cleared from the line (a short reply such as "maybe"), not kept to edit. */
  input(message: string, opts?: { validate?: (s: string) => string | null; default?: string; clearInvalid?: boolean }): Promise<string>;
  /**
   * One of a few choices. `accept`: a typed reply it says yes to is returned as typed (a lesson
   * command such as ":skip"), where the Asker takes typed replies (line mode); a list of choices
   * picked with the arrows has no such reply.
   */
  select<T extends string>(message: string, choices: { value: T; name: string; key?: string }[], opts?: { default?: T; accept?: (s: string) => boolean }): Promise<T>;
  /** "Press Enter to continue"; what was typed before Enter, where something could be (a terminal). */
  pause(message?: string): Promise<string | void>;
  /**
   * Several lines of code: in a terminal, lines until an empty one; from a pipe, one line, unless
   * it opens a Python block (ends with ":", or is an import), then lines up to an empty one or the
   * end of input. A first line that is empty or "?" is returned at once. Askers without it use input.
   */
  block?(message: string): Promise<string>;
}

export interface Ui {
  say(text: string): void;
  /** Columns available for text and charts. */
  readonly width: number;
  /** The terminal's rows, when output is a terminal: a long text is shown a screen at a time. */
  readonly rows?: number;
  readonly colors: boolean;
  /** Charts and lab text in plain ASCII (--ascii). */
  readonly ascii?: boolean;
  heading(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  good(s: string): string;
  warn(s: string): string;
  bad(s: string): string;
}

/** A Ui that collects what is said: for tests, and for plain-text output. */
export function recordingUi(width = 80): Ui & { lines: string[] } {
  const id = (s: string) => s;
  const lines: string[] = [];
  return { lines, say: (t) => lines.push(...t.split('\n')), width, colors: false, heading: id, bold: id, dim: id, good: id, warn: id, bad: id };
}
