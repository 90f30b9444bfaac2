import type { StepRunner } from './context.js';

/** The lesson's learning objectives, as the lesson states them. */
export const objectives: StepRunner = async (_step, { lesson, deps }) => {
  deps.ui.say(await deps.render(`## Learning objectives\n\nBy the end of this lesson, you will be able to:\n\n${lesson.objectives.map((o) => `- ${o}`).join('\n')}\n`));
  await deps.ask.pause();
  return 'done';
};
