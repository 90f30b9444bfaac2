/**
 * Python's values as the code reader (python-run.ts) holds them, and what Python does with them:
 * int is a bigint (3 ^ 2 is 1, 2**100 is exact), float a number, bool a boolean (a kind of int, as in
 * Python), str a string, None null; functions, modules, lists and tuples are objects. repr, str and
 * the format mini-language follow CPython, so feedback shows what the learner's print would print.
 */

export interface PyFunction {
  kind: 'function';
  name: string;
  params: { name: string; default?: Py }[];
  /** Calls it: the interpreter supplies this when the function is defined. */
  call(args: Py[], kwargs: Map<string, Py>): Py;
  lambda: boolean;
}
export interface PyBuiltin {
  kind: 'builtin';
  name: string;
  call(args: Py[], kwargs: Map<string, Py>): Py;
}
export interface PyModule {
  kind: 'module';
  name: string;
  members: ReadonlyMap<string, Py>;
}
export interface PySeq {
  kind: 'list' | 'tuple';
  items: Py[];
}
/** A bound method of a value (`"{}".format`). */
export interface PyMethod {
  kind: 'method';
  name: string;
  self: Py;
  call(args: Py[], kwargs: Map<string, Py>): Py;
}
export type PyObject = PyFunction | PyBuiltin | PyModule | PySeq | PyMethod;
export type Py = bigint | number | boolean | string | null | PyObject;

/** An exception the learner's code raises, as Python names it (NameError, TypeError, …). */
export class PyError extends Error {
  line?: number;
  constructor(readonly type: string, message: string) {
    super(message);
  }
  /** "NameError: name 'g' is not defined", as Python's last line of a traceback. */
  get shown(): string {
    return this.message ? `${this.type}: ${this.message}` : this.type;
  }
}

/** Python that calc-ml's reader does not run (a class, a module it lacks, input()). */
export class PyUnsupported extends Error {
  line?: number;
}

export const isObj = (v: Py): v is PyObject => typeof v === 'object' && v !== null;
export const isInt = (v: Py): v is bigint | boolean => typeof v === 'bigint' || typeof v === 'boolean';
export const isNum = (v: Py): v is bigint | boolean | number => isInt(v) || typeof v === 'number';
export const toBig = (v: bigint | boolean): bigint => (typeof v === 'boolean' ? (v ? 1n : 0n) : v);
export const toFloat = (v: bigint | boolean | number): number => (typeof v === 'number' ? v : Number(toBig(v)));

/** The value as a plain number, for comparing with the task's; null for what is not a number. */
export function numeric(v: Py): number | null {
  return isNum(v) ? toFloat(v) : null;
}

export function typeName(v: Py): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  if (v.kind === 'function') return 'function';
  if (v.kind === 'builtin' || v.kind === 'method') return 'builtin_function_or_method';
  return v.kind;
}

export function truthy(v: Py): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (v.kind === 'list' || v.kind === 'tuple') return v.items.length > 0;
  return true;
}

/** CPython's repr of a float: the shortest digits that read back, scientific below 1e-4 and from 1e16. */
export function floatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const [mant, expText] = v.toExponential().split('e');
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace(/^-/, '').replace('.', '');
  let body: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    body = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    body = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  } else {
    body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return (neg ? '-' : '') + body;
}

function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r');
  return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
}

export function repr(v: Py): string {
  if (typeof v === 'string') return strRepr(v);
  return str(v, repr);
}

/** What print shows. */
export function str(v: Py, inner: (v: Py) => string = repr): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'string') return v;
  switch (v.kind) {
    case 'list':
      return `[${v.items.map(inner).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1 ? `(${inner(v.items[0])},)` : `(${v.items.map(inner).join(', ')})`;
    case 'function':
      return `<function ${v.lambda ? '<lambda>' : v.name} at 0x7f3a2c1e0d30>`;
    case 'builtin':
      return `<built-in function ${v.name}>`;
    case 'method':
      return `<built-in method ${v.name} of ${typeName(v.self)} object at 0x7f3a2c1e0e50>`;
    case 'module':
      return `<module '${v.name}' (built-in)>`;
  }
}

/** Fixed-point digits of a number, as Python's format(x, '.Nf'). */
function fixed(x: number, places: number): string {
  if (!Number.isFinite(x)) return floatRepr(x);
  return x.toFixed(Math.min(100, places));
}

/** Python's 'g' presentation: precision significant digits, trailing zeros dropped. */
function general(x: number, precision: number, keepZeros = false): string {
  if (!Number.isFinite(x)) return floatRepr(x);
  if (x === 0) return keepZeros ? `0.${'0'.repeat(Math.max(0, precision - 1))}` : '0';
  const p = Math.max(1, precision);
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(p)))));
  let out: string;
  if (exp < -4 || exp >= p) {
    const [m, e] = x.toExponential(p - 1).split('e');
    const mant = keepZeros ? m : m.replace(/\.?0+$/, '');
    out = `${mant}e${e.startsWith('-') ? '-' : '+'}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
  } else {
    out = x.toFixed(Math.max(0, p - 1 - exp));
    if (!keepZeros && out.includes('.')) out = out.replace(/\.?0+$/, '');
  }
  return out;
}

