import { parseCommand } from './commands.js';
import { wrapWords } from '../math/format.js';
import type { Asker, Ui } from './ui.js';

/** `:quit` in a standalone quiz or review: the answers so far are saved; the command says where it stops. */
export class QuitRequested extends Error {
  constructor() {
    super(':quit');
    this.name = 'QuitRequested';
  }
}

/** Where the commands are typed: a standalone quiz, or a review session. */
export type AnswerPlace = 'quiz' | 'review';

/**
 * The commands that make sense in `calc-ml quiz` and `calc-ml review` (there are no steps to go back
 * to, no plan and no lab): `:skip` leaves the question unanswered (not right, not a miss: the quiz
 * asks it again next time; in review it stays due, unrated), `:quit` saves and leaves, `:help` lists
 * them. (The command that goes on names the lesson's path, too long to wrap in a table: it is said
 * when the learner quits.) Tested from the CLI: tests/commands/commands-in-quiz.test.ts.
 */
export function quizCommandHelp(width = 80, place: AnswerPlace = 'quiz'): string {
  const rows: [string, string][] = [
    [':skip', place === 'quiz' ? 'leave this question unanswered, as an empty answer does: not right, not a miss; the next calc-ml quiz asks it again' : 'leave this item unanswered, as an empty answer does: it stays due, not rated'],
    [':quit', 'save your answers and leave; the command that goes on from here is shown then'],
    [':help', 'list these commands'],
    ['?', 'a hint, where the question has one'],
  ];
  const hang = 2 + 5 + 2;
  return rows.map(([c, what]) => `  ${c.padEnd(5)}  ${wrapWords(what, Math.max(20, width - hang)).join(`\n${' '.repeat(hang)}`)}`).join('\n');
}

/** The one line said before the first question of a standalone quiz or review. */
export function quizCommandsLine(place: AnswerPlace = 'quiz'): string {
  return `At an answer: Enter alone or :skip leaves it unanswered (${place === 'quiz' ? 'asked again next time' : 'it stays due'}), :quit saves and leaves, :help lists these.`;
}

/**
 * The quiz's Asker: a reply that is a lesson command is never an answer. `:skip` comes back as the
 * empty answer (the quiz's and review's own skip), `:quit` throws QuitRequested (the quiz saves what
 * was answered before it propagates), `:help` and any other command are answered and the same
 * prompt asked again. Choices picked from a list (were you right?) are left as they are.
 */
export function withQuizCommands(inner: Asker, ui: Ui, place: AnswerPlace = 'quiz'): Asker {
  const isCommand = (s: string) => parseCommand(s) !== null;
  /** The reply to hand on, or null to ask again. */
  const take = (reply: string): string | null => {
    const c = parseCommand(reply);
    if (!c) return reply;
    if (c.name === 'skip') return '';
    if (c.name === 'quit') throw new QuitRequested();
    if (c.name === 'help') ui.say(quizCommandHelp(ui.width, place));
    else ui.say(`${c.name === 'unknown' ? `${c.text} is not a command` : `:${c.name} works in calc-ml start, not here`}. Here: :skip, :quit, :help.`);
    return null;
  };
  const asker: Asker = {
    get interactive() {
      return inner.interactive;
    },
    async input(message, opts = {}) {
      for (;;) {
        const reply = take(await inner.input(message, { ...opts, validate: (s) => (isCommand(s) ? null : (opts.validate?.(s) ?? null)) }));
        if (reply !== null) return reply;
      }
    },
    select: (message, choices, opts) => inner.select(message, choices, opts),
    pause: (message) => inner.pause(message),
  };
  if (inner.block) {
    const block = inner.block.bind(inner);
    asker.block = async (message) => {
      for (;;) {
        const reply = take(await block(message));
        if (reply !== null) return reply;
      }
    };
  }
  return asker;
}
