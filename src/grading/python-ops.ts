import { PyError, PyUnsupported, isInt, isNum, isObj, toBig, toFloat, typeName, truthy, repr, percentFormat, type Py } from './python-values.js';

/**
 * Python's operators on the reader's values, with Python's rules: / is always a float, // and % take
 * the floor, ** of ints is an exact int, ^ & | << >> are bitwise and refuse floats (so `x^2` is
 * exclusive-or, a TypeError at 1.5), and mixing types raises the TypeError Python raises.
 */

/** Larger ints than this (in bits) are refused: a learner's formula never needs them, and they cost time. */
const MAX_BITS = 4096;

const unsupported = (op: string, a: Py, b: Py) => new PyError('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);

function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function checkSize(n: bigint): bigint {
  const bits = (n < 0n ? -n : n).toString(2).length;
  if (bits > MAX_BITS) throw new PyUnsupported(`an integer of ${bits} bits (calc-ml stops at ${MAX_BITS})`);
  return n;
}

function intPow(a: bigint, b: bigint): Py {
  if (b < 0n) {
    if (a === 0n) throw new PyError('ZeroDivisionError', 'zero to a negative power');
    return Number(a) ** Number(b);
  }
  if (a === 0n || a === 1n || b === 0n) return a ** b;
  if (a === -1n) return b % 2n === 0n ? 1n : -1n;
  const abs = a < 0n ? -a : a;
  if (BigInt(abs.toString(2).length) * b > BigInt(MAX_BITS) + 64n) throw new PyUnsupported(`an integer this large (${a}**${b})`);
  return checkSize(a ** b);
}

function floatPow(a: number, b: number): number {
  if (a === 0 && b < 0) throw new PyError('ZeroDivisionError', 'zero to a negative power');
  if (a < 0 && !Number.isInteger(b)) throw new PyUnsupported(`a complex number (${a} ** ${b})`);
  const r = a ** b;
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) throw new PyError('OverflowError', '(34, \'Numerical result out of range\')');
  return r;
}

function seqOf(v: Py): Py[] | null {
  return isObj(v) && (v.kind === 'list' || v.kind === 'tuple') ? v.items : null;
}

export function binary(op: string, a: Py, b: Py): Py {
  switch (op) {
    case '+':
      if (typeof a === 'string' && typeof b === 'string') return a + b;
      if (typeof a === 'string') throw new PyError('TypeError', `can only concatenate str (not "${typeName(b)}") to str`);
      if (isObj(a) && isObj(b) && (a.kind === 'list' || a.kind === 'tuple') && a.kind === b.kind) return { kind: a.kind, items: [...a.items, ...(b as typeof a).items] };
      break;
    case '*': {
      const rep = (s: Py, n: Py): Py | undefined => {
        if (!isInt(n)) return undefined;
        const k = Number(toBig(n));
        if (typeof s === 'string') {
          if (s.length * k > 100_000) throw new PyUnsupported('a string this long');
          return k > 0 ? s.repeat(k) : '';
        }
        const items = seqOf(s);
        if (items && isObj(s) && (s.kind === 'list' || s.kind === 'tuple')) {
          if (items.length * k > 100_000) throw new PyUnsupported('a list this long');
          return { kind: s.kind, items: k > 0 ? Array.from({ length: k }, () => items).flat() : [] };
        }
        return undefined;
      };
      const r = rep(a, b) ?? rep(b, a);
      if (r !== undefined) return r;
      break;
    }
    case '%':
      if (typeof a === 'string') return percentFormat(a, b);
      break;
  }
  if (!isNum(a) || !isNum(b)) throw unsupported(op === '**' ? '** or pow()' : op, a, b);
  const ints = isInt(a) && isInt(b);
  switch (op) {
    case '+':
      return ints ? checkSize(toBig(a) + toBig(b)) : toFloat(a) + toFloat(b);
    case '-':
      return ints ? checkSize(toBig(a) - toBig(b)) : toFloat(a) - toFloat(b);
    case '*':
      return ints ? checkSize(toBig(a) * toBig(b)) : toFloat(a) * toFloat(b);
    case '/': {
      if (toFloat(b) === 0) throw new PyError('ZeroDivisionError', ints ? 'division by zero' : 'float division by zero');
      return toFloat(a) / toFloat(b);
    }
    case '//':
      if (toFloat(b) === 0) throw new PyError('ZeroDivisionError', ints ? 'integer division or modulo by zero' : 'float floor division by zero');
      return ints ? bigFloorDiv(toBig(a), toBig(b)) : Math.floor(toFloat(a) / toFloat(b));
    case '%': {
      if (toFloat(b) === 0) throw new PyError('ZeroDivisionError', ints ? 'integer modulo by zero' : 'float modulo');
      if (ints) {
        const m = toBig(a) % toBig(b);
        return m !== 0n && (m < 0n) !== (toBig(b) < 0n) ? m + toBig(b) : m;
      }
      const x = toFloat(a);
      const y = toFloat(b);
      const m = x % y;
      return m !== 0 && (m < 0) !== (y < 0) ? m + y : m;
    }
    case '**':
      return ints ? intPow(toBig(a), toBig(b)) : floatPow(toFloat(a), toFloat(b));
    case '^':
    case '&':
    case '|':
    case '<<':
    case '>>': {
      if (!ints) throw unsupported(op, a, b);
      if (typeof a === 'boolean' && typeof b === 'boolean' && op !== '<<' && op !== '>>') {
        return op === '^' ? a !== b : op === '&' ? a && b : a || b;
      }
      const x = toBig(a);
      const y = toBig(b);
      if (op === '^') return x ^ y;
      if (op === '&') return x & y;
      if (op === '|') return x | y;
      if (y < 0n) throw new PyError('ValueError', 'negative shift count');
      if (op === '<<') {
        if (y > BigInt(MAX_BITS)) throw new PyUnsupported('an integer this large');
        return checkSize(x << y);
      }
      return x >> y;
    }
    case '@':
      throw unsupported('@', a, b);
  }
  throw new PyUnsupported(`the operator ${op}`);
}

