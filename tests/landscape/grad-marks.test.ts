import { runCli } from '../helpers/cli.js';
import { readMap } from '../helpers/map-screen.js';

// Issue 12: grad's map marks the critical points its summary names: `grad saddle` says "Saddle
// point: f = 0 at (x, y) = (0, 0)", and the map shows the saddle's mark there, not bare shading.

describe('grad on two variables: the map shows what the text names', () => {
  test.each([
    ['saddle', '1,0.8', '80', [], [0, 0], '✕'], ['saddle', '1,0.8', '40', [], [0, 0], '✕'], ['saddle', '1,0.8', '40', ['--ascii'], [0, 0], 'X'],
    ['x^2 + 3*y^2', '1,2', '40', [], [0, 0], '●'],
  ])('grad %s --at %s at %s columns %j', (what, at, width, flags, where, mark) => {
    const out = runCli(['grad', what, '--at', at, '--width', width, ...(flags as string[])]).stdout;
    const map = readMap(out);
    expect(map.at(...(where as [number, number]))).toBe(mark);
    // Every x label stands under its tick (at 80 columns the narrowed map's labels drifted off theirs).
    const lines = out.split('\n');
    const labels = lines[lines.findIndex((l) => /^ *[└+][─┬+-]{5,}$/.test(l)) + 1].match(/-?[\d.]+/g) ?? [];
    expect(map.xTicks.length).toBe(labels.length);
    expect(map.xTicks.length).toBeGreaterThanOrEqual(3);
    if (mark !== '●') expect(out).toMatch(/Saddle point: f = 0 at \(x, y\) = \(0,\s+0\)/);
  });
});
