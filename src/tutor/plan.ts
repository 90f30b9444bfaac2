import type { Lesson } from '../lesson/model.js';
// Types only: the outline is read (with marked) before the plan is made, or comes precompiled.
import type { OutlineSection } from '../lesson/outline.js';
import { titleMinutes } from '../lesson/minutes.js';
import type { TutorState } from './progress.js';

/**
 * The guided lesson as a list of steps, and where a learner resumes in it. Pure: the runner
 * (start.ts) shows the steps; this decides which, in what order, and from where.
 */

export type Section = 'objectives' | 'ideas' | 'reading' | 'exercises' | 'mini-project' | 'quiz' | 'wrap-up';

/** Which runner shows a step (tutor/steps/index.ts holds one per kind). */
export type StepKind = 'objectives' | 'core-ideas' | 'reading' | 'exercise' | 'mini-project' | 'quiz' | 'takeaways' | 'homework' | 'finish';

export interface PlannedStep {
  /** Stable id kept in progress: `objectives`, `read:introduction`, `exercise:1.2.26.4`, `quiz`, … */
  id: string;
  kind: StepKind;
  title: string;
  section: Section;
  /** A reading step's text (a section of the lesson, as markdown). */
  markdown?: string;
  /** Minutes to spend: the author's ("(20 min)" in the heading), else estimated from the length. */
  minutes?: number;
  estimated?: boolean;
  /** The homework step's items, as the lesson marks them ("- [x]" is done already). */
  homework?: { task: string; done: boolean }[];
}

/** The names of the steps that are the same in every lesson: the plan's titles, and what progress shows. */
const STEP_TITLES = {
  objectives: 'Learning objectives', 'core-ideas': 'Core ideas', 'mini-project': 'Mini-project', quiz: 'Quiz',
  takeaways: 'Key takeaways', homework: 'Homework', finish: 'the end',
} as const;

/**
 * The steps, in the author's order of sections when the lesson's outline is given (lesson/outline.ts):
 * every `##` section the tutor has no step of its own for is a reading step, so nothing the author
 * wrote is passed over; a section whose items could not be read (an exercise section without
 * exercises) is read too. Without an outline, the model's own order.
 */
export function planSteps(lesson: Lesson, outline: OutlineSection[] = []): PlannedStep[] {
  const made = new Set<StepKind>();
  const steps: PlannedStep[] = [];
  const slugs = new Set<string>();
  const own = (kind: StepKind): PlannedStep[] => {
    if (made.has(kind)) return [];
    const s = ownSteps(lesson, kind);
    if (s.length) made.add(kind);
    return s;
  };
  for (const sec of outline) {
    const kind = SECTION_STEP[sec.kind] ?? null;
    if (kind) {
      const s = own(kind);
      if (s.length || made.has(kind)) {
        // The mini-project is the author's text too: shown as written where it is not a lab.
        if (kind === 'mini-project' && s.length) s[0] = { ...s[0], markdown: sec.markdown, minutes: sec.minutes ?? undefined };
        steps.push(...s);
        continue;
      }
    }
    if (!sec.markdown.trim()) continue;
    steps.push(readingStep(sec, slugs));
  }
  // What the outline did not place (no outline, or a section it could not see), in the model's order.
  for (const kind of ORDER) {
    if (made.has(kind)) continue;
    const s = own(kind);
    if (!s.length) continue;
    const after = ORDER.slice(0, ORDER.indexOf(kind));
    let at = 0;
    steps.forEach((st, i) => {
      if (after.includes(st.kind)) at = i + 1;
    });
    steps.splice(at, 0, ...s);
  }
  steps.push({ id: 'finish', kind: 'finish', title: lesson.next ? `Next: Lesson ${lesson.next.id}` : 'Finish', section: 'wrap-up' });
  return steps;
}

/** Which of the tutor's own steps a kind of section becomes (the others are read). */
const SECTION_STEP: Partial<Record<OutlineSection['kind'], StepKind>> = {
  objectives: 'objectives', coreIdeas: 'core-ideas', exercises: 'exercise', miniProject: 'mini-project',
  quiz: 'quiz', part: 'quiz', takeaways: 'takeaways', homework: 'homework',
};

