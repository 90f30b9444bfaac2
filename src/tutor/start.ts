import type { Lesson } from '../lesson/model.js';
import type { Question, Verdict } from '../grading/index.js';
import { UserError } from '../errors.js';
import { parseNumberList, parseNumber } from '../math/options.js';
import { compileExpression } from '../math/engine.js';
import { formatNumber as fmt } from '../math/format.js';
import type { Asker, Ui } from './ui.js';
import type { LessonProgress, AnswerRecord } from './progress.js';
import { recordAnswer, missedRefs } from './progress.js';
import { planSteps, resumeIndex, findStep, stepArg, stepNames, progressBar, type PlannedStep } from './plan.js';
import { runQuiz, verdictText } from './quiz.js';
import { askWithTries, DEFAULT_TRIES } from './tries.js';
import { descentReport, gradientReport, landscapeReport, SHAPES, type Screen } from './labs.js';
import { gradeMinimumDescription } from './minimum.js';
import { parseLab, type LabSpec } from '../lesson/lab-spec.js';
import { relatedMisses } from './recap.js';

/** What the lesson's key adds for the guided tour: an "in other words" line and a tiny chart per core idea. */
export interface IdeaExtra {
  says?: string;
  plot?: { expr: string; from: number; to: number; tangent?: number };
}

export interface TutorDeps {
  ask: Asker;
  ui: Ui;
  grade: (q: Question, answer: string) => Verdict;
  record: LessonProgress;
  save: (change: (l: LessonProgress) => void) => void;
  now: () => string;
  /** Markdown → terminal text (marked-terminal in the CLI). */
  render: (markdown: string) => Promise<string>;
  ideas?: IdeaExtra[];
  /** The next lesson's file, when it can be found (--dir, CALC_ML_LESSONS). */
  nextLessonPath?: string | null;
  /** Renders a small plot for a core idea (kept out of here so this file stays free of charts). */
  ideaChart?: (plot: NonNullable<IdeaExtra['plot']>, screen: Screen) => Promise<string>;
  /** Answers a written or coding question may take (default: 3 in a terminal, 1 from a pipe). */
  tries?: number;
}

export interface TutorOptions {
  restart?: boolean;
  step?: string;
}

export type TutorOutcome = { kind: 'finished' } | { kind: 'review' } | { kind: 'next'; path: string } | { kind: 'quit' };


/**
 * The guided lesson: welcome, then each step from where the learner left off, saving after every
 * step and every answer, so that stopping anywhere loses at most the answer being typed.
 */
export async function runTutor(lesson: Lesson, questions: Question[], deps: TutorDeps, opts: TutorOptions = {}): Promise<TutorOutcome> {
  const { ask, ui, record, save, now } = deps;
  const steps = planSteps(lesson);
  const screen: Screen = { width: ui.width, colors: ui.colors, ascii: ui.ascii };
  let index: number;

  if (opts.step) {
    index = findStep(opts.step, steps, lesson.id);
    if (index < 0) throw new UserError(`there is no step "${opts.step}" in lesson ${lesson.id}; steps are: ${stepNames(steps)}`, 2);
  } else if (opts.restart) {
    index = 0;
  } else {
    index = resumeIndex(steps, record.tutor);
  }

  welcome(lesson, steps, record, index, ui);
  const returning = !opts.step && !opts.restart && record.tutor.runs > 0 && record.tutor.step !== null;
  if (returning) {
    const finished = record.tutor.done.includes('finish');
    const misses = missedRefs(record).length;
    const choice = await ask.select(finished ? 'You finished this lesson. What now?' : 'Welcome back. What would you like to do?', [
      ...(finished ? [] : [{ value: 'resume', name: `Resume at: ${steps[index].title}`, key: 'r' }]),
      { value: 'review', name: `Review what you missed or skipped (${misses} item${misses === 1 ? '' : 's'})`, key: 'v' },
      { value: 'restart', name: 'Start the lesson again (your history is kept)', key: 's' },
      ...(finished ? [{ value: 'quit', name: 'Nothing for now', key: 'q' }] : []),
    ]);
    if (choice === 'review') return { kind: 'review' };
    if (choice === 'quit') return { kind: 'quit' };
    if (choice === 'restart') index = 0;
  }
  if (index === 0 || opts.restart) {
    save((l) => {
      l.tutor.done = [];
      l.tutor.startedAt = now();
    });
  }
  save((l) => {
    l.tutor.runs += 1;
    l.tutor.step = steps[index].id;
    l.tutor.updatedAt = now();
  });

  const ctx: StepContext = { lesson, questions, deps, screen, steps };
  for (let i = index; i < steps.length; i++) {
    const step = steps[i];
    ui.say('');
    ui.say(ui.dim(`${progressBar(i + 1, steps.length, 20, ui.ascii)} · ${step.title.split(':')[0]}`));
    const outcome = await runStep(step, ctx);
    const next = steps[i + 1]?.id ?? step.id;
    save((l) => {
      if (!l.tutor.done.includes(step.id)) l.tutor.done.push(step.id);
      if (outcome === 'skipped' && !l.tutor.skipped.includes(step.id)) l.tutor.skipped.push(step.id);
      if (outcome === 'done') l.tutor.skipped = l.tutor.skipped.filter((s) => s !== step.id);
      l.tutor.step = next;
      l.tutor.updatedAt = now();
    });
    if (typeof outcome === 'object') return outcome;
  }
  return { kind: 'finished' };
}

