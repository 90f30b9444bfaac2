import stripAnsi from 'strip-ansi';
import { renderChart, type ChartSpec } from '../../src/chart/chart.js';
import { asciiText } from '../../src/chart/ascii.js';
import { labelFormatter, niceStep, robustRange, ticks } from '../../src/chart/scale.js';
import { sample } from '../../src/math/sample.js';

const base = { width: 60, height: 12, colors: false };
const curve = (f: (x: number) => number, a = -5, b = 5, n = 101) => sample(f, a, b, n);

/** The plot area: the rows between the y axis and the x axis, without the labels. */
function plotArea(out: string): { rows: string[]; labels: string[]; W: number } {
  const lines = out.split('\n');
  const axis = lines.findIndex((l) => l.includes('└'));
  const plotLines = lines.slice(0, axis).filter((l) => /[┤│]/.test(l));
  const at = lines[axis].indexOf('└');
  const W = lines[axis].length - at - 1;
  return { rows: plotLines.map((l) => l.slice(at + 1).padEnd(W)), labels: plotLines.map((l) => l.slice(0, at - 1).trim()), W };
}
const column = (rows: string[], c: number) => rows.map((r) => r[c] ?? ' ').join('');

describe('scale helpers', () => {
  test.each([[0.7, 1], [1, 1], [1.1, 2], [2.2, 2.5], [3, 5], [7, 10], [0.013, 0.02], [1800, 2000]])('niceStep(%p) = %p', (raw, step) => {
    expect(niceStep(raw)).toBeCloseTo(step, 12);
  });
  test.each([
    [5, 25, [0, 25], ['0', '25']],
    [0.25, 1, [0, 0.75], ['0.00', '0.75']],
    [2.5, 10, [-2.5, 5], ['-2.5', '5.0']],
    [0.1, 1, [0.30000000000000004, -0], ['0.3', '0.0']],
    [1e6, 5e6, [3e6], ['3e6']],
    [1e-6, 1e-5, [3e-6], ['3e-6']],
  ])('labelFormatter(step %p): no 9.000000', (step, largest, values, labels) => {
    const fmt = labelFormatter(step, largest);
    expect(values.map(fmt)).toEqual(labels);
  });
  test.each([
    ['x² on -5..5', sample((x) => x * x, -5, 5, 101).map((p) => p[1]), [0, 25]],
    ['a constant', [3, 3, 3], [2.7, 3.3]],
    ['nothing defined', [NaN, NaN], [-1, 1]],
    ['a change of a billionth (a plateau): drawn as the constant it looks like', [1 - 3.5e-10, 1, 1], [0.9, 1.1]],
  ])('robustRange: %s shows everything', (_, values, range) => {
    const [lo, hi] = robustRange(values);
    expect(lo).toBeCloseTo(range[0], 9);
    expect(hi).toBeCloseTo(range[1], 9);
  });
  test('robustRange clips a pole but keeps the body of the curve', () => {
    const [lo, hi] = robustRange(sample((x) => 1 / x, -5, 5, 100).map((p) => p[1]));
    expect(lo).toBeGreaterThan(-20);
    expect(hi).toBeLessThan(20);
    expect(hi).toBeGreaterThan(1);
  });
  test.each([[-5, 5, 6, 2], [-5, 5, 12, 1], [0, 1, 6, 0.2], [-12, -1, 8, 2]])('ticks(%p, %p, at most %p) step %p', (a, b, most, step) => {
    const t = ticks(a, b, most);
    expect(t.step).toBeCloseTo(step, 12);
    expect(t.values.length).toBeLessThanOrEqual(most);
    t.values.forEach((v) => expect(v / t.step).toBeCloseTo(Math.round(v / t.step), 9));
  });
});

