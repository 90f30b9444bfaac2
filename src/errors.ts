/**
 * A problem the learner can fix (bad path, bad option, bad expression). The CLI prints its message
 * as one line and exits with `exitCode`; anything else is a bug and shows its stack only with --debug.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** Extra lines shown under the message (e.g. an expression with a caret under the bad column). */
    readonly detail: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}
