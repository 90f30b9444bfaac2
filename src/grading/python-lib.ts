import { PyError, PyUnsupported, isInt, isNum, isObj, numeric, toBig, toFloat, typeName, str, type Py, type PyBuiltin, type PyModule } from './python-values.js';
import { binary, compare, iterate } from './python-ops.js';

/**
 * The built-ins, `math` and the scalar part of `numpy` that a learner's code for a formula uses,
 * each raising what Python raises (math.sqrt(-1) is a ValueError, pow(x, 2) of an int is an int).
 * What is not here is refused as Python calc-ml does not run, never guessed.
 */

type Fn = (args: Py[], kwargs: Map<string, Py>) => Py;

function builtin(name: string, min: number, max: number, fn: Fn, kw: readonly string[] = []): PyBuiltin {
  return {
    kind: 'builtin',
    name,
    call(args, kwargs) {
      for (const k of kwargs.keys()) if (!kw.includes(k)) throw new PyError('TypeError', `${name}() got an unexpected keyword argument '${k}'`);
      if (args.length < min || args.length > max) {
        const want = min === max ? `exactly ${min} argument${min === 1 ? '' : 's'}` : args.length < min ? `at least ${min} argument${min === 1 ? '' : 's'}` : `at most ${max} arguments`;
        throw new PyError('TypeError', `${name}() takes ${want} (${args.length} given)`);
      }
      return fn(args, kwargs);
    },
  };
}

function real(name: string, v: Py): number {
  if (!isNum(v)) throw new PyError('TypeError', `must be real number, not ${typeName(v)}`);
  const x = toFloat(v);
  if (!Number.isFinite(x) && isInt(v)) throw new PyError('OverflowError', `int too large to convert to float (in ${name})`);
  return x;
}

/** A math function of floats: its domain checked as math does (ValueError: math domain error). */
function mathFn(name: string, f: (x: number) => number, domain: (x: number) => boolean = () => true): PyBuiltin {
  return builtin(name, 1, 1, ([a]) => {
    const x = real(name, a);
    if (!domain(x)) throw new PyError('ValueError', 'math domain error');
    const r = f(x);
    if (!Number.isFinite(r) && Number.isFinite(x)) throw new PyError('OverflowError', 'math range error');
    return r;
  });
}

/** numpy's version: outside the domain it gives nan (with a warning), not an error. */
function npFn(name: string, f: (x: number) => number): PyBuiltin {
  return builtin(name, 1, 1, ([a]) => f(real(name, a)));
}

/** Python's round(x, digits): the float's exact decimal value rounded, halves to even (round(2.5) is 2, round(2.675, 2) is 2.67). */
function roundHalfEven(x: number, digits: number): number {
  if (!Number.isFinite(x) || digits > 20) return x;
  if (digits < 0) {
    const m = 10 ** -digits;
    return roundHalfEven(x / m, 0) * m;
  }
  const exact = Math.abs(x).toFixed(Math.min(100, digits + 60));
  const [whole, frac] = exact.split('.');
  const kept = whole + frac.slice(0, digits);
  const rest = frac.slice(digits);
  let n = BigInt(kept);
  const tie = /^50*$/.test(rest);
  if ((rest > '5' && !tie) || (tie && n % 2n === 1n)) n += 1n;
  const r = Number(n) / 10 ** digits;
  return x < 0 ? -r : r;
}

function toInt(v: Py): Py {
  if (isInt(v)) return toBig(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new PyError(Number.isNaN(v) ? 'ValueError' : 'OverflowError', Number.isNaN(v) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(v));
  }
  if (typeof v === 'string') {
    const t = v.trim().replace(/_/g, '');
    if (!/^[-+]?\d+$/.test(t)) throw new PyError('ValueError', `invalid literal for int() with base 10: '${v}'`);
    return BigInt(t);
  }
  throw new PyError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
}

