import { mkdtempSync, writeFileSync, readFileSync, readdirSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProgressStore } from '../../src/io/progress-store.js';
import { lessonOf, recordAnswer, summarize, progressProblem, formatDuration, saveAttempt } from '../../src/tutor/progress.js';
import { depthOf } from '../../src/tutor/progress-schema.js';

const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-home-'));
const answer = (ref: string, verdict: 'correct' | 'incorrect' = 'correct') => ({ ref, kind: 'trueFalse', answer: 'true', verdict, score: verdict === 'correct' ? 1 : 0, at: '2026-01-01T00:00:00Z' });

describe('ProgressStore', () => {
  test('a new home starts empty and is created on first write', () => {
    const h = join(home(), 'not', 'yet');
    const store = new ProgressStore(h);
    expect(store.read()).toEqual({ schema: 2, lessons: {} });
    store.update((d) => recordAnswer(lessonOf(d, '1.2.26'), answer('quiz.1')));
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(saved.schema).toBe(2);
    expect(saved.lessons['1.2.26'].answers['quiz.1']).toHaveLength(1);
  });

  test('each update re-reads the file, so two writers keep both answers', () => {
    const h = home();
    const a = new ProgressStore(h);
    const b = new ProgressStore(h);
    a.update((d) => recordAnswer(lessonOf(d, '1.2.26'), answer('quiz.1')));
    b.update((d) => recordAnswer(lessonOf(d, '1.2.26'), answer('quiz.2')));
    a.update((d) => recordAnswer(lessonOf(d, '1.2.26'), answer('quiz.1', 'incorrect')));
    const l = new ProgressStore(h).read().lessons['1.2.26'];
    expect(Object.keys(l.answers).sort()).toEqual(['quiz.1', 'quiz.2']);
    expect(l.answers['quiz.1'].map((x) => x.verdict)).toEqual(['correct', 'incorrect']);
  });

  test.each([
    ['not JSON', '{"schema": 1, "lessons": {'],
    ['not an object', '[1, 2, 3]'],
    ['no schema', '{"lessons": {}}'],
    ['a malformed lesson', '{"schema": 1, "lessons": {"1.2.26": 5}}'],
    ['answers that are not lists', '{"schema": 1, "lessons": {"1.2.26": {"quiz": [], "answers": {"quiz.6": 5}}}}'],
    ['a verdict no grader gives', '{"schema": 1, "lessons": {"1.2.26": {"quiz": [], "answers": {"quiz.6": [{"ref": "quiz.6", "kind": "x", "answer": "", "verdict": "great", "score": 1, "at": ""}]}}}}'],
    ['notes that are not text', '{"schema": 1, "lessons": {"1.2.26": {"quiz": [], "notes": {"summary": {"a": 1}}}}}'],
  ])('a corrupt file (%s) is moved aside with its content kept, and the learner told', (_name, content) => {
    const h = home();
    writeFileSync(join(h, 'progress.json'), content);
    const store = new ProgressStore(h);
    expect(store.read()).toEqual({ schema: 2, lessons: {} });
    const aside = readdirSync(h).find((f) => f.startsWith('progress.corrupt-'))!;
    expect(readFileSync(join(h, aside), 'utf8')).toBe(content);
    expect(store.notices[0]).toMatch(new RegExp(`moved to .*${aside.replace(/\./g, '\\.')} and a fresh one started`));
  });

  test('a file from a newer calc-ml is refused and left as it is', () => {
    const h = home();
    const content = '{"schema": 9, "lessons": {}}';
    writeFileSync(join(h, 'progress.json'), content);
    const store = new ProgressStore(h);
    expect(() => store.update(() => {})).toThrow(/newer calc-ml \(schema 9; this one reads 2\); it is left as it is/);
    expect(readFileSync(join(h, 'progress.json'), 'utf8')).toBe(content);
  });

  test('a home that cannot be a folder gets one clear message', () => {
    const h = home();
    writeFileSync(join(h, 'file'), 'x');
    const store = new ProgressStore(join(h, 'file', 'sub'));
    expect(() => store.checkWritable()).toThrow(/cannot save progress in .*file\/sub \(E\w+: .*\); set CALC_ML_HOME to a folder you can write/);
    expect(() => store.update(() => {})).toThrow(/set CALC_ML_HOME/);
  });

  (process.getuid?.() === 0 ? test.skip : test)('a read-only folder gets one clear message', () => {
    const h = home();
    mkdirSync(join(h, 'ro'), { mode: 0o500 });
    expect(() => new ProgressStore(join(h, 'ro')).update(() => {})).toThrow(/EACCES: permission denied/);
  });

  test('a stale lock left by a killed process is taken over', () => {
    const h = home();
    const lock = join(h, 'progress.json.lock');
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    new ProgressStore(h).update((d) => lessonOf(d, '1.2.26'));
    expect(readdirSync(h)).toEqual(['progress.json']);
  });
});

