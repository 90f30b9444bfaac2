import { compileExpression, differentiate } from '../../src/math/engine.js';
import { plotLab } from '../../src/math/lab.js';
import { turns } from '../../src/math/sample.js';

async function plot(text: string, opts: { from?: number; to?: number; samples?: number; tangentAt?: number } = {}) {
  const e = compileExpression(text);
  const d = opts.tangentAt !== undefined ? await differentiate(e) : undefined;
  return plotLab({ exprs: [e], derivatives: d ? [d] : undefined, showDerivative: false, tangentAt: opts.tangentAt, from: opts.from ?? -5, to: opts.to ?? 5, samples: opts.samples ?? 81 });
}

// Issue 12: what plot's summary says of the minimum must be true of the curve.
describe('plot names minima truthfully', () => {
  test('sin(x) on -5..5: two equally low minima are both global, neither "a local minimum"', async () => {
    const lab = await plot('sin(x)');
    expect(lab.summary).toEqual(['min -1 at x = -1.571 and x = 4.712 (both global minima: equally low); max 1 at x = -4.712 and x = 1.571 (both global maxima: equally high); y from -1 to 1']);
    expect(lab.markers.map((m) => [m.symbol, m.label])).toEqual([['●', 'minimum'], ['●', 'minimum'], ['▲', 'maximum'], ['▲', 'maximum']]);
  });

  test('cos(x) on -10..10: four global minima', async () => {
    expect((await plot('cos(x)', { from: -10, to: 10 })).summary[0]).toBe('min -1 at x = -9.425, x = -3.142, x = 3.142 and x = 9.425 (all 4 global minima: equally low); max 1 at x = -6.283, x = 0 and x = 6.283 (all 3 global maxima: equally high); y from -1 to 1');
  });

  test('a real local minimum is still one', async () => {
    expect((await plot('x^4 - 4x^2 + x', { from: -2.5, to: 2.5 })).summary[0]).toBe('min -5.444 at x = -1.473; another valley: -2.619 at x = 1.347; a peak (local maximum): 0.06275 at x = 0.126; y from -5.44 to 16.6');
  });

  test.each([
    ['5', 'f(x) is constant: 5 for every x from -5 to 5, so no point is its single minimum'],
    ['sin(x)^2 + cos(x)^2', 'f(x) is constant: 1 for every x from -5 to 5, so no point is its single minimum'],
    ['0*x - 2', 'f(x) is constant: -2 for every x from -5 to 5, so no point is its single minimum'],
  ])('%s: a constant has no single minimum, and rounding noise is not a valley', async (text, line) => {
    const lab = await plot(text);
    expect(lab.summary).toEqual([line]);
    expect(lab.markers).toEqual([]);
  });

  test.each([
    ['max(abs(x) - 1, 0)', 'min 0 on the flat stretch from x = -1 to 1; y from 0 to 4'],
    ['max(x, 0)', 'min 0 on the flat stretch from x = -5 to 0 (it reaches the edge of the range); y from 0 to 5'],
    ['floor(x)', 'min -5 on the flat stretch from x = -5 to -4 (it reaches the edge of the range); y from -5 to 5'],
  ])('%s: a flat bottom is the stretch it is, not one point (or a row of valleys)', async (text, line) => {
    const lab = await plot(text);
    expect(lab.summary).toEqual([line]);
    expect(lab.markers.filter((m) => m.symbol === '◇')).toEqual([]);
  });

  test('sin(100x) at 81 columns: the aliased slow wave is not drawn; the band it fills is, and said so', async () => {
    const lab = await plot('sin(100x)');
    expect(lab.summary[0]).toMatch(/^f\(x\) wiggles faster than the chart's 81 columns can show \(about 3\d\d turns from -5 to 5\), so it is drawn as the band it fills, its highest and lowest value in each column; to see its shape, narrow the range, e\.g\. --from -5 --to -4\.\d+$/);
    expect(lab.series.map((s) => s.label)).toEqual(['f(x) = sin(100 x): band top', 'f(x) = sin(100 x): band bottom']);
    // Each column spans about 2 periods: its top is near 1 and its bottom near -1, in every column.
    for (const [, y] of lab.series[0].points) expect(y).toBeGreaterThan(0.99);
    for (const [, y] of lab.series[1].points) expect(y).toBeLessThan(-0.99);
    expect(lab.json.notes).toEqual([lab.summary[0]]);
  });

  test('sin(x), x^2 and sin(3x) are drawn as they are (no false alarm)', async () => {
    for (const text of ['sin(x)', 'x^2', 'sin(3x)', 'exp(x)', '1/x']) expect((await plot(text)).json.notes).toBeUndefined();
  });

  test('a tangent does not stretch the y range: it is cut at the frame of the curve', async () => {
    const lab = await plot('x^2', { tangentAt: 4 });
    // The tangent at 4 is 8x - 16: -56 at x = -5. The curve runs from 0 to 25.
    expect(lab.yFit!.from).toBeGreaterThanOrEqual(-1);
    expect(lab.yFit!.to).toBeLessThanOrEqual(26);
  });
});

describe('turns counts wiggles, not rounding noise', () => {
  test.each([
    [[0, 1, 0, 1, 0, 1], 0.1, 4],
    [[0, 1, 2, 3], 0.1, 0],
    [[1, 1 + 1e-16, 1, 1 - 1e-16, 1], 1e-9, 0],
    [[0, 1, 0.95, 1, 0], 0.1, 1],
  ])('turns(%j, %p) = %p', (values, threshold, n) => expect(turns(values, threshold)).toBe(n));
});
