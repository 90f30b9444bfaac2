import { descendCommand, labDescent } from './lab-descent.js';

/**
 * Which lab fits an exercise, read from its text: a lesson about learning rates gets `descend`, one
 * about numerical differentiation gets `grad`, one about limits and continuity gets `plot`. Pure:
 * text in, a suggestion out (the exercise step shows it; `:lab` opens it). The expression is the
 * exercise's own `f(x) = …` when it has one, else the lesson's function, else a curve that shows
 * what the exercise is about (a jump for a discontinuity, two valleys for local minima).
 */

export type LabChoice =
  | { kind: 'descend'; expr: string; start: number; rates: number[] }
  | { kind: 'grad'; expr: string; at: number }
  /** The gradient of the exercise's own f(x, y) at a point: `calc-ml grad "x^2+y^2" --at 1,2`. */
  | { kind: 'grad2'; expr: string; vars: [string, string]; at: [number, number] }
  | { kind: 'plot'; expr: string; from: number; to: number; tangent?: number };

const GRAD = /\bnumeric(?:al(?:ly)?)?\s+(?:gradient|derivative|differentiat)|\b(?:forward|backward|central|finite)[\s-]+difference|\bgradient[\s-]+check|\btruncation error|\bround[\s-]?off|\bfloating[\s-]?point|\bderivative (?:estimate|approximation)|\bapproximat\w* (?:the )?derivative/i;
const DESCEND = /\bgradient descent|\blearning rates?\b|\bstep sizes?\b|\bconverg|\bdiverg|\bmomentum|\biterations?\b|\bstopping (?:rule|criteri)|\bupdate rule|\b(?:against|opposite|negative)\b[^.]*\bgradient|\bloss (?:curve|over)|\blocal minim|\bsaddle|\boptimi[sz]er\b/i;
const PLOT = /\bplot|\bgraph\b|\bsketch|\bcurve\b|\bvisuali[sz]e|\btangent|\bslope|\bdiscontinu|\bcontinu|\blimits?\b|\binfinity\b|\bderivative/i;
/** Words that tip an exercise to `grad` in a lesson about numerical differentiation ("why step size matters"). */
const GRAD_LESSON = /numeric(?:al)? (?:differentiation|gradients?|derivatives?)|finite differences?|gradient check/i;

const FUNCTION_IN_TEXT = /\b[fgy]\s*\(\s*x\s*\)\s*=\s*(.+?)(?=\s+(?:and|then|at|for|from|with|on|over|to|using|in)\b|[,;:]|\.(?:\s|$)|$)|\by\s*=\s*(.+?)(?=\s+(?:and|then|at|for|from|with|on|over|to|using|in)\b|[,;:]|\.(?:\s|$)|$)/i;

/** The first single-variable `f(x) = …` in a text, as typed (not yet checked by the engine). */
export function functionIn(text: string): string | null {
  const m = FUNCTION_IN_TEXT.exec(text);
  let expr = (m?.[1] ?? m?.[2])?.trim() ?? '';
  // The formula ends where the prose starts again: at a word that is not one of the engine's functions.
  const prose = expr.search(/\s+(?!(?:sin|cos|tan|exp|log|ln|sqrt|abs|sinh|cosh|tanh|pi|tau)\b)[a-z]{2,}/i);
  if (prose > 0) expr = expr.slice(0, prose);
  expr = expr.trim().replace(/[.]+$/, '');
  // f(x,y) = … is not a function of one variable: the pattern never matches it; `y = mx + b` names
  // more than x, which the engine refuses later.
  return expr || null;
}

const TERMS = String.raw`(?=\s+(?:and|then|at|for|from|with|on|over|to|using|in)\b|[;:]|\.(?:\s|$)|$)`;
const FUNCTION2_IN_TEXT = new RegExp(String.raw`\b[fgh]\s*\(\s*([a-z])\s*,\s*([a-z])\s*\)\s*=\s*(.+?)` + TERMS, 'i');

/** The first `f(x, y) = …` in a text, with its two variables as the text names them. */
export function function2In(text: string): { expr: string; vars: [string, string] } | null {
  const m = FUNCTION2_IN_TEXT.exec(text);
  if (!m || m[1] === m[2]) return null;
  const expr = m[3].trim().replace(/[.]+$/, '');
  return expr ? { expr, vars: [m[1], m[2]] } : null;
}

/**
 * An exercise about a function of several variables (its own f(x, y), "partial derivatives", "the
 * Jacobian"): a one-variable lab on the lesson's f(x) would teach something else.
 */
