import { runCli } from '../helpers/cli.js';

// Issue 12, 1-D: charts and verdicts that tell the truth, as a learner runs them (the built CLI).

const lines = (out: string) => out.split('\n');
/** The y labels of the first chart in `out`, top to bottom. */
function yLabels(out: string): string[] {
  const ls = lines(out);
  const axis = ls.findIndex((l) => /[└+]-/.test(l) || l.includes('└'));
  return ls.slice(0, axis).map((l) => /^\s*(-?[\d.e+-]+) [┤+]/.exec(l)?.[1]).filter((v): v is string => v !== undefined);
}

describe('what the tutor prints can be typed back', () => {
  test.each([
    ['x²', 'f(x) = x^2', 'min 0 at x = 0'],
    ['x²+3x−1', 'f(x) = x^2 + 3 x - 1', 'min -3.25 at x = -1.5'],
    ['2·x − 1', 'f(x) = 2 * x - 1', 'lowest -11 at x = -5'],
    ['√x', 'f(x) = sqrt(x)', 'lowest 0 at x = 0'],
    ['sin(π·x)', 'f(x) = sin(pi * x)', 'min -1'],
  ])('plot %s', (expr, title, summary) => {
    const r = runCli(['plot', expr, '--width', '60']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lines(r.stdout)[0]).toBe(title);
    expect(r.stdout).toContain(summary);
  });

  test('descend and grad read it too', () => {
    expect(runCli(['descend', '(x − 1)²', '--lr', '0.5']).stdout).toContain('converges to x = 1.000');
    expect(runCli(['grad', 'x³', '--at', '2', '--json']).stdout).toContain('"analytic":12');
  });

  test("an error's caret points at the learner's own character", () => {
    const r = runCli(['plot', '√x ^^ 2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('calc-ml: cannot read "√x ^^ 2": unexpected operator at column 5\n  √x ^^ 2\n      ^\n');
  });
});

describe('--ymin and --ymax on every chart', () => {
  test('plot: the y axis runs from --ymin to --ymax', () => {
    const labels = yLabels(runCli(['plot', 'x^2', '--ymin', '-5', '--ymax', '10', '--width', '60']).stdout);
    expect([labels[0], labels[labels.length - 1]]).toEqual(['10', '-5']);
  });

  test('descend: both charts (the landscape and the loss) take the range', () => {
    const out = runCli(['descend', 'x^2', '--ymax', '4', '--width', '60']).stdout;
    const charts = out.split('\n\n').filter((c) => c.includes('┤'));
    expect(charts.length).toBe(2);
    for (const c of charts) expect(Number(yLabels(c)[0])).toBe(4);
  });

  test('grad: in the units of its axis (log10 |error|)', () => {
    const labels = yLabels(runCli(['grad', 'sin(x)', '--at', '1', '--ymin', '-12', '--ymax', '0', '--width', '60']).stdout.split('Error against h')[1]);
    expect([labels[0], labels[labels.length - 1]]).toEqual(['0', '-12']);
  });

  test('--ymin above --ymax is one line, exit 2', () => {
    const r = runCli(['plot', 'x^2', '--ymin', '5', '--ymax', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('calc-ml: --ymin must be less than --ymax (got --ymin 5 --ymax 1)\n');
  });
});

describe('below the narrowest chart, one clear line instead of wrapped rows', () => {
  test.each([
    ['plot', 'x^2'],
    ['descend', 'x^2'],
    ['grad', 'x^2', '--at', '3'],
  ])('%s at 24 columns: nothing wider than the terminal', (...args) => {
    const r = runCli(args, { env: { COLUMNS: '24' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(chart needs 30 cols)');
    for (const l of lines(r.stdout)) expect([...l].length).toBeLessThanOrEqual(24);
  });

  test.each([
    [['plot', 'x^2 + 3*y^2'], /Minimum: f = 0 at \(x, y\) = \(0, 0\)/],
    [['grad', 'x^2 + 3*y^2', '--at', '1,2'], /The gradient points uphill/],
    [['descend', 'ravine'], /lr 0\.09: 81 steps, ends at \(0, 0\)/],
  ])('%j at 24 columns: the map is one line, its words stay, nothing wider than the terminal', (args, said) => {
    const r = runCli(args, { env: { COLUMNS: '24' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(map needs 30 cols)');
    expect(r.stdout.replace(/\n {2}/g, ' ')).toMatch(said);
    for (const l of lines(r.stdout)) expect([...l].length).toBeLessThanOrEqual(24);
  });
});

describe('descend: verdicts from what the run did, and JSON fields that are true', () => {
  const runOf = (args: string[]) => JSON.parse(runCli(['descend', ...args, '--json']).stdout).runs[0];
  test.each([
    [['sin(x)', '--start', '3', '--lr', '10'], { behaviour: 'chaotic', converged: false, diverged: false, oscillating: false }, /jumps between valleys/],
    [['x^4-4x^2+x', '--start', '0.5', '--lr', '0.2'], { behaviour: 'bouncing', converged: false, diverged: false, oscillating: true }, /bounces around the minimum near x ≈ 1\.35/],
    [['abs(x)', '--lr', '1'], { behaviour: 'corner', converged: true, diverged: false, oscillating: false }, /reaches x = 0\.000 in 3 steps, the minimum/],
    [['x^2', '--lr', '1'], { behaviour: 'cycle', converged: false, diverged: false, oscillating: true }, /oscillates between -3 and 3/],
    [['x^2', '--lr', '-0.1', '--steps', '500'], { behaviour: 'no-bottom', converged: false, diverged: true }, /gradient ascent.*no maximum/],
  ])('%j', (args, flags, verdict) => {
    const r = runOf(args);
    expect(r).toMatchObject(flags);
    expect(r.verdict).toMatch(verdict);
  });

  test('--lr 0 is refused in one line; a negative rate is not', () => {
    const r = runCli(['descend', 'x^2', '--lr', '0.1,0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('calc-ml: --lr must not be 0 (a rate of 0 never moves); a negative rate climbs (gradient ascent)\n');
    expect(runCli(['descend', '-x^2', '--lr', '-0.1']).status).toBe(0);
  });
});

describe('every case of issue 12 at 80 and 40 columns, with colour, without, and in ASCII', () => {
  const cases = [
    ['descend', 'x^2', '--lr', '0.1,1.1'],
    ['descend', 'x^2', '--lr', '1,1.1'],
    ['descend', 'sin(x)', '--start', '3', '--lr', '10'],
    ['descend', 'x^4-4x^2+x', '--start', '0.5', '--lr', '0.2'],
    ['descend', 'abs(x)', '--lr', '1'],
    ['descend', 'x^3', '--start', '-3', '--lr', '0.1,0.01'],
    ['descend', '-x^2', '--lr', '-0.1'],
    ['plot', 'sin(x)'],
    ['plot', '5'],
    ['plot', 'sin(100x)'],
    ['plot', 'x^2', '--tangent', '4'],
    ['plot', 'x²+3x−1', '--ymin', '-5', '--ymax', '10'],
    ['grad', 'sin(x)', '--at', '1', '--ymax', '0'],
    ['plot', 'tan(x)'],
    ['plot', 'x^3', '--from', '-10', '--to', '10', '--ymin', '-10', '--ymax', '10'],
    // 2-D: the map, the arrow, the paths, momentum and the named landscapes.
    ['plot', 'x^2 + 3*y^2'],
    ['grad', 'x^2 + 3*y^2', '--at', '1,2'],
    ['descend', 'x^2 + 10*y^2', '--start', '3,2', '--lr', '0.02,0.09,0.11'],
    ['descend', 'ravine', '--lr', '0.02', '--momentum', '0.8'],
    ['descend', 'rosenbrock'],
    ['plot', 'saddle'],
    ['plot', 'two-valleys'],
  ];
  const configs: [string, Record<string, string>, string[]][] = [
    ['NO_COLOR', { NO_COLOR: '1' }, []],
    ['colour', { NO_COLOR: '', FORCE_COLOR: '1' }, []],
    ['--ascii', { NO_COLOR: '1' }, ['--ascii']],
  ];
  test.each(cases.flatMap((c) => [80, 40].flatMap((w) => configs.map(([name, env, flags]) => [c.join(' '), w, name, c, env, flags] as const))))(
    '%s at %p columns, %s',
    (_label, width, name, args, env, flags) => {
      const r = runCli([...args, ...flags], { env: { COLUMNS: String(width), ...env } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      // eslint-disable-next-line no-control-regex
      const plain = r.stdout.replace(/\x1b\[[0-9;]*m/g, '');
      for (const l of lines(plain)) expect([...l].length).toBeLessThanOrEqual(width);
      expect(/\x1b\[/.test(r.stdout)).toBe(name === 'colour');
      if (name === '--ascii') expect(plain).toMatch(/^[\x00-\x7f]*$/);
      // A character with no ASCII stand-in becomes ?: none of these should (momentum β did).
      if (name === '--ascii') expect(plain).not.toContain('?');
      expect(plain).not.toMatch(/NaN|Infinity|undefined is|\[object/);
    },
  );
});

describe('a loss that falls without bound is drawn on a log axis below 0', () => {
  test('x^3 from -3: both runs fall through decades, and show it', () => {
    const out = runCli(['descend', 'x^3', '--start', '-3', '--lr', '0.1,0.01', '--width', '60']).stdout;
    expect(out).toContain('per step (log scale, below 0)');
    const loss = out.slice(out.indexOf('per step (log scale'));
    expect(loss).toMatch(/^ *-100 [┤│]/m);
    expect(loss).toMatch(/^ *-1e20 [┤│]/m);
    expect(loss).not.toMatch(/under lr/);
  });
});
