import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError, type Command } from 'commander';
import YAML from 'yaml';
import { buildProgram, reportError } from '../../src/program.js';
import { UserError } from '../../src/errors.js';
import { guardStream } from '../../src/io/output-edge.js';

// The fuzz run (scripts/fuzz.mjs bundles this file and runs it; see the README): the CLI, in-process
// where it reads no stdin and spawned otherwise, on generated expressions, lesson files, answer keys
// and progress files. Oracles: no exception but the project's named user errors (no "unexpected
// error", no stack trace), no run over the time bound, no raw control, bidi or zero-width character
// in anything printed, and one JSON document on stdout for --json. Hangs that block the event loop
// are caught by the parent (scripts/fuzz.mjs), which watches the case file this writes before each case.

export interface FuzzOptions {
  seconds: number;
  seed: number;
  root: string; // the package folder (bin/, lessons/)
  corpus?: string; // the course's lesson files, when present
  caseFile: string; // the case being run, for the watchdog
  findings: string; // a folder for failing cases
  only?: string[];
  log: (line: string) => void;
}

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const BOUND_MS = 10_000; // a case slower than this is a hang (the issue's were minutes)

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  thrown?: unknown;
}

// ---- running the CLI -------------------------------------------------------------------------

let capture: { out: string[]; err: string[] } | null = null;
let installed = false;

/** stdout and stderr captured once, behind the same output edge the real CLI installs. */
function installCapture(): void {
  if (installed) return;
  installed = true;
  for (const [stream, key] of [[process.stdout, 'out'], [process.stderr, 'err']] as const) {
    const real = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (!capture) return (real as (...a: unknown[]) => boolean)(chunk, ...rest);
      capture[key].push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    }) as typeof stream.write;
    guardStream(stream, { sgr: false, ascii: false });
  }
}

function exitOverride(cmd: Command): void {
  cmd.exitOverride();
  for (const c of cmd.commands) exitOverride(c);
}

