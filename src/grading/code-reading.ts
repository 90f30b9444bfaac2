import { syntaxError, type PySyntaxError } from './python.js';

/**
 * A coding answer taken apart before it runs: the Python in it (from a markdown block, a REPL
 * transcript, or the whole answer), and what the learner *says* it gives, which is checked rather
 * than trusted: `# prints 9`, an `Output: 9` line, the REPL's output lines, `f(3) = 9` written
 * under the code, "this prints 9" in the words around it. Also the forgiving readings a prompt
 * forces (a def's body typed without its indentation), with a note for the learner. Everything else
 * is Python's own reading: `def f(x): return x**2; print(f(3))` puts the print in f's body.
 */

export type Claim =
  /** A value said for one line of code (its trailing comment). */
  | { kind: 'line'; line: number; value: number; text: string }
  /** A value said for the program's output as a whole. */
  | { kind: 'output'; value: number; text: string }
  /** A chain of equal things, "f(3) = 3**2 = 9", each side to be evaluated. */
  | { kind: 'chain'; sides: string[]; text: string };

export interface CodeReading {
  code: string;
  claims: Claim[];
  notes: string[];
  syntax: PySyntaxError | null;
}

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
/** "# 9", "# prints 9", "# -> 9", "# output: 9.0", "# should print 9". */
const VALUE_COMMENT = new RegExp(String.raw`^#+\s*(?:(?:it|this|that|should|will|would)\s+)*(?:prints?|outputs?|returns?|gives?|shows?|displays?|results?(?:\s+in)?|is|equals?|==?|->|=>|→|output|answer|result)?\s*(?:is\s*)?:?\s*(${NUMBER})\s*\.?\s*$`, 'i');
/** "Output: 9", "Out[1]: 9", "Result: 9" on a line of its own (comments are VALUE_COMMENT's). */
const OUTPUT_LINE = new RegExp(String.raw`^\s*(?:output|out\s*(?:\[\d+\])?|result|answer|prints?)\s*(?:is\s*)?:\s*(${NUMBER})\s*\.?\s*$`, 'i');
/** "f(3) = 9", "f(3) = 3**2 = 9" under code: a worked value, never Python (Python cannot assign to a call). */
const CHAIN_LINE = /^\s*(?:#+\s*)?[A-Za-z_]\w*\s*\(\s*[-+]?[\d.]+\s*\)\s*(?:=(?!=)|→|->)/;
/** A maths definition, "f(x) = x^2": the answer is written maths, not Python. */
export const MATHS_DEFINITION = /^\s*[A-Za-z]\w*\s*\(\s*[A-Za-z_]\w*\s*\)\s*=(?!=)/m;

/** Python for sure: a def, an import, a lambda, print(…), return. */
const STRONG_MARKERS = /^\s*(?:def\s+\w|import\s+\w|from\s+\w+\s+import\b|return\b|print\s*\(|if\s+__name__|for\s+\w+\s+in\b|assert\b)|\blambda\b|\bprint\s*\(/m;
/** Python, or maths written with names: `y = x**2`. Python only when it parses as Python. */
const PYTHON_MARKERS = new RegExp(`${STRONG_MARKERS.source}|^\\s*[A-Za-z_]\\w*\\s*(?:[-+*/]|\\*\\*)?=(?!=)`, 'm');
const JAVASCRIPT = /\bfunction\s+\w+\s*\(|\b(?:const|let|var)\s+\w+\s*=|console\.log|=>\s*[{\w(]/;
const BLOCK_HEADER = /^(\s*)(def|if|elif|else|for|while|with|try|except|finally)\b.*:\s*(#.*)?$/;

/** Where a comment starts on a line of Python, outside strings; -1 when none. */
function commentAt(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (line.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = '';
      }
    } else if (c === '#') return i;
    else if (c === '"' || c === "'") quote = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
  }
  return -1;
}

const chainSides = (text: string) => text.replace(/^\s*#+\s*/, '').replace(/\s*[.;]\s*$/, '').split(/=(?!=)|→|->/).map((s) => s.trim()).filter(Boolean);

/** Claims made in prose around the code: "this prints 9", "f(3) is 9", "the answer is 9". */
export function proseClaims(prose: string): Claim[] {
  const out: Claim[] = [];
  const re = new RegExp(String.raw`\b(?:prints?|printed|outputs?|returns?|gives?|shows?|displays?|(?:result|answer|output)\s+(?:is|=|:)|[A-Za-z]\s*\(\s*[-+]?[\d.]+\s*\)\s*(?:is|=|equals))\s*:?\s*(${NUMBER})(?![\w.(])`, 'gi');
  for (const m of prose.matchAll(re)) out.push({ kind: 'output', value: Number(m[1]), text: m[0].trim() });
  return out;
}

/**
 * Lines typed without their indentation (a line prompt may drop leading spaces): the body of a
 * `def` runs to its first `return`, of any other block to its next line. Returned with a note.
 */
function indentBodies(lines: string[]): { lines: string[]; fixed: boolean } {
  const out = [...lines];
  let fixed = false;
  for (let i = 0; i < out.length; i++) {
    const head = BLOCK_HEADER.exec(out[i]);
    if (!head) continue;
    const next = out.findIndex((l, j) => j > i && l.trim() && !/^\s*#/.test(l));
    if (next < 0) continue;
    const indent = (l: string) => /^[ \t]*/.exec(l)![0].length;
    if (indent(out[next]) > head[1].length) continue;
    let last = next;
    if (head[2] === 'def') {
      const ret = out.findIndex((l, j) => j >= next && /^\s*return\b/.test(l));
      const nextDef = out.findIndex((l, j) => j >= next && /^\s*def\b/.test(l));
      if (ret >= 0 && (nextDef < 0 || ret < nextDef)) last = ret;
    }
    for (let j = next; j <= last; j++) if (out[j].trim()) out[j] = `${head[1]}    ${out[j].trimStart()}`;
    fixed = true;
  }
  return { lines: out, fixed };
}

/** Words that join code into a sentence ("return x**2 and then call it with 3"). */
const PROSE_WORDS = /\b(?:and then|then|so|which|gives?|basically|write|call(?:ed)? it|would|I'd|I|we)\b/;

/** A line with a sentence in it: several plain words in a row, not a Python keyword among them. */
function wordy(line: string): boolean {
  const run = line.match(/(?:\b[A-Za-z][A-Za-z']*\b[ ,]+){3,}/g) ?? [];
  return run.some((r) => !/\b(?:def|return|print|import|lambda|for|in|if|else|and|or|not)\b/.test(r) || (r.match(/\b[A-Za-z']+\b/g) ?? []).length >= 5);
}

/** A line of words, not code: "This prints 9.", "Here is my answer:". */
function isProse(line: string): boolean {
  const t = line.trim();
  if (/^(def|return|print|import|from|if|for|while|lambda|else|elif)\b/.test(t)) return false;
  const words = t.match(/\b[A-Za-z]{2,}\b/g) ?? [];
  // "Here is my code:", "In Python:": a label before the code.
  if (/^[A-Za-z][A-Za-z' ]*:$/.test(t)) return true;
  return words.length >= 3 && !/[=()[\]]/.test(t.replace(/\([^()]*\)/g, '')) && /^[A-Za-z]/.test(t);
}

/**
 * The answer read as Python, or null when it is not Python (written maths such as "f(x) = x^2;
 * f(3)", JavaScript, a bare value or words): those are the maths reader's.
 */
export function readCode(answer: string): CodeReading | null {
  let text = answer.replace(/\r\n?/g, '\n');
  const claims: Claim[] = [];
  const notes: string[] = [];
  let prose = '';
  if (/```/.test(text)) {
    const blocks = [...text.matchAll(/```[\w+-]*[^\S\n]*\n?([\s\S]*?)(?:```|$)/g)];
    prose = text.replace(/```[\w+-]*[^\S\n]*\n?[\s\S]*?(?:```|$)/g, '\n');
    text = blocks.map((b) => b[1]).join('\n');
  } else if (/`[^`\n]+`/.test(text) && !PYTHON_MARKERS.test(text.replace(/`[^`\n]+`/g, ''))) {
    const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
    if (spans.some((s) => PYTHON_MARKERS.test(s))) {
      prose = text.replace(/`[^`\n]+`/g, ' ');
      text = spans.join('\n');
    }
  }
  let lines = text.split('\n');
  // A REPL transcript: the lines after >>> and ... are code, the others what it printed.
  if (lines.some((l) => /^\s*>>>/.test(l))) {
    const code: string[] = [];
    for (const l of lines) {
      const m = /^\s*(?:>>>|\.\.\.)(?: |$)?(.*)$/.exec(l);
      if (m) code.push(m[1]);
      else if (l.trim()) {
        const n = Number(l.trim());
        if (l.trim() && Number.isFinite(n)) claims.push({ kind: 'output', value: n, text: l.trim() });
      }
    }
    lines = code;
  }
  if (JAVASCRIPT.test(lines.join('\n')) || MATHS_DEFINITION.test(lines.join('\n'))) return null;
  if (!PYTHON_MARKERS.test(lines.join('\n'))) return null;

  // What the learner says it gives: lines of their own, and comments at the ends of lines.
  const kept: string[] = [];
  for (const l of lines) {
    const out = OUTPUT_LINE.exec(l);
    if (out && !/^\s*[A-Za-z_]\w*\s*=/.test(l)) {
      claims.push({ kind: 'output', value: Number(out[1]), text: l.trim() });
      kept.push('');
      continue;
    }
    if (CHAIN_LINE.test(l)) {
      claims.push({ kind: 'chain', sides: chainSides(l), text: l.trim() });
      kept.push('');
      continue;
    }
    // "print(f(3)) → 9", "f(3) -> 9": the value said at the end of a line of code.
    const arrow = new RegExp(String.raw`^(.*\S)\s*(?:→|->|=>)\s*(${NUMBER})\s*\.?\s*$`).exec(l);
    if (arrow && commentAt(l) < 0 && !/["']/.test(l) && !/^\s*def\b/.test(l)) {
      claims.push({ kind: 'line', line: kept.length + 1, value: Number(arrow[2]), text: l.slice(arrow[1].length).trim() });
      kept.push(arrow[1]);
      continue;
    }
    const hash = commentAt(l);
    if (hash >= 0) {
      const comment = l.slice(hash);
      const value = VALUE_COMMENT.exec(comment);
      const code = l.slice(0, hash);
      if (value) claims.push(code.trim() ? { kind: 'line', line: kept.length + 1, value: Number(value[1]), text: comment.trim() } : { kind: 'output', value: Number(value[1]), text: comment.trim() });
      else if (CHAIN_LINE.test(comment)) claims.push({ kind: 'chain', sides: chainSides(comment), text: comment.trim() });
    }
    kept.push(l);
  }
  lines = kept;

  const indented = indentBodies(lines);
  if (indented.fixed) notes.push("Note: in Python a block's lines are indented under its header (def f(x): then, on the next line, 4 spaces and return x**2); calc-ml read them so.");
  lines = indented.lines;

  // Words between the lines of code ("This prints 9.") are the learner's, not Python.
  let code = lines.join('\n');
  let syntax = syntaxError(code);
  for (let tries = 0; syntax && tries < 5 && isProse(lines[syntax.line - 1] ?? ''); tries++) {
    prose += `\n${lines[syntax.line - 1]}`;
    lines[syntax.line - 1] = '';
    code = lines.join('\n');
    syntax = syntaxError(code);
  }
  // Not Python after all: maths with names ("f = x^2, f(3) = 9"), or code inside a sentence
  // ("I'd write def f(x): return x**2 and then call it with 3"), which the maths reader takes apart.
  if (syntax && (!STRONG_MARKERS.test(code) || wordy(lines[syntax.line - 1] ?? '') || PROSE_WORDS.test(lines[syntax.line - 1] ?? ''))) return null;
  claims.push(...proseClaims(prose));
  return { code, claims, notes, syntax };
}
