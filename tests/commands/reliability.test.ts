import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, utimesSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

// Nothing lost: a nearly full disk, quizzes running at once, a reader that closes stdout early,
// temporary files left by kill -9. Each case is one a learner met (issue 13, data loss).

const FAULTS = fileURLToPath(new URL('../helpers/faults.cjs', import.meta.url));
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-rel-'));
const ANSWERS = 'true\nfalse\ntrue\ntrue\nML needs calculus because models learn by minimising a loss, and derivatives tell us which way to change the weights\nA loss function measures how far the model predictions are from the true values\nThe gradient points uphill, so we move the weights in the opposite direction to reduce the loss\nf(x) = x^2; f(3)\n';
const progressOf = (h: string) => JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
const answersOf = (h: string, ref = 'quiz.1') => progressOf(h).lessons['1.2.26'].answers[ref]?.length ?? 0;

function gradeMany(h: string, n: number): void {
  for (let i = 0; i < n; i++) expect(runCli(['grade', 'quiz.1', 'true'], { env: { CALC_ML_HOME: h } }).status).toBe(0);
}

// A real tmpfs of 64 KiB where the test may mount one (root, in a sandbox that allows it).
function mountTinyDisk(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'calc-ml-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  return r.status === 0 ? dir : null;
}

/** Fills the disk under `dir` until `leave` bytes are free. */
function fillDisk(dir: string, leave: number): void {
  const free = Number(execFileSync('df', ['--output=avail', '-B1', dir], { encoding: 'utf8' }).trim().split('\n').pop());
  writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, free - leave)));
}

const tiny = mountTinyDisk();
afterAll(() => {
  if (tiny) spawnSync('umount', [tiny]);
});

describe('a nearly full disk never costs the history', () => {
  (tiny ? test : test.skip)('real tmpfs: 40 answers kept when the 41st does not fit, and the learner is told', () => {
    gradeMany(tiny!, 40);
    const before = readFileSync(join(tiny!, 'progress.json'));
    fillDisk(tiny!, 3 * 1024);
    const r = runCli(['grade', 'quiz.1', 'true'], { env: { CALC_ML_HOME: tiny! } });
    expect(r.stdout).toMatch(/✓ Correct/);
    expect(r.stderr).toMatch(/^Note: cannot save progress in .* \(ENOSPC: disk full\); free some space/);
    expect(readFileSync(join(tiny!, 'progress.json')).equals(before)).toBe(true);
    expect(answersOf(tiny!)).toBe(40);
    // The next command reads the file as good data: nothing moved aside, no temporary file left.
    const p = runCli(['progress'], { env: { CALC_ML_HOME: tiny! } });
    expect(p.stderr).not.toMatch(/could not be used|moved to/);
    expect(readdirSync(tiny!).sort()).toEqual(['filler', 'progress.json']);
  });

  test('a short write (write() taking part of the data without an error) is finished or refused, never renamed half-done', () => {
    const h = home();
    gradeMany(h, 3);
    const before = readFileSync(join(h, 'progress.json'), 'utf8');
    const r = runCli(['grade', 'quiz.1', 'true'], {
      env: { CALC_ML_HOME: h, NODE_OPTIONS: `--require ${FAULTS}`, CALC_ML_TEST_FAULT: 'SHORT', CALC_ML_TEST_FAULT_DIR: h, CALC_ML_TEST_FAULT_MATCH: '^progress\\.json\\.(?!lock)', CALC_ML_TEST_FAULT_BYTES: '100' },
    });
    expect(r.stderr).toMatch(/ENOSPC: disk full/);
    expect(readFileSync(join(h, 'progress.json'), 'utf8')).toBe(before);
    expect(readdirSync(h)).toEqual(['progress.json']);
  });

  test('a quiz whose saves start failing half-way says how many answers were kept, not "Saved in"', () => {
    const h = home();
    // The attempt's start and three answers are written; every later write finds the disk full.
    const r = runCli(['quiz'], {
      input: ANSWERS,
      env: { CALC_ML_HOME: h, NODE_OPTIONS: `--require ${FAULTS}`, CALC_ML_TEST_FAULT: 'SHORT', CALC_ML_TEST_FAULT_DIR: h, CALC_ML_TEST_FAULT_MATCH: '\\.tmp$', CALC_ML_TEST_FAULT_AFTER: '4', CALC_ML_TEST_FAULT_BYTES: '10' },
    });
    expect(r.stdout).not.toMatch(/Saved in/);
    expect(r.stdout).toMatch(/3 of your 8 answers are saved; the rest could not be/);
    const attempt = progressOf(h).lessons['1.2.26'].quiz[0];
    expect(attempt.answers).toHaveLength(3);
  });
});

