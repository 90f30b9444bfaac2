import type { Lesson } from '../lesson/model.js';
import type { Question, Verdict } from '../grading/index.js';
import type { LessonProgress, QuizAttempt, AnswerRecord } from './progress.js';
import { recordAnswer, saveAttempt } from './progress.js';
import type { Asker, Ui } from './ui.js';
import { askWithTries, DEFAULT_TRIES, type TryRecord } from './tries.js';
import { closingLine, count, emptyTally, fmtPoints, gradable, passMarkOf, passMarkText, quizOutcome, scoreLine, type Tally } from './quiz-score.js';
import { compareRuns, withoutPythonLine, type PythonRun } from './python-compare.js';
import { keptText, lessonAnswerText } from './kept.js';

export { lessonAnswerText } from './kept.js';

export interface QuizItemResult {
  ref: string;
  kind: string;
  answer: string;
  /** Not answered (:skip, or an empty answer): neither right nor missed; asked again the next time. Only set when true. */
  skipped?: true;
  /** 'skipped' with `skipped: true`: not answered, so not graded, not kept, not a miss. */
  verdict: Verdict['verdict'] | 'skipped';
  score: number;
  feedback: string;
  /** Answers this question took (0 when skipped), and hints shown; earlier answers, oldest first. */
  tries: number;
  hintsUsed: number;
  earlier?: TryRecord[];
  self?: 'right' | 'wrong';
  /** Written answers: what was read from the last one (as in `grade --json`), so a verdict can be checked. */
  claims?: Verdict['claims'];
  /** The lesson's own answer or solution, shown after the learner's to check against. */
  lessonAnswer?: string;
  solution?: string;
  /** Answered in an earlier run of this attempt (the quiz was stopped and resumed). */
  resumed?: boolean;
  /** Whether the learner's program printed what the lesson's solution prints (when they ran both). */
  sameOutput?: boolean;
}

/** The `quiz --json` document of DESIGN.md. */
export interface QuizResult {
  lesson: string;
  score: number;
  total: number;
  items: QuizItemResult[];
  complete: boolean;
  /** How many of the answers were kept in the progress file (fewer than items when a save failed). */
  saved: number;
  selfChecked: number;
  previousBest: { score: number; total: number } | null;
  /** Graded answers (= total), answers kept ungraded for the learner to check, questions skipped (not answered, so not in total). */
  graded: number;
  kept: number;
  skipped: number;
  selfRight: number;
  /** The score as the learner reads it: "4 of 4 graded right (100%); 4 answers kept for you to check against the lesson". */
  scoreLine: string;
  passMark: number;
  /** null until the quiz is complete (every question answered: a skipped one leaves it incomplete). */
  passed: boolean | null;
  /** Answers carried over from the same attempt, stopped earlier and resumed in this run. */
  resumed: number;
}

/** Runs a program of the learner's and the lesson's solution on the same input (the shell's python3). */
export interface PythonRunner {
  available(): Promise<boolean>;
  limitSeconds: number;
  run(code: string, input: string): Promise<PythonRun>;
}

export interface QuizDeps {
  ask: Asker;
  ui: Ui;
  grade: (q: Question, answer: string) => Verdict;
  /** Persists a change to this lesson's record (called after every answer); false when it could not be kept. */
  save: (change: (l: LessonProgress) => void) => boolean | void;
  now: () => string;
  /** A new attempt's id, unique across processes (two quizzes at once each keep their own); random by default. */
  newId?: () => string;
  /** Called with the result so far when the quiz stops early (input ended, Ctrl+C), before the error propagates. */
  stopped?: (partial: QuizResult) => void;
  /** How many answers a written or coding question may take (default: 3 in a terminal, 1 from a pipe). */
  tries?: number;
  /** Start a new attempt even when the last one was stopped before its end (default: resume it). */
  restart?: boolean;
  /** The pass mark the lesson states for itself (0.8), if any: the quiz is passed against it, and says so; else the default. */
  passMark?: number | null;
  python?: PythonRunner;
  /** The process running this attempt (kept in it), and whether a process is alive: a stopped attempt is resumed only when its owner is gone. */
  owner?: number;
  alive?: (pid: number) => boolean;
  /** The commands that work at an answer here, said once before the first question (standalone quiz); start lists its own at the lesson's start. */
  commandsLine?: string;
}

