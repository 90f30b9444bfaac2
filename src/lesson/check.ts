import type { Lesson } from './model.js';
import { parseKey } from './key.js';

export interface Problem {
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * What an author must fix (errors: the tutor cannot use the lesson as written) and what they should
 * look at (warnings: the loader's own notes). Pure: takes the parsed lesson.
 */
export function checkLesson(lesson: Lesson): Problem[] {
  const problems: Problem[] = lesson.warnings.map((w) => ({ line: w.line, severity: 'warning' as const, message: w.message }));
  const error = (line: number, message: string) => problems.push({ line, severity: 'error', message });

  if (!lesson.id) error(1, 'no lesson id: start the file with "# Lesson X.Y.Z: Title" (or name the file Lesson-X.Y.Z-….md)');
  const ids = new Map<string, number>();
  for (const e of lesson.exercises) {
    if (ids.has(e.id)) error(e.line, `exercise ${e.id} is already on line ${ids.get(e.id)}; give each exercise its own number`);
    else ids.set(e.id, e.line);
    if (!e.prompt && !e.code) error(e.line, `exercise ${e.id} has no task; write it after the colon`);
  }
  const items = [...lesson.quiz.trueFalse, ...lesson.quiz.conceptual, ...lesson.quiz.coding];
  const ns = new Map<number, number>();
  for (const q of items) {
    if (ns.has(q.n)) error(q.line, `quiz question ${q.n} is already numbered on line ${ns.get(q.n)}; number quiz questions 1, 2, 3, … across the quiz`);
    else ns.set(q.n, q.line);
  }
  const unmarked = lesson.quiz.trueFalse.filter((q) => q.answer === null);
  if (unmarked.length && unmarked.length < lesson.quiz.trueFalse.length) {
    for (const q of unmarked) {
      error(q.line, `true/false item ${q.n} has no answer while the others do; end it with "(True)" or "(False)"`);
    }
  } else if (unmarked.length) {
    problems.push({
      line: unmarked[0].line,
      severity: 'warning',
      message: `the ${unmarked.length} true/false items carry no (True)/(False) marks; the quiz runs them as self-check`,
    });
  }
  // "1. What does a derivative measure?" under "Multiple Choice" with no a) b) c) beneath it.
  const optionless = lesson.quiz.multipleChoice.filter((q) => !q.options.length);
  if (optionless.length) {
    problems.push({
      line: optionless[0].line,
      severity: 'warning',
      message: `${optionless.length === 1 ? 'the multiple-choice item lists' : `the ${optionless.length} multiple-choice items list`} no options (a), b), …); the quiz asks ${optionless.length === 1 ? 'it' : 'them'} to be answered in the learner's own words`,
    });
  }
  if (!lesson.objectives.length && !lesson.exercises.length && !items.length && !lesson.quiz.multipleChoice.length) {
    error(1, 'nothing to teach: no objectives, exercises or quiz questions were found (see lessons/ for the format)');
  }
  return problems.sort((a, b) => a.line - b.line || (a.severity === 'error' ? -1 : 1));
}

/**
 * Problems of a lesson's answer key, on the key file's own lines: malformed YAML, unknown question
 * refs, empty concept lists, a coding entry whose expected value is not what its function gives, …
 */
export function checkKey(lesson: Lesson, keyText: string): Problem[] {
  return parseKey(keyText, lesson).problems;
}