describe('quizzes at once', () => {
  test('four piped quizzes in one home each keep their own complete attempt', async () => {
    const h = home();
    const runs = Array.from({ length: 4 }, () =>
      new Promise<number>((resolve) => {
        const p = spawn(process.execPath, [BIN, 'quiz'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_HOME: h }, stdio: ['pipe', 'ignore', 'ignore'] });
        // Answers trickle in, so the four quizzes interleave their saves.
        const lines = ANSWERS.split('\n');
        let i = 0;
        const tick = setInterval(() => {
          if (i < lines.length - 1) p.stdin.write(`${lines[i++]}\n`);
          else {
            clearInterval(tick);
            p.stdin.end();
          }
        }, 15);
        p.on('close', (code) => resolve(code ?? -1));
      }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    const attempts = progressOf(h).lessons['1.2.26'].quiz;
    expect(attempts).toHaveLength(4);
    expect(new Set(attempts.map((a: { id: string }) => a.id)).size).toBe(4);
    for (const a of attempts) {
      expect(a).toMatchObject({ complete: true, total: 8 });
      expect(a.answers).toHaveLength(8);
    }
    expect(progressOf(h).lessons['1.2.26'].answers['quiz.1']).toHaveLength(4);
  }, 60_000);
});

describe('a reader that stops early', () => {
  test('quiz < answers | head -1: every answer is still graded and saved, and stderr says so', () => {
    const h = home();
    const answers = join(h, 'answers.txt');
    writeFileSync(answers, ANSWERS);
    const r = spawnSync('bash', ['-c', `'${process.execPath}' '${BIN}' quiz < '${answers}' | head -1; echo "status \${PIPESTATUS[0]}" >&2`], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_HOME: join(h, 'home') }, timeout: 20_000,
    });
    expect(r.stdout).toBe('Quiz · Lesson 1.2.26: Calculus for ML - Big Picture\n');
    expect(r.stderr).toMatch(/calc-ml: the output was closed before the quiz ended; your 8 answers are saved/);
    expect(r.stderr).toMatch(/status 0/);
    const attempt = progressOf(join(h, 'home')).lessons['1.2.26'].quiz[0];
    expect(attempt).toMatchObject({ complete: true });
    expect(attempt.answers).toHaveLength(8);
  });
});

describe('temporary files left by a killed save', () => {
  test('are removed by the next save; one of a live process is left alone', () => {
    const h = home();
    gradeMany(h, 1);
    const dead = 'progress.json.999999.0badf00d.tmp'; // no such pid
    const live = `progress.json.${process.pid}.feedbeef.tmp`; // this test runner, alive
    const oldAtomic = 'progress.json.3f2a9c1b'; // write-file-atomic's name, from an older calc-ml
    for (const f of [dead, live, oldAtomic]) writeFileSync(join(h, f), '{"half": ');
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(join(h, oldAtomic), old, old);
    gradeMany(h, 1);
    expect(readdirSync(h).sort()).toEqual(['progress.json', live]);
    expect(answersOf(h)).toBe(2);
  });
});

