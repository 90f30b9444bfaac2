import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// These run the built CLI (npm test builds before jest), as a learner's shell would.
const root = fileURLToPath(new URL('../..', import.meta.url));

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/calc-ml.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('grad where f has no value', () => {
  // Like sqrt(x) at 0, where f' has none: refused with one line, not a table of NaN and an empty chart.
  test.each([['log(x)', '-1', '-1'], ['x^2', '1e200', '1e200']])('grad %s --at %s: one line, exit 2', (expr, at, shown) => {
    const r = cli(['grad', expr, '--at', at]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`calc-ml: f(x) = ${expr} is undefined (or beyond ±1.8e308) at x = ${shown}: choose another --at\n`);
  });
});

describe('a landscape name typed with an underscore', () => {
  test.each(['descend', 'plot'])('%s two_valleys suggests two-valleys', (cmd) => {
    const r = cli([cmd, 'two_valleys']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no landscape named "two_valleys": did you mean two-valleys?');
  });
});

describe('calc-ml plot', () => {
  test('exp(x) on 0..1000: its lowest value reads 1, not 0, and where it is beyond ±1.8e308 is said', () => {
    const text = cli(['plot', 'exp(x)', '--from', '0', '--to', '1000', '--width', '80']).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('lowest 1 at x = 0, the edge of the range');
    expect(text).toMatch(/f\(x\) has no value \(undefined, or beyond ±1\.8e308\) for x from 71\d(\.\d+)? to 1000: nothing is drawn there/);
    // And where it is undefined: sqrt(x) left of 0.
    expect(cli(['plot', 'sqrt(x)']).stdout.replace(/\s+/g, ' ')).toContain('f(x) has no value (undefined, or beyond ±1.8e308) for x from -5 to -0.025: nothing is drawn there');
  });

  test('--ymin/--ymax that cut the curve: arrows where it leaves the frame, and the summary says where and how far', () => {
    for (const width of ['80', '40']) {
      const r = cli(['plot', 'x^2', '--ymin', '0', '--ymax', '4', '--width', width]);
      expect(r.code).toBe(0);
      const rows = r.stdout.split('\n').filter((l) => /[┤│]/.test(l));
      expect([...rows[0]].filter((c) => c === '↑')).toHaveLength(2);
      expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/f\(x\) = x\^2 leaves the frame: above it \(↑\) for x from -5 to -2\.\d+, up to 25; above it \(↑\) for x from 2\.\d+ to 5, up to 25\. min 0 at x = 0/);
      for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(Number(width));
    }
    // A range that holds the whole curve cuts nothing, and says nothing of it.
    expect(cli(['plot', 'x^2', '--ymin', '0', '--ymax', '30']).stdout).not.toContain('leaves the frame');
  });

  test.each(['80', '40'])('plot tan(x) at %s columns: the fitted frame cuts the poles, and the chart says where the curve leaves it', (width) => {
    const r = cli(['plot', 'tan(x)', '--width', width]);
    const rows = r.stdout.split('\n').filter((l) => /[┤│]/.test(l));
    expect(rows[0]).toContain('↑');
    expect(rows[rows.length - 1]).toContain('↓');
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/f\(x\) = tan\(x\) leaves the frame: (above it \(↑\)|below it \(↓\)) for x from -4\.75? to -4\.72?5?, (up to at least \d|down to at least -\d)/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(Number(width));
  });

  test.each([
    [['1/(x-1)'], '80'], [['1/(x-1)'], '40'], [['tan(x)'], '80'], [['1/x', '--height', '9'], '60'], [['x^2', '--ymax', '10'], '80'],
  ])('plot %j at %s columns: the y range the text says is the one the axis shows, and what lies beyond it is named', (args, width) => {
    const out = cli(['plot', ...args, '--width', width]).stdout;
    const labels = out.split('\n').filter((l) => /^ *-?[\d.]+ [┤]/.test(l)).map((l) => Number(l.trim().split(' ')[0]));
    const [top, bottom] = [labels[0], labels[labels.length - 1]];
    const text = out.replace(/\n {2}/g, ' ');
    const m = /the chart shows y from (-?[\d.]+) to (-?[\d.]+), and f\(x\) goes beyond it \(its samples reach (-?[\d.]+)( and -[\d.]+)?\)/.exec(text);
    expect(m).not.toBeNull();
    expect([Number(m![1]), Number(m![2])]).toEqual([bottom, top]);
    // What the samples reach lies beyond the axis.
    const reached = [m![3], m![4]?.replace(' and ', '')].filter(Boolean).map(Number);
    for (const v of reached) expect(v > top || v < bottom).toBe(true);
    // No other y range is claimed.
    expect(text).not.toMatch(/; y from /);
  });

  test('plot x^2 draws a labelled parabola and says where the minimum is', () => {
    const r = cli(['plot', 'x^2', '--width', '40']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('f(x) = x^2');
    expect(r.stdout).toContain('●');
    expect(r.stdout).toContain('min 0 at x = 0; y from 0 to 25');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(r.stdout).not.toContain('\x1b[');
  });

  // The summary sentence, its wrapped lines joined again.
  const summary = (out: string) => out.slice(out.search(/^(no minimum|min |lowest )/m)).replace(/\n {2}/g, ' ').trim();

  test.each(['1/x', 'sin(x)', 'sqrt(x)', 'x^3 - 3x'])('the summary of %s says the same at 40 and at 120 columns, wrapped to fit', (expr) => {
    const narrow = cli(['plot', expr, '--width', '40']).stdout;
    // What the chart's own axis shows may differ with its width (1/x: -4 to 4 at 40 columns, -5 to 5
    // at 120); that clause says it, and everything else is the same.
    const facts = (out: string) => summary(out).replace(/; the chart shows y from -?[\d.e+]+ to -?[\d.e+]+,/, '; the chart shows y from … to …,');
    expect(facts(narrow)).toBe(facts(cli(['plot', expr, '--width', '120']).stdout));
    for (const line of narrow.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
  });

  test.each([
    [['x^4 - 4x^2 + x', '--from', '-2.5', '--to', '2.5'], 'min -5.444 at x = -1.473; another valley: -2.619 at x = 1.347; a peak (local maximum): 0.06275 at x = 0.126; y from -5.44 to 16.6'],
    [['x^3 - 3x'], 'lowest -110 at x = -5, the edge of the range; inside it, a local minimum: -2 at x = 1; a peak (local maximum): 2 at x = -1; the chart shows y from -4 to 4, around its valleys and peaks (its values near the ends would squash them into one row), and f(x) goes beyond it (its samples reach 110 and -110); to see all of it: --ymin -110 --ymax 110'],
    // Two equally low minima are both global (issue 12), not 'another valley'.
    [['sin(x)'], 'min -1 at x = -1.571 and x = 4.712 (both global minima: equally low); max 1 at x = -4.712 and x = 1.571 (both global maxima: equally high); y from -1 to 1'],
    [['-x^2'], 'lowest -25 at x = -5, the edge of the range (no minimum inside it); max 0 at x = 0; y from -25 to 0'],
  ])('plot %j names every valley and peak, not only the lowest', (args, line) => {
    const out = cli(['plot', ...args, '--width', '120']).stdout;
    expect(summary(out)).toBe(line);
    expect(out.includes('◇')).toBe(line.includes('valley') || line.includes('local minimum'));
  });

  test.each([
    ['log(x)', /^no minimum: f\(x\) falls without bound near x = 0/],
    ['-1/x^2', /^no minimum: f\(x\) falls without bound near x = 0/],
    ['exp(1/x)', /^lowest 0 at x = -0\.025, beside a gap/],
    ['sqrt(x)', /^lowest 0 at x = 0, beside a gap/],
  ])('%s: a gap that f falls into without end is a pole; one with a floor is not', (expr, line) => {
    expect(summary(cli(['plot', expr, '--width', '100']).stdout)).toMatch(line);
  });

  test('1/x: the pole is named at any width', () => {
    expect(summary(cli(['plot', '1/x', '--width', '40']).stdout)).toMatch(/^no minimum: f\(x\) falls without bound near x = 0/);
  });

  test('colour only when asked for and allowed', () => {
    expect(cli(['plot', 'x^2'], { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toContain('\x1b[');
    expect(cli(['plot', 'x^2', '--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).not.toContain('\x1b[');
  });

  test('--json prints one document: from, to, series of [x, y|null]', () => {
    const r = cli(['plot', 'x^2', 'sqrt(x)', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['from', 'to', 'series']);
    expect(doc.from).toBe(-5);
    expect(doc.series.map((s: { label: string }) => s.label)).toEqual(['f(x) = x^2', 'g(x) = sqrt(x)']);
    expect(doc.series[0].points).toHaveLength(101);
    expect(doc.series[0].points[50]).toEqual([0, 0]);
    expect(doc.series[1].points[0]).toEqual([-5, null]);
  });

  test('--derivative and --tangent', () => {
    const doc = JSON.parse(cli(['plot', 'x^2', '--derivative', '--tangent', '1', '--json']).stdout);
    expect(doc.series.map((s: { label: string }) => s.label)).toEqual(['f(x) = x^2', "f'(x) = 2 * x", 'tangent to f at x = 1: slope 2']);
    const text = cli(['plot', 'x^2', '--tangent', '1']).stdout;
    expect(text).toContain('tangent at x = 1: y = 1 + 2·(x − 1)');
    expect(text).toContain('◆');
  });

  test.each([['1/x'], ['log(x)'], ['sqrt(x)'], ['tan(x)'], ['floor(x)']])('plot %s draws without a crash', (e) => {
    const r = cli(['plot', e, '--width', '40']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('└');
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });
});

describe('--ascii and CALC_ML_ASCII: plain ASCII output for terminals without box drawing', () => {
  test.each([
    [['plot', 'x^2', 'sin(x)', '--tangent', '1', '--ascii']],
    [['descend', 'x^2', '--start', '3', '--lr', '0.1,1,1.1', '--steps', '20', '--ascii']],
    [['grad', 'x^2', '--at', '3', '--ascii']],
    [['--ascii', 'plot', '1/x', '--width', '40']],
  ])('calc-ml %s', (args) => {
    const r = cli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\+-{3,}\+/); // the x axis, in ASCII
    expect(r.stdout).not.toMatch(/[^\x00-\x7f]/);
  });

  test.each([['show'], ['show', '--json'], ['lessons'], ['grade', '1', 'true'], ['progress'], ['check', 'lessons/1.2.26-calculus-for-ml-big-picture.md'], ['--help']])('calc-ml %s --ascii: every character ASCII', (...args) => {
    const r = cli([...args, '--ascii'], { CALC_ML_HOME: mkdtempSync(join(tmpdir(), 'calc-ml-ascii-')) });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(20);
    expect(r.stdout + r.stderr).not.toMatch(/[^\x00-\x7f]/);
  });

  test('CALC_ML_ASCII=1 does the same; CALC_ML_ASCII=0 does not', () => {
    expect(cli(['plot', 'x^2'], { CALC_ML_ASCII: '1' }).stdout).not.toMatch(/[^\x00-\x7f]/);
    expect(cli(['plot', 'x^2'], { CALC_ML_ASCII: '0' }).stdout).toContain('└');
  });

  test('the minimum is still marked and named in ASCII', () => {
    const out = cli(['plot', 'x^2', '--ascii']).stdout;
    expect(out).toMatch(/^ {2}@ {3}minimum$/m);
    expect(out).toContain('min 0 at x = 0; y from 0 to 25');
  });
});

describe('calc-ml descend and grad', () => {
  test('descend names each rate', () => {
    const r = cli(['descend', 'x^2', '--lr', '0.01,0.1,1,1.1', '--width', '60']);
    expect(r.code).toBe(0);
    // Sentences longer than the width wrap at spaces, continuation lines indented by two.
    expect(r.stdout.replace(/\n {2}/g, ' ')).toContain('lr 0.01 is slow: after 50 steps x = 1.09, still far from the minimum (|f′| down from 6 to 2.19)');
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(r.stdout).toContain('lr 1 oscillates between -3 and 3 without converging');
    expect(r.stdout).toContain('lr 1.1 diverges: |x| grows ×1.2 per step');
    expect(r.stdout).toMatch(/step +x +f\(x\) +f'\(x\)/);
    expect(r.stdout).toContain('…');
  });

  test('descend --json (alias gd)', () => {
    const doc = JSON.parse(cli(['gd', 'x^2', '--lr', '0.5', '--json']).stdout);
    expect(doc.runs).toHaveLength(1);
    expect(doc.runs[0]).toMatchObject({ expr: 'x^2', lr: 0.5, start: 3, converged: true, diverged: false });
    expect(doc.runs[0].steps).toEqual([{ k: 0, x: 3, f: 9, grad: 6 }, { k: 1, x: 0, f: 0, grad: 0 }]);
  });

  test("grad x^2 --at 3: the lesson's 6.00001", () => {
    const r = cli(['grad', 'x^2', '--at', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('f(x) = x^2 at x = 3, h = 1e-5');
    expect(r.stdout).toMatch(/forward +6\.00001 +error 1e-5\n/);
    expect(r.stdout).toMatch(/Best h: forward 1e-\d+/);
    const doc = JSON.parse(cli(['grad', 'x^2', '--at', '3', '--json']).stdout);
    expect(doc).toMatchObject({ expr: 'x^2', at: 3, derivative: '2 * x', analytic: 6, numeric: { h: 1e-5 } });
    expect(doc.numeric.forward).not.toBe(6.00001); // full precision in JSON
    expect(Math.abs(doc.numeric.forward - 6.00001)).toBeLessThan(1e-9);
    expect(doc.sweep).toHaveLength(12);
  });
});

describe('bad input: one line (plus caret lines), exit 2, no stack', () => {
  test.each([
    [['plot', 'x^^2'], 'calc-ml: cannot read "x^^2": unexpected operator at column 3\n  x^^2\n    ^\n'],
    [['plot', 'import({}, {override:true})'], 'calc-ml: import is not available in calc-ml expressions\n  import({}, {override:true})\n  ^\n'],
    [['plot', 'y'], 'calc-ml: unknown variable y; the variable is x (use --var y to plot in y)\n  y\n  ^\n'],
    [['plot', ''], 'calc-ml: the expression is empty: type one, like x^2\n'],
    [['plot', 'x^2', '--from', '5', '--to', '1'], 'calc-ml: --from must be less than --to (got --from 5 --to 1)\n'],
    [['descend', 'x^2', '--lr', 'abc'], 'calc-ml: --lr must be a finite number, like 0.5, not "abc"\n'],
    [['descend', 'x^2', '--start', 'Infinity'], 'calc-ml: --start must be a finite number, like 0.5, not "Infinity"\n'],
    [['descend', 'x^2', '--steps', '20000'], 'calc-ml: --steps must be 1–10000, not 20000\n'],
    [['plot', 'x^2', '--width', '10'], 'calc-ml: --width must be 30–300, not 10\n'],
    [['plot', 'x^2', '--height', '1000'], 'calc-ml: --height must be 5–60, not 1000\n'],
    [['grad', 'sqrt(x)', '--at', '-1'], 'calc-ml: f(x) = sqrt(x) is undefined (or beyond ±1.8e308) at x = -1: choose another --at\n'],
    [['grad', 'sqrt(x)', '--at', '0'], "calc-ml: f'(x) = 0.5 / sqrt(x) is undefined (or beyond ±1.8e308) at x = 0: choose another --at\n"],
    [['descend', 'floor(x)'], 'calc-ml: cannot take the derivative of floor(...) symbolically; calc-ml knows the rules for + - * / ^, exp, log, sqrt, cbrt, abs and the trig functions\n'],
  ])('%j', (args, stderr) => {
    const r = cli(args);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  test('grad without --at is a usage error from commander', () => {
    const r = cli(['grad', 'x^2']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("required option '--at <x>' not specified");
  });
});

describe('the bundle', () => {
  const meta = JSON.parse(readFileSync(new URL('../../dist/meta.json', import.meta.url), 'utf8')) as {
    outputs: Record<string, { bytes: number; entryPoint?: string; imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
  };
  // Everything `plot` loads: its chunk and the chunks it imports statically.
  function loadedBy(chunk: string): string[] {
    const seen = new Set<string>();
    const walk = (k: string) => {
      if (seen.has(k) || !meta.outputs[k]) return;
      seen.add(k);
      for (const i of meta.outputs[k].imports) if (i.kind === 'import-statement') walk(i.path);
    };
    walk(chunk);
    return [...seen];
  }
  const plot = Object.keys(meta.outputs).find((k) => /chunks\/plot-\w+\.js$/.test(k))!;

  test('plot does not load mathjs derivative, simplify, or all of mathjs', () => {
    const inputs = loadedBy(plot).flatMap((k) => Object.keys(meta.outputs[k].inputs));
    expect(inputs.some((i) => i.endsWith('src/math/engine.ts'))).toBe(true);
    expect(inputs.filter((i) => /algebra\/(derivative|simplify)|decimal\.js|complex\.js|fraction\.js/.test(i))).toEqual([]);
    const bytes = loadedBy(plot).reduce((n, k) => n + meta.outputs[k].bytes, 0);
    expect(bytes).toBeLessThan(600_000);
  });

  test.each(['quiz', 'start', 'review', 'grade'])('%s loads neither marked nor yaml up front: the bundled lesson comes parsed', (name) => {
    // The command's own chunk (another module of the same name, loaded lazily, gets a chunk named like it).
    const chunk = Object.keys(meta.outputs).find((k) => meta.outputs[k].entryPoint === `src/commands/${name}.ts`)!;
    const inputs = loadedBy(chunk).flatMap((k) => Object.keys(meta.outputs[k].inputs));
    expect(inputs.some((i) => i.endsWith('src/io/lesson-file.ts'))).toBe(true);
    expect(inputs.filter((i) => /node_modules\/(marked|yaml)\//.test(i))).toEqual([]);
  });

  test('quiz reaches its first prompt without mathjs (loaded for the first coding answer) or string-width\'s eager Intl.Segmenter', () => {
    const chunk = Object.keys(meta.outputs).find((k) => /chunks\/quiz-\w+\.js$/.test(k))!;
    const inputs = loadedBy(chunk).flatMap((k) => Object.keys(meta.outputs[k].inputs));
    expect(inputs.filter((i) => /node_modules\/mathjs\/|src\/math\/engine\.ts/.test(i))).toEqual([]);
    expect(inputs.filter((i) => /node_modules\/string-width\//.test(i))).toEqual([]);
    expect(inputs.some((i) => i.endsWith('src/text-width.ts'))).toBe(true);
  });

  test('derivative is its own bundle, and it has mathjs derivative', () => {
    expect(Object.keys(meta.outputs['dist/chunks/derivative.js'].inputs).some((i) => i.endsWith('algebra/derivative.js'))).toBe(true);
  });
});

describe('descend on a steep power (issue 13: x^34 and up crashed in the chart)', () => {
  test.each(['x^34', 'x^40', 'x^100'])('%s: charts and a divergence verdict, exit 0', (expr) => {
    const r = cli(['descend', expr, '--width', '60']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lr 0\.1 diverges/);
  });
});
