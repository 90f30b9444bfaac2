import { mkdtempSync, writeFileSync, readFileSync, readdirSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProgressStore } from '../../src/io/progress-store.js';
import { lessonOf, recordAnswer, summarize, progressProblem, formatDuration } from '../../src/tutor/progress.js';

const home = () => mkdtempSync(join(tmpdir(), 'calc-ml-home-'));
const answer = (ref: string, verdict: 'correct' | 'incorrect' = 'correct') => ({ ref, kind: 'trueFalse', answer: 'true', verdict, score: verdict === 'correct' ? 1 : 0, at: '2026-01-01T00:00:00Z' });

describe('ProgressStore', () => {
  test('a new home starts empty and is created on first write', () => {
    const h = join(home(), 'not', 'yet');
    const store = new ProgressStore(h);
    expect(store.read()).toEqual({ schema: 1, lessons: {} });
    store.update((d) => recordAnswer(lessonOf(d, '1.2.26'), answer('quiz.1')));
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8'));
    expect(saved.schema).toBe(1);
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
  ])('a corrupt file (%s) is moved aside with its content kept, and the learner told', (_name, content) => {
    const h = home();
    writeFileSync(join(h, 'progress.json'), content);
    const store = new ProgressStore(h);
    expect(store.read()).toEqual({ schema: 1, lessons: {} });
    const aside = readdirSync(h).find((f) => f.startsWith('progress.corrupt-'))!;
    expect(readFileSync(join(h, aside), 'utf8')).toBe(content);
    expect(store.notices[0]).toMatch(new RegExp(`moved to .*${aside.replace(/\./g, '\\.')} and a fresh one started`));
  });

  test('a file from a newer calc-ml is refused and left as it is', () => {
    const h = home();
    const content = '{"schema": 9, "lessons": {}}';
    writeFileSync(join(h, 'progress.json'), content);
    const store = new ProgressStore(h);
    expect(() => store.update(() => {})).toThrow(/newer calc-ml \(schema 9; this one reads 1\); it is left as it is/);
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
    [{ schema: 2, lessons: {} }, 'future'],
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