describe('files that are not what they seem', () => {
  test.each([
    ['a progress file with a BOM', '\uFEFF{"schema": 1, "lessons": {}}', null],
    ['answers of the wrong shape', '{"schema": 1, "lessons": {"1.2.26": {"quiz": [], "answers": {"quiz.6": 5}}}}', /lesson 1\.2\.26: answers\.quiz\.6 is malformed/],
    ['an attempt with no answers list', '{"schema": 1, "lessons": {"1.2.26": {"quiz": [{"startedAt": "x"}]}}}', /lesson 1\.2\.26: quiz\.0/],
    ['deep nesting', `{"schema": 1, "lessons": {"1.2.26": {"quiz": [], "extra": ${'['.repeat(50_000)}${']'.repeat(50_000)}}}}`, /nests deeper than 32 levels/],
  ])('%s: the quiz runs; a bad file is moved aside with its content kept and the learner told', (_name, content, moved) => {
    const h = home();
    writeFileSync(join(h, 'progress.json'), content);
    const r = runCli(['quiz'], { input: ANSWERS, env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/unexpected error|TypeError|RangeError/);
    expect(answersOf(h)).toBe(1);
    const aside = readdirSync(h).filter((f) => f.startsWith('progress.corrupt-'));
    if (!moved) expect(aside).toEqual([]);
    else {
      expect(r.stderr).toMatch(moved);
      expect(r.stderr).toMatch(/was moved to .*progress\.corrupt-/);
      expect(readFileSync(join(h, aside[0]), 'utf8')).toBe(content);
    }
  });

  test.each([
    ['progress.json', 'a folder'],
    ['progress.json.lock', 'a folder'],
    ['progress.json', 'a named pipe (FIFO)'],
    ['progress.json.lock', 'a named pipe (FIFO)'],
  ])('%s as %s: one clear line at once, no hang, nothing touched', (name, what) => {
    const h = home();
    if (what === 'a folder') mkdirSync(join(h, name));
    else execFileSync('mkfifo', [join(h, name)]);
    const t0 = Date.now();
    const r = runCli(['grade', 'quiz.1', 'true'], { env: { CALC_ML_HOME: h } });
    expect(Date.now() - t0).toBeLessThan(4_000); // the lock wait is 5 s: refused, not timed out
    expect(r.stderr).toContain(`${join(h, name)} is ${what}, not calc-ml's file; move it away, or set CALC_ML_HOME to another folder`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(statSync(join(h, name)).isFile()).toBe(false);
  });
});

describe('input too long to be an answer', () => {
  test('quiz < /dev/zero: one line, exit 1, no stack trace, in well under a second of reading', () => {
    const r = spawnSync('bash', ['-c', `'${process.execPath}' '${BIN}' quiz < /dev/zero`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CALC_ML_HOME: home() }, timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['calc-ml: line 1 of the input is longer than 10,000 characters, the most an answer may have; nothing after it was read; nothing was answered yet']);
  });

  test('an over-long third line keeps the two answers before it', () => {
    const h = home();
    const r = runCli(['quiz'], { input: `true\nfalse\n${'a'.repeat(20_000)}\ntrue\n`, env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/line 3 of the input is longer than 10,000 characters.*your 2 answers are saved/);
    expect(progressOf(h).lessons['1.2.26'].quiz[0].answers).toHaveLength(2);
  });

  test.each([
    ['as an argument', ['grade', 'quiz.6', 'a'.repeat(10_001)], '', /the answer given is longer than 10,000 characters \(10,001 characters\)/],
    ['on stdin', ['grade', 'quiz.6'], 'a'.repeat(50_000), /the answer on stdin is longer than 10,000 characters/],
  ])('grade with an answer over 10,000 characters %s: refused, exit 2, nothing recorded', (_how, args, input, message) => {
    const h = home();
    const r = runCli(args, { input, env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(h)).toEqual([]);
  });
});
