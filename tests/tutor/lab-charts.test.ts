import { landscapeReport, plotReport, SHAPES } from '../../src/tutor/labs.js';

// The mini-project's landscape chart marks each valley once: its marks come from the plot's one list
// of critical points (math/critical.ts), and the legend never names the same valley twice.
const screen = { width: 80, colors: false };

test.each(SHAPES.map((s) => [s.value, s] as const))('%s: one mark per critical point, none twice in the legend', async (_name, shape) => {
  const land = await landscapeReport(shape.expr, shape.from, shape.to, screen, 'start' in shape ? shape.start : undefined);
  const legend = land.text.split('\n').filter((l) => /^\s*[●◇▲△○]\s{2,}/.test(l));
  const labels = legend.map((l) => l.trim().replace(/^\S+\s+/, ''));
  expect(labels.filter((l) => /local minimum/.test(l)).length).toBeLessThanOrEqual(1);
  expect(new Set(labels).size).toBe(labels.length);
});

test('two valleys: the local valley is marked once, as the plot marks it', async () => {
  const land = await landscapeReport('x^4 - 4x^2 + x', -2.5, 2.5, screen, 2);
  expect(land.text).not.toMatch(/another local minimum/);
  expect(land.text).toMatch(/◇\s+another valley \(a local minimum\)/);
  expect(land.minima.map((m) => Number(m.x.toFixed(2)))).toEqual([-1.47, 1.35]);
});

// A lab's chart says the y range its axis shows, as calc-ml plot does (it said the samples' own
// range: ±40 beside the pole of 1/(x − 1) over an axis from −5 to 5).
test.each([['1/(x-1)', -5, 5], ['tan(x)', -5, 5]] as const)('plot lab of %s: the y range in the text is the axis', async (expr, from, to) => {
  const text = await plotReport(expr, from, to, screen);
  const labels = text.split('\n').filter((l) => /^ *-?[\d.]+ ┤/.test(l)).map((l) => Number(l.trim().split(' ')[0]));
  const m = /the chart shows y from (-?[\d.]+) to (-?[\d.]+)/.exec(text.replace(/\n\s+/g, ' '));
  expect(m).not.toBeNull();
  expect([Number(m![1]), Number(m![2])]).toEqual([labels[labels.length - 1], labels[0]]);
});
