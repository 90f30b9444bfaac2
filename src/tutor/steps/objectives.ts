import type { StepRunner } from './context.js';

/** The lesson's learning objectives, as the lesson states them. */
export const objectives: StepRunner = async (_step, { lesson, deps }) => {
  // Titled as every step is (the step line above it carries no title): once, not again as a "## " heading.
  deps.ui.say(deps.ui.heading('Learning objectives'));
  deps.ui.say((await deps.render(`By the end of this lesson, you will be able to:\n\n${lesson.objectives.map((o) => `- ${o}`).join('\n')}\n`)).replace(/\s+$/, ''));
  await deps.ask.pause();
  return 'done';
};
