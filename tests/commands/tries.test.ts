import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

// Hints, tries and code blocks when the answers come from a pipe: one answer per line, as before,
// with "?" lines for hints, retries only with --tries, and a Python block ended by an empty line.
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-tries-'));
const tf = 'true\nfalse\ntrue\ntrue\n';
const q5 = 'ML needs calculus because models learn by minimising a loss, and derivatives tell us which way to change the weights';
const q6 = 'A loss function measures how far the model predictions are from the true values';
const q7 = 'The gradient points uphill, so we move the weights in the opposite direction to reduce the loss';
const items = (stdout: string) => JSON.parse(stdout).items as { ref: string; verdict: string; score: number; tries: number; hintsUsed: number; answer: string; earlier?: { answer: string; verdict: string }[] }[];

describe('quiz from a pipe', () => {
  test('"?" shows the next hint and asks again, never a miss; the hints used are recorded and cost a tenth each', () => {
    const h = home();
    const r = runCli(['quiz', '--json'], { input: `?\n?\n${tf}${q5}\n${q6}\n${q7}\nf(x) = x^2; f(3)\n`, env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/Hint 1 of 2: What does the slope of a curve tell you\?[\s\S]*Hint 2 of 2:/);
    const it = items(r.stdout);
    expect(it.map((i) => i.verdict)).toEqual(Array(8).fill('correct'));
    expect(it[0]).toMatchObject({ answer: 'true', hintsUsed: 2, tries: 1, score: 0.8 });
    expect(it[1]).toMatchObject({ hintsUsed: 0, score: 1 });
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')).lessons['1.2.26'];
    expect(saved.answers['quiz.1'][0]).toMatchObject({ verdict: 'correct', hintsUsed: 2 });
  });

  test('without --tries a miss is not tried again: the next line answers the next question, as before', () => {
    const r = runCli(['quiz', '--json'], { input: `${tf}because of derivatives\n${q6}\n${q7}\nf(x) = x^2; f(3)\n`, env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(0);
    const it = items(r.stdout);
    expect(it[4]).toMatchObject({ verdict: 'partial', tries: 1 });
    expect(it.slice(5).map((i) => i.verdict)).toEqual(['correct', 'correct', 'correct']);
  });

  test('--tries 3: after a partial answer the one missing idea is named and the next line is the retry', () => {
    const h = home();
    const r = runCli(['quiz', '--json', '--tries', '3'], { input: `${tf}because of derivatives\n${q5}\n${q6}\n${q7}\nf(x) = x^2; f(3)\n`, env: { CALC_ML_HOME: h } });
    expect(r.status).toBe(0);
    const before = r.stderr.slice(r.stderr.indexOf('5/8'), r.stderr.indexOf('Try 2 of 3'));
    expect(before).toMatch(/~ Partly right\./);
    expect(before).toMatch(/Still missing: “to make the loss smaller/);
    expect(before.match(/Still missing:/g)).toHaveLength(1);
    expect(before).not.toMatch(/Model answer/);
    const it = items(r.stdout);
    expect(it[4]).toMatchObject({ verdict: 'correct', tries: 2, score: 0.75, earlier: [{ answer: 'because of derivatives', verdict: 'partial' }] });
    expect(JSON.parse(r.stdout).score).toBe(7.75);
  });

  test('--tries 3: an empty line at a retry gives up: the miss stands and the model answer is shown', () => {
    const r = runCli(['quiz', '--json', '--tries', '3'], { input: `${tf}because of derivatives\n\n${q6}\n${q7}\nf(x) = x^2; f(3)\n`, env: { CALC_ML_HOME: home() } });
    const it = items(r.stdout);
    expect(it[4]).toMatchObject({ verdict: 'partial', tries: 1, answer: 'because of derivatives' });
    expect(r.stderr.slice(r.stderr.indexOf('Try 2 of 3'), r.stderr.indexOf('6/8'))).toMatch(/Model answer:/);
  });

  test('quiz --json: each written answer says what was read from it (claims), as grade --json does', () => {
    const r = runCli(['quiz', '--json'], { input: `${tf}${q5}\n\nWe move the weights with the gradient.\nf(x) = x^2; f(3)\n`, env: { CALC_ML_HOME: home() } });
    const it = JSON.parse(r.stdout).items as { ref: string; verdict: string; claims?: { claim: string; verdict: string; polarity: string }[] }[];
    expect(it[4].claims?.some((c) => c.verdict === 'found')).toBe(true);
    expect(it[5].claims).toBeUndefined(); // skipped
    expect(it[6].verdict).toBe('incorrect');
    expect(it[6].claims).toContainEqual(expect.objectContaining({ claim: 'learning moves with the gradient (uphill)', verdict: 'wrong', polarity: 'affirmed', direction: 'along' }));
    expect(it[0].claims).toBeUndefined(); // true/false
  });

  test('--tries 0 is refused with one line', () => {
    const r = runCli(['quiz', '--tries', '0'], { input: tf, env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('calc-ml: --tries must be a whole number from 1 to 5, not "0"');
  });

  test('"maybe" is asked again and never recorded', () => {
    const h = home();
    const r = runCli(['quiz', '--json'], { input: `maybe\nperhaps\n${tf}${q5}\n${q6}\n${q7}\nf(x) = x^2; f(3)\n`, env: { CALC_ML_HOME: h } });
    expect(r.stderr.match(/is not an answer here/g)).toHaveLength(2);
    expect(items(r.stdout)[0]).toMatchObject({ answer: 'true', verdict: 'correct', score: 1 });
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')).lessons['1.2.26'];
    expect(saved.answers['quiz.1']).toHaveLength(1);
  });

  test('a Python block: a line ending in ":" takes the lines after it, up to an empty line or the end', () => {
    const code = 'import math\ndef f(x):\n    return math.pow(x, 2)\nprint(f(3))\n';
    const r = runCli(['quiz', '--json'], { input: `${tf}${q5}\n${q6}\n${q7}\n${code}`, env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(0);
    expect(items(r.stdout)[7]).toMatchObject({ verdict: 'correct', answer: code.trim() });
  });

  test('the README quiz script gives the same verdicts as before', () => {
    const r = runCli(['quiz', '--json'], { input: tf, env: { CALC_ML_HOME: home() } });
    expect(r.status).toBe(1);
    expect(items(r.stdout).map((i) => [i.verdict, i.score])).toEqual(Array(4).fill(['correct', 1]));
  });
});

describe('grade', () => {
  test('--json says how many tries and hints the verdict took', () => {
    const r = runCli(['grade', 'quiz.8', 'def f(x):\n    return x**2\nprint(f(3))', '--json'], { env: { CALC_ML_HOME: home() } });
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'correct', score: 1, tries: 1, hintsUsed: 0 });
  });
});
