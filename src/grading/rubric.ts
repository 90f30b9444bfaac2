import type { RubricQuestion } from './question.js';
import type { Verdict } from './verdict.js';
import { assessConcepts } from './concepts.js';
import { isGibberish, restatesQuestion, wordCount } from './readable.js';
import { tokenize } from './text.js';

/**
 * The concept rubric: a written answer is correct when it states enough of the key's concepts
 * (and the required ones) with no wrong idea, partly right when it states some, and incorrect
 * otherwise. Feedback says what was found, what was missing, which wrong idea was seen and why it
 * is wrong, then shows the model answer.
 */

const list = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

function tail(q: RubricQuestion, showHint: boolean): string[] {
  return [
    showHint && q.hint ? `Hint: ${q.hint}` : '',
    q.explanation ?? '',
    q.modelAnswer ? `Model answer: ${q.modelAnswer}` : '',
  ].filter(Boolean);
}

function unreadable(q: RubricQuestion, reason: string): Verdict {
  const missing = q.rubric.concepts.map((c) => c.name);
  return {
    verdict: 'incorrect',
    score: 0,
    feedback: [reason, `A good answer covers: ${list(missing)}.`, ...tail(q, true)].join('\n'),
    found: [],
    missing,
    ...(q.modelAnswer ? { modelAnswer: q.modelAnswer } : {}),
  };
}

export function gradeRubric(q: RubricQuestion, answer: string): Verdict {
  const { rubric } = q;
  const tokens = tokenize(answer);
  const words = wordCount(answer);
  if (!words) return unreadable(q, 'No answer was given: write a sentence or two in your own words.');
  if (words === 1) return unreadable(q, 'One word is not an explanation: write a full sentence that says what and why.');
  const asked = tokenize(q.prompt);
  const report = assessConcepts(tokens, rubric, new Set(asked.map((t) => t.stem)));
  const foundNames = report.found.map((c) => c.name);
  const missing = rubric.concepts.filter((c) => !report.found.includes(c)).map((c) => c.name);
  const wrong = [
    ...report.misconceptions.map(({ misconception: m, quote }) => ({ name: m.name, line: `You wrote “${quote}”: that says ${m.name}. ${m.correction}`.trim() })),
    ...report.denied.map(({ concept, quote }) => ({ name: `the opposite of “${concept.name}”`, line: `You wrote “${quote}”, which denies a key idea: ${concept.name}. That idea is right.` })),
  ];

  if (!report.found.length && !wrong.length) {
    const vocabulary = new Set(
      tokenize([q.prompt, q.modelAnswer ?? '', ...rubric.concepts.flatMap((c) => c.phrases)].join('\n')).map((t) => t.stem),
    );
    if (isGibberish(tokens, vocabulary)) return unreadable(q, 'This does not read as an answer to the question: write it in plain words.');
    if (restatesQuestion(tokens, asked)) {
      return unreadable(q, `This repeats the question; say ${/^\s*how\b/i.test(q.prompt) ? 'how' : /^\s*why\b/i.test(q.prompt) ? 'why' : 'what it is, and why or how'}.`);
    }
  }

  const requiredOk = rubric.concepts.every((c) => !c.required || report.found.includes(c));
  const count = report.found.length;
  let verdict: Verdict['verdict'] =
    count >= rubric.need.correct && requiredOk ? 'correct' : count >= rubric.need.partial ? 'partial' : 'incorrect';
  if (verdict === 'correct' && wrong.length) verdict = 'partial';
  const score = verdict === 'correct' ? 1 : verdict === 'partial' ? Math.round(Math.min(0.75, Math.max(0.25, count / rubric.need.correct)) * 100) / 100 : 0;

  const lines = [
    verdict === 'correct' ? 'Correct.' : verdict === 'partial' ? 'Partly right.' : 'Not quite.',
    ...wrong.map((w) => w.line),
    count ? `You covered: ${list(foundNames)}.` : '',
    missing.length && verdict !== 'correct' ? `Missing: ${list(missing)}.` : '',
    ...tail(q, verdict !== 'correct'),
  ].filter(Boolean);
  return {
    verdict,
    score,
    feedback: lines.join('\n'),
    found: foundNames,
    missing,
    ...(wrong.length ? { misconception: wrong.map((w) => w.name).join('; ') } : {}),
    ...(q.modelAnswer ? { modelAnswer: q.modelAnswer } : {}),
  };
}