describe('renderChart', () => {
  const parabola: ChartSpec = { ...base, series: [{ label: 'f(x) = x^2', points: curve((x) => x * x) }], markers: [{ x: 0, y: 0, symbol: '●', label: 'minimum' }], summary: ['min 0 at x = 0; y from 0 to 25'] };

  test('a parabola: title, round y labels, x ticks, marker at the bottom centre, summary last', () => {
    const out = renderChart(parabola);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('f(x) = x^2');
    expect(lines[lines.length - 1]).toBe('min 0 at x = 0; y from 0 to 25');
    const { rows, labels } = plotArea(out);
    expect(labels.filter(Boolean)).toEqual(['25', '20', '15', '10', '5', '0']);
    expect(rows).toHaveLength(11);
    expect(rows[rows.length - 1]).toContain('●');
    const mid = rows[rows.length - 1].indexOf('●');
    expect(Math.abs(mid - (plotArea(out).W - 1) / 2)).toBeLessThanOrEqual(1);
    expect(out).toMatch(/-4 +-2 +0 +2 +4/);
    expect(out).not.toMatch(/NaN|undefined|Infinity|\d\.0{4,}/);
  });

  test.each([30, 40, 60, 80, 120])('fits %p columns, with and without colour', (width) => {
    for (const colors of [false, true]) {
      const out = renderChart({ ...parabola, width, colors, series: [...parabola.series, { label: '2x', points: curve((x) => 2 * x) }] });
      for (const line of out.split('\n')) expect(stripAnsi(line).length).toBeLessThanOrEqual(width);
      expect(out.includes('\x1b[')).toBe(colors);
    }
  });

  test('long labels are cut to the width', () => {
    const long = 'x + '.repeat(100) + 'x';
    const out = renderChart({ ...base, width: 40, series: [{ label: long, points: curve((x) => x) }, { label: long, points: curve((x) => -x) }] });
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(renderChart({ ...base, width: 40, series: [{ label: long, points: curve((x) => x) }] }).split('\n')[0]).toHaveLength(40);
  });

  test('a legend when there are several series, each with its own line style', () => {
    const out = renderChart({ ...base, series: [{ label: 'f', points: curve((x) => x) }, { label: 'g', points: curve((x) => -x) }] });
    expect(out).toContain('─── f');
    expect(out).toContain('╌╌╌ g');
    expect(renderChart(parabola)).not.toContain('─── f(x)');
  });

  test('a gap (NaN) leaves its columns empty: no line is drawn across it', () => {
    const points: [number, number][] = Array.from({ length: 41 }, (_, i) => [i, i < 18 || i > 22 ? 1 : NaN]);
    const { rows, W } = plotArea(renderChart({ ...base, series: [{ label: 's', points }], y: { from: 0, to: 2 } }));
    const c = Math.round((20 / 40) * (W - 1));
    expect(column(rows, c).trim()).toBe('');
    expect(column(rows, 2).trim()).not.toBe('');
  });

  test.each([
    ['1/x', (x: number) => 1 / x],
    ['tan(x)', Math.tan],
    ['1/x without a gap point: -10 then +10', (x: number) => (x < 0 ? -10 : 10)],
  ])('%s: no false vertical line across the pole', (_, f) => {
    // Raw samples, no jump detection: the chart alone must not join -∞ to +∞.
    const points = Array.from({ length: 80 }, (_, i) => -5 + (10 * i) / 79).map((x) => [x, f(x)] as [number, number]);
    const { rows } = plotArea(renderChart({ ...base, series: [{ label: 'f', points }], y: { from: -3, to: 3 } }));
    for (let c = 0; c < rows[0].length; c++) {
      const col = column(rows, c);
      expect(col.replace(/ /g, '').length).toBeLessThan(rows.length - 1);
    }
  });

  test.each([
    ['only NaN', [[0, NaN], [1, NaN]]],
    ['Infinity', [[0, Infinity], [1, -Infinity], [2, 1]]],
    ['one point', [[0, 1]]],
    ['no points', []],
    ['a constant', [[0, 5], [1, 5], [2, 5]]],
    ['huge values', [[0, 1e300], [1, -1e300], [2, 0]]],
    ['values whose difference overflows', [[0, 1.7e308], [1, -1.7e308], [2, 0]]],
  ] as [string, [number, number][]][])('never throws: %s', (_, points) => {
    const out = renderChart({ ...base, series: [{ label: 's', points }] });
    expect(out).toContain('└');
    expect(out).not.toMatch(/NaN|undefined/);
  });

  test('a single defined point between gaps is still drawn', () => {
    const { rows } = plotArea(renderChart({ ...base, series: [{ label: 's', points: [[0, NaN], [1, 1], [2, NaN]] }], x: { from: 0, to: 2 }, y: { from: 0, to: 2 } }));
    expect(rows.join('').replace(/ /g, '')).toBe('─');
  });

  test('markers outside the drawn range are left out, not drawn at the edge', () => {
    const out = renderChart({ ...parabola, markers: [{ x: 0, y: 1e9, symbol: '◆' }, { x: 99, y: 1, symbol: '▲' }] });
    expect(out).not.toContain('◆');
    expect(out).not.toContain('▲');
  });

  test('titles: y above; x at the right end of the tick labels, or under them when it does not fit', () => {
    const out = renderChart({ ...parabola, yTitle: 'log10 |error|', xTitle: 'x' });
    expect(out.split('\n')[0]).toBe('log10 |error|');
    expect(out).toMatch(/ 4 +x\n/);
    expect(renderChart({ ...parabola, xTitle: 'log10 h' })).toMatch(/ 4\n +log10 h\n/);
  });
});