/** The CLI in this process: program.ts as cli.ts runs it, with the output captured. */
async function inProcess(args: string[], env: Record<string, string>): Promise<Run> {
  installCapture();
  const saved = { argv: process.argv, env: { ...process.env } };
  process.argv = [process.execPath, 'calc-ml', ...args];
  Object.assign(process.env, { NO_COLOR: '1', CALC_ML_LESSONS: '', COLUMNS: '80' }, env);
  process.exitCode = 0;
  capture = { out: [], err: [] };
  const t0 = Date.now();
  let code = 0;
  let thrown: unknown;
  try {
    const program = buildProgram();
    exitOverride(program);
    program.configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
    await withTimeout(program.parseAsync(process.argv), BOUND_MS);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode;
    else {
      if (!(e instanceof UserError)) thrown = e;
      code = reportError(e, false);
    }
  } finally {
    const c = capture;
    capture = null;
    process.argv = saved.argv;
    for (const k of Object.keys(process.env)) if (!(k in saved.env)) delete process.env[k];
    Object.assign(process.env, saved.env);
    process.exitCode = 0;
    return { code, stdout: c.out.join(''), stderr: c.err.join(''), ms: Date.now() - t0, thrown };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms (async hang)`)), ms))),
  ]);
}

let ROOT = '';
/** The built CLI, spawned as a learner's shell runs it, with stdin. */
function spawned(args: string[], env: Record<string, string>, input = ''): Run {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'calc-ml.js'), ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CALC_ML_LESSONS: '', COLUMNS: '80', ...env },
    timeout: BOUND_MS * 2,
    // calc-ml handles SIGTERM once its event loop is free; a busy one must be stopped outright.
    killSignal: 'SIGKILL',
    maxBuffer: 64 << 20,
  });
  const ms = Date.now() - t0;
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? `\n[spawn: ${r.error.message}]` : ''), ms };
}

/** The oracles; a string naming what went wrong, or null. */
function verdict(r: Run, json: boolean): string | null {
  const out = r.stdout + r.stderr;
  if (r.thrown) return `threw ${(r.thrown as Error)?.name}: ${(r.thrown as Error)?.message}`;
  if (/unexpected error/.test(out)) return `unexpected error: ${out.match(/unexpected error.*/)?.[0]}`;
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(out)) return 'a stack trace was printed';
  if (r.code === -1 || /\[spawn: .*ETIMEDOUT/.test(r.stderr)) return `no end within ${BOUND_MS * 2} ms (hang)`;
  if (r.ms > BOUND_MS) return `took ${r.ms} ms (over ${BOUND_MS})`;
  const bad = UNSAFE.exec(out);
  if (bad) return `raw U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} printed at …${JSON.stringify(out.slice(Math.max(0, bad.index - 30), bad.index + 10))}`;
  if (json && r.code === 0) {
    try {
      JSON.parse(r.stdout);
    } catch {
      return `--json printed no single JSON document: ${JSON.stringify(r.stdout.slice(0, 80))}`;
    }
  }
  return null;
}

// ---- generators ------------------------------------------------------------------------------

const HOSTILE = ['\u001b[2J', '\u001b]52;c;aGk=\u0007', '\u001b]0;owned\u001b\\', '\u009b2J', '\u0007', '\r', '\b', '\u001b', '\u202e', '\u2066', '\u200b', '\ufeff', '\u0085', '\u001b[8m', '\u001b(0', '\u001bP1$r\u001b\\'];
const hostile = fc.constantFrom(...HOSTILE);
const text = (max = 40) => fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: max }) }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: max }) }, { weight: 1, arbitrary: hostile });
const word = fc.constantFrom('derivative', 'slope', 'rate', 'change', 'gradient', 'loss', 'minimum', 'step', 'true', 'false', 'x', 'the', 'not');

const exprPiece = fc.constantFrom(
  'x', 'x', 'y', '1', '2.5', '0', '-', '+', '*', '/', '^', '**', '(', ')', ' ', 'e', 'pi', 'tau', '1e308', '1e-320', ',', '.',
  'sin(', 'cos(', 'tan(', 'exp(', 'log(', 'sqrt(', 'abs(', 'round(', 'max(', 'min(', 'pow(', 'sign(', 'floor(', 'asin(', 'cbrt(', 'log10(',
  'toString(', 'constructor(', 'valueOf(', '__proto__', 'hasOwnProperty(', 'import(', 'evaluate(', 'f(', '=', ';', '[', ']', '"', "'", '{', '}', '!', '?', ':', 'x.y', 'np.', 'math.',
);
const expression = fc.oneof(
  { weight: 5, arbitrary: fc.array(exprPiece, { maxLength: 30 }).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('sin', 'cos', 'exp', 'log', 'sqrt', 'tanh'), fc.integer({ min: 1, max: 40 })).map(([f, n]) => `${f}(`.repeat(n) + 'x' + ')'.repeat(n)) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 400 }).map((n) => `x^${n}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }).map((n) => '(x+1)*'.repeat(n) + 'x') },
  { weight: 1, arbitrary: text(60) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 5 }), hostile).map(([a, h]) => a + h + 'x') },
);
const number = fc.oneof(fc.integer({ min: -50, max: 50 }).map(String), fc.double({ noNaN: false }).map(String), fc.constantFrom('1e308', '-1e308', '1e-320', 'NaN', 'Infinity', '', 'abc', '0x10', '3,4', '-0', '1e400'));

const ENGINE_COMMANDS = fc.oneof(
  fc.tuple(fc.array(expression, { minLength: 1, maxLength: 3 }), fc.record({ from: number, to: number, samples: number, tangent: number, width: number, height: number }, { requiredKeys: [] }), fc.boolean(), fc.boolean()).map(([exprs, o, d, j]) => ['plot', ...exprs, ...opts(o), ...(d ? ['--derivative'] : []), ...(j ? ['--json'] : [])]),
  fc.tuple(expression, fc.record({ start: number, lr: fc.oneof(number, fc.array(number, { maxLength: 10 }).map((a) => a.join(','))), steps: number, tol: number, width: number, height: number }, { requiredKeys: [] }), fc.boolean()).map(([e, o, j]) => ['descend', e, ...opts(o), ...(j ? ['--json'] : [])]),
  fc.tuple(expression, number, fc.option(number), fc.boolean()).map(([e, at, h, j]) => ['grad', e, '--at', at, ...(h === null ? [] : ['--h', h]), ...(j ? ['--json'] : [])]),
  // Functions of two variables and the named landscapes (issue 12): points and boxes as lists.
  fc.tuple(
    fc.oneof(expression.map((e) => `${e} + y`), fc.constantFrom('bowl', 'ravine', 'rosenbrock', 'saddle', 'two-valleys', 'ravin', 'x*y', 'x^2 + 3*y^2', 'log(x*y)', '1/(x^2+y^2)')),
    fc.constantFrom('plot', 'descend', 'grad'),
    fc.array(number, { minLength: 1, maxLength: 5 }).map((a) => a.join(',')),
    fc.record({ box: fc.array(number, { minLength: 3, maxLength: 5 }).map((a) => a.join(',')), momentum: number, vars: fc.constantFrom('a,b', 'x,y', 'x', 'x,x', 'pi,y'), width: number, height: number, lr: number }, { requiredKeys: [] }),
    fc.boolean(),
  ).map(([e, cmd, point, o, j]) => [cmd, e, ...(cmd === 'grad' ? ['--at', point] : cmd === 'descend' ? ['--start', point] : []), ...opts(Object.fromEntries(Object.entries(o).filter(([k]) => cmd === 'descend' || (k !== 'momentum' && k !== 'lr')))), ...(j ? ['--json'] : [])]),
);

