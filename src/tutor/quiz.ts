import type { Lesson } from '../lesson/model.js';
import type { Question, Verdict } from '../grading/index.js';
import type { LessonProgress, QuizAttempt, AnswerRecord } from './progress.js';
import { recordAnswer, saveAttempt } from './progress.js';
import type { Asker, Ui } from './ui.js';
import { askWithTries, DEFAULT_TRIES, type TryRecord } from './tries.js';

export interface QuizItemResult {
  ref: string;
  kind: string;
  answer: string;
  verdict: Verdict['verdict'];
  score: number;
  feedback: string;
  /** Answers this question took (0 when skipped), and hints shown; earlier answers, oldest first. */
  tries: number;
  hintsUsed: number;
  earlier?: TryRecord[];
  self?: 'right' | 'wrong';
  /** Written answers: what was read from the last one (as in `grade --json`), so a verdict can be checked. */
  claims?: Verdict['claims'];
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
}

/** The quiz's questions, in the lesson's order: multiple choice, true/false, then conceptual, then coding. */
export function quizQuestions(questions: Question[]): Question[] {
  const order = { multipleChoice: -1, trueFalse: 0, conceptual: 1, coding: 2, exercise: 3 } as const;
  const n = (q: Question) => Number(q.ref.replace(/^quiz\./, '')) || 0;
  return questions.filter((q) => q.section !== 'exercise').sort((a, b) => order[a.section] - order[b.section] || n(a) - n(b));
}

