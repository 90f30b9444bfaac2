import * as v from 'valibot';

/**
 * The shape of progress.json, checked on every read: a file of the right schema version but the
 * wrong shape (`"answers": {"quiz.6": 5}`) would otherwise crash the command that uses it. Objects
 * are loose: a field this build does not know (written by a newer build of the same schema) is
 * kept as it is, not dropped. Fields an older build did not write are optional; lessonOf fills them.
 */

const finite = v.pipe(v.number(), v.finite());
const text = v.string();
const stamp = v.nullable(v.string());

const answerRecord = v.looseObject({
  ref: text,
  kind: text,
  answer: text,
  verdict: v.picklist(['correct', 'partial', 'incorrect', 'ungraded']),
  score: finite,
  at: text,
  self: v.optional(v.picklist(['right', 'wrong'])),
  pending: v.optional(v.boolean()),
});

const quizAttempt = v.looseObject({
  id: v.optional(text),
  startedAt: text,
  finishedAt: stamp,
  answers: v.array(answerRecord),
  score: finite,
  total: finite,
  complete: v.boolean(),
  passed: v.optional(v.boolean()),
  owner: v.optional(finite),
  skipped: v.optional(v.array(v.string())),
});

const tutorState = v.looseObject({
  step: v.optional(stamp),
  done: v.optional(v.array(text)),
  skipped: v.optional(v.array(text)),
  startedAt: v.optional(stamp),
  updatedAt: v.optional(stamp),
  runs: v.optional(finite),
});

const lessonProgress = v.looseObject({
  id: v.optional(text),
  title: v.optional(v.nullable(text)),
  path: v.optional(v.nullable(text)),
  lastStudied: v.optional(v.nullable(text)),
  quiz: v.array(quizAttempt),
  answers: v.optional(v.record(text, v.array(answerRecord))),
  tutor: v.optional(tutorState),
  homework: v.optional(v.record(text, v.boolean())),
  notes: v.optional(v.record(text, text)),
  timeSpentMs: v.optional(finite),
});

export const lessonsSchema = v.record(text, lessonProgress);

// Deeper than this, a file was not written by calc-ml (its deepest path is about 7), and JSON.stringify
// would overflow the stack writing it back.
export const MAX_DEPTH = 32;

/** How deeply `value` nests, counted without recursion (a hostile file may nest 100,000 deep). */
export function depthOf(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (!x || typeof x !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(x)) if (child && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

/** The first thing wrong with the lessons' shape, in words (`lesson 1.2.26: answers.quiz.6: …`), or null. */
export function lessonsShapeProblem(lessons: unknown): string | null {
  const r = v.safeParse(lessonsSchema, lessons);
  if (r.success) return null;
  const issue = r.issues[0];
  const path = v.getDotPath(issue);
  const [id, ...rest] = (issue.path ?? []).map((p) => String(p.key));
  const where = id === undefined ? (path ?? 'lessons') : `lesson ${id}${rest.length ? `: ${rest.join('.')}` : ''}`;
  return `${where} is malformed (${issue.message.replace(/^Invalid (\w+): /, '').replace(/^Expected/, 'expected')})`;
}