describe('--ascii charts', () => {
  const NON_ASCII = /[^\x00-\x7f]/;
  const specs: [string, ChartSpec][] = [
    ['one curve with a minimum', { ...base, series: [{ label: 'f(x) = x²', points: curve((x) => x * x) }], markers: [{ x: 0, y: 0, symbol: '●', label: 'minimum' }], summary: ['min 0 at x = 0; y from 0 to 25'], xTitle: 'x' }],
    ['five series, each its own style', { ...base, series: [1, 2, 3, 4, 5].map((k) => ({ label: `${k}·x`, points: curve((x) => k * x) })) }],
    ['gaps and a pole', { ...base, series: [{ label: '1/x', points: curve((x) => 1 / x, -5, 5, 100) }, { label: 'sqrt(x)', points: curve(Math.sqrt) }] }],
    ['descent markers of every shape', { ...base, series: [{ label: 'x²', points: curve((x) => x * x) }], markers: ['●', '○', '◆', '◇', '▲', '△', '■', '□'].map((symbol, i) => ({ x: i - 4, y: (i - 4) ** 2, symbol, label: `run ${i}` })) }],
    ['a title longer than the chart', { ...base, width: 30, series: [{ label: 'f(x) = ' + 'x^2 + '.repeat(30) + '1', points: curve((x) => x * x) }] }],
  ];

  test.each(specs)('%s: only ASCII, at 60 and at 30 columns', (_name, spec) => {
    for (const width of [60, 30]) {
      const out = renderChart({ ...spec, width, ascii: true });
      expect(out).not.toMatch(NON_ASCII);
      for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  test.each(specs)('%s: the same drawing as with box-drawing glyphs, cell for cell', (_name, spec) => {
    const shape = (out: string) => {
      // From the top row of the plot to the x axis (the title above may spell x² as x^2).
      const lines = out.split('\n');
      const top = lines.findIndex((l) => /^ *\S* [┤│+|]/.test(l));
      const axis = lines.findIndex((l) => /^\s*[└+][─-]/.test(l));
      return lines.slice(top, axis + 1).map((l) => l.replace(/\S/g, '#'));
    };
    expect(shape(renderChart({ ...spec, ascii: true }))).toEqual(shape(renderChart(spec)));
  });

  test('series stay apart without colour: each has its own line and legend sample', () => {
    const out = renderChart({ ...specs[1][1], ascii: true });
    const samples = out.split('\n').filter((l) => /^  \S{3} \d/.test(l)).map((l) => l.slice(2, 5));
    expect(samples).toEqual(['---', '~~~', '===', '___', ',,,']);
  });

  test('markers get distinct ASCII stand-ins, none of them a line or axis character', () => {
    const out = renderChart({ ...specs[3][1], ascii: true });
    const legend = out.split('\n').filter((l) => / run \d$/.test(l)).map((l) => l.trim()[0]);
    expect(new Set(legend).size).toBe(8);
    for (const m of legend) expect("-~=_,|:#!.'+").not.toContain(m); // nor the axis ticks' "+"
  });

  test('colour still works with ASCII glyphs', () => {
    const out = renderChart({ ...specs[0][1], ascii: true, colors: true });
    expect(out).toContain('\x1b[');
    expect(stripAnsi(out)).not.toMatch(NON_ASCII);
  });
});

describe('asciiText', () => {
  test.each([
    ['y = 1 + 2·(x − 1)', 'y = 1 + 2*(x - 1)'],
    ['|x| grows ×1.2 per step', '|x| grows x1.2 per step'],
    ['h = 1e-1 … 1e-12', 'h = 1e-1 ... 1e-12'],
    ["f′(x) = 2x, x² ≈ 0, x₀ → x₁", "f'(x) = 2x, x^2 ~ 0, x0 -> x1"],
    ['✓ Correct. ✗ Not yet. • a point', 'v Correct. x Not yet. * a point'],
    ['“quoted” — dash', '"quoted" -- dash'],
    ['e\u0301 accent dropped, 中 unknown', 'e accent dropped, ? unknown'],
    ['plain ASCII stays as it is: ~!@#$%^&*()', 'plain ASCII stays as it is: ~!@#$%^&*()'],
    ['🎯 Learning Objectives ⚠️', ' Learning Objectives '],
    ['Beginner · 8 hours · needs 1.2.25', 'Beginner | 8 hours | needs 1.2.25'],
    ['▸ Exercises ↳ revisit ⏎ ❯', '> Exercises -> revisit Enter >'],
  ])('%s', (input, output) => {
    expect(asciiText(input)).toBe(output);
  });
});

describe('two lines that run together are both seen: a heavy line of their own where they share cells, named in the legend', () => {
  const f = curve((x) => x * x);
  const plot = (out: string) => out.split('\n').filter((l) => /[┤│]/.test(l)).join('\n');
  test('the same values: drawn ━ ┃ ┗ ┛ …, and the legend says which two', () => {
    const out = renderChart({ ...base, series: [{ label: 'a', points: f }, { label: 'b', points: f }] });
    expect(plot(out)).toMatch(/━{5}/);
    expect(plot(out)).not.toMatch(/[─╌]/);
    expect(out.split('\n')).toContain('  ━━━ where a and b run together (the same cells)');
    expect(out).not.toMatch(/hidden|under/);
    // In ASCII, %.
    const ascii = renderChart({ ...base, ascii: true, series: [{ label: 'a', points: f }, { label: 'b', points: f }] });
    expect(ascii.split('\n')).toContain('  %%% where a and b run together (the same cells)');
  });
  test('lines that only cross keep their own styles, and no legend line is added', () => {
    const out = renderChart({ ...base, series: [{ label: 'a', points: f }, { label: 'b', points: curve((x) => 20 - x * x) }] });
    expect(out.split('\n')).toContain('  ─── a');
    expect(out).not.toContain('run together');
    expect(plot(out)).not.toMatch(/[━┃]/);
  });
});

describe('a range of one value (a loss that blew up after one step) is drawn, not a crash', () => {
  test.each([[1.6677181699666568e16], [0], [-3], [1e300]])('y from = to = %d', (v) => {
    const out = renderChart({ width: 60, height: 10, colors: false, series: [{ label: 'loss', points: [[0, v], [1, NaN]] }], y: { from: v, to: v } });
    expect(out.split('\n').length).toBeGreaterThan(3);
  });
});

describe('--ymin/--ymax: a y range given at one end or both', () => {
  const parabola: ChartSpec = { ...base, series: [{ label: 'f(x) = x^2', points: curve((x) => x * x) }] };
  test.each([
    ['both ends', { from: -5, to: 10 }, '10', '-5'],
    ['the top only: the bottom fits the data', { to: 10 }, '10', '0'],
    ['the bottom only: the top fits the data', { from: 5 }, '25', '5'],
  ])('%s', (_name, y, top, bottom) => {
    const { labels } = plotArea(renderChart({ ...parabola, y }));
    const shown = labels.filter(Boolean);
    expect(shown[0]).toBe(top);
    expect(shown[shown.length - 1]).toBe(bottom);
  });
});

describe('narrower than a chart can be', () => {
  test.each([29, 20, 12])('%p columns: one line saying so, then the summary wrapped at the width', (width) => {
    const out = renderChart({ ...base, width, series: [{ label: 'x^2', points: curve((x) => x * x) }], summary: ['min 0 at x = 0; y from 0 to 25'] });
    const lines = out.trimEnd().split('\n');
    // The one line fits too, and names the minimum (at 20 columns '(chart needs 30 cols)' was 21 wide).
    expect([...lines[0]].length).toBeLessThanOrEqual(width);
    expect(lines[0]).toMatch(/\b30 col/);
    expect(lines.slice(1).join(' ').replace(/\s+/g, ' ')).toBe('min 0 at x = 0; y from 0 to 25');
    for (const l of lines.slice(1)) expect(l.length).toBeLessThanOrEqual(width);
  });
});
