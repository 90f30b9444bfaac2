import type { PythonRunner } from '../tutor/quiz.js';

/** Seconds a program may run before it is stopped. */
export const PYTHON_LIMIT_S = 5;

/**
 * python3 for comparing a coding answer with the lesson's solution. Looked for, and child_process
 * loaded, only when a coding answer could use it: the quiz's first prompt does not wait for either.
 */
export function pythonRunner(): PythonRunner {
  return {
    available: async () => (await import('./python-spawn.js')).hasPython(),
    limitSeconds: PYTHON_LIMIT_S,
    run: async (code, input) => (await import('./python-spawn.js')).runPython(code, input, PYTHON_LIMIT_S),
  };
}
