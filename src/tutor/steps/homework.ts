import type { StepRunner } from './context.js';

/** The homework list, ticked off one by one; a "summarise" item takes the paragraph itself. */
export const homework: StepRunner = async (_step, ctx) => {
  const { ui, ask, save, record } = ctx.deps;
  ui.say(ui.heading('Homework'));
  for (const item of ctx.lesson.homework) {
    const done = record.homework[item.task] ?? item.done;
    if (/summari[sz]e/i.test(item.task)) {
      ui.say(`${done ? '[x]' : '[ ]'} ${item.task}`);
      const text = await ask.input(record.notes.summary ? 'Your paragraph (Enter keeps the one you wrote):' : 'Write it here (Enter to do it later):', {
        validate: (s) => (s.trim() && s.trim().split(/\s+/).length < 8 ? 'A paragraph, please: a few sentences in your own words (or press Enter to do it later).' : null),
      });
      if (text.trim()) {
        save((l) => {
          l.notes.summary = text.trim();
          l.homework[item.task] = true;
        });
        ui.say(ui.dim('Kept with your progress.'));
      } else if (!done) {
        // Left for later is said as such: progress knows the item is open even without the lesson file.
        save((l) => {
          l.homework[item.task] = false;
        });
      }
      continue;
    }
    const answer = await ask.select(`${done ? '[x]' : '[ ]'} ${item.task}`, [
      { value: 'done', name: 'Done', key: 'y' },
      { value: 'todo', name: 'Not yet', key: 'n' },
    ], { default: done ? 'done' : 'todo' });
    save((l) => {
      l.homework[item.task] = answer === 'done';
    });
  }
  const left = ctx.lesson.homework.filter((h) => !(ctx.deps.record.homework[h.task] ?? h.done)).length;
  ui.say(left ? `${left} homework item${left === 1 ? '' : 's'} left: the lesson is complete once each is done (calc-ml start --step homework brings this list back).` : ui.good('All homework done.'));
  return 'done';
};
