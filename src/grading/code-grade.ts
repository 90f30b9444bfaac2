import type { Expr } from '../math/engine.js';
import { normalizeMath } from '../math/unicode.js';
import type { MathQuestion } from './question.js';
import type { Verdict } from './verdict.js';
import { Interpreter, syntaxError, type PyRun } from './python.js';
import { PyError, PyUnsupported, isObj, numeric, str, type Py, type PyFunction } from './python-values.js';
import type { CodeReading, Claim } from './code-reading.js';
import { SAMPLES, close, fmt, verdict } from './coding-verdict.js';

/**
 * The coding challenge answered in Python, graded on what the code does when Python runs it: the
 * learner's function is called at the task's point and at other points and compared with the task's
 * formula; what the program computes and prints is what counts, and what the learner says it
 * prints (a comment, an Output line, f(3) = 9 under it) must be true. Feedback says what the code
 * prints and why (^ is exclusive-or in Python, a def without return gives None).
 */

/** Modules that reach the machine, not a formula: refused, never run or guessed at. */
const SYSTEM_MODULES = /^(os|sys|subprocess|shutil|socket|pathlib|ctypes|importlib|builtins|signal|multiprocessing|threading)$/;

interface Ctx {
  q: MathQuestion;
  ours: Expr;
  expected: number;
  call: string;
  reading: CodeReading;
}

const show = (v: Py) => str(v);

/** What the program printed, for feedback: its first lines, joined. */
function printed(run: PyRun): string {
  const lines = run.output.map((o) => o.text.replace(/\n$/, ''));
  if (!lines.length) return '';
  const shown = lines.slice(0, 3).join(' / ');
  return lines.length > 3 ? `${shown} / …` : shown;
}

/**
 * The function as the learner wrote it, for feedback: "f(x) = x^2" from `def f(x): return x^2`, a
 * lambda, or a body of named steps (`y = x ** 2` then `return y` is f(x) = x ** 2).
 */