function welcome(lesson: Lesson, steps: PlannedStep[], record: LessonProgress, index: number, ui: Ui): void {
  const m = lesson.meta;
  ui.say(ui.heading(`Lesson ${lesson.id}: ${lesson.title}`));
  const about = [m.difficulty, m.estimatedTime, m.prerequisites ? `needs ${m.prerequisites}` : null, m.topic].filter(Boolean);
  if (about.length) ui.say(about.join(' · '));
  ui.say('');
  ui.say('Ahead of you:');
  const sections: { label: string; ids: string[] }[] = [];
  for (const s of steps) {
    const label = s.section === 'exercises' ? exercisesLabel(lesson) : s.section === 'quiz' ? `Quiz (${lesson.quiz.trueFalse.length + lesson.quiz.conceptual.length + lesson.quiz.coding.length} questions)` : s.title;
    const last = sections[sections.length - 1];
    if (last && last.label === label) last.ids.push(s.id);
    else sections.push({ label, ids: [s.id] });
  }
  const here = steps[index]?.id;
  for (const sec of sections) {
    const done = sec.ids.every((id) => record.tutor.done.includes(id));
    const mark = sec.ids.includes(here) ? (ui.ascii ? '>' : '▸') : done ? '✓' : ' ';
    ui.say(`  ${mark} ${sec.label}`);
  }
  ui.say(ui.dim(progressBar(record.tutor.done.filter((d) => steps.some((s) => s.id === d)).length, steps.length, 20, ui.ascii).replace('step', 'done')));
}

function exercisesLabel(lesson: Lesson): string {
  const byLevel = new Map<string, number>();
  for (const e of lesson.exercises) byLevel.set(e.levelName.toLowerCase(), (byLevel.get(e.levelName.toLowerCase()) ?? 0) + 1);
  return `Exercises (${lesson.exercises.length}: ${[...byLevel].map(([n, c]) => `${c} ${n}`).join(', ')})`;
}

interface StepContext {
  lesson: Lesson;
  questions: Question[];
  deps: TutorDeps;
  screen: Screen;
  steps: PlannedStep[];
}

type StepOutcome = 'done' | 'skipped' | TutorOutcome;

async function runStep(step: PlannedStep, ctx: StepContext): Promise<StepOutcome> {
  const { lesson, deps } = ctx;
  const { ui, ask } = deps;
  switch (step.id) {
    case 'objectives': {
      ui.say(await deps.render(`## Learning objectives\n\nBy the end of this lesson, you will be able to:\n\n${lesson.objectives.map((o) => `- ${o}`).join('\n')}\n`));
      await ask.pause();
      return 'done';
    }
    case 'core-ideas': {
      for (const [i, idea] of lesson.coreIdeas.entries()) {
        ui.say(ui.heading(`Core idea ${i + 1} of ${lesson.coreIdeas.length}: ${idea}`));
        const extra = deps.ideas?.[i];
        if (extra?.says) ui.say(`In other words: ${extra.says}`);
        if (extra?.plot && deps.ideaChart) ui.say(await deps.ideaChart(extra.plot, ctx.screen));
        await ask.pause();
      }
      return 'done';
    }
    case 'mini-project':
      return miniProject(ctx);
    case 'quiz': {
      await runQuiz(lesson, ctx.questions, deps.record, { ask, ui, grade: deps.grade, save: deps.save, now: deps.now, tries: deps.tries });
      await ask.pause();
      return 'done';
    }
    case 'takeaways': {
      ui.say(ui.heading('Key takeaways'));
      const recap = relatedMisses(lesson, ctx.questions, deps.record);
      for (const t of recap) {
        ui.say(`- ${t.takeaway}`);
        for (const q of t.missed) ui.say(ui.warn(`    ↳ revisit ${q.ref}: ${q.prompt.split('\n')[0]}`));
      }
      const answered = Object.keys(deps.record.answers).length > 0;
      if (answered && !recap.some((t) => t.missed.length)) ui.say(ui.good('Nothing you missed is tied to these: well done.'));
      await ask.pause();
      return 'done';
    }
    case 'homework':
      return homework(ctx);
    case 'finish':
      return finish(ctx);
  }
  if (step.id.startsWith('exercise:')) {
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
    return writtenAnswer(q ?? { ref, kind: 'open', section: 'exercise', prompt: e.prompt, line: e.line }, ctx, e.code);
  }
  return 'done';
}

