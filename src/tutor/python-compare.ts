/**
 * Comparing a learner's Python program with the lesson's solution by what they print on the same
 * input. Pure: the run itself is the shell's (src/io/python-run.ts); this says what the runs show.
 */

export interface PythonRun {
  stdout: string;
  stderr: string;
  /** Exit status; null when the program was stopped (time limit). */
  status: number | null;
  timedOut: boolean;
}

export interface Comparison {
  /** Both ran to the end and printed the same (trailing spaces and blank lines aside). */
  same: boolean;
  lines: string[];
}

/** Output as compared: line ends unified, trailing spaces and trailing blank lines dropped. */
export function normalOutput(s: string): string {
  return s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, '')).join('\n').replace(/\n+$/, '');
}

function lastLine(s: string): string {
  return s.trim().split('\n').filter(Boolean).pop() ?? '';
}

const shown = (s: string, max = 12) => {
  const lines = normalOutput(s).split('\n');
  const cut = lines.slice(0, max).map((l) => `    ${l}`);
  return lines.length > max ? [...cut, `    … (${lines.length - max} more line${lines.length - max === 1 ? '' : 's'})`] : cut;
};

export function compareRuns(mine: PythonRun, lesson: PythonRun, limitSeconds: number): Comparison {
  const lines: string[] = [];
  const describe = (who: string, r: PythonRun) => {
    if (r.timedOut) lines.push(`${who} did not finish within ${limitSeconds} s and was stopped.`);
    else if (r.status !== 0) lines.push(`${who} stopped with an error (exit ${r.status}): ${lastLine(r.stderr) || 'no message'}`);
    if (normalOutput(r.stdout)) lines.push(`${who} printed:`, ...shown(r.stdout));
    else if (!r.timedOut && r.status === 0) lines.push(`${who} printed nothing.`);
  };
  describe('Your code', mine);
  describe("The lesson's solution", lesson);
  const ranBoth = !mine.timedOut && !lesson.timedOut && mine.status === 0 && lesson.status === 0;
  const same = ranBoth && normalOutput(mine.stdout) === normalOutput(lesson.stdout);
  if (!ranBoth) lines.push('The outputs cannot be compared: both programs must run to the end.');
  else if (same) lines.push(normalOutput(mine.stdout) ? 'Same output as the lesson\'s solution on this input.' : 'Neither printed anything: print your result to compare it.');
  else lines.push('The outputs differ on this input.');
  return { same: same && normalOutput(mine.stdout) !== '', lines };
}

/** What a run would have checked, for a machine without python3. */
export function withoutPythonLine(): string {
  return 'With python3 on this machine, calc-ml would offer to run your code and the lesson\'s solution on the same input and compare what they print.';
}
