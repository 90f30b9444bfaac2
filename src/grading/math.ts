import { compileExpression, runProgram, type Expr, type Program } from '../math/engine.js';
import { UserError } from '../errors.js';
import type { MathQuestion, MathTarget } from './question.js';
import type { Verdict } from './verdict.js';
import { normalizeMath } from '../math/unicode.js';
import { readCode } from './code-reading.js';
import { gradeCode, XOR_NOTE } from './code-grade.js';
import { SAMPLES, close, fmt, saidBack, verdict } from './coding-verdict.js';

/**
 * The coding challenge. Python (a def, a lambda, print, an assignment) is run as Python by
 * code-grade.ts; written maths ("f(x) = x^2, so f(3) = 3^2 = 9") and JavaScript run here in the
 * restricted math engine: the function the learner defines is compared with the expected one at
 * several points, the value they compute with f(at), and every chain of "=" they write is checked
 * side by side (a wrong stated value is never accepted).
 */

const NAME = String.raw`[A-Za-z]\w*`;
const CALL_AT_NUMBER = new RegExp(String.raw`^\s*(${NAME})\s*\(\s*[-+]?[\d.]+\s*\)\s*=(?!=)`);

/** One statement for the engine; the sides of one chain of "=" share a chain number. */
export interface Statement {
  text: string;
  chain?: number;
}

/** Words learners write for operators: "x squared", "3 times 3", "f(3) is 9", "f of 3", "call it with 3". */
function wordsAsOperators(text: string, name: string): string {
  return text
    .replace(/\b([A-Za-z])\s+(?:of|at)\s+([-+]?\d+(?:\.\d+)?)\b/g, '$1($2)')
    .replace(/\b(?:call(?:ed|ing)?|evaluat(?:e|ed|ing)|comput(?:e|ed|ing)|plug(?:ged|ging)?(?:\s+in)?|run(?:ning)?|us(?:e|ed|ing))\s+(?:it|the\s+function|f)?\s*(?:with|on|at|for|in)\s+(?:x\s*=\s*)?([-+]?\d+(?:\.\d+)?)\b/gi, `${name}($1)`)
    .replace(/\s+to\s+the\s+power\s+of\s+/gi, '^')
    .replace(/\s*\bsquared\b/gi, '^2')
    .replace(/\s*\bcubed\b/gi, '^3')
    .replace(/\s+times\s+/gi, ' * ')
    .replace(/\s+plus\s+/gi, ' + ')
    .replace(/\s+minus\s+/gi, ' - ')
    .replace(/\s+divided\s+by\s+/gi, ' / ')
    .replace(/(?<=[\d)])\s+(?:to\s+get|(?:and\s+)?(?:we|you)\s+get|gets|yields|results\s+in|makes)\s+/gi, ' = ')
    // "3^2 which is 9": the chain goes on
    .replace(/\s+(?:which|that)\s+(?:is|gives|equals|makes)\s+/gi, ' = ')
    .replace(/\s+(?:equals|is\s+equal\s+to|gives|is)\s+(?=[-+(\d.]|[A-Za-z]\s*\(|[A-Za-z]\b(?!\s+[A-Za-z]))/gi, (m, offset: number, whole: string) =>
      // only between two pieces of maths: "f(3) is 9", not "this is 9 because"
      /[\d)\]^*]\s*$|\b[A-Za-z]\s*$/.test(whole.slice(0, offset)) ? ' = ' : m);
}

/** Words that join statements ("so", "therefore") and open them ("we get", "the answer is"). */
const JOINERS = /\s+(?:and(?:\s+then)?|then|so|thus|hence|therefore|since|because|as|where|given|so\s+that)\s+/i;
const OPENERS = /^\s*(?:(?:so|then|thus|hence|therefore|and|now|finally|next|we\s+get|we\s+have|which\s+gives|giving|that\s+is|i\.?e\.?|answer|result|the\s+answer\s+is|the\s+result\s+is|is)\b[\s:,]*)+/i;

