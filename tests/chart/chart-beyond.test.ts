import { runCli } from '../helpers/cli.js';
import { renderChart, type ChartSpec } from '../../src/chart/chart.js';
import { sample } from '../../src/math/sample.js';

const base = { width: 60, height: 12, colors: false };
const parabola: ChartSpec = { ...base, series: [{ label: 'f(x) = x^2', points: sample((x) => x * x, -5, 5, 101) }], xTitle: 'x' };
/** The legend with its wrapped notes joined back into one line each. */
const joined = (out: string) => out.replace(/\n {6}/g, ' ');
const body = (out: string) => out.split('\n').filter((l) => /[┤│]/.test(l));

// Issue 12: nothing drawn silently off the chart, nothing silently under something else.
describe('points beyond the frame are marked at its edge, with their value', () => {
  test('a curve cut by a given y range: an arrow where each stretch crosses the edge, and a line that says where and how far', () => {
    const out = renderChart({ ...parabola, y: { from: 0, to: 4 }, series: [{ ...parabola.series[0], exits: true }] });
    const top = body(out)[0];
    expect([...top].filter((c) => c === '↑')).toHaveLength(2);
    // Under the chart, both stretches: from the left end in to x = -2, and from x = 2 out to the right end.
    expect(out.replace(/\s+/g, ' ')).toMatch(/f\(x\) = x\^2 leaves the frame: above it \(↑\) for x from -5 to -2\.1, up to 25; above it \(↑\) for x from 2\.1 to 5, up to 25\./);
    // The arrows stand where the curve meets the top: beside its last and first cells there.
    const cells = [...top.slice(top.indexOf('┤') + 1)];
    const arrows = cells.flatMap((c, i) => (c === '↑' ? [i] : []));
    const curve = cells.flatMap((c, i) => (/[─╮╭╯╰]/.test(c) ? [i] : []));
    expect(Math.abs(arrows[0] - Math.min(...curve))).toBeLessThanOrEqual(3);
    expect(Math.abs(arrows[1] - Math.max(...curve))).toBeLessThanOrEqual(3);
  });

  test('below the frame too, in ASCII; and a curve inside a given range, or a range the chart fits itself, gets no such line', () => {
    const cubic: ChartSpec = { ...base, ascii: true, y: { from: -10, to: 10 }, series: [{ label: 'f(x) = x^3', points: sample((x) => x ** 3, -5, 5, 101), exits: true }], xTitle: 'x' };
    const out = renderChart(cubic);
    expect(out.replace(/\s+/g, ' ')).toContain('f(x) = x^3 leaves the frame: below it (v) for x from -5 to -2.2, down to -125; above it (^) for x from 2.2 to 5, up to 125.');
    expect(body(renderChart({ ...cubic, ascii: false }))[0]).toContain('↑');
    expect(renderChart({ ...cubic, y: { from: -200, to: 200 } })).not.toContain('leaves the frame');
    expect(renderChart({ ...cubic, y: undefined })).not.toContain('leaves the frame');
  });

  test('a y range the chart fits itself that cuts a curve (tan(x): the poles left out) says so too, and the farthest sample beside a pole is only a bound', () => {
    const tan: ChartSpec = { ...base, series: [{ label: 'f(x) = tan(x)', points: sample(Math.tan, -5, 5, 101), exits: true }], xTitle: 'x' };
    const out = renderChart(tan);
    const rows = body(out);
    // The frame is fitted to most of the curve, not to its spikes of ±34 and ±81.
    expect(Number(rows[0].split('┤')[0])).toBeLessThan(34);
    expect(rows[0]).toContain('↑');
    expect(rows[rows.length - 1]).toContain('↓');
    const note = out.replace(/\s+/g, ' ');
    expect(note).toMatch(/f\(x\) = tan\(x\) leaves the frame: below it \(↓\) at x = -4\.7, down to at least -80\.71; above it \(↑\) at x = -1\.6, up to at least 34\.23;/);
    // A stretch that ends at the edge of the range, not at a jump, is as far as the curve goes.
    const exp = renderChart({ ...base, y: { from: 0, to: 100 }, series: [{ label: 'f(x) = exp(x)', points: sample(Math.exp, -5, 10, 151), exits: true }] });
    expect(exp.replace(/\s+/g, ' ')).toContain('above it (↑) for x from 4.7 to 10, up to 22030.');
  });

  test('markers beyond the right edge and the top: an arrow at the edge, and the legend says how far', () => {
    const out = renderChart({
      ...parabola,
      markers: [
        { x: 3, y: 9, symbol: '○', label: 'lr 1.1: x_k visited' },
        { x: 12, y: 144, symbol: '○', label: 'lr 1.1: x_k visited' },
        { x: 27300, y: 7.45e8, symbol: '○', label: 'lr 1.1: x_k visited' },
        { x: 0, y: 1e9, symbol: '◆', label: 'far up' },
      ],
    });
    const rows = body(out);
    expect(rows[0]).toMatch(/→$/); // top-right: the x beyond the right edge at the clamped top row
    expect(rows[0]).toContain('↑');
    expect(joined(out)).toContain('  ○   lr 1.1: x_k visited (2 points beyond the frame →, out to x = 27300)');
    expect(joined(out)).toContain('  ◆   far up (beyond the frame ↑ from x = 0, up to 1e9)');
  });

  test('descend x^2 --lr 0.1,1.1: the value beside the edge arrow is the one the legend says (not -22800 against -22750)', () => {
    const out = runCli(['descend', 'x^2', '--lr', '0.1,1.1']).stdout;
    const arrow = /←(-?[\d.e+]+)/.exec(out);
    const legend = /beyond the frame ←, out to x = (-?[\d.e+]+)/.exec(out.replace(/\n\s+/g, ' '));
    expect(arrow && legend).toBeTruthy();
    expect(arrow![1]).toBe(legend![1]);
  });

  test('a line that asks for it gets an arrow where it leaves the top, with the farthest value', () => {
    const out = renderChart({ ...base, series: [{ label: 'loss', points: [[0, 9], [1, 13], [2, 19], [3, 27], [4, 7.45e8]], offFrame: true }], y: { from: 0, to: 10 }, xTitle: 'step k' });
    expect(body(out)[0]).toMatch(/↑7\.45e8/);
    expect(joined(out)).toContain('  ─── loss (4 points beyond the frame ↑ from step k = 1, up to 7.45e8)');
  });

  test('in ASCII the arrows are ^ v < >', () => {
    const out = renderChart({ ...parabola, ascii: true, markers: [{ x: -40, y: 4, symbol: '●', label: 'far left' }] });
    expect(joined(out)).toContain('  @   far left (1 point beyond the frame <, out to x = -40)');
    expect(out.split('\n').some((l) => /\|<|\+</.test(l))).toBe(true);
  });

  test('markers of two runs on one cell: the mark ⊕ there, and the legend names both (neither is hidden under the other)', () => {
    const out = renderChart({
      ...parabola,
      markers: [
        { x: 3, y: 9, symbol: '●', label: 'lr 1: x_k visited' },
        { x: -3, y: 9, symbol: '●', label: 'lr 1: x_k visited' },
        { x: 3, y: 9, symbol: '○', label: 'lr 1.1: x_k visited' },
      ],
    });
    const rows = body(out).join('\n');
    expect(rows).toContain('●');
    expect(rows).toContain('⊕');
    expect(rows).not.toContain('○');
    expect(joined(out)).toContain('  ⊕   lr 1: x_k visited and lr 1.1: x_k visited, both in one cell (once)');
    expect(out).not.toMatch(/under/);
    expect(joined(renderChart({ ...parabola, ascii: true, markers: [{ x: 3, y: 9, symbol: '●', label: 'a' }, { x: 3, y: 9, symbol: '○', label: 'b' }] }))).toContain('  B   a and b, both in one cell (once)');
  });

  test('a run that visits one place again and again, and another run there too: one ⊕, counted once per cell', () => {
    const out = renderChart({
      ...parabola,
      markers: [
        ...[3, -3, 3, -3, 3].map((x) => ({ x, y: 9, symbol: '●', label: 'lr 1: x_k visited' })),
        { x: 3, y: 9, symbol: '○', label: 'lr 1.1: x_k visited' },
        { x: -3, y: 9, symbol: '○', label: 'lr 1.1: x_k visited' },
      ],
    });
    expect(body(out).join('').split('⊕')).toHaveLength(3);
    expect(joined(out)).toContain('  ⊕   lr 1: x_k visited and lr 1.1: x_k visited, both in one cell (2 such cells)');
  });
});

