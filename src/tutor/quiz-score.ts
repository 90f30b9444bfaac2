import type { Question } from '../grading/index.js';

/**
 * What a quiz's score may honestly claim. Only graded answers are scored; answers the tutor cannot
 * grade (no key, no marked answer) are kept for the learner to check against the lesson, and the
 * score line says how many, so that "4 of 4" never reads as "everything right" over 4 unread answers.
 * Pure: tables of cases in tests/tutor/quiz-score.test.ts.
 */

/** The share of the graded points a quiz must reach to pass, unless a lesson says otherwise. */
export const DEFAULT_PASS_MARK = 0.7;

export interface Tally {
  /** Points over the graded answers (a partly right answer counts its part). */
  score: number;
  /** Graded answers (a skipped question is not one: it was not answered). */
  total: number;
  /** Answers kept ungraded, for the learner to check against the lesson. */
  kept: number;
  /** Of the kept answers, how many the learner judged, and judged right. */
  selfChecked: number;
  selfRight: number;
  /** Questions skipped (:skip, or an empty answer): neither right nor missed, and asked again next time. */
  skipped: number;
}

export function emptyTally(): Tally {
  return { score: 0, total: 0, kept: 0, selfChecked: 0, selfRight: 0, skipped: 0 };
}

/**
 * Counts one answer in the tally (mutates it). A skipped question was not answered: it is neither
 * right nor a miss, only counted as skipped (the quiz is then not finished, and asks it again).
 */
export function count(t: Tally, a: { verdict: string; score: number; skipped: boolean; self?: 'right' | 'wrong' }): void {
  if (a.skipped) {
    t.skipped++;
    return;
  }
  if (a.verdict === 'ungraded') {
    t.kept++;
    if (a.self) {
      t.selfChecked++;
      if (a.self === 'right') t.selfRight++;
    }
    return;
  }
  t.total++;
  t.score += a.score;
}

/** Whether calc-ml can grade an answer to this question (else the answer is kept for the learner to check). */
export function gradable(q: Question): boolean {
  if (q.kind === 'open') return false;
  if (q.kind === 'truefalse' || q.kind === 'choice') return q.answer !== null;
  return true;
}

export function fmtPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 of 4 graded right (75%); 4 answers kept for you to check against the lesson; 1 question skipped (not answered)". */
export function scoreLine(t: Tally): string {
  const parts: string[] = [];
  if (t.total) parts.push(`${fmtPoints(t.score)} of ${t.total} graded right (${Math.round((100 * t.score) / t.total)}%)`);
  else parts.push('nothing was graded');
  if (t.kept) {
    const judged = t.selfChecked ? ` (you judged ${t.selfRight} of ${t.selfChecked} right)` : '';
    parts.push(`${plural(t.kept, 'answer')} kept for you to check against the lesson${judged}`);
  }
  if (t.skipped) parts.push(`${plural(t.skipped, 'question')} skipped (not answered)`);
  // Not capitalised: it is printed after "Score: " ("Score: nothing was graded; …").
  return parts.join('; ');
}

export interface Pass {
  passed: boolean;
  /** The rule, stated: "pass mark 70% of what is graded". */
  rule: string;
}

/** The pass mark in force: the lesson's own where it states one ("**Passing Grade**: 80%"), else the default. */
export function passMarkOf(stated: number | null | undefined): number {
  return stated ?? DEFAULT_PASS_MARK;
}

/** "pass mark 80% of what is graded, as the lesson sets it"; the default is said without the source. */
export function passMarkText(stated: number | null | undefined): string {
  return `pass mark ${Math.round(passMarkOf(stated) * 100)}% of what is graded${stated != null ? ', as the lesson sets it' : ''}`;
}

/**
 * Passed: every question answered (a skipped one leaves the quiz unfinished, never passed) and at
 * least the pass mark of the graded points; with nothing graded, every question answered (the tutor
 * cannot judge more than that, and says so). `stated`: the lesson's own mark, if any.
 */
export function passOf(t: Tally, questions: number, stated?: number | null, canGrade = t.total > 0): Pass {
  // Some question can be graded, but every one of them was skipped: the pass mark still rules.
  if (canGrade && !t.total) return { passed: false, rule: passMarkText(stated) };
  if (t.total) return { passed: t.skipped === 0 && t.score / t.total >= passMarkOf(stated) - 1e-9, rule: passMarkText(stated) };
  return { passed: questions > 0 && t.skipped === 0, rule: 'nothing here can be graded, so it passes once every question is answered' };
}

/**
 * Where a quiz stands once its last question was reached: complete only with every question
 * answered; passed is null until then (a skipped question is asked again next time, like a quiz
 * stopped early, and only then is the attempt judged).
 */
export function quizOutcome(t: Tally, questions: number, stated?: number | null, canGrade = t.total > 0): { complete: boolean; passed: boolean | null; rule: string } {
  const pass = passOf(t, questions, stated, canGrade);
  const complete = questions > 0 && t.skipped === 0;
  return { complete, passed: complete ? pass.passed : null, rule: pass.rule };
}

/** The closing line over the misses: praise only what was graded, and only when nothing is left to check or to answer. */
export function closingLine(t: Tally, missed: number): string | null {
  if (missed || !t.total || t.skipped) return null;
  if (!t.kept) return 'Everything right. Well done.';
  return `Every graded answer right. Check the ${plural(t.kept, 'kept answer')} against the lesson's answers shown with ${t.kept === 1 ? 'it' : 'them'}.`;
}
