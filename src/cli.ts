import { CommanderError } from 'commander';
import { buildProgram, reportError } from './program.js';
import { helpForUnknown, shieldExpressions } from './cli-args.js';
import { asciiOnly } from './io/ascii-mode.js';
import { surviveClosedStdout } from './io/output.js';
import { exitCleanlyOnSignals } from './io/signals.js';
import { asciiText } from './chart/ascii.js';

// The entry point (dist/cli.js, loaded by bin/calc-ml.js): parses the command line and runs it. The
// program itself is built in program.ts, so tests can build it without running anything.

async function main(): Promise<void> {
  // `calc-ml show | head`: a reader that stops early is not an error, and a quiz goes on saving.
  surviveClosedStdout();
  exitCleanlyOnSignals();
  // --ascii: whatever any command or library writes is plain ASCII (the chart draws its own ASCII
  // styles first; this catches the rest: lesson text, marks, inquirer's glyphs, JSON strings).
  if (asciiOnly()) {
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
      stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? asciiText(chunk) : chunk, ...rest)) as typeof stream.write;
    }
  }
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