/** format(value, spec): the mini-language's fill, align, sign, width, grouping, precision and type. */
export function formatSpec(v: Py, spec: string): string {
  if (!spec) return str(v);
  const m = /^(?:(.)?([<>^=]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (!m) throw new PyError('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName(v)}'`);
  const [, fillCh, alignCh, sign = '-', , zero, widthText, group, precText, type] = m;
  const precision = precText === undefined ? undefined : Number(precText);
  let body: string;
  let negative = false;
  if (isNum(v) && type !== 's') {
    const isIntValue = isInt(v) && (!type || 'bcdnoxX'.includes(type));
    if (isIntValue) {
      let n = toBig(v as bigint | boolean);
      negative = n < 0n;
      if (negative) n = -n;
      body = type === 'x' ? n.toString(16) : type === 'X' ? n.toString(16).toUpperCase() : type === 'o' ? n.toString(8) : type === 'b' ? n.toString(2) : n.toString();
    } else {
      if (type && 'bcdoxX'.includes(type)) throw new PyError('ValueError', `Unknown format code '${type}' for object of type 'float'`);
      let x = toFloat(v as number);
      negative = x < 0 || Object.is(x, -0);
      x = Math.abs(x);
      if (type === 'f' || type === 'F') body = fixed(x, precision ?? 6);
      else if (type === 'e' || type === 'E') {
        const [mant, e] = x.toExponential(precision ?? 6).split('e');
        body = `${mant}e${e.startsWith('-') ? '-' : '+'}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
        if (type === 'E') body = body.toUpperCase();
      } else if (type === '%') body = `${fixed(x * 100, precision ?? 6)}%`;
      else if (type === 'g' || type === 'G' || type === 'n') body = general(x, precision ?? 6);
      else body = precision === undefined ? floatRepr(x) : general(x, precision, false);
    }
    if (group) body = body.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+$)/g, group));
  } else {
    body = str(v);
    if (precision !== undefined) body = body.slice(0, precision);
  }
  const signText = negative ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
  const width = widthText ? Number(widthText) : 0;
  if (width > 10_000 || (precision ?? 0) > 10_000) throw new PyUnsupported(`a format this wide (${spec})`);
  const fill = fillCh ?? (zero && !alignCh ? '0' : ' ');
  const align = alignCh ?? (zero ? '=' : isNum(v) && type !== 's' ? '>' : '<');
  const total = signText.length + body.length;
  if (total >= width) return signText + body;
  const pad = width - total;
  if (align === '=') return signText + fill.repeat(pad) + body;
  if (align === '<') return signText + body + fill.repeat(pad);
  if (align === '^') return fill.repeat(Math.floor(pad / 2)) + signText + body + fill.repeat(Math.ceil(pad / 2));
  return fill.repeat(pad) + signText + body;
}

/** "%d and %.2f" % (a, b): printf-style formatting, for the conversions a learner uses. */
export function percentFormat(template: string, arg: Py): string {
  const args = isObj(arg) && arg.kind === 'tuple' ? [...arg.items] : [arg];
  let used = 0;
  const out = template.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([diouxXeEfFgGcrsa%])/g, (_m, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    if (used >= args.length) throw new PyError('TypeError', 'not enough arguments for format string');
    const v = args[used++];
    let spec = `${flags.includes('-') ? '<' : ''}${flags.includes('+') ? '+' : ''}${flags.includes('0') && !flags.includes('-') ? '0' : ''}${width ?? ''}${prec !== undefined ? `.${prec}` : ''}`;
    if (conv === 's') return formatSpec(str(v), spec);
    if (conv === 'r' || conv === 'a') return formatSpec(repr(v), spec);
    if (!isNum(v)) throw new PyError('TypeError', `%${conv} format: a real number is required, not ${typeName(v)}`);
    if ('diu'.includes(conv)) return formatSpec(typeof v === 'number' ? BigInt(Math.trunc(v)) : v, spec + 'd');
    spec += conv === 'F' ? 'f' : conv;
    return formatSpec(v, spec);
  });
  if (used < args.length) throw new PyError('TypeError', 'not all arguments converted during string formatting');
  return out;
}
