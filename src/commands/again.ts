/**
 * The command line that goes on with what was stopped, as the learner would type it: the lesson as
 * they named it (id or path) and the folders they gave. Bare `calc-ml quiz` opens the bundled
 * lesson, so a line that drops the lesson would send a learner of another lesson to the wrong one.
 * Pure: tests/commands/again.test.ts.
 */
export function againCommand(verb: 'quiz' | 'start' | 'review', ref?: string | null, dirs: string[] = []): string {
  return ['calc-ml', verb, ...(ref ? [shellWord(ref)] : []), ...dirs.flatMap((d) => ['--dir', shellWord(d)])].join(' ');
}

/** A word the shell reads back as it is: quoted only when it needs to be (spaces, quotes, $…). */
export function shellWord(s: string): string {
  if (/^[\w@%+=:,./~-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
