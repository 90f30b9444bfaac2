import { buildProgram } from '../../src/program.js';
import { helpForUnknown, shieldExpressions } from '../../src/cli-args.js';
import { spawnSync } from 'node:child_process';
import { BIN } from '../helpers/cli.js';

const argv = (line: string) => ['node', 'calc-ml', ...line.split(' ')];

describe('an expression that starts with a minus is an argument, not an option', () => {
  const program = buildProgram();
  test.each([
    ['plot -x^2', 'plot| -x^2'],
    ['plot -x^2 x --from -3', 'plot| -x^2|x|--from|-3'],
    ['descend -cos(x) --start -1 --lr 0.5', 'descend| -cos(x)|--start|-1|--lr|0.5'],
    ['gd -x --start -3', 'gd| -x|--start|-3'],
    ['grad -x^2 --at -2', 'grad| -x^2|--at|-2'],
    ['--no-color plot -3', '--no-color|plot| -3'],
    ['plot -h', 'plot|-h'],
    ['plot x --widht 40', 'plot|x|--widht|40'],
    ['plot -- -x^2', 'plot|--|-x^2'],
    ['show -x', 'show|-x'],
    ['quiz -y', 'quiz|-y'],
  ])('calc-ml %s', (line, expected) => {
    expect(shieldExpressions(argv(line), program).slice(2).join('|')).toBe(expected);
  });
});

describe('help for a command that does not exist is the unknown command itself', () => {
  const program = buildProgram();
  test.each([
    ['help qiuz', 'qiuz'],
    ['help quiz', 'help|quiz'],
    ['help gd', 'help|gd'],
    ['help', 'help'],
    ['quiz', 'quiz'],
  ])('calc-ml %s', (line, expected) => {
    expect(helpForUnknown(argv(line), program).slice(2).join('|')).toBe(expected);
  });

  test('calc-ml help qiuz: refused with the suggestion', () => {
    const r = spawnSync(process.execPath, [BIN, 'help', 'qiuz'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('calc-ml: unknown command \'qiuz\' (did you mean quiz?); see "calc-ml --help"\n');
  });
});

describe('the CLI with such expressions', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--width', '40', '--height', '5'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  test('plot -x^2 draws the upside-down parabola', () => {
    const r = run('plot', '-x^2');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('f(x) = -x^2');
    expect(r.stdout).toMatch(/lowest -25 at x = -5/);
  });
  test('descend -cos(x) from 1 finds the minimum at 0', () => {
    const r = run('descend', '-cos(x)', '--start', '1', '--lr', '0.5');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/lr 0\.5 converges to x = 0\.000/);
  });
  test('a mistyped option is still refused, with the suggestion', () => {
    const r = run('plot', 'x', '--widht', '40');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('calc-ml: unknown option \'--widht\' (did you mean --width?); see "calc-ml plot --help"\n');
  });
});
