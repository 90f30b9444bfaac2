import { runCli } from '../helpers/cli.js';

// The 2-D commands, run as a learner's shell would (npm test builds first).
const cli = (...args: string[]) => runCli(args, { env: { FORCE_COLOR: '' } });

describe('plot of a function of two variables', () => {
  test.each([40, 80])('plot "x^2 + 3*y^2" at %i columns: a map with axes, a legend of levels and the minimum', (width) => {
    const r = cli('plot', 'x^2 + 3*y^2', '--width', String(width));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(width);
    expect(r.stdout).toContain('●');
    expect(r.stdout).toMatch(/Minimum: f = 0 at \(x, y\) = \(0, 0\)/);
    expect(r.stdout).toMatch(/denser = higher/);
    // ticks on both axes: a ┤ on the y axis, a ┬ on the x axis
    expect(lines.filter((l) => /^\s*-?\d+(\.\d+)? ┤/.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => /└.*┬.*┬/.test(l))).toBe(true);
  });

  test('--ascii keeps the map in plain ASCII', () => {
    const r = cli('plot', 'ravine', '--ascii', '--width', '60');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^[\x20-\x7e\n]*$/);
    expect(r.stdout).toContain('@');
  });

  test('--json: box, grid, levels and minima', () => {
    const r = cli('plot', 'x^2 + 3*y^2', '--box', '-2,2,-1,1', '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.box).toEqual([-2, 2, -1, 1]);
    expect(doc.vars).toEqual(['x', 'y']);
    expect(doc.grid).toHaveLength(doc.ys.length);
    expect(doc.grid[0][0]).toBeCloseTo(4 + 3, 9); // f(-2, -1)
    expect(doc.levels.length).toBeGreaterThan(1);
    expect(doc.minima).toHaveLength(1);
    expect(doc.minima[0].x).toBeCloseTo(0, 6);
    expect(doc.minima[0].y).toBeCloseTo(0, 6);
  });

  test.each(['5', '8'])('--vars w,b --box -2,2,-1,1 --height %s: both axes named and labelled (two ticks at least on y), the minimum in those names', (height) => {
    const r = cli('plot', 'w^2 + 3*b^2', '--vars', 'w,b', '--box', '-2,2,-1,1', '--height', height, '--width', '40');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    const rows = lines.filter((l) => /^ *-?\d*(\.\d+)? [┤│]/.test(l));
    expect(rows).toHaveLength(Number(height));
    // y labels: -1, 0 and 1 (was 0 alone at --height 8).
    expect(rows.filter((l) => l.includes('┤')).map((l) => l.split('┤')[0].trim())).toEqual(['1', '0', '-1']);
    expect(lines[1].trim()).toBe('b');
    expect(lines.some((l) => /^ +w$/.test(l))).toBe(true);
    expect(r.stdout).toContain('Minimum: f = 0 at (w, b) = (0, 0).');
  });

  test('a saddle is named as such, not as a minimum', () => {
    const r = cli('plot', 'saddle', '--width', '60');
    expect(r.stdout).toContain('✕');
    expect(r.stdout).toMatch(/Saddle point: f = 0 at \(x, y\) = \(0, 0\)/);
    expect(r.stdout).toMatch(/No minimum inside the box/);
  });

  test('one-variable plot is unchanged', () => {
    const r = cli('plot', 'x^2', '--width', '40');
    expect(r.stdout).toContain('min 0 at x = 0; y from 0 to 25');
  });
});