/**
 * The quiz's questions, in the lesson's order: by their line in the file (a multiple-choice item
 * written after the true/false ones is asked after them). Questions without a line (0) keep the
 * order of kinds: multiple choice, true/false, conceptual, coding; then their number.
 */
export function quizQuestions(questions: Question[]): Question[] {
  const order = { multipleChoice: -1, trueFalse: 0, conceptual: 1, coding: 2, exercise: 3 } as const;
  const n = (q: Question) => Number(q.ref.replace(/^quiz\./, '')) || 0;
  return questions.filter((q) => q.section !== 'exercise').sort((a, b) => (a.line || 0) - (b.line || 0) || order[a.section] - order[b.section] || n(a) - n(b));
}

function bestOf(attempts: QuizAttempt[]): { score: number; total: number } | null {
  let best: QuizAttempt | null = null;
  for (const a of attempts) if (a.complete && a.total > 0 && (!best || a.score / a.total > best.score / best.total)) best = a;
  return best ? { score: best.score, total: best.total } : null;
}

/**
 * "10 multiple choice, 10 true/false, …" as the quiz will ask them: multiple-choice items written
 * with no options are asked in the learner's own words, and counted so.
 */
export function questionCounts(qs: Question[]): string[] {
  return (['multipleChoice', 'trueFalse', 'conceptual', 'coding'] as const)
    .flatMap((s) => {
      const of = qs.filter((q) => q.section === s);
      if (!of.length) return [];
      if (s !== 'multipleChoice') return [`${of.length} ${s === 'trueFalse' ? 'true/false' : s}`];
      const open = of.filter((q) => q.kind !== 'choice').length;
      if (!open) return [`${of.length} multiple choice`];
      if (open === of.length) return [`${open} multiple-choice topic${open === 1 ? '' : 's'} with no options (answered in your own words)`];
      return [`${of.length - open} multiple choice`, `${open} multiple-choice topic${open === 1 ? '' : 's'} with no options (answered in your own words)`];
    });
}

const KIND_LABEL: Record<Question['kind'], string> = {
  truefalse: 'true or false',
  choice: 'multiple choice',
  rubric: 'in your own words',
  math: 'coding challenge',
  open: 'in your own words',
};

/**
 * The verdict as the learner reads it: a mark that does not rely on colour (✓ ~ ✗ •), then the
 * feedback. Graders often open with their own "Correct: …"; that line then carries the mark.
 */
export function verdictText(v: Verdict, ui: Ui): string {
  const [first, ...rest] = (v.feedback ?? '').split('\n');
  const style = v.verdict === 'correct' ? ui.good : v.verdict === 'partial' ? ui.warn : v.verdict === 'incorrect' ? ui.bad : ui.dim;
  const mark = { correct: '✓', partial: '~', incorrect: '✗', ungraded: '•' }[v.verdict];
  if (/^(correct|not correct|partly|partially|not quite)\b/i.test(first)) return [style(`${mark} ${first}`), ...rest].join('\n');
  return [verdictLine(v, ui), ...(v.feedback ? [v.feedback] : [])].join('\n');
}

/** The right answer in a sentence ("The statement is false."), or '' when the quiz has none to give. */
export function rightAnswer(q: Question): string {
  return q.kind === 'truefalse' ? [q.answer === null ? '' : `The statement is ${q.answer}.`, q.explanation ?? ''].filter(Boolean).join(' ')
    : q.kind === 'choice' ? [q.answer === null ? '' : `The answer is ${q.answer}) ${q.options.find((o) => o.label === q.answer)?.text ?? ''}.`, q.explanation ?? ''].filter(Boolean).join(' ')
    : q.modelAnswer && q.modelAnswer !== q.lessonAnswer ? `A good answer: ${q.modelAnswer}` : '';
}

/**
 * A skipped question was not answered: it is not a miss, and its answer is not shown, since the
 * quiz asks it again the next time (as a quiz stopped early goes on where it stopped).
 */
