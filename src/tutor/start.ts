import type { Lesson } from '../lesson/model.js';
import type { Question, Verdict } from '../grading/index.js';
import { UserError } from '../errors.js';
import type { Asker, Ui } from './ui.js';
import type { LessonProgress } from './progress.js';
import { stepFigures } from './progress-status.js';
import { passMarkOf } from './quiz-score.js';
import type { PythonRunner } from './quiz.js';
import { planSteps, resumeIndex, findStep, stepNames, progressBar, minutesLabel, formatMinutes, quizSize, walkedSteps, type PlannedStep } from './plan.js';
import type { Screen } from './labs.js';
import { STEP_RUNNERS, type StepContext, type StepOutcome } from './steps/index.js';
import { backTo } from './steps/context.js';
import type { OutlineSection } from '../lesson/outline.js';
import { withCommands, StepControl } from './command-asker.js';
import { COMMAND_HELP, COMMANDS_LINE, commandHelp } from './commands.js';
import { lessonFunction, openLab } from './steps/open-lab.js';
import { recordSkip } from './steps/answer.js';

/** What the lesson's key adds for the guided tour: an "in other words" line and a tiny chart per core idea. */
export interface IdeaExtra {
  says?: string;
  plot?: { expr: string; from: number; to: number; tangent?: number };
  /** A contour map of f(x, y) with the gradient at `at`. */
  map?: { expr: string; at: [number, number]; box?: [number, number, number, number] };
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
  /** Renders a contour map with the gradient drawn at a point, for a core idea in two variables. */
  ideaMap?: (map: NonNullable<IdeaExtra['map']>, screen: Screen) => Promise<string>;
  /** Answers a written or coding question may take (default: 3 in a terminal, 1 from a pipe). */
  tries?: number;
  /** python3, to run a coding answer beside the lesson's solution (the quiz offers it). */
  python?: PythonRunner;
  /** The pass mark the lesson states for itself, if any (else the default): the quiz step is done once it is reached. */
  passMark?: number | null;
  /** The lesson's `##` sections in order (lesson/outline.ts): every one is walked. Without it, the model's steps. */
  outline?: OutlineSection[];
}

export interface TutorOptions {
  restart?: boolean;
  step?: string;
}

export type TutorOutcome = { kind: 'finished' } | { kind: 'review' } | { kind: 'next'; path: string } | { kind: 'quit'; at?: string };


/**
 * The guided lesson: welcome, then each step from where the learner left off, saving after every
 * step and every answer, so that stopping anywhere loses at most the answer being typed.
 */
