import { UserError } from '../../errors.js';
import { parseLab, type LabSpec } from '../../lesson/lab-spec.js';
import { recordSkip, writtenAnswer } from './answer.js';
import type { StepRunner } from './context.js';
import { runLab } from './lab.js';
import { exerciseLab, labText } from './open-lab.js';

/** One exercise: its lab first when it has one, then the written answer. */
export const exercise: StepRunner = async (step, ctx) => {
  const { lesson } = ctx;
  const { ui } = ctx.deps;
  const ref = step.id.slice('exercise:'.length);
  const q = ctx.questions.find((x) => x.ref === ref);
  const e = lesson.exercises.find((x) => x.id === ref)!;
  ui.say(ui.heading(`Exercise ${e.id} · ${e.levelName}`));
  if (q?.mode === 'lab' && q.lab) {
    let lab: LabSpec | null = null;
    try {
      lab = parseLab(q.lab);
    } catch (err) {
      // A key's mistake must not end the learner's lesson: say it, and go on to the question.
      if (!(err instanceof UserError)) throw err;
      ui.say(ui.dim(`(This exercise's lab cannot run: ${err.message}. Run "calc-ml check" on the lesson to see why.)`));
    }
    if (lab) {
      // The question first, so the learner knows what the lab is for; it is asked again after.
      ui.say(q.prompt.split('\n')[0]);
      const ran = await runLab(lab, e.id, ctx);
      if (ran === 'skipped') return recordSkip(ref, q, ctx);
    }
  }
  // No lab of its own: one that fits its text, offered, not imposed (":lab" opens it).
  const fits = q?.mode === 'lab' ? null : exerciseLab(e.prompt, lesson, ctx.lessonFunction ?? null);
  ctx.suggested = fits;
  ctx.here = `Exercise ${e.id}${e.prompt.trim() ? `: ${e.prompt.split('\n')[0]}` : ''}`;
  const note = fits ? ui.dim(`A lab fits this exercise (${labText(fits)}): type :lab to open it, or answer straight away.`) : null;
  return writtenAnswer(q ?? { ref, kind: 'open', section: 'exercise', prompt: e.prompt, line: e.line }, ctx, e.code, note);
};
