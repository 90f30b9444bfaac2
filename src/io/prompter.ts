import { BoundedLines, LineTooLong, MAX_ANSWER_LENGTH } from './lines.js';
import { EndOfInput } from './end-of-input.js';
import { exitCleanlyOnSignals } from './signals.js';

export { EndOfInput };
import { asciiText } from '../chart/ascii.js';
import { asciiOnly } from './ascii-mode.js';
import { colorEnabled } from './color-mode.js';
import { rawOutput } from './output-edge.js';
import { terminalText } from '../terminal-text.js';
import { answerRoom, typingView } from './typing-view.js';
import { HeldInput } from './held-input.js';

/**
 * How the tutor asks. Two implementations: inquirer prompts when stdin is a terminal, and a
 * line-based one for pipes and scripts (one answer per line, in question order, no escape codes).
 */
export interface Prompter {
  readonly interactive: boolean;
  /** Free text. `validate` returns an error message to ask again, or null to accept. */
  /** `clearInvalid`: a reply refused by `validate` is cleared from the line (a short reply such as "maybe"), not kept to edit. */
  input(message: string, opts?: { validate?: (s: string) => string | null; default?: string; clearInvalid?: boolean }): Promise<string>;
  /**
   * One of a few choices. In line mode the line may be the choice's number, key or name, or a reply
   * `accept` takes (returned as typed: a lesson command).
   */
  select<T extends string>(message: string, choices: { value: T; name: string; key?: string }[], opts?: { default?: T; accept?: (s: string) => boolean }): Promise<T>;
  /** "Press Enter to continue", returning what was typed. In line mode it takes nothing from the input. */
  pause(message?: string): Promise<string | void>;
  /** Several lines of code (see Asker.block in tutor/ui.ts): an empty line ends them. */
  block(message: string): Promise<string>;
  close(): void;
}

/** Why a typed (or pasted) answer is asked again. */
export function tooLongAnswer(length: number): string {
  return `This answer is ${length.toLocaleString('en')} characters long; an answer may have at most ${MAX_ANSWER_LENGTH.toLocaleString('en')}. Shorten it and press Enter.`;
}

/**
 * A line that cannot be a whole program and opens a Python block: `def f(x):`, `import math`.
 * From a pipe only such a line makes an answer of several lines, so one line per answer (with ";"
 * between statements) keeps working for every script that worked before.
 */