export async function runTutor(lesson: Lesson, questions: Question[], deps: TutorDeps, opts: TutorOptions = {}): Promise<TutorOutcome> {
  const { ask, ui, record, save, now } = deps;
  const steps = planSteps(lesson, deps.outline);
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

  welcome(lesson, steps, record, index, ui, passMarkOf(deps.passMark));
  ui.say(ui.dim(COMMANDS_LINE));
  let i = index;
  const ctx: StepContext = { lesson, questions, deps: { ...deps }, screen, steps, lessonFunction: lessonFunction(lesson) };
  // Every prompt goes through the commands (:skip, :back, :lab, :plan, :quit, :help), the welcome's
  // and "Press Enter to begin" included: a command is never taken as "begin".
  const commanded = withCommands(ask, {
    help: () => {
      ui.say(commandHelp(ui.width));
      backTo(ctx);
    },
    plan: () => {
      showPlan(lesson, steps, record, i, ui, passMarkOf(deps.passMark));
      backTo(ctx);
    },
    lab: (arg) => openLab(arg, ctx),
    unknown: (text) => ui.say(`${text} is not a command. Commands: ${COMMAND_HELP.map(([c]) => c).join(' ')}`),
  });
  ctx.deps.ask = commanded;
  /** :skip, :back or :quit typed before the first step: done on that step, as if typed at its first prompt. */
  let before: StepControl | null = null;
  const controlled = async <T>(prompt: () => Promise<T>): Promise<T | null> => {
    try {
      return await prompt();
    } catch (e) {
      if (!(e instanceof StepControl)) throw e;
      before = e;
      return null;
    }
  };
  const returning = !opts.step && !opts.restart && record.tutor.runs > 0 && record.tutor.step !== null;
  let restarting = !!opts.restart;
  if (returning) {
    const reachedEnd = record.tutor.done.includes('finish');
    // The end reached with a step still open (homework left for later, a step skipped): that step
    // is offered first, and said, rather than the end's "finished" (which it is not).
    const open = reachedEnd ? openSteps(steps, record, passMarkOf(deps.passMark)) : [];
    const finished = reachedEnd && !open.length;
    // What review will bring back, counted as review counts it (one schedule for both).
    const { dueCount } = await import('./schedule.js');
    const due = dueCount({ [lesson.key]: record }, new Date(now()), questions);
    if (open.length) ui.say(`You reached the end of this lesson; still open: ${open.map((o) => o.what).join('; ')}.`);
    ctx.here = finished ? 'You finished this lesson. What now?' : open.length ? 'What would you like to do?' : 'Welcome back. What would you like to do?';
    const choice = await controlled(() => commanded.select(ctx.here!, [
      ...(open.length ? [{ value: 'open', name: `Go back to: ${open[0].title}`, key: 'r' }] : []),
      ...(finished || open.length ? [] : [{ value: 'resume', name: `Resume at: ${steps[index].title}`, key: 'r' }]),
      { value: 'review', name: `Review what is due (${due} item${due === 1 ? '' : 's'})`, key: 'v' },
      { value: 'restart', name: 'Start the lesson again (your history is kept)', key: 's' },
      ...(finished ? [{ value: 'quit', name: 'Nothing for now', key: 'q' }] : []),
    ]));
    if (choice === 'review') return { kind: 'review' };
    if (choice === 'quit') return { kind: 'quit' };
    if (choice === 'open') {
      index = steps.findIndex((s) => s.id === open[0].id);
      i = index;
    }
    if (choice === 'restart') {
      index = 0;
      i = 0;
      restarting = true;
    }
  } else if (ask.interactive) {
    // The plan is read before the first step's text pushes it off the screen.
    ctx.here = 'the start of the lesson (Enter begins it)';
    await controlled(() => commanded.pause('Press Enter to begin'));
  }
  ctx.here = null;
  // :quit before the first step: nothing was begun, the learner stands where they stood.
  if ((before as StepControl | null)?.action === 'quit') return { kind: 'quit', at: steps[index].id };
  // Only starting again clears where the learner stood (their answers are kept): going back to the
  // first step (--step objectives, :back then :quit) is not starting over.
  if (restarting) {
    save((l) => {
      l.tutor.done = [];
      l.tutor.skipped = [];
      l.tutor.startedAt = now();
    });
  } else if (record.tutor.startedAt === null) save((l) => void (l.tutor.startedAt = now()));
  save((l) => {
    l.tutor.runs += 1;
    l.tutor.step = steps[index].id;
    l.tutor.updatedAt = now();
  });

  while (i < steps.length) {
    const step = steps[i];
    ctx.suggested = null;
    ctx.here = null;
    ctx.reshow = null;
    ui.say('');
    // Where the learner is, counted over the steps to walk; the step names itself in its own heading.
    // At the closing step, what was done instead.
    const walked = walkedSteps(steps);
    ui.say(ui.dim(step.kind === 'finish'
      ? progressBar(stepFigures(steps, record, passMarkOf(deps.passMark)).done, walked.length, 20, ui.ascii).replace('step', 'done')
      : progressBar(walked.indexOf(step) + 1, walked.length, 20, ui.ascii)));
    let outcome: StepOutcome;
    try {
      const early = before;
      before = null;
      if (early) throw early;
      outcome = await runStep(step, ctx);
    } catch (e) {
      if (!(e instanceof StepControl)) throw e;
      if (e.action === 'quit') {
        save((l) => {
          l.tutor.step = step.id;
          l.tutor.updatedAt = now();
        });
        return { kind: 'quit', at: step.id };
      }
      if (e.action === 'back') {
        if (i === 0) ui.say(ui.dim('This is the first step.'));
        i = Math.max(0, i - 1);
        save((l) => {
          l.tutor.step = steps[i].id;
          l.tutor.updatedAt = now();
        });
        continue;
      }
      // :skip. An exercise or mini-project skipped is a miss that review brings back, as an empty answer is.
      if (step.kind === 'exercise' || step.kind === 'mini-project') {
        const ref = step.kind === 'exercise' ? step.id.slice('exercise:'.length) : 'mini-project';
        outcome = recordSkip(ref, questions.find((q) => q.ref === ref), ctx);
      } else {
        ui.say(ui.dim('Skipped.'));
        outcome = 'skipped';
      }
    }
    const next = steps[i + 1]?.id ?? step.id;
    save((l) => {
      if (!l.tutor.done.includes(step.id)) l.tutor.done.push(step.id);
      if (outcome === 'skipped' && !l.tutor.skipped.includes(step.id)) l.tutor.skipped.push(step.id);
      if (outcome === 'done') l.tutor.skipped = l.tutor.skipped.filter((s) => s !== step.id);
      l.tutor.step = next;
      l.tutor.updatedAt = now();
    });
    if (typeof outcome === 'object') return outcome;
    i++;
  }
  return { kind: 'finished' };
}

/** The steps still open at the end of a lesson, in order, each said with what is left of it ("Homework (1 of 2 items left)"). */
function openSteps(steps: PlannedStep[], record: LessonProgress, passMark: number): { id: string; title: string; what: string }[] {
  const states = new Map(stepFigures(steps, record, passMark).list.map((x) => [x.id, x.state]));
  const out: { id: string; title: string; what: string }[] = [];
  for (const s of walkedSteps(steps)) {
    const st = states.get(s.id);
    const quizFailed = s.id === 'quiz' && st === 'missed';
    if (st !== 'left' && st !== 'skipped' && !quizFailed) continue;
    const title = s.title.replace(/[.!?]$/, '');
    let what = st === 'skipped' ? `${title} (skipped)` : quizFailed ? `${title} (not passed yet)` : title;
    if (s.homework) {
      const left = s.homework.filter((h) => !(record.homework[h.task] ?? h.done)).length;
      what = `${title} (${left} of ${s.homework.length} item${s.homework.length === 1 ? '' : 's'} left)`;
    }
    out.push({ id: s.id, title, what });
  }
  return out;
}

