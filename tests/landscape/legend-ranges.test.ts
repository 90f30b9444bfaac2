import { runCli } from '../helpers/cli.js';

// Issue 12: the level legend of a map with negative values reads as ranges ("-3 to -1.5"), never as
// a row of dashes ("-3–-1.5"), at 80 and 40 columns, in Unicode and in ASCII.

const N = String.raw`-?\d+(?:\.\d+)?(?:e-?\d+)?`;
const entry = new RegExp(String.raw`^\[.\] (?:< ${N}|(?:≥|>=) ${N}|${N} to ${N}|\d+(?:\.\d+)?(?:e-?\d+)?–\d+(?:\.\d+)?(?:e-?\d+)?)$`);

describe('a level legend of negative values', () => {
  test.each<[string, string, string[]]>([
    ['saddle', '80', []], ['saddle', '40', []], ['saddle', '40', ['--ascii']],
    ['x*y', '80', []], ['x*y', '40', ['--ascii']],
    ['two-valleys', '80', []], ['two-valleys', '40', []],
  ])('plot %s at %s columns %j', (what, width, flags) => {
    const out = runCli(['plot', what, '--width', width, ...flags]).stdout;
    const lines = out.split('\n');
    const head = lines.findIndex((l) => l.startsWith('f(x, y) in bands'));
    expect(head).toBeGreaterThan(0);
    // The band lines: after the heading (and its wrapped end), up to the next legend entry.
    let i = head + 1;
    while (!lines[i].startsWith('  [')) i++;
    const bandLines: string[] = [];
    while (lines[i].startsWith('  [')) bandLines.push(lines[i++]);
    expect(bandLines.length).toBeGreaterThan(0);
    const entries = bandLines.flatMap((l) => l.trim().split(/ {2}(?=\[)/));
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const e of entries) expect(e).toMatch(entry);
    // Where the bands go below 0 (two-valleys' lowest band is '< 0.59'), a range says 'to'.
    if (what !== 'two-valleys') expect(entries.some((e) => / to -/.test(e))).toBe(true);
    expect(out).not.toMatch(/\d–-|\d--\d/);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(Number(width));
  });
});