describe('a log axis', () => {
  test('labels are powers of ten, in whole decades', () => {
    const pts: [number, number][] = Array.from({ length: 21 }, (_, k) => [k, Math.log10(9 * 1.44 ** k)]);
    const down: [number, number][] = Array.from({ length: 21 }, (_, k) => [k, Math.log10(9 * 0.64 ** k)]);
    const out = renderChart({ ...base, yLog: true, series: [{ label: 'up', points: pts }, { label: 'down', points: down }] });
    const labels = body(out).map((l) => l.split(/ [┤│]/)[0].trim()).filter(Boolean);
    for (const l of labels) expect(l).toMatch(/^(1e-?\d+|0\.0*1|1|10|100|1000)$/);
    expect(labels).toContain('1');
  });
});

describe('the farthest point is the one named', () => {
  test.each([
    [[8, 5, 9], 'left', '(3 points beyond the frame ←, out to x = 5)'],
    [[25, 40, 30], 'right', '(3 points beyond the frame →, out to x = 40)'],
  ])('%j beyond the %s edge of 10..20', (xs, _side, note) => {
    const out = renderChart({ ...base, xTitle: 'x', series: [{ label: 'line', points: [[10, 0], [20, 1]] }], x: { from: 10, to: 20 }, markers: xs.map((x) => ({ x, y: 0.5, symbol: '●', label: 'runs' })) });
    expect(joined(out)).toContain(`  ●   runs ${note}`);
  });
});