const ORDER: StepKind[] = ['objectives', 'core-ideas', 'exercise', 'mini-project', 'quiz', 'takeaways', 'homework'];

function ownSteps(lesson: Lesson, kind: StepKind): PlannedStep[] {
  switch (kind) {
    case 'objectives':
      return lesson.objectives.length ? [{ id: 'objectives', kind, title: STEP_TITLES.objectives, section: 'objectives' }] : [];
    case 'core-ideas':
      return lesson.coreIdeas.length ? [{ id: 'core-ideas', kind, title: STEP_TITLES['core-ideas'], section: 'ideas' }] : [];
    case 'exercise':
      return lesson.exercises.map((e) => ({ id: `exercise:${e.id}`, kind, title: `Exercise ${e.id} (${e.levelName})${e.prompt.trim() ? `: ${e.prompt}` : ''}`, section: 'exercises' as const }));
    case 'mini-project':
      // "Rate Finder (30 min)": the minutes are shown beside the title, not in it.
      return lesson.miniProject ? [{ id: 'mini-project', kind, title: `${STEP_TITLES['mini-project']}: ${titleMinutes(lesson.miniProject.title).title}`, section: 'mini-project' }] : [];
    case 'quiz': {
      const n = quizSize(lesson);
      return n ? [{ id: 'quiz', kind, title: STEP_TITLES.quiz, section: 'quiz' }] : [];
    }
    case 'takeaways':
      return lesson.takeaways.length ? [{ id: 'takeaways', kind, title: STEP_TITLES.takeaways, section: 'wrap-up' }] : [];
    case 'homework':
      return lesson.homework.length ? [{ id: 'homework', kind, title: STEP_TITLES.homework, section: 'wrap-up', homework: lesson.homework }] : [];
    default:
      return [];
  }
}

/** How many questions the quiz step asks, of every kind. */
export function quizSize(lesson: Lesson): number {
  const q = lesson.quiz;
  return q.multipleChoice.length + q.trueFalse.length + q.conceptual.length + q.coding.length;
}

/** A section to read: `read:introduction-why-this-matters`; the resources and the next lesson's preview by name. */
function readingStep(sec: OutlineSection, slugs: Set<string>): PlannedStep {
  const base = sec.kind === 'resources' ? 'resources' : sec.kind === 'next' ? 'next-lesson' : `read:${slug(sec.title) || 'section'}`;
  let id = base;
  for (let n = 2; slugs.has(id); n++) id = `${base}-${n}`;
  slugs.add(id);
  const estimated = sec.minutes === null;
  return {
    id, kind: 'reading', title: sec.title, section: sec.kind === 'resources' || sec.kind === 'next' ? 'wrap-up' : 'reading',
    markdown: sec.markdown, minutes: sec.minutes ?? sec.estimate, estimated,
  };
}

function slug(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
}

/** "20 min", or "~3 min" when calc-ml estimated it. */
export function minutesLabel(step: PlannedStep): string | null {
  if (step.minutes === undefined) return null;
  const text = formatMinutes(step.minutes);
  return step.estimated ? `~${text}` : text;
}

/** 20 → "20 min", 90 → "1.5 h", 300 → "5 h". */
export function formatMinutes(m: number): string {
  return m >= 90 ? `${Math.round((m / 60) * 10) / 10} h` : `${m} min`;
}

