import { ideaChart } from '../../src/tutor/idea-chart.js';

describe('the chart beside a core idea', () => {
  test.each([
    [{ expr: 'x^2', from: -3, to: 3, tangent: 1 }, 'tangent at x = 1'],
    [{ expr: 'x^2', from: -3, to: 3, tangent: -2 }, 'tangent at x = -2'],
  ])('%j: the curve fills the chart, from 0 to 9 in steps of 1; the tangent is cut, not the curve squashed', async (plot, summary) => {
    const out = await ideaChart(plot, { width: 72, colors: false });
    const labels = out.split('\n').map((l) => /^\s*(-?[\d.]+) [┤│]/.exec(l)?.[1]).filter((l): l is string => l !== undefined);
    expect(labels).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);
    expect(out).toContain(summary);
    expect(out).toContain('◆');
  });
});
