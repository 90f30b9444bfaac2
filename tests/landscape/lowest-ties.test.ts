import { runCli } from '../helpers/cli.js';
import { readMap } from '../helpers/map-screen.js';

// Issue 12: with no minimum inside the box, the lowest point on its edge is named, and where it is
// as low at other places (x·y at (5, −5) and (−5, 5); the saddle at (0, −2) and (0, 2)), each is
// named and marked: naming one alone said the other was higher.

const joined = (t: string) => t.replace(/\n {2}(?=\S)/g, ' ');

describe('equally low points on the edge of the box', () => {
  test.each([
    ['x*y', '80', [], [[5, -5], [-5, 5]], 'f = -25 at (x, y) = (5, -5) and (-5, 5), equally low'],
    ['x*y', '40', ['--ascii'], [[5, -5], [-5, 5]], 'f = -25 at (x, y) = (5, -5) and (-5, 5), equally low'],
    ['saddle', '80', [], [[0, -2], [0, 2]], 'f = -4 at (x, y) = (0, -2) and (0, 2), equally low'],
    ['saddle', '40', [], [[0, -2], [0, 2]], 'f = -4 at (x, y) = (0, -2) and (0, 2), equally low'],
  ])('plot %s at %s columns %j', (what, width, flags, places, sentence) => {
    const out = runCli(['plot', what, '--width', width, ...(flags as string[])]).stdout;
    expect(joined(out)).toContain(`No minimum inside the box: the lowest points are ${sentence}, on its edge.`);
    const map = readMap(out);
    for (const [x, y] of places as [number, number][]) expect(map.at(x, y)).toBe((flags as string[]).includes('--ascii') ? 'o' : '○');
  });

  test('one lowest point is named alone', () => {
    expect(joined(runCli(['plot', 'x+y']).stdout)).toContain('No minimum inside the box: the lowest point is f = -10 at (x, y) = (-5, -5), on its edge.');
  });
});