function toFloatValue(v: Py): Py {
  if (isNum(v)) return toFloat(v);
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (/^[-+]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
    if (/^[-+]?nan$/.test(t)) return NaN;
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(t)) throw new PyError('ValueError', `could not convert string to float: '${v}'`);
    return Number(t);
  }
  throw new PyError('TypeError', `float() argument must be a string or a real number, not '${typeName(v)}'`);
}

function extreme(name: string, sign: 1 | -1): PyBuiltin {
  return builtin(name, 1, 20, (args) => {
    const items = args.length === 1 ? iterate(args[0]) : args;
    if (!items.length) throw new PyError('ValueError', `${name}() iterable argument is empty`);
    return items.reduce((best, v) => (compare(sign > 0 ? '>' : '<', v, best) ? v : best));
  });
}

function range(args: Py[]): Py {
  for (const a of args) if (!isInt(a)) throw new PyError('TypeError', `'${typeName(a)}' object cannot be interpreted as an integer`);
  const [start, stop, step] = args.length === 1 ? [0n, toBig(args[0] as bigint), 1n] : [toBig(args[0] as bigint), toBig(args[1] as bigint), args[2] === undefined ? 1n : toBig(args[2] as bigint)];
  if (step === 0n) throw new PyError('ValueError', 'range() arg 3 must not be zero');
  const count = step > 0n ? (stop > start ? (stop - start + step - 1n) / step : 0n) : start > stop ? (start - stop - step - 1n) / -step : 0n;
  if (count > 100_000n) throw new PyUnsupported(`a range of ${count} numbers (calc-ml goes to 100,000)`);
  return { kind: 'list', items: Array.from({ length: Number(count) }, (_, i) => start + BigInt(i) * step) };
}

