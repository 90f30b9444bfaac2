// Start-up and listing benchmark. Each case runs as a fresh process, repeated; the figure that counts
// is the ratio of medians to a baseline measured in the same run (`node -e 0`, or merely reading the
// files), so that a busy shared machine moves both alike. Prints min / median / max for each.
// Cases: --version, show --json, plot x^2 (target 2×, DESIGN.md Performance), plot "x^2 + 3*y^2" and descend
// ravine (2.5×, issue 12), the quiz up to its
// first prompt (2.2×: the English model of grading is not loaded before it), the listing of 1,268
// lesson files in varied shapes (target 2×), and grading one written answer once the model is loaded (< 50 ms, bench-grade.mjs). Run `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'calc-ml.js');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const env = { ...process.env, NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-bench-home-')) };

// A folder of 1,268 lesson files (the size of the course) of our own making, in the course's varied
// shapes: the bundled lesson and the shape fixtures (tests/fixtures/course), their ids renumbered.
const COUNT = 1268;
const seed = readFileSync(join(root, 'lessons', '1.2.26-calculus-for-ml-big-picture.md'), 'utf8');
const fixtures = [];
const collect = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory()) collect(join(d, e.name));
    else if (/^Lesson-.*\.md$/.test(e.name)) fixtures.push(readFileSync(join(d, e.name), 'utf8'));
  }
};
collect(join(root, 'tests', 'fixtures', 'course'));
const shapes = [seed, ...fixtures].map((text) => ({ text, id: /^# Lesson (\d+(?:\.\d+)+)/m.exec(text)[1] }));
const dir = mkdtempSync(join(tmpdir(), 'calc-ml-bench-'));
for (let i = 0; i < COUNT; i++) {
  const sub = join(dir, `part-${i % 10}`);
  mkdirSync(sub, { recursive: true });
  const id = `3.${Math.floor(i / 100)}.${i % 100}`;
  const shape = shapes[i % shapes.length];
  writeFileSync(join(sub, `Lesson-${id}.md`), shape.text.replaceAll(shape.id, id));
}
const readAll = `const fs=require('fs'),p=require('path');const w=d=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const f=p.join(d,e.name);e.isDirectory()?w(f):fs.readFileSync(f)}};w(${JSON.stringify(dir)})`;

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

// Time from spawning an interactive command until its stdout contains `marker`, then kill it (and wait
// for it to exit, so runs do not overlap). Stdin is a pipe kept open with nothing written, so the
// command waits at its first prompt.
const PROMPT_TIMEOUT_MS = 30_000;
function timeToPrompt(args, marker) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '', err = '', ms = null, failure = null;
    const stop = () => {
      clearTimeout(timer);
      child.kill();
    };
    const timer = setTimeout(() => {
      failure = new Error(`${args.join(' ')}: no "${marker}" within ${PROMPT_TIMEOUT_MS} ms; stdout: ${out}\nstderr: ${err}`);
      stop();
    }, PROMPT_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      if (ms == null && out.includes(marker)) {
        ms = Number(process.hrtime.bigint() - t0) / 1e6;
        stop();
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', (e) => { failure ??= e; stop(); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (ms == null) reject(new Error(`${args.join(' ')} exited ${code} before "${marker}": ${err}`));
      else resolve(ms);
    });
  });
}

// Interleave the case and its baseline run by run, so drift in machine load hits both.
async function measure(c) {
  const a = [], b = [];
  for (let i = 0; i < runs; i++) {
    a.push(c.until ? await timeToPrompt(c.args, c.until) : time(c.args));
    b.push(time(c.base));
  }
  return [stats(a), stats(b)];
}

function stats(xs) {
  xs.sort((x, y) => x - y);
  return { min: xs[0], median: xs[Math.floor(xs.length / 2)], max: xs[xs.length - 1] };
}

const cases = [
  { name: 'calc-ml --version', args: [bin, '--version'], base: ['-e', '0'], baseName: 'node -e 0', target: 1.3 },
  { name: 'calc-ml show --json', args: [bin, 'show', '--json'], base: ['-e', '0'], baseName: 'node -e 0', target: null },
  { name: 'calc-ml plot x^2', args: [bin, 'plot', 'x^2'], base: ['-e', '0'], baseName: 'node -e 0', target: 2 },
  // Issue 12: a contour map of a function of two variables, and descent on a named landscape (its
  // partials are written down with it, so the derivative module is not loaded): target 2.5×.
  { name: 'calc-ml plot "x^2 + 3*y^2"', args: [bin, 'plot', 'x^2 + 3*y^2'], base: ['-e', '0'], baseName: 'node -e 0', target: 2.5 },
  { name: 'calc-ml descend ravine', args: [bin, 'descend', 'ravine'], base: ['-e', '0'], baseName: 'node -e 0', target: 2.5 },
  { name: 'calc-ml quiz to its first prompt', args: [bin, 'quiz'], until: 'true or false (? for a hint)?', base: ['-e', '0'], baseName: 'node -e 0', target: 2.2 },
  // From a pipe, start shows the objectives and ideas (marked-terminal, highlighting) and asks at the first exercise.
  { name: 'calc-ml start to its first question', args: [bin, 'start', '--restart'], until: 'Your answer', base: ['-e', '0'], baseName: 'node -e 0', target: null },
  { name: 'calc-ml lessons --dir (1,268 files)', args: [bin, 'lessons', '--json', '--dir', dir], base: ['-e', readAll], baseName: 'reading the 1,268 files', target: 2 },
];

// `npm run bench -- quiz` runs only the cases whose name contains "quiz".
const only = process.argv.slice(2);
const chosen = only.length ? cases.filter((c) => only.some((o) => c.name.includes(o))) : cases;

const f = (n) => n.toFixed(1).padStart(6);
console.log(`${runs} runs each; times in ms (min / median / max)\n`);
let failed = 0;
try {
  for (const c of chosen) {
    const [s, b] = await measure(c);
    const ratio = s.median / b.median;
    const verdict = c.target == null ? '' : ratio <= c.target ? `  ok (target ≤ ${c.target}×)` : `  OVER target ${c.target}×`;
    if (c.target != null && ratio > c.target) failed++;
    console.log(`${c.name}`);
    console.log(`  ${f(s.min)} / ${f(s.median)} / ${f(s.max)}   vs ${c.baseName}: ${f(b.min)} / ${f(b.median)} / ${f(b.max)}`);
    console.log(`  ratio of medians ${ratio.toFixed(2)}×${verdict}\n`);
  }
  // Grading latency once the English model (or the math engine and Python reader) is loaded: its own script, in process.
  if (!only.length || only.some((o) => 'grading one written answer'.includes(o) || 'grading one coding answer'.includes(o))) {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'bench-grade.mjs')], { stdio: 'inherit' });
    if (r.status !== 0) failed++;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(env.CALC_ML_HOME, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