export const SKIPPED_FEEDBACK = 'Skipped: not answered, not a miss; asked again next time.';

/** The reason a missed item was missed, in one line, for the end-of-quiz list. */
export function missReason(feedback: string): string {
  const lines = feedback.split('\n').filter(Boolean);
  return lines.find((l) => !/^(not quite|not correct yet|partly right|partially right)\.?$/i.test(l.trim())) ?? lines[0] ?? '';
}

export function verdictLine(v: Verdict, ui: Ui): string {
  switch (v.verdict) {
    case 'correct':
      return ui.good('✓ Correct.');
    case 'partial':
      return ui.warn('~ Partly right.');
    case 'incorrect':
      return ui.bad('✗ Not quite.');
    default:
      return ui.dim('• Noted.');
  }
}

/** The attempt to go on with: the last one, when it was stopped before its end with answers in it. */
export function resumableAttempt(attempts: QuizAttempt[], qs: Question[], alive: (pid: number) => boolean = () => false): QuizAttempt | null {
  const last = attempts[attempts.length - 1];
  if (!last || last.complete) return null;
  // Another calc-ml still answering it (two quizzes at once): not this run's to go on with.
  if (typeof last.owner === 'number' && alive(last.owner)) return null;
  const answered = last.answers.filter((a) => carriedOver(a, qs));
  return answered.length && answered.length < qs.length ? last : null;
}

/** A skip kept by an older calc-ml (an empty answer, no tries): not an answer, so asked again. */
const wasSkipped = (a: { answer: string; tries?: number }) => !a.answer.trim() && (a.tries ?? 0) === 0;

/** An answer of an unfinished attempt that the next run keeps: given (not pending, not a skip) to a question still in the quiz. */
const carriedOver = (a: AnswerRecord | undefined, qs: Question[]): a is AnswerRecord => !!a && !a.pending && !wasSkipped(a) && qs.some((q) => q.ref === a.ref);

/**
 * Asks every quiz question, grades each answer on the spot, and saves after every answer, so that an
 * interruption loses at most the answer being typed. Interrupted/EndOfInput from the asker propagate
 * to the caller after the answers so far are saved. A quiz stopped that way goes on, on its next
 * run, at the first question it had not reached (deps.restart starts a new attempt instead).
 */