/** Words before the maths of a statement: "The function is f(x) = x^2", "the answer is 9". */
const PROSE_BEFORE_MATHS = /^\s*(?:(?!(?:function\s+\w+\s*\(|(?:def|lambda|return|print|const|let|var|import|from)\b))(?:[A-Za-z]{2,}|I|I'[a-z]+|[A-Za-z]+'[a-z]+)[,:]?\s+)+(?=[A-Za-z]\s*\(|[-+]?\d|\(|def\s|lambda\s)/;
/** JavaScript, whose translations are the engine's (its ^ is exclusive-or too). */
export const JAVASCRIPT = /\bfunction\s+\w+\s*\(|\b(?:const|let|var)\s+\w+\s*=|console\.log/;

/** Code habits from Python, JavaScript, the REPL and handwriting → statements the engine reads. */
export function translateStatements(input: string, name = 'f'): Statement[] {
  const javascript = JAVASCRIPT.test(input);
  // Unicode maths (x², 2·x, √x, π) is read by the engine's one normaliser.
  const lines = wordsAsOperators(normalizeMath(input.replace(/```\w*/g, '\n')).text, name)
    .split('\n')
    .map((line) => line.replace(/^\s*(>>>|\.\.\.|>)\s?/, '').replace(/#.*$|\/\/.*$/, ''))
    // sentences: "f(x) = x^2. Then f(3) = 9."
    .flatMap((line) => line.split(/\.(?=\s+\S)|\.\s*$/))
    // "f(x)=x²  f(3)=9": statements side by side; "function f(x) { … } console.log(f(3))".
    .flatMap((line) => line.split(/\s{2,}(?=[A-Za-z]\w*\s*\()|(?<=\})\s+(?=[A-Za-z])/));
  const statements = pythonBlocks(lines)
    .flatMap((l) => splitTopLevel(l, javascript))
    .map((stmt) => stmt.replace(OPENERS, '').replace(PROSE_BEFORE_MATHS, ''))
    .flatMap((stmt) =>
      printArgs(stmt)
        .replace(new RegExp(String.raw`^\s*(?:const|let|var)\s+(${NAME})\s*=\s*\(?\s*(${NAME})\s*\)?\s*=>\s*\{?\s*(?:return\s+)?(.*?)\s*;?\s*\}?\s*$`), '$1($2) = $3')
        .replace(new RegExp(String.raw`^\s*function\s+(${NAME})\s*\(\s*(${NAME})\s*\)\s*\{\s*return\s+(.*?)\s*;?\s*\}\s*$`), '$1($2) = $3')
        .replace(/^\s*console\.log\s*\((.*)\)\s*$/, '$1')
        .replace(/\bMath\.(?=[a-z])/g, '')
        .split(/;(?=print\()/),
    );
  // The names defined so far, statement by statement: a call before its definition is a label.
  const defines = (st: string) => new RegExp(String.raw`^\s*(?:def\s+)?(${NAME})\s*\(\s*[A-Za-z]\w*\s*\)\s*[=:]|^\s*(${NAME})\s*=\s*lambda\b`).exec(st);
  const everDefined = new Set(statements.flatMap((st) => { const m = defines(st); return m ? [m[1] ?? m[2]] : []; }));
  const defined = new Set<string>();
  const numbers = new Map<string, string>();
  let chains = 0;
  const chain = (sides: string[]): Statement[] => {
    const kept = sides.filter((p) => p.trim());
    if (kept.length < 2) return kept.map((text) => ({ text }));
    const id = ++chains;
    return kept.map((text) => ({ text: substitute(text, numbers), chain: id }));
  };
  return statements.flatMap((stmt): Statement[] => {
    const def = defines(stmt);
    if (def) defined.add(def[1] ?? def[2]);
    const call = CALL_AT_NUMBER.exec(stmt);
    // "f(3) = 9" after defining f: f(3) and 9 must agree. Without a definition ("f(3) = 3^2 = 9"),
    // the left side is a label and the right-hand sides are the learner's values.
    if (call) return chain(defined.has(call[1]) ? stmt.split('=') : stmt.split('=').slice(1));
    // "x = 3" then "x**2", "result = f(3)" then "print(result)": a value put in a name is that
    // value from then on (the engine has no variables of its own).
    // "f = x^2, f(3) = 9": a name called later as a function, given a formula in one letter, is that function.
    const named = new RegExp(String.raw`^\s*(${NAME})\s*=(?!=)\s*([^=]+?)\s*$`).exec(stmt);
    const letter = named && /\b([a-z])\b/.exec(named[2].replace(/\b(?:pi|e|tau)\b/g, ''));
    if (named && letter && !everDefined.has(named[1]) && statements.some((st) => new RegExp(String.raw`\b${named[1]}\s*\(\s*[-+]?[\d.]`).test(st))) {
      defined.add(named[1]);
      return [{ text: `${named[1]}(${letter[1]}) = ${named[2]}` }];
    }
    const assign = new RegExp(String.raw`^\s*(${NAME})\s*=(?!=)\s*([^=]+?)\s*$`).exec(stmt);
    if (assign && !/^lambda\b/.test(assign[2]) && !everDefined.has(assign[1])) {
      numbers.set(assign[1], substitute(assign[2], numbers));
      return [];
    }
    // "3^2 = 9": a worked value, not an assignment; each side is a value, and they must agree.
    const definition = new RegExp(String.raw`^\s*(?:def\s+)?${NAME}\s*\(\s*${NAME}\s*\)\s*[=:]|\blambda\b|^\s*${NAME}\s*=\s*[^=]*$`);
    if (/^[^=]*[^=!<>]=[^=]/.test(stmt) && !definition.test(stmt)) return chain(stmt.split('='));
    // Inside a definition its parameter is its own: "x = 3" before "def f(x)" leaves f's x alone.
    const param = new RegExp(String.raw`^\s*(?:def\s+)?${NAME}\s*\(\s*(${NAME})\s*\)\s*[=:]|^\s*${NAME}\s*=\s*lambda\s+(${NAME})`).exec(stmt);
    const own = param ? new Map([...numbers].filter(([n]) => n !== (param[1] ?? param[2]))) : numbers;
    return [{ text: substitute(stmt, own) }];
  });
}

/** The statements as one program for the engine, one a line. */
export function translate(input: string): string {
  return translateStatements(input).map((s) => s.text).join('\n');
}

/** Each name in `values` replaced by its value, in brackets ("y" → "(x^2)"). */
function substitute(text: string, values: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [name, value] of values) out = out.replace(new RegExp(String.raw`(?<![\w.])${name}(?![\w(])`, 'g'), `(${value})`);
  return out;
}

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

/**
 * Python as a learner writes it, read line by line before the statements are split: `import math`
 * (and `import numpy as np`, `from math import pow`) lines go, their module prefixes with them
 * (the engine knows math's functions by their bare names); a `def` whose body spans lines, with
 * local names before its `return`, becomes one `def f(x): return …`.
 */
function pythonBlocks(lines: string[]): string[] {
  const aliases = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const imp = /^\s*(?:import\s+(?:math|numpy)(?:\s+as\s+(\w+))?|from\s+(?:math|numpy)\s+import\s+[\w\s,*]+)\s*;?\s*$/.exec(line);
    if (imp) {
      if (imp[1]) aliases.add(imp[1]);
      continue;
    }
    const head = new RegExp(String.raw`^(\s*)def\s+(${NAME})\s*\(\s*(${NAME})\s*\)\s*:\s*$`).exec(line);
    if (!head) {
      out.push(line);
      continue;
    }
    // The body: the lines indented under the header; typed without indentation, the lines up to
    // the first `return`.
    let j = i + 1;
    const body: string[] = [];
    while (j < lines.length && (!lines[j].trim() || indentOf(lines[j]) > head[1].length)) body.push(lines[j++]);
    if (!body.some((l) => /^\s*return\b/.test(l))) {
      const ret = lines.slice(i + 1).findIndex((l) => /^\s*return\b/.test(l));
      if (ret < 0) {
        out.push(line);
        continue;
      }
      body.splice(0, body.length, ...lines.slice(i + 1, i + 2 + ret));
      j = i + 2 + ret;
    }
    const locals = new Map<string, string>();
    let result: string | null = null;
    let plain = true;
    for (const l of body.filter((b) => b.trim())) {
      const ret = /^\s*return\b\s*(.*?)\s*;?\s*$/.exec(l);
      const local = new RegExp(String.raw`^\s*(${NAME})\s*=(?!=)\s*(.+?)\s*;?\s*$`).exec(l);
      if (ret && result === null) result = locals.get(ret[1]) ?? substitute(ret[1], locals);
      else if (local && result === null) locals.set(local[1], substitute(local[2], locals));
      else plain = false;
    }
    if (!plain || result === null) {
      const other = body.find((l) => l.trim() && !/^\s*return\b/.test(l) && !new RegExp(String.raw`^\s*${NAME}\s*=(?!=)`).test(l))?.trim() ?? line.trim();
      throw new UserError(`calc-ml reads a function whose body is a formula, with names for its parts if you like (y = x**2, then return y); it cannot run "${other.slice(0, 40)}"`, 2);
    }
    out.push(`${head[1]}def ${head[2]}(${head[3]}): return ${result}`);
    i = j - 1;
  }
  if (!aliases.size) return out;
  const prefix = new RegExp(String.raw`(?<![\w.])(?:${[...aliases].join('|')})\.(?=[A-Za-z_])`, 'g');
  return out.map((l) => l.replace(prefix, ''));
}

/**
 * print with labels, as Python allows: `print("f(3) =", f(3))` and `print(f"f(3) = {f(3)}")`
 * print the values alone; the words around them are for the reader.
 */
function printArgs(stmt: string): string {
  const m = /^\s*print\s*\((.*)\)\s*;?\s*$/.exec(stmt);
  if (!m || !/["']/.test(m[1])) return stmt;
  const values: string[] = [];
  for (const arg of splitArgs(m[1])) {
    const str = /^\s*([fF]?)(["'])(.*)\2\s*$/.exec(arg);
    if (!str) values.push(arg.trim());
    else if (str[1]) for (const [, e] of str[3].matchAll(/\{([^{}:!]+)[^{}]*\}/g)) values.push(e.trim());
  }
  return values.length ? values.map((v) => `print(${v})`).join(';') : stmt;
}

/** Arguments of a call, split at top-level commas (outside brackets and quotes). */
function splitArgs(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim());
}

/**
 * Statements of one line: split at top-level ";" and "," ("f(x) = x^2, f(3)") and at "and then";
 * not inside brackets or braces (max(a, b), function f(x) { return x; }).
 */
function splitTopLevel(line: string, javascript = false): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if ((c === ',' || c === ';') && depth === 0) {
      parts.push(line.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(line.slice(start));
  return parts
    .flatMap((p) => p.split(JOINERS))
    .flatMap((p) => arrows(p, javascript))
    .map((p) => p.replace(/^\s*(?:then|and)\s+/i, ''))
    .filter((p, i, all) => p.trim() || all.length === 1);
}

/**
 * "f(x) = x^2 → f(3) = 9": an arrow between two statements is a "so"; after a value with no "="
 * of its own ("f(3) → 9") it says what the value is, an "=". (JavaScript's => is its own.)
 */
function arrows(piece: string, javascript: boolean): string[] {
  const parts = piece.split(javascript ? /→|⇒|⟹|->/ : /→|⇒|⟹|->|=>/);
  const out: string[] = [];
  let cur = parts[0];
  for (const next of parts.slice(1)) {
    if (/[^=!<>]=(?!=)/.test(cur)) {
      out.push(cur);
      cur = next;
    } else cur = `${cur} = ${next}`;
  }
  out.push(cur);
  return out;
}

function sameFunction(theirs: Expr, ours: Expr, at: number): boolean {
  let compared = 0;
  for (const x of [at, ...SAMPLES]) {
    const a = theirs.evaluate(x);
    const b = ours.evaluate(x);
    if (Number.isNaN(a) !== Number.isNaN(b)) return false;
    if (Number.isNaN(b)) continue;
    if (!close(a, b)) return false;
    compared++;
  }
  return compared >= 3;
}

/**
 * The first chain of "=" whose sides disagree ("f(3) = 3*2 = 6" when f(3) is 9), said as the
 * learner wrote it; null when every chain holds. Each side is computed with the definitions before it.
 */
function wrongChain(statements: Statement[], source: string): string | null {
  const lines = source.split('\n');
  const groups = new Map<number, { text: string; line: number }[]>();
  statements.forEach((s, i) => {
    if (s.chain !== undefined) groups.set(s.chain, [...(groups.get(s.chain) ?? []), { text: s.text, line: i }]);
  });
  for (const sides of groups.values()) {
    const values: { text: string; value: number }[] = [];
    for (const side of sides) {
      // The definitions before this side, then the side itself as the program's last value.
      const defs = lines.slice(0, side.line).filter((l) => DEFINITION_LINE.test(l));
      try {
        const run = runProgram([...defs, side.text].join('\n'));
        const v = run.values[run.values.length - 1];
        if (v) values.push({ text: side.text.trim(), value: v.value });
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
      }
    }
    for (let i = 1; i < values.length; i++) {
      if (!close(values[i].value, values[0].value)) {
        const [a, b] = [values[0], values[i]];
        const bIsNumber = b.text === fmt(b.value);
        return `you wrote ${a.text} = ${b.text}, but ${a.text} = ${fmt(a.value)}${bIsNumber ? '' : ` and ${b.text} = ${fmt(b.value)}`}`;
      }
    }
  }
  return null;
}

const DEFINITION_LINE = new RegExp(String.raw`^\s*(?:def\s+)?${NAME}\s*\(\s*${NAME}\s*\)\s*[=:]|^\s*${NAME}\s*=\s*lambda\b`);

/** The right-hand side of a definition as the learner typed it ("2x", not mathjs's "2 x"). */
function typedBody(source: string, name: string): string | null {
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m =
      new RegExp(String.raw`^\s*${name}\s*\(\s*\w+\s*\)\s*=(?!=)\s*(.+?)\s*$`).exec(lines[i]) ??
      new RegExp(String.raw`^\s*${name}\s*=\s*lambda\s+\w+\s*:\s*(.+?)\s*$`).exec(lines[i]) ??
      new RegExp(String.raw`^\s*def\s+${name}\s*\(\s*\w+\s*\)\s*:\s*(?:return\s+)?(.*?)\s*$`).exec(lines[i]);
    if (!m) continue;
    if (m[1]) return m[1];
    const ret = /^\s*return\s+(.+?)\s*$/.exec(lines[i + 1] ?? '');
    return ret ? ret[1] : null;
  }
  return null;
}

/** The learner typed only the function's right-hand side ("x^2"): read it as the body. */
function bodyOnly(input: string, t: MathTarget): Expr | null {
  try {
    return compileExpression(input.trim(), { variable: t.param });
  } catch (e) {
    if (e instanceof UserError) return null;
    throw e;
  }
}

export function gradeMath(q: MathQuestion, answer: string): Verdict {
  const t = q.target;
  let ours: Expr;
  try {
    ours = compileExpression(t.body, { variable: t.param });
  } catch (e) {
    // A lesson without a key whose task reads as "f(x) = … and compute f(a)" but whose formula
    // calc-ml cannot run: the learner checks the answer against the task.
    if (!(e instanceof UserError)) throw e;
    return { verdict: 'ungraded', score: 0, feedback: `Your answer is kept. calc-ml cannot run this task's formula (${t.body}): compare your answer with the task yourself.` };
  }
  const expected = t.expected ?? ours.evaluate(t.at);
  const call = `${t.name}(${fmt(t.at)})`;
  const wanted = `${t.name}(${t.param}) = ${t.body}`;
  if (!answer.trim()) return verdict('incorrect', [`No answer was given: type ${wanted}; ${call}`], q);
  const back = saidBack(answer, q);
  if (back) {
    return verdict('incorrect', [back === 'hint'
      ? `That is the hint's own text, not an answer: write the function and its call yourself (the hint shows the shape).`
      : `That is the task said back, not an answer: write the function, then compute ${call}.`], q);
  }
  // Python is run as Python (^ is exclusive-or there, a def without return gives None).
  const code = readCode(answer);
  if (code) return gradeCode(q, code, ours, expected);

  let statements: Statement[];
  let source: string;
  let program: Program;
  try {
    statements = translateStatements(answer, t.name);
    source = statements.map((s) => s.text).join('\n');
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return verdict('incorrect', [`Your answer cannot be run: ${e.message}`], q);
  }
  try {
    program = runProgram(source);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    // "x**2, 9": the function's right-hand side and a value, statement by statement.
    const body = bodyOnly(source, t) ?? statements.map((st) => bodyOnly(st.text, t)).find((b) => b && /[A-Za-z]/.test(b.text.replace(/\b(?:pi|e|tau|sqrt|exp|log|sin|cos|tan|abs|pow)\b/g, ''))) ?? null;
    if (body) {
      return sameFunction(body, ours, t.at)
        ? verdict('partial', [`${body.text} is the right function, but the task asks you to define it and compute ${call}: type ${t.name}(${t.param}) = ${body.text}; ${call}`], q)
        : verdict('incorrect', [`Your expression ${body.text} is not ${t.body}: at ${t.param} = ${fmt(t.at)} it gives ${fmt(body.evaluate(t.at))}, not ${fmt(expected)}.`], q);
    }
    return verdict('incorrect', [`Your answer cannot be run: ${e.message}`, ...e.detail.map((d) => `  ${d}`)], q);
  }

  const fn = program.functions.find((f) => f.name === t.name) ?? program.functions[program.functions.length - 1];
  // JavaScript's ^ is exclusive-or too: `function f(x) { return x^2 }` gives 1 at 3.
  if (fn && JAVASCRIPT.test(answer) && /\^/.test(answer)) {
    return verdict('incorrect', [`In JavaScript, ^ is exclusive-or (bitwise): 3 ^ 2 is 1, so your ${call} is not ${fmt(expected)}. A power is written ** (x ** 2) or Math.pow(x, 2).`], q);
  }
  // Python's ^ is exclusive-or: a def or lambda written with it computes something else.
  if (fn && new RegExp(String.raw`(?:\bdef\s+${fn.name}\b|\b${fn.name}\s*=\s*lambda\b)[^\n]*\^`).test(source)) {
    return verdict('incorrect', [`Your ${fn.name} is Python, where ^ is not a power. ${XOR_NOTE}`], q);
  }
  const wrong = wrongChain(statements, source);
  if (wrong) return verdict('incorrect', [`You stated a wrong value: ${wrong}.`], q);
  const hit = program.values.find((v) => close(v.value, expected));
  const last = program.values[program.values.length - 1];
  if (fn) {
    const shownFn = `${fn.name}(${fn.param}) = ${typedBody(source, fn.name) ?? fn.body.text}`;
    if (!sameFunction(fn.body, ours, t.at)) {
      const theirs = fn.body.evaluate(t.at);
      if (!close(theirs, expected)) return verdict('incorrect', [`Your ${fn.name}(${fmt(t.at)}) is ${fmt(theirs)}: ${shownFn} is not ${t.body}.`], q);
      // Right at the task's point by luck: show where the two functions part.
      const x = SAMPLES.find((p) => !(close(fn.body.evaluate(p), ours.evaluate(p)) || (Number.isNaN(fn.body.evaluate(p)) && Number.isNaN(ours.evaluate(p)))));
      if (x === undefined) return verdict('incorrect', [`${shownFn} cannot be checked against ${t.body}: it is undefined almost everywhere.`], q);
      return verdict('incorrect', [`Your ${fn.name}(${fmt(t.at)}) is ${fmt(theirs)}, but ${shownFn} is not ${t.body}: at ${t.param} = ${fmt(x)} it gives ${fmt(fn.body.evaluate(x))}, not ${fmt(ours.evaluate(x))}.`], q);
    }
    if (hit) {
      // In Python, what follows `def f(x):` on the same line is all the function's body: the call after
      // a ";" would run only inside f, never. Right here, but worth knowing before running it.
      const oneLineDef = /^\s*def\s+\w+\s*\([^)]*\)\s*:[^\n]*;\s*\S/m.test(answer);
      const note = oneLineDef ? `Note: in Python, everything after "def ...:" on one line is the function's body, so the call after ";" would never run: put it on its own line.` : '';
      return verdict('correct', [`Correct: ${shownFn}, and ${call} = ${fmt(expected)}.`, note].filter(Boolean), q);
    }
    if (!last) return verdict('partial', [`${shownFn} is right, but you did not compute ${call}: add ${call} after it.`], q);
    return verdict('incorrect', [`${shownFn} is right, but you computed ${last.source} = ${fmt(last.value)}; the task asks for ${call}.`], q);
  }
  if (hit) {
    return verdict('partial', [`${fmt(hit.value)} is the right value, but the task asks you to write the function too: ${wanted}; ${call}`], q);
  }
  // A bare number ("10") is its own value: "10 = 10" would read oddly.
  const computed = last.source.trim() === fmt(last.value) ? fmt(last.value) : `${last.source} = ${fmt(last.value)}`;
  return verdict('incorrect', [`You computed ${computed}, but ${call} is not that; write the function and compute it: ${wanted}; ${call}`], q);
}
