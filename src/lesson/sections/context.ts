import type { Tokens } from 'marked';
import type { CodingItem, ConceptualItem, Exercise, Lesson, MultipleChoiceItem, TrueFalseItem } from '../model.js';
import type { QuizKind } from './classify.js';

/** A question the next block may still add to (its options, answer, code or solution). */
export type OpenItem =
  | { kind: 'trueFalse'; item: TrueFalseItem }
  | { kind: 'multipleChoice'; item: MultipleChoiceItem }
  | { kind: 'conceptual'; item: ConceptualItem }
  | { kind: 'coding'; item: CodingItem };

/** What the reader of the current section carries from one block to the next; reset at each `##`. */
export interface SectionState {
  level: { n: 1 | 2 | 3; name: string } | null;
  lastExercise: Exercise | null;
  quizKind: QuizKind | null;
  /** The quiz item the following blocks belong to, and what the last label said they are. */
  open: OpenItem | null;
  label: 'solution' | 'expected' | 'rubric' | 'task' | null;
  /** Lines of the answer key's current sub-heading ("### True/False" → its answers by position). */
  keyKind: QuizKind | null;
  /** Under "### Presentation", "### Evaluation Criteria" in a test: how work is shown or marked, no items. */
  skip: boolean;
  /**
   * Exercises: a task written as plain text before any exercise or level ("Create a multi-file
   * calculator application with:" and its bullets or code); it is the section's one exercise if
   * none follows. A line alone, with no parts, is no task calc-ml can set: the section is read out.
   */
  loose: { text: string[]; lines: number[]; code: string | null; parts: number; before: number } | null;
}

export function freshState(): SectionState {
  return { level: null, lastExercise: null, quizKind: null, open: null, label: null, keyKind: null, skip: false, loose: null };
}

export interface ReadContext {
  lesson: Lesson;
  state: SectionState;
  warn(line: number, message: string): void;
  /** Marks lines as read into the model (check --course reports the item-like lines that are not). */
  take(from: number, to?: number): void;
  /** The `##` heading the section started with. */
  sectionTitle: string;
  /**
   * Id-less exercises so far per level, across the lesson (two "## Exercise N: Starter Level"
   * sections number on), for their generated ids.
   */
  unnamed: Map<string, number>;
}

/**
 * One reader per kind of section. Each method gets the top-level block and its first line; a
 * reader ignores what it has no use for (it is still shown by `show`).
 */
export interface SectionReader {
  open?(ctx: ReadContext, title: string, line: number): void;
  /** `###` and deeper. */
  subheading?(ctx: ReadContext, text: string, line: number, depth: number): void;
  paragraph?(ctx: ReadContext, token: Tokens.Paragraph, line: number): void;
  list?(ctx: ReadContext, list: Tokens.List, line: number): void;
  code?(ctx: ReadContext, token: Tokens.Code, line: number): void;
  /** The section ended (the next `##`, or the end of the file). */
  close?(ctx: ReadContext): void;
}
