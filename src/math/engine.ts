import {
  create, factory, log2Dependencies, signDependencies, roundDependencies, maxDependencies, minDependencies,
  type MathNode,
} from 'mathjs/number';
import { NUMBER_FACTORIES } from './factories.js';
import { UserError } from '../errors.js';
import { caretDetail, checkSize, columnOf, fromPython, quoted } from './source.js';
import { normalizeMath, originalColumn, type Normalized } from './unicode.js';
import { MAX_EXPRESSION_LENGTH } from './source.js';

// Two functions that parse's node classes take when they are made, at the first parse, but that
// calc-ml never calls: isBounded (ConstantNode's LaTeX output) and size (IndexNode's `end`, for
// a[end], which validate refuses). mathjs's own are typed functions of many signatures: making
// them was 3 ms of every `plot`. These take their place under the same names (so validate's
// `name in math` reads as before), are made at once, and do the same on numbers.
const NEVER_CALLED = {
  createIsBounded: factory('isBounded', [], () => (x: unknown) => typeof x === 'number' && Number.isFinite(x)),
  createSize: factory('size', [], () => () => {
    throw new Error('size is not available in calc-ml expressions');
  }),
};

// The one mathjs instance that evaluates expressions: built from number-only factories, so it is small
// to load, and results are plain JS numbers (sqrt(-1) is NaN, never a Complex). Expressions reach it
// only after validate() has walked the parsed tree against the allow-lists below.
const FACTORIES = {
  ...NUMBER_FACTORIES,
  log2Dependencies, signDependencies, roundDependencies, maxDependencies, minDependencies,
};
const math = create({ ...FACTORIES, ...NEVER_CALLED });
// mathjs's floor and ceil factories import decimal.js (for BigNumbers we never use): 63 kB to parse
// on every start. On plain numbers they are Math.floor and Math.ceil, so those are imported instead.
math.import({ floor: (x: number) => Math.floor(x), ceil: (x: number) => Math.ceil(x) });

/**
 * A lookup table with no prototype: with a plain object, `"toString" in FUNCTIONS` is true (and
 * `constructor`, `__proto__`, `valueOf`…), so those names passed the allow-list and crashed later.
 */
function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** Functions a learner may call, with how many arguments each takes. */
export const FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = table({
  sin: [1, 1], cos: [1, 1], tan: [1, 1], asin: [1, 1], acos: [1, 1], atan: [1, 1],
  sinh: [1, 1], cosh: [1, 1], tanh: [1, 1], exp: [1, 1], log: [1, 2], log10: [1, 1], log2: [1, 1],
  sqrt: [1, 1], cbrt: [1, 1], abs: [1, 1], sign: [1, 1], floor: [1, 1], ceil: [1, 1], round: [1, 2],
  max: [1, 20], min: [1, 20], pow: [2, 2],
});
/** Functions that only appear in derivatives mathjs produces (d/dx tan x = sec(x)^2). */
const DERIVED_FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = table({
  sec: [1, 1], csc: [1, 1], cot: [1, 1], sech: [1, 1], csch: [1, 1], coth: [1, 1],
});
export const CONSTANTS: readonly string[] = ['pi', 'e', 'tau'];
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
/** mathjs functions that could reach the evaluator itself; named so the refusal says "not available". */
const BLOCKED = new Set([
  'import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'simplifyCore', 'simplifyConstant',
  'derivative', 'resolve', 'rationalize', 'parser', 'config', 'chain', 'help', 'typed', 'create', 'factory',
  'reviver', 'replacer', 'on', 'off', 'once', 'emit', 'expression', 'subset', 'matrix', 'format', 'print',
  'map', 'forEach', 'filter', 'apply', 'eval', 'Function', 'constructor', 'require', 'process', 'globalThis',
]);

export interface Expr {
  /** The expression as calc-ml reads it (Python syntax translated), e.g. "3 x^2". */
  readonly text: string;
  readonly variable: string;
  /** The value at x; NaN outside the real domain (sqrt(-1), log(0), 0/0, 1/0). */
  evaluate(x: number): number;
}

export interface Program {
  functions: { name: string; param: string; body: Expr }[];
  values: { source: string; value: number }[];
}

