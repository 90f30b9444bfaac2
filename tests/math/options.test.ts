import { chartSize, descentOptions, parseInteger, yRange, parseNumber, parseNumberList, parseRange } from '../../src/math/options.js';
import { UserError } from '../../src/errors.js';

function refusal(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('option parsing', () => {
  test.each([['3', 3], ['-2.5', -2.5], ['1e-5', 1e-5], [' 0.1 ', 0.1], ['.5', 0.5], ['+4', 4], ['1E3', 1000]])('parseNumber(%p) = %p', (s, n) => {
    expect(parseNumber('start', s)).toBe(n);
  });
  test.each([
    ['abc', /^--lr must be a finite number, like 0.5, not "abc"$/],
    ['Infinity', /finite number.*"Infinity"/],
    ['-Infinity', /finite number/],
    ['NaN', /finite number/],
    ['', /finite number/],
    ['1e999', /finite number/],
    ['0x10', /finite number/],
    ['1,5', /finite number/],
  ])('parseNumber refuses %p', (s, message) => {
    const e = refusal(() => parseNumber('lr', s));
    expect(e.message).toMatch(message);
    expect(e.exitCode).toBe(2);
  });
  test.each([
    [() => parseNumber('lr', '0', { above: 0 }), /^--lr must be greater than 0, not 0$/],
    [() => parseNumber('tol', '-1', { min: 0 }), /^--tol must be at least 0/],
    [() => parseNumber('h', '2', { above: 0, max: 1 }), /^--h must be at most 1/],
    [() => parseInteger('steps', '20000', 1, 10000), /^--steps must be 1–10000, not 20000$/],
    [() => parseInteger('steps', '2.5', 1, 10000), /^--steps must be a whole number/],
    [() => parseInteger('width', '10', 30, 300), /^--width must be 30–300, not 10$/],
    [() => parseNumberList('lr', '0.1,abc', { above: 0 }), /^--lr must be a finite number, like 0.5, not "abc"$/],
    [() => parseNumberList('lr', '1,2,3,4,5,6,7,8,9', { most: 8 }), /at most 8 values/],
    [() => parseRange('5', '1'), /^--from must be less than --to \(got --from 5 --to 1\)$/],
    [() => parseRange('1', '1'), /^--from must be less than --to/],
    [() => parseRange('0', '1e12'), /^--to must be at most/],
    [() => chartSize({ height: '200' }, 80), /^--height must be 5–60/],
  ])('refusal %#', (f, message) => {
    expect(refusal(f).message).toMatch(message);
  });
  test('lists and ranges', () => {
    expect(parseNumberList('lr', '0.1,0.5,1,1.1', { above: 0 })).toEqual([0.1, 0.5, 1, 1.1]);
    expect(parseRange('-5', '5')).toEqual({ from: -5, to: 5 });
  });
  test.each([
    [{}, 80, { width: 80, height: 15 }],
    [{}, 40, { width: 40, height: 15 }],
    // Narrower than a chart can be: the width is kept, so the chart can say so in one line (not wrap).
    [{}, 20, { width: 20, height: 15 }],
    [{}, 1000, { width: 300, height: 15 }],
    [{ width: '50', height: '10' }, 80, { width: 50, height: 10 }],
  ])('chartSize(%j, %p)', (opts, cols, size) => expect(chartSize(opts, cols)).toEqual(size));

  test('a negative learning rate is gradient ascent, and allowed; 0 moves nowhere and is refused', () => {
    expect(descentOptions({ start: '3', lr: '-0.1,0.1', steps: '50' }).rates).toEqual([-0.1, 0.1]);
    expect(refusal(() => descentOptions({ start: '3', lr: '0.1,0', steps: '50' })).message).toBe(
      '--lr must not be 0 (a rate of 0 never moves); a negative rate climbs (gradient ascent)',
    );
    expect(refusal(() => descentOptions({ start: '3', lr: '-2e6', steps: '50' })).message).toMatch(/^--lr must be at least -1000000/);
  });
  test.each([
    [{}, undefined],
    [{ ymin: '-1' }, { from: -1 }],
    [{ ymax: '10' }, { to: 10 }],
    [{ ymin: '-1', ymax: '1e3' }, { from: -1, to: 1000 }],
  ])('yRange(%j)', (opts, range) => expect(yRange(opts)).toEqual(range));
  test.each([
    [{ ymin: '2', ymax: '1' }, /^--ymin must be less than --ymax \(got --ymin 2 --ymax 1\)$/],
    [{ ymin: 'low' }, /^--ymin must be a finite number/],
    [{ ymax: '1e301' }, /^--ymax must be at most 1e\+?300/],
  ])('yRange refuses %j', (opts, message) => expect(refusal(() => yRange(opts)).message).toMatch(message));
});
