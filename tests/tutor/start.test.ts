import { readFileSync } from 'node:fs';
import { parseLesson } from '../../src/lesson/parse.js';
import { parseKey } from '../../src/lesson/key.js';
import { grade, questionsFor } from '../../src/grading/index.js';
import { runTutor, type TutorDeps } from '../../src/tutor/start.js';
import { planSteps } from '../../src/tutor/plan.js';
import { emptyLesson, type LessonProgress } from '../../src/tutor/progress.js';
import { recordingUi, type Asker } from '../../src/tutor/ui.js';

const base = new URL('../../lessons/1.2.26-calculus-for-ml-big-picture', import.meta.url).pathname;
const lesson = parseLesson(readFileSync(`${base}.md`, 'utf8'));
const { key } = parseKey(readFileSync(`${base}.key.yaml`, 'utf8'), lesson);
const questions = questionsFor(lesson, key);
const steps = planSteps(lesson);

class OutOfScript extends Error {}

/** Answers from a script, in order; validate() rejections are kept so tests can see them. */
function scripted(answers: string[]): Asker & { rejected: string[]; asked: string[] } {
  const queue = [...answers];
  const take = (message: string) => {
    if (!queue.length) throw new OutOfScript(message);
    return queue.shift()!;
  };
  return {
    interactive: false,
    rejected: [],
    asked: [],
    async input(message, opts = {}) {
      this.asked.push(message);
      for (;;) {
        let a = take(message);
        if (!a.trim() && opts.default !== undefined) a = opts.default;
        const problem = opts.validate?.(a) ?? null;
        if (problem === null) return a;
        this.rejected.push(problem);
      }
    },
    async select(message, choices) {
      this.asked.push(message);
      const a = take(message);
      const hit = choices.find((c) => c.value === a || c.key === a);
      if (!hit) throw new Error(`script answered ${a} to "${message}" (choices ${choices.map((c) => c.value).join(', ')})`);
      return hit.value;
    },
    async pause() {},
  };
}

function deps(record: LessonProgress, ask: Asker) {
  const ui = recordingUi(80);
  const d: TutorDeps = {
    ask, ui, grade, record,
    save: (change) => change(record),
    now: () => '2026-11-27T00:00:00.000Z',
    render: async (md) => md,
    ideas: key.ideas,
  };
  return { d, ui };
}

async function runUntilOut(record: LessonProgress, answers: string[], opts = {}, tries?: number) {
  const ask = scripted(answers);
  const { d, ui } = deps(record, ask);
  if (tries) d.tries = tries;
  let outcome;
  try {
    outcome = await runTutor(lesson, questions, d, opts);
  } catch (e) {
    if (!(e instanceof OutOfScript)) throw e;
  }
  return { ui, ask, outcome };
}