/** Code for a validated tree: closures of its own (directCode), or mathjs's compiled code. */
type Compiled = { direct: Direct } | { mathjs: { evaluate(scope: Map<string, unknown>): unknown } };

interface Context {
  /** The variable, or '' for a statement of numbers only. */
  variable: string;
  /** A second variable, for a function of two (f(x, y)); see compileExpression2. */
  second?: string;
  /** Where compileIn leaves the compiled code for a function of two variables, so it is parsed once. */
  out?: { code?: Compiled };
  /** Functions defined earlier in a program, callable by name. */
  functions: ReadonlyMap<string, Expr>;
  derived: boolean;
  /** What is shown in errors, and where the expression starts within it. */
  shown: string;
  offset: number;
  hint: 'cli' | 'program';
  /** The expression as the engine reads it (Unicode maths rewritten), to map its columns back to the input. */
  normalized?: Normalized;
}

/** A column of what the engine reads, as a column of what the learner typed (x² is read as x^2). */
function inputColumn(ctx: Context, column: number | undefined): number | undefined {
  return column === undefined || !ctx.normalized ? column : originalColumn(ctx.normalized, column);
}

function fail(message: string, ctx: Context, column?: number): never {
  const col = inputColumn(ctx, column);
  throw new UserError(message, 2, caretDetail(ctx.shown, col === undefined ? undefined : col + ctx.offset));
}