export function unary(op: string, a: Py): Py {
  if (op === 'not') return !truthy(a);
  if (!isNum(a)) throw new PyError('TypeError', `bad operand type for unary ${op}: '${typeName(a)}'`);
  if (op === '-') return isInt(a) ? -toBig(a) : -toFloat(a);
  if (op === '+') return isInt(a) ? toBig(a) : a;
  if (op === '~') {
    if (!isInt(a)) throw new PyError('TypeError', `bad operand type for unary ~: '${typeName(a)}'`);
    return ~toBig(a);
  }
  throw new PyUnsupported(`the operator ${op}`);
}

export function equal(a: Py, b: Py): boolean {
  if (isNum(a) && isNum(b)) return isInt(a) && isInt(b) ? toBig(a) === toBig(b) : toFloat(a) === toFloat(b);
  if (typeof a === 'string' || typeof b === 'string' || a === null || b === null) return a === b;
  const x = seqOf(a);
  const y = seqOf(b);
  if (x && y && isObj(a) && isObj(b) && a.kind === b.kind) return x.length === y.length && x.every((v, i) => equal(v, y[i]));
  return a === b;
}

function order(a: Py, b: Py, op: string): number {
  if (isNum(a) && isNum(b)) {
    if (isInt(a) && isInt(b)) return toBig(a) < toBig(b) ? -1 : toBig(a) > toBig(b) ? 1 : 0;
    const x = toFloat(a);
    const y = toFloat(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new PyError('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function compare(op: string, a: Py, b: Py): boolean {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return order(a, b, op) < 0;
    case '>':
      return order(a, b, op) > 0;
    case '<=':
      return order(a, b, op) <= 0;
    case '>=':
      return order(a, b, op) >= 0;
    case 'is':
      return a === b || (a === null && b === null) || (isNum(a) && isNum(b) && typeof a === typeof b && equal(a, b));
    case 'is not':
      return !compare('is', a, b);
    case 'in':
    case 'not in': {
      let found: boolean;
      if (typeof b === 'string') {
        if (typeof a !== 'string') throw new PyError('TypeError', `'in <string>' requires string as left operand, not ${typeName(a)}`);
        found = b.includes(a);
      } else {
        const items = seqOf(b);
        if (!items) throw new PyError('TypeError', `argument of type '${typeName(b)}' is not iterable`);
        found = items.some((v) => equal(v, a));
      }
      return op === 'in' ? found : !found;
    }
  }
  throw new PyUnsupported(`the comparison ${op}`);
}

/** The items a for loop (or list(), sum()) goes over. */
export function iterate(v: Py): Py[] {
  if (typeof v === 'string') return [...v];
  const items = seqOf(v);
  if (items) return items;
  throw new PyError('TypeError', `'${typeName(v)}' object is not iterable`);
}

export function index(v: Py, i: Py): Py {
  const items = typeof v === 'string' ? [...v] : seqOf(v);
  if (!items) throw new PyError('TypeError', `'${typeName(v)}' object is not subscriptable`);
  if (!isInt(i)) throw new PyError('TypeError', `${typeName(v)} indices must be integers or slices, not ${typeName(i)}`);
  let k = Number(toBig(i));
  if (k < 0) k += items.length;
  if (k < 0 || k >= items.length) throw new PyError('IndexError', `${typeName(v)} index out of range`);
  return items[k];
}

export { repr };
