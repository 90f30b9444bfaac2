import {
  create, parseDependencies, derivativeDependencies,
  addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, powDependencies,
  unaryMinusDependencies, unaryPlusDependencies,
  sinDependencies, cosDependencies, tanDependencies, asinDependencies, acosDependencies, atanDependencies,
  sinhDependencies, coshDependencies, tanhDependencies, expDependencies, logDependencies, log10Dependencies,
  sqrtDependencies, cbrtDependencies, absDependencies,
  secDependencies, cscDependencies, cotDependencies, sechDependencies, cschDependencies, cothDependencies,
  piDependencies, eDependencies, tauDependencies,
  type MathNode,
} from 'mathjs/number';
import { UserError } from '../errors.js';

// A second, larger instance with mathjs's derivative (which needs simplify). It lives in its own
// module, imported only when a derivative is taken, so `plot x^2` never loads it. It only ever sees
// text that engine.ts has already validated, and what it returns is validated again by engine.ts.
const math = create({
  parseDependencies, derivativeDependencies,
  addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, powDependencies,
  unaryMinusDependencies, unaryPlusDependencies,
  sinDependencies, cosDependencies, tanDependencies, asinDependencies, acosDependencies, atanDependencies,
  sinhDependencies, coshDependencies, tanhDependencies, expDependencies, logDependencies, log10Dependencies,
  sqrtDependencies, cbrtDependencies, absDependencies,
  secDependencies, cscDependencies, cotDependencies, sechDependencies, cschDependencies, cothDependencies,
  piDependencies, eDependencies, tauDependencies,
});

/** d/dvariable of validated expression text, as text. */
export function derivativeText(text: string, variable: string): string {
  // mathjs has no rule for log2; log(u, 2) is the same function and it has one.
  const node = math.parse(text).transform((n: MathNode) => {
    const f = n as MathNode & { fn?: { name?: string }; args?: MathNode[] };
    return f.type === 'FunctionNode' && f.fn?.name === 'log2' && f.args?.length === 1
      ? new math.FunctionNode(new math.SymbolNode('log'), [f.args[0], new math.ConstantNode(2)])
      : n;
  });
  try {
    return math.derivative(node, variable).toString();
  } catch (e) {
    const m = /Cannot process function "(\w+)"/.exec((e as Error).message);
    if (m) throw new UserError(`cannot take the derivative of ${m[1]}(...) symbolically; calc-ml knows the rules for + - * / ^, exp, log, sqrt, cbrt, abs and the trig functions`, 2);
    throw e;
  }
}
