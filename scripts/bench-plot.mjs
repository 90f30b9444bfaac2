// Start-up of `calc-ml plot x^2` as a ratio to `node -e 0`, both measured in this run (median of 15,
// alternating, after one warm-up each), so the figure does not depend on how fast this machine is.
// Target (DESIGN.md, Performance): ≤ 2×. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
const cases = {
  'node -e 0': ['-e', '0'],
  'calc-ml --version': ['bin/calc-ml.js', '--version'],
  'calc-ml plot x^2': ['bin/calc-ml.js', 'plot', 'x^2'],
};

function time(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const args of Object.values(cases)) time(args); // warm the file cache
for (let i = 0; i < runs; i++) for (const [k, args] of Object.entries(cases)) samples[k].push(time(args));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(samples['node -e 0']);
for (const k of Object.keys(cases)) {
  const m = median(samples[k]);
  console.log(`${k.padEnd(20)} ${m.toFixed(1).padStart(7)} ms  ${(m / base).toFixed(2)}×`);
}
const ratio = median(samples['calc-ml plot x^2']) / base;
console.log(`plot x^2 start-up: ${ratio.toFixed(2)}× node -e 0 (target ≤ 2×)`);