export async function runQuiz(lesson: Lesson, questions: Question[], record: LessonProgress, deps: QuizDeps): Promise<QuizResult> {
  const { ask, ui, grade, save, now } = deps;
  const qs = quizQuestions(questions);
  const passMark = passMarkOf(deps.passMark);
  const carried = deps.restart ? null : resumableAttempt(record.quiz, qs, deps.alive);
  const previousBest = bestOf(record.quiz.filter((a) => a !== carried));
  const attempt: QuizAttempt = carried
    ? { ...carried, answers: carried.answers.filter((a) => carriedOver(a, qs)) }
    : { id: (deps.newId ?? (() => globalThis.crypto.randomUUID()))(), startedAt: now(), finishedAt: null, answers: [], score: 0, total: 0, complete: false };
  if (deps.owner !== undefined) attempt.owner = deps.owner;
  const tally: Tally = emptyTally();
  const result: QuizResult = {
    lesson: lesson.id, score: 0, total: 0, items: [], complete: false, saved: 0, selfChecked: 0, previousBest,
    graded: 0, kept: 0, skipped: 0, selfRight: 0, scoreLine: '', passMark, passed: null, resumed: 0,
  };
  const sync = () => {
    Object.assign(result, { score: tally.score, total: tally.total, graded: tally.total, kept: tally.kept, skipped: tally.skipped, selfChecked: tally.selfChecked, selfRight: tally.selfRight, scoreLine: scoreLine(tally) });
    attempt.score = tally.score;
    attempt.total = tally.total;
  };
  const done = new Set<string>();
  for (const a of attempt.answers) {
    const q = qs.find((x) => x.ref === a.ref)!;
    done.add(a.ref);
    count(tally, { verdict: a.verdict, score: a.score, skipped: false, self: a.self });
    result.items.push({ ref: a.ref, kind: a.kind, answer: a.answer, verdict: a.verdict, score: a.score, feedback: 'Answered before the quiz was stopped.', tries: a.tries ?? 1, hintsUsed: a.hintsUsed ?? 0, ...(a.self ? { self: a.self } : {}), resumed: true });
    result.saved++;
  }
  result.resumed = done.size;
  sync();

  const counts = questionCounts(qs);
  ui.say(ui.heading(`Quiz · Lesson ${lesson.id}: ${lesson.title}`));
  ui.say(`${qs.length} question${qs.length === 1 ? '' : 's'}: ${counts.join(', ')}.` +
    (previousBest ? ` Your best so far: ${fmt(previousBest.score)}/${previousBest.total}.` : ''));
  if (!qs.length) {
    ui.say('This lesson has no quiz questions.');
    return result;
  }
  const ungradable = qs.filter((q) => !gradable(q)).length;
  if (qs.some((q) => q.kind === 'truefalse' && q.answer === null)) {
    ui.say(ui.dim('This lesson marks no answers for its true/false items: they run as a self-check.'));
  }
  // The bar is said before the first question, as the lesson's own or the default.
  ui.say(ungradable === qs.length ? 'Nothing here can be graded: the quiz is passed once every question is answered.' : `Pass mark: ${passMarkText(deps.passMark).replace(/^pass mark /, '')}.`);
  if (ungradable) {
    const which = ungradable === qs.length ? 'None of these can be graded here: your answers are' : `${ungradable} of ${qs.length} cannot be graded here: those answers are`;
    ui.say(ui.dim(`${which} kept, and the lesson's own answer is shown where it gives one, for you to check against.`));
  }
  if (carried) {
    const next = qs.findIndex((q) => !done.has(q.ref));
    // Questions skipped in it are asked again now, and said so.
    const skippedBefore = qs.filter((q) => !done.has(q.ref) && attempt.skipped?.includes(q.ref)).length;
    ui.say(ui.warn(`Going on with the quiz you stopped (${done.size} of ${qs.length} answered${skippedBefore ? `; ${skippedBefore} skipped, asked again now` : ''}): question ${next + 1} is next. calc-ml quiz --restart starts it over.`));
  }
  // The answer-time commands once, before the first question (with the skip among them, else the skip alone).
  const how = qs.some((q) => q.kind !== 'truefalse') ? 'Type your answer and press Enter' : 'Answer true or false (t/f, yes/no also work)';
  const hint = qs.some((q) => q.hint || q.hints?.length) ? '; ? shows a hint' : '';
  if (deps.commandsLine) ui.say(ui.dim(`${how}${hint}. ${deps.commandsLine}`));
  else ui.say(ui.dim(`${how}. An empty answer skips a question (not answered: asked again next time)${hint}.`));

  // Start the attempt on disk at once: a quiz stopped at its first question still shows as begun.
  if (!carried) save((l) => saveAttempt(l, attempt));

  try {
    for (const [i, q] of qs.entries()) {
      if (done.has(q.ref)) continue;
      ui.say('');
      ui.say(ui.bold(`${i + 1}/${qs.length} · ${q.section === 'coding' ? 'coding challenge' : KIND_LABEL[q.kind]}`));
      ui.say(q.prompt);
      const index = attempt.answers.length;
      const asked = await askWithTries(q, {
        ask, ui, grade, maxTries: deps.tries ?? (ask.interactive ? DEFAULT_TRIES : 1),
        // A try that will be tried again is saved in the attempt at once: nothing typed is lost.
        // It is pending: a quiz stopped before the last try asks the question again on resume.
        onTry: (earlier, hintsUsed) => {
          const tried = earlier[earlier.length - 1];
          attempt.answers[index] = { ref: q.ref, kind: q.kind, ...tried, at: now(), tries: earlier.length, hintsUsed, pending: true, ...(earlier.length > 1 ? { earlier: earlier.slice(0, -1) } : {}) };
          save((l) => saveAttempt(l, attempt));
        },
      });
      const { answer, skipped } = asked;
      if (skipped) {
        // Not answered: nothing to grade or keep. The attempt stays unfinished, so the next run asks it again.
        result.items.push({ ref: q.ref, kind: q.kind, answer: '', skipped: true, verdict: 'skipped', score: 0, feedback: SKIPPED_FEEDBACK, tries: 0, hintsUsed: asked.verdict.hintsUsed ?? 0 });
        count(tally, { verdict: 'skipped', score: 0, skipped: true });
        sync();
        // Kept in the attempt (not as an answer), so the next run can say what it asks again.
        if (!attempt.skipped?.includes(q.ref)) {
          attempt.skipped = [...(attempt.skipped ?? []), q.ref];
          save((l) => saveAttempt(l, attempt));
        }
        ui.say(ui.dim(`– ${SKIPPED_FEEDBACK}`));
        continue;
      }
      const v: Verdict = asked.verdict;
      const kept = v.verdict === 'ungraded';
      const shown = kept ? keptText(q, v, ui) : asked.shown;
      const own = { ...(q.lessonAnswer ? { lessonAnswer: q.lessonAnswer } : {}), ...(q.solution ? { solution: q.solution } : {}) };
      let self: 'right' | 'wrong' | undefined;
      let sameOutput: boolean | undefined;
      // Piped answers are one per line: a "were you right?" would take the next answer as its reply.
      const selfCheck = kept && ask.interactive;
      if (selfCheck) {
        ui.say(shown);
        if (q.section === 'coding' && q.solution) sameOutput = await offerRun(answer, q.solution, deps);
        self = (await ask.select(q.lessonAnswer ? "Checked against the lesson's answer: were you right?" : q.solution ? "Checked against the lesson's solution: were you right?" : 'Were you right?', [
          { value: 'right', name: 'Yes, I was right', key: 'y' },
          { value: 'wrong', name: 'No, I was wrong', key: 'n' },
        // Not the favourable choice by default: the learner says they were right, Enter alone does not.
        ], { default: 'wrong' })) as 'right' | 'wrong';
      }
      const tried = { tries: v.tries ?? 1, hintsUsed: v.hintsUsed ?? 0, ...(asked.earlier.length ? { earlier: asked.earlier } : {}) };
      const item: QuizItemResult = { ref: q.ref, kind: q.kind, answer, verdict: v.verdict, score: v.score, feedback: v.feedback, ...tried, ...(self ? { self } : {}), ...own, ...(sameOutput !== undefined ? { sameOutput } : {}), ...(v.claims ? { claims: v.claims } : {}) };
      result.items.push(item);
      count(tally, { verdict: v.verdict, score: v.score, skipped: false, self });
      const rec: AnswerRecord = { ref: q.ref, kind: q.kind, answer, verdict: v.verdict, score: v.score, at: now(), ...tried, ...(self ? { self } : {}) };
      attempt.answers[index] = rec;
      if (attempt.skipped?.includes(q.ref)) attempt.skipped = attempt.skipped.filter((r) => r !== q.ref);
      if (attempt.skipped && !attempt.skipped.length) delete attempt.skipped;
      sync();
      const ok = save((l) => {
        saveAttempt(l, attempt);
        recordAnswer(l, rec);
      });
      if (ok !== false) result.saved++;
      // The verdict is shown once the answer is on disk: a verdict on screen means it was kept,
      // even if the process is killed the next instant.
      if (!selfCheck) {
        ui.say(shown);
        if (kept && q.section === 'coding' && q.solution && deps.python) {
          ui.say(ui.dim((await deps.python.available()) ? "In a terminal, calc-ml offers to run your code and the lesson's solution with python3 and compare what they print." : withoutPythonLine()));
        }
      }
    }
  } catch (e) {
    deps.stopped?.(result);
    throw e;
  }

  const outcome = quizOutcome(tally, qs.length, deps.passMark, ungradable < qs.length);
  result.complete = outcome.complete;
  result.passed = outcome.passed;
  // With a question skipped the attempt stays open, as one stopped early does: the next run goes on with it.
  if (outcome.complete) {
    attempt.complete = true;
    attempt.finishedAt = now();
    attempt.passed = outcome.passed!;
  }
  save((l) => saveAttempt(l, attempt));
  summarizeQuiz(result, tally, qs, ui, outcome.rule);
  return result;
}

