import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyProgress, identityOf, lessonOf, type LessonProgress } from '../../src/tutor/progress.js';
import { runCli } from '../helpers/cli.js';

// Lesson-1.1.41-….md is titled "# Lesson 1.1.40: List Comprehensions". Builds before the file
// name's id was the lesson's kept its record under 1.1.40 (or "1.1.40 List Comprehensions" when the
// real 1.1.40 had that key first), with exercise answers under 1.1.40.starter-1. The record is
// found again, and moved to 1.1.41 with those refs renamed; the real 1.1.40's is left alone.
const LESSON = { id: '1.1.41', titleId: '1.1.40', title: 'List Comprehensions', exercises: [{ id: '1.1.41.starter-1' }, { id: '1.1.40.7' }] };
const PATH = '/course/Lesson-1.1.41-List-Comprehensions.md';

const answer = (ref: string, text: string) => ({ ref, kind: 'open', answer: text, verdict: 'ungraded' as const, score: 0, at: '2026-11-01T10:00:00Z' });
function record(over: Partial<LessonProgress>): LessonProgress {
  return {
    quiz: [{ startedAt: '2026-11-01T10:00:00Z', finishedAt: '2026-11-01T10:05:00Z', answers: [answer('quiz.1', 'yes')], score: 1, total: 1, complete: true }],
    answers: { '1.1.40.starter-1': [answer('1.1.40.starter-1', 'squares = [x*x for x in xs]')], '1.1.40.7': [answer('1.1.40.7', 'kept as it was')], 'quiz.1': [answer('quiz.1', 'yes')] },
    tutor: { step: 'exercise:1.1.40.starter-1', done: ['objectives', 'exercise:1.1.40.starter-1'], skipped: [], startedAt: null, updatedAt: null, runs: 1 },
    homework: {}, notes: {}, timeSpentMs: 60000,
    ...over,
  };
}

test.each([
  // [what, records there, key the old record is found under (null: it is not this lesson's)]
  ['kept under the title\'s id, with its title', { '1.1.40': record({ id: '1.1.40', title: 'List Comprehensions', path: PATH }) }, '1.1.40'],
  ['kept as "id title" beside the real 1.1.40', { '1.1.40': record({ id: '1.1.40', title: 'List Iteration' }), '1.1.40 List Comprehensions': record({ id: '1.1.40', title: 'List Comprehensions' }) }, '1.1.40 List Comprehensions'],
  ['a record with no title yet, studied from this file', { '1.1.40': record({ id: '1.1.40', title: null, path: PATH }) }, '1.1.40'],
  ['the real 1.1.40\'s record is not taken', { '1.1.40': record({ id: '1.1.40', title: 'List Iteration' }) }, null],
  ['a schema 1 record with neither title nor file may be the real 1.1.40\'s: not taken', { '1.1.40': record({ id: '1.1.40', title: null }) }, null],
])('%s', (_what, records, from) => {
  const data = emptyProgress();
  Object.assign(data.lessons, structuredClone(records));
  const others = Object.keys(records).filter((k) => k !== from);
  const l = lessonOf(data, identityOf(LESSON, PATH));
  expect(Object.keys(data.lessons).sort()).toEqual([...others, '1.1.41'].sort());
  for (const k of others) expect(data.lessons[k]).toEqual((records as Record<string, LessonProgress>)[k]);
  if (!from) {
    expect(l.answers).toEqual({});
    return;
  }
  expect(l).toMatchObject({ id: '1.1.41', title: 'List Comprehensions', timeSpentMs: 60000 });
  // This lesson's exercise follows its new id; a ref the lesson still gives under 1.1.40 stays.
  expect(Object.keys(l.answers).sort()).toEqual(['1.1.40.7', '1.1.41.starter-1', 'quiz.1']);
  expect(l.answers['1.1.41.starter-1']).toEqual([{ ...answer('1.1.41.starter-1', 'squares = [x*x for x in xs]') }]);
  expect(l.tutor).toMatchObject({ step: 'exercise:1.1.41.starter-1', done: ['objectives', 'exercise:1.1.41.starter-1'] });
  expect(l.quiz).toHaveLength(1);
});

test('the CLI finds an old record of such a lesson: lessons and progress show it, and the next quiz keeps it', () => {
  const course = mkdtempSync(join(tmpdir(), 'calc-ml-titleid-'));
  const home = mkdtempSync(join(tmpdir(), 'calc-ml-titleid-home-'));
  const file = join(course, 'Lesson-1.1.41-List-Comprehensions.md');
  writeFileSync(file, [
    '# Lesson 1.1.40: List Comprehensions', '', '**Estimated Time**: 1 hour | **Difficulty**: Beginner', '',
    '## Exercises', '', '### Starter Exercises', '', '**Starter Exercise 1: Squares**', '```python', 'xs = [1, 2, 3]', '```', '',
    '## Quiz & Assessment', '', '### True/False', '', '1. A list comprehension builds a list. (True)', '',
  ].join('\n'));
  // As a build before this one wrote it: under the title's id, exercise refs after it too.
  const old = record({ id: '1.1.40', title: 'List Comprehensions', path: file });
  old.quiz = [{ startedAt: '2026-11-01T10:00:00Z', finishedAt: '2026-11-01T10:05:00Z', answers: [{ ...answer('quiz.1', 'true'), kind: 'truefalse', verdict: 'correct', score: 1 }], score: 1, total: 1, complete: true }];
  writeFileSync(join(home, 'progress.json'), JSON.stringify({ schema: 2, lessons: { '1.1.40': old } }));
  const env = { CALC_ML_HOME: home };

  const listed = runCli(['lessons', '--dir', course, '--json'], { env });
  expect(listed.status).toBe(0);
  expect(JSON.parse(listed.stdout).lessons.find((e: { path: string }) => e.path === file)).toMatchObject({ id: '1.1.41', titleId: '1.1.40', best: { score: 1, total: 1 } });

  const progress = runCli(['progress', '--json', '--dir', course], { env });
  expect(progress.status).toBe(0);
  expect(JSON.parse(progress.stdout).lessons).toEqual([expect.objectContaining({ lessonId: '1.1.41', quizAttempts: 1, title: 'List Comprehensions' })]);

  const quiz = runCli(['quiz', file, '--json'], { input: 'false\n', env });
  expect(quiz.status).toBe(0);
  const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
  expect(Object.keys(saved.lessons)).toEqual(['1.1.41']);
  expect(saved.lessons['1.1.41'].quiz).toHaveLength(2);
  expect(saved.lessons['1.1.41'].answers['1.1.41.starter-1'][0].answer).toBe('squares = [x*x for x in xs]');
  expect(JSON.parse(quiz.stdout).previousBest).toEqual({ score: 1, total: 1 });
});
