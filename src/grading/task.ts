import { compileExpression } from '../math/engine.js';
import { UserError } from '../errors.js';
import type { MathTarget } from './question.js';
import { readTaskTarget } from './task-text.js';

/**
 * A coding challenge's target read from its own text, its formula checked by the math engine:
 * null when the task is not of the form or its formula does not run. (The quiz reads targets with
 * readTaskTarget alone, so that the engine is not loaded before its first prompt; the grader then
 * checks the formula when an answer comes.)
 */
export function mathTargetFromTask(task: string): MathTarget | null {
  const target = readTaskTarget(task);
  if (!target) return null;
  try {
    compileExpression(target.body, { variable: target.param });
  } catch (e) {
    if (e instanceof UserError) return null;
    throw e;
  }
  return target;
}
