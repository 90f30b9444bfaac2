import type { StepRunner } from './context.js';

/** Each core idea on its own, with the key's "in other words" line and tiny chart where it has them. */
export const coreIdeas: StepRunner = async (_step, { lesson, deps, screen }) => {
  const { ui, ask } = deps;
  for (const [i, idea] of lesson.coreIdeas.entries()) {
    ui.say(ui.heading(`Core idea ${i + 1} of ${lesson.coreIdeas.length}: ${idea}`));
    const extra = deps.ideas?.[i];
    if (extra?.says) ui.say(`In other words: ${extra.says}`);
    if (extra?.plot && deps.ideaChart) ui.say(await deps.ideaChart(extra.plot, screen));
    if (extra?.map && deps.ideaMap) ui.say(await deps.ideaMap(extra.map, screen));
    await ask.pause();
  }
  return 'done';
};
