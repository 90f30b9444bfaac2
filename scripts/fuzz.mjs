// The fuzz run: `npm run fuzz` (10 minutes), `npm run fuzz -- --minutes 1 --seed 42 --only lessons,keys`.
// Bundles tests/fuzz/harness.ts with esbuild, builds the CLI (spawned cases run bin/calc-ml.js), and
// runs the harness in a child process that this one watches: a case that blocks the event loop past
// the bound is a hang, reported with the case, and the run goes on in a new child.
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
if (args.includes('--help')) {
  console.log('npm run fuzz -- [--minutes M (default 10)] [--seconds S] [--seed N] [--only expressions,lessons,keys,progress,spawned]');
  process.exit(0);
}
const seconds = Number(arg('seconds', Number(arg('minutes', '10')) * 60));
let seed = Number(arg('seed', String(Date.now() % 1e9)));
const only = arg('only', '');
if (!(seconds > 0) || !Number.isInteger(seed)) {
  console.error('calc-ml fuzz: --minutes/--seconds must be positive and --seed an integer');
  process.exit(2);
}

const cache = join(root, 'node_modules', '.cache', 'calc-ml-fuzz');
mkdirSync(cache, { recursive: true });
const findings = join(cache, `findings-${seed}`);
rmSync(findings, { recursive: true, force: true });
const caseFile = join(cache, `case-${process.pid}.json`);

if (spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);
const runner = join(cache, 'runner.mjs');
await build({
  stdin: {
    contents: `import { fuzz } from './tests/fuzz/harness.ts';
const o = JSON.parse(process.argv[2]);
process.exitCode = await fuzz({ ...o, log: (l) => console.log(l) });`,
    resolveDir: root,
    loader: 'ts',
  },
  outfile: runner,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  define: { __CALC_ML_VERSION__: '"fuzz"', __CALC_ML_BUILD__: '"fuzz"' },
  banner: {
    js: "import { createRequire as __r } from 'node:module'; import { fileURLToPath as __f } from 'node:url'; const require = __r(import.meta.url); const __filename = __f(import.meta.url); const __dirname = __f(new URL('.', import.meta.url));",
  },
});

console.log(`calc-ml fuzz: ${seconds} s, seed ${seed}${only ? `, only ${only}` : ''}; failing cases are saved in ${findings}`);
const end = Date.now() + seconds * 1000;
const STALL_MS = 30_000; // three times the harness's per-case bound
let failed = false;
while (Date.now() < end - 1000) {
  const left = Math.round((end - Date.now()) / 1000);
  const child = spawn(process.execPath, [runner, JSON.stringify({ seconds: left, seed, root, corpus: join(root, '..', 'shared', 'corpus'), caseFile, findings, only: only ? only.split(',') : undefined })], { stdio: 'inherit' });
  const started = Date.now();
  const stalled = await new Promise((resolve) => {
    const timer = setInterval(() => {
      const last = existsSync(caseFile) ? statSync(caseFile).mtimeMs : started;
      if (Date.now() - Math.max(last, started) > STALL_MS) {
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve(true);
      }
    }, 1000);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code) failed = true;
      resolve(false);
    });
  });
  if (!stalled) break;
  failed = true;
  const c = existsSync(caseFile) ? readFileSync(caseFile, 'utf8') : '{}';
  console.log(`FAIL hang: no case finished within ${STALL_MS / 1000} s; the case: ${c.slice(0, 600)}`);
  mkdirSync(findings, { recursive: true });
  spawnSync('cp', [caseFile, join(findings, `hang-${seed}.json`)]);
  seed++;
}
rmSync(caseFile, { force: true });
console.log(failed ? `calc-ml fuzz: problems found (seed ${seed}); see above and ${findings}` : 'calc-ml fuzz: no crash, hang or raw escape found');
process.exitCode = failed ? 1 : 0;
