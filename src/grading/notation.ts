/**
 * Learners write maths and shorthand among their words: `w -= lr*grad`, `θ ← θ − η∇L`, `x²`,
 * `h→0`, `MSE`. Before the English reader sees an answer, these become the words they stand for,
 * so one claim in the key covers "subtract the learning rate times the gradient" and `w - lr*grad`.
 * Pure text to text.
 */

/** Abbreviations learners type, spelled out so that one phrase in the key covers both. */
// No prototype: "constructor" in an answer is a word, not Object's own method.
const ALIASES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  grad: 'gradient', grads: 'gradients', lr: 'learning rate', ml: 'machine learning', nn: 'neural network',
  backprop: 'backpropagation', mse: 'mean squared error', mae: 'mean absolute error', rmse: 'root mean squared error',
  sgd: 'stochastic gradient descent', eta: 'learning rate', alpha: 'learning rate', dir: 'direction', w: 'weight',
  idk: 'i do not know', dunno: 'i do not know', lim: 'limit', wrt: 'with respect to', init: 'initialize',
  calc: 'calculate', approx: 'approximately', iters: 'iterations', params: 'parameters', param: 'parameter',
  temp: 'temperature', temps: 'temperatures',
});

const cells = (line: string): string[] => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());

/**
 * A markdown table is read cell by cell, each a statement about its column's subject: under
 * "| | analytic | numeric |", the row "| exact? | yes | no, approx |" says "analytic is exact" and
 * "numeric is not exact, approx"; a row "| how | calculus rules | … |" says "analytic: how calculus rules".
 */
function readTables(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const isRow = (l: string | undefined) => !!l && /^\s*\|.*\|\s*$/.test(l);
    if (!(isRow(lines[i]) && /^\s*\|[\s|:-]*-[\s|:-]*\|\s*$/.test(lines[i + 1] ?? ''))) {
      out.push(lines[i]);
      continue;
    }
    const heads = cells(lines[i]);
    let k = i + 2;
    for (; isRow(lines[k]); k++) {
      const row = cells(lines[k]);
      const label = row[0].replace(/\?\s*$/, '');
      const asks = /\?\s*$/.test(row[0]);
      for (let j = 1; j < row.length && j < heads.length; j++) {
        const c = row[j];
        if (!c) continue;
        if (asks && /^yes\b/i.test(c)) out.push(`${heads[j]} is ${label}${c.replace(/^yes\b[\s,]*/i, ', ')}.`.replace(/, \.$/, '.'));
        else if (asks && /^no\b/i.test(c)) out.push(`${heads[j]} is not ${label}${c.replace(/^no\b[\s,]*/i, ', ')}.`.replace(/, \.$/, '.'));
        else if (asks) out.push(`${heads[j]} is ${c}.`);
        else out.push(`${heads[j]}: ${label} ${c}.`);
      }
    }
    i = k - 1;
  }
  return out.join('\n');
}

/**
 * "d = -grad(w) … w += lr * d": a name given to the negative gradient stands for it where it is
 * used after, so the update's sign is read with the gradient's ("+ lr·d" steps against it).
 */
