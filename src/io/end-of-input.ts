/**
 * The input ended (a pipe ran out) before every question was answered. `why`, when set, says it was
 * cut short for a reason of its own (a line too long to be an answer), which callers put first.
 */
export class EndOfInput extends Error {
  constructor(readonly why?: string) {
    super(why ?? 'the input ended before every question was answered');
    this.name = 'EndOfInput';
  }
}
