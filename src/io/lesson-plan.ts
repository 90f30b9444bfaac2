import type { OpenedLesson } from './lesson-file.js';
import type { OutlineSection } from '../lesson/outline.js';
import { planSteps, type PlannedStep } from '../tutor/plan.js';

/**
 * A lesson's guided plan as `start` walks it: the model's steps placed among every `##` section of
 * the file (its outline), so that `progress`, `lessons` and `start` count the same steps, reading
 * steps included. The bundled lessons bring their outline precompiled; others are read here (marked
 * is loaded only then).
 */
export async function lessonPlan(opened: OpenedLesson): Promise<{ steps: PlannedStep[]; outline: OutlineSection[] }> {
  const outline = opened.outline ?? (await import('../lesson/outline.js')).outlineLesson(opened.text);
  return { steps: planSteps(opened.lesson, outline), outline };
}
