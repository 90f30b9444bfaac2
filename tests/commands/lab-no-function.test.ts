import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

// :lab in a lesson with no function of x (the if statement): it plotted x^2 as if it were the lesson's.
test(':lab in a lesson with no function says so and offers the landscapes or plot with an expression', () => {
  const dir = mkdtempSync(join(tmpdir(), 'calc-ml-nofn-'));
  const file = join(dir, 'Lesson-9.1.1-If.md');
  writeFileSync(file, '# Lesson 9.1.1: The If Statement\n\n## Introduction\n\nPrograms choose with if.\n\n## Exercises\n\n- Exercise 9.1.1.1: Write an if statement that prints even or odd.\n');
  const r = runCli(['start', file, '--step', 'ex:1'], { input: ':lab\n:lab plot\n\n' });
  const s = r.stdout.replace(/\s+/g, ' ');
  expect(s).toContain('There is no function in this lesson to explore. To explore one anyway: a named landscape, such as calc-ml descend ravine (the landscapes are bowl, ravine,');
  expect(s).toContain('or an expression of your own, such as calc-ml plot "x^3 - 3x".');
  expect(s).toContain('Back to: Exercise 9.1.1.1');
  expect(s).not.toMatch(/Lab · plot: x\^2|f\(x\) = x\^2/);
});
