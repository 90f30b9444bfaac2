import { descentOptions, parseNumber } from '../math/options.js';

/**
 * A lab as the answer key writes it, in calc-ml's own command syntax ("descend x^2 --start 3 --lr
 * 0.01,0.1 --steps 10", "grad x^2 --at 3"), read into what the guided lesson's lab needs: several
 * rates compare step sizes; one rate is an optimisation run; grad compares gradients.
 */
export type LabSpec =
  | { kind: 'grad'; expr: string; at: number }
  | { kind: 'rates' | 'optimize'; expr: string; start: number; rates: number[]; steps: number };

/**
 * The lab line, with its options checked exactly as the command line checks them (a key's
 * `--steps 100000000` once reached 4.5 GB); throws a UserError naming the option. null when the
 * line names no lab command.
 */
export function parseLab(line: string): LabSpec | null {
  const words = line.trim().split(/\s+/);
  const command = words.shift();
  const opts: Record<string, string> = {};
  const args: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i].startsWith('--')) opts[words[i].slice(2)] = words[++i] ?? '';
    else args.push(words[i]);
  }
  const expr = args.join(' ') || 'x^2';
  if (command === 'grad') return { kind: 'grad', expr, at: parseNumber('at', opts.at ?? '3') };
  if (command === 'descend' || command === 'gd') {
    const { start, rates, steps } = descentOptions({ start: opts.start ?? '3', lr: opts.lr ?? '0.1', steps: opts.steps ?? '50' });
    return { kind: rates.length > 1 ? 'rates' : 'optimize', expr, start, rates, steps };
  }
  return null;
}