/** In a terminal, with python3: run the learner's code and the lesson's solution on one input and compare. */
async function offerRun(code: string, solution: string, deps: QuizDeps): Promise<boolean | undefined> {
  const { ask, ui, python } = deps;
  if (!python) return undefined;
  if (!(await python.available())) {
    ui.say(ui.dim(withoutPythonLine()));
    return undefined;
  }
  ui.say(ui.dim(`python3 can run your code and the lesson's solution on the same input and compare what they print. This runs your own code on this machine (in a temporary folder, stopped after ${python.limitSeconds} s).`));
  const go = await ask.select('Run both and compare?', [
    { value: 'yes', name: 'Yes, run both', key: 'y' },
    { value: 'no', name: 'No', key: 'n' },
  ]);
  if (go !== 'yes') return undefined;
  const input = await ask.input('Input for both programs, if they read any (\\n between lines; Enter for none):');
  const stdin = input.replace(/\\n/g, '\n');
  const [mine, theirs] = await Promise.all([python.run(code, stdin), python.run(solution, stdin)]);
  const c = compareRuns(mine, theirs, python.limitSeconds);
  ui.say(c.lines.join('\n'));
  return c.same;
}

function fmt(n: number): string {
  return fmtPoints(n);
}

/**
 * Why an item answered before the quiz was stopped is to review: its answer and the right one
 * (its feedback was shown in the run that was stopped, not kept).
 */
