import type { Box } from './field.js';

/**
 * Well-known loss landscapes, by name, for labs and quick tries (`calc-ml descend ravine`). Each has
 * a box that shows its shape, a start and rates that show what it teaches. Their partial
 * derivatives are written down here so that `descend ravine` need not load mathjs's derivative
 * (a fifth of a second at start-up); tests check each against mathjs's own derivative.
 */
export interface Landscape {
  name: string;
  /** One line for --help and the map's title. */
  about: string;
  expr: string;
  partials: [string, string];
  /** Its second partials ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y² (the Hessian's entries), written down for the same reason. */
  hessian: [string, string, string];
  box: Box;
  start: [number, number];
  rates: number[];
  steps: number;
}

export const LANDSCAPES: readonly Landscape[] = [
  {
    name: 'bowl',
    about: 'a round bowl, one minimum at (0, 0): every way down leads there',
    expr: 'x^2 + y^2',
    partials: ['2 x', '2 y'],
    hessian: ['2', '0', '2'],
    box: { x0: -3, x1: 3, y0: -3, y1: 3 },
    start: [2.5, 1.5],
    rates: [0.1, 0.5, 0.9],
    steps: 100,
  },
  {
    name: 'ravine',
    about: 'a narrow valley, 10 times steeper across (y) than along (x): descent zigzags or diverges across it',
    expr: 'x^2 + 10 y^2',
    partials: ['2 x', '20 y'],
    hessian: ['2', '0', '20'],
    box: { x0: -4, x1: 4, y0: -2.5, y1: 2.5 },
    start: [3, 2],
    rates: [0.02, 0.09, 0.11],
    steps: 100,
  },
  {
    name: 'rosenbrock',
    about: "Rosenbrock's banana: a curved, nearly flat valley to the minimum at (1, 1)",
    expr: '(1 - x)^2 + 100 * (y - x^2)^2',
    partials: ['-2 * (1 - x) - 400 * x * (y - x^2)', '200 * (y - x^2)'],
    hessian: ['2 - 400 * (y - x^2) + 800 * x^2', '-400 * x', '200'],
    box: { x0: -2, x1: 2, y0: -1, y1: 3 },
    start: [-1.2, 1],
    rates: [0.001, 0.0015],
    steps: 3000,
  },
  {
    name: 'saddle',
    about: 'a saddle at (0, 0): up along x, down along y; descent started on the x axis stalls there',
    expr: 'x^2 - y^2',
    partials: ['2 x', '-2 y'],
    hessian: ['2', '0', '-2'],
    box: { x0: -2, x1: 2, y0: -2, y1: 2 },
    start: [1.5, 0],
    rates: [0.1],
    steps: 100,
  },
  {
    name: 'two-valleys',
    about: 'two valleys with a saddle between: the right one is a local minimum, the left one lower',
    expr: '(x^2 - 1)^2 + 0.3 x + y^2',
    partials: ['4 * x * (x^2 - 1) + 0.3', '2 y'],
    hessian: ['12 * x^2 - 4', '0', '2'],
    box: { x0: -2, x1: 2, y0: -1.5, y1: 1.5 },
    start: [1.6, 1],
    rates: [0.05],
    steps: 200,
  },
];

export function findLandscape(name: string): Landscape | undefined {
  return LANDSCAPES.find((l) => l.name === name.trim().toLowerCase());
}

/** For --help: each landscape with what it shows, wrapped at spaces to `width` columns. */
export function landscapeHelp(width = 80, descent = false): string {
  const indent = 15;
  const lines = ['', 'Named landscapes (give one for <expr>):'];
  const list = (xs: readonly number[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : String(xs[0]));
  for (const l of LANDSCAPES) {
    // For descend: what the landscape brings instead of the defaults above, which are a typed expression's.
    const own = descent ? ` (its own: start ${l.start.join(',')}, lr ${list(l.rates)}, ${l.steps} steps, box ${[l.box.x0, l.box.x1, l.box.y0, l.box.y1].join(',')})` : '';
    const words = `${l.expr}: ${l.about}${own}`.split(' ');
    let line = `  ${l.name.padEnd(indent - 3)} `;
    let fresh = true;
    for (const w of words) {
      if (!fresh && line.length + 1 + w.length > width) {
        lines.push(line);
        line = ' '.repeat(indent) + w;
      } else line += (fresh ? '' : ' ') + w;
      fresh = false;
    }
    lines.push(line);
  }
  if (descent) lines.push('', ...wrapPlain('A named landscape brings its own start, box, rates and steps; the defaults above are for an expression you type. An option you give (--start, --lr, --steps, --box) replaces the landscape\'s own.', width));
  return lines.join('\n');
}

/** Words within `width`, broken at spaces. */
function wrapPlain(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return [...out, line];
}