describe('the guided lesson, driven by a script', () => {
  test('a new learner: objectives and ideas flow, then the first exercise asks; progress points there', async () => {
    const record = emptyLesson();
    const { ui } = await runUntilOut(record, []);
    const text = ui.lines.join('\n');
    expect(text).toMatch(/Lesson 1\.2\.26: Calculus for ML - Big Picture/);
    expect(text).toMatch(/In other words: A derivative is a slope/);
    // Counted over the 15 steps to walk (the closing one is not), and the step named once, in its heading.
    expect(text).toMatch(/step 3 of 15\nExercise 1\.2\.26\.1 · Starter/);
    expect(record.tutor.step).toBe('exercise:1.2.26.1');
    expect(record.tutor.done).toEqual(['objectives', 'core-ideas']);
  });

  test('a wrong answer, a hint with ?, then a right second try: both kept, the score counts try and hint', async () => {
    const record = emptyLesson();
    const { ui, ask } = await runUntilOut(record, [
      'It is the area under the curve of the function.', '?',
      'The derivative is the rate of change of a function: the slope of its tangent line at a point.',
    ], {}, 3);
    const text = ui.lines.join('\n');
    expect(text).toMatch(/✗ Not quite/);
    // Before the second try the model answer is held back; the one missing idea is named.
    expect(text.slice(0, text.indexOf('✓'))).not.toMatch(/Model answer/);
    expect(text).toMatch(/Still missing: “/);
    expect(text).toContain(`Hint 1 of 3: ${questions.find((q) => q.ref === '1.2.26.1')!.hints![0]}`);
    expect(ask.asked).toContain('Try 2 of 3 (? for a hint, Enter shows the answer):');
    expect(text).toMatch(/✓ Correct/);
    expect(record.answers['1.2.26.1'].map((a) => [a.verdict, a.tries, a.hintsUsed])).toEqual([['incorrect', 1, 0], ['correct', 2, 1]]);
    expect(record.answers['1.2.26.1'][1].score).toBe(0.65);
    expect(record.tutor.done).toContain('exercise:1.2.26.1');
    expect(record.tutor.step).toBe('exercise:1.2.26.2');
  });

  test('? in start shows the next hint each time and asks again; it is never taken as the answer', async () => {
    const record = emptyLesson();
    const { ui } = await runUntilOut(record, ['?', '?', '?', '?', 'The derivative is the rate of change of a function: the slope of its tangent line at a point.']);
    const text = ui.lines.join('\n');
    expect(text).toMatch(/Hint 1 of 3[\s\S]*Hint 2 of 3[\s\S]*Hint 3 of 3[\s\S]*That was the last hint/);
    expect(record.answers['1.2.26.1']).toHaveLength(1);
    expect(record.answers['1.2.26.1'][0]).toMatchObject({ verdict: 'correct', hintsUsed: 3, tries: 1, score: 0.7 });
  });

  test('skipping: Enter skips, the step is marked skipped and comes back in review', async () => {
    const record = emptyLesson();
    await runUntilOut(record, ['', '']);
    expect(record.tutor.skipped).toEqual(['exercise:1.2.26.1', 'exercise:1.2.26.2']);
    expect(record.answers['1.2.26.1'][0]).toMatchObject({ answer: '', verdict: 'incorrect' });
    expect(record.tutor.step).toBe('exercise:1.2.26.3');
  });

  test.each(steps.slice(1).map((s, i) => [s.id, i + 1] as const))('resume at %s', async (id, index) => {
    const record = emptyLesson();
    record.tutor = { ...record.tutor, step: id, runs: 1, done: steps.slice(0, index).map((s) => s.id) };
    const { ui, ask } = await runUntilOut(record, ['resume']);
    expect(ask.asked[0]).toBe('Welcome back. What would you like to do?');
    const walked = steps.length - 1;
    // The closing step is not counted: there the bar says what was done.
    if (id === 'finish') expect(ui.lines.join('\n')).toMatch(new RegExp(`done \\d+ of ${walked}\n`));
    else expect(ui.lines.join('\n')).toMatch(new RegExp(`step ${index + 1} of ${walked}\n`));
    expect(ui.lines.join('\n')).not.toMatch(new RegExp(`step ${index} of ${walked}\n`));
  });

  test('restart starts over and keeps the history', async () => {
    const record = emptyLesson();
    record.tutor = { ...record.tutor, step: 'quiz', runs: 2, done: steps.slice(0, 12).map((s) => s.id) };
    record.answers['1.2.26.1'] = [{ ref: '1.2.26.1', kind: 'rubric', answer: 'x', verdict: 'incorrect', score: 0, at: 'then' }];
    const { ui } = await runUntilOut(record, ['restart']);
    expect(ui.lines.join('\n')).toMatch(/step 1 of 15\nLearning objectives/);
    expect(record.tutor.step).toBe('exercise:1.2.26.1');
    expect(record.tutor.done).toEqual(['objectives', 'core-ideas']);
    expect(record.answers['1.2.26.1']).toHaveLength(1);
  });

  test('--step lab:6 opens the step-size lab: descent runs side by side, then words, graded', async () => {
    const record = emptyLesson();
    const { ui } = await runUntilOut(record, ['lab', '', 'If the step size is too large it overshoots and diverges; too small and it is very slow.'], { step: 'lab:6' });
    const text = ui.lines.join('\n');
    expect(text).toMatch(/lr 0\.01 is slow/);
    expect(text).toMatch(/lr 0\.1 converges/);
    expect(text).toMatch(/lr 1 oscillates between -3 and 3/);
    expect(text).toMatch(/lr 1\.1 diverges/);
    expect(record.answers['1.2.26.6'][0].verdict).toBe('correct');
  });

  test('with --ascii the lab\'s charts and report are plain ASCII', async () => {
    const record = emptyLesson();
    const ask = scripted(['lab', '']);
    const { d, ui } = deps(record, ask);
    const asciiUi = { ...ui, ascii: true };
    try {
      await runTutor(lesson, questions, { ...d, ui: asciiUi }, { step: 'lab:6' });
    } catch (e) {
      if (!(e instanceof OutOfScript)) throw e;
    }
    const text = ui.lines.join('\n');
    expect(text).toMatch(/lr 1 oscillates between -3 and 3/);
    expect(text).toMatch(/\+-{3,}\+/);
    expect(text).toContain('[###########.........] step 8 of 15');
    expect(text).not.toMatch(/[\u2500-\u257f●○◆◇▲△■□▸]/);
  });

  test('a bad expression in the optimisation lab gets the engine\'s message and another try', async () => {
    const record = emptyLesson();
    const { ui, ask } = await runUntilOut(record, ['lab', 'x^^2', '(x - 4)^2 + 2', '0', '0.1'], { step: 'lab:9' });
    expect(ui.lines.join('\n')).toMatch(/converges to x = 4\.000/);
    expect(ask.rejected[0]).toMatch(/x\^\^2/);
  });

  test('the mini-project: a shape, its minimum, a description graded against the plot, kept in progress', async () => {
    const record = emptyLesson();
    await runUntilOut(record, ['bowl', 'The minimum is at x = 2 with loss 1, and it is the only one.'], { step: 'mini-project' });
    expect(record.answers['mini-project'][0].verdict).toBe('correct');
    expect(JSON.parse(record.notes['mini-project'])).toMatchObject({ curve: '(x - 2)^2 + 1' });
  });

  test('an unknown --step names the steps there are', async () => {
    await expect(runUntilOut(emptyLesson(), [], { step: 'lab:42' })).rejects.toThrow(/there is no step "lab:42" in lesson 1\.2\.26; steps are: objectives, ideas, exercises/);
  });

  test('jumping to the end is not completing the lesson: what is still open, and how to go back', async () => {
    const record = emptyLesson();
    const { ui } = await runUntilOut(record, ['todo', 'Calculus is how models learn: the derivative of the loss tells each weight which way to move.', 'todo'], { step: 'homework' });
    const text = ui.lines.join('\n');
    expect(text).not.toMatch(/Lesson 1\.2\.26 complete/);
    // The homework walked with two items left "todo" is not done either (issue 11 §4).
    expect(text).toMatch(/End of Lesson 1\.2\.26: 0 of 15 steps done, 15 left\./);
    expect(text).toMatch(/Still open: Learning objectives; Core ideas; Exercise 1\.2\.26\.1 .*; and 12 more\. Go back with: calc-ml start --step objectives/);
  });

  test('every step done and the quiz passed: the lesson is complete; the quiz not passed: not complete, and why', async () => {
    const record = emptyLesson();
    const all = steps.filter((s) => s.id !== 'finish').map((s) => s.id);
    record.tutor = { ...record.tutor, step: 'finish', runs: 1, done: all };
    // Every step done is the homework's items ticked too (issue 11 §4).
    for (const h of steps.find((s) => s.id === 'homework')!.homework!) record.homework[h.task] = true;
    const attempt = { id: 'a', startedAt: 'then', finishedAt: 'then', answers: [], score: 5, total: 8, complete: true };
    record.quiz = [attempt];
    const failed = (await runUntilOut(record, [], { step: 'finish' })).ui.lines.join('\n');
    expect(failed).not.toMatch(/Lesson 1\.2\.26 complete\./);
    expect(failed).toMatch(/End of Lesson 1\.2\.26: 14 of 15 steps done, 1 missed\./);
    expect(failed).toMatch(/complete once its quiz is passed \(pass mark 70% of what is graded\): take it again with calc-ml quiz/);
    record.quiz = [attempt, { ...attempt, id: 'b', score: 6 }];
    const { ui } = await runUntilOut(record, [], { step: 'finish' });
    expect(ui.lines.join('\n')).toMatch(/Lesson 1\.2\.26 complete\./);
  });

  test('a skipped step is not done', async () => {
    const record = emptyLesson();
    const all = steps.filter((s) => s.id !== 'finish').map((s) => s.id);
    record.tutor = { ...record.tutor, step: 'finish', runs: 1, done: all, skipped: ['mini-project'] };
    for (const h of steps.find((s) => s.id === 'homework')!.homework!) record.homework[h.task] = true;
    record.quiz = [{ id: 'a', startedAt: 'then', finishedAt: 'then', answers: [], score: 8, total: 8, complete: true }];
    const text = (await runUntilOut(record, [], { step: 'finish' })).ui.lines.join('\n');
    expect(text).toMatch(/End of Lesson 1\.2\.26: 14 of 15 steps done, 1 skipped\./);
    expect(text).toMatch(/Still open: Mini-project/);
  });

  test('an exercise with a lab states its question before offering the lab', async () => {
    const { ui, ask } = await runUntilOut(emptyLesson(), [], { step: 'lab:6' });
    const text = ui.lines.join('\n');
    expect(text.indexOf('Explain why step size matters.')).toBeGreaterThan(text.indexOf('Exercise 1.2.26.6'));
    expect(ask.asked[0]).toMatch(/This exercise has a lab/);
  });

  test('homework: ticked items and the summary paragraph are kept', async () => {
    const record = emptyLesson();
    await runUntilOut(record, ['done', 'short', 'Calculus is how models learn: the derivative of the loss tells each weight which way to move.', 'todo'], { step: 'homework' });
    expect(record.homework).toMatchObject({ 'Complete exercises 1.2.26.1 - 1.2.26.9': true, 'Review rate of change examples': false });
    expect(record.notes.summary).toMatch(/^Calculus is how models learn/);
  });
});
