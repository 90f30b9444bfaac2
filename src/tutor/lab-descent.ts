import { DESCEND_DEFAULTS } from '../math/descend-defaults.js';

/**
 * A lesson's descent lab, as one definition: what the lab runs and the `calc-ml descend` line it
 * suggests are both built from it, so a learner who copies the line sees the same steps, losses and
 * verdicts the lab showed (once the lab ran 30 steps to |f′| < 1e-4 and suggested a command that ran
 * 50 to 1e-6, and the verdicts differed).
 */
export interface LabDescent {
  expr: string;
  start: number;
  rates: number[];
  steps: number;
  tol: number;
}

/**
 * The lab's stopping rule. Looser than the command's 1e-6: a learner reads 'converges' once the
 * slope is below 1e-4, and a slow rate gets there within the lab's steps.
 */
export const LAB_STEPS = 50;
export const LAB_TOL = 1e-4;

export function labDescent(expr: string, start: number, rates: number[], steps: number = LAB_STEPS, tol: number = LAB_TOL): LabDescent {
  return { expr, start, rates, steps, tol };
}

/**
 * The command line that runs `lab` exactly: every option whose value is not the command's default.
 * Numbers are written with String(), which reads back as the same double.
 */
export function descendCommand(lab: LabDescent): string {
  const parts = [`calc-ml descend "${lab.expr}"`, `--start ${String(lab.start)}`, `--lr ${lab.rates.map(String).join(',')}`];
  if (lab.steps !== Number(DESCEND_DEFAULTS.steps)) parts.push(`--steps ${String(lab.steps)}`);
  if (lab.tol !== Number(DESCEND_DEFAULTS.tol)) parts.push(`--tol ${String(lab.tol)}`);
  return parts.join(' ');
}
