import { compileDerived2, compileExpression2, partials } from '../../src/math/engine.js';
import { criticalPoints } from '../../src/landscape/field.js';
import { gradientAt } from '../../src/landscape/gradient.js';
import { LANDSCAPES, findLandscape } from '../../src/landscape/landscapes.js';
import { bandOf, chooseLevels } from '../../src/landscape/levels.js';
import { renderMap } from '../../src/landscape/map-render.js';
import { descend2 } from '../../src/landscape/descent2d.js';
import { twoVariableTarget } from '../../src/landscape/dispatch.js';
import { parseBox, parsePoint } from '../../src/landscape/options2d.js';

// The numbers behind the 2-D maps, checked against closed forms and independent loops.

describe('partial derivatives, symbolic, against closed forms', () => {
  const cases: [string, [number, number], [number, number]][] = [
    ['x^2 + 3*y^2', [1, 2], [2, 12]],
    ['x*y', [3, -2], [-2, 3]],
    ['sin(x) * cos(y)', [0.5, 1], [Math.cos(0.5) * Math.cos(1), -Math.sin(0.5) * Math.sin(1)]],
    ['exp(x + 2*y)', [0.1, 0.2], [Math.exp(0.5), 2 * Math.exp(0.5)]],
    ['(1 - x)^2 + 100*(y - x^2)^2', [-1.2, 1], [-2 * 2.2 - 400 * -1.2 * (1 - 1.44), 200 * (1 - 1.44)]],
    ['log(x^2 + y^2)', [1, 1], [1, 1]],
    ['x^2 - y^2', [2, 3], [4, -6]],
    ['sqrt(x) + y^3', [4, 2], [0.25, 12]],
  ];
  test.each(cases)('∇(%s) at %j = %j, and central differences agree', async (text, at, want) => {
    const e = compileExpression2(text);
    const d = await partials(e);
    const g = gradientAt(e, d, at, 1e-5);
    expect(g.analytic[0]).toBeCloseTo(want[0], 9);
    expect(g.analytic[1]).toBeCloseTo(want[1], 9);
    expect(g.error[0]).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[0])));
    expect(g.error[1]).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[1])));
    expect(g.norm).toBeCloseTo(Math.hypot(...want), 9);
    if (g.direction) expect(Math.hypot(...g.direction)).toBeCloseTo(1, 12);
  });

  test('renamed variables (--vars w,b) are differentiated each in turn', async () => {
    const e = compileExpression2('w^2 * b', ['w', 'b']);
    const [dw, db] = await partials(e);
    expect(dw.evaluate(3, 2)).toBe(12);
    expect(db.evaluate(3, 2)).toBe(9);
  });

  test.each(LANDSCAPES.map((l) => [l.name, l]))('%s: its written-down partials equal mathjs\'s derivative', async (_, l) => {
    const e = compileExpression2(l.expr);
    const symbolic = await partials(e);
    const written = l.partials.map((t) => compileDerived2(t, ['x', 'y']));
    for (const [x, y] of [[0.3, -0.7], [1.5, 2], [-1.2, 1], [0, 0]]) {
      for (const k of [0, 1]) expect(written[k].evaluate(x, y)).toBeCloseTo(symbolic[k].evaluate(x, y), 9);
    }
  });
});

