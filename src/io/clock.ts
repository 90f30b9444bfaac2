import { UserError } from '../errors.js';

/**
 * The time, for what is scheduled and stamped: the system clock, or CALC_ML_NOW (an ISO date or
 * time, `2026-01-05T09:00:00Z`) when set, so that tests (and a learner trying the review schedule)
 * can fix it. A fixed clock does not advance: every answer of a run gets the same time.
 */
export function clockNow(env = process.env): Date {
  const fixed = env.CALC_ML_NOW;
  if (!fixed) return new Date();
  const d = new Date(fixed);
  if (Number.isNaN(d.getTime())) throw new UserError(`CALC_ML_NOW must be a date like 2026-01-05 or 2026-01-05T09:00:00Z, not "${fixed}"`, 2);
  return d;
}
