import { relatedMisses } from '../recap.js';
import type { StepRunner } from './context.js';

/** The takeaways, each with the questions the learner missed that it answers. */
export const takeaways: StepRunner = async (_step, { lesson, questions, deps }) => {
  const { ui, ask } = deps;
  ui.say(ui.heading('Key takeaways'));
  const recap = relatedMisses(lesson, questions, deps.record);
  for (const t of recap) {
    ui.say(`- ${t.takeaway}`);
    for (const q of t.missed) ui.say(ui.warn(`    ↳ revisit ${q.ref}: ${q.prompt.split('\n')[0]}`));
  }
  const answered = Object.keys(deps.record.answers).length > 0;
  if (answered && !recap.some((t) => t.missed.length)) ui.say(ui.good('Nothing you missed is tied to these: well done.'));
  await ask.pause();
  return 'done';
};
