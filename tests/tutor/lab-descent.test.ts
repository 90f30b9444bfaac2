import { chooseLab, labCommand } from '../../src/tutor/lab-choice.js';
import { descentReport } from '../../src/tutor/labs.js';
import { labDescent } from '../../src/tutor/lab-descent.js';
import { runCli } from '../helpers/cli.js';

/** The words a shell makes of a suggested line: "double-quoted" expressions stay one word. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** What a learner gets from copying the suggested line: the built CLI, run with --json. */
function suggested(line: string) {
  const [calcMl, ...args] = shellWords(line);
  expect(calcMl).toBe('calc-ml');
  const r = runCli([...args, '--json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).runs as { lr: number; steps: { x: number; f: number }[]; converged: boolean; diverged: boolean; verdict: string }[];
}

const screen = { width: 80, colors: false };

describe('the lab and the descend line it suggests are one definition', () => {
  const labs = [
    // What :lab descend opens, and what an exercise about learning rates suggests.
    chooseLab('Compare learning rates 0.05, 0.3, 0.9 and 1.05 with gradient descent'),
    // The showcase for local minima: slow rates, where 50 steps to 1e-4 and to 1e-6 end apart.
    chooseLab('Why does gradient descent stop in a local minimum?'),
  ];
  test.each(labs.map((l) => [labCommand(l!), l!]))('%s: the same steps, losses and verdicts as the lab', async (line, lab) => {
    if (lab.kind !== 'descend') throw new Error('not a descent lab');
    const report = await descentReport(labDescent(lab.expr, lab.start, lab.rates), screen);
    const cli = suggested(line);
    expect(cli.map((r) => r.verdict)).toEqual(report.runs.map((r) => r.verdict));
    expect(cli.map((r) => r.steps.map((s) => [s.x, s.f]))).toEqual(report.runs.map((r) => r.steps.map((s) => [s.x, s.f])));
    // And the stopping rule is printed the same way by both.
    const rule = report.text.split('\n')[1];
    expect(rule).toMatch(/^start x = .*; at most \d+ steps; stop when \|f'\(x\)\| < /);
    expect(runCli([...shellWords(line).slice(1), '--width', '80']).stdout.split('\n')).toContain(rule);
  });

  test('a lab with its own steps and tolerance writes them into the line; the defaults are left out', async () => {
    const lab = labDescent('x^4 - 3x^2 + x', 2, [0.01, 0.05], 10, 1e-6);
    expect(labCommand({ kind: 'descend', expr: 'x^2', start: 3, rates: [0.1] })).toBe('calc-ml descend "x^2" --start 3 --lr 0.1 --tol 0.0001');
    const { descendCommand } = await import('../../src/tutor/lab-descent.js');
    expect(descendCommand(lab)).toBe('calc-ml descend "x^4 - 3x^2 + x" --start 2 --lr 0.01,0.05 --steps 10');
    const report = await descentReport(lab, screen);
    expect(suggested(descendCommand(lab)).map((r) => r.steps.length)).toEqual(report.runs.map((r) => r.steps.length));
  });
});
