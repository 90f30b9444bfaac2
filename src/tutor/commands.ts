import { wrapWords } from '../math/format.js';
/**
 * The short commands a learner may type at any prompt of the guided lesson, as in swirl:
 * `:skip`, `:back`, `:lab [plot|descend|grad]`, `:plan`, `:quit`, `:help`. Pure: the text of a
 * reply → the command it is, so that a command is never graded as an answer.
 */

export type CommandName = 'skip' | 'back' | 'lab' | 'plan' | 'quit' | 'help';

export type Command = { name: CommandName; arg: string | null } | { name: 'unknown'; text: string };

const NAMES: Record<string, CommandName> = {
  skip: 'skip', s: 'skip', next: 'skip',
  back: 'back', b: 'back', prev: 'back', previous: 'back',
  lab: 'lab', l: 'lab',
  plan: 'plan', p: 'plan', where: 'plan',
  quit: 'quit', q: 'quit', exit: 'quit',
  help: 'help', h: 'help', '?': 'help',
};

/** A reply that starts with ":" followed by a word (or "?") is a command; anything else is an answer. */
export function parseCommand(reply: string): Command | null {
  const m = /^\s*:\s*([a-z]+|\?)\s*(.*?)\s*$/i.exec(reply);
  if (!m) return null;
  const name = NAMES[m[1].toLowerCase()];
  if (!name) return { name: 'unknown', text: reply.trim() };
  return { name, arg: m[2] ? m[2].toLowerCase() : null };
}

/** The commands, one a line: shown once at the start, by :help, and in `calc-ml start --help`. */
export const COMMAND_HELP: [string, string][] = [
  [':skip', 'skip this step (it comes back in review)'],
  [':back', 'go back to the previous step'],
  [':lab', 'plot, descend or grad on the lesson\'s function, then back here'],
  [':plan', 'show the plan and where you are in it'],
  [':quit', 'save and leave; calc-ml start picks up here'],
  [':help', 'list these commands'],
];

/** The commands as a table, each description wrapped at `width` under its own column. */
export function commandHelp(width = 80, indent = '  '): string {
  const w = Math.max(...COMMAND_HELP.map(([c]) => c.length));
  const hang = indent.length + w + 2;
  return COMMAND_HELP.map(([c, what]) => `${indent}${c.padEnd(w)}  ${wrapWords(what, Math.max(20, width - hang)).join(`\n${' '.repeat(hang)}`)}`).join('\n');
}


/** The one-line reminder shown at the start of the lesson. */
export const COMMANDS_LINE = 'At any prompt you can type :skip, :back, :lab, :plan, :quit or :help.';

export { wrapWords };
