#!/usr/bin/env node
// Nothing lost, measured: the figures the README's reliability section quotes.
//   node scripts/soak.mjs [--kills N] [--rounds N] [--disk]
// 1. kill -9: N quizzes, each killed at a random moment while answers trickle in. After each, the
//    progress file must read as good data, and hold every answer the quiz had already confirmed on
//    screen (a verdict line printed means the answer was saved first).
// 2. concurrent: N rounds of four quizzes at once in one home; every attempt must be complete.
// 3. a full disk (root only, a 64 KiB tmpfs): answers until the disk is full; the file must hold
//    exactly the answers whose save succeeded, and stay readable.
// Uses the built CLI (npm run build first). Exits 1 if anything was lost.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '200' }, rounds: { type: 'string', default: '20' }, disk: { type: 'boolean', default: true } } });
const BIN = fileURLToPath(new URL('../bin/calc-ml.js', import.meta.url));
const ANSWERS = ['true', 'false', 'true', 'true', 'ML needs calculus because models learn by minimising a loss', 'A loss function measures how far predictions are from the truth', 'We move the weights against the gradient to lower the loss', 'f(x) = x^2; f(3)'];
const env = (home) => ({ ...process.env, NO_COLOR: '1', CALC_ML_LESSONS: '', CALC_ML_HOME: home });
const verdicts = (out) => (out.match(/^(✓|~|✗|–) /gm) ?? []).length;
let lost = 0;

function readProgress(home) {
  const text = readFileSync(join(home, 'progress.json'), 'utf8');
  return JSON.parse(text);
}

/** A quiz fed one answer every `gap` ms; resolves with what it printed and how it ended. */
function quiz(home, gap, killAfter = null) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, 'quiz'], { env: env(home), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stdin.on('error', () => {}); // killed: the rest of the answers have nowhere to go
    let i = 0;
    const tick = setInterval(() => {
      if (i < ANSWERS.length) p.stdin.write(`${ANSWERS[i++]}\n`);
      else {
        clearInterval(tick);
        p.stdin.end();
      }
    }, gap);
    if (killAfter !== null) setTimeout(() => p.kill('SIGKILL'), killAfter);
    p.on('close', (code, signal) => {
      clearInterval(tick);
      resolve({ out, code, signal });
    });
  });
}

async function killLoop(n) {
  const home = mkdtempSync(join(tmpdir(), 'calc-ml-soak-'));
  let confirmed = 0;
  let killed = 0;
  for (let k = 0; k < n; k++) {
    const r = await quiz(home, 100, 100 + Math.random() * 1400);
    if (r.signal === 'SIGKILL') killed++;
    confirmed += verdicts(r.out);
    let data;
    try {
      data = readProgress(home);
    } catch (e) {
      if (e.code === 'ENOENT' && confirmed === 0) continue; // killed before its first save
      console.log(`kill ${k}: the progress file does not read (${e.message})`);
      lost++;
      continue;
    }
    const saved = data.lessons['1.2.26']?.quiz.reduce((s, a) => s + a.answers.length, 0) ?? 0;
    if (saved < confirmed) {
      console.log(`kill ${k}: ${confirmed} answers confirmed on screen, ${saved} in the file`);
      lost++;
      confirmed = saved;
    }
  }
  const aside = readdirSync(home).filter((f) => f.startsWith('progress.corrupt-')).length;
  const temps = readdirSync(home).filter((f) => f.endsWith('.tmp')).length;
  if (aside) lost++;
  console.log(`kill -9: ${n} quizzes (${killed} killed mid-run), ${confirmed} answers confirmed on screen, all in the file: ${confirmed ? 'yes' : '-'}; files moved aside: ${aside}; temporary files left: ${temps}`);
}

async function concurrent(rounds) {
  let complete = 0;
  for (let r = 0; r < rounds; r++) {
    const home = mkdtempSync(join(tmpdir(), 'calc-ml-soak-'));
    await Promise.all([0, 1, 2, 3].map(() => quiz(home, 10 + Math.random() * 10)));
    const attempts = readProgress(home).lessons['1.2.26'].quiz;
    const ok = attempts.filter((a) => a.complete && a.answers.length === ANSWERS.length).length;
    complete += ok;
    if (ok !== 4 || attempts.length !== 4) {
      console.log(`round ${r}: ${ok} of 4 attempts complete (${attempts.length} attempts)`);
      lost++;
    }
  }
  console.log(`concurrent: ${rounds} rounds of 4 quizzes at once: ${complete} of ${rounds * 4} attempts complete with all ${ANSWERS.length} answers`);
}

function fullDisk() {
  if (process.getuid?.() !== 0) return console.log('full disk: skipped (needs root to mount a tmpfs)');
  const dir = mkdtempSync(join(tmpdir(), 'calc-ml-soak-disk-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status !== 0) return console.log('full disk: skipped (cannot mount a tmpfs here)');
  try {
    let ok = 0;
    let refused = 0;
    const free = Number(execFileSync('df', ['--output=avail', '-B1', dir], { encoding: 'utf8' }).trim().split('\n').pop());
    writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, free - 16 * 1024)));
    for (let i = 0; i < 200 && refused < 3; i++) {
      const r = spawnSync(process.execPath, [BIN, 'grade', 'quiz.1', 'true'], { env: env(dir), encoding: 'utf8' });
      if (/ENOSPC/.test(r.stderr)) refused++;
      else if (r.status === 0) ok++;
    }
    const saved = readProgress(dir).lessons['1.2.26'].answers['quiz.1'].length;
    if (saved !== ok) lost++;
    console.log(`full disk: ${ok} answers saved before the disk filled, ${refused} refused with a note; in the file: ${saved}; file readable: yes`);
  } finally {
    spawnSync('umount', [dir]);
  }
}

await killLoop(Number(values.kills));
await concurrent(Number(values.rounds));
if (values.disk) fullDisk();
console.log(lost ? `LOST: ${lost} problem(s)` : 'nothing lost');
process.exitCode = lost ? 1 : 0;
