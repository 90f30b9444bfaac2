import { UserError } from '../../errors.js';
import type { Question } from '../../grading/index.js';
import { recordAnswer, type AnswerRecord } from '../progress.js';
import { askWithTries, DEFAULT_TRIES } from '../tries.js';
import { lessonAnswerText } from '../quiz.js';
import type { StepContext, StepOutcome } from './context.js';

/**
 * A written answer: graded with the rubric where the key has one; "?" shows the next hint, and a
 * miss may be tried again (askWithTries) before the model answer is shown.
 */
export async function writtenAnswer(q: Question, ctx: StepContext, code: string | null = null, note: string | null = null): Promise<StepOutcome> {
  const { ui, ask, grade, save, now } = ctx.deps;
  // A lesson may give an item no words at all ("**Starter Exercise 1:**" and a block): say so, not a blank line.
  ui.say(q.prompt.split('\n')[0].trim() || ui.dim(code ? 'The lesson gives this no words of its own: do what its code below asks.' : 'The lesson gives this no words of its own: see the lesson.'));
  if (code) ui.say(await ctx.deps.render('```python\n' + code + '\n```'));
  if (note) ui.say(note);
  const asked = await askWithTries(q, {
    ask, ui, grade, maxTries: ctx.deps.tries ?? (ask.interactive ? DEFAULT_TRIES : 1),
    onTry: (earlier, hintsUsed) => {
      const last = earlier[earlier.length - 1];
      save((l) => recordAnswer(l, { ref: q.ref, kind: q.kind, ...last, at: now(), tries: earlier.length, hintsUsed }));
    },
  });
  if (asked.skipped) return recordSkip(q.ref, q, ctx);
  const v = asked.verdict;
  const rec: AnswerRecord = { ref: q.ref, kind: q.kind, answer: asked.answer, verdict: v.verdict, score: v.score, at: now(), tries: v.tries ?? 1, hintsUsed: v.hintsUsed ?? 0 };
  if (v.verdict === 'ungraded') {
    const own = lessonAnswerText(q, ui);
    ui.say(ui.dim(own ? "Kept, not graded: check it against the lesson's answer." : 'Kept. There is no answer key for this question: compare your answer with the lesson.'));
    if (own) ui.say(own);
    const self = await ask.select('How did it go?', [
      { value: 'right', name: 'I am happy with my answer', key: 'y' },
      { value: 'wrong', name: 'I am not sure: bring it back in review', key: 'n' },
    // Not the favourable choice by default: the learner says they were right, Enter alone does not.
    ], { default: 'wrong' });
    save((l) => recordAnswer(l, { ...rec, self: self as 'right' | 'wrong' }));
    return 'done';
  }
  save((l) => recordAnswer(l, rec));
  ui.say(asked.shown);
  if (q.modelAnswer && !v.feedback.includes(q.modelAnswer)) ui.say(`Model answer: ${q.modelAnswer}`);
  if (q.explanation && !v.feedback.includes(q.explanation)) ui.say(ui.dim(q.explanation));
  await ask.pause();
  return 'done';
}

/**
 * A skipped item is saved as a miss, so review brings it back. One answered before (a step walked
 * again after :back or a resume) is passed over as it stands: skipping past it does not undo it.
 */
export function recordSkip(ref: string, q: Question | undefined, ctx: StepContext): StepOutcome {
  const { ui, save, now } = ctx.deps;
  if ((ctx.deps.record.answers[ref] ?? []).some((a) => a.answer.trim() !== '')) {
    ui.say(ui.dim('You answered this before: it stays as it was (calc-ml review brings it back when it is due).'));
    return 'done';
  }
  save((l) => recordAnswer(l, { ref, kind: q?.kind ?? 'open', answer: '', verdict: 'incorrect', score: 0, at: now() }));
  ui.say(ui.dim(`Skipped. It will come back in review (calc-ml review).`));
  return 'skipped';
}

/** Asks until the answer reads (the math engine's message otherwise); Enter takes the default. */
export async function askValue<T>(ctx: StepContext, message: string, def: string, read: (s: string) => T): Promise<T> {
  const { ask } = ctx.deps;
  let value!: T;
  await ask.input(`${message} (Enter for ${def}):`, {
    validate: (s) => {
      try {
        value = read(s.trim() || def);
        return null;
      } catch (e) {
        if (e instanceof UserError) return [e.message, ...e.detail].join('\n');
        throw e;
      }
    },
  });
  return value;
}
