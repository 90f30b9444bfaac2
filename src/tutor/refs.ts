/**
 * Question refs as learners type them → the refs questionsFor() uses: `quiz.5`, `q5`, `5`, `1.2.26.quiz.5` → quiz.5;
 * `1.2.26.4` stays; `ex4` / `exercise 4` / `.4` → 1.2.26.4 for the lesson at hand.
 */
export function normalizeRef(input: string, lessonId: string): string {
  let s = input.trim().toLowerCase().replace(/\s+/g, '');
  // "1.2.26.quiz.7", "1.2.26.q7": the lesson's own id before a quiz item names that item
  // (another lesson's id is left as typed, and reported as no question of this lesson).
  const prefix = `${lessonId.toLowerCase()}.`;
  if (s.startsWith(prefix) && /^(?:quiz\.?|q\.?)\d+$/.test(s.slice(prefix.length))) s = s.slice(prefix.length);
  let m = /^(?:quiz\.?|q\.?)?(\d+)$/.exec(s);
  if (m) return `quiz.${Number(m[1])}`;
  m = /^(?:ex(?:ercise)?\.?|\.)(\d+)$/.exec(s);
  if (m) return `${lessonId}.${Number(m[1])}`;
  return input.trim();
}
