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
  /**
   * False where the lesson numbers the exercise itself ("Exercise 1.2.26.4"); true where it gives
   * none ("**Starter 1: Title**", numbered tasks under "### Starter Level") and calc-ml made a stable
   * id from the level and the position in it: `1.1.48.starter-1`.
   */
  generatedId: boolean;
  /** The lesson's own solution, when it gives one after a "Solution:" label. */
  solution: string | null;
  line: number;
}

export interface TrueFalseItem {
  n: number;
  statement: string;
  /** null where the lesson marks no answer (milestone tests). */
  answer: boolean | null;
  /** The lesson's own reason, when it gives one ("False (else is optional)"). */
  reason: string | null;
  /** A template item with nothing to answer ("Statement about data assumptions."): run as self-check. */
  placeholder: boolean;
  line: number;
}

export interface ChoiceOption {
  /** As the lesson labels it: "A", "b", or "1" for an unlabelled checkbox option. */
  label: string;
  text: string;
}

export interface MultipleChoiceItem {
  n: number;
  question: string;
  /** Code shown with the question ("What is the output of this code?"). */
  code: string | null;
  options: ChoiceOption[];
  /** The label of the right option, as the lesson marks it; null where it marks none. */
  answer: string | null;
  /** The lesson's reason beside the answer ("**Answer**: B (floor division)"). */
  reason: string | null;
  /** A template item: no options or a generic stand-in ("Core concept definition"). */
  placeholder: boolean;
  line: number;
}

/** A "Quick Practice" bullet ("- Exercise: …", "- Quiz: …"): offered, never graded. */
export interface PracticeItem {
  kind: 'exercise' | 'quiz' | 'other';
  text: string;
  line: number;
}

export interface ConceptualItem {
  n: number;
  question: string;
  /** The lesson's own expected answer, when it gives one ("- Expected: …"). */
  expected: string | null;
  /** Code the question is about ("**Code Reading:**" and a block). */
  code: string | null;
  placeholder: boolean;
  line: number;
}

export interface CodingItem {
  n: number;
  /** The task, up to its "Solution:" label. */
  task: string;
  /** Code given with the task (starter code); the lesson's solution is in `solution`. */
  code: string | null;
  /** The lesson's solution: the code after "Solution:" / "**Expected Solution**:". */
  solution: string | null;
  placeholder: boolean;
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
  /**
   * The lesson's id: the title heading's (`# Lesson 1.2.26: …`), except in a file named as the
   * course names its lessons (`Lesson-1.1.41-….md`) whose heading says another id; the course's
   * index goes by the file name, and the heading's id there belongs to another lesson.
   */
  id: string;
  /** The id the title heading gives, as written (null when it gives none); differs from `id` only as above. */
  titleId: string | null;
  /**
   * What tells this lesson apart from every other (progress is kept under it): its id and title,
   * `1.2.26 Calculus for ML - Big Picture`. Two course files share an id; none share both.
   */
  key: string;
  title: string;
  meta: LessonMeta;
  previous: LessonRef | null;
  objectives: string[];
  coreIdeas: string[];
  exercises: Exercise[];
  miniProject: { title: string; task: string; code: string | null } | null;
  quiz: { trueFalse: TrueFalseItem[]; conceptual: ConceptualItem[]; coding: CodingItem[]; multipleChoice: MultipleChoiceItem[] };
  /** "Quick Practice" items: the only practice some lessons give. */
  practice: PracticeItem[];
  takeaways: string[];
  resources: string[];
  next: LessonRef | null;
  homework: { task: string; done: boolean }[];
  /** Sections the tutor has no special use for (Introduction, Best Practices, …): kept for display. */
  otherSections: { title: string; line: number }[];
  warnings: Warning[];
}

/** The key of a lesson with this id and title (see Lesson.key). */
export function lessonKey(id: string, title: string): string {
  return `${id} ${title.replace(/\s+/g, ' ').trim()}`.trim();
}