const SEVERAL_VARIABLES = /\b[fgh]\s*\(\s*[a-z]\s*,|\b(?:two|several|multiple|many)\s+variables\b|\bmulti-?variate\b|\bmulti-?variable\b|\bpartial derivatives?\b|\bpartials\b|\bjacobian\b|\bhessian\b|\bvector[- ]valued\b/i;

/**
 * Kinds of function no showcase curve or lesson function stands for: a plot of 2x + 1 for "the
 * continuity of a piecewise function" would mislead, so no lab is offered.
 */
const OTHER_KIND = /\bpiecewise\b|\bstep function\b|\bepsilon\b|\bdelta\b/i;

/** A curve that shows an idea, where the exercise names the idea but not a function. */
const SHOWCASE: { re: RegExp; not?: RegExp; lab: LabChoice }[] = [
  { re: /\blocal minim|\bsaddle/i, lab: { kind: 'descend', expr: 'x^4 - 3x^2 + x', start: 2, rates: [0.01, 0.05] } },
  { re: /\bremovable\b/i, lab: { kind: 'plot', expr: 'sin(x)/x', from: -10, to: 10 } },
  { re: /\bdiscontinu|\bcontinuous intervals?\b|\bjump\b/i, lab: { kind: 'plot', expr: '1/(x - 1)', from: -4, to: 4 } },
  // Left and right limits that differ (−1 and 1 at x = 0); sin(x)/x has equal ones and would mislead.
  { re: /\b(?:left|right)(?:[\s-]+hand)?(?:[\s-]+(?:and|vs\.?|versus|or)[\s-]+(?:left|right)(?:[\s-]+hand)?)?[\s-]+limits?\b|\bone[\s-]sided\b/i, lab: { kind: 'plot', expr: 'x/abs(x)', from: -3, to: 3 } },
  { re: /\blimits? at infinity\b|\binfinity\b/i, lab: { kind: 'plot', expr: 'x/(x + 1)', from: 0, to: 50 } },
  // "Why limits matter for derivatives" is neither a limit at a point nor a tangent: no curve shows it.
  { re: /\blimits?\b/i, not: /\bderivative/i, lab: { kind: 'plot', expr: 'sin(x)/x', from: -10, to: 10 } },
  { re: /\btangent|\bslope|\bderivative/i, not: /\blimits?\b/i, lab: { kind: 'plot', expr: 'x^2', from: -4, to: 4, tangent: 1 } },
];

/**
 * The lab for one exercise, or null when none fits (a Python exercise, "compare batch vs
 * stochastic"). `lessonTitle` breaks ties ("step size" is descent's in a descent lesson, grad's in a
 * numerical differentiation lesson); `lessonFunction` is used where the exercise names none.
 */
export function chooseLab(exercise: string, lessonTitle = '', lessonFunction: string | null = null): LabChoice | null {
  // An exercise on a function of several variables gets no one-variable lab: at most the 2-D
  // gradient of its own f(x, y).
  const two = function2In(exercise);
  const several = !!two || SEVERAL_VARIABLES.test(exercise);
  const own = several ? null : functionIn(exercise);
  const expr = own ?? lessonFunction;
  const gradLesson = GRAD_LESSON.test(lessonTitle);
  const at = Number(/\bat\s+x\s*=\s*(-?\d+(?:\.\d+)?)/i.exec(exercise)?.[1] ?? 3);
  if (GRAD.test(exercise) || (gradLesson && /\bstep sizes?\b|\bh\b|\bprecision\b|\berror\b/i.test(exercise))) {
    if (several) return two ? { kind: 'grad2', expr: two.expr, vars: two.vars, at: pointIn(exercise) ?? [1, 2] } : null;
    return { kind: 'grad', expr: expr ?? 'x^2', at };
  }
  if (several) return null;
  if (DESCEND.test(exercise)) {
    const showcase = !own && SHOWCASE.find((s) => s.lab.kind === 'descend' && s.re.test(exercise));
    // The rates and start the exercise names are the ones it asks about ("try rates 0.01, 0.1 and 1.1").
    const named = descentSettingsIn(exercise);
    if (showcase) return { ...showcase.lab, ...named } as LabChoice;
    // Rates side by side where the exercise is about the rate; one good rate otherwise.
    const compare = /\blearning rates?\b|\bstep sizes?\b|\bdiverg|\blarge\b|\bsmall\b|\bcompare\b|\bchoose\b/i.test(exercise);
    return { kind: 'descend', expr: own ?? formulaOn(exercise) ?? expr ?? 'x^2', start: named.start ?? 3, rates: named.rates ?? (compare ? [0.05, 0.3, 0.9, 1.05] : [0.1]) };
  }
  if (PLOT.test(exercise)) {
    if (own) return { kind: 'plot', expr: own, from: -5, to: 5, ...(/\btangent|\bslope|\bderivative/i.test(exercise) ? { tangent: 1 } : {}) };
    const showcase = SHOWCASE.find((s) => s.lab.kind === 'plot' && s.re.test(exercise) && !s.not?.test(exercise));
    if (showcase) return showcase.lab;
    // The lesson's function only where the exercise asks for a drawing of some function, not of a
    // kind the lesson's is not ("a piecewise function": 2x + 1 would mislead). "Plot the
    // residuals" in a lesson with no function of x: nothing to plot here.
    if (lessonFunction && DRAW.test(exercise) && !OTHER_KIND.test(exercise)) return { kind: 'plot', expr: lessonFunction, from: -5, to: 5 };
  }
  return null;
}

const NUM = String.raw`-?(?:\d+(?:\.\d*)?|\.\d+)(?:e-?\d+)?`;
/** "rates 0.01, 0.1 and 1.1", "learning rate of 0.5", "α = 0.1", "step sizes {0.1, 0.5}": the words, then up to a few non-digits, then a list. */
const RATES = new RegExp(String.raw`(?:\b(?:learning[\s-]+rates?|step[\s-]+sizes?|rates?|lr|alpha|eta)\b|[αη])[^\d.;!?\n-]{0,24}?(${NUM}(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:(?:and|or)\s+)?${NUM})*)(?!\d|\.\d|\s*(?:%|iterations?|steps?|epochs?|times|x\b))`, 'gi');
/** "starting at x = 5", "start from x=4", "x0 = 2", "initial point 3", "from x = -1". */
const START = new RegExp(String.raw`(?:\b(?:start(?:ing)?(?:\s+(?:point|value))?|initial(?:\s+(?:point|value|guess))?|initiali[sz]ed?)\b[^\d;!?\n]{0,16}?|\bx_?0\s*=\s*|x₀\s*=\s*|\bfrom\s+x\s*=\s*)(${NUM})`, 'i');

/**
 * The descent settings an exercise names: its learning rates (positive, at most 8, as descend
 * takes them) and its start point. Only what the text says; the lab's defaults fill the rest.
 */
export function descentSettingsIn(text: string): { rates?: number[]; start?: number } {
  const out: { rates?: number[]; start?: number } = {};
  for (const m of text.matchAll(RATES)) {
    const rates = m[1].split(/\s*(?:,|\/|\bor\b|\band\b)\s*/).map((x) => x.replace(/^(?:and|or)\s+/, '')).filter(Boolean).map(Number);
    // A rate is a positive step well below 10 (0 never moves): anything else is another number.
    if (rates.length && rates.every((r) => Number.isFinite(r) && r > 0 && r <= 10)) {
      out.rates = [...new Set(rates)].slice(0, 8);
      break;
    }
  }
  const start = START.exec(text);
  if (start && Math.abs(Number(start[1])) <= 1e6) out.start = Number(start[1]);
  return out;
}

/**
 * A formula the exercise descends on without naming it f(x): "gradient descent on x^2 - 4x + 3",
 * "minimize (x - 2)^2". Only a formula in x with an operator; the engine checks it later.
 */
export function formulaOn(text: string): string | null {
  const m = /\b(?:on|minimi[sz]e|minimi[sz]ing)\s+((?:[-+*/^().\d\s]|\bx\b|(?<=\d)x\b)+)/i.exec(text);
  const f = m?.[1].trim().replace(/[.\s]+$/, '');
  return f && /x/.test(f) && /[\^*+\-/]/.test(f) ? f : null;
}

/** "at (1, 2)": the point an exercise names for a function of two variables. */
function pointIn(text: string): [number, number] | null {
  const m = /\bat\s*\(\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)/i.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

const DRAW = /\bplot|\bgraph\b|\bsketch|\bcurve\b|\bvisuali[sz]e|\bdraw\b|\bpicture\b/i;

/** The lab in calc-ml's own words: what to type to run it outside the lesson. */
export function labCommand(lab: LabChoice): string {
  const q = (e: string) => `"${e}"`;
  if (lab.kind === 'grad') return `calc-ml grad ${q(lab.expr)} --at ${lab.at}`;
  if (lab.kind === 'grad2') {
    const vars = lab.vars[0] === 'x' && lab.vars[1] === 'y' ? '' : ` --vars ${lab.vars.join(',')}`;
    return `calc-ml grad ${q(lab.expr)}${vars} --at ${lab.at.join(',')}`;
  }
  // The lab's own settings (steps, tolerance) go into the line: it reproduces what the lab showed.
  if (lab.kind === 'descend') return descendCommand(labDescent(lab.expr, lab.start, lab.rates));
  return `calc-ml plot ${q(lab.expr)} --from ${lab.from} --to ${lab.to}${lab.tangent !== undefined ? ` --tangent ${lab.tangent}` : ''}`;
}

/** The lab for a whole lesson, for `:lab` where the step has none of its own: from the title. */
export function lessonLab(title: string, lessonFunction: string | null): LabChoice {
  const lab = chooseLab(title, title, lessonFunction);
  return lab && lab.kind !== 'grad2' ? lab : { kind: 'plot', expr: lessonFunction ?? 'x^2', from: -5, to: 5 };
}
