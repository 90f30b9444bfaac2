import { create, derivativeDependencies, type MathNode } from 'mathjs/number';
import { NUMBER_FACTORIES } from './factories.js';

// A second, larger instance with mathjs's derivative (which needs simplify). It lives in its own
// module, imported only when a derivative is taken, so `plot x^2` never loads it. It only ever sees
// text that engine.ts has already validated, and what it returns is validated again by engine.ts.
const math = create({ ...NUMBER_FACTORIES, derivativeDependencies });

/**
 * d/dvariable of validated expression text, as text, or the name of the function mathjs has no
 * rule for. (No UserError here: this module is a bundle of its own, with its own copy of classes,
 * so engine.ts turns the answer into the error.)
 */
export function derivativeText(text: string, variable: string): { text: string } | { unsupported: string } {
  // mathjs has no rule for log2; log(u, 2) is the same function and it has one.
  const node = math.parse(text).transform((n: MathNode) => {
    const f = n as MathNode & { fn?: { name?: string }; args?: MathNode[] };
    return f.type === 'FunctionNode' && f.fn?.name === 'log2' && f.args?.length === 1
      ? new math.FunctionNode(new math.SymbolNode('log'), [f.args[0], new math.ConstantNode(2)])
      : n;
  });
  try {
    return { text: math.derivative(node, variable).toString() };
  } catch (e) {
    const m = /Cannot process function "(\w+)"/.exec((e as Error).message);
    if (m) return { unsupported: m[1] };
    throw e;
  }
}