function opts(o: Record<string, string>): string[] {
  return Object.entries(o).flatMap(([k, v]) => [`--${k}`, v]);
}

/** A coding or written answer to one of the bundled lesson's questions. */
const answer = fc.oneof(
  expression.map((e) => `f(x) = ${e}; f(3)`),
  expression.map((e) => `def f(x): return ${e}`),
  fc.integer({ min: 1, max: 12 }).map((n) => Array.from({ length: n }, (_, i) => `f${i + 1}(x)=f${i}(x)+f${i}(x)`).join('; ') + '; f0(x)=x'),
  fc.array(fc.oneof(word, text(10)), { maxLength: 30 }).map((w) => w.join(' ')),
  fc.tuple(fc.constantFrom('true', 'false', 'yes'), hostile).map(([a, h]) => `${a} ${h}`),
  text(80),
);
const REFS = ['quiz.1', 'quiz.4', 'quiz.5', 'quiz.6', 'quiz.8', '1.2.26.1', '1.2.26.4', '1.2.26.7', '5', 'quiz.99', '1.2.26.99', 'x'];

// Lesson files: the course's shapes (sections, numbered quiz items with (True)/(False), exercises,
// fences, links), mixed with hostile pieces, long lines and deep nesting.
const SECTIONS = ['Learning Objectives', 'Core Ideas', 'Exercises', 'Mini-Project: Build', 'Quiz & Assessment', 'Quick Check (True/False)', 'Conceptual Questions', 'Coding Challenge', 'Key Takeaways', 'Additional Resources', 'Next Lesson Preview', 'Homework', 'Introduction', 'Best Practices', 'Part A: Basics', '🎯 Learning Objectives'];
const line = fc.oneof(
  fc.tuple(fc.constantFrom('# ', '## ', '### ', '#### '), fc.oneof(fc.constantFrom(...SECTIONS), text(30), fc.constantFrom('Lesson 1.2.26: Calculus for ML', 'Lesson 9.9.9: X', 'Difficulty 2: Intermediate'))).map(([h, t]) => h + t),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.oneof(text(40), word), fc.constantFrom('(True)', '(False)', '(true)', '', '?')).map(([n, t, m]) => `${n}. ${t} ${m}`),
  fc.tuple(fc.constantFrom('- ', '* ', '- [ ] ', '- [x] ', '  - ', '> ', '| a | b |', '**Estimated Time**: '), text(40)).map(([p, t]) => p + t),
  fc.tuple(fc.integer({ min: 1, max: 12 }), text(30)).map(([n, t]) => `- Exercise 1.2.26.${n}: ${t}`),
  fc.tuple(text(20), text(20)).map(([a, b]) => `- [${a}](${b.replace(/\s/g, '')}) and <https://x.example/${encodeURIComponent(b)}>`),
  fc.constantFrom('```python', '```', '---', '', '**Lesson 1.2.27**: Functions', '> Previous lesson: 1.2.25', 'f(x) = x^2 and compute f(3).'),
  fc.tuple(fc.constantFrom('- ', '> ', '1. ', '[', '*', '`'), fc.integer({ min: 1, max: 2000 })).map(([p, n]) => p.repeat(n) + 'x'),
  fc.integer({ min: 1, max: 60 }).map((k) => 'word '.repeat(k * 1000)),
  // What marked's inline pass and cli-table3 are slowest on: unclosed emphasis and links, long tables.
  fc.tuple(fc.constantFrom('_a', '**a', '[a](', '*a ', '~a', '<a ', '![a](', '`a', 'a_', 'a@b'), fc.integer({ min: 1, max: 1200 })).map(([p, n]) => p.repeat(n)),
  fc.integer({ min: 1, max: 1500 }).map((n) => '| a | b |\n|---|---|\n' + '| 1 | 2 |\n'.repeat(n)),
  text(80),
);
const lessonText = (corpus: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.array(line, { maxLength: 120 }), fc.boolean()).map(([l, crlf]) => l.join(crlf ? '\r\n' : '\n')) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...corpus), fc.array(fc.tuple(fc.nat(), line, fc.nat(3)), { maxLength: 12 })).map(([base, edits]) => mutateLines(base, edits)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...corpus), fc.nat()).map(([base, cut]) => base.slice(0, cut % (base.length + 1))) },
  );

