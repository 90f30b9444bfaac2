import { loadMathGrading, type Question, type Verdict } from '../grading/index.js';
import type { Asker, Ui } from './ui.js';
import { UserError } from '../errors.js';
import { verdictText } from './quiz.js';
import { praise, triedScore, tryAgain } from './encourage.js';

/**
 * One question, asked as a teacher would: "?" shows the next hint (one at a time) and asks again;
 * a reply that is no answer ("maybe" to a true/false) is asked again; after a wrong or partly
 * right written or coding answer the learner is told the one thing missing and may try again, up
 * to `maxTries`, before the model answer is shown. The score counts the tries and hints used.
 * The same loop serves quiz, start and review.
 */

export interface TryRecord {
  answer: string;
  verdict: Verdict['verdict'];
  score: number;
}

export interface Asked {
  /** The last answer given ('' when the question was skipped). */
  answer: string;
  skipped: boolean;
  /** The last answer's verdict, its score scaled by tries and hints, with `tries` and `hintsUsed`. */
  verdict: Verdict;
  /** Answers before the last one, oldest first. */
  earlier: TryRecord[];
  /** The final verdict as shown: the grader's feedback, plus praise after a right answer. */
  shown: string;
}

export interface TryDeps {
  ask: Asker;
  ui: Ui;
  grade: (q: Question, answer: string) => Verdict;
  /** 3 in a terminal; from a pipe 1 unless asked for (a retry then takes the next line). */
  maxTries: number;
  /** Called after each graded answer that will be tried again, before its feedback is shown. */
  onTry?: (earlier: TryRecord[], hintsUsed: number) => void;
}

export const DEFAULT_TRIES = 3;

/** `--tries N`: 1 to 5; undefined when not given (the default depends on the terminal). */
export function parseTries(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new UserError(`--tries must be a whole number from 1 to 5, not "${value}"`, 2);
  return n;
}

/** Only written and coding answers are tried again: a second go at true/false is a coin flip. */
const retriable = (q: Question) => q.kind === 'rubric' || q.kind === 'math';

export function hintsOf(q: Question): string[] {
  return q.hints?.length ? q.hints : q.hint ? [q.hint] : [];
}

export function firstPrompt(q: Question, ask: Asker, hints: boolean): string {
  const h = hints ? '; ? for a hint' : '';
  if (q.kind === 'truefalse') return `true or false${hints ? ' (? for a hint)' : ''}?`;
  if (q.kind === 'choice') return `Your choice (${q.options.map((o) => o.label).join('/')}${h}):`;
  if (q.kind === 'math' || q.section === 'coding') {
    return ask.interactive && ask.block
      ? `Your code (one or more lines, an empty line ends it${h}):`
      : `Your code (statements separated by ; or on one line${h}):`;
  }
  return `Your answer (Enter skips${h}):`;
}

/** Lines the learner should not see before a retry: they give the answer away. */
function beforeRetry(v: Verdict, q: Question): string {
  const hidden = /^(Hint( \d+ of \d+)?:|Model answer:|Missing:|A good answer covers|A good answer:)/;
  const lines = v.feedback.split('\n').filter((l) => !hidden.test(l.trim()) && !(q.explanation && l.trim() === q.explanation.trim()));
  // For a written answer, the one claim still missing (the first the grader lists), not all of them.
  // (The claim grader names it itself; older graders do not.)
  if (q.kind === 'rubric' && v.missing?.length && !lines.some((l) => l.startsWith('Still missing:'))) lines.push(`Still missing: “${v.missing[0]}”.`);
  return lines.join('\n');
}

export async function askWithTries(q: Question, deps: TryDeps, prompt = firstPrompt(q, deps.ask, hintsOf(q).length > 0)): Promise<Asked> {
  const { ask, ui, grade } = deps;
  const hints = hintsOf(q);
  const maxTries = retriable(q) ? Math.max(1, deps.maxTries) : 1;
  let hintsUsed = 0;
  const earlier: TryRecord[] = [];
  let message = prompt;
  let last: { answer: string; verdict: Verdict } | null = null;
  let graded = 0;
  for (;;) {
    // A coding challenge's answer is code (a Python program, most of the course): several lines.
    const read = (q.kind === 'math' || q.section === 'coding') && ask.block ? ask.block(message) : ask.input(message, {
      // A true/false reply that is neither is asked again on the spot (inquirer shows why under it).
      validate: (s) => {
        if ((q.kind !== 'truefalse' && q.kind !== 'choice') || !s.trim() || s.trim() === '?') return null;
        const v = grade(q, s);
        return v.retry ? v.feedback.replace(/^./, (c) => c.toUpperCase()) : null;
      },
      clearInvalid: q.kind === 'truefalse',
    });
    const answer = await read;
    if (answer.trim() === '?') {
      if (!hints.length) ui.say(ui.dim('There is no hint for this question.'));
      else if (hintsUsed >= hints.length) ui.say(ui.dim(`That was the last hint (${hints.length} of ${hints.length}). ${last ? 'Try an answer, or press Enter for the model answer.' : 'Try an answer, or press Enter to skip.'}`));
      else {
        hintsUsed++;
        ui.say(ui.warn(`Hint ${hintsUsed} of ${hints.length}: ${hints[hintsUsed - 1]}`));
      }
      continue;
    }
    if (!answer.trim()) {
      if (!last) return { answer: '', skipped: true, verdict: { verdict: 'incorrect', score: 0, feedback: 'Skipped.', tries: 0, hintsUsed }, earlier, shown: '' };
      break; // no more tries: the last answer stands
    }
    if (q.kind === 'math') await loadMathGrading();
    const v = grade(q, answer);
    if (v.retry) {
      ui.say(v.feedback.replace(/^./, (c) => c.toUpperCase()));
      continue;
    }
    last = { answer, verdict: v };
    const tries = ++graded;
    if (v.verdict === 'correct' || v.verdict === 'ungraded' || tries >= maxTries) break;
    earlier.push({ answer, verdict: v.verdict, score: v.score });
    deps.onTry?.(earlier, hintsUsed);
    ui.say(verdictText({ ...v, feedback: beforeRetry(v, q) }, ui));
    ui.say(tryAgain(q.ref, tries));
    message = `Try ${tries + 1} of ${maxTries} (${hints.length > hintsUsed ? '? for a hint, ' : ''}Enter shows the answer):`;
  }
  // The last answer counts; those before it are kept beside it.
  if (earlier.length && earlier.length === graded) earlier.pop(); // Enter after a miss: that miss is the last
  const tries = graded;
  const verdict: Verdict = { ...last!.verdict, score: triedScore(last!.verdict.score, tries, hintsUsed), tries, hintsUsed };
  let shown = verdictText(verdict, ui);
  if (verdict.verdict === 'correct') {
    const [first, ...rest] = shown.split('\n');
    shown = [`${first} ${praise(q.ref, tries)}`, ...rest].join('\n');
  }
  if (verdict.score > 0 && (tries > 1 || hintsUsed)) {
    shown += `\n${ui.dim(`Scored ${verdict.score} of ${last!.verdict.score}: ${tries} ${tries === 1 ? 'try' : 'tries'}, ${hintsUsed} hint${hintsUsed === 1 ? '' : 's'}.`)}`;
  }
  return { answer: last!.answer, skipped: false, verdict, earlier, shown };
}