const parseMessages: [RegExp, (text: string, col: number) => string][] = [
  [/^Value expected/, (t, c) => (c > t.length ? 'unexpected end of expression' : /[-+*/^%!=<>&|,.']/.test(t[c - 1]) ? 'unexpected operator' : 'a number or name is missing')],
  [/^Unexpected end of expression/, () => 'unexpected end of expression'],
  [/^Parenthesis \) expected/, () => 'a closing ) is missing'],
  [/^Unexpected operator \)/, () => 'this ) has no matching ('],
  [/^Unexpected operator/, () => 'unexpected operator'],
];

function parse(text: string, ctx: Context): MathNode {
  try {
    return math.parse(text);
  } catch (e) {
    const err = e as Error & { char?: number };
    const col = typeof err.char === 'number' ? err.char : undefined;
    const found = parseMessages.find(([re]) => re.test(err.message));
    const reason = found && col !== undefined ? found[1](text, col) : err.message.replace(/ \(char \d+\)$/, '').replace(/^./, (c) => c.toLowerCase());
    fail(`cannot read ${quoted(ctx.shown)}: ${reason}${col !== undefined ? ` at column ${inputColumn(ctx, col)! + ctx.offset}` : ''}`, ctx, col);
  }
}

/** Edit distance, to suggest the name a learner probably meant. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

function suggestFunction(name: string): string {
  if (name === 'ln') return '; use log(x) for the natural logarithm';
  if (name === 'power') return '; use pow(x, n) or x^n';
  const best = Object.keys(FUNCTIONS).map((f) => [f, distance(name.toLowerCase(), f)] as const).sort((a, b) => a[1] - b[1])[0];
  const did = best && best[1] <= Math.max(1, Math.floor(name.length / 3)) ? `; did you mean ${best[0]}?` : '';
  return `${did} (available: ${Object.keys(FUNCTIONS).join(' ')})`;
}

function unknownVariable(name: string, ctx: Context): string {
  if (ctx.hint === 'program') {
    return ctx.variable
      ? `unknown variable ${name}; the function's parameter is ${ctx.variable}`
      : `unknown variable ${name}; to use it, define a function first, like f(${name}) = ${name}^2, then compute f(3)`;
  }
  if (ctx.second) return `unknown variable ${name}; the variables are ${ctx.variable} and ${ctx.second} (use --vars to name them)`;
  return `unknown variable ${name}; the variable is ${ctx.variable} (use --var ${name} to plot in ${name})`;
}

const LISTS = 'lists and matrices ([...]) are not allowed: calc-ml works with single numbers';
/** Node types that are never allowed, with the reason given to the learner. */
const REFUSED: Record<string, (ctx: Context) => string> = {
  AssignmentNode: () => 'assignment (=) is not allowed: write just the expression, like x^2',
  FunctionAssignmentNode: (ctx) =>
    ctx.hint === 'program' ? 'a function definition must be a statement of its own, like f(x) = x^2' : 'defining a function is not needed here: write just its right-hand side, like x^2',
  BlockNode: () => 'write a single expression (no ; or line breaks)',
  ArrayNode: () => LISTS,
  IndexNode: () => LISTS,
  ObjectNode: () => 'objects ({...}) are not allowed in calc-ml expressions',
  RelationalNode: () => 'comparisons (<, ==, ...) are not allowed in calc-ml expressions',
  ConditionalNode: () => 'the conditional a ? b : c is not allowed in calc-ml expressions',
  RangeNode: () => 'ranges (a:b) are not allowed in calc-ml expressions',
};

/** Walks the parsed tree against the allow-lists; throws a UserError at the first thing not allowed. */
function validate(node: MathNode, ctx: Context): void {
  const n = node as MathNode & Record<string, any>;
  const at = (name: string) => columnOf(ctx.normalized?.text ?? ctx.shown.slice(ctx.offset), name);
  if (n.type === 'ConstantNode') {
    if (typeof n.value === 'string') fail(`text in quotes ("${n.value.slice(0, 20)}") is not a number; calc-ml expressions use numbers only`, ctx);
    if (typeof n.value !== 'number') fail(`${String(n.value)} is not a number; calc-ml expressions use numbers only`, ctx, at(String(n.value)));
    if (!Number.isFinite(n.value)) fail('a number in the expression is too large (the limit is about 1.8e308)', ctx);
  } else if (n.type === 'SymbolNode') {
    const name: string = n.name;
    if (name === ctx.variable || name === ctx.second || CONSTANTS.includes(name)) return;
    if (name in FUNCTIONS || ctx.functions.has(name)) fail(`${name} is a function: call it with an argument, like ${name}(${ctx.variable || '3'})`, ctx, at(name));
    if (BLOCKED.has(name) || name in math) fail(`${name} is not available in calc-ml expressions`, ctx, at(name));
    fail(unknownVariable(name, ctx), ctx, at(name));
  } else if (n.type === 'FunctionNode') {
    if (n.fn.type !== 'SymbolNode') {
      validate(n.fn, ctx); // names the real problem (a property access) when there is one
      fail('only named functions can be called, like sin(x)', ctx);
    }
    const name: string = n.fn.name;
    const arity = FUNCTIONS[name] ?? (ctx.derived ? DERIVED_FUNCTIONS[name] : undefined) ?? (ctx.functions.has(name) ? ([1, 1] as const) : undefined);
    if (!arity) {
      if (BLOCKED.has(name) || name in math) fail(`${name} is not available in calc-ml expressions`, ctx, at(name));
      fail(`unknown function ${name}${suggestFunction(name)}`, ctx, at(name));
    }
    const got = n.args.length;
    if (got < arity[0] || got > arity[1]) {
      const want = arity[0] === arity[1] ? `${arity[0]} argument${arity[0] === 1 ? '' : 's'}` : `${arity[0]} to ${arity[1]} arguments`;
      fail(`${name} takes ${want}, not ${got}`, ctx, at(name));
    }
    for (const a of n.args) validate(a, ctx);
    // mathjs throws on these at evaluation; said here, at the argument, when it is a plain number.
    const places = n.args[1] as MathNode | undefined;
    if (name === 'round' && places && !places.filter((c) => c.type === 'SymbolNode').length) {
      const d = Number(places.compile().evaluate());
      if (!(Number.isInteger(d) && d >= 0 && d <= 15)) fail(`round's second argument is a number of decimals, a whole number from 0 to 15 (not ${d})`, ctx, at(name));
    }
  } else if (n.type === 'OperatorNode') {
    if (!OPERATORS.has(n.fn)) fail(`the operator ${n.op} is not available in calc-ml expressions (use + - * / ^)`, ctx);
    for (const a of n.args) validate(a, ctx);
  } else if (n.type === 'ParenthesisNode') {
    validate(n.content, ctx);
  } else if (n.type === 'AccessorNode') {
    const prop = n.index?.dimensions?.[0]?.value;
    fail(`reading a property${typeof prop === 'string' ? ` (.${prop})` : ''} is not allowed in calc-ml expressions`, ctx, typeof prop === 'string' ? at(prop) : undefined);
  } else {
    const why = REFUSED[n.type]?.(ctx) ?? `${String(n.type).replace(/Node$/, '')} expressions are not allowed in calc-ml expressions`;
    const eq = n.type === 'AssignmentNode' ? (ctx.normalized?.text ?? ctx.shown.slice(ctx.offset)).indexOf('=') + 1 : undefined;
    fail(why, ctx, eq);
  }
}

/** A validated expression as a plain function of its variables' values (x, then y). */
type Direct = (x: number, y: number) => number;

/** What mathjs's compiled code calls a function or operator by: its namespace with transforms. */
const withTransform = (): Record<string, unknown> => (math as unknown as { expression: { mathWithTransform: Record<string, unknown> } }).expression.mathWithTransform;
const transformed = (name: string): boolean => name in (math as unknown as { expression: { transform: object } }).expression.transform;

/**
 * mathjs's own implementation of an operator or function on numbers (addNumber, sinNumber, …),
 * taken from its factory without making the typed function around it: in mathjs/number each of
 * these is `typed(fn)` or `typed({ number: fn, 'number,number': fn })`, which on numbers calls fn
 * with the same arguments. Making typed functions is most of the cost of a first evaluation
 * (multiply alone was 1.6 ms). Undefined for any other shape of factory: then the typed function.
 */
function numberImplementation(name: string): ((...a: number[]) => number) | undefined {
  const deps = (FACTORIES as Record<string, Record<string, unknown> | undefined>)[`${name}Dependencies`];
  const make = deps?.[`create${name[0].toUpperCase()}${name.slice(1)}`] as ((d: { typed: unknown }) => unknown) & { dependencies?: string[] } | undefined;
  if (typeof make !== 'function' || make.dependencies?.join() !== 'typed') return undefined;
  const typed = (s: unknown) => {
    if (typeof s === 'function') return s;
    const sigs = s as Record<string, unknown> | null;
    const keys = sigs && typeof sigs === 'object' ? Object.keys(sigs) : [];
    return keys.length === 2 && typeof sigs!.number === 'function' && sigs!['number,number'] === sigs!.number ? sigs!.number : undefined;
  };
  try {
    const fn = make({ typed });
    return typeof fn === 'function' ? (fn as (...a: number[]) => number) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A validated tree as nested closures that call what mathjs's compiled code ends up calling on
 * numbers (addNumber, powNumber, sinNumber, … or the function in its namespace), so every value is
 * the same to the last bit (tests compare with mathjs's evaluate). What is left out is mathjs's
 * generic evaluation around them (a Map lookup per variable, typed dispatch per call), which made
 * each value of a 2-D map or a descent cost about 1 µs, and making the typed functions at all. Null where mathjs must evaluate the tree itself: a program's
 * own functions (looked up in its scope), functions with a transform (max, min), anything else.
 */
function directCode(node: MathNode, ctx: Context): Direct | null {
  if (ctx.functions.size) return null;
  const ns = withTransform();
  const walk = (node: MathNode): Direct | null => {
    const n = node as MathNode & Record<string, any>;
    if (n.type === 'ConstantNode') {
      const v = n.value as number;
      return () => v;
    }
    if (n.type === 'ParenthesisNode') return walk(n.content);
    if (n.type === 'SymbolNode') {
      if (n.name === ctx.variable && ctx.variable) return (x) => x;
      if (n.name === ctx.second) return (_x, y) => y;
      if (!CONSTANTS.includes(n.name)) return null;
      const v = ns[n.name];
      return typeof v === 'number' ? () => v : null;
    }
    let name: string;
    if (n.type === 'OperatorNode') name = n.fn;
    else if (n.type === 'FunctionNode' && n.fn.type === 'SymbolNode') name = n.fn.name;
    else return null;
    if (transformed(name)) return null;
    const fn = numberImplementation(name) ?? ns[name];
    if (typeof fn !== 'function' || (fn as { rawArgs?: boolean }).rawArgs) return null;
    const f = fn as (...a: number[]) => number;
    const args = (n.args as MathNode[]).map(walk);
    if (args.some((a) => !a)) return null;
    if (args.length === 1) {
      const [a] = args as Direct[];
      return (x, y) => f(a(x, y));
    }
    if (args.length === 2) {
      const [a, b] = args as Direct[];
      return (x, y) => f(a(x, y), b(x, y));
    }
    return null;
  };
  return walk(node);
}

/** How an Expr's text reads: mathjs's own printing, with x^2 rather than x ^ 2. */
function show(node: MathNode): string {
  return node.toString().replace(/ \^ /g, '^');
}

function compileIn(text: string, ctx: Context): Expr {
  checkSize(text);
  const normalized = normalizeMath(text);
  ctx = { ...ctx, normalized };
  const source = fromPython(normalized.text);
  // Property access is refused before parsing too: mathjs cannot even parse some ways of reaching a
  // constructor (f.constructor("…")()), and the learner deserves the real reason, not a syntax error.
  const access = /[A-Za-z_)\]]\s*(\.\s*[A-Za-z_]\w*|\[\s*["'])/.exec(source);
  if (access) {
    const prop = /\w+/.exec(source.slice(access.index + 1))?.[0];
    fail(`reading a property${prop ? ` (.${prop})` : ''} is not allowed in calc-ml expressions`, ctx, access.index + 2);
  }
  const node = parse(source, ctx);
  validate(node, ctx);
  const direct = directCode(node, ctx);
  const code = direct ? null : node.compile();
  // A function of two variables keeps the compiled code (compileTwo gives it its own scope).
  if (ctx.out) ctx.out.code = direct ? { direct } : { mathjs: code! };
  // One scope per Expr: the variable is rewritten on each call; earlier functions are plain closures.
  const scope = new Map<string, unknown>();
  for (const [name, f] of ctx.functions) scope.set(name, (v: number) => f.evaluate(v));
  const variable = ctx.variable;
  return {
    text: show(node),
    variable,
    evaluate(x: number): number {
      let v: unknown;
      try {
        if (direct) v = direct(x, NaN);
        else {
          if (variable) scope.set(variable, x);
          v = code!.evaluate(scope);
        }
      } catch (e) {
        // A refusal from inside (a program's work budget) is the learner's to read; anything mathjs
        // throws at a point (round(x, x)) means no real value there: a gap, like sqrt(-1).
        if (e instanceof UserError) throw e;
        return NaN;
      }
      // Infinity (1/0, exp(1000)) is no real number either: one kind of gap is simpler for every caller.
      return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
    },
  };
}

const VARIABLE = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Checks a variable name given on the command line (--var). */
export function checkVariable(name: string): string {
  if (!VARIABLE.test(name)) throw new UserError(`--var must be a name like x or t, not ${quoted(name)}`, 2);
  if (CONSTANTS.includes(name) || name in FUNCTIONS) throw new UserError(`--var ${name}: ${name} is a ${CONSTANTS.includes(name) ? 'constant' : 'function'} name; choose another, like x or t`, 2);
  if (name in Object.prototype || BLOCKED.has(name)) throw new UserError(`--var ${name}: ${name} is a reserved name; choose another, like x or t`, 2);
  return name;
}

/** Parses, validates and compiles one expression in one variable (x unless `opts.variable`). */
export function compileExpression(input: string, opts: { variable?: string } = {}): Expr {
  const variable = checkVariable(opts.variable ?? 'x');
  return compileIn(input, { variable, functions: new Map(), derived: false, shown: input, offset: 0, hint: 'cli' });
}

/** Compiles a derivative that mathjs produced from a validated expression (sec, csc, … allowed). */
function compileDerived(text: string, variable: string): Expr {
  return compileIn(text, { variable, functions: new Map(), derived: true, shown: text, offset: 0, hint: 'cli' });
}

// mathjs's derivative and simplify grow faster than the result: sin(sin(...)) 16 deep took 2 s, 25
// deep over a minute. The size of the plain chain-rule result, counted first, bounds that work.
const MAX_DERIVATIVE_SIZE = 160;

/** Nodes in the chain-rule derivative of `node` before simplifying (0: a constant), and in `node` itself. */
function sizes(node: MathNode): { s: number; d: number } {
  const n = node as MathNode & { args?: MathNode[]; content?: MathNode; fn?: unknown };
  if (n.type === 'ParenthesisNode' && n.content) return sizes(n.content);
  if (n.type === 'SymbolNode') return { s: 1, d: 1 };
  const args = (n.args ?? []).map(sizes);
  const s = 1 + args.reduce((t, a) => t + a.s, 0);
  if (args.every((a) => a.d === 0)) return { s, d: 0 };
  const op = n.type === 'OperatorNode' ? String(n.fn) : 'call';
  let d: number;
  if (op === 'add' || op === 'subtract' || op === 'unaryMinus' || op === 'unaryPlus') d = 1 + args.reduce((t, a) => t + a.d, 0);
  // f(u) → f'(u)·u'; u·v, u/v, u^v → for each factor that varies, its derivative times the others.
  else if (op === 'call') d = 3 + s + args.reduce((t, a) => t + a.d, 0);
  else d = 1 + args.reduce((t, a, i) => t + (a.d ? a.d + 2 + s - a.s : 0), 0);
  return { s, d };
}

function derivativeSize(node: MathNode): number {
  return sizes(node).d;
}

/** The symbolic derivative d/dvariable. Loads mathjs's derivative (and simplify) only when called. */
export async function differentiate(e: Expr): Promise<Expr> {
  if (!e.variable) throw new UserError(`${quoted(e.text)} has no variable to take the derivative in`, 2);
  // The text is checked again, so an Expr made by hand cannot bring mathjs's simplify anything to run.
  compileDerived(e.text, e.variable);
  const size = derivativeSize(math.parse(e.text));
  if (size > MAX_DERIVATIVE_SIZE) {
    throw new UserError(`the derivative of ${quoted(e.text.length > 60 ? e.text.slice(0, 57) + '...' : e.text)} is too large to work out symbolically (about ${size} terms; the most is ${MAX_DERIVATIVE_SIZE}): its chain rule repeats each inner expression; try a smaller expression`, 2);
  }
  const { derivativeText } = await import('./derivative.js');
  const d = derivativeText(e.text, e.variable);
  if ('unsupported' in d) {
    throw new UserError(`cannot take the derivative of ${d.unsupported}(...) symbolically; calc-ml knows the rules for + - * / ^, exp, log, sqrt, cbrt, abs and the trig functions`, 2);
  }
  return compileDerived(d.text, e.variable);
}

const MAX_PROGRAM_LENGTH = 2000;
/** The most calls of the program's own functions one value may take (each call of f1 costs f1's body). */
const MAX_CALLS = 100_000;

/**
 * How many calls of the program's functions evaluating `text` once takes, counted before anything
 * runs: `f1(x)=f0(x)+f0(x); f2(x)=f1(x)+f1(x); …` doubles per line, and 40 lines ran for ever
 * though the program is short. Refused past MAX_CALLS, with the line that went over.
 */
function callCost(text: string, costs: ReadonlyMap<string, number>, stmt: string): number {
  let cost = 1;
  for (const [name, each] of costs) {
    const calls = text.match(new RegExp(`(?<![A-Za-z0-9_])${name}\\s*\\(`, 'g'))?.length ?? 0;
    cost += calls * each;
  }
  if (cost > MAX_CALLS) {
    throw new UserError(`this line would call your functions more than ${MAX_CALLS.toLocaleString('en')} times for one value (each call repeats the work of the ones it calls): write it without the repetition, like f(x) = 2*g(x)`, 2, caretDetail(stmt));
  }
  return cost;
}
const NAME = '[A-Za-z][A-Za-z0-9_]*';
const DEFINITION = [
  new RegExp(`^\\s*(${NAME})\\s*\\(\\s*(${NAME})\\s*\\)\\s*=(?!=)(.*)$`), // f(x) = x^2
  new RegExp(`^\\s*def\\s+(${NAME})\\s*\\(\\s*(${NAME})\\s*\\)\\s*:\\s*(?:return\\b)?(.*)$`), // def f(x): return x**2
  new RegExp(`^\\s*(${NAME})\\s*=\\s*lambda\\s+(${NAME})\\s*:(.*)$`), // f = lambda x: x**2
];
const PRINT = /^\s*print\s*\((.*)\)\s*$/;

/**
 * Runs a small program: statements separated by ';' or new lines. `name(param) = expr` defines a
 * function of one parameter; any other statement is a value, which may call the functions defined
 * before it. Python's `def f(x): return …`, `f = lambda x: …` and `print(…)` are understood too.
 */
export function runProgram(input: string): Program {
  if (input.length > MAX_PROGRAM_LENGTH) {
    throw new UserError(`the program is too long (${input.length} characters; the limit is ${MAX_PROGRAM_LENGTH})`, 2);
  }
  const statements = input.replace(/\r\n?/g, '\n').split(/[;\n]/);
  const functions = new Map<string, Expr>();
  const costs = new Map<string, number>();
  const program: Program = { functions: [], values: [] };
  for (let i = 0; i < statements.length; i++) {
    let stmt = statements[i];
    if (!stmt.trim()) continue;
    const ctx = (variable: string, offset: number): Context => ({ variable, functions, derived: false, shown: stmt, offset, hint: 'program' });
    const def = DEFINITION.map((re) => re.exec(stmt)).find(Boolean);
    if (def) {
      const [, name, param] = def;
      let body = def[3];
      // A Python def whose body is on the next line: `def f(x):` then `    return x**2`.
      if (!body.trim() && /^\s*def\b/.test(stmt) && i + 1 < statements.length) {
        const ret = /^\s*return\b(.*)$/.exec(statements[i + 1]);
        if (ret) {
          stmt = statements[++i];
          body = ret[1];
        }
      }
      // Object's own names (valueOf, toString…) mathjs will not call, whoever defines them.
      if (name in FUNCTIONS || CONSTANTS.includes(name) || BLOCKED.has(name) || name in Object.prototype) {
        throw new UserError(`${name} is a built-in name; call your function something else, like f`, 2, caretDetail(stmt, columnOf(stmt, name)));
      }
      checkVariable(param);
      const expr = compileIn(body, ctx(param, stmt.length - body.length));
      costs.set(name, callCost(body, costs, stmt));
      functions.set(name, expr);
      program.functions.push({ name, param, body: expr });
      continue;
    }
    const print = PRINT.exec(stmt);
    const source = print ? print[1] : stmt;
    const expr = compileIn(source, ctx('', print ? stmt.indexOf('(') + 1 : 0));
    callCost(source, costs, stmt);
    program.values.push({ source: source.trim(), value: expr.evaluate(NaN) });
  }
  if (!program.functions.length && !program.values.length) throw new UserError('the program is empty: type one, like f(x) = x^2; f(3)', 2);
  return program;
}

/**
 * The names an expression uses that are neither constants nor functions, in order of first use
 * (`x^2 + 3*y^2` → x, y), or undefined when it cannot be parsed (the caller's own compile then says
 * why). For telling a function of one variable from one of two before compiling either.
 */
export function freeNames(input: string): string[] | undefined {
  if (!input.trim() || input.length > MAX_EXPRESSION_LENGTH) return undefined;
  let node: MathNode;
  try {
    node = math.parse(fromPython(normalizeMath(input).text));
  } catch {
    return undefined;
  }
  const names: string[] = [];
  node.traverse((n: MathNode, _path: string, parent: MathNode | null) => {
    const s = n as MathNode & { name?: string };
    const p = parent as (MathNode & { fn?: MathNode }) | null;
    if (s.type !== 'SymbolNode' || !s.name || (p?.type === 'FunctionNode' && p.fn === n)) return;
    if (CONSTANTS.includes(s.name) || s.name in FUNCTIONS || names.includes(s.name)) return;
    names.push(s.name);
  });
  return names;
}

/** A compiled function of two variables, f(x, y). */
export interface Expr2 {
  readonly text: string;
  readonly vars: readonly [string, string];
  /** The value at (x, y); NaN outside the real domain, as for Expr. */
  evaluate(x: number, y: number): number;
}

/** A text validated by compileIn (whose `ctx.compiled` it takes), as a function of two variables. */
function compileTwo(text: string, vars: readonly [string, string], ctx: Context): Expr2 {
  const compiled = ctx.out?.code ?? { mathjs: math.parse(text).compile() };
  const direct = 'direct' in compiled ? compiled.direct : null;
  const code = 'mathjs' in compiled ? compiled.mathjs : null;
  const scope = new Map<string, unknown>();
  return {
    text,
    vars,
    evaluate(x: number, y: number): number {
      let v: unknown;
      try {
        if (direct) v = direct(x, y);
        else {
          scope.set(vars[0], x);
          scope.set(vars[1], y);
          v = code!.evaluate(scope);
        }
      } catch {
        return NaN;
      }
      return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
    },
  };
}

/**
 * Parses, validates and compiles an expression in two variables (x and y unless `vars`). The same
 * allow-lists as compileExpression: validation runs through compileIn with the second name allowed.
 */
export function compileExpression2(input: string, vars: readonly [string, string] = ['x', 'y']): Expr2 {
  for (const v of vars) checkVariable(v);
  if (vars[0] === vars[1]) throw new UserError(`--vars needs two different names, not ${vars[0]} twice`, 2);
  const ctx: Context = { variable: vars[0], second: vars[1], functions: new Map(), derived: false, shown: input, offset: 0, hint: 'cli', out: {} };
  return compileTwo(compileIn(input, ctx).text, vars, ctx);
}

/**
 * The partial derivatives ∂f/∂x and ∂f/∂y, symbolically (mathjs's derivative treats the other
 * variable as a constant). Loads the derivative module, as differentiate does.
 */
export async function partials(e: Expr2): Promise<[Expr2, Expr2]> {
  const ctx = (text: string): Context => ({ variable: e.vars[0], second: e.vars[1], functions: new Map(), derived: true, shown: text, offset: 0, hint: 'cli', out: {} });
  compileIn(e.text, ctx(e.text));
  const size = derivativeSize(math.parse(e.text));
  if (size > MAX_DERIVATIVE_SIZE) {
    throw new UserError(`the partial derivatives of ${quoted(e.text.length > 60 ? e.text.slice(0, 57) + '...' : e.text)} are too large to work out symbolically (about ${size} terms; the most is ${MAX_DERIVATIVE_SIZE}); try a smaller expression`, 2);
  }
  const { derivativeText } = await import('./derivative.js');
  return e.vars.map((v) => {
    const d = derivativeText(e.text, v);
    if ('unsupported' in d) {
      throw new UserError(`cannot take the derivative of ${d.unsupported}(...) symbolically; calc-ml knows the rules for + - * / ^, exp, log, sqrt, cbrt, abs and the trig functions`, 2);
    }
    const c = ctx(d.text);
    return compileTwo(compileIn(d.text, c).text, e.vars, c);
  }) as [Expr2, Expr2];
}

/**
 * The second partials (∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²) from the first, symbolically: the Hessian's
 * entries. Null where mathjs cannot (a rule it lacks, or a derivative too large to work out): the
 * caller falls back to central differences.
 */
export async function secondPartials(d: readonly [Expr2, Expr2]): Promise<[Expr2, Expr2, Expr2] | null> {
  const { derivativeText } = await import('./derivative.js');
  const pairs: [Expr2, string][] = [[d[0], d[0].vars[0]], [d[0], d[0].vars[1]], [d[1], d[1].vars[1]]];
  const out: Expr2[] = [];
  for (const [p, v] of pairs) {
    if (derivativeSize(math.parse(p.text)) > MAX_DERIVATIVE_SIZE) return null;
    const r = derivativeText(p.text, v);
    if ('unsupported' in r) return null;
    try {
      out.push(compileDerived2(r.text, p.vars));
    } catch {
      return null;
    }
  }
  return out as [Expr2, Expr2, Expr2];
}

/** Compiles derivative text written down beforehand (a named landscape's partials), checked like any other. */
export function compileDerived2(text: string, vars: readonly [string, string]): Expr2 {
  const ctx: Context = { variable: vars[0], second: vars[1], functions: new Map(), derived: true, shown: text, offset: 0, hint: 'cli', out: {} };
  return compileTwo(compileIn(text, ctx).text, vars, ctx);
}