function mutateLines(base: string, edits: [number, string, number][]): string {
  const lines = base.split('\n');
  for (const [at, l, how] of edits) {
    const i = at % (lines.length + 1);
    if (how === 0) lines.splice(i, 0, l);
    else if (how === 1) lines[i] = l;
    else if (how === 2) lines.splice(i, 1);
    else lines[i] = (lines[i] ?? '') + l;
  }
  return lines.join('\n');
}

// Answer keys: the bundled key with fields replaced by values of other shapes, and raw YAML oddities.
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 20 }), hostile, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 })),
})).v;
const keyPaths = ['lesson', 'ideas', 'ideas.0', 'ideas.0.plot', 'ideas.0.plot.expr', 'questions', 'questions.quiz.8', 'questions.quiz.8.function', 'questions.quiz.8.at', 'questions.quiz.8.expected', 'questions.quiz.6.concepts', 'questions.quiz.6.concepts.0.phrases', 'questions.quiz.6.need', 'questions.quiz.6.misconceptions', 'questions.1.2.26.7.lab', 'questions.1.2.26.4.lab', 'questions.quiz.1.answer', 'questions.quiz.1.explanation', 'questions.1.2.26.1.kind'];
const keyText = (baseKey: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.array(fc.tuple(fc.constantFrom(...keyPaths), fc.oneof(anyValue, expression, ENGINE_COMMANDS.map((c) => c.join(' ')))), { maxLength: 4 })).map(([edits]) => mutateKey(baseKey, edits)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
        'lesson: !!js/function "function(){}"\n', '[' .repeat(5000), 'lesson: "1.2.26"\nlesson: "1.2.26"\n', '\ufefflesson: "1.2.26"\n', '- - - - - - - - x\n'.repeat(500), ': :\n', 'lesson: "1.2.26"\nquestions: {quiz.8: {function: "x^2", at: "\\e[2J", expected: 9}}\n',
      ),
    },
    { weight: 1, arbitrary: text(200) },
  );

function mutateKey(base: string, edits: [string, unknown][]): string {
  const doc = YAML.parse(base);
  for (const [path, value] of edits) {
    // 'questions.1.2.26.7.lab': the question refs hold dots, so the path is matched against real keys.
    const parts = path.split('.');
    let node = doc as Record<string, unknown>;
    let i = 0;
    while (i < parts.length - 1 && node && typeof node === 'object') {
      let k = parts[i];
      let j = i + 1;
      while (!(k in node) && j < parts.length - 1) k += '.' + parts[j++];
      if (!(k in node)) break;
      node = node[k] as Record<string, unknown>;
      i = j;
    }
    if (node && typeof node === 'object') node[parts.slice(i).join('.')] = value;
  }
  return YAML.stringify(doc);
}

