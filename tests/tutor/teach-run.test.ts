import { readFileSync } from 'node:fs';
import { parseLesson } from '../../src/lesson/parse.js';
import { outlineLesson } from '../../src/lesson/outline.js';
import { grade, questionsFor } from '../../src/grading/index.js';
import { runTutor, type TutorDeps } from '../../src/tutor/start.js';
import { planSteps } from '../../src/tutor/plan.js';
import { emptyLesson, type LessonProgress } from '../../src/tutor/progress.js';
import { recordingUi, type Asker } from '../../src/tutor/ui.js';

// The guided lesson on a real-shaped lesson of our own (tests/tutor/fixtures), driven by a script.
const text = readFileSync(new URL('./fixtures/Lesson-4.2.7-Step-Sizes-in-Practice.md', import.meta.url), 'utf8');
const lesson = parseLesson(text);
const outline = outlineLesson(text);
const questions = questionsFor(lesson, undefined);
const steps = planSteps(lesson, outline);

class OutOfScript extends Error {}

/** Answers from a script, in order, as the line prompter takes them (a select may take a command). */
function scripted(answers: string[], interactive = false, onAsk: () => void = () => {}): Asker & { asked: string[]; choices: string[][] } {
  const queue = [...answers];
  const take = (message: string) => {
    onAsk();
    if (!queue.length) throw new OutOfScript(message);
    return queue.shift()!;
  };
  return {
    interactive,
    asked: [],
    choices: [],
    async input(message, opts = {}) {
      this.asked.push(message);
      for (;;) {
        let a = take(message);
        if (!a.trim() && opts.default !== undefined) a = opts.default;
        if ((opts.validate?.(a) ?? null) === null) return a;
      }
    },
    async select(message, choices, opts = {}) {
      this.asked.push(message);
      this.choices.push(choices.map((c) => c.name));
      const a = take(message);
      const hit = choices.find((c) => c.value === a || c.key === a) ?? (!a.trim() && opts.default !== undefined ? choices.find((c) => c.value === opts.default) : undefined);
      if (hit) return hit.value;
      if (opts.accept?.(a)) return a as never;
      throw new Error(`script answered ${a} to "${message}"`);
    },
    async pause() {
      // A terminal's Enter: takes a line only when interactive (the line prompter takes none).
      if (interactive) return take('pause');
    },
  };
}

async function run(answers: string[], opts: { record?: LessonProgress; interactive?: boolean; rows?: number; step?: string } = {}) {
  const record = opts.record ?? emptyLesson();
  const ui = Object.assign(recordingUi(80), { rows: opts.rows });
  const shown: number[] = [];
  const ask = scripted(answers, opts.interactive, () => shown.push(ui.lines.length));
  const deps: TutorDeps = {
    ask, ui, grade, record, save: (change) => change(record), now: () => '2026-12-03T10:00:00.000Z',
    render: async (md) => md, outline,
  };
  let outcome;
  try {
    outcome = await runTutor(lesson, questions, deps, { step: opts.step });
  } catch (e) {
    if (!(e instanceof OutOfScript)) throw e;
  }
  // Lines shown before each prompt: a screenful is what is printed between two prompts, plus the prompt.
  const screens = shown.map((n, i) => n - (shown[i - 1] ?? 0) + 1);
  return { text: ui.lines.join('\n'), record, ask, outcome, screens };
}

