// Start-up and listing benchmark. Each case runs as a fresh process, repeated; the figure that counts
// is the ratio of medians to a baseline measured in the same run (`node -e 0`, or merely reading the
// files), so that a busy shared machine moves both alike. Prints min / median / max for each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'calc-ml.js');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const env = { ...process.env, NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-bench-home-')) };

// A folder of 1,000 lesson files of our own making: the bundled lesson with its numbers changed.
const seed = readFileSync(join(root, 'lessons', '1.2.26-calculus-for-ml-big-picture.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'calc-ml-bench-'));
for (let i = 0; i < 1000; i++) {
  const sub = join(dir, `part-${i % 10}`);
  mkdirSync(sub, { recursive: true });
  const id = `3.${Math.floor(i / 100)}.${i % 100}`;
  writeFileSync(join(sub, `Lesson-${id}.md`), seed.replaceAll('1.2.26', id));
}
const readAll = `const fs=require('fs'),p=require('path');const w=d=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const f=p.join(d,e.name);e.isDirectory()?w(f):fs.readFileSync(f)}};w(${JSON.stringify(dir)})`;

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

// Interleave the case and its baseline run by run, so drift in machine load hits both.
function measure(args, baseArgs) {
  const a = [], b = [];
  for (let i = 0; i < runs; i++) {
    a.push(time(args));
    b.push(time(baseArgs));
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
  { name: 'calc-ml lessons --dir (1,000 files)', args: [bin, 'lessons', '--json', '--dir', dir], base: ['-e', readAll], baseName: 'reading the 1,000 files', target: 3 },
];

const f = (n) => n.toFixed(1).padStart(6);
console.log(`${runs} runs each; times in ms (min / median / max)\n`);
let failed = 0;
try {
  for (const c of cases) {
    const [s, b] = measure(c.args, c.base);
    const ratio = s.median / b.median;
    const verdict = c.target == null ? '' : ratio <= c.target ? `  ok (target ≤ ${c.target}×)` : `  OVER target ${c.target}×`;
    if (c.target != null && ratio > c.target) failed++;
    console.log(`${c.name}`);
    console.log(`  ${f(s.min)} / ${f(s.median)} / ${f(s.max)}   vs ${c.baseName}: ${f(b.min)} / ${f(b.median)} / ${f(b.max)}`);
    console.log(`  ratio of medians ${ratio.toFixed(2)}×${verdict}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(env.CALC_ML_HOME, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
