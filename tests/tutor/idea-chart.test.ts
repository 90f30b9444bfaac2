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

  // The tangent shares the cells beside the point with its curve: that is touching, not two lines
  // that run together (once the legend said so, in heavy line, at 40 columns).
  test.each([40, 72])('at %i columns the tangent and its curve keep their own lines', async (width) => {
    for (const tangent of [1, -2, 0]) {
      const out = await ideaChart({ expr: 'x^2', from: -3, to: 3, tangent }, { width, colors: false });
      expect(out).not.toMatch(/run together|[━┃┏┓┗┛]/);
      expect(out).toContain('─');
    }
  });
});