function resumedReason(m: QuizItemResult, q: Question): string {
  const right = rightAnswer(q);
  const said = m.answer.split('\n')[0].slice(0, 60);
  return [`You answered “${said}”${m.verdict === 'partial' ? ' (partly right)' : ''}.`, right].filter(Boolean).join(' ');
}

function summarizeQuiz(r: QuizResult, t: Tally, qs: Question[], ui: Ui, rule: string): void {
  ui.say('');
  ui.say(ui.heading('Result'));
  ui.say(`Score: ${r.scoreLine}.`);
  if (r.total && r.previousBest) {
    const before = r.previousBest.score / r.previousBest.total;
    const now = r.score / r.total;
    ui.say(now > before ? ui.good(`A new best: up from ${fmt(r.previousBest.score)}/${r.previousBest.total}.`)
      : now === before ? `The same as your best (${fmt(r.previousBest.score)}/${r.previousBest.total}).`
      : `Your best is still ${fmt(r.previousBest.score)}/${r.previousBest.total}.`);
  }
  if (!r.complete) {
    ui.say(ui.warn(`Not finished: ${t.skipped === 1 ? 'a question' : `${t.skipped} questions`} skipped, so not passed yet (${rule}). The next calc-ml quiz asks ${t.skipped === 1 ? 'it' : 'them'} again${r.items.some((i) => !i.skipped) ? ' and keeps your other answers' : ''}.`));
  } else ui.say(r.passed ? ui.good(`Passed (${rule}).`) : ui.warn(`Not passed yet (${rule}).`));
  const missed = r.items.filter((i) => i.verdict === 'incorrect' || i.verdict === 'partial' || i.self === 'wrong');
  if (missed.length) {
    ui.say('');
    ui.say('To review:');
    for (const m of missed) {
      const q = qs.find((x) => x.ref === m.ref)!;
      // A kept answer judged wrong: the learner's own verdict, not the grader's "kept" note again.
      const why = m.self === 'wrong' ? 'you judged it not right yet: it comes back in calc-ml review' : m.resumed ? resumedReason(m, q) : missReason(m.feedback);
      ui.say(`- ${q.prompt.split('\n')[0]} ${ui.dim(`(${m.ref})`)}\n  ${why}`);
    }
  }
  const closing = closingLine(t, missed.length);
  if (closing) ui.say(t.kept ? closing : ui.good(closing));
  // Kept answers nobody judged (from a pipe) are due in review at once, to be checked there.
  const unjudged = r.items.filter((i) => i.verdict === 'ungraded' && !i.self && i.answer.trim()).length;
  if (unjudged) ui.say(ui.dim(`calc-ml review brings back the ${unjudged === 1 ? 'kept answer' : `${unjudged} kept answers`} you have not judged, for you to check against the lesson.`));
}
