import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProgressStore } from '../../src/io/progress-store.js';
import { lessonOf, migrateProgress, recordAnswer, recordKey, SCHEMA_VERSION, emptyProgress } from '../../src/tutor/progress.js';
import { runCli } from '../helpers/cli.js';

// Written by calc-ml at 387a7f7 (schema 1): two quiz attempts (one stopped), a guided lesson stopped
// at an exercise, a graded exercise, and a second lesson's stopped quiz.
const V1 = fileURLToPath(new URL('../fixtures/progress-v1.json', import.meta.url));
const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-migrate-'));

/** Every leaf of a JSON value with its path: what "nothing lost" is checked against. */
function leaves(x: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) leaves(v, `${path}/${k}`, out);
  else out.set(path, x);
  return out;
}

describe('schema 1 → 2', () => {
  const old = JSON.parse(readFileSync(V1, 'utf8'));

  test('the fixture is what today\'s calc-ml wrote', () => {
    expect(old.schema).toBe(1);
    expect(Object.keys(old.lessons)).toEqual(['1.2.26', '1.2.27']);
  });

  test('migration keeps every value the old file held, and adds identity and when last studied', () => {
    const migrated = migrateProgress(structuredClone(old));
    expect(migrated.schema).toBe(SCHEMA_VERSION);
    const before = leaves(old.lessons);
    const after = leaves(migrated.lessons);
    for (const [path, value] of before) expect([path, after.get(path)]).toEqual([path, value]);
    expect(migrated.lessons['1.2.26']).toMatchObject({ id: '1.2.26', title: null });
    expect(migrated.lessons['1.2.26'].lastStudied).toMatch(/^\d{4}-\d\d-\d\dT/);
    // A complete attempt says whether it passed (6/8 ≥ 70%), an unfinished one does not.
    const quiz = migrated.lessons['1.2.26'].quiz;
    expect(quiz.find((a) => a.complete)?.passed).toBe(true);
    expect(quiz.find((a) => !a.complete)?.passed).toBeUndefined();
  });

  test('the first write keeps the old file beside the new one, and writes schema 2 with nothing lost', () => {
    const h = home();
    copyFileSync(V1, join(h, 'progress.json'));
    const store = new ProgressStore(h);
    store.update((d) => recordAnswer(lessonOf(d, { id: '1.2.26', title: 'Calculus for ML - Big Picture' }), { ref: 'quiz.1', kind: 'truefalse', answer: 'true', verdict: 'correct', score: 1, at: '2026-12-03T12:00:00Z' }));
    expect(readFileSync(join(h, 'progress.schema-1.json'), 'utf8')).toBe(readFileSync(V1, 'utf8'));
    const now = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(now.schema).toBe(2);
    const after = leaves(now.lessons);
    for (const [path, value] of leaves(old.lessons)) expect([path, after.get(path)]).toEqual([path, value]);
    // The lesson opened claims its record, which now knows its title.
    expect(now.lessons['1.2.26']).toMatchObject({ id: '1.2.26', title: 'Calculus for ML - Big Picture' });
    expect(now.lessons['1.2.26'].answers['quiz.1']).toHaveLength(old.lessons['1.2.26'].answers['quiz.1'].length + 1);
    // A second write does not replace the kept copy.
    store.update(() => {});
    expect(readdirSync(h).filter((f) => f.startsWith('progress.schema-'))).toEqual(['progress.schema-1.json']);
  });

  test('the CLI reads an old file: progress shows it, quiz goes on with it', () => {
    const h = home();
    copyFileSync(V1, join(h, 'progress.json'));
    const p = runCli(['progress', '--json'], { env: { CALC_ML_HOME: h } });
    expect(p.status).toBe(0);
    const doc = JSON.parse(p.stdout);
    expect(doc.lessons.map((l: { lessonId: string }) => l.lessonId)).toEqual(['1.2.26', '1.2.27']);
    expect(doc.lessons[0]).toMatchObject({ status: 'in progress', quiz: 'passed', quizAttempts: 2 });
    // Reading does not write: the file stays schema 1 until something is answered.
    expect(JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')).schema).toBe(1);
  });
});

describe('two lessons with one id keep two records', () => {
  test.each([
    // [records there, lesson opened, key it gets]
    [{}, { id: '2.1.4', title: 'Regression' }, '2.1.4'],
    [{ '2.1.4': { title: 'Regression' } }, { id: '2.1.4', title: 'regression ' }, '2.1.4'],
    [{ '2.1.4': { title: null } }, { id: '2.1.4', title: 'Regression' }, '2.1.4'],
    [{ '2.1.4': { title: 'Regression' } }, { id: '2.1.4', title: 'Trees' }, '2.1.4 Trees'],
  ])('%j, %j → %s', (records, who, key) => {
    const data = emptyProgress();
    for (const [k, v] of Object.entries(records)) Object.assign(lessonOf(data, k), v);
    expect(recordKey(data, who)).toBe(key);
  });

  test('answers to the second never land in the first', () => {
    const data = emptyProgress();
    recordAnswer(lessonOf(data, { id: '2.1.4', title: 'Regression' }), { ref: 'quiz.1', kind: 'truefalse', answer: 't', verdict: 'correct', score: 1, at: 'x' });
    recordAnswer(lessonOf(data, { id: '2.1.4', title: 'Trees' }), { ref: 'quiz.1', kind: 'truefalse', answer: 'f', verdict: 'incorrect', score: 0, at: 'x' });
    expect(data.lessons['2.1.4'].answers['quiz.1'].map((a) => a.answer)).toEqual(['t']);
    expect(data.lessons['2.1.4 Trees'].answers['quiz.1'].map((a) => a.answer)).toEqual(['f']);
  });
});
