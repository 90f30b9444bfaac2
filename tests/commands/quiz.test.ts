import { copyFileSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, CORPUS, ROOT, BIN } from '../helpers/cli.js';

const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-quiz-'));
const right = 'true\nfalse\ntrue\ntrue\nML needs calculus because models learn by minimising a loss, and derivatives tell us which way to change the weights\nA loss function measures how far the model predictions are from the true values\nThe gradient points uphill, so we move the weights in the opposite direction to reduce the loss\nf(x) = x^2; f(3)\n';
const wrong = 'false\ntrue\nfalse\nfalse\nbecause ML needs calculus\na loss is when you lose money\nthe gradient points downhill and we follow it\nf(x) = 2x; f(3)\n';

describe('calc-ml quiz with answers on stdin', () => {
  test('right answers: every item graded correct, saved to progress', () => {
    const h = home();
    const r = runCli(['quiz', '--json'], { input: right, env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ lesson: '1.2.26', score: 8, total: 8 });
    expect(result.items.map((i: { ref: string; verdict: string }) => [i.ref, i.verdict])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`quiz.${n}`, 'correct']),
    );
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(saved.lessons['1.2.26'].quiz[0]).toMatchObject({ score: 8, total: 8, complete: true });
  });

  test('wrong answers: graded incorrect, with what was wrong; the best is remembered', () => {
    const h = home();
    runCli(['quiz'], { input: right, env: { CALC_ML_HOME: h } });
    const r = runCli(['quiz', '--json'], { input: wrong, env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.score).toBe(0);
    expect(result.items.every((i: { verdict: string }) => i.verdict === 'incorrect')).toBe(true);
    expect(result.items[7].feedback).toMatch(/Your f\(3\) is 6/);
    expect(result.previousBest).toEqual({ score: 8, total: 8 });
    expect(r.stderr).toMatch(/Your best is still 8\/8/);
  });

  test('"maybe" is asked again, not counted wrong', () => {
    const r = runCli(['quiz', '--json'], { input: 'maybe\n' + right, env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/please answer true or false/i);
    expect(JSON.parse(r.stdout).score).toBe(8);
  });

  test('an empty line skips any question, true/false too: not answered, neither right nor a miss; the next quiz asks it again', () => {
    const h = home();
    const r = runCli(['quiz', '--json'], { input: right.replace(/^true\nfalse\n/, 'true\n\n'), env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    // Later answers keep their places; the skipped one is marked, and not counted in the score.
    expect(result.items.map((i: { verdict: string }) => i.verdict)).toEqual(['correct', 'skipped', 'correct', 'correct', 'correct', 'correct', 'correct', 'correct']);
    expect(result.items[1]).toMatchObject({ ref: 'quiz.2', skipped: true, answer: '', score: 0 });
    expect(result.items.filter((i: { skipped?: boolean }) => i.skipped)).toHaveLength(1);
    expect(result).toMatchObject({ score: 7, total: 7, skipped: 1, complete: false, passed: null });
    expect(result.scoreLine).toBe('7 of 7 graded right (100%); 1 question skipped (not answered)');
    const text = r.stderr.replace(/\s+/g, ' ');
    expect(text).toContain('Score: 7 of 7 graded right (100%); 1 question skipped (not answered).');
    expect(text).toMatch(/Not finished: a question skipped, so not passed yet/);
    expect(text).not.toMatch(/Everything right|Passed \(/);
    // Its answer is not given away: the question comes back.
    expect(text).not.toMatch(/The statement is false/);
    // The next quiz asks only the skipped question, and then the quiz is complete and passed.
    const again = runCli(['quiz', '--json'], { input: 'false\n', env: { CALC_ML_HOME: h } });
    expect(again.status).toBe(0);
    const done = JSON.parse(again.stdout);
    expect(done.items.filter((i: { resumed?: boolean }) => !i.resumed).map((i: { ref: string }) => i.ref)).toEqual(['quiz.2']);
    expect(done).toMatchObject({ score: 8, total: 8, skipped: 0, complete: true, passed: true });
    expect(again.stderr.replace(/\s+/g, ' ')).toMatch(/7 of 8 answered; 1 skipped, asked again now\): question 2 is next/);
  });

  test('without --json, a quiz with a question skipped says so and names the command that asks it', () => {
    const h = home();
    const r = runCli(['quiz'], { input: right.replace(/^true\nfalse\n/, 'true\n:skip\n'), env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Score: 7 of 7 graded right \(100%\); 1 question skipped \(not answered\)\.$/m);
    expect(r.stdout).toMatch(/To answer the skipped question, run:\n  calc-ml quiz\n/);
  });

  test('a lesson without a key: piped answers are not taken as replies to "were you right?"', () => {
    const dir = home();
    const md = join(dir, '1.2.26-calculus-for-ml-big-picture.md');
    copyFileSync(join(ROOT, 'lessons', '1.2.26-calculus-for-ml-big-picture.md'), md);
    const r = runCli(['quiz', md, '--json'], { input: right, env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.items).toHaveLength(8);
    expect(result.items.map((i: { answer: string }) => i.answer)).toEqual(right.trim().split('\n'));
    expect(r.stderr).not.toMatch(/Were you right/);
  });

  test('input ending half-way with --json: what was graded is still one JSON document, marked incomplete', () => {
    const r = runCli(['quiz', '--json'], { input: 'true\nfalse\n', env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(1);
    const partial = JSON.parse(r.stdout);
    expect(partial).toMatchObject({ lesson: '1.2.26', score: 2, total: 2, complete: false });
    expect(partial.items.map((i: { ref: string }) => i.ref)).toEqual(['quiz.1', 'quiz.2']);
    expect(r.stderr).toMatch(/^calc-ml: the input ended after 2 of 8 answers/m);
  });

  test('input ending half-way: answers kept, one line, non-zero exit, a valid progress file', () => {
    const h = home();
    const r = runCli(['quiz'], { input: 'true\nfalse\ntrue\n', env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^calc-ml: the input ended after 3 of 8 answers; your 3 answers are saved/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(saved.lessons['1.2.26'].quiz[0]).toMatchObject({ complete: false, total: 3 });
    expect(Object.keys(saved.lessons['1.2.26'].answers)).toEqual(['quiz.1', 'quiz.2', 'quiz.3']);
  });

  test.each([
    ['true\n\nfalse\n', 'the input ended after 2 of 8 answers (1 question skipped); your 2 answers are saved'],
    ['true\nfalse\n\n\ntrue\n', 'the input ended after 3 of 8 answers (2 questions skipped); your 3 answers are saved'],
    ['\n\n', 'the input ended after 0 of 8 answers (2 questions skipped); nothing was answered, only skipped'],
    ['true\n', 'the input ended after 1 of 8 answers; your 1 answer is saved'],
  ])('input ending after empty lines %j: only answers given are counted, skips said apart', (input, said) => {
    const r = runCli(['quiz'], { input, env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(1);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain(`calc-ml: ${said} (give one answer per line, in question order).`);
  });

  test('an unwritable progress folder: told once, the quiz still runs', () => {
    const h = home();
    writeFileSync(join(h, 'a-file'), 'not a folder');
    const r = runCli(['quiz', '--json'], { input: right, env: { CALC_ML_HOME: join(h, 'a-file', 'home') } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/cannot save progress in .*; set CALC_ML_HOME to a folder you can write\. This session's answers will not be kept\./);
    expect(JSON.parse(r.stdout).score).toBe(8);
  });

  (existsSync(CORPUS) ? test : test.skip)('a milestone quiz without answers runs as a self-check', () => {
    const input = Array.from({ length: 10 }, () => 'true').join('\n') + '\n'; // piped: no "were you right?" in between
    const r = runCli(['quiz', '1.2.44', '--dir', CORPUS, '--json'], { input, env: { CALC_ML_HOME: home() } });
    const result = JSON.parse(r.stdout || '{}');
    expect(r.stderr).toMatch(/self-check/);
    expect(result.items?.slice(0, 10).every((i: { verdict: string }) => i.verdict === 'ungraded') ?? true).toBe(true);
  });

  test('every question skipped: "Score: nothing was graded", not a capital mid-line', () => {
    const r = runCli(['quiz'], { input: '\n'.repeat(8), env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Score: nothing was graded; 8 questions skipped \(not answered\)\.$/m);
  });

  test('the piped example in quiz --help finishes the quiz (real answers, none skipped)', () => {
    const help = runCli(['quiz', '--help']).stdout;
    // The example as printed: "$ printf …" and its backslash-continued lines, pasted into a shell.
    const from = help.split('\n').findIndex((l) => l.includes('$ printf'));
    expect(from).toBeGreaterThan(-1);
    const example = help.split('\n').slice(from).join('\n').replace(/^\s*\$ /, '').split(/(?<!\\)\n/)[0];
    const sh = spawnSync('sh', ['-c', example.replace(/\bcalc-ml quiz/g, `"${process.execPath}" "${BIN}" quiz`)], {
      encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_HOME: home() }, timeout: 20000,
    });
    expect(sh.stderr).not.toMatch(/input ended|skipped/);
    expect(sh.status).toBe(0);
    const result = JSON.parse(sh.stdout);
    expect(result).toMatchObject({ complete: true, passed: true, skipped: 0, total: 8 });
  });
});

describe('calc-ml grade', () => {
  test.each([
    [['quiz.1', 'yes'], 'correct'],
    [['5', 'ML needs calculus because training minimises a loss and the derivative says which way to move the weights'], 'correct'],
    [['1.2.26.1', 'the area under the curve'], 'incorrect'],
    [['quiz.8', 'def f(x): return x**2'], 'partial'],
  ])('%j → %s', (args, verdict) => {
    const r = runCli(['grade', ...args, '--json'], { env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).verdict).toBe(verdict);
  });

  test.each([
    ['a newline inside the argument', ['grade', 'quiz.8', 'import math\ndef f(x):\n    return math.pow(x, 2)\n\nprint(f(3))', '--json'], undefined, 'correct'],
    ["the README's piped block", ['grade', 'quiz.8', '--json'], 'def f(x):\n    return x**2\nprint(f(3))\n', 'correct'],
    ['a one-line lambda with ;', ['grade', 'quiz.8', '--json'], 'f = lambda x: x**2; print(f(3))\n', 'correct'],
    ['^ in Python is exclusive-or', ['grade', 'quiz.8', 'def f(x):\n    return x^2\nprint(f(3))', '--json'], undefined, 'incorrect'],
    ['the call after ; on the def line is in its body', ['grade', 'quiz.8', '--json'], 'def f(x): return x**2; print(f(3))\n', 'partial'],
  ])('coding answers: %s', (_what, args, input, verdict) => {
    const r = runCli(args as string[], { ...(input === undefined ? {} : { input: input as string }), env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).verdict).toBe(verdict);
  });

  test('the answer from stdin', () => {
    const r = runCli(['grade', 'quiz.8', '--json'], { input: 'f(x) = x^2\nf(3)\n', env: { CALC_ML_HOME: home() } });
    expect(JSON.parse(r.stdout)).toMatchObject({ ref: 'quiz.8', verdict: 'correct', score: 1 });
  });

  test('no answer at all (empty stdin) is a bad command: one line, exit 2, nothing recorded', () => {
    const h = home();
    const r = runCli(['grade', 'quiz.1'], { input: '', env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('calc-ml: no answer given for quiz.1; pass it as an argument (calc-ml grade quiz.1 "your answer") or on stdin\n');
    expect(existsSync(join(h, 'progress.json'))).toBe(false);
  });

  test('an unknown ref is a bad command: one line, exit 2', () => {
    const r = runCli(['grade', 'quiz.42', 'x'], { env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^calc-ml: lesson 1\.2\.26 has no question "quiz\.42"; its questions are 1\.2\.26\.1, .*quiz\.8\n$/);
  });

  test('two processes answering at once lose nothing', async () => {
    const h = home();
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/cli.js');
    const one = (i: number) => new Promise<number>((resolve) => {
      const p = spawn(process.execPath, [BIN, 'grade', `quiz.${(i % 4) + 1}`, 'true'], { env: { ...process.env, CALC_ML_HOME: h, NO_COLOR: '1' }, stdio: 'ignore' });
      p.on('exit', (code) => resolve(code ?? -1));
    });
    const codes = await Promise.all(Array.from({ length: 12 }, (_, i) => one(i)));
    expect(codes.every((c) => c === 0)).toBe(true);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    const count = Object.values(saved.lessons['1.2.26'].answers as Record<string, unknown[]>).reduce((n, l) => n + l.length, 0);
    expect(count).toBe(12);
  });
});

describe('progress under kill -9', () => {
  test('a process killed at any moment leaves the old file or the new one, never a broken one, and no lock in the way', async () => {
    const h = home();
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/cli.js');
    for (let i = 0; i < 12; i++) {
      const p = spawn(process.execPath, [BIN, 'grade', `quiz.${(i % 4) + 1}`, 'true'], { env: { ...process.env, CALC_ML_HOME: h, NO_COLOR: '1' }, stdio: 'ignore' });
      // Listen before killing: a run that finishes first must not leave the test waiting forever.
      const exited = new Promise((r) => p.on('exit', r));
      await new Promise((r) => setTimeout(r, 60 + ((i * 37) % 200)));
      p.kill('SIGKILL');
      await exited;
      if (existsSync(join(h, 'progress.json'))) expect(() => JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'))).not.toThrow();
    }
    const after = runCli(['grade', 'quiz.1', 'true', '--json'], { env: { CALC_ML_HOME: h } });
    expect(after.status).toBe(0);
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(saved.lessons['1.2.26'].answers['quiz.1'].length).toBeGreaterThanOrEqual(1);
  });
});