// Progress files: the right shape with fields of the wrong kinds, and other JSON.
const goodProgress = () => ({
  schema: 1,
  lessons: {
    '1.2.26': {
      quiz: [{ id: 'a1', startedAt: '2026-01-01T00:00:00Z', answers: [{ ref: 'quiz.1', kind: 'tf', answer: 'true', verdict: 'correct', score: 1, at: '2026-01-01T00:00:00Z' }], score: 1, total: 8, complete: false }],
      answers: { 'quiz.1': [{ ref: 'quiz.1', kind: 'tf', answer: 'true', verdict: 'correct', score: 1, at: '2026-01-01T00:00:00Z' }] },
      tutor: { step: 'quiz', done: ['objectives'], skipped: [], startedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', runs: 1 },
      homework: {},
      notes: {},
      timeSpentMs: 1000,
    },
  },
});
const progressPaths = ['schema', 'lessons', 'lessons.1.2.26', 'lessons.1.2.26.quiz', 'lessons.1.2.26.quiz.0', 'lessons.1.2.26.quiz.0.answers', 'lessons.1.2.26.answers', 'lessons.1.2.26.answers.quiz.1', 'lessons.1.2.26.answers.quiz.1.0.answer', 'lessons.1.2.26.answers.quiz.1.0.verdict', 'lessons.1.2.26.tutor', 'lessons.1.2.26.tutor.step', 'lessons.1.2.26.tutor.done', 'lessons.1.2.26.homework', 'lessons.1.2.26.notes', 'lessons.1.2.26.timeSpentMs', 'lessons.9.9.9'];
const progressText = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.tuple(fc.constantFrom(...progressPaths), anyValue), { maxLength: 4 }).map((edits) => JSON.stringify(setPaths(goodProgress(), edits), null, 2)) },
  { weight: 1, arbitrary: fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 100000 })).map(([arr, n]) => `{"schema":1,"lessons":{"1.2.26":{"notes":${(arr ? '[' : '{"a":').repeat(n)}1${(arr ? ']' : '}').repeat(n)}}}}`) },
  { weight: 1, arbitrary: fc.constantFrom('\ufeff' + JSON.stringify(goodProgress()), '', 'null', '[]', '{"schema":2,"lessons":{}}', '{"schema":"1"}', '{', '\u0000\u0001', JSON.stringify({ schema: 1, lessons: { '1.2.26': { answers: { 'quiz.6': 5 } } } })) },
  { weight: 1, arbitrary: anyValue.map((v) => JSON.stringify(v) ?? 'undefined') },
);

function setPaths(doc: Record<string, unknown>, edits: [string, unknown][]): Record<string, unknown> {
  for (const [path, value] of edits) {
    const parts = path.split('.');
    let node = doc as Record<string, unknown>;
    let i = 0;
    while (i < parts.length - 1 && node && typeof node === 'object') {
      let k = parts[i];
      let j = i + 1;
      while (!(k in node) && j < parts.length - 1) k += '.' + parts[j++];
      if (!(k in node)) break;
      node = node[k] as Record<string, unknown>;
      i = j;
    }
    if (node && typeof node === 'object') node[parts.slice(i).join('.')] = value;
  }
  return doc;
}

// ---- targets ---------------------------------------------------------------------------------

interface Target {
  name: string;
  /** Spawned targets are slow: fewer runs per round and no shrinking. */
  spawns: boolean;
  property: (ctx: Ctx) => fc.IAsyncProperty<[unknown]>;
}

interface Ctx {
  seedLesson: string;
  seedKey: string;
  corpus: string[];
  fresh: () => string; // a new temporary folder
  current: (c: object) => void; // records the case for the watchdog and for findings
}

function check(r: Run, json: boolean, ctx: Ctx, what: object): void {
  const problem = verdict(r, json);
  if (problem) {
    const e = new Error(problem) as Error & { what: object };
    e.what = { ...what, code: r.code, stdout: r.stdout.slice(0, 2000), stderr: r.stderr.slice(0, 2000) };
    throw e;
  }
}

