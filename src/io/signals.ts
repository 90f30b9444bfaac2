import { writeSync } from 'node:fs';

/**
 * SIGTERM or SIGHUP at a prompt: node's default is to die at once, leaving the terminal as inquirer
 * set it (raw mode, no echo, cursor hidden) — the learner's shell then shows nothing they type.
 * Like less and git, put the terminal back on every way out, then exit with 128 + the signal's
 * number, as a shell expects. Answers are saved as they are given, so nothing is pending here.
 */
const SIGNALS = { SIGHUP: 1, SIGTERM: 15 } as const;

export function restoreTerminal(): void {
  try {
    if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
    // Show the cursor (inquirer hides it), written past any output filter: it is ours, not data.
    if (process.stdin.isTTY && process.stdout.isTTY) writeSync(process.stdout.fd, '\x1b[?25h');
  } catch {
    /* the terminal is gone (SIGHUP): nothing to restore */
  }
}

const handlers = new Map<string, () => void>();

/**
 * Installed while a prompt waits (the event loop is idle then, so the handler runs at once), and
 * removed after: a handler installed for the whole run would never run during a long computation,
 * and `kill` would then do nothing; without one, node dies at once, as it should there.
 */
export function exitCleanlyOnSignals(): () => void {
  if (!handlers.size) {
    for (const [name, n] of Object.entries(SIGNALS)) {
      const handler = () => {
        restoreTerminal();
        // After a hang-up there is no terminal to tell.
        if (name !== 'SIGHUP') {
          try {
            process.stderr.write(`\ncalc-ml: stopped by ${name}.\n`);
          } catch {
            /* stderr closed */
          }
        }
        process.exit(128 + n);
      };
      handlers.set(name, handler);
      process.on(name as NodeJS.Signals, handler);
    }
  }
  return () => {
    for (const [name, handler] of handlers) process.removeListener(name as NodeJS.Signals, handler);
    handlers.clear();
  };
}
