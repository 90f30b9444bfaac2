import type { Question, Verdict } from '../grading/index.js';
import type { Ui } from './ui.js';

/**
 * An answer kept ungraded, as the quiz and review show it: said plainly, with the lesson's own
 * answer or solution to check it against (or that the lesson gives none).
 *
 * No verdict is suggested from the lesson's answer: the learner judges. Word overlap with the
 * reference answer, measured on the labelled answers (npm run lesson-answer-agreement, README
 * "lesson-answer-agreement"; 1,498 answers of sets 1-5, the key's model answer standing in for the
 * lesson's): precision 0.84 at recall 0.24 (t = 0.25), 0.91 at 0.15 (t = 0.30), with rejected
 * answers still called right (25 and 8). Too few suggestions to help, and wrong where they mislead.
 */

/** The lesson's own answer (or solution code), labelled as the lesson's. */
export function lessonAnswerText(q: Question, ui: Ui): string {
  const out: string[] = [];
  if (q.lessonAnswer) out.push(`${ui.bold("The lesson's answer:")} ${q.lessonAnswer}`);
  if (q.solution) out.push(ui.bold("The lesson's solution:"), ...q.solution.split('\n').map((l) => `    ${l}`));
  return out.join('\n');
}

/** An answer kept ungraded: said plainly, with the lesson's answer to check it against. */
export function keptText(q: Question, v: Verdict, ui: Ui): string {
  const own = lessonAnswerText(q, ui);
  // The open grader names the lesson's expected answer itself; here it is shown once, labelled.
  const rest = (v.feedback ?? '').split('\n')
    .map((l) => (q.lessonAnswer ? l.replace(`Compare it with the expected answer: ${q.lessonAnswer}`, '') : l).replace(/^Your answer is kept\.\s*/, '').trim())
    .filter(Boolean);
  const against = q.lessonAnswer ? "the lesson's answer" : "the lesson's solution";
  const head = ui.dim(`• Kept, not graded: ${own ? `check it against ${against}.` : 'the lesson gives no answer to check it against; judge it by the lesson.'}`);
  return [head, ...(own ? [own] : []), ...rest.filter((l) => !/^Compare it with the lesson/.test(l))].join('\n');
}

