import type { Lesson } from '../../lesson/model.js';
import type { Question } from '../../grading/index.js';
import type { Screen } from '../labs.js';
import type { LabChoice } from '../lab-choice.js';
import type { PlannedStep } from '../plan.js';
import type { TutorDeps, TutorOutcome } from '../start.js';

/** What every step is given: the lesson, its questions, the shell's services, and the whole plan. */
export interface StepContext {
  lesson: Lesson;
  questions: Question[];
  deps: TutorDeps;
  screen: Screen;
  steps: PlannedStep[];
  /** The lesson's own function of x (`f(x)=x^2` in its text), for labs; null when it has none. */
  lessonFunction?: string | null;
  /** The lab the current step suggests (`:lab` opens it); set by the step, cleared between steps. */
  suggested?: LabChoice | null;
  /** What the learner is answering, shown again after `:lab`, `:plan` or `:help`. */
  here?: string | null;
  /** Shows again what the prompt is about (a page of a section), after a command printed over it. */
  reshow?: (() => void) | null;
}

/** A step ends done, skipped (it comes back in review), or with an outcome that ends the lesson run. */
export type StepOutcome = 'done' | 'skipped' | TutorOutcome;

/** One kind of tutor step: a file in steps/ and one line in steps/index.ts. */
export type StepRunner = (step: PlannedStep, ctx: StepContext) => Promise<StepOutcome>;

/** After a command's output: the page the learner was reading, or a line saying what they were answering. */
export function backTo(ctx: StepContext): void {
  if (ctx.reshow) ctx.reshow();
  else if (ctx.here) ctx.deps.ui.say(`Back to: ${ctx.here}`);
}