describe('start walks every section of a real-shaped lesson', () => {
  test('from a pipe: the teaching sections in order, whole, taking no input, then the first exercise asks', async () => {
    const { text, record, ask } = await run([]);
    const order = ['Introduction: Why This Matters', '1. Concept Foundations · 20 min', '2. Worked Examples · 15 min', 'Core idea 1 of 2',
      'Best Practices (Step-by-Step)', 'Common Pitfalls', 'Exercise 4.2.7.1'];
    const at = order.map((s) => text.indexOf(s, text.indexOf('step 1 of')));
    expect(at.every((n) => n > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('def step(x, lr):');
    expect(text).toContain('Paragraph six closes the foundations');
    expect(ask.asked).toEqual(['Your answer (Enter skips):']);
    expect(record.tutor.done).toEqual(steps.slice(0, 7).map((s) => s.id));
  });

  test('the plan at the start lists every section with its minutes, and the commands once', async () => {
    const { text } = await run([]);
    const plan = text.slice(0, text.indexOf('step 1 of'));
    expect(plan).toMatch(/▸ Learning objectives\n {4}Introduction: Why This Matters · ~1 min\n {4}1\. Concept Foundations · 20 min\n {4}2\. Worked Examples · 15 min/);
    expect(plan).toMatch(/Common Pitfalls · ~1 min[\s\S]*Exercises \(3: 2 starter, 1 intermediate\)[\s\S]*Additional Resources[\s\S]*Next Lesson Preview/);
    expect(plan.match(/:skip, :back, :lab, :plan, :quit or :help/g)).toHaveLength(1);
  });

  test('in a terminal of 16 rows, a long section is paged: Enter for more, b back, Enter through to the end', async () => {
    const { text, ask, screens } = await run(['', '', '', 'b', ...Array(8).fill('')], { interactive: true, rows: 16, step: 'read:1-concept-foundations' });
    const pages = ask.asked.filter((m) => /^\d+\/\d+ · Enter/.test(m));
    const n = Number(/\/(\d+)/.exec(pages[0])![1]);
    expect(n).toBeGreaterThanOrEqual(3);
    const page = (k: number) => `${k}/${n} · Enter: ${k === n ? 'next step' : 'more'} · b: back`;
    expect(pages).toEqual([1, 2, 3, 2, ...Array.from({ length: n - 2 }, (_, i) => i + 3)].map(page));
    expect(text).toMatch(/step \d+ of \d+\n2\. Worked Examples/);
    // Every page, with the lines above it and its prompt, fits the 16 rows: nothing scrolls past unread.
    expect(screens.length).toBeGreaterThan(n);
    // (The first prompt is the welcome's "Press Enter to begin", under the plan.)
    for (const rows of screens.slice(1, pages.length + 1)) expect(rows).toBeLessThanOrEqual(16);
    expect(Math.max(...screens.slice(1, pages.length + 1))).toBeGreaterThan(10);
    expect(text).toContain('Paragraph six closes the foundations');
  });

  test('a command at a page (:plan) is done, then the same page is shown again and asked', async () => {
    const { text, ask } = await run(['', '', ':plan', ''], { interactive: true, rows: 16, step: 'read:1-concept-foundations' });
    const pages = ask.asked.filter((m) => /^\d+\/\d+ · Enter/.test(m));
    const n = /\/(\d+)/.exec(pages[0])![1];
    // Page 1, page 2, :plan at page 2, page 2 asked again.
    expect(pages.slice(0, 3).map((m) => m.split(' ')[0])).toEqual([`1/${n}`, `2/${n}`, `2/${n}`]);
    const afterPlan = text.slice(text.lastIndexOf('Time ahead'));
    expect(afterPlan).toMatch(/^Time ahead[^\n]*\n1\. Concept Foundations · 2\//);
  });

  test('b on the first page goes back to the previous step', async () => {
    const { text } = await run(['', 'b'], { interactive: true, rows: 16, step: 'read:1-concept-foundations' });
    expect(text).toMatch(/step 3 of \d+\n1\. Concept Foundations[\s\S]*step 2 of \d+\nIntroduction/);
  });
});

describe('commands at any prompt, never graded', () => {
  test(':skip skips the exercise (a miss for review), :back returns to it, an answer then counts', async () => {
    const { record, text } = await run([':skip', ':back', 'Too large a rate overshoots the minimum and can diverge.', 'y'], { step: 'ex:1' });
    expect(text).toMatch(/Exercise 4\.2\.7\.1[\s\S]*Skipped[\s\S]*Exercise 4\.2\.7\.2[\s\S]*Exercise 4\.2\.7\.1/);
    const answers = record.answers['4.2.7.1'].map((a) => a.answer);
    expect(answers).toEqual(['', 'Too large a rate overshoots the minimum and can diverge.']);
    expect(Object.values(record.answers).flat().some((a) => a.answer.startsWith(':'))).toBe(false);
  });

  test(':plan and :help answer at the prompt and ask the same question again', async () => {
    const { text, ask } = await run([':plan', ':help', ':frob'], { step: 'ex:2' });
    expect(text).toMatch(/▸ Exercises[\s\S]*:skip +skip this step[\s\S]*:frob is not a command/);
    expect(ask.asked.filter((m) => m === 'Your answer (Enter skips):')).toHaveLength(4);
    expect(text.match(/Back to: Exercise 4\.2\.7\.2/g)!.length).toBeGreaterThanOrEqual(2);
  });

  test('the exercise suggests the lab that fits; :lab opens it and returns to the same prompt', async () => {
    const { text, ask, record } = await run([':lab', 'About 27, as 3x^2 at 3.', 'y'], { step: 'ex:2' });
    expect(text).toMatch(/A lab fits this exercise \(grad: f′\(x\) of x\^3 at x = 3/);
    expect(text).toMatch(/Lab · grad[\s\S]*forward[\s\S]*central[\s\S]*Try other values with: calc-ml grad "x\^3" --at 3\nBack to: Exercise 4\.2\.7\.2/);
    expect(ask.asked.slice(0, 3)).toEqual(['Your answer (Enter skips):', 'Your answer (Enter skips):', 'How did it go?']);
    expect(record.answers['4.2.7.2'][0].answer).toBe('About 27, as 3x^2 at 3.');
  });

  test('no lab is pressed on a Python exercise', async () => {
    const { text } = await run([], { step: 'ex:3' });
    expect(text).toMatch(/Exercise 4\.2\.7\.3/);
    expect(text).not.toMatch(/A lab fits/);
  });

  test(':quit saves where the learner is and ends the run', async () => {
    const { record, outcome } = await run([':quit'], { step: 'ex:2' });
    expect(outcome).toEqual({ kind: 'quit', at: 'exercise:4.2.7.2' });
    expect(record.tutor.step).toBe('exercise:4.2.7.2');
    expect(record.answers['4.2.7.2']).toBeUndefined();
  });

  test('a command at a choice (line mode) is a command, not a wrong choice', async () => {
    // The self-check after an ungraded answer is a choice: :back there returns to the previous step.
    const { text } = await run(['my answer', ':back'], { step: 'ex:2' });
    expect(text).toMatch(/Exercise 4\.2\.7\.2[\s\S]*Exercise 4\.2\.7\.1/);
  });
});

describe('the mini-project as the author wrote it', () => {
  test('its text and code, the lab that fits its task, then done or later', async () => {
    const { text, record, ask } = await run([':lab', 'y'], { step: 'mini-project' });
    expect(text).toMatch(/Mini-project: Rate Finder[\s\S]*def find_rate\(f, df\):[\s\S]*A lab fits this project \(descend: gradient descent on x\^2/);
    expect(text).toMatch(/Lab · descend[\s\S]*Back to: Mini-project: Rate Finder/);
    expect(ask.asked.slice(0, 2)).toEqual(['Build it in your editor, then:', 'Build it in your editor, then:']);
    expect(text).not.toMatch(/Which loss curve/);
    expect(record.answers['mini-project'][0]).toMatchObject({ answer: 'done', verdict: 'ungraded', self: 'right' });
    expect(record.tutor.done).toContain('mini-project');
  });

  test('Enter alone at the mini-project is later, never done', async () => {
    const { record } = await run([''], { step: 'mini-project' });
    expect(record.tutor.skipped).toEqual(['mini-project']);
  });

  test(':skip at the mini-project is a miss too', async () => {
    const { record } = await run([':skip'], { step: 'mini-project' });
    expect(record.tutor.skipped).toEqual(['mini-project']);
    expect(record.answers['mini-project'][0]).toMatchObject({ answer: '', verdict: 'incorrect' });
  });

  test('later: a miss that review brings back', async () => {
    const { record } = await run(['n'], { step: 'mini-project' });
    expect(record.tutor.skipped).toEqual(['mini-project']);
    expect(record.answers['mini-project'][0]).toMatchObject({ answer: '', verdict: 'incorrect' });
  });
  // As in calc-ml quiz: :skip at a quiz question leaves that question unanswered, not the whole quiz.
  test(':skip at a quiz question skips that question: the rest are asked, the quiz step is skipped, not passed', async () => {
    const { text, record } = await run(['false', ':skip', 'to catch a diverging run early'], { step: 'quiz' });
    expect(text).toMatch(/1\/3[\s\S]*2\/3[\s\S]*– Skipped: not answered, not a miss; asked again next time\.[\s\S]*3\/3/);
    expect(text).toContain('Score: 1 of 1 graded right (100%); 1 answer kept for you to check against the lesson; 1 question skipped (not answered).');
    expect(record.tutor.skipped).toEqual(['quiz']);
    expect(record.quiz[0]).toMatchObject({ complete: false, skipped: ['quiz.2'] });
    expect(record.quiz[0].answers.map((a) => a.ref)).toEqual(['quiz.1', 'quiz.3']);
    expect(record.answers['quiz.2']).toBeUndefined();
  });
});

describe('a list of choices in a terminal', () => {
  test('ends with a way to type a command; the command is done and the list asked again', async () => {
    const { ask, text } = await run(['', '\u0000command', ':plan', '\u0000command', ':back'], { interactive: true, step: 'mini-project' });
    expect(ask.choices[0].at(-1)).toBe('Type a command (:skip, :back, :plan, …)');
    expect(ask.asked.filter((m) => m === 'Command:')).toHaveLength(2);
    expect(text).toMatch(/▸ Mini-project: Rate Finder · 30 min[\s\S]*Back to: Mini-project[\s\S]*Exercise 4\.2\.7\.3/);
  });

  test('from a pipe the list has no extra choice: a command is typed instead', async () => {
    const { ask } = await run([':plan', 'y'], { step: 'mini-project' });
    expect(ask.choices[0]).toEqual(['Done: I built it', 'Later: bring it back in review']);
  });
});
