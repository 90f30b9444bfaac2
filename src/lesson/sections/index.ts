import type { SectionKind } from './classify.js';
import type { SectionReader } from './context.js';
import { answerKey } from './answer-key.js';
import { exercises } from './exercises.js';
import { coreIdeas, homework, next, objectives, other, resources, takeaways } from './lists.js';
import { miniProject } from './mini-project.js';
import { practice } from './practice.js';
import { quiz } from './quiz.js';

/** The reader of each kind of section: a new course format is one reader file and one line here. */
export const READERS: Record<SectionKind, SectionReader> = {
  objectives,
  coreIdeas,
  exercises,
  miniProject,
  quiz,
  part: quiz,
  answerKey,
  practice,
  takeaways,
  resources,
  next,
  homework,
  checklist: other,
  other,
};

export { classifySection, classifyQuizHeading, stripNumber, type SectionKind, type QuizKind } from './classify.js';
export { freshState, type ReadContext, type SectionReader } from './context.js';