const TARGETS: Target[] = [
  {
    name: 'expressions',
    spawns: false,
    property: (ctx) =>
      fc.asyncProperty(fc.oneof(ENGINE_COMMANDS, fc.tuple(fc.constantFrom(...REFS), answer, fc.boolean()).map(([ref, a, j]) => ['grade', ref, a, ...(j ? ['--json'] : [])])), async (args) => {
        const home = ctx.fresh();
        ctx.current({ target: 'expressions', args });
        check(await inProcess(args as string[], { CALC_ML_HOME: home }), (args as string[]).includes('--json'), ctx, { args });
      }) as never,
  },
  {
    name: 'lessons',
    spawns: false,
    property: (ctx) =>
      fc.asyncProperty(fc.tuple(lessonText(ctx.corpus), fc.constantFrom('show', 'show --json', 'check', 'check --json', 'lessons --dir', 'lessons --json --dir', 'grade quiz.1 true --lesson', 'grade 1.2.26.1 slope --lesson', 'progress --dir'), fc.oneof(fc.constant('1.2.26-x.md'), fc.tuple(fc.string({ maxLength: 10 }), hostile).map(([a, h]) => `1.2.26-${a.replace(/[/\0]/g, '')}${h}.md`))), async ([lesson, cmd, name]) => {
        const dir = ctx.fresh();
        const path = join(dir, name);
        writeFileSync(path, lesson);
        const parts = cmd.split(' ');
        const args = parts.at(-1) === '--dir' ? [...parts, dir] : [...parts, path];
        ctx.current({ target: 'lessons', args, files: { [name]: lesson } });
        check(await inProcess(args, { CALC_ML_HOME: ctx.fresh() }), cmd.includes('--json'), ctx, { args, name, lesson: lesson.slice(0, 4000) });
      }) as never,
  },
  {
    name: 'keys',
    spawns: false,
    property: (ctx) =>
      fc.asyncProperty(fc.tuple(keyText(ctx.seedKey), fc.constantFrom('check', 'check --json', 'grade quiz.8 f(x)=x^2;f(3) --lesson', 'grade quiz.6 loss --lesson', 'grade quiz.1 true --json --lesson', 'grade 1.2.26.7 rate --lesson', 'show --json')), async ([key, cmd]) => {
        const dir = ctx.fresh();
        const path = join(dir, '1.2.26-calculus-for-ml-big-picture.md');
        writeFileSync(path, ctx.seedLesson);
        writeFileSync(path.replace(/\.md$/, '.key.yaml'), key);
        const args = [...cmd.split(' '), path];
        ctx.current({ target: 'keys', args, key });
        check(await inProcess(args, { CALC_ML_HOME: ctx.fresh() }), cmd.includes('--json'), ctx, { args, key: key.slice(0, 4000) });
      }) as never,
  },
  {
    name: 'progress',
    spawns: false,
    property: (ctx) =>
      fc.asyncProperty(fc.tuple(progressText, fc.constantFrom(['progress'], ['progress', '--json'], ['grade', 'quiz.1', 'true'], ['grade', 'quiz.6', 'a loss measures error', '--json'], ['reset', '--yes'], ['reset', '1.2.26', '--yes'])), async ([progress, args]) => {
        const home = ctx.fresh();
        writeFileSync(join(home, 'progress.json'), progress);
        const cmd = args.join(' ');
        ctx.current({ target: 'progress', args, progress: progress.slice(0, 4000) });
        const r = await inProcess([...args], { CALC_ML_HOME: home });
        check(r, cmd.includes('--json'), ctx, { args, progress: progress.slice(0, 4000) });
        // After an answer was saved, the file is JSON calc-ml can read again (a bad one was moved aside).
        if (r.code === 0 && args[0] === 'grade') JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8').replace(/^\ufeff/, ''));
      }) as never,
  },
  {
    name: 'spawned',
    spawns: true,
    property: (ctx) =>
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.constant('quiz'), fc.array(answer, { maxLength: 10 }), fc.option(keyText(ctx.seedKey)), fc.option(progressText), fc.boolean()),
          fc.tuple(fc.constant('review'), fc.array(answer, { maxLength: 6 }), fc.constant(null), fc.option(progressText), fc.constant(false)),
          fc.tuple(fc.constantFrom('start', 'start --step lab:6', 'start --step ex:4', 'start --step quiz', 'start --restart'), fc.array(answer, { maxLength: 12 }), fc.option(keyText(ctx.seedKey)), fc.option(progressText), fc.constant(false)),
          fc.tuple(fc.constant('grade quiz.6'), fc.array(answer, { maxLength: 3 }), fc.constant(null), fc.constant(null), fc.boolean()),
          fc.tuple(fc.constant('engine'), ENGINE_COMMANDS.map((a) => a.map((s) => s)), fc.constant(null), fc.constant(null), fc.constant(false)),
        ),
        async ([cmd, lines, key, progress, json]) => {
          const home = ctx.fresh();
          if (progress !== null) writeFileSync(join(home, 'progress.json'), progress);
          let args: string[];
          if (cmd === 'engine') args = lines as string[];
          else {
            args = cmd.split(' ');
            if (key !== null) {
              const dir = ctx.fresh();
              const path = join(dir, '1.2.26-calculus-for-ml-big-picture.md');
              writeFileSync(path, ctx.seedLesson);
              writeFileSync(path.replace(/\.md$/, '.key.yaml'), key);
              args.splice(1, 0, path);
            }
            if (json) args.push('--json');
          }
          const input = cmd === 'engine' ? '' : (lines as string[]).map((l) => l.replace(/\n/g, ' ')).join('\n') + '\n';
          ctx.current({ target: 'spawned', args, input, key, progress });
          check(spawned(args, { CALC_ML_HOME: home }, input), json, ctx, { args, input: input.slice(0, 2000), key: key?.slice(0, 4000), progress: progress?.slice(0, 4000) });
        },
      ) as never,
  },
];

