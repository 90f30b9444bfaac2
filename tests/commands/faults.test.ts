import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, runCli } from '../helpers/cli.js';

// Progress under a full disk and a read-only folder. The faults are injected into node:fs by a
// preload (tests/helpers/faults.cjs), so they run the same as root, as a user and in CI; a real
// read-only folder is tried as well where the test can make one.

const FAULTS = fileURLToPath(new URL('../helpers/faults.cjs', import.meta.url));
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-faults-'));
const right = 'true\nfalse\ntrue\ntrue\nML needs calculus because models learn by minimising a loss, and derivatives tell us which way to change the weights\nA loss function measures how far the model predictions are from the true values\nThe gradient points uphill, so we move the weights in the opposite direction to reduce the loss\nf(x) = x^2; f(3)\n';

function withFault(h: string, fault: 'ENOSPC' | 'EROFS', extra: Record<string, string> = {}) {
  return { CALC_ML_HOME: h, NODE_OPTIONS: `--require ${FAULTS}`, CALC_ML_TEST_FAULT: fault, CALC_ML_TEST_FAULT_DIR: h, ...extra };
}

/** A home with one answer saved, and its progress file's bytes. */
function homeWithOneAnswer(): { h: string; before: string } {
  const h = home();
  expect(runCli(['grade', 'quiz.1', 'true'], { env: { CALC_ML_HOME: h } }).status).toBe(0);
  return { h, before: readFileSync(join(h, 'progress.json'), 'utf8') };
}

/** Nothing but progress.json (no temporary file, no lock) is left in the folder. */
const leftovers = (h: string) => readdirSync(h).filter((n) => n !== 'progress.json');

describe('a full disk', () => {
  test.each([
    ['while writing the progress file', '^progress\\.json\\.(?!lock)'],
    ['while taking the lock', '\\.lock$'],
    ['on every write', ''],
  ])('%s: one clear note, the old file intact, nothing half-written left', (_when, pattern) => {
    const { h, before } = homeWithOneAnswer();
    const r = runCli(['grade', 'quiz.2', 'false'], { env: withFault(h, 'ENOSPC', { CALC_ML_TEST_FAULT_MATCH: pattern }) });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ Correct/);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Note: cannot save progress in .* \(ENOSPC: disk full\); free some space, or set CALC_ML_HOME to another folder\./),
    ]);
    expect(readFileSync(join(h, 'progress.json'), 'utf8')).toBe(before);
    expect(leftovers(h)).toEqual([]);
  });

  test('after the disk is freed, the next answer is saved at once (no empty lock left to wait on)', () => {
    const { h } = homeWithOneAnswer();
    runCli(['grade', 'quiz.2', 'false'], { env: withFault(h, 'ENOSPC', { CALC_ML_TEST_FAULT_MATCH: '\\.lock$', CALC_ML_TEST_FAULT_BYTES: '0' }) });
    const r = runCli(['grade', 'quiz.3', 'true'], { env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(Object.keys(JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')).lessons['1.2.26'].answers)).toEqual(['quiz.1', 'quiz.3']);
  });

  test('filling up half-way through a quiz: the answers before it are kept, the quiz goes on to its score', () => {
    const h = home();
    const r = runCli(['quiz', '--json'], { input: right, env: withFault(h, 'ENOSPC', { CALC_ML_TEST_FAULT_MATCH: '^progress\\.json\\.(?!lock)', CALC_ML_TEST_FAULT_AFTER: '3' }) });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).score).toBe(8);
    expect(r.stderr.match(/^Note: /gm)).toHaveLength(1);
    expect(r.stderr).toMatch(/What you answer from here on will not be kept; the file keeps everything saved before it/);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const kept = Object.keys(saved.lessons['1.2.26'].answers);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(['quiz.1', 'quiz.2', 'quiz.3', 'quiz.4', 'quiz.5', 'quiz.6', 'quiz.7', 'quiz.8'].slice(0, kept.length));
    expect(kept.length).toBeLessThan(8);
    expect(leftovers(h)).toEqual([]);
  });
});

describe('a read-only folder', () => {
  test('injected (EROFS): told once before the first question, the quiz runs, the file is untouched', () => {
    const { h, before } = homeWithOneAnswer();
    const r = runCli(['quiz', '--json'], { input: right, env: withFault(h, 'EROFS') });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).score).toBe(8);
    expect(r.stderr.match(/^Note: /gm)).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot save progress in .* \(EROFS: read-only file system\); set CALC_ML_HOME to a folder you can write\. This session's answers will not be kept\./);
    expect(readFileSync(join(h, 'progress.json'), 'utf8')).toBe(before);
    expect(leftovers(h)).toEqual([]);
  });

  test.each(['EROFS', 'ENOSPC'] as const)('injected %s: reset says nothing was forgotten and why, exits 1, leaves no copy', (fault) => {
    const { h, before } = homeWithOneAnswer();
    const r = runCli(['reset', '--yes'], { env: withFault(h, fault) });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^calc-ml: nothing was forgotten: cannot save progress in .* \\(${fault}: `))]);
    expect(readFileSync(join(h, 'progress.json'), 'utf8')).toBe(before);
    expect(leftovers(h)).toEqual([]);
  });

  // A real one: as root, permissions do not apply, so the CLI runs as "nobody" through setpriv when
  // that works here (the checkout must be readable by others); as a user, chmod is enough.
  const root = process.getuid?.() === 0;
  const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  const canDrop = root && spawnSync(asNobody[0], [...asNobody.slice(1), process.execPath, BIN, '--version'], { encoding: 'utf8' }).status === 0;
  (root && !canDrop ? test.skip : test)('real (chmod 555): the same note, the quiz runs, the file is untouched', () => {
    const h = home();
    chmodSync(h, 0o755);
    const ro = join(h, 'ro');
    mkdirSync(ro);
    expect(runCli(['grade', 'quiz.1', 'true'], { env: { CALC_ML_HOME: ro } }).status).toBe(0);
    const before = readFileSync(join(ro, 'progress.json'), 'utf8');
    chmodSync(ro, 0o555);
    const cmd = root ? [...asNobody, process.execPath, BIN] : [process.execPath, BIN];
    const r = spawnSync(cmd[0], [...cmd.slice(1), 'quiz', '--json'], { input: right, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_HOME: ro } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).score).toBe(8);
    expect(r.stderr).toMatch(/cannot save progress in .*ro \((EACCES: permission denied|EROFS: read-only file system)\); set CALC_ML_HOME to a folder you can write/);
    expect(readFileSync(join(ro, 'progress.json'), 'utf8')).toBe(before);
    expect(existsSync(join(ro, 'progress.json.lock'))).toBe(false);
    const reset = spawnSync(cmd[0], [...cmd.slice(1), 'reset', '--yes'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CALC_ML_HOME: ro } });
    expect(reset.status).toBe(1);
    expect(reset.stderr).toMatch(/^calc-ml: nothing was forgotten: cannot save progress in .*ro \(EACCES: permission denied\)/);
  });
});
