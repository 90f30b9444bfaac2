import type { AnswerKey } from '../lesson/key.js';
import type { Lesson } from '../lesson/model.js';
import type { Question } from './question.js';
import { readTaskTarget } from './task-text.js';

/**
 * The gradable questions of a lesson, in lesson order (exercises, then quiz items by number),
 * with what each grader needs. Without a key: true/false from the lesson's marks, coding
 * challenges from their own text, everything else kept and self-assessed.
 */
export function questionsFor(lesson: Lesson, key?: AnswerKey): Question[] {
  const out: Question[] = [];
  for (const e of lesson.exercises) {
    out.push({ ref: e.id, kind: 'open', section: 'exercise', prompt: e.code ? `${e.prompt}\n${e.code}` : e.prompt, line: e.line, mode: 'self', ...(e.solution ? { solution: e.solution } : {}) });
  }
  const quiz: Question[] = [];
  for (const q of lesson.quiz.trueFalse) {
    quiz.push({ ref: `quiz.${q.n}`, kind: 'truefalse', section: 'trueFalse', prompt: q.statement, line: q.line, answer: q.answer, ...(q.reason ? { explanation: q.reason } : {}) });
  }
  for (const q of lesson.quiz.multipleChoice ?? []) {
    const prompt = [q.question, q.code, ...q.options.map((o) => `${o.label}) ${o.text}`)].filter(Boolean).join('\n');
    // A question written without its options (a milestone template) is answered in words, self-checked.
    quiz.push(q.options.length
      ? { ref: `quiz.${q.n}`, kind: 'choice', section: 'multipleChoice', prompt, line: q.line, options: q.options, answer: q.answer, ...(q.reason ? { explanation: q.reason } : {}) }
      : { ref: `quiz.${q.n}`, kind: 'open', section: 'multipleChoice', prompt, line: q.line });
  }
  for (const q of lesson.quiz.conceptual) {
    const prompt = q.code ? `${q.question}
${q.code}` : q.question;
    quiz.push({ ref: `quiz.${q.n}`, kind: 'open', section: 'conceptual', prompt, line: q.line, ...(q.expected ? { modelAnswer: q.expected, lessonAnswer: q.expected } : {}) });
  }
  for (const q of lesson.quiz.coding) {
    const target = readTaskTarget(q.task);
    const prompt = q.code ? `${q.task}\n${q.code}` : q.task;
    // The lesson's solution is shown after the learner's answer, never as part of the question.
    const own = q.solution ? { solution: q.solution } : {};
    quiz.push(target
      ? { ref: `quiz.${q.n}`, kind: 'math', section: 'coding', prompt, line: q.line, target, ...own }
      : { ref: `quiz.${q.n}`, kind: 'open', section: 'coding', prompt, line: q.line, ...own });
  }
  quiz.sort((a, b) => Number(a.ref.slice(5)) - Number(b.ref.slice(5)));
  out.push(...quiz);
  return key ? out.map((q) => withKey(q, key)) : out;
}

/** A question with what the answer key says about it (unchanged when the key has no entry). */
export function withKey(q: Question, key: AnswerKey): Question {
  const entry = key.entries[q.ref];
  if (!entry) return q;
  const extra = {
    ...(entry.hint ? { hint: entry.hint } : {}),
    ...(entry.hints?.length ? { hints: entry.hints } : {}),
    ...(entry.explanation ? { explanation: entry.explanation } : {}),
    ...(entry.model ? { modelAnswer: entry.model } : {}),
  };
  const base = { ref: q.ref, section: q.section, prompt: q.prompt, line: q.line, ...(q.hint ? { hint: q.hint } : {}), ...(q.hints ? { hints: q.hints } : {}), ...(q.explanation ? { explanation: q.explanation } : {}), ...(q.modelAnswer ? { modelAnswer: q.modelAnswer } : {}), ...(q.lessonAnswer ? { lessonAnswer: q.lessonAnswer } : {}), ...(q.solution ? { solution: q.solution } : {}), ...extra };
  switch (q.section) {
    case 'multipleChoice':
      // The lesson's own mark first; the key's letter where the lesson marks none. Without either,
      // it stays a self-check: no answer is made up.
      if (q.kind !== 'choice') return { ...q, ...extra };
      return { ...q, ...extra, answer: q.answer ?? entry.choice ?? null };
    case 'trueFalse':
      return { ...base, kind: 'truefalse', answer: q.kind === 'truefalse' && q.answer !== null ? q.answer : entry.answer ?? null };
    case 'coding':
      if (!entry.coding) return { ...q, ...extra };
      return { ...base, kind: 'math', target: { name: entry.coding.name, param: entry.coding.param, body: entry.coding.function, at: entry.coding.at, expected: entry.coding.expected } };
    case 'exercise':
    case 'conceptual': {
      const mode = q.section === 'exercise' ? { mode: entry.kind ?? (entry.rubric ? 'written' : 'self'), ...(entry.lab ? { lab: entry.lab } : {}) } : {};
      if (entry.rubric && entry.kind !== 'self') return { ...base, ...mode, kind: 'rubric', rubric: entry.rubric };
      return { ...base, ...mode, kind: 'open' };
    }
  }
}
