import type { Lesson } from '../lesson/model.js';
import type { TutorState } from './progress.js';

/**
 * The guided lesson as a list of steps, and where a learner resumes in it. Pure: the runner
 * (start.ts) shows the steps; this decides which, in what order, and from where.
 */

export type Section = 'objectives' | 'ideas' | 'exercises' | 'mini-project' | 'quiz' | 'wrap-up';

/** Which runner shows a step (tutor/steps/index.ts holds one per kind). */
export type StepKind = 'objectives' | 'core-ideas' | 'exercise' | 'mini-project' | 'quiz' | 'takeaways' | 'homework' | 'finish';

export interface PlannedStep {
  /** Stable id kept in progress: `objectives`, `exercise:1.2.26.4`, `quiz`, … */
  id: string;
  kind: StepKind;
  title: string;
  section: Section;
}

/** The names of the steps that are the same in every lesson: the plan's titles, and what progress shows. */
const STEP_TITLES = {
  objectives: 'Learning objectives', 'core-ideas': 'Core ideas', 'mini-project': 'Mini-project', quiz: 'Quiz',
  takeaways: 'Key takeaways', homework: 'Homework', finish: 'the end',
} as const;

export function planSteps(lesson: Lesson): PlannedStep[] {
  const steps: PlannedStep[] = [];
  if (lesson.objectives.length) steps.push({ id: 'objectives', kind: 'objectives', title: STEP_TITLES.objectives, section: 'objectives' });
  if (lesson.coreIdeas.length) steps.push({ id: 'core-ideas', kind: 'core-ideas', title: STEP_TITLES['core-ideas'], section: 'ideas' });
  for (const e of lesson.exercises) {
    steps.push({ id: `exercise:${e.id}`, kind: 'exercise', title: `Exercise ${e.id} (${e.levelName}): ${e.prompt}`, section: 'exercises' });
  }
  if (lesson.miniProject) steps.push({ id: 'mini-project', kind: 'mini-project', title: `${STEP_TITLES['mini-project']}: ${lesson.miniProject.title}`, section: 'mini-project' });
  const quizItems = lesson.quiz.trueFalse.length + lesson.quiz.conceptual.length + lesson.quiz.coding.length;
  if (quizItems) steps.push({ id: 'quiz', kind: 'quiz', title: STEP_TITLES.quiz, section: 'quiz' });
  if (lesson.takeaways.length) steps.push({ id: 'takeaways', kind: 'takeaways', title: STEP_TITLES.takeaways, section: 'wrap-up' });
  if (lesson.homework.length) steps.push({ id: 'homework', kind: 'homework', title: STEP_TITLES.homework, section: 'wrap-up' });
  steps.push({ id: 'finish', kind: 'finish', title: lesson.next ? `Next: Lesson ${lesson.next.id}` : 'Finish', section: 'wrap-up' });
  return steps;
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
  };
  const match = aliases[n];
  return match ? steps.findIndex(match) : -1;
}

/** The shortest --step name for a step id: "exercise:1.2.26.4" → "ex:4". */
export function stepArg(id: string): string {
  const ex = /^exercise:.*\.(\d+)$/.exec(id);
  return ex ? `ex:${ex[1]}` : id;
}

/** A step id as a learner reads it, without the lesson at hand ("exercise:1.2.26.4" → "Exercise 1.2.26.4"). */
export function stepLabel(id: string): string {
  if (id.startsWith('exercise:')) return `Exercise ${id.slice('exercise:'.length)}`;
  return (STEP_TITLES as Record<string, string>)[id] ?? id;
}

export function stepNames(steps: PlannedStep[]): string {
  const names = new Set<string>();
  for (const s of steps) {
    if (s.section === 'exercises') names.add('exercises');
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

/** "[■■■■□□□□□□] step 4 of 14" ("[####......]" in ASCII): where the learner is, without colour. */
export function progressBar(k: number, n: number, width = 20, ascii = false): string {
  const filled = n ? Math.round((k / n) * width) : 0;
  const [full, empty] = ascii ? ['#', '.'] : ['■', '□'];
  return `[${full.repeat(filled)}${empty.repeat(width - filled)}] step ${k} of ${n}`;
}