// ---- the run ---------------------------------------------------------------------------------

export async function fuzz(o: FuzzOptions): Promise<number> {
  ROOT = o.root;
  const seedLesson = readFileSync(join(o.root, 'lessons', '1.2.26-calculus-for-ml-big-picture.md'), 'utf8');
  const seedKey = readFileSync(join(o.root, 'lessons', '1.2.26-calculus-for-ml-big-picture.key.yaml'), 'utf8');
  const corpus = [seedLesson, ...(o.corpus && existsSync(o.corpus) ? readdirSync(o.corpus).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(o.corpus!, f), 'utf8')) : [])];
  const scratch = mkdtempSync(join(tmpdir(), 'calc-ml-fuzz-'));
  let n = 0;
  const ctx: Ctx = {
    seedLesson,
    seedKey,
    corpus,
    fresh: () => {
      const d = join(scratch, String(n++));
      mkdirSync(d);
      return d;
    },
    // Long texts are cut inside the document, so the case file stays JSON (a hang is read back from it).
    current: (c) => writeFileSync(o.caseFile, JSON.stringify({ at: Date.now(), ...c }, (_k, v) => (typeof v === 'string' && v.length > 400_000 ? `${v.slice(0, 400_000)}…[cut]` : v))),
  };
  const targets = TARGETS.filter((t) => !o.only?.length || o.only.includes(t.name));
  const until = Date.now() + o.seconds * 1000;
  const counts: Record<string, { runs: number; failures: number }> = Object.fromEntries(targets.map((t) => [t.name, { runs: 0, failures: 0 }]));
  const seen = new Set<string>();
  let round = 0;
  while (Date.now() < until) {
    for (const t of targets) {
      if (Date.now() >= until) break;
      const seed = (o.seed + round * 7919 + targets.indexOf(t)) | 0;
      const numRuns = t.spawns ? 8 : 60;
      const r = await fc.check(t.property(ctx), { seed, numRuns, endOnFailure: true, interruptAfterTimeLimit: Math.max(1000, until - Date.now()), markInterruptAsFailure: false });
      counts[t.name].runs += r.numRuns;
      if (r.failed) {
        counts[t.name].failures++;
        const err = r.errorInstance as (Error & { what?: object }) | undefined;
        const message = err?.message ?? String(r.errorInstance);
        const kind = `${t.name}: ${message.replace(/\d+ ms/g, 'N ms').replace(/….*/, '').slice(0, 120)}`;
        const file = join(o.findings, `${t.name}-${seed}.json`);
        mkdirSync(o.findings, { recursive: true });
        writeFileSync(file, JSON.stringify({ target: t.name, seed, path: r.counterexamplePath, message, case: err?.what, counterexample: r.counterexample }, null, 2).slice(0, 2_000_000));
        if (!seen.has(kind)) {
          seen.add(kind);
          o.log(`FAIL ${t.name} (seed ${seed}, path ${r.counterexamplePath}): ${message.slice(0, 300)}\n     case: ${JSON.stringify(err?.what ?? r.counterexample).slice(0, 400)}\n     saved: ${file}`);
        }
      }
      // Temporary folders of finished cases go, so a long run does not fill the disk.
      for (const d of readdirSync(scratch)) rmSync(join(scratch, d), { recursive: true, force: true });
    }
    round++;
    o.log(`round ${round}: ${Object.entries(counts).map(([k, v]) => `${k} ${v.runs}${v.failures ? ` (${v.failures} failing)` : ''}`).join(', ')}`);
  }
  rmSync(scratch, { recursive: true, force: true });
  const failures = Object.values(counts).reduce((a, c) => a + c.failures, 0);
  o.log(`done: ${Object.entries(counts).map(([k, v]) => `${k} ${v.runs} cases`).join(', ')}; ${seen.size} distinct problems, ${failures} failing rounds`);
  return failures ? 1 : 0;
}