function shownFunction(code: string, fn: PyFunction, name: string): string {
  const param = fn.params[0]?.name ?? 'x';
  if (name === '<lambda>') {
    const inline = /\(\s*lambda\s+\w+\s*:\s*([^()]*(?:\([^()]*\)[^()]*)*)\)/.exec(code) ?? /^\s*lambda\s+\w+\s*:\s*(.+?)\s*$/m.exec(code);
    return inline ? `your function of ${param} (lambda ${param}: ${inline[1].trim()})` : 'your lambda';
  }
  const lambda = new RegExp(String.raw`^\s*${name}\s*=\s*lambda\b[^:]*:\s*(.+?)\s*(?:#.*)?$`, 'm').exec(code);
  if (lambda) return `${name}(${param}) = ${lambda[1].replace(/;.*$/, '')}`;
  const lines = code.split('\n');
  const at = lines.findIndex((l) => new RegExp(String.raw`^\s*def\s+${name}\s*\(`).test(l));
  if (at < 0) return `your function ${name}`;
  const oneLine = /:\s*return\s+(.+?)\s*(?:#.*)?$/.exec(lines[at]);
  if (oneLine) return `${name}(${param}) = ${oneLine[1].replace(/\s*;.*$/, '')}`;
  const indent = /^\s*/.exec(lines[at])![0].length;
  const body: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (l.trim() && /^\s*/.exec(l)![0].length <= indent) break;
    const t = l.replace(/\s*#.*$/, '').trim();
    if (t && !/^("""|\'\'\'|"|').*\1$/.test(t)) body.push(t);
  }
  const locals = new Map<string, string>();
  const wrap = (v: string) => (/^[\w.]+$/.test(v) ? v : `(${v})`);
  const sub = (e: string) => e.replace(/[A-Za-z_]\w*/g, (w) => (locals.has(w) ? wrap(locals.get(w)!) : w));
  const bare = (e: string) => (/^\((.*)\)$/.test(e) && balanced(e.slice(1, -1)) ? e.slice(1, -1) : e);
  for (const t of body) {
    const ret = /^return\s+(.+)$/.exec(t);
    if (ret) return `${name}(${param}) = ${bare(sub(ret[1]))}`;
    const set = /^([A-Za-z_]\w*)\s*([-+*/]|\*\*|\/\/)?=(?!=)\s*(.+)$/.exec(t);
    if (!set) break;
    locals.set(set[1], set[2] ? `${sub(set[1])} ${set[2]} ${sub(set[3])}` : sub(set[3]));
  }
  return `your function ${name}`;
}

function balanced(e: string): boolean {
  let depth = 0;
  for (const c of e) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Code that uses ^ outside strings and comments: Python's exclusive-or, where a power was meant. */
function usesCaret(code: string): boolean {
  return code.split('\n').some((l) => /\^/.test(l.replace(/#.*$/, '').replace(/(["'])(?:\\.|(?!\1).)*\1/g, '')));
}

export const XOR_NOTE = 'In Python, ^ is exclusive-or (bitwise): 3 ^ 2 is 1, not 9. A power is written **: x**2 (or pow(x, 2)).';

/** The learner's function: the one with the task's name, else the last one they defined. */
function learnerFunction(run: PyRun, name: string): { name: string; fn: PyFunction } | null {
  const named = run.globals.get(name) ?? null;
  if (isObj(named) && named.kind === 'function') return { name, fn: named };
  let last: { name: string; fn: PyFunction } | null = null;
  for (const [k, v] of run.globals) if (isObj(v) && v.kind === 'function') last = { name: k, fn: v };
  // A function with no name, called where it is written (print((lambda x: x**2)(3))), or only written.
  const anonymous = [...run.calls].reverse().find((c) => c.fn.lambda)?.fn ?? [...run.values].reverse().map((v) => v.value).find((v): v is PyFunction => isObj(v) && v.kind === 'function');
  return last ?? (anonymous ? { name: anonymous.name, fn: anonymous } : null);
}

type AtPoint = { value: number | null; raw: Py; printed: string[] } | { error: PyError | PyUnsupported; printed: string[] };

function atPoint(interp: Interpreter, fn: PyFunction, x: number): AtPoint {
  const r = interp.callAt(fn, x);
  if ('error' in r) return r;
  return { value: numeric(r.value), raw: r.value, printed: r.printed };
}

/** Does the function agree with the task's formula wherever the formula is defined? */
function compareFunction(interp: Interpreter, fn: PyFunction, ours: Expr, at: number): { same: boolean; where?: number; got?: AtPoint } {
  let compared = 0;
  for (const x of [at, ...SAMPLES]) {
    const want = ours.evaluate(x);
    if (Number.isNaN(want)) continue;
    const got = atPoint(interp, fn, x);
    if ('error' in got || got.value === null || !close(got.value, want)) return { same: false, where: x, got };
    compared++;
  }
  return { same: compared >= 3 };
}

/** A function that prints its value instead of returning it: what it prints, at every point, is the formula. */
function printsInstead(interp: Interpreter, fn: PyFunction, ours: Expr, at: number): boolean {
  let compared = 0;
  for (const x of [at, ...SAMPLES]) {
    const want = ours.evaluate(x);
    if (Number.isNaN(want)) continue;
    const r = interp.callAt(fn, x);
    if ('error' in r || r.value !== null) return false;
    const n = Number(r.printed.join('').trim());
    if (!Number.isFinite(n) || !close(n, want)) return false;
    compared++;
  }
  return compared >= 3;
}

/** Numbers a program printed or computed at its top level. */
function computedNumbers(run: PyRun): number[] {
  const out: number[] = [];
  for (const o of run.output) {
    for (const v of o.values) if (numeric(v) !== null) out.push(numeric(v)!);
    for (const piece of o.text.split(/[\s,=:]+/)) if (piece && Number.isFinite(Number(piece))) out.push(Number(piece));
  }
  for (const v of run.values) if (numeric(v.value) !== null) out.push(numeric(v.value)!);
  for (const a of run.assigned) if (numeric(a.value) !== null) out.push(numeric(a.value)!);
  for (const c of run.calls) if (c.result !== undefined && numeric(c.result) !== null) out.push(numeric(c.result)!);
  return out;
}

/** A side of "f(3) = 3^2 = 9" as Python reads it: written maths, so ^ is a power here. */
function pythonSide(side: string): string {
  return normalizeMath(side).text.replace(/\^/g, '**').replace(/(\d)\s*([A-Za-z(])/g, '$1*$2');
}

interface ClaimCheck {
  wrong: string | null;
  /** Sides of the learner's worked values that call their function at a point, with the value. */
  calls: { arg: number; value: number }[];
}

function checkClaims(claims: Claim[], run: PyRun, interp: Interpreter, fnName: string | null): ClaimCheck {
  const calls: { arg: number; value: number }[] = [];
  const pool = computedNumbers(run);
  for (const c of claims) {
    if (c.kind === 'output') {
      if (pool.length && !pool.some((v) => close(v, c.value))) return { wrong: `you wrote "${c.text}", but your code gives ${fmt(pool[pool.length - 1])}`, calls };
    } else if (c.kind === 'line') {
      const here = [
        ...run.output.filter((o) => o.line === c.line).flatMap((o) => [...o.values.map(numeric), Number(o.text.trim())]),
        ...run.values.filter((v) => v.line === c.line).map((v) => numeric(v.value)),
        ...run.assigned.filter((a) => a.line === c.line).map((a) => numeric(a.value)),
      ].filter((v): v is number => v !== null && Number.isFinite(v));
      if (here.length && !here.some((v) => close(v, c.value))) return { wrong: `you wrote "${c.text}" for line ${c.line}, but it gives ${fmt(here[0])}`, calls };
    } else {
      const values: { side: string; value: number }[] = [];
      c.sides.forEach((side, i) => {
        try {
          const v = numeric(interp.evaluate(pythonSide(side)));
          if (v === null) return;
          values.push({ side, value: v });
          const call = /^\s*([A-Za-z_]\w*)\s*\(\s*([-+]?[\d.]+)\s*\)\s*$/.exec(side);
          if (call && call[1] === fnName) calls.push({ arg: Number(call[2]), value: v });
        } catch (e) {
          // The first side may name a function never defined ("f(3) = 3^2 = 9" without f): a label.
          if (!(e instanceof PyError || e instanceof PyUnsupported) || i > 0) return;
        }
      });
      for (let i = 1; i < values.length; i++) {
        if (!close(values[i].value, values[0].value)) {
          const [a, b] = [values[0], values[i]];
          const bIsNumber = b.side === fmt(b.value);
          return { wrong: `you wrote ${a.side} = ${b.side}, but ${a.side} = ${fmt(a.value)}${bIsNumber ? '' : ` and ${b.side} = ${fmt(b.value)}`}`, calls };
        }
      }
    }
  }
  return { wrong: null, calls };
}

function errorLine(e: PyError | PyUnsupported): string {
  return e instanceof PyError ? e.shown : `calc-ml cannot run ${e.message}`;
}

export function gradeCode(q: MathQuestion, reading: CodeReading, ours: Expr, expected: number): Verdict {
  const t = q.target;
  const ctx: Ctx = { q, ours, expected, call: `${t.name}(${fmt(t.at)})`, reading };
  const { code, syntax, notes } = reading;
  if (syntax) return syntaxVerdict(ctx);
  // A program that asks for x with input() is given the task's value, as a learner would type it.
  const interp = new Interpreter(code, [fmt(t.at)]);
  const run = interp.run();
  const err = run.error;
  if (err instanceof PyUnsupported) {
    const mod = /^the module (\w+)/.exec(err.message)?.[1];
    if (mod && SYSTEM_MODULES.test(mod)) return verdict('incorrect', [`Your answer cannot be run: it imports ${mod}, which reaches the computer rather than computing a formula; the task needs plain Python (math is fine).`], q);
    // Without a function of its own, the program is no answer to the task, whatever it computes.
    if (!/^\s*def\s|\blambda\b/m.test(code)) return verdict('incorrect', [`Your code defines no function, and calc-ml cannot run ${err.message} (line ${err.line}): write the function and call it.`], q);
    return verdict('ungraded', [`Your answer is kept, not graded: calc-ml runs a small part of Python, and cannot run ${err.message} (line ${err.line}). Check your code against the model answer yourself, or write it with def, return and print.`], q);
  }
  const found = learnerFunction(run, t.name);
  const caret = usesCaret(code);
  const output = printed(run);
  const claimCheck = checkClaims(reading.claims, run, interp, found?.name ?? null);

  if (!found) {
    // The program stopped before reaching its def: is the function it defines further down right?
    const missing = err?.type === 'NameError' ? /'(\w+)'/.exec(err.message)?.[1] ?? '' : '';
    const early = err instanceof PyError ? definedLater(code, ours, t.at) : null;
    if (early && err && !early.same && early.name === missing) {
      return verdict('incorrect', [`Your code calls ${missing} on line ${err.line}, before its def (Python runs from the top), so it stops with ${errorLine(err)}; and ${early.shown} is not ${t.body} either.`], q);
    }
    if (early?.same && err) {
      return verdict('partial', [early.name === missing
        ? `${early.shown} is right, but your code calls it on line ${err.line}, before its def: Python runs from the top, so it stops with ${errorLine(err)}. Put the def first.`
        : `${early.shown} is right, but your code stops at line ${err.line} with ${errorLine(err)}, before ${ctx.call} is computed.`], q);
    }
    if (err) {
      const undefinedName = err.type === 'NameError' ? /'(\w+)'/.exec(err.message)?.[1] : undefined;
      const fix = undefinedName === t.name ? ` Define ${t.name} before calling it: def ${t.name}(${t.param}): return ${t.body.replace(/\^/g, '**')}, then print(${ctx.call}).` : '';
      return verdict('incorrect', [`Your code stops at line ${err.line} with ${errorLine(err)}.${fix}`], q);
    }
    if (claimCheck.wrong) return verdict('incorrect', [`You stated a wrong value: ${claimCheck.wrong}.`], q);
    const pool = computedNumbers(run);
    if (pool.some((v) => close(v, expected)) || claimCheck.calls.some((c) => close(c.value, expected))) {
      return verdict('partial', [`${fmt(expected)} is the right value, but the task asks you to write the function too: def ${t.name}(${t.param}): return ${t.body.replace(/\^/g, '**')}, then print(${ctx.call}).`], q);
    }
    const what = output ? `Your code prints ${output}` : pool.length ? `Your code computes ${fmt(pool[pool.length - 1])}` : 'Your code computes nothing';
    return verdict('incorrect', [`${what}, but ${ctx.call} is ${fmt(expected)}: write the function and call it.`, caret ? XOR_NOTE : ''].filter(Boolean), q);
  }

  const { fn, name } = found;
  const shownFn = shownFunction(code, fn, name);
  const cmp = compareFunction(interp, fn, ours, t.at);
  if (!cmp.same) {
    const at3 = atPoint(interp, fn, t.at);
    const prints = output ? `Your code prints ${output}` : '';
    const callHere = `${name}(${fmt(t.at)})`;
    if ('error' in at3) {
      return verdict('incorrect', [`${callHere} stops with ${errorLine(at3.error)}: ${shownFn} cannot compute ${t.body}.`, caret ? XOR_NOTE : ''].filter(Boolean), q);
    }
    if (at3.raw === null) {
      if (printsInstead(interp, fn, ours, t.at)) {
        return verdict('partial', [`Your ${name} prints ${t.body} but gives back None: a function's value is what it returns. Write return ${t.body.replace(/\^/g, '**')} instead of print inside it, and print(${ctx.call}) outside.`], q);
      }
      return verdict('incorrect', [`${prints ? `${prints}: ` : ''}${callHere} is None, because ${name} has no return (a def gives back only what follows return). Write return ${t.body.replace(/\^/g, '**')}.`], q);
    }
    if (at3.value === null) {
      return verdict('incorrect', [`${callHere} gives ${show(at3.raw)}, not a number: ${shownFn} is not ${t.body}.`], q);
    }
    const lead = prints ? `${prints}: your ${callHere} is ${fmt(at3.value)}` : `Your ${callHere} is ${fmt(at3.value)}`;
    if (!close(at3.value, expected)) {
      // With ^ in it, "f(x) = x^2 is not x^2" would read as nonsense: the reason is what ^ means in Python.
      return verdict('incorrect', [caret ? `${lead}, not ${fmt(expected)}. ${XOR_NOTE}` : `${lead}, not ${fmt(expected)}: ${shownFn} is not ${t.body}.`], q);
    }
    const x = cmp.where!;
    const got = cmp.got!;
    const there = 'error' in got ? `stops with ${errorLine(got.error)}` : `gives ${got.value === null ? show(got.raw) : fmt(got.value)}`;
    return verdict('incorrect', [`${lead}, but ${shownFn} is not ${t.body}: at ${t.param} = ${fmt(x)} it ${there}, not ${fmt(ours.evaluate(x))}.`, caret ? XOR_NOTE : ''].filter(Boolean), q);
  }

  // The function is right. What did the program do with it?
  if (claimCheck.wrong) return verdict('incorrect', [`${shownFn} is right, but you stated a wrong value: ${claimCheck.wrong}; ${ctx.call} = ${fmt(expected)}.`], q);
  const mine = run.calls.filter((c) => c.fn === fn && c.result !== undefined && numeric(c.args[0] ?? null) !== null && c.args.length === 1);
  const atTask = mine.find((c) => close(numeric(c.args[0])!, t.at)) ?? claimCheck.calls.find((c) => close(c.arg, t.at));
  if (err) {
    return verdict('partial', [`${shownFn} is right, but your program stops at line ${err.line} with ${errorLine(err)}${atTask ? '' : `, so ${ctx.call} is never computed`}.`], q);
  }
  if (atTask && interp.typed.length) {
    return verdict('partial', [`${shownFn} is right, and given ${interp.typed.join(', ')} at its input() it computes ${ctx.call} = ${fmt(expected)}; the task asks your code to compute ${ctx.call} itself: print(${ctx.call}).`], q);
  }
  if (atTask) return verdict('correct', [`Correct: ${shownFn}, and ${ctx.call} = ${fmt(expected)}.`, ...notes], q);
  const other = mine[mine.length - 1];
  if (other) {
    const arg = numeric(other.args[0])!;
    return verdict('partial', [`${shownFn} is right, but you computed ${name}(${fmt(arg)}) = ${show(other.result!)}; the task asks for ${ctx.call}.`], q);
  }
  const shownItself = /<function /.test(output) ? ` print(${name}) shows the function itself; call it: print(${ctx.call}).` : '';
  // `def f(x): return x**2; print(f(3))`: the call is in f's own body, after its return.
  const inBody = inOwnBody(code, name) ? ` Your call of ${name} is inside ${name}'s own body (everything after "def ${name}(...):" on its line, or indented under it, belongs to ${name}), after its return, so it never runs: put the call on a line of its own, not indented.` : '';
  return verdict('partial', [`${shownFn} is right, but you did not compute ${ctx.call}: add print(${ctx.call}) after it.${shownItself}${inBody}`], q);
}

/**
 * `print(f(3))` above `def f(x): …`: the function the defs further down define (run with the defs
 * moved to the top), shown, and whether it is the right one; null when there is none.
 */
function definedLater(code: string, ours: Expr, at: number): { name: string; shown: string; same: boolean } | null {
  if (!/^def\s/m.test(code)) return null;
  const lines = code.split('\n');
  const defs: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^def\s/.test(lines[i])) {
      rest.push(lines[i]);
      continue;
    }
    defs.push(lines[i]);
    while (i + 1 < lines.length && (!lines[i + 1].trim() || /^\s/.test(lines[i + 1]))) defs.push(lines[++i]);
  }
  const hoisted = [...defs, ...rest].join('\n');
  if (syntaxError(hoisted)) return null;
  const interp = new Interpreter(hoisted);
  const run = interp.run();
  const found = learnerFunction(run, 'f');
  return found ? { name: found.name, shown: shownFunction(hoisted, found.fn, found.name), same: compareFunction(interp, found.fn, ours, at).same } : null;
}

/** A call of `name` written inside name's own def: after `;` on the def's line, or indented under it. */
function inOwnBody(code: string, name: string): boolean {
  const lines = code.split('\n');
  const at = lines.findIndex((l) => new RegExp(String.raw`^\s*def\s+${name}\s*\(`).test(l));
  if (at < 0) return false;
  const call = new RegExp(String.raw`\b${name}\s*\(`);
  if (call.test(lines[at].replace(new RegExp(String.raw`^\s*def\s+${name}\s*\(`), ''))) return true;
  const indent = /^\s*/.exec(lines[at])![0].length;
  for (const l of lines.slice(at + 1)) {
    if (l.trim() && /^\s*/.exec(l)![0].length <= indent) break;
    if (call.test(l.replace(/#.*$/, ''))) return true;
  }
  return false;
}

/** Code that is not Python: where and why, and whether the function before that line is right. */
function syntaxVerdict(ctx: Ctx): Verdict {
  const { q, ours, expected } = ctx;
  const { code, syntax } = ctx.reading;
  const s = syntax!;
  const lines = code.split('\n');
  const where = `line ${s.line}: ${s.type}: ${s.message}`;
  const shown = (lines[s.line - 1] ?? '').trim();
  // The lines before the error, when they are Python of their own, may hold a right function.
  const before = lines.slice(0, s.line - 1).join('\n');
  if (before.trim() && !syntaxError(before)) {
    const interp = new Interpreter(before);
    const run = interp.run();
    const found = !run.error ? learnerFunction(run, q.target.name) : null;
    if (found && compareFunction(interp, found.fn, ours, q.target.at).same) {
      const py2 = /Missing parentheses/.test(s.message) ? ` In Python 3, print is a function: print(${ctx.call}).` : '';
      return verdict('partial', [`${shownFunction(before, found.fn, found.name)} is right, but ${where} ("${shown}"), so the program does not run and ${ctx.call} = ${fmt(expected)} is never computed.${py2}`], q);
    }
  }
  return verdict('incorrect', [`Your answer cannot be run: ${where}${shown ? ` ("${shown.slice(0, 60)}")` : ''}.`], q);
}