describe('critical points', () => {
  const cases: [string, { x0: number; x1: number; y0: number; y1: number }, { kind: string; x: number; y: number }[]][] = [
    ['x^2 + 3*y^2', { x0: -5, x1: 5, y0: -5, y1: 5 }, [{ kind: 'minimum', x: 0, y: 0 }]],
    ['(x - 1)^2 + (y + 2)^2', { x0: -5, x1: 5, y0: -5, y1: 5 }, [{ kind: 'minimum', x: 1, y: -2 }]],
    ['x^2 - y^2', { x0: -2, x1: 2, y0: -2, y1: 2 }, [{ kind: 'saddle', x: 0, y: 0 }]],
    ['-(x^2 + y^2)', { x0: -2, x1: 2, y0: -2, y1: 2 }, [{ kind: 'maximum', x: 0, y: 0 }]],
    ['(1 - x)^2 + 100*(y - x^2)^2', { x0: -2, x1: 2, y0: -1, y1: 3 }, [{ kind: 'minimum', x: 1, y: 1 }]],
    ['abs(x) + abs(y - 1)', { x0: -3, x1: 3, y0: -3, y1: 3 }, [{ kind: 'minimum', x: 0, y: 1 }]],
  ];
  test.each(cases)('%s', (text, box, want) => {
    const e = compileExpression2(text);
    const got = criticalPoints((x, y) => e.evaluate(x, y), box);
    expect(got.map((p) => p.kind)).toEqual(want.map((w) => w.kind));
    got.forEach((p, i) => {
      expect(p.x).toBeCloseTo(want[i].x, 4);
      expect(p.y).toBeCloseTo(want[i].y, 4);
    });
  });

  test('two valleys: two minima, the lower first, and the saddle between', () => {
    const l = findLandscape('two-valleys')!;
    const e = compileExpression2(l.expr);
    const got = criticalPoints((x, y) => e.evaluate(x, y), l.box);
    expect(got.map((p) => p.kind)).toEqual(['minimum', 'minimum', 'saddle']);
    expect(got[0].x).toBeLessThan(0);
    expect(got[1].x).toBeGreaterThan(0);
    // ∂f/∂x = 4x(x² − 1) + 0.3 = 0 at each of them, and y = 0.
    for (const p of got) {
      expect(Math.abs(4 * p.x * (p.x * p.x - 1) + 0.3)).toBeLessThan(1e-6);
      expect(p.y).toBeCloseTo(0, 6);
    }
  });

  test('a constant has none', () => {
    expect(criticalPoints(() => 5, { x0: -1, x1: 1, y0: -1, y1: 1 })).toEqual([]);
  });
});

