import { runCli } from '../helpers/cli.js';

// Issue 12: a curve cut by the chart's frame has one reach, read from one sampling: the note under
// the chart (where it leaves the frame, how far it goes), the arrows at the edge and the summary's
// "its samples reach …" state the same figures, at any width.

const joined = (t: string) => t.replace(/\n {2}(?=\S)/g, ' ');

describe('how far a clipped curve goes: one figure', () => {
  test.each([
    [['x^3', '--ymin', '-5', '--ymax', '5'], '80'], [['x^3', '--ymin', '-5', '--ymax', '5'], '40'],
    [['1/(x-1)'], '80'], [['1/(x-1)'], '40'],
    [['tan(x)'], '80'],
    [['x^3', '--tangent', '1', '--ymin', '-5', '--ymax', '5'], '80'], [['x^3', '--tangent', '1', '--ymin', '-5', '--ymax', '5'], '40'],
    [['x^2', '--tangent', '3', '--ymax', '10'], '40'],
    [['exp(x)', '--ymax', '20', '--ascii'], '40'],
  ])('plot %j at %s columns', (args, width) => {
    const out = runCli(['plot', ...args, '--width', width]).stdout;
    const text = joined(out);
    const note = text.match(/leaves the frame: (.*)\./)?.[1];
    expect(note).toBeDefined();
    const ups = [...note!.matchAll(/up to (?:at least )?(-?[\d.]+(?:e[-+]?\d+)?)/g)].map((m) => Number(m[1]));
    const downs = [...note!.matchAll(/down to (?:at least )?(-?[\d.]+(?:e[-+]?\d+)?)/g)].map((m) => Number(m[1]));
    const reach = text.match(/its samples reach (-?[\d.e+]+)(?: and (-?[\d.e+]+))?\)/);
    expect(reach).not.toBeNull();
    const said = [reach![1], reach![2]].filter(Boolean).map(Number).sort((a, b) => a - b);
    const noted = [...(downs.length ? [Math.min(...downs)] : []), ...(ups.length ? [Math.max(...ups)] : [])].sort((a, b) => a - b);
    expect(said).toEqual(noted);
    // Each arrow at the edge carries the figure of a stretch the note names.
    const rows = out.split('\n').filter((l) => /^ *-?[\d.]* [┤│|+]/.test(l)).join('\n');
    const arrows = [...rows.matchAll(/[↑↓^v](-?\d[\d.]*(?:e[-+]?\d+)?)/g)].map((m) => Number(m[1]));
    expect(arrows.length).toBeGreaterThan(0);
    for (const a of arrows) expect([...ups, ...downs, ...(text.match(/down to (-?[\d.]+)\)/g) ?? []).map((m) => Number(m.slice(8, -1)))]).toContain(a);
  });
});
