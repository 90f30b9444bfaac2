import type { Lesson } from '../../lesson/model.js';
import type { Question } from '../../grading/index.js';
import type { Screen } from '../labs.js';
import type { PlannedStep } from '../plan.js';
import type { TutorDeps, TutorOutcome } from '../start.js';

/** What every step is given: the lesson, its questions, the shell's services, and the whole plan. */
export interface StepContext {
  lesson: Lesson;
  questions: Question[];
  deps: TutorDeps;
  screen: Screen;
  steps: PlannedStep[];
}

/** A step ends done, skipped (it comes back in review), or with an outcome that ends the lesson run. */
export type StepOutcome = 'done' | 'skipped' | TutorOutcome;

/** One kind of tutor step: a file in steps/ and one line in steps/index.ts. */
export type StepRunner = (step: PlannedStep, ctx: StepContext) => Promise<StepOutcome>;