/**
 * A written answer: graded with the rubric where the key has one; "?" shows the next hint, and a
 * miss may be tried again (askWithTries) before the model answer is shown.
 */
async function writtenAnswer(q: Question, ctx: StepContext, code: string | null = null): Promise<StepOutcome> {
  const { ui, ask, grade, save, now } = ctx.deps;
  ui.say(q.prompt.split('\n')[0]);
  if (code) ui.say(await ctx.deps.render('```python\n' + code + '\n```'));
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
    ui.say(ui.dim('Kept. There is no answer key for this question: compare your answer with the lesson.'));
    const self = await ask.select('How did it go?', [
      { value: 'right', name: 'I am happy with my answer', key: 'y' },
      { value: 'wrong', name: 'I am not sure: bring it back in review', key: 'n' },
    ]);
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

function recordSkip(ref: string, q: Question | undefined, ctx: StepContext): StepOutcome {
  const { ui, save, now } = ctx.deps;
  save((l) => recordAnswer(l, { ref, kind: q?.kind ?? 'open', answer: '', verdict: 'incorrect', score: 0, at: now() }));
  ui.say(ui.dim(`Skipped. It will come back in review (calc-ml review).`));
  return 'skipped';
}

/** An expression the engine can read, or its UserError (column and caret) to show and ask again. */
const readable = (s: string) => {
  compileExpression(s);
  return s;
};

/** Asks until the answer reads (the math engine's message otherwise); Enter takes the default. */
async function askValue<T>(ctx: StepContext, message: string, def: string, read: (s: string) => T): Promise<T> {
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

async function runLab(lab: LabSpec, exerciseId: string, ctx: StepContext): Promise<'done' | 'skipped'> {
  const { ui, ask } = ctx.deps;
  const go = await ask.select('This exercise has a lab. Try it first?', [
    { value: 'lab', name: 'Yes, open the lab', key: 'y' },
    { value: 'skip', name: 'Skip the lab and answer in words', key: 'n' },
  ]);
  if (go === 'skip') return 'done';
  if (lab.kind === 'grad') {
    ui.say('Numeric gradients estimate f′(x) from two nearby values of f; analytic ones differentiate the formula.');
    const expr = await askValue(ctx, 'A function f(x)', lab.expr, readable);
    const at = await askValue(ctx, 'At which x', fmt(lab.at ?? 3), (s) => parseNumber('x', s));
    try {
      ui.say((await gradientReport(expr, at, ctx.screen)).text);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      ui.say([e.message, ...e.detail].join('\n'));
      return runLab(lab, exerciseId, ctx);
    }
  } else if (lab.kind === 'rates') {
    ui.say(`Gradient descent on loss(x) = ${lab.expr} from x = ${fmt(lab.start)}: each step moves x by −lr·f′(x).`);
    ui.say('Pick learning rates to compare side by side: a slow one, a good one, one that oscillates, one that diverges.');
    const rates = await askValue(ctx, 'Learning rates, separated by commas', lab.rates.map((r) => fmt(r)).join(','), (s) => parseNumberList('lr', s, { above: 0, max: 100, most: 6 }));
    ui.say((await descentReport(lab.expr, rates, lab.start, ctx.screen, lab.steps)).text);
  } else {
    ui.say('Now minimise a loss function of your own with gradient descent.');
    let report: string | null = null;
    while (report === null) {
      const expr = await askValue(ctx, 'Your loss function of x, e.g. (x - 4)^2 + 2', lab.expr, readable);
      const start = await askValue(ctx, 'Start at x', fmt(lab.start), (s) => parseNumber('start', s, { min: -1e6, max: 1e6 }));
      const lr = await askValue(ctx, 'Learning rate', fmt(lab.rates[0]), (s) => parseNumber('lr', s, { above: 0, max: 100 }));
      try {
        report = (await descentReport(expr, [lr], start, ctx.screen, Math.max(lab.steps, 100))).text;
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        ui.say(ui.bad([e.message, ...e.detail].join('\n')));
        ui.say('Try another one.');
      }
    }
    ui.say(report);
  }
  await ask.pause();
  return 'done';
}

async function miniProject(ctx: StepContext): Promise<StepOutcome> {
  const { ui, ask, save, now } = ctx.deps;
  const mp = ctx.lesson.miniProject!;
  ui.say(ui.heading(`Mini-project: ${mp.title}`));
  if (mp.task) ui.say(mp.task);
  const choice = await ask.select('Which loss curve?', [
    ...SHAPES.map((s, i) => ({ value: s.value as string, name: `${s.name}: ${s.expr}`, key: String(i + 1) })),
    { value: 'own', name: 'My own: type a formula', key: 'o' },
    { value: 'skip', name: 'Skip the mini-project for now', key: 's' },
  ]);
  if (choice === 'skip') return recordSkip('mini-project', undefined, ctx);
  const shape = SHAPES.find((s) => s.value === choice);
  let land: Awaited<ReturnType<typeof landscapeReport>> | null = null;
  let expr = shape?.expr ?? '';
  while (!land) {
    if (!shape) expr = await askValue(ctx, 'Your loss curve, a formula in x', 'x^2 - 2x + 3', readable);
    try {
      land = await landscapeReport(expr, shape?.from ?? -5, shape?.to ?? 5, ctx.screen, shape && 'start' in shape ? shape.start : undefined);
    } catch (e) {
      if (!(e instanceof UserError) || shape) throw e;
      ui.say(ui.bad([e.message, ...e.detail].join('\n')));
    }
  }
  ui.say(land.text);
  ui.say('');
  ui.say('Describe the minimum in words: where it is, how low the loss gets there, and whether it is the only one.');
  const description = await ask.input('Your description (Enter skips):');
  if (!description.trim()) return recordSkip('mini-project', undefined, ctx);
  const v = gradeMinimumDescription(description, land);
  ui.say(verdictText(v, ui));
  save((l) => {
    recordAnswer(l, { ref: 'mini-project', kind: 'landscape', answer: description, verdict: v.verdict, score: v.score, at: now() });
    l.notes['mini-project'] = JSON.stringify({ curve: land!.expr.text, from: land!.from, to: land!.to, description });
  });
  await ask.pause();
  return 'done';
}

async function homework(ctx: StepContext): Promise<StepOutcome> {
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
  ui.say(left ? `${left} homework item${left === 1 ? '' : 's'} left; this list comes back when you run calc-ml start again.` : ui.good('All homework done.'));
  return 'done';
}

async function finish(ctx: StepContext): Promise<StepOutcome> {
  const { ui, ask } = ctx.deps;
  const next = ctx.lesson.next;
  // Reached by walking (or jumping with --step) to the end: complete only when every step was done.
  const open = ctx.steps.filter((s) => s.id !== 'finish' && !ctx.deps.record.tutor.done.includes(s.id));
  if (!open.length) ui.say(ui.heading(`Lesson ${ctx.lesson.id} complete.`));
  else {
    // Counted as the progress bar counts: this last step is reached, so it is one of the done.
    const total = ctx.steps.length;
    ui.say(ui.heading(`End of Lesson ${ctx.lesson.id}: ${total - open.length} of ${total} steps done.`));
    const names = open.slice(0, 3).map((s) => s.title.replace(/[.!?]$/, ''));
    ui.say(`Still open: ${names.join('; ')}${open.length > 3 ? `; and ${open.length - 3} more` : ''}. Go back with: calc-ml start --step ${stepArg(open[0].id)}`);
  }
  const misses = missedRefs(ctx.deps.record).length;
  if (misses) ui.say(`${misses} item${misses === 1 ? '' : 's'} to review: run calc-ml review.`);
  if (!next) return { kind: 'finished' };
  ui.say(`Next: Lesson ${next.id}${next.title ? `: ${next.title}` : ''}.`);
  if (ctx.deps.nextLessonPath) {
    const go = await ask.select('Start it now?', [
      { value: 'yes', name: `Yes, start Lesson ${next.id}`, key: 'y' },
      { value: 'no', name: 'Later', key: 'n' },
    ]);
    if (go === 'yes') return { kind: 'next', path: ctx.deps.nextLessonPath };
  } else {
    ui.say(ui.dim(`When you have its file: calc-ml start ${next.id} --dir FOLDER (or set CALC_ML_LESSONS).`));
  }
  return { kind: 'finished' };
}
