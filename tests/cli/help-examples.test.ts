import { exampleLines } from '../../src/program.js';
import { runCli } from '../helpers/cli.js';

// Issue 12, Done when: every command works at 40 columns; its --help examples were cut mid-word
// by the terminal ("--sta" / "rt 3,2").
describe('help examples fit the terminal and still paste as one command', () => {
  const lines = ['calc-ml descend "x^2 + 10*y^2" --start 3,2 --lr 0.02,0.09,0.11', 'calc-ml gd "x^4 - 3x^2 + x" --start 2 --lr 0.01 --steps 200', 'calc-ml plot ravine'];
  test.each([40, 50, 80])('at %i columns: no line wider, broken only between words, with a backslash', (width) => {
    const text = exampleLines(lines, width);
    for (const l of text.split('\n')) expect(l.length).toBeLessThanOrEqual(width);
    // Joined back as a shell joins a backslash-newline: the commands as written.
    const joined = text.replace(/ \\\n +/g, ' ').split('\n').slice(2).map((l) => l.replace(/^ {2}\$ /, ''));
    expect(joined).toEqual(lines);
    // A quoted expression is one word: never broken inside.
    expect(text).toContain('"x^2 + 10*y^2"');
  });

  test('at 80 columns, the command lines are as written', () => {
    expect(runCli(['descend', '--help']).stdout).toContain('  $ calc-ml descend "x^2 + 10*y^2" --start 3,2 --lr 0.02,0.09,0.11\n');
  });

  test.each(['plot', 'descend', 'grad'])('%s --help lists the named landscapes, each with what it is', (cmd) => {
    const out = runCli([cmd, '--help']).stdout.replace(/\s+/g, ' ');
    for (const name of ['bowl', 'ravine', 'rosenbrock', 'saddle', 'two-valleys']) expect(out).toMatch(new RegExp(` ${name} [^ ]`));
    expect(out).toContain('Named landscapes');
  });

  // A learner reading descend --help saw 'default: 0.1' and '50' and then watched ravine run three
  // rates for 100 steps: the help now says a named landscape brings its own, and which.
  test('descend --help: a named landscape brings its own start, box, rates and steps, each listed', () => {
    const out = runCli(['descend', '--help']).stdout.replace(/\s+/g, ' ');
    expect(out).toContain("A named landscape brings its own start, box, rates and steps; the defaults above are for an expression you type. An option you give (--start, --lr, --steps, --box) replaces the landscape's own.");
    expect(out).toContain('(its own: start 3,2, lr 0.02, 0.09 and 0.11, 100 steps, box -4,4,-2.5,2.5)');
    expect(out).toContain('(default: 3, or 3,2 for two variables)');
  });

  // grad on f(x, y) shows no sweep of h: the help promises it for one variable only.
  test('grad --help promises the h sweep for one variable only', () => {
    const out = runCli(['grad', '--help']).stdout.replace(/\s+/g, ' ');
    expect(out).not.toMatch(/, and sweep h/);
    expect(out).toMatch(/in one variable forward and central, with the error as h shrinks; in two, each partial by central differences/);
  });
});
