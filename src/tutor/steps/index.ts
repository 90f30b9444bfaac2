import type { StepKind } from '../plan.js';
import type { StepRunner } from './context.js';
import { objectives } from './objectives.js';
import { coreIdeas } from './core-ideas.js';
import { reading } from './reading.js';
import { exercise } from './exercise.js';
import { miniProject } from './mini-project.js';
import { quiz } from './quiz.js';
import { takeaways } from './takeaways.js';
import { homework } from './homework.js';
import { finish } from './finish.js';

export type { StepContext, StepOutcome, StepRunner } from './context.js';

/** One runner per kind of step the plan makes (plan.ts); a new kind of step is a file and a line here. */
export const STEP_RUNNERS: Record<StepKind, StepRunner> = {
  objectives,
  'core-ideas': coreIdeas,
  reading,
  exercise,
  'mini-project': miniProject,
  quiz,
  takeaways,
  homework,
  finish,
};
