import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PythonRun } from '../tutor/python-compare.js';

import { PYTHON_LIMIT_S } from './python-run.js';
// Output beyond this is cut: a program printing in a loop must not fill memory.
const MAX_OUTPUT = 64 * 1024;

let found: boolean | undefined;

/** Whether python3 runs here (asked once, only when a coding answer could use it). */
export function hasPython(env = process.env): boolean {
  if (env.CALC_ML_PYTHON === '0') return false; // lets a test (or a learner) turn the offer off
  if (found === undefined) found = spawnSync('python3', ['--version'], { stdio: 'ignore', timeout: 3000 }).status === 0;
  return found;
}

/**
 * Runs `code` with python3 in a fresh temporary folder (its working directory, removed afterwards),
 * isolated mode (-I: no user site-packages, no PYTHON* variables), `input` on stdin, stopped after
 * PYTHON_LIMIT_S seconds. It is the learner's own code, run at their request, as they could run it.
 */
export function runPython(code: string, input: string, limitS = PYTHON_LIMIT_S): Promise<PythonRun> {
  const dir = mkdtempSync(join(tmpdir(), 'calc-ml-py-'));
  writeFileSync(join(dir, 'main.py'), code.endsWith('\n') ? code : `${code}\n`);
  return new Promise((resolve) => {
    const child = spawn('python3', ['-I', 'main.py'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const take = (s: string, add: string) => (s.length < MAX_OUTPUT ? (s + add).slice(0, MAX_OUTPUT) : s);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout = take(stdout, d)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = take(stderr, d)));
    const kill = () => {
      try {
        // The whole process group: a program may start its own children.
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, limitS * 1000);
    let finished = false;
    const done = (status: number | null) => {
      if (finished) return; // 'error' and 'close' may both come
      finished = true;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ stdout, stderr, status: timedOut ? null : status, timedOut });
    };
    child.on('error', (e) => {
      stderr += String(e.message);
      done(127);
    });
    child.on('close', (status) => done(status));
    child.stdin.on('error', () => {
      /* the program did not read its input */
    });
    child.stdin.end(input);
  });
}

