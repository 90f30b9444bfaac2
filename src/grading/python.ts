import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { PyError, PyUnsupported, isObj, isInt, toBig, str, repr, truthy, formatSpec, typeName, type Py, type PyFunction } from './python-values.js';
import { binary, unary, compare, iterate, index } from './python-ops.js';
import { BUILTIN_NAMES, MODULES, strMethod, isModule } from './python-lib.js';

/**
 * A learner's Python, read and run with Python's semantics but without Python: parsed by
 * @lezer/python (a maintained grammar of the whole language, fast and error-tolerant, so a
 * syntax error can be placed), then evaluated by the small interpreter here, which knows the part
 * of Python a formula needs: def, lambda, return, if/for/while, assignments, print, f-strings,
 * math and numpy's scalar functions. Anything else is refused as PyUnsupported, never guessed.
 * Pure, with a budget of steps, so a loop of the learner's cannot hang the grader.
 */

export interface PySyntaxError {
  line: number;
  column: number;
  message: string;
  /** The error's kind as Python says it: SyntaxError or IndentationError. */
  type: string;
}

export interface PyRun {
  /** Lines printed, each with the line of the top-level statement that printed it. */
  output: { line: number; text: string; values: Py[] }[];
  /** The learner's functions called from the top level: what with, and what came back. */
  calls: { name: string; args: Py[]; result?: Py; line: number; fn: PyFunction }[];
  /** Values of top-level expression statements (a bare `f(3)`, as the REPL shows it), None left out. */
  values: { line: number; source: string; value: Py }[];
  /** Values assigned at the top level, by line. */
  assigned: { line: number; name: string; value: Py }[];
  globals: Map<string, Py>;
  /** The exception that stopped the program, if one did. */
  error?: PyError | PyUnsupported;
}

const MAX_STEPS = 200_000;
const MAX_DEPTH = 60;

/** The first syntax error in `source`, as Python would report it, or null. */
export function syntaxError(source: string): PySyntaxError | null {
  const tree = parser.parse(source);
  const lines = source.split('\n');
  const lineOf = (pos: number) => source.slice(0, pos).split('\n').length;
  let found: PySyntaxError | null = null;
  tree.iterate({
    enter(n) {
      if (found) return false;
      if (n.type.isError) {
        found = describe(source, lines, lineOf(n.from), n.from);
        return false;
      }
      if (n.name === 'PrintStatement') {
        found = { type: 'SyntaxError', line: lineOf(n.from), column: 1, message: "Missing parentheses in call to 'print'. Did you mean print(...)?" };
        return false;
      }
      if (n.name === 'AssignStatement' || n.name === 'UpdateStatement') {
        // Every target (all but the last group between the = signs) must be a name, an item or an attribute.
        const kids: SyntaxNode[] = [];
        for (let c = n.node.firstChild; c; c = c.nextSibling) kids.push(c);
        const lastOp = kids.map((k) => k.name).lastIndexOf(n.name === 'AssignStatement' ? 'AssignOp' : 'UpdateOp');
        const bad = kids.slice(0, Math.max(0, lastOp)).find((k) => !['VariableName', 'MemberExpression', 'TupleExpression', 'ArrayExpression', 'ParenthesizedExpression', 'AssignOp', 'TypeDef', ',', 'Comment'].includes(k.name));
        if (bad) {
          found = { type: 'SyntaxError', line: lineOf(n.from), column: 1, message: bad.name === 'CallExpression' ? "cannot assign to function call here. Maybe you meant '==' instead of '='?" : bad.name === 'Number' || bad.name === 'String' ? 'cannot assign to literal here' : 'cannot assign to expression here' };
          return false;
        }
      }
      return undefined;
    },
  });
  return found ?? indentationError(tree.topNode, source, lineOf);
}