describe('a lock left empty by a process killed before it wrote its pid', () => {
  test('is taken over after a second, not after ten', () => {
    const h = home();
    const lock = join(h, 'progress.json.lock');
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 2_000);
    utimesSync(lock, old, old);
    const t0 = Date.now();
    new ProgressStore(h).update((d) => lessonOf(d, '1.2.26'));
    expect(readdirSync(h)).toEqual(['progress.json']);
    expect(Date.now() - t0).toBeLessThan(4_000); // the wait limit is 5 s: taken over, not timed out
  });
});

describe('what a good file may hold', () => {
  test('a BOM before the JSON is read as the same data', () => {
    const h = home();
    writeFileSync(join(h, 'progress.json'), '\uFEFF{"schema": 1, "lessons": {"1.2.26": {"quiz": []}}}');
    const store = new ProgressStore(h);
    expect(Object.keys(store.read().lessons)).toEqual(['1.2.26']);
    expect(store.notices).toEqual([]);
  });

  test('fields this build does not know are kept when the file is written back', () => {
    const h = home();
    writeFileSync(join(h, 'progress.json'), JSON.stringify({ schema: 1, lessons: { '1.2.26': { quiz: [], later: { kept: true } } } }));
    new ProgressStore(h).update((d) => recordAnswer(lessonOf(d, '1.2.26'), answer('quiz.1')));
    expect(JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')).lessons['1.2.26'].later).toEqual({ kept: true });
  });
});

describe('saveAttempt: each quiz updates its own attempt', () => {
  const attempt = (id: string | undefined, n: number) => ({ ...(id ? { id } : {}), startedAt: 's', finishedAt: null, answers: Array.from({ length: n }, (_, i) => answer(`quiz.${i + 1}`)), score: n, total: n, complete: false });
  test.each([
    ['a new id is added', [attempt('a', 1)], attempt('b', 1), ['a:1', 'b:1']],
    ['a known id is replaced where it stands, even when it is not the last', [attempt('a', 1), attempt('b', 2)], attempt('a', 3), ['a:3', 'b:2']],
    ['older attempts without an id are never overwritten', [attempt(undefined, 2)], attempt('c', 1), ['-:2', 'c:1']],
  ])('%s', (_name, before, next, after) => {
    const l = lessonOf({ schema: 1, lessons: {} }, '1.2.26');
    l.quiz.push(...before);
    saveAttempt(l, next);
    expect(l.quiz.map((a) => `${a.id ?? '-'}:${a.answers.length}`)).toEqual(after);
  });

  test('the saved copy does not change when the caller goes on answering', () => {
    const l = lessonOf({ schema: 1, lessons: {} }, '1.2.26');
    const a = attempt('a', 1);
    saveAttempt(l, a);
    a.answers.push(answer('quiz.2'));
    expect(l.quiz[0].answers).toHaveLength(1);
  });
});

describe('depthOf', () => {
  test.each([[1, 0], [{}, 1], [{ a: [1] }, 2], [{ a: [{ b: {} }] }, 4]])('depthOf(%j) = %d', (value, d) => {
    expect(depthOf(value)).toBe(d);
  });
  test('100,000 levels are measured without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(depthOf(deep, 40)).toBeGreaterThan(40);
  });
});

describe('progress model', () => {
  test('summary: best complete attempt, last attempt, exercises done', () => {
    const l = lessonOf({ schema: 1, lessons: {} }, '1.2.26');
    l.quiz.push(
      { startedAt: 'a', finishedAt: 'a', answers: [], score: 3, total: 4, complete: true },
      { startedAt: 'b', finishedAt: null, answers: [], score: 4, total: 4, complete: false },
      { startedAt: 'c', finishedAt: 'c', answers: [], score: 2, total: 4, complete: true },
    );
    recordAnswer(l, answer('1.2.26.1', 'incorrect'));
    recordAnswer(l, answer('1.2.26.2'));
    const s = summarize('1.2.26', l);
    expect(s.quizBest).toEqual({ score: 3, total: 4 });
    expect(s.quizLast).toMatchObject({ score: 2, total: 4, complete: true });
    expect(s.exercisesDone).toEqual(['1.2.26.2']);
  });

  test.each([
    [{ schema: 1, lessons: {} }, null],
    [{ schema: 2, lessons: {} }, null],
    [{ schema: 3, lessons: {} }, 'future'],
    [{ schema: 0, lessons: {} }, 'corrupt'],
    [null, 'corrupt'],
    [{ schema: 1, lessons: [] }, 'corrupt'],
  ])('progressProblem(%j) → %s', (value, kind) => {
    expect(progressProblem(value)?.kind ?? null).toBe(kind);
  });

  test.each([[0, 'none yet'], [20_000, 'under a minute'], [600_000, '10 min'], [4_500_000, '1 h 15 min']])('formatDuration(%d) = %s', (ms, s) => {
    expect(formatDuration(ms)).toBe(s);
  });
});
