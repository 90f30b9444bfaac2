/**
 * Colour is off under NO_COLOR (any value), --no-color, or when the stream is not a terminal. Its own
 * module, free of chalk, so that the output edge (cli.ts) can ask at start-up without loading it
 * (and `lessons`, which asks for the width only).
 */
export function colorEnabled(stream: NodeJS.WriteStream = process.stdout, env = process.env, argv = process.argv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (argv.includes('--no-color')) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

/** The terminal's width; COLUMNS when output is a pipe; else 80. */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout, env = process.env): number {
  const c = stream.columns || Number(env.COLUMNS);
  return c && c > 0 ? Math.floor(c) : 80;
}