describe('grad of a function of two variables', () => {
  test('--json gives the vector: analytic, numeric, norm, direction', () => {
    const r = cli('grad', 'x^2 + 3*y^2', '--at', '1,2', '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.vars).toEqual(['x', 'y']);
    expect(doc.at).toEqual([1, 2]);
    expect(doc.analytic).toEqual([2, 12]);
    expect(doc.numeric[0]).toBeCloseTo(2, 6);
    expect(doc.numeric[1]).toBeCloseTo(12, 6);
    expect(doc.norm).toBeCloseTo(Math.hypot(2, 12), 12);
    expect(doc.direction[0]).toBeCloseTo(2 / Math.hypot(2, 12), 12);
  });

  test('the map shows the point, the uphill arrow and the descent arrow', () => {
    const r = cli('grad', 'x^2 + 3*y^2', '--at', '1,2', '--width', '80');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('◉');
    expect(r.stdout).toContain('↑');
    expect(r.stdout).toContain('⇓');
    expect(r.stdout).toMatch(/∇f\(1, 2\) = \(2, 12\)/);
  });

  test('one-variable grad --json is unchanged', () => {
    const doc = JSON.parse(cli('grad', 'x^2', '--at', '3', '--json').stdout);
    expect(doc.derivative).toBe('2 * x');
    expect(doc.analytic).toBe(6);
    expect(doc.vars).toBeUndefined();
  });
});

describe('bad input: one line, exit 2', () => {
  test.each([
    [['plot', 'x + y + z'], /has 3 variables \(x, y, z\)/],
    [['grad', 'x^2 + 3*y^2', '--at', '1'], /--at needs two numbers for f\(x, y\)/],
    [['plot', 'x^2 + y^2', '--box', '3,1,0,1'], /x0 must be less than x1/],
    [['plot', 'x^2 + y^2', '--vars', 'a'], /--vars takes two names/],
  ])('%j', (args, message) => {
    const r = cli(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message as RegExp);
  });
});

describe('descend on f(x, y)', () => {
  test('--json keeps { runs }, with [x, y] pairs for x and grad, and converged, diverged, verdict per run', () => {
    const r = cli('descend', 'x^2 + 10*y^2', '--start', '3,2', '--lr', '0.02,0.09,0.11', '--json');
    expect(r.status).toBe(0);
    const { runs } = JSON.parse(r.stdout);
    expect(runs.map((x: { lr: number }) => x.lr)).toEqual([0.02, 0.09, 0.11]);
    for (const run of runs) {
      expect(run.start).toEqual([3, 2]);
      expect(run.steps[0]).toEqual({ k: 0, x: [3, 2], f: 49, grad: [6, 40] });
      expect(run.steps[1].x[0]).toBeCloseTo(3 - run.lr * 6, 12);
      expect(run.steps[1].x[1]).toBeCloseTo(2 - run.lr * 40, 12);
      expect(typeof run.converged).toBe('boolean');
      expect(typeof run.diverged).toBe('boolean');
      expect(typeof run.verdict).toBe('string');
    }
    expect(runs[2].diverged).toBe(true);
    expect(runs[2].verdict).toMatch(/diverges along the steep axis y/);
  });

  test('a named landscape brings its start and rates; options typed win', () => {
    const named = JSON.parse(cli('descend', 'ravine', '--json').stdout);
    expect(named.runs.map((x: { lr: number }) => x.lr)).toEqual([0.02, 0.09, 0.11]);
    expect(named.runs[0].start).toEqual([3, 2]);
    const mine = JSON.parse(cli('descend', 'ravine', '--lr', '0.05', '--start', '1,1', '--momentum', '0.5', '--json').stdout);
    expect(mine.runs).toHaveLength(1);
    expect(mine.runs[0]).toMatchObject({ lr: 0.05, momentum: 0.5, start: [1, 1] });
  });

  test('the map shows each run, the start and the minimum; the loss chart and tables follow', () => {
    const r = cli('descend', 'ravine', '--width', '80');
    expect(r.status).toBe(0);
    for (const mark of ['◎', '○', '◆', '◇', '●']) expect(r.stdout).toContain(mark);
    expect(r.stdout).toMatch(/loss f\(x, y\)_k per step \(log scale\)/);
    expect(r.stdout).toMatch(/step +x +y +f +\|∇f\|/);
  });

  test('ravine at lr 0.02: y shrinks step by step and never crosses the floor, so the verdict does not say it crossed', () => {
    const run = JSON.parse(cli('descend', 'ravine', '--json').stdout).runs[0];
    expect(run.steps.every((s: { x: [number, number] }) => s.x[1] >= 0)).toBe(true);
    expect(run.verdict).not.toMatch(/crossed/);
    expect(run.verdict).toMatch(/is slow along the valley floor: across the valley it has settled/);
  });

  test.each([
    ['rosenbrock', /Curvature near the minimum \(1, 1\): the Hessian \[\[802, -400\], \[-400, 200\]\] has eigenvalues 1002 and 0\.3994, so the ground is steepest .* f curves 2508× more sharply/],
    ['ravine', /Curvature near the minimum \(0, 0\): the Hessian \[\[2, 0\], \[0, 20\]\] has eigenvalues 20 and 2, so the ground is steepest along y and flattest along x/],
    ['saddle', /Curvature at the saddle point \(0, 0\): the Hessian \[\[2, 0\], \[0, -2\]\] has eigenvalues 2 and -2, of opposite signs: a saddle/],
  ])('descend %s ends with the curvature from the Hessian, and where it was measured', (name, want) => {
    const r = cli('descend', name, '--width', '100');
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\n {2}/g, ' ')).toMatch(want);
  });

  test('one-variable descend --json is unchanged in shape', () => {
    const { runs } = JSON.parse(cli('descend', 'x^2', '--lr', '0.1', '--json').stdout);
    expect(runs[0].start).toBe(3);
    expect(runs[0].steps[0]).toMatchObject({ k: 0, x: 3, f: 9, grad: 6 });
  });
});

describe('more bad input: one line, exit 2', () => {
  test.each([
    [['descend', 'x^2 + 10*y^2', '--start', '3'], /--start needs two numbers for f\(x, y\)/],
    [['descend', 'ravin'], /there is no landscape named "ravin": did you mean ravine\?/],
    [['plot', 'two-valley'], /did you mean two-valleys\?/],
    [['descend', 'ravine', '--momentum', '1'], /--momentum must be below 1/],
    [['descend', 'x^2', '--momentum', '0.5'], /--momentum is for functions of two variables/],
    [['grad', 'x^2 + y^2', '--at', '1,2', '--box', '0,1,1,0'], /y0 must be less than y1/],
    [['plot', 'x^2 + y^2', 'x'], /a contour map shows one function/],
  ])('%j', (args, message) => {
    const r = cli(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message as RegExp);
  });
});