function negativeGradientNames(text: string): string {
  const def = /(?:^|[\s;:,(])([A-Za-z]\w{0,7})\s*(?:=|:=|←|<-)\s*[-−]\s*(?:grad\w*|∇|gradient|nabla|dL|∂)/g;
  let out = text;
  for (const m of text.matchAll(def)) {
    const name = m[1];
    if (/^(w|x|theta|θ|weights?|params?)$/i.test(name)) continue;
    const end = (m.index ?? 0) + m[0].length;
    const rest = out.slice(end).replace(new RegExp(`(?<![\\w.])${name}(?![\\w(])`, 'g'), '(−∇L)');
    out = out.slice(0, end) + rest;
  }
  return out;
}

export function spellOut(text: string): string {
  let t = readTables(negativeGradientNames(text))
    .replace(/[’‘`]/g, "'")
    .replace(/\*\*(?=\S)([^*]+)\*\*/g, '$1') // markdown bold
    .replace(/(^|\s)[*_](\S[^*_]*)[*_](?=\s|[.,;:]|$)/g, '$1$2') // markdown emphasis
    // a list item, or a line that opens with a bold label ("**Goal:** …"), is a statement of its own
    .replace(/^(\s*(?:[-*+]|\d+[.)]|[A-Za-z][\w ]{0,25}:)\s+.*?[^.!?;:,\s])[ \t]*$/gm, '$1.')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '') // list markers
    .replace(/\|/g, ' , ')
    .replace(/\bw\.?r\.?t\.?(?=\s|$)/gi, 'with respect to')
    .replace(/\b(i\.e|e\.g|etc|vs)\./gi, (m) => m.replace(/\./g, ''));
  // Optimisation written as maths: `min x^2`, `argmin_w L(w)`, `max_x f(x)` are "choose w to
  // minimise L", the sentence they stand for ("the min", "its max" stay nouns).
  t = t
    .replace(/\b(?:arg\s*)?(min|max)(?:imi[sz]e)?_\{?([A-Za-zθ]\w*)\}?/gi, (_m, mm: string, v: string) => ` choose ${v} to ${mm.toLowerCase() === 'min' ? 'minimize' : 'maximize'} `)
    .replace(/(?<!\b(?:the|its|a|at|global|local|and|or)\s+)\b(?:arg\s*)?(min|max)\s+(?=[A-Za-zθ](?![A-Za-z])|[A-Za-z]\s*\()/gi, (_m, mm: string) => ` choose the value to ${mm.toLowerCase() === 'min' ? 'minimize' : 'maximize'} `);
  // "its min", "the max": the noun ("5 min", "per min" are minutes).
  t = t.replace(/(?<!(?:\d|\/|\bper)\s*)\b(min|max)\b(?!\s*\/)/gi, (_m, mm: string) => (mm.toLowerCase() === 'min' ? 'minimum' : 'maximum'));
  // Calculus notation, before its brackets and primes cut the answer into pieces: f'(x) is the
  // derivative, (f(x+h) − f(x))/h a finite difference, x_0 the starting point, x_{k+1} just x.
  t = t
    .replace(/\(\s*f\s*\(\s*x\s*\+\s*h\s*\)\s*[-−]\s*f\s*\(\s*x(?:\s*[-−]\s*h)?\s*\)\s*\)\s*\/\s*\(?\s*2?\s*h\s*\)?/g, ' the finite difference ')
    .replace(/\b[a-zA-Z]\s*(?:'|′)+\s*\([^()]{0,20}\)|\b[a-zA-Z](?:'|′)+(?=[\s,.;:=]|$)/g, ' the derivative ')
    .replace(/\b([a-zA-Zθ])_?\{?0\}?(?![\w.])/g, ' the initial $1 ')
    .replace(/\b([a-zA-Zθ])_(?:\{[^{}]{1,8}\}|[a-z0-9]{1,3})/g, '$1')
    .replace(/\b([a-zA-Z])\(([^()]{1,20})\)/g, ' $1 of $2 ')
    .replace(/≈|~=/g, ' approximately ')
    // "8 L/min", "60 km/h": a unit per a unit
    .replace(/(\d\s*(?:%|[A-Za-z]{1,5}))\s*\/\s*([A-Za-z]{1,6})\b/g, '$1 per $2');
  // A signed term in brackets, "η(−∇L)", "lr*(-grad)", "-(lr*grad)": its sign is one of the
  // step's signs, so the brackets go (kept, they would start an aside and hide the sign).
  t = t
    .replace(/\(\s*([-−+]\s*[^()]{1,40})\)/g, ' $1 ')
    .replace(/(^|[\s=←+*·×])[-−]\s*\(([^()]{1,40})\)/g, '$1 minus $2 ');
  // Updates: "w = w - lr*grad", "w -= ...", "θ ← θ − η∇L", "w_new = w - ..." → "update minus …".
  // ("update w ← w + …", "set w = w - …": the verb typed before is the update itself, said once.)
  const update = (sign: string) => ` update the weight ${sign === '+' ? 'plus' : 'minus'} `;
  t = t
    .replace(/(?:\b(?:update|set|do|compute)\s+)?([A-Za-zθ]\w*)\s*(?:=|←|<-|:=)\s*\1\s*(-|−|\+)/gi, (_m, _v, sign: string) => update(sign))
    .replace(/(?:\b(?:update|set|do|compute)\s+)?([A-Za-zθ]\w*)_?new\s*=\s*\1\s*(-|−|\+)/gi, (_m, _v, sign: string) => update(sign))
    .replace(/-=/g, ' update minus ')
    .replace(/\+=/g, ' update plus ');
  t = t
    .replace(/→|->|=>|⇒/g, ' leads to ')
    .replace(/↓/g, ' goes down ')
    .replace(/↑/g, ' goes up ')
    .replace(/∇/g, ' gradient of ')
    // "∂L/∂w > 0": the derivative of L with respect to w is positive
    .replace(/∂\s*([A-Za-zθ]\w*)\s*\/\s*∂\s*([A-Za-zθ]\w*)/g, ' the derivative of $1 with respect to $2 ')
    .replace(/\s*>\s*0(?![\d.])/g, ' is positive ')
    .replace(/\s*<\s*0(?![\d.])/g, ' is negative ')
    .replace(/∂/g, ' partial ')
    .replace(/[ηα]/g, ' learning rate ')
    .replace(/Σ|∑/g, ' sum of ')
    .replace(/[Δδ]/g, ' change in ')
    .replace(/θ/g, ' parameters ')
    .replace(/\b(?:d|df|dy|dl)\s*\/\s*d[a-z]\w*/gi, ' derivative ')
    // "x^2", "x²", "x**2" read as "x squared", as learners also write it
    .replace(/\s*(\^|\*\*)\s*2\b|²/g, ' squared ')
    .replace(/\s*[*·×⋅]\s*/g, ' times ')
    // a minus sign between terms is a word that matters ("w - lr * grad" steps against the gradient)
    .replace(/(^|[\s(=])[-−](?=\s*[A-Za-z(∇])/g, '$1 minus ')
    .replace(/\s[-−]\s/g, ' minus ')
    // "0.1·(−2x)": a signed number as a factor is a sign of the step too
    .replace(/(\btimes\s+)[-−](?=\s*[\d.])/g, '$1minus ')
    .replace(/\s\+\s/g, ' plus ')
    .replace(/&/g, ' and ')
    .replace(/\s=\s|(?<=\w)=(?=\w)/g, ' is ');
  return t.replace(/[A-Za-z]+/g, (w) => ALIASES[w.toLowerCase()] ?? w).replace(/[ \t]+/g, ' ').trim();
}