function describe(source: string, lines: string[], line: number, pos: number): PySyntaxError {
  const text = lines[line - 1] ?? '';
  const column = pos - source.lastIndexOf('\n', pos - 1);
  const prev = lines.slice(0, line - 1).reverse().find((l) => l.trim() && !/^\s*#/.test(l)) ?? '';
  const header = /^\s*(def|if|elif|else|for|while|class|try|except|with)\b/;
  if (header.test(text) && !text.includes(':')) return { type: 'SyntaxError', line, column, message: "expected ':'" };
  if (/:\s*(#.*)?$/.test(prev) && header.test(prev) && /^\S/.test(text) === /^\S/.test(prev)) {
    return { type: 'IndentationError', line, column: 1, message: `expected an indented block after '${header.exec(prev)![1]}' statement` };
  }
  const indent = (l: string) => /^[ \t]*/.exec(l)![0].length;
  if (prev && indent(text) > indent(prev) && !/:\s*(#.*)?$/.test(prev) && !/[([{,\\]\s*$/.test(prev)) {
    return { type: 'IndentationError', line, column: 1, message: 'unexpected indent' };
  }
  let depth = 0;
  for (const ch of source.slice(0, pos)) depth += ch === '(' || ch === '[' || ch === '{' ? 1 : ch === ')' || ch === ']' || ch === '}' ? -1 : 0;
  if (depth > 0) return { type: 'SyntaxError', line, column, message: "'(' was never closed" };
  return { type: 'SyntaxError', line, column, message: 'invalid syntax' };
}

/** Python's indentation rules, which the tolerant grammar does not enforce: each block at one indent, the top level at none. */
function indentationError(top: SyntaxNode, source: string, lineOf: (pos: number) => number): PySyntaxError | null {
  const indent = (n: SyntaxNode) => n.from - source.lastIndexOf('\n', n.from - 1) - 1;
  const startsLine = (n: SyntaxNode) => /^[ \t]*$/.test(source.slice(source.lastIndexOf('\n', n.from - 1) + 1, n.from));
  const check = (block: SyntaxNode, outer: number): PySyntaxError | null => {
    let level: number | null = block.name === 'Script' ? 0 : null;
    for (let c = block.firstChild; c; c = c.nextSibling) {
      if (c.name === 'Comment' || c.name === ':' || !startsLine(c)) continue;
      const at = indent(c);
      if (level === null) {
        if (at <= outer) return { type: 'IndentationError', line: lineOf(c.from), column: 1, message: 'expected an indented block' };
        level = at;
      } else if (at !== level) {
        return { type: 'IndentationError', line: lineOf(c.from), column: 1, message: at > level ? 'unexpected indent' : 'unindent does not match any outer indentation level' };
      }
      for (let b = c.firstChild; b; b = b.nextSibling) {
        if (b.name === 'Body') {
          const e = check(b, level);
          if (e) return e;
        }
      }
    }
    return null;
  };
  return check(top, -1);
}

/**
 * The learner's exception, or the machine's limit reached (a string or a nesting too large for
 * JavaScript: RangeError) said as Python calc-ml does not run; anything else is a bug and is thrown.
 */
function limit(e: unknown): PyError | PyUnsupported {
  if (e instanceof PyError || e instanceof PyUnsupported) return e;
  if (e instanceof RangeError) return new PyUnsupported('code that needs this much room (nested this deep, or a value this large)');
  throw e;
}

class Return {
  constructor(readonly value: Py) {}
}
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
type Flow = Return | typeof BREAK | typeof CONTINUE | undefined;

interface Scope {
  vars: Map<string, Py>;
  parent?: Scope;
}

/** Runs `source` (free of syntax errors) and says what it did. */
export function runPython(source: string): PyRun {
  return new Interpreter(source).run();
}

export class Interpreter {
  private steps = 0;
  private depth = 0;
  private topLine = 0;
  /** Prints of a function called to compare it at a point, kept apart from the program's own. */
  private capture: string[] | null = null;
  private readonly lineStarts: number[] = [0];
  readonly globals: Scope;
  private readonly result: PyRun;

  /** What input() returned, in order. */
  readonly typed: string[] = [];

  constructor(private source: string, private readonly inputs: string[] = []) {
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.lineStarts.push(i + 1);
    this.globals = { vars: new Map<string, Py>([['__name__', '__main__']]) };
    this.result = { output: [], calls: [], values: [], assigned: [], globals: this.globals.vars };
  }

  run(): PyRun {
    const tree = parser.parse(this.source);
    try {
      this.block(tree.topNode, this.globals, true);
    } catch (raw) {
      const e = limit(raw);
      e.line ??= this.topLine;
      this.result.error = e;
    }
    return this.result;
  }

  /** Calls one of the learner's functions at x (an int where x is whole, as the task's 3 is), its prints kept apart. */
  callAt(fn: Py, x: number): { value: Py; printed: string[] } | { error: PyError | PyUnsupported; printed: string[] } {
    const printed: string[] = [];
    const saved = this.capture;
    this.capture = printed;
    this.steps = 0;
    const arg: Py = Number.isInteger(x) ? BigInt(x) : x;
    try {
      return { value: this.call(fn, [arg], new Map()), printed };
    } catch (raw) {
      return { error: limit(raw), printed };
    } finally {
      this.capture = saved;
    }
  }

  /** An expression (a side of "f(3) = 9" written under the code) in the program's globals, its prints kept apart. */
  evaluate(text: string): Py {
    const expression = text.trim();
    if (!expression || expression.includes('\n') || syntaxError(expression)) throw new PyError('SyntaxError', 'invalid syntax');
    // Parsed after the program, so the program's own nodes (its functions' bodies) keep their positions.
    const base = this.source.endsWith('\n') ? this.source : `${this.source}\n`;
    const joined = base + expression;
    const stmt = parser.parse(joined).topNode.lastChild;
    if (!stmt || stmt.name !== 'ExpressionStatement' || stmt.from < base.length) throw new PyError('SyntaxError', 'not an expression');
    const saved = this.capture;
    this.capture = [];
    this.source = joined;
    this.steps = 0;
    try {
      return this.expr(stmt.firstChild!, this.globals);
    } catch (raw) {
      throw limit(raw);
    } finally {
      this.capture = saved;
    }
  }

  private text(n: SyntaxNode): string {
    return this.source.slice(n.from, n.to);
  }

  private lineOf(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private tick(): void {
    if (++this.steps > MAX_STEPS) throw new PyUnsupported(`a program that runs this long (more than ${MAX_STEPS.toLocaleString('en')} steps)`);
  }

  private children(n: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
    return out;
  }

  private block(n: SyntaxNode, scope: Scope, top = false): Flow {
    for (const s of this.children(n)) {
      if (s.name === ':' || s.name === ';') continue;
      if (top) this.topLine = this.lineOf(s.from);
      const flow = this.statement(s, scope, top);
      if (flow) return flow;
    }
    return undefined;
  }

  private statement(n: SyntaxNode, scope: Scope, top: boolean): Flow {
    this.tick();
    const kids = this.children(n);
    switch (n.name) {
      case 'StatementGroup':
        return this.block(n, scope, top);
      case 'ExpressionStatement': {
        const value = this.expr(kids[0], scope);
        if (top && value !== null && kids[0].name !== 'String') this.result.values.push({ line: this.lineOf(n.from), source: this.text(kids[0]), value });
        return undefined;
      }
      case 'AssignStatement':
        this.assign(n, kids, scope, top);
        return undefined;
      case 'UpdateStatement': {
        const [target, op, value] = kids;
        if (target.name !== 'VariableName') throw new PyUnsupported(`assigning to ${this.text(target)}`);
        const name = this.text(target);
        const next = binary(this.text(op).slice(0, -1), this.lookup(name, scope), this.expr(value, scope));
        scope.vars.set(name, next);
        if (top) this.result.assigned.push({ line: this.lineOf(n.from), name, value: next });
        return undefined;
      }
      case 'FunctionDefinition':
        scope.vars.set(this.text(kids[1]), this.defineFunction(n, kids, scope));
        return undefined;
      case 'ReturnStatement':
        if (top) throw new PyError('SyntaxError', "'return' outside function");
        return new Return(kids.length > 1 ? this.tuple(kids.slice(1), scope) : null);
      case 'IfStatement':
        return this.ifStatement(kids, scope, top);
      case 'WhileStatement':
        return this.loop(kids, scope, top, null);
      case 'ForStatement':
        return this.loop(kids, scope, top, kids.findIndex((k) => k.name === 'in'));
      case 'PassStatement':
        return undefined;
      case 'BreakStatement':
        return BREAK;
      case 'ContinueStatement':
        return CONTINUE;
      case 'ImportStatement':
        this.importStatement(kids, scope);
        return undefined;
      case 'AssertStatement': {
        if (!truthy(this.expr(kids[1], scope))) throw new PyError('AssertionError', kids[2] ? str(this.expr(kids[2], scope)) : '');
        return undefined;
      }
    }
    throw new PyUnsupported(`${this.text(n).split(/\s/)[0]} statements`);
  }

  private assign(n: SyntaxNode, kids: SyntaxNode[], scope: Scope, top: boolean): void {
    // a = b = value, a, b = 1, 2, x: int = 3: groups of nodes between the = signs, commas making tuples.
    const groups: SyntaxNode[][] = [[]];
    for (const k of kids) {
      if (k.name === 'AssignOp') groups.push([]);
      else if (k.name !== ',' && k.name !== 'TypeDef') groups[groups.length - 1].push(k);
    }
    if (groups.length === 1) return; // an annotation alone: x: int
    const valueNodes = groups.pop()!;
    const value = valueNodes.length === 1 ? this.expr(valueNodes[0], scope) : this.tuple(valueNodes, scope);
    for (const targets of groups) this.bind(targets, value, scope, top, this.lineOf(n.from));
  }

  private bind(targets: SyntaxNode[], value: Py, scope: Scope, top: boolean, line: number): void {
    if (targets.length === 1 && targets[0].name === 'VariableName') {
      const name = this.text(targets[0]);
      scope.vars.set(name, value);
      if (top) this.result.assigned.push({ line, name, value });
      return;
    }
    const flat = targets.length === 1 && (targets[0].name === 'TupleExpression' || targets[0].name === 'ArrayExpression' || targets[0].name === 'ParenthesizedExpression')
      ? this.children(targets[0]).filter((c) => !['(', ')', '[', ']', ','].includes(c.name))
      : targets;
    if (flat.length === 1 && flat[0] !== targets[0]) return this.bind(flat, value, scope, top, line);
    if (flat.some((t) => t.name !== 'VariableName')) throw new PyUnsupported(`assigning to ${flat.map((t) => this.text(t)).join(', ')}`);
    const items = iterate(value);
    if (items.length !== flat.length) throw new PyError('ValueError', items.length > flat.length ? `too many values to unpack (expected ${flat.length})` : `not enough values to unpack (expected ${flat.length}, got ${items.length})`);
    flat.forEach((t, i) => this.bind([t], items[i], scope, top, line));
  }

  private tuple(nodes: SyntaxNode[], scope: Scope): Py {
    const items = nodes.filter((k) => k.name !== ',').map((k) => this.expr(k, scope));
    return items.length === 1 && !nodes.some((k) => k.name === ',') ? items[0] : { kind: 'tuple', items };
  }

  private ifStatement(kids: SyntaxNode[], scope: Scope, top: boolean): Flow {
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.name === 'if' || k.name === 'elif') {
        if (truthy(this.expr(kids[i + 1], scope))) return this.block(kids[i + 2], scope, top);
        i += 2;
      } else if (k.name === 'else') {
        return this.block(kids[i + 1], scope, top);
      }
    }
    return undefined;
  }

  private loop(kids: SyntaxNode[], scope: Scope, top: boolean, inAt: number | null): Flow {
    const bodies = kids.filter((k) => k.name === 'Body');
    const [body, orElse] = bodies;
    const run = (): Flow | 'broke' => {
      const flow = this.block(body, scope, top);
      if (flow === BREAK) return 'broke';
      if (flow instanceof Return) return flow;
      return undefined;
    };
    let broke = false;
    if (inAt === null) {
      const cond = kids[1];
      while (truthy(this.expr(cond, scope))) {
        this.tick();
        const r = run();
        if (r === 'broke') {
          broke = true;
          break;
        }
        if (r) return r;
      }
    } else {
      const targets = kids.slice(1, inAt).filter((k) => k.name !== ',');
      const iterable = kids.slice(inAt + 1, kids.indexOf(body));
      const items = iterate(iterable.length === 1 ? this.expr(iterable[0], scope) : this.tuple(iterable, scope));
      for (const item of items) {
        this.tick();
        this.bind(targets, item, scope, false, 0);
        const r = run();
        if (r === 'broke') {
          broke = true;
          break;
        }
        if (r) return r;
      }
    }
    if (!broke && orElse) return this.block(orElse, scope, top);
    return undefined;
  }

  private importStatement(kids: SyntaxNode[], scope: Scope): void {
    const names = kids.filter((k) => k.name === 'VariableName' || k.name === 'as' || k.name === '*');
    const moduleOf = (name: string) => {
      const m = MODULES.get(name);
      if (!m) throw new PyUnsupported(`the module ${name} (calc-ml runs math and numpy's functions of one number)`);
      return m;
    };
    if (kids[0]?.name === 'from') {
      const mod = moduleOf(this.text(names[0]));
      const rest = names.slice(1);
      if (kids.some((k) => k.name === '*') || this.text(kids[kids.length - 1]) === '*') {
        for (const [k, v] of mod.members) scope.vars.set(k, v);
        return;
      }
      for (let i = 0; i < rest.length; i++) {
        if (rest[i].name !== 'VariableName') continue;
        const name = this.text(rest[i]);
        const alias = rest[i + 1]?.name === 'as' ? this.text(rest[i + 2]) : name;
        if (rest[i + 1]?.name === 'as') i += 2;
        const member = mod.members.get(name);
        if (member === undefined) throw new PyError('ImportError', `cannot import name '${name}' from '${mod.name}'`);
        scope.vars.set(alias, member);
      }
      return;
    }
    for (let i = 0; i < names.length; i++) {
      if (names[i].name !== 'VariableName') continue;
      const name = this.text(names[i]);
      const alias = names[i + 1]?.name === 'as' ? this.text(names[i + 2]) : name;
      if (names[i + 1]?.name === 'as') i += 2;
      scope.vars.set(alias, moduleOf(name));
    }
  }

  private params(list: SyntaxNode | undefined, scope: Scope): { name: string; default?: Py }[] {
    const out: { name: string; default?: Py }[] = [];
    if (!list) return out;
    const kids = this.children(list);
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.name === '*' || k.name === '**') throw new PyUnsupported(`parameters like ${this.text(list)}`);
      if (k.name !== 'VariableName') continue;
      let j = i + 1;
      if (kids[j]?.name === 'TypeDef') j++;
      if (kids[j]?.name === 'AssignOp') {
        out.push({ name: this.text(k), default: this.expr(kids[j + 1], scope) });
        i = j + 1;
      } else out.push({ name: this.text(k) });
    }
    return out;
  }

  private makeFunction(name: string, params: { name: string; default?: Py }[], scope: Scope, lambda: boolean, body: (local: Scope) => Py): PyFunction {
    const fn: PyFunction = {
      kind: 'function',
      name,
      params,
      lambda,
      call: (args, kwargs) => {
        if (args.length > params.length) throw new PyError('TypeError', `${name}() takes ${params.length} positional argument${params.length === 1 ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
        const local: Scope = { vars: new Map(), parent: scope };
        params.forEach((p, i) => {
          const v = i < args.length ? args[i] : kwargs.has(p.name) ? kwargs.get(p.name)! : p.default;
          if (v === undefined) throw new PyError('TypeError', `${name}() missing 1 required positional argument: '${p.name}'`);
          local.vars.set(p.name, v);
        });
        for (const k of kwargs.keys()) if (!params.some((p) => p.name === k)) throw new PyError('TypeError', `${name}() got an unexpected keyword argument '${k}'`);
        if (++this.depth > MAX_DEPTH) {
          this.depth = 0;
          throw new PyError('RecursionError', 'maximum recursion depth exceeded');
        }
        try {
          return body(local);
        } finally {
          this.depth--;
        }
      },
    };
    return fn;
  }

  private defineFunction(n: SyntaxNode, kids: SyntaxNode[], scope: Scope): PyFunction {
    const name = this.text(kids[1]);
    const body = kids.find((k) => k.name === 'Body')!;
    return this.makeFunction(name, this.params(kids.find((k) => k.name === 'ParamList'), scope), scope, false, (local) => {
      const flow = this.block(body, local);
      if (flow === BREAK || flow === CONTINUE) throw new PyError('SyntaxError', `'${flow === BREAK ? 'break' : 'continue'}' outside loop`);
      return flow instanceof Return ? flow.value : null;
    });
  }

  private lookup(name: string, scope: Scope): Py {
    for (let s: Scope | undefined = scope; s; s = s.parent) if (s.vars.has(name)) return s.vars.get(name)!;
    const b = this.builtin(name);
    if (b !== undefined) return b;
    throw new PyError('NameError', `name '${name}' is not defined`);
  }

  private builtin(name: string): Py | undefined {
    if (name === 'print') return { kind: 'builtin', name, call: (args, kwargs) => this.print(args, kwargs) };
    if (name === 'input') {
      return {
        kind: 'builtin',
        name,
        call: (args) => {
          // What the grader types at the program's prompts (the task's value); none left is the end of input.
          const typed = this.inputs.shift();
          if (args.length) this.print([args[0]], new Map([['end', '']]));
          if (typed === undefined) throw new PyError('EOFError', 'EOF when reading a line');
          this.typed.push(typed);
          return typed;
        },
      };
    }
    return BUILTIN_NAMES.get(name);
  }

  private print(args: Py[], kwargs: Map<string, Py>): Py {
    for (const k of kwargs.keys()) if (k !== 'sep' && k !== 'end' && k !== 'flush') throw new PyError('TypeError', `'${k}' is an invalid keyword argument for print()`);
    const sep = kwargs.get('sep');
    const end = kwargs.get('end');
    const text = args.map((a) => str(a)).join(sep === undefined || sep === null ? ' ' : str(sep)) + (end === undefined || end === null ? '\n' : str(end));
    if (this.capture) {
      this.capture.push(text);
      return null;
    }
    const out = this.result.output;
    const pieces = text.split('\n');
    // print(..., end="") continues the last line, as a terminal shows it.
    const last = out[out.length - 1];
    const open = last && !last.text.endsWith('\n');
    pieces.forEach((p, i) => {
      const piece = i < pieces.length - 1 ? `${p}\n` : p;
      if (!piece) return;
      if (i === 0 && open) {
        last.text += piece;
        last.values.push(...args);
      } else out.push({ line: this.topLine, text: piece, values: i === 0 ? [...args] : [] });
    });
    return null;
  }

  private call(fn: Py, args: Py[], kwargs: Map<string, Py>): Py {
    this.tick();
    if (!isObj(fn) || (fn.kind !== 'function' && fn.kind !== 'builtin' && fn.kind !== 'method')) {
      throw new PyError('TypeError', `'${typeName(fn)}' object is not callable`);
    }
    return fn.call(args, kwargs);
  }

  private callExpression(n: SyntaxNode, kids: SyntaxNode[], scope: Scope): Py {
    const [callee, argList] = kids;
    const fn = this.expr(callee, scope);
    const args: Py[] = [];
    const kwargs = new Map<string, Py>();
    const parts = this.children(argList).filter((k) => k.name !== '(' && k.name !== ')');
    for (let i = 0; i < parts.length; i++) {
      const k = parts[i];
      if (k.name === ',') continue;
      if (k.name === '*' || k.name === '**') throw new PyUnsupported(`calls with ${k.name}arguments`);
      if (k.name === 'VariableName' && parts[i + 1]?.name === 'AssignOp') {
        kwargs.set(this.text(k), this.expr(parts[i + 2], scope));
        i += 2;
      } else if (k.name === 'ComprehensionExpression' || (parts[i + 1]?.name === 'for')) {
        throw new PyUnsupported('generator expressions');
      } else args.push(this.expr(k, scope));
    }
    const mine = isObj(fn) && fn.kind === 'function' && this.depth === 0 && !this.capture;
    // f(x=3) is a call at 3 as much as f(3): the arguments as the parameters receive them.
    const bound = mine ? (fn as PyFunction).params.map((p, i) => (i < args.length ? args[i] : kwargs.get(p.name))).filter((v): v is Py => v !== undefined) : args;
    const record = mine ? { name: callee.name === 'VariableName' ? this.text(callee) : (fn as PyFunction).name, args: bound, line: this.lineOf(n.from), fn: fn as PyFunction } : null;
    if (record) this.result.calls.push(record);
    const value = this.call(fn, args, kwargs);
    if (record) (record as { result?: Py }).result = value;
    return value;
  }

  private member(n: SyntaxNode, kids: SyntaxNode[], scope: Scope): Py {
    const obj = this.expr(kids[0], scope);
    if (kids[1]?.name === '[') {
      const inner = kids.slice(2, -1);
      if (inner.some((k) => k.name === ':')) throw new PyUnsupported('slices');
      return index(obj, this.expr(inner[0], scope));
    }
    const prop = this.text(kids[kids.length - 1]);
    if (isModule(obj)) {
      const m = obj.members.get(prop);
      if (m === undefined) {
        if (obj.name === 'numpy') throw new PyUnsupported(`numpy.${prop} (calc-ml runs numpy's functions of one number)`);
        throw new PyError('AttributeError', `module '${obj.name}' has no attribute '${prop}'`);
      }
      return m;
    }
    if (typeof obj === 'string') {
      const m = strMethod(obj, prop, (t, a, k) => this.format(t, a, k));
      if (m !== undefined) return m;
    }
    throw new PyUnsupported(`${this.text(n)}`);
  }

  /** str.format: {} {0} {name} with a format spec each. */
  private format(template: string, args: Py[], kwargs: Map<string, Py>): string {
    let auto = 0;
    return template.replace(/\{\{|\}\}|\{([^{}!:]*)(?:!([rs]))?(?::([^{}]*))?\}/g, (m, field: string | undefined, conv: string | undefined, spec: string | undefined) => {
      if (m === '{{') return '{';
      if (m === '}}') return '}';
      const key = (field ?? '').trim();
      let v: Py | undefined;
      if (key === '') v = args[auto++];
      else if (/^\d+$/.test(key)) v = args[Number(key)];
      else v = kwargs.get(key);
      if (v === undefined) throw new PyError(key === '' || /^\d+$/.test(key) ? 'IndexError' : 'KeyError', key === '' || /^\d+$/.test(key) ? `Replacement index ${key || auto - 1} out of range for positional args tuple` : `'${key}'`);
      const shown = conv === 'r' ? repr(v) : conv === 's' ? str(v) : v;
      return formatSpec(shown, spec ?? '');
    });
  }

  private stringLiteral(raw: string): string {
    const m = /^([rRbBuUfF]*)('''|"""|'|")([\s\S]*)\2$/.exec(raw);
    if (!m) throw new PyUnsupported(`the string ${raw.slice(0, 20)}`);
    const [, prefix, , body] = m;
    if (/b/i.test(prefix)) throw new PyUnsupported('bytes');
    return /r/i.test(prefix) ? body : unescape(body);
  }

  private formatString(n: SyntaxNode, scope: Scope): string {
    const raw = this.text(n);
    const m = /^([rRfF]+)('''|"""|'|")/.exec(raw)!;
    const rawMode = /r/i.test(m[1]);
    const start = n.from + m[0].length;
    const end = n.to - m[2].length;
    let out = '';
    let pos = start;
    const literal = (s: string) => {
      const t = s.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      return rawMode ? t : unescape(t);
    };
    for (const r of this.children(n)) {
      if (r.name !== 'FormatReplacement') continue;
      out += literal(this.source.slice(pos, r.from));
      const parts = this.children(r).filter((k) => k.name !== '{' && k.name !== '}');
      const exprNode = parts.find((k) => k.name !== 'FormatConversion' && k.name !== 'FormatSpec');
      if (!exprNode) throw new PyError('SyntaxError', "f-string: empty expression not allowed");
      const v = this.expr(exprNode, scope);
      const conv = parts.find((k) => k.name === 'FormatConversion');
      const spec = parts.find((k) => k.name === 'FormatSpec');
      // "{x=}" shows the expression too, as Python 3.8 does.
      const selfDoc = /=\s*$/.test(this.source.slice(exprNode.to, conv?.from ?? spec?.from ?? r.to - 1)) ? this.source.slice(exprNode.from, (conv ?? spec)?.from ?? r.to - 1) : '';
      const shown = conv ? (this.text(conv) === '!r' ? repr(v) : str(v)) : selfDoc && !spec ? repr(v) : v;
      out += selfDoc + formatSpec(shown, spec ? this.text(spec).slice(1) : '');
      pos = r.to;
    }
    return out + literal(this.source.slice(pos, end));
  }

  expr(n: SyntaxNode, scope: Scope): Py {
    this.tick();
    const kids = this.children(n);
    switch (n.name) {
      case 'Number':
        return number(this.text(n));
      case 'String':
        return this.stringLiteral(this.text(n));
      case 'FormatString':
        return this.formatString(n, scope);
      case 'ContinuedString':
        return kids.map((k) => this.expr(k, scope) as string).join('');
      case 'Boolean':
        return this.text(n) === 'True';
      case 'None':
        return null;
      case 'VariableName':
        return this.lookup(this.text(n), scope);
      case 'ParenthesizedExpression':
        return this.expr(kids[1], scope);
      case 'TupleExpression':
        return { kind: 'tuple', items: kids.filter((k) => !['(', ')', ','].includes(k.name)).map((k) => this.expr(k, scope)) };
      case 'ArrayExpression':
        return { kind: 'list', items: kids.filter((k) => !['[', ']', ','].includes(k.name)).map((k) => this.expr(k, scope)) };
      case 'ArrayComprehensionExpression':
        return this.comprehension(kids, scope);
      case 'UnaryExpression': {
        const op = this.text(kids[0]);
        return unary(op, this.expr(kids[1], scope));
      }
      case 'BinaryExpression':
        return this.binaryExpression(n, kids, scope);
      case 'ConditionalExpression': {
        const [a, , cond, , b] = kids;
        return truthy(this.expr(cond, scope)) ? this.expr(a, scope) : this.expr(b, scope);
      }
      case 'CallExpression':
        return this.callExpression(n, kids, scope);
      case 'MemberExpression':
        return this.member(n, kids, scope);
      case 'LambdaExpression': {
        const params = this.params(kids.find((k) => k.name === 'ParamList'), scope);
        const body = kids[kids.length - 1];
        return this.makeFunction('<lambda>', params, scope, true, (local) => this.expr(body, local));
      }
    }
    throw new PyUnsupported(`${this.text(n).slice(0, 30)}`);
  }

  private comprehension(kids: SyntaxNode[], scope: Scope): Py {
    const parts = kids.filter((k) => k.name !== '[' && k.name !== ']');
    const forAt = parts.findIndex((k) => k.name === 'for');
    const inAt = parts.findIndex((k) => k.name === 'in');
    const ifAt = parts.findIndex((k) => k.name === 'if');
    if (forAt !== 1 || inAt < 0 || parts.filter((k) => k.name === 'for').length > 1) throw new PyUnsupported('this list comprehension');
    const local: Scope = { vars: new Map(), parent: scope };
    const targets = parts.slice(forAt + 1, inAt).filter((k) => k.name !== ',');
    const items = iterate(this.expr(parts[inAt + 1], scope));
    const out: Py[] = [];
    for (const item of items) {
      this.bind(targets, item, local, false, 0);
      if (ifAt > 0 && !truthy(this.expr(parts[ifAt + 1], local))) continue;
      out.push(this.expr(parts[0], local));
    }
    return { kind: 'list', items: out };
  }

  private binaryExpression(n: SyntaxNode, kids: SyntaxNode[], scope: Scope): Py {
    const opNodes = kids.slice(1, -1);
    const op = opNodes.map((k) => this.text(k)).join(' ');
    const left = kids[0];
    const right = kids[kids.length - 1];
    if (op === 'and') {
      const a = this.expr(left, scope);
      return truthy(a) ? this.expr(right, scope) : a;
    }
    if (op === 'or') {
      const a = this.expr(left, scope);
      return truthy(a) ? a : this.expr(right, scope);
    }
    if (opNodes[0]?.name === 'CompareOp' || ['in', 'not in', 'is', 'is not'].includes(op)) {
      // 1 < x < 3 is (1 < x) and (x < 3), as Python chains comparisons.
      const chain: { op: string; right: SyntaxNode }[] = [];
      let first: SyntaxNode = n;
      while (first.name === 'BinaryExpression') {
        const k = this.children(first);
        const o = k.slice(1, -1).map((c) => this.text(c)).join(' ');
        if (!(k[1]?.name === 'CompareOp' || ['in', 'not in', 'is', 'is not'].includes(o))) break;
        chain.unshift({ op: o, right: k[k.length - 1] });
        first = k[0];
      }
      let a = this.expr(first, scope);
      for (const { op: o, right: r } of chain) {
        const b = this.expr(r, scope);
        if (!compare(o, a, b)) return false;
        a = b;
      }
      return true;
    }
    return binary(op, this.expr(left, scope), this.expr(right, scope));
  }
}

function number(text: string): Py {
  const t = text.replace(/_/g, '');
  if (/[jJ]$/.test(t)) throw new PyUnsupported('complex numbers');
  if (/^0[xX]/.test(t) || /^0[oO]/.test(t) || /^0[bB]/.test(t)) return BigInt(t.toLowerCase());
  if (/^\d+$/.test(t)) return BigInt(t);
  return Number(t);
}

function unescape(s: string): string {
  return s.replace(/\\(\n|\\|'|"|n|t|r|a|b|f|v|0|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})/g, (_m, c: string) => {
    switch (c[0]) {
      case '\n':
        return '';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'a':
        return '\x07';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '0':
        return '\0';
      case 'x':
      case 'u':
        return String.fromCharCode(parseInt(c.slice(1), 16));
      default:
        return c;
    }
  });
}

export { isInt, toBig };