describe('level bands', () => {
  test('even levels for a bowl, at most 7 bands, increasing', () => {
    const vals = Array.from({ length: 400 }, (_, i) => (i % 20) ** 2 / 4 + Math.floor(i / 20) ** 2 / 4);
    const l = chooseLevels(vals);
    expect(l.spacing).toBe('even');
    expect(l.values.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < l.values.length; i++) expect(l.values[i]).toBeGreaterThan(l.values[i - 1]);
  });

  test('quantile levels when f spans decades (most of the map would be one band)', () => {
    const vals = Array.from({ length: 1000 }, (_, i) => Math.exp(i / 50));
    expect(chooseLevels(vals).spacing).toBe('quantile');
  });

  test.each([
    ['x^2 + 3*y^2', { x0: -3, x1: 3, y0: -2, y1: 2 }],
    ['sin(x) * cos(y)', { x0: -3, x1: 3, y0: -3, y1: 3 }],
    ['(1 - x)^2 + 100*(y - x^2)^2', { x0: -2, x1: 2, y0: -1, y1: 3 }],
  ])('ASCII map of %s: every cell shows the band of f at its centre', (text, box) => {
    const e = compileExpression2(text);
    const f = (x: number, y: number) => e.evaluate(x, y);
    const map = renderMap({ f, box, vars: ['x', 'y'], width: 60, height: 16, colors: false, ascii: true });
    const shades = [' ', '.', ':', ';', '=', '%', '#'];
    const W = map.columns;
    const H = map.rows;
    // The centres are a grid over the box, one cell apart (tests/landscape/map-grid.test.ts checks
    // that the ticks are centres too): f is taken at those points, not at some other spot in a cell.
    const [cw, ch] = [map.centreOf(1, 0)[0] - map.centreOf(0, 0)[0], map.centreOf(0, 0)[1] - map.centreOf(0, 1)[1]];
    expect(map.centreOf(0, H - 1)[0] - box.x0).toBeLessThan(cw);
    expect(box.x1 - map.centreOf(W - 1, 0)[0]).toBeLessThan(cw);
    expect(box.y1 - map.centreOf(0, 0)[1]).toBeLessThan(ch);
    expect(map.centreOf(0, H - 1)[1] - box.y0).toBeLessThan(ch);
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < W; c++) {
        const [x, y] = map.centreOf(c, r);
        expect(x).toBeCloseTo(map.centreOf(0, 0)[0] + c * cw, 9);
        expect(y).toBeCloseTo(map.centreOf(0, 0)[1] - r * ch, 9);
        expect(map.cells[r][c].ch).toBe(shades[bandOf(f(x, y), map.levels.values)]);
      }
    }
    // And the text shows those cells: the row under the top label holds the cells of row 0.
    const lines = map.text.split('\n');
    const first = lines.findIndex((l) => /[|+]/.test(l.slice(0, 8)) && l.length > 20);
    expect(lines[first].slice(lines[first].search(/[|+]/) + 1).trimEnd()).toBe(map.cells[0].map((c) => c.ch).join('').trimEnd());
  });

  test('Unicode map: a cell without an edge shows the shade of its band, denser = higher', () => {
    const e = compileExpression2('x^2 + y^2');
    const f = (x: number, y: number) => e.evaluate(x, y);
    const box = { x0: -3, x1: 3, y0: -3, y1: 3 };
    const map = renderMap({ f, box, vars: ['x', 'y'], width: 60, height: 20, colors: false, ascii: false });
    const shades = [' ', '·', ':', '░', '▒', '▓', '█'];
    let checked = 0;
    map.cells.forEach((row, r) => row.forEach((cell, c) => {
      if (!shades.includes(cell.ch)) {
        expect(cell.ch.codePointAt(0)! >= 0x2800 && cell.ch.codePointAt(0)! <= 0x28ff).toBe(true); // a braille edge
        return;
      }
      const [x, y] = map.centreOf(c, r);
      expect(map.cellOf(x, y)).toEqual([c, r]);
      expect(cell.ch).toBe(shades[bandOf(f(x, y), map.levels.values)]);
      checked++;
    }));
    expect(checked).toBeGreaterThan(map.columns * map.rows * 0.5);
  });
});

describe('the gradient arrow on the map', () => {
  // The arrow's cells, walked from the point: the head is the last.
  const arrowCells = (map: ReturnType<typeof renderMap>) => map.cells.flatMap((row, r) => row.flatMap((c, col) => (c.over === 'arrow' ? [{ r, col, ch: c.ch }] : [])));
  test.each([
    [[2, 0], '→'], [[0, 2], '↑'], [[-2, 0], '←'], [[0, -2], '↓'],
  ] as [[number, number], string][])('on a round bowl at %j the uphill arrow points away from the minimum (%s)', (at, head) => {
    const f = (x: number, y: number) => x * x + y * y;
    const map = renderMap({ f, box: { x0: -4, x1: 4, y0: -4, y1: 4 }, vars: ['x', 'y'], width: 70, height: 17, colors: false, ascii: false, arrows: [{ x: at[0], y: at[1], dx: 2 * at[0], dy: 2 * at[1], kind: 'ascent' }] });
    const cells = arrowCells(map);
    expect(cells.map((c) => c.ch)).toContain(head);
    const [c0, r0] = map.cellOf(at[0], at[1]);
    for (const c of cells) {
      // Every arrow cell is on the far side of the point from the minimum.
      expect(Math.sign(c.col - c0) * Math.sign(at[0]) >= 0 && Math.sign(r0 - c.r) * Math.sign(at[1]) >= 0).toBe(true);
    }
  });
});

