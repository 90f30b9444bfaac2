/** The lesson model of DESIGN.md; `calc-ml show --json` prints it with these field names. */

export interface LessonMeta {
  estimatedTime: string | null;
  difficulty: string | null;
  prerequisites: string | null;
  topic: string | null;
}

export interface Exercise {
  id: string;
  level: 1 | 2 | 3;
  levelName: string;
  prompt: string;
  /** Code that belongs to the exercise (lessons that give exercises as a title plus a code fence). */
  code: string | null;
  line: number;
}

export interface TrueFalseItem {
  n: number;
  statement: string;
  /** null where the lesson marks no answer (milestone tests). */
  answer: boolean | null;
  /** The lesson's own reason, when it gives one ("False (else is optional)"). */
  reason: string | null;
  line: number;
}

export interface ConceptualItem {
  n: number;
  question: string;
  /** The lesson's own expected answer, when it gives one ("- Expected: …"). */
  expected: string | null;
  line: number;
}

export interface CodingItem {
  n: number;
  task: string;
  code: string | null;
  line: number;
}

export interface LessonRef {
  id: string;
  title: string;
}

export interface Warning {
  line: number;
  message: string;
}

export interface Lesson {
  id: string;
  title: string;
  meta: LessonMeta;
  previous: LessonRef | null;
  objectives: string[];
  coreIdeas: string[];
  exercises: Exercise[];
  miniProject: { title: string; task: string } | null;
  quiz: { trueFalse: TrueFalseItem[]; conceptual: ConceptualItem[]; coding: CodingItem[] };
  takeaways: string[];
  resources: string[];
  next: LessonRef | null;
  homework: { task: string; done: boolean }[];
  /** Sections the tutor has no special use for (Introduction, Best Practices, …): kept for display. */
  otherSections: { title: string; line: number }[];
  warnings: Warning[];
}