export function opensBlock(line: string): boolean {
  return /:\s*(#.*)?$/.test(line) || /^\s*(import\s+\w|from\s+\w+\s+import\b)/.test(line);
}

/** ":skip", ":plan": a lesson command (tutor/commands.ts) ends a block at its first line; no Python line starts so. */
function isCommandLine(line: string): boolean {
  return /^\s*:\s*[a-z?]/i.test(line);
}

/** The learner pressed Ctrl+C (or the terminal went away) at a prompt. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/**
 * With `ascii` (--ascii), inquirer's marks and key tips are ASCII, and what it shows is made ASCII
 * before it lays it out (cli.ts filters all output as well, but after layout). Lines need no more.
 */
export function createPrompter(opts: { output: NodeJS.WriteStream; forceLines?: boolean; ascii?: boolean }): Prompter {
  const ascii = opts.ascii ?? asciiOnly();
  if (process.stdin.isTTY && !opts.forceLines) return new InquirerPrompter(opts.output, ascii);
  return new LinePrompter(process.stdin, opts.output);
}

/** Reads answers line by line from a stream; answers are echoed so a transcript reads naturally. */
export class LinePrompter implements Prompter {
  readonly interactive = false;
  private lines: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private ended = false;
  private tooLong: LineTooLong | null = null;
  private reader: BoundedLines;

  constructor(input: NodeJS.ReadableStream, private output: NodeJS.WritableStream) {
    const wake = (line: string | null) => {
      const w = this.waiting;
      this.waiting = null;
      w?.(line);
    };
    this.reader = new BoundedLines(input, {
      line: (line) => (this.waiting ? wake(line) : this.lines.push(line)),
      end: () => {
        this.ended = true;
        wake(null);
      },
      tooLong: (e) => {
        this.tooLong = e;
        this.ended = true;
        wake(null);
      },
    });
  }

  private next(): Promise<string | null> {
    if (this.lines.length) return Promise.resolve(this.lines.shift()!);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  private async ask(message: string): Promise<string> {
    this.output.write(`${message} `);
    const line = await this.next();
    if (line === null) {
      this.output.write('\n');
      if (this.tooLong) throw this.tooLong;
      throw new EndOfInput();
    }
    this.output.write(`${line}\n`);
    return line;
  }

  async input(message: string, opts: { validate?: (s: string) => string | null; default?: string; clearInvalid?: boolean } = {}): Promise<string> {
    for (;;) {
      let answer = await this.ask(message);
      if (!answer.trim() && opts.default !== undefined) answer = opts.default;
      const problem = opts.validate?.(answer) ?? null;
      if (problem === null) return answer;
      this.output.write(`${problem}\n`);
    }
  }

  async select<T extends string>(message: string, choices: { value: T; name: string; key?: string }[], opts: { default?: T; accept?: (s: string) => boolean } = {}): Promise<T> {
    this.output.write(`${message}\n${choices.map((c, i) => `  ${i + 1}) ${c.name}`).join('\n')}\n`);
    const answer = await this.input('Your choice:', {
      validate: (s) => (pickChoice(s, choices, opts.default) || opts.accept?.(s) ? null : `Please answer 1–${choices.length}.`),
    });
    return pickChoice(answer, choices, opts.default) ?? (answer as T);
  }

  async pause(): Promise<void> {
    // Nothing to wait for without a terminal: the transcript flows on.
  }

  async block(message: string): Promise<string> {
    const first = await this.ask(message);
    if (!first.trim() || first.trim() === '?' || !opensBlock(first) || isCommandLine(first)) return first;
    const lines = [first];
    // The block runs to an empty line; the end of input ends it too (a piped .py file).
    for (;;) {
      const line = await this.next();
      if (line === null || !line.trim()) break;
      this.output.write(`${line}\n`);
      lines.push(line);
    }
    return lines.join('\n');
  }

  close(): void {
    this.reader.stop();
  }
}

export function pickChoice<T extends string>(s: string, choices: { value: T; name: string; key?: string }[], def?: T): T | null {
  const t = s.trim().toLowerCase();
  if (!t) return def ?? null;
  const n = Number(t);
  if (Number.isInteger(n) && n >= 1 && n <= choices.length) return choices[n - 1].value;
  const hit = choices.find((c) => c.key?.toLowerCase() === t || c.value.toLowerCase() === t || c.name.toLowerCase() === t);
  return hit ? hit.value : null;
}

/** inquirer's prompts; Ctrl+C (ExitPromptError) becomes Interrupted, so callers handle one error. */
class InquirerPrompter implements Prompter {
  readonly interactive = true;
  private prompt: Promise<(q: object) => Promise<Record<string, unknown>>>;

  private t: (s: string) => string;
  private theme: object;

  private answer: (s: string) => string;
  private columns: () => number | undefined;
  /** The keys, one answer a prompt: what is typed ahead waits for the next prompt (held-input.ts). */
  private held = new HeldInput(process.stdin);

  constructor(output: NodeJS.WriteStream, ascii = false) {
    this.columns = () => output.columns;
    // inquirer moves the cursor to redraw its prompt, so it writes past the output edge (see
    // output-edge.ts); everything it is given to show is cleaned here instead, the same way.
    const colors = colorEnabled(output);
    this.prompt = Promise.all([import('inquirer'), import('./block-prompt.js')]).then(([{ default: inquirer }, { blockPrompt }]) => {
      const module = inquirer.createPromptModule({ input: this.held.stream, output: rawOutput(output) });
      module.registerPrompt('block', blockPrompt as never);
      return module as never;
    });
    const clean = (s: string) => terminalText(s, { sgr: colors });
    this.t = ascii ? (s) => asciiText(clean(s)) : clean;
    // What the learner types (or pastes) is shown cleaned too; once answered, in inquirer's cyan.
    this.answer = (s) => (colors ? `\u001b[36m${this.t(s)}\u001b[39m` : this.t(s));
    // inquirer marks an answered prompt with a green ✔, which reads as "right" above a ✗ verdict:
    // a neutral mark instead (the verdict line says whether it was right). In ASCII, its pointer and
    // key tips too.
    const defaultAnswer = (s: string) => (colors ? `\u001b[2m(${this.t(s)})\u001b[22m` : `(${this.t(s)})`);
    this.theme = ascii
      ? { prefix: { idle: '?', done: '>' }, icon: { cursor: '>' }, style: { defaultAnswer, keysHelpTip: () => 'up/down to move, Enter to choose' } }
      : { prefix: { done: '›' }, style: { defaultAnswer } };
  }

  private async run(question: object, ends?: (lines: string[]) => boolean): Promise<unknown> {
    const prompt = await this.prompt;
    const release = exitCleanlyOnSignals();
    this.held.begin(ends);
    try {
      return (await prompt({ name: 'a', theme: this.theme, ...question })).a;
    } catch (e) {
      if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new Interrupted();
      throw e;
    } finally {
      this.held.end();
      release();
    }
  }

  async input(message: string, opts: { validate?: (s: string) => string | null; default?: string; clearInvalid?: boolean } = {}): Promise<string> {
    return String(
      await this.run({
        type: 'input',
        message: this.t(message),
        default: opts.default,
        ...(opts.clearInvalid ? { theme: { ...this.theme, validationFailureMode: 'clear' } } : {}),
        transformer: (s: string, { isFinal }: { isFinal: boolean }) => (isFinal ? this.answer(s) : this.t(typingView(s, answerRoom(this.columns(), message)))),
        validate: (s: string) => {
          const problem = s.length > MAX_ANSWER_LENGTH ? tooLongAnswer(s.length) : opts.validate?.(s);
          // Asked again: the next line typed ahead is the next try.
          if (problem != null) this.held.more();
          return problem == null ? true : this.t(problem);
        },
      }),
    );
  }

  async select<T extends string>(message: string, choices: { value: T; name: string }[], opts: { default?: T } = {}): Promise<T> {
    return (await this.run({ type: 'select', message: this.t(message), choices: choices.map((c) => ({ ...c, name: this.t(c.name) })), default: opts.default })) as T;
  }

  /** Code over several lines, an empty line ending it, in one prompt (block-prompt.ts): pasted code keeps every line. */
  async block(message: string): Promise<string> {
    const shown = this.t(message);
    const whole = (first: string) => !first.trim() || first.trim() === '?' || isCommandLine(first);
    return String(
      await this.run({
        type: 'block',
        message: shown,
        whole,
        problem: (block: string) => {
          if (block.length <= MAX_ANSWER_LENGTH) return null;
          this.held.more();
          return this.t(tooLongAnswer(block.length));
        },
        // Each line one row while typing (typing-view.ts): a long pasted line does not redraw over many.
        show: (s: string, first: boolean) => this.t(typingView(s, first ? answerRoom(this.columns(), message) : Math.max(10, (this.columns() ?? 80) - 6))),
        answered: (s: string) => this.answer(s),
      }, (lines) => whole(lines[0]) || (lines.length > 1 && !lines[lines.length - 1].trim())),
    );
  }

  async pause(message = 'Press Enter to continue'): Promise<string> {
    return String(await this.run({ type: 'input', message: this.t(message), theme: { prefix: '' }, transformer: this.t }));
  }

  close(): void {
    this.held.close();
  }
}