/** Names a learner may give to --step: objectives, ideas, exercises, exercise:4, ex:4, lab:6, mini-project, quiz, takeaways, homework. */
export function findStep(name: string, steps: PlannedStep[], lessonId: string): number {
  const n = name.trim().toLowerCase();
  const exact = steps.findIndex((s) => s.id.toLowerCase() === n);
  if (exact >= 0) return exact;
  const num = /^(?:lab|ex|exercise)[:\s.-]?(\d+)$/.exec(n);
  if (num) return steps.findIndex((s) => s.id === `exercise:${lessonId}.${Number(num[1])}`);
  const aliases: Record<string, (s: PlannedStep) => boolean> = {
    objectives: (s) => s.section === 'objectives',
    ideas: (s) => s.section === 'ideas',
    'core-ideas': (s) => s.section === 'ideas',
    exercises: (s) => s.section === 'exercises',
    'mini-project': (s) => s.section === 'mini-project',
    miniproject: (s) => s.section === 'mini-project',
    project: (s) => s.section === 'mini-project',
    quiz: (s) => s.section === 'quiz',
    homework: (s) => s.id === 'homework',
    takeaways: (s) => s.id === 'takeaways',
    finish: (s) => s.id === 'finish',
    resources: (s) => s.id === 'resources',
    next: (s) => s.id === 'next-lesson',
    reading: (s) => s.kind === 'reading',
  };
  const match = aliases[n];
  if (match) return steps.findIndex(match);
  // A reading step by the start of its title: "introduction", "1", "best-practices".
  if (n) {
    const want = slug(n);
    const byTitle = want ? steps.findIndex((s) => s.kind === 'reading' && slug(s.title).startsWith(want)) : -1;
    if (byTitle >= 0) return byTitle;
  }
  return -1;
}

/** The shortest --step name for a step id: "exercise:1.2.26.4" → "ex:4". */
export function stepArg(id: string): string {
  const ex = /^exercise:.*\.(\d+)$/.exec(id);
  return ex ? `ex:${ex[1]}` : id;
}

/** A step id as a learner reads it, without the lesson at hand ("exercise:1.2.26.4" → "Exercise 1.2.26.4"). */
export function stepLabel(id: string): string {
  if (id.startsWith('exercise:')) return `Exercise ${id.slice('exercise:'.length)}`;
  if (id.startsWith('read:')) return `Reading: ${id.slice('read:'.length).replace(/-/g, ' ')}`;
  if (id === 'resources') return 'Additional resources';
  if (id === 'next-lesson') return 'Next lesson preview';
  return (STEP_TITLES as Record<string, string>)[id] ?? id;
}

export function stepNames(steps: PlannedStep[]): string {
  const names = new Set<string>();
  for (const s of steps) {
    if (s.section === 'exercises') names.add('exercises');
    else if (s.id.startsWith('read:')) names.add(s.id);
    else names.add(s.id === 'core-ideas' ? 'ideas' : s.id);
  }
  const ex = steps.filter((s) => s.section === 'exercises').length;
  return [...names].join(', ') + (ex ? `, ex:1…ex:${ex} (lab:N for a lab)` : '');
}

/** Where to pick up: the saved step if it still exists, else the first step not done. */
export function resumeIndex(steps: PlannedStep[], state: TutorState): number {
  if (state.step) {
    const i = steps.findIndex((s) => s.id === state.step);
    if (i >= 0) return i;
  }
  const i = steps.findIndex((s) => !state.done.includes(s.id));
  return i >= 0 ? i : 0;
}

/**
 * The steps a learner walks, and that every figure counts (the plan's bar, :plan, progress): all
 * but the closing one, which only says how the lesson went.
 */
export function walkedSteps<T extends { kind: StepKind }>(steps: T[]): T[] {
  return steps.filter((s) => s.kind !== 'finish');
}

/** Where a step is, as a learner reads it: "step 3 of 17, 1. Concept Foundations", or "the end of the lesson". */
export function stepPlace(steps: PlannedStep[], id: string | null): string | null {
  const step = steps.find((s) => s.id === id);
  if (!step) return null;
  if (step.kind === 'finish') return 'the end of the lesson';
  const walked = walkedSteps(steps);
  return `step ${walked.indexOf(step) + 1} of ${walked.length}, ${step.title.replace(/[.!?]$/, '')}`;
}

/** "[■■■■□□□□□□] step 4 of 14" ("[####......]" in ASCII): where the learner is, without colour. */
export function progressBar(k: number, n: number, width = 20, ascii = false): string {
  const filled = n ? Math.round((k / n) * width) : 0;
  const [full, empty] = ascii ? ['#', '.'] : ['■', '□'];
  return `[${full.repeat(filled)}${empty.repeat(width - filled)}] step ${k} of ${n}`;
}