function bestOf(attempts: QuizAttempt[]): { score: number; total: number } | null {
  let best: QuizAttempt | null = null;
  for (const a of attempts) if (a.complete && a.total > 0 && (!best || a.score / a.total > best.score / best.total)) best = a;
  return best ? { score: best.score, total: best.total } : null;
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

/** A skipped question counts as missed; the learner is shown what the answer was. */
export function skippedVerdict(q: Question): Verdict {
  const answer = q.kind === 'truefalse' ? [q.answer === null ? '' : `The statement is ${q.answer}.`, q.explanation ?? ''].filter(Boolean).join(' ')
    : q.kind === 'choice' ? [q.answer === null ? '' : `The answer is ${q.answer}) ${q.options.find((o) => o.label === q.answer)?.text ?? ''}.`, q.explanation ?? ''].filter(Boolean).join(' ')
    : q.modelAnswer ? `A good answer: ${q.modelAnswer}` : '';
  return { verdict: 'incorrect', score: 0, feedback: ['Skipped.', answer].filter(Boolean).join(' ') };
}

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

/**
 * Asks every quiz question, grades each answer on the spot, and saves after every answer, so that an
 * interruption loses at most the answer being typed. Interrupted/EndOfInput from the asker propagate
 * to the caller after the answers so far are saved.
 */
export async function runQuiz(lesson: Lesson, questions: Question[], record: LessonProgress, deps: QuizDeps): Promise<QuizResult> {
  const { ask, ui, grade, save, now } = deps;
  const qs = quizQuestions(questions);
  const previousBest = bestOf(record.quiz);
  const attempt: QuizAttempt = { id: (deps.newId ?? (() => globalThis.crypto.randomUUID()))(), startedAt: now(), finishedAt: null, answers: [], score: 0, total: 0, complete: false };
  const result: QuizResult = { lesson: lesson.id, score: 0, total: 0, items: [], complete: false, saved: 0, selfChecked: 0, previousBest };

  const counts = (['multipleChoice', 'trueFalse', 'conceptual', 'coding'] as const)
    .map((s) => [s, qs.filter((q) => q.section === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s === 'trueFalse' ? 'true/false' : s === 'multipleChoice' ? 'multiple choice' : s}`);
  ui.say(ui.heading(`Quiz · Lesson ${lesson.id}: ${lesson.title}`));
  ui.say(`${qs.length} question${qs.length === 1 ? '' : 's'}: ${counts.join(', ')}.` +
    (previousBest ? ` Your best so far: ${fmt(previousBest.score)}/${previousBest.total}.` : ''));
  if (!qs.length) {
    ui.say('This lesson has no quiz questions.');
    return result;
  }
  if (qs.some((q) => q.kind === 'truefalse' && q.answer === null)) {
    ui.say(ui.dim('This lesson marks no answers for its true/false items: they run as a self-check.'));
  }
  ui.say(ui.dim(`${qs.some((q) => q.kind !== 'truefalse') ? 'Type your answer and press Enter' : 'Answer true or false (t/f, yes/no also work)'}. An empty answer skips a question${qs.some((q) => q.hint || q.hints?.length) ? '; ? shows a hint' : ''}.`));

  // Start the attempt on disk at once: a quiz stopped at its first question still shows as begun.
  save((l) => saveAttempt(l, attempt));

  try {
    for (const [i, q] of qs.entries()) {
      ui.say('');
      ui.say(ui.bold(`${i + 1}/${qs.length} · ${KIND_LABEL[q.kind]}`));
      ui.say(q.prompt);
      const index = attempt.answers.length;
      const asked = await askWithTries(q, {
        ask, ui, grade, maxTries: deps.tries ?? (ask.interactive ? DEFAULT_TRIES : 1),
        // A try that will be tried again is saved in the attempt at once: nothing typed is lost.
        onTry: (earlier, hintsUsed) => {
          const tried = earlier[earlier.length - 1];
          attempt.answers[index] = { ref: q.ref, kind: q.kind, ...tried, at: now(), tries: earlier.length, hintsUsed, ...(earlier.length > 1 ? { earlier: earlier.slice(0, -1) } : {}) };
          save((l) => saveAttempt(l, attempt));
        },
      });
      const { answer, skipped } = asked;
      const v: Verdict = skipped ? { ...skippedVerdict(q), tries: 0, hintsUsed: asked.verdict.hintsUsed } : asked.verdict;
      const shown = skipped ? ui.dim(`– ${v.feedback}`) : asked.shown;
      let self: 'right' | 'wrong' | undefined;
      // Piped answers are one per line: a "were you right?" would take the next answer as its reply.
      const selfCheck = v.verdict === 'ungraded' && !skipped && ask.interactive;
      if (selfCheck) {
        ui.say(shown);
        self = (await ask.select('Were you right?', [
          { value: 'right', name: 'Yes, I was right', key: 'y' },
          { value: 'wrong', name: 'No, I was wrong', key: 'n' },
        ])) as 'right' | 'wrong';
        result.selfChecked++;
      }
      const tried = { tries: v.tries ?? 1, hintsUsed: v.hintsUsed ?? 0, ...(asked.earlier.length ? { earlier: asked.earlier } : {}) };
      const item: QuizItemResult = { ref: q.ref, kind: q.kind, answer, verdict: v.verdict, score: v.score, feedback: v.feedback, ...tried, ...(self ? { self } : {}), ...(v.claims && !skipped ? { claims: v.claims } : {}) };
      result.items.push(item);
      if (v.verdict !== 'ungraded') {
        result.total += 1;
        result.score += v.score;
      }
      const rec: AnswerRecord = { ref: q.ref, kind: q.kind, answer, verdict: v.verdict, score: v.score, at: now(), ...tried, ...(self ? { self } : {}) };
      attempt.answers[index] = rec;
      attempt.score = result.score;
      attempt.total = result.total;
      const kept = save((l) => {
        saveAttempt(l, attempt);
        recordAnswer(l, rec);
      });
      if (kept !== false) result.saved++;
      // The verdict is shown once the answer is on disk: a verdict on screen means it was kept,
      // even if the process is killed the next instant.
      if (!selfCheck) ui.say(shown);
    }
  } catch (e) {
    deps.stopped?.(result);
    throw e;
  }

  result.complete = true;
  attempt.complete = true;
  attempt.finishedAt = now();
  save((l) => saveAttempt(l, attempt));
  summarizeQuiz(result, qs, ui);
  return result;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function summarizeQuiz(r: QuizResult, qs: Question[], ui: Ui): void {
  ui.say('');
  ui.say(ui.heading('Result'));
  if (r.total) {
    const pct = Math.round((100 * r.score) / r.total);
    ui.say(`Score: ${fmt(r.score)}/${r.total} (${pct}%)` + (r.selfChecked ? `, plus ${r.selfChecked} self-checked` : ''));
    if (r.previousBest) {
      const before = r.previousBest.score / r.previousBest.total;
      const now = r.score / r.total;
      ui.say(now > before ? ui.good(`A new best: up from ${fmt(r.previousBest.score)}/${r.previousBest.total}.`)
        : now === before ? `The same as your best (${fmt(r.previousBest.score)}/${r.previousBest.total}).`
        : `Your best is still ${fmt(r.previousBest.score)}/${r.previousBest.total}.`);
    }
  } else if (r.selfChecked) {
    const right = r.items.filter((i) => i.self === 'right').length;
    ui.say(`Self-check: you judged ${right} of ${r.selfChecked} right.`);
  }
  const missed = r.items.filter((i) => i.verdict === 'incorrect' || i.verdict === 'partial' || i.self === 'wrong');
  if (missed.length) {
    ui.say('');
    ui.say('To review:');
    for (const m of missed) {
      const q = qs.find((x) => x.ref === m.ref)!;
      const why = missReason(m.feedback);
      ui.say(`- ${q.prompt.split('\n')[0]} ${ui.dim(`(${m.ref})`)}\n  ${why}`);
    }
  } else if (r.total) {
    ui.say(ui.good('Everything right. Well done.'));
  }
}
