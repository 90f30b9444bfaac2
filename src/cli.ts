import { CommanderError } from 'commander';
import { buildProgram, reportError } from './program.js';
import { helpForUnknown, shieldExpressions } from './cli-args.js';
import { asciiOnly } from './io/ascii-mode.js';
import { surviveClosedStdout } from './io/output.js';
import { restoreTerminal } from './io/signals.js';
import { colorEnabled } from './io/color-mode.js';
import { guardStream } from './io/output-edge.js';

// The entry point (dist/cli.js, loaded by bin/calc-ml.js): parses the command line and runs it. The
// program itself is built in program.ts, so tests can build it without running anything.

async function main(): Promise<void> {
  // `calc-ml show | head`: a reader that stops early is not an error, and a quiz goes on saving.
  surviveClosedStdout();
  process.on('exit', restoreTerminal);
  // Everything written from here on, by any command or library, passes the output edge: no control
  // sequence from data reaches the terminal, and with --ascii everything is plain ASCII.
  for (const stream of [process.stdout, process.stderr]) guardStream(stream, { sgr: colorEnabled(stream), ascii: asciiOnly() });
  const program = buildProgram();
  try {
    await program.parseAsync(shieldExpressions(helpForUnknown(process.argv, program), program));
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    process.exitCode = reportError(e, process.argv.includes('--debug'));
  }
}

await main();
