import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/calc-ml.js', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm test builds first) as a learner's shell would, without a terminal. */
export function runCli(args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.cwd ?? ROOT,
    // A fresh progress folder unless the test gives one: never the machine's own progress.
    env: { ...process.env, NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-cli-')), ...opts.env },
    timeout: 20000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
