import { runCli } from '../helpers/cli.js';

// Issue 12: a curve whose valleys and peaks are dwarfed by its values near the ends of the range
// (x⁴ − 4x² + x on −5..5 reaches 530 there, its valleys and hump lie within 5.5) is fitted around
// them, so each is on its own row, and the summary gives the --ymin/--ymax that show all of it.
// A bowl, a wave that fills its range, a curve with one critical point are fitted whole, as before.

const joined = (t: string) => t.replace(/\n {2}(?=\S)/g, ' ');
/** The row (from the top) of each critical mark on the chart. */
function markRows(out: string, ascii: boolean): number[] {
  const rows = out.split('\n').filter((l) => /^ *-?[\d.]* [┤│+|]/.test(l));
  const marks = ascii ? /[@&A^F]/ : /[●◇△▲◌]/;
  return rows.flatMap((r, i) => [...r.slice(r.search(/[┤│+|]/) + 1)].filter((ch) => marks.test(ch) && !(ascii && ch === '^' && i === 0)).map(() => i));
}

describe('the y range of a plot: around the valleys and peaks when the ends dwarf them', () => {
  test.each([
    // The number of different heights among its valleys, peaks and flat points.
    ['x^4-4x^2+x', '80', false, 3], ['x^4-4x^2+x', '40', false, 3], ['x^4-4x^2+x', '40', true, 3],
    ['x^3-3x', '80', false, 2], ['(x-1)^3*(x+2)^2', '80', false, 2], ['x^6-3x^4+x', '60', true, 3],
  ])('plot %s at %s columns (ASCII %s): marks on their own rows, and flags that show it all', (expr, width, ascii, heights) => {
    const out = runCli(['plot', expr, '--width', width, ...(ascii ? ['--ascii'] : [])]).stdout;
    const rows = markRows(out, ascii);
    // Valleys and peaks at different heights sit on different rows (fitted whole, all on the 0 row).
    expect(new Set(rows).size).toBe(heights);
    const flags = joined(out).match(/to see all of it: --ymin (-?[\d.e-]+) --ymax (-?[\d.e+]+)/);
    expect(flags).not.toBeNull();
    // The flags do show all of it: nothing leaves the frame.
    const all = runCli(['plot', expr, '--width', width, '--ymin', flags![1], '--ymax', flags![2]]).stdout;
    expect(all).not.toMatch(/leaves the frame|beyond the frame|goes beyond it/);
  });

  test.each(['x^2', 'sin(x)', 'x+sin(x)', 'x^3', 'exp(x)', '-x^2', 'x^2+10*sin(x)', '1/(x-1)', 'tan(x)', 'x^4-4x^2+x --from -2.5 --to 2.5'])('plot %s: fitted whole, as it was', (text) => {
    const [expr, ...rest] = text.split(' ');
    const out = runCli(['plot', expr, ...rest]).stdout;
    expect(out).not.toMatch(/to see all of it|around its valleys/);
  });
});

describe('in the tutor, where there is no command line to add flags to', () => {
  test('the mini-project chart of x^4-4x^2+x on -5..5 offers the whole command that shows all of it', async () => {
    const { landscapeReport } = await import('../../src/tutor/labs.js');
    const land = await landscapeReport('x^4-4x^2+x', -5, 5, { width: 80, colors: false });
    expect(joined(land.text)).toContain('to see all of it: calc-ml plot "x^4-4x^2+x" --from -5 --to 5 --ymin -5.5 --ymax 530');
  });
});
