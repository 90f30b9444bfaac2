/**
 * Question refs as learners type them → the refs questionsFor() uses: `quiz.5`, `q5`, `5` → quiz.5;
 * `1.2.26.4` stays; `ex4` / `exercise 4` / `.4` → 1.2.26.4 for the lesson at hand.
 */
export function normalizeRef(input: string, lessonId: string): string {
  const s = input.trim().toLowerCase().replace(/\s+/g, '');
  let m = /^(?:quiz\.?|q\.?)?(\d+)$/.exec(s);
  if (m) return `quiz.${Number(m[1])}`;
  m = /^(?:ex(?:ercise)?\.?|\.)(\d+)$/.exec(s);
  if (m) return `${lessonId}.${Number(m[1])}`;
  return input.trim();
}