function welcome(lesson: Lesson, steps: PlannedStep[], record: LessonProgress, index: number, ui: Ui, passMark: number): void {
  const m = lesson.meta;
  ui.say(ui.heading(`Lesson ${lesson.id}: ${lesson.title}`));
  const about = [m.difficulty, m.estimatedTime, m.prerequisites ? `needs ${m.prerequisites}` : null, m.topic].filter(Boolean);
  if (about.length) ui.say(about.join(' · '));
  ui.say('');
  ui.say('Ahead of you:');
  showPlan(lesson, steps, record, index, ui, passMark);
}

/** The plan, one line per section with its minutes: ✓ done, ▸ here. Shown at the start and by :plan. */
function showPlan(lesson: Lesson, steps: PlannedStep[], record: LessonProgress, index: number, ui: Ui, passMark: number): void {
  const sections: { label: string; ids: string[] }[] = [];
  // The closing step is not one to walk: the plan lists what is, and the figures count the same.
  for (const s of walkedSteps(steps)) {
    const minutes = minutesLabel(s);
    const label = s.section === 'exercises' ? exercisesLabel(lesson) : s.section === 'quiz' ? `Quiz (${quizSize(lesson)} question${quizSize(lesson) === 1 ? '' : 's'}, pass mark ${Math.round(passMark * 100)}%)` : `${s.title}${minutes ? ` · ${minutes}` : ''}`;
    const last = sections[sections.length - 1];
    if (last && last.label === label) last.ids.push(s.id);
    else sections.push({ label, ids: [s.id] });
  }
  const here = steps[index]?.id;
  // Each section marked by where the learner stands in it (progress-status: skipped is not done).
  const figures = stepFigures(steps, record, passMark);
  const states = new Map(figures.list.map((x) => [x.id, x.state]));
  let marked = false;
  for (const sec of sections) {
    const st = sec.ids.map((id) => states.get(id) ?? 'left');
    const mark = sec.ids.includes(here) ? (ui.ascii ? '>' : '▸')
      : st.every((x) => x === 'done') ? (ui.ascii ? '+' : '✓')
      : st.includes('missed') ? (ui.ascii ? 'x' : '✗')
      : st.includes('skipped') ? '-'
      : ' ';
    if (mark !== ' ' && !sec.ids.includes(here)) marked = true;
    ui.say(`  ${mark} ${sec.label}`);
  }
  // Where the lesson leads, not a step of it (it is not counted, so it is not listed as one).
  if (lesson.next) ui.say(ui.dim(`  After this: Lesson ${lesson.next.id}${lesson.next.title ? `, ${lesson.next.title}` : ''}`));
  if (marked) ui.say(ui.dim(ui.ascii ? '  (+ done, x missed, - skipped)' : '  (✓ done, ✗ missed, - skipped)'));
  ui.say(ui.dim(progressBar(figures.done, figures.total, 20, ui.ascii).replace('step', 'done')));
  // Only sections have times (the author's, or estimated): the steps without one are said to be, so
  // "about 1 min" is never read as the whole of a two-hour lesson.
  const ahead = walkedSteps(steps.slice(index));
  const left = ahead.reduce((n, s) => n + (s.minutes ?? 0), 0);
  const untimed = ahead.filter((s) => s.minutes === undefined).length;
  const whole = lesson.meta.estimatedTime ? ` (the lesson's own estimate: ${lesson.meta.estimatedTime})` : '';
  if (left && !untimed) ui.say(ui.dim(`Time ahead: about ${formatMinutes(left)} (the author's times, else estimated from the length).`));
  else if (left) ui.say(ui.dim(`Time ahead: about ${formatMinutes(left)} for the sections with a time, and ${untimed} step${untimed === 1 ? '' : 's'} without one${whole}.`));
  else if (lesson.meta.estimatedTime) ui.say(ui.dim(`The lesson's own estimate of its time: ${lesson.meta.estimatedTime}.`));
}

function exercisesLabel(lesson: Lesson): string {
  const byLevel = new Map<string, number>();
  for (const e of lesson.exercises) byLevel.set(e.levelName.toLowerCase(), (byLevel.get(e.levelName.toLowerCase()) ?? 0) + 1);
  return `Exercises (${lesson.exercises.length}: ${[...byLevel].map(([n, c]) => `${c} ${n}`).join(', ')})`;
}

/** Each kind of step has its own file in steps/; the plan says which kind a step is. */
function runStep(step: PlannedStep, ctx: StepContext): Promise<StepOutcome> {
  return STEP_RUNNERS[step.kind](step, ctx);
}
