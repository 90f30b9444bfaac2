import { normalizeLabel } from '../inline.js';

/** What a `##` section holds; each kind has its reader (sections/index.ts). */
export type SectionKind =
  | 'objectives'
  | 'coreIdeas'
  | 'exercises'
  | 'miniProject'
  | 'quiz'
  | 'part'
  | 'answerKey'
  | 'practice'
  | 'takeaways'
  | 'resources'
  | 'next'
  | 'homework'
  | 'checklist'
  | 'other';

export type QuizKind = 'trueFalse' | 'multipleChoice' | 'conceptual' | 'coding';

/** "9. Mini-Project: X" and "12. Assessment Questions": the course numbers some section titles. */
export function stripNumber(label: string): string {
  return label.replace(/^\d+(?:\.\d+)*\.?\s+/, '');
}

/** "Part B: True/False", "Section 2: Conceptual Questions": a part of a milestone test. */
export const PART = /^(?:part|section|component)\s+[a-z0-9]{1,2}\b\s*[:.\-–—]?\s*/;

/** The quiz kind of a milestone part's title ("Part B: True/False" → trueFalse), or null. */
export function partKind(heading: string): QuizKind | null {
  const h = stripNumber(normalizeLabel(heading));
  if (!PART.test(h)) return null;
  const rest = h.replace(PART, '');
  // "Section 3: Project (10 points)" in a test: a task to build, read as a coding problem.
  return classifyQuizHeading(rest) ?? (/\b(project|practical|hands[\s-]?on)\b/.test(rest) && !/review|presentation|reflection/.test(rest) ? 'coding' : null);
}

export function classifySection(heading: string): SectionKind {
  const h = stripNumber(normalizeLabel(heading));
  // Checklists ("Self-Assessment Checklist", "Review Checklist") are for the learner to tick, not a quiz.
  if (/checklist\b|self[\s-]?assessment/.test(h)) return 'checklist';
  // "Solutions", "Solution Key", "Solutions to Exercises"; not "2. Solution Types (60 min)", which teaches.
  if (/^(answer key|answers?\b|solutions?(?=\s*$|\s*[:(\-–—]|\s+(key|manual|guide|sketch(es)?|to|for|and)\b))/.test(h)) return 'answerKey';
  // "Assessment Rubric", "Grading Scale", "Scoring Guide": how work is marked, not questions.
  if (/\b(rubric|grading|scoring|scale|criteria)\b/.test(h)) return 'other';
  // "Assessment Overview" says what the test holds (its format, its points): no questions in it.
  if (/^(assessment|test|exam) (overview|strategy|format|guidelines?)\b/.test(h)) return 'other';
  if (/\bobjectives?\b/.test(h)) return 'objectives';
  if (/^core ideas?\b/.test(h) || h === 'key ideas') return 'coreIdeas';
  if (/^(graded |practice |hands[\s-]?on |additional |more )?exercises?\b/.test(h)) return 'exercises';
  if (/^(extension |bonus |stretch |extra )challenges?\b/.test(h)) return 'exercises';
  if (/^mini[\s-]?project\b/.test(h)) return 'miniProject';
  if (/^(quick |extra |optional )?practice( problems| questions| tasks)?\b|^reflection questions\b/.test(h)) return 'practice';
  if (/^quiz\b/.test(h) || /\bassessment\b/.test(h) || /^(review |practice )?questions$/.test(h)) return 'quiz';
  if (PART.test(h)) return 'part';
  if (/takeaways?\b/.test(h)) return 'takeaways';
  if (/\bresources\b/.test(h)) return 'resources';
  if (/^next lesson\b/.test(h)) return 'next';
  if (/^homework\b/.test(h)) return 'homework';
  return 'other';
}

/** The kind of the quiz items under a sub-heading or a bold label ("**True/False:**"), or null. */
export function classifyQuizHeading(heading: string): QuizKind | null {
  const h = stripNumber(normalizeLabel(heading));
  if (/true\s*\/\s*false|quick check|true or false/.test(h)) return 'trueFalse';
  if (/multiple[\s-]?choice/.test(h)) return 'multipleChoice';
  if (/code reading|reading code|predict the output/.test(h)) return 'conceptual';
  if (/coding|\bcode\b|programming|problems?\b|challenges?\b/.test(h)) return 'coding';
  if (/conceptual|short answer|questions|open|written|discussion|knowledge|theory|concepts?\b/.test(h)) return 'conceptual';
  return null;
}
