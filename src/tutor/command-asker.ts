import { parseCommand } from './commands.js';
import type { Asker } from './ui.js';

/** A command that leaves the step: the runner (start.ts) catches it and moves as asked. */
export class StepControl extends Error {
  constructor(readonly action: 'skip' | 'back' | 'quit') {
    super(`:${action}`);
    this.name = 'StepControl';
  }
}

/** The value of the extra choice that leads to a command in a terminal's list of choices. */
const COMMAND_CHOICE = '\u0000command';

export interface CommandHandlers {
  help(): void;
  plan(): void;
  lab(arg: string | null): Promise<void>;
  unknown(text: string): void;
}

/**
 * The guided lesson's Asker: every reply is looked at before the step sees it. A command (":plan")
 * is done and the same prompt asked again; ":skip", ":back" and ":quit" leave the step (StepControl).
 * So no step can grade a command as an answer, and none needs to know about commands.
 */
export function withCommands(inner: Asker, h: CommandHandlers): Asker {
  const isCommand = (s: string) => parseCommand(s) !== null;
  /** true when the reply was a command that was done here (ask again). */
  const handled = async (reply: string): Promise<boolean> => {
    const c = parseCommand(reply);
    if (!c) return false;
    switch (c.name) {
      case 'skip':
      case 'back':
      case 'quit':
        throw new StepControl(c.name);
      case 'help':
        h.help();
        return true;
      case 'plan':
        h.plan();
        return true;
      case 'lab':
        await h.lab(c.arg);
        return true;
      case 'unknown':
        h.unknown(c.text);
        return true;
    }
  };
  const asker: Asker = {
    get interactive() {
      return inner.interactive;
    },
    async input(message, opts = {}) {
      for (;;) {
        const reply = await inner.input(message, { ...opts, validate: (s) => (isCommand(s) ? null : (opts.validate?.(s) ?? null)) });
        if (!(await handled(reply))) return reply;
      }
    },
    async select(message, choices, opts = {}) {
      for (;;) {
        // A list picked with the arrows takes no typing: its last choice leads to a command line.
        const listed = inner.interactive ? [...choices, { value: COMMAND_CHOICE as never, name: 'Type a command (:skip, :back, :plan, …)', key: ':' }] : choices;
        let reply: string = await inner.select(message, listed, { ...opts, accept: isCommand });
        if (reply === COMMAND_CHOICE) {
          reply = await inner.input('Command:', { validate: (s) => (isCommand(s) || !s.trim() ? null : 'A command starts with ":" (:help lists them); Enter goes back to the choices.') });
          if (!reply.trim()) continue;
        }
        if (choices.some((c) => c.value === reply)) return reply as never;
        if (!(await handled(reply))) return reply as never;
      }
    },
    async pause(message) {
      for (;;) {
        const reply = await inner.pause(message);
        if (typeof reply !== 'string' || !(await handled(reply))) return reply;
      }
    },
  };
  if (inner.block) {
    const block = inner.block.bind(inner);
    asker.block = async (message) => {
      for (;;) {
        const reply = await block(message);
        if (!(await handled(reply))) return reply;
      }
    };
  }
  return asker;
}