describe('gradient descent on f(x, y)', () => {
  /** The same method, written out again: x ← x + v, v ← β·v − lr·∇f. */
  function loop(grad: (x: number, y: number) => [number, number], start: [number, number], lr: number, beta: number, n: number) {
    const out: [number, number][] = [start];
    let [x, y] = start;
    let [vx, vy] = [0, 0];
    for (let k = 0; k < n; k++) {
      const [gx, gy] = grad(x, y);
      vx = beta * vx - lr * gx;
      vy = beta * vy - lr * gy;
      x += vx;
      y += vy;
      out.push([x, y]);
    }
    return out;
  }
  const ravine = { f: (x: number, y: number) => x * x + 10 * y * y, g: (x: number, y: number): [number, number] => [2 * x, 20 * y] };

  test.each([
    [0.02, 0], [0.09, 0], [0.11, 0], [0.02, 0.8], [0.05, 0.5],
  ])('ravine, lr %p, momentum %p: the path is the independent loop\'s', (lr, beta) => {
    const run = descend2('x^2 + 10 y^2', ['x', 'y'], ravine.f, ravine.g, { start: [3, 2], lr, momentum: beta, steps: 40, tol: 0 });
    const want = loop(ravine.g, [3, 2], lr, beta, 40);
    expect(run.steps).toHaveLength(41);
    run.steps.forEach((s, k) => {
      expect(s.k).toBe(k);
      expect(s.x[0]).toBeCloseTo(want[k][0], 10);
      expect(s.x[1]).toBeCloseTo(want[k][1], 10);
      expect(s.f).toBeCloseTo(ravine.f(...want[k]), 8);
      expect(s.grad).toEqual(ravine.g(...s.x));
    });
  });

  test.each([
    [0.02, 100, 0, 'slow', /slow along the valley floor/],
    [0.09, 100, 0, 'zigzags', /zigzag/],
    [0.11, 100, 0, 'diverges', /diverges along the steep axis y.*2\/20 = 0\.1/],
    [0.04, 400, 0, 'converges', /converges to \(0, 0\)/],
    [0.02, 300, 0.8, 'converges', /converges|zigzag/],
  ] as const)('ravine, lr %p for %p steps (momentum %p): %s', (lr, steps, beta, kind, words) => {
    const run = descend2('x^2 + 10 y^2', ['x', 'y'], ravine.f, ravine.g, { start: [3, 2], lr, momentum: beta, steps, tol: 1e-6 });
    expect(run.kind === kind || (kind === 'converges' && run.kind === 'zigzags' && run.converged)).toBe(true);
    expect(run.verdict).toMatch(words);
    expect(run.diverged).toBe(kind === 'diverges');
  });

  test('momentum crosses the ravine sooner than plain descent at the same rate', () => {
    const plain = descend2('', ['x', 'y'], ravine.f, ravine.g, { start: [3, 2], lr: 0.02, momentum: 0, steps: 10000, tol: 1e-6 });
    const heavy = descend2('', ['x', 'y'], ravine.f, ravine.g, { start: [3, 2], lr: 0.02, momentum: 0.8, steps: 10000, tol: 1e-6 });
    expect(plain.converged && heavy.converged).toBe(true);
    expect(heavy.steps.length).toBeLessThan(plain.steps.length / 2);
  });

  test('on the saddle, started on the x axis: stalls there, and it is not called a minimum', () => {
    const run = descend2('x^2 - y^2', ['x', 'y'], (x, y) => x * x - y * y, (x, y) => [2 * x, -2 * y], { start: [1.5, 0], lr: 0.1, momentum: 0, steps: 200, tol: 1e-6 });
    expect(run.kind).toBe('saddle');
    expect(run.converged).toBe(false);
    expect(run.verdict).toMatch(/stalls on a saddle point at \(0, 0\).*not a minimum/);
  });

  test('two valleys from the right: a local minimum, named as such', () => {
    const l = findLandscape('two-valleys')!;
    const e = compileExpression2(l.expr);
    const d = l.partials.map((t) => compileDerived2(t, ['x', 'y']));
    const f = (x: number, y: number) => e.evaluate(x, y);
    const lowest = criticalPoints(f, l.box)[0];
    const run = descend2(e.text, ['x', 'y'], f, (x, y) => [d[0].evaluate(x, y), d[1].evaluate(x, y)], { start: l.start, lr: l.rates[0], momentum: 0, steps: l.steps, tol: 1e-6, lowest });
    expect(run.kind).toBe('local-minimum');
    expect(run.verdict).toMatch(/local minimum at \(0\.96/);
  });

  test('lr 1 on a round bowl: a 2-cycle, called an oscillation', () => {
    const run = descend2('', ['x', 'y'], (x, y) => x * x + y * y, (x, y) => [2 * x, 2 * y], { start: [1, 1], lr: 1, momentum: 0, steps: 20, tol: 1e-6 });
    expect(run.kind).toBe('oscillates');
    expect(run.oscillating).toBe(true);
  });
});

describe('what counts as two variables, and bad options', () => {
  test.each([
    ['x^2 + 3*y^2', ['x', 'y']],
    ['y^2 + x', ['x', 'y']],
    ['w^2 + b^2', ['w', 'b']],
    ['x² + 3y²', ['x', 'y']],
  ])('%s → %j', (text, vars) => {
    expect(twoVariableTarget(text, {}, false)?.vars).toEqual(vars);
  });
  test.each(['x^2', 'sin(x) + pi', 'exp(-x)', 'y^2'])('%s stays one-variable', (text) => {
    expect(twoVariableTarget(text, {}, false)).toBeNull();
  });
  test('a name: the landscape', () => {
    expect(twoVariableTarget('ravine', {}, false)).toMatchObject({ kind: 'landscape', text: 'x^2 + 10 y^2' });
  });
  test.each([
    [() => twoVariableTarget('x + y + z', {}, false), /3 variables/],
    [() => parsePoint('start', '3', ['x', 'y']), /--start needs two numbers/],
    [() => parsePoint('at', '1,2,3', ['x', 'y']), /--at needs two numbers/],
    [() => parseBox({ box: '1,0,0,1' }, new Set(['box']), { x0: 0, x1: 1, y0: 0, y1: 1 }), /x0 must be less than x1/],
    [() => parseBox({ box: '0,1,2,1' }, new Set(['box']), { x0: 0, x1: 1, y0: 0, y1: 1 }), /y0 must be less than y1/],
    [() => parseBox({ ymin: '3', ymax: '1' }, new Set(['ymin', 'ymax']), { x0: 0, x1: 1, y0: 0, y1: 1 }), /--ymin must be less than --ymax/],
  ] as [() => unknown, RegExp][])('refused: %#', (f, message) => {
    expect(f).toThrow(message);
  });
});

describe('a plateau', () => {
  test('started far out on a nearly flat skirt, descent stalls and says so', () => {
    const f = (x: number, y: number) => 1 - Math.exp(-(x * x + y * y));
    const g = (x: number, y: number): [number, number] => [2 * x * Math.exp(-(x * x + y * y)), 2 * y * Math.exp(-(x * x + y * y))];
    const run = descend2('', ['x', 'y'], f, g, { start: [4, 4], lr: 0.1, momentum: 0, steps: 100, tol: 1e-6 });
    expect(run.kind).toBe('plateau');
    expect(run.converged).toBe(false);
    expect(run.verdict).toMatch(/stalls on a plateau/);
  });
});

describe('what a map says where there is nothing to mark', () => {
  test('a constant has no single minimum', async () => {
    const { landscapeView } = await import('../../src/landscape/map-view.js');
    const v = landscapeView(() => 5, { x0: -1, x1: 1, y0: -1, y1: 1 }, ['x', 'y']);
    expect(v.marks).toEqual([]);
    expect(v.summary).toEqual(['f is level: 5 everywhere in the box, so there is no single minimum.']);
  });
  test('a plane: the lowest point is on the edge, and said to be', async () => {
    const { landscapeView } = await import('../../src/landscape/map-view.js');
    const v = landscapeView((x, y) => x + 2 * y, { x0: -1, x1: 1, y0: -1, y1: 1 }, ['x', 'y']);
    expect(v.summary.join(' ')).toMatch(/No minimum inside the box: the lowest point is f = -3 at \(x, y\) = \(-1, -1\), on its edge/);
  });
});
