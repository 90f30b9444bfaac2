import { CommanderError } from 'commander';
import { buildProgram, reportError } from './program.js';
import { shieldExpressions } from './cli-args.js';

// The entry point (dist/cli.js, loaded by bin/calc-ml.js): parses the command line and runs it. The
// program itself is built in program.ts, so tests can build it without running anything.

async function main(): Promise<void> {
  // `calc-ml show | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(shieldExpressions(process.argv, program));
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    process.exitCode = reportError(e, process.argv.includes('--debug'));
  }
}

await main();
