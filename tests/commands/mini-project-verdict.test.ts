import { runCli } from '../helpers/cli.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The mini-project of the bundled lesson, answered from a pipe: a description wrong in every claim is
// rejected (✗), each false claim named; a right one accepted (✓). Progress then says so.
const run = (input: string, home: string) => runCli(['start', '--step', 'mini-project'], { input, env: { CALC_ML_HOME: home, COLUMNS: '200' } });

describe('the mini-project: wrong is wrong, right is right', () => {
  test('two valleys: the local minimum, its loss and "the only one" → ✗, each named', () => {
    const home = mkdtempSync(join(tmpdir(), 'calc-ml-mp-'));
    const r = run('\n2\nthe minimum is at x = 1.35, loss -2.6, it is the only minimum\n:quit\n', home);
    expect(r.stdout).toMatch(/✗ Not quite\.\nNot so:\n- x ≈ 1\.35 is the other valley, a local minimum: the lowest point is at x ≈ -1\.47\.\n- a loss of -2\.6 is the local minimum's, not the lowest: the lowest loss is ≈ -5\.44\.\n- it is not the only minimum: there are 2\./);
    expect(r.stdout).not.toMatch(/Partly right/);
    expect(runCli(['progress'], { env: { CALC_ML_HOME: home, COLUMNS: '200' } }).stdout).toMatch(/missed: Mini-project/);
  });

  test('two valleys described right → ✓', () => {
    const home = mkdtempSync(join(tmpdir(), 'calc-ml-mp-'));
    const r = run('\n2\nTwo valleys: the global minimum at x = -1.47 with loss -5.44, and a local one near x = 1.35.\n:quit\n', home);
    expect(r.stdout).toMatch(/✓ Correct\./);
  });

  test('the 2-D narrow valley: wrong point, wrong steep way, wrong count → ✗, each named', () => {
    const home = mkdtempSync(join(tmpdir(), 'calc-ml-mp-'));
    const r = run('\n4\nThe minimum is at (-1, 0.5) and it is steepest along x; there are two valleys.\n:quit\n', home);
    expect(r.stdout).toMatch(/✗ Not quite\.\nNot so:\n- \(-1, 0\.5\) is not the minimum: it is at \(x, y\) ≈ \(1, -0\.5\)\.\n- it is steep along y, not x \(the bands crowd together along y\)\.\n- there is only one minimum, not several\./);
    const ok = run('\n4\nThe only minimum is at (1, -0.5); the bands crowd together along y, so it is steep in y and gentle in x.\n:quit\n', mkdtempSync(join(tmpdir(), 'calc-ml-mp-')));
    expect(ok.stdout).toMatch(/✓ Correct\./);
  });
});