const BUILTINS: readonly PyBuiltin[] = [
  builtin('pow', 2, 3, ([a, b, m]) => {
    if (m !== undefined) {
      if (!isInt(a) || !isInt(b) || !isInt(m)) throw new PyError('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
      return binary('%', binary('**', a, b), m);
    }
    return binary('**', a, b);
  }),
  builtin('abs', 1, 1, ([a]) => {
    if (!isNum(a)) throw new PyError('TypeError', `bad operand type for abs(): '${typeName(a)}'`);
    return isInt(a) ? (toBig(a) < 0n ? -toBig(a) : toBig(a)) : Math.abs(a as number);
  }),
  builtin('round', 1, 2, ([a, d]) => {
    if (!isNum(a)) throw new PyError('TypeError', `type ${typeName(a)} doesn't define __round__ method`);
    if (isInt(a)) return toBig(a);
    if (d === undefined || d === null) return BigInt(roundHalfEven(a as number, 0));
    if (!isInt(d)) throw new PyError('TypeError', `'${typeName(d)}' object cannot be interpreted as an integer`);
    return roundHalfEven(a as number, Number(toBig(d)));
  }),
  builtin('int', 0, 1, ([a]) => (a === undefined ? 0n : toInt(a))),
  builtin('float', 0, 1, ([a]) => (a === undefined ? 0 : toFloatValue(a))),
  builtin('str', 0, 1, ([a]) => (a === undefined ? '' : str(a))),
  builtin('bool', 0, 1, ([a]) => (a === undefined ? false : numeric(a) !== null ? numeric(a) !== 0 : a !== null && a !== '')),
  builtin('len', 1, 1, ([a]) => BigInt(iterate(a).length)),
  builtin('list', 0, 1, ([a]) => ({ kind: 'list', items: a === undefined ? [] : [...iterate(a)] })),
  builtin('tuple', 0, 1, ([a]) => ({ kind: 'tuple', items: a === undefined ? [] : [...iterate(a)] })),
  builtin('range', 1, 3, range),
  builtin('sum', 1, 2, ([a, start]) => iterate(a).reduce((t, v) => binary('+', t, v), start ?? 0n)),
  extreme('max', 1),
  extreme('min', -1),
];

const MATH: [string, Py][] = [
  ['pi', Math.PI],
  ['e', Math.E],
  ['tau', 2 * Math.PI],
  ['inf', Infinity],
  ['nan', NaN],
  ['sqrt', mathFn('sqrt', Math.sqrt, (x) => x >= 0)],
  ['exp', mathFn('exp', Math.exp)],
  ['log10', mathFn('log10', Math.log10, (x) => x > 0)],
  ['log2', mathFn('log2', Math.log2, (x) => x > 0)],
  ['sin', mathFn('sin', Math.sin, Number.isFinite)],
  ['cos', mathFn('cos', Math.cos, Number.isFinite)],
  ['tan', mathFn('tan', Math.tan, Number.isFinite)],
  ['asin', mathFn('asin', Math.asin, (x) => x >= -1 && x <= 1)],
  ['acos', mathFn('acos', Math.acos, (x) => x >= -1 && x <= 1)],
  ['atan', mathFn('atan', Math.atan)],
  ['sinh', mathFn('sinh', Math.sinh)],
  ['cosh', mathFn('cosh', Math.cosh)],
  ['tanh', mathFn('tanh', Math.tanh)],
  ['fabs', mathFn('fabs', Math.abs)],
  ['degrees', mathFn('degrees', (x) => (x * 180) / Math.PI)],
  ['radians', mathFn('radians', (x) => (x * Math.PI) / 180)],
  ['log', builtin('log', 1, 2, ([a, b]) => {
    const x = real('log', a);
    const base = b === undefined ? Math.E : real('log', b);
    if (x <= 0 || base <= 0 || base === 1) throw new PyError(base === 1 ? 'ZeroDivisionError' : 'ValueError', base === 1 ? 'float division by zero' : 'math domain error');
    return Math.log(x) / Math.log(base);
  })],
  ['pow', builtin('pow', 2, 2, ([a, b]) => {
    const x = real('pow', a);
    const y = real('pow', b);
    if (x === 0 && y < 0) throw new PyError('ValueError', 'math domain error');
    if (x < 0 && !Number.isInteger(y)) throw new PyError('ValueError', 'math domain error');
    const r = x ** y;
    if (!Number.isFinite(r)) throw new PyError('OverflowError', 'math range error');
    return r;
  })],
  ['floor', builtin('floor', 1, 1, ([a]) => (isInt(a) ? toBig(a) : toInt(Math.floor(real('floor', a)))))],
  ['ceil', builtin('ceil', 1, 1, ([a]) => (isInt(a) ? toBig(a) : toInt(Math.ceil(real('ceil', a)))))],
  ['trunc', builtin('trunc', 1, 1, ([a]) => toInt(a))],
  ['hypot', builtin('hypot', 0, 20, (args) => Math.hypot(...args.map((a) => real('hypot', a))))],
  ['atan2', builtin('atan2', 2, 2, ([a, b]) => Math.atan2(real('atan2', a), real('atan2', b)))],
  ['isclose', builtin('isclose', 2, 2, ([a, b], kw) => {
    const x = real('isclose', a);
    const y = real('isclose', b);
    const rel = kw.has('rel_tol') ? real('isclose', kw.get('rel_tol')!) : 1e-9;
    const abs = kw.has('abs_tol') ? real('isclose', kw.get('abs_tol')!) : 0;
    return x === y || Math.abs(x - y) <= Math.max(rel * Math.max(Math.abs(x), Math.abs(y)), abs);
  }, ['rel_tol', 'abs_tol'])],
  ['factorial', builtin('factorial', 1, 1, ([a]) => {
    if (!isInt(a)) throw new PyError('TypeError', `'${typeName(a)}' object cannot be interpreted as an integer`);
    const n = toBig(a);
    if (n < 0n) throw new PyError('ValueError', 'factorial() not defined for negative values');
    if (n > 500n) throw new PyUnsupported('a factorial this large');
    let r = 1n;
    for (let k = 2n; k <= n; k++) r *= k;
    return r;
  })],
  ['isqrt', builtin('isqrt', 1, 1, ([a]) => {
    if (!isInt(a)) throw new PyError('TypeError', `'${typeName(a)}' object cannot be interpreted as an integer`);
    if (toBig(a) < 0n) throw new PyError('ValueError', 'isqrt() argument must be nonnegative');
    return BigInt(Math.floor(Math.sqrt(Number(toBig(a)))));
  })],
];

/** numpy on single numbers: np.square(3) is 9, np.sqrt(-1) is nan; arrays are not run. */
const NUMPY: [string, Py][] = [
  ['pi', Math.PI],
  ['e', Math.E],
  ['inf', Infinity],
  ['nan', NaN],
  ['square', builtin('square', 1, 1, ([a]) => binary('*', a, a))],
  ['power', builtin('power', 2, 2, ([a, b]) => {
    if (isInt(a) && isInt(b) && toBig(b) < 0n) throw new PyError('ValueError', 'Integers to negative integer powers are not allowed.');
    return isNum(a) && isNum(b) && !isInt(a) && toFloat(a) < 0 && !Number.isInteger(toFloat(b)) ? NaN : binary('**', a, b);
  })],
  ['sqrt', npFn('sqrt', Math.sqrt)],
  ['exp', npFn('exp', Math.exp)],
  ['log', npFn('log', (x) => (x < 0 ? NaN : Math.log(x)))],
  ['log10', npFn('log10', (x) => (x < 0 ? NaN : Math.log10(x)))],
  ['log2', npFn('log2', (x) => (x < 0 ? NaN : Math.log2(x)))],
  ['sin', npFn('sin', Math.sin)],
  ['cos', npFn('cos', Math.cos)],
  ['tan', npFn('tan', Math.tan)],
  ['tanh', npFn('tanh', Math.tanh)],
  ['abs', builtin('abs', 1, 1, ([a]) => (isInt(a) ? (toBig(a) < 0n ? -toBig(a) : toBig(a)) : Math.abs(real('abs', a))))],
  ['absolute', builtin('absolute', 1, 1, ([a]) => (isInt(a) ? (toBig(a) < 0n ? -toBig(a) : toBig(a)) : Math.abs(real('absolute', a))))],
  ['float64', builtin('float64', 0, 1, ([a]) => (a === undefined ? 0 : toFloatValue(a)))],
];

export const MODULES: ReadonlyMap<string, PyModule> = new Map([
  ['math', { kind: 'module', name: 'math', members: new Map(MATH) }],
  ['numpy', { kind: 'module', name: 'numpy', members: new Map(NUMPY) }],
]);

/** The built-in names (print, input and the interpreter's own are added by python-run.ts). */
export const BUILTIN_NAMES: ReadonlyMap<string, Py> = new Map(BUILTINS.map((b) => [b.name, b]));

/** Methods of str a learner formats output with. */
export function strMethod(s: string, name: string, formatter: (template: string, args: Py[], kwargs: Map<string, Py>) => string): Py | undefined {
  const method = (n: string, min: number, max: number, f: Fn): Py => ({ kind: 'method', name: n, self: s, call: builtin(n, min, max, f, n === 'format' ? [...Array(0)] : []).call });
  switch (name) {
    case 'format':
      return { kind: 'method', name, self: s, call: (args, kwargs) => formatter(s, args, kwargs) };
    case 'upper':
      return method(name, 0, 0, () => s.toUpperCase());
    case 'lower':
      return method(name, 0, 0, () => s.toLowerCase());
    case 'strip':
      return method(name, 0, 0, () => s.trim());
    case 'join':
      return method(name, 1, 1, ([a]) => iterate(a).map((v) => {
        if (typeof v !== 'string') throw new PyError('TypeError', `sequence item 0: expected str instance, ${typeName(v)} found`);
        return v;
      }).join(s));
  }
  return undefined;
}

export const isModule = (v: Py): v is PyModule => isObj(v) && v.kind === 'module';
