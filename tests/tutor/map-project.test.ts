import { readFileSync } from 'node:fs';
import { parseLesson } from '../../src/lesson/parse.js';
import { parseKey } from '../../src/lesson/key.js';
import { grade, questionsFor } from '../../src/grading/index.js';
import { runTutor, type TutorDeps } from '../../src/tutor/start.js';
import { emptyLesson, type LessonProgress } from '../../src/tutor/progress.js';
import { recordingUi, type Asker } from '../../src/tutor/ui.js';
import { ideaMap } from '../../src/tutor/idea-map.js';

// The guided lesson's 2-D parts: the core idea's gradient map, and the 2-D mini-project.
const base = new URL('../../lessons/1.2.26-calculus-for-ml-big-picture', import.meta.url).pathname;
const lesson = parseLesson(readFileSync(`${base}.md`, 'utf8'));
const { key } = parseKey(readFileSync(`${base}.key.yaml`, 'utf8'), lesson);
const questions = questionsFor(lesson, key);

class OutOfScript extends Error {}

function scripted(answers: string[]): Asker {
  const queue = [...answers];
  const take = () => {
    if (!queue.length) throw new OutOfScript();
    return queue.shift()!;
  };
  return {
    interactive: false,
    async input() { return take(); },
    async select(_m, choices) {
      const a = take();
      const hit = choices.find((c) => c.value === a || c.key === a);
      if (!hit) throw new Error(`no choice ${a} (choices ${choices.map((c) => c.value).join(', ')})`);
      return hit.value;
    },
    async pause() {},
  };
}

async function run(record: LessonProgress, answers: string[], step: string) {
  const ui = recordingUi(80);
  const d: TutorDeps = { ask: scripted(answers), ui, grade, record, save: (c) => c(record), now: () => '2026-12-03T00:00:00.000Z', render: async (md) => md, ideas: key.ideas, ideaMap };
  try {
    await runTutor(lesson, questions, d, { step });
  } catch (e) {
    if (!(e instanceof OutOfScript)) throw e;
  }
  return ui.lines.join('\n');
}

test('core idea 2, "Gradients point to steepest ascent", shows the gradient as an arrow on a 2-D map', async () => {
  expect(key.ideas?.[1].map).toEqual({ expr: 'x^2 + 3*y^2', at: [1.5, 1], box: [-3, 3, -2, 2] });
  const text = await run(emptyLesson(), [], 'ideas');
  const idea2 = text.slice(text.indexOf('Core idea 2 of 3'), text.indexOf('Core idea 3 of 3'));
  expect(idea2).toContain('◉');
  expect(idea2).toMatch(/⬈/);
  expect(idea2.replace(/\n {2}/g, ' ')).toMatch(/it points up and to the right, [\d.]+° from the \+x axis, straight across the contour line, uphill/);
});

test('quiz item 3\'s explanation points to calc-ml grad on two variables', () => {
  expect(questions.find((q) => q.ref === 'quiz.3')?.explanation).toMatch(/calc-ml grad "x\^2 \+ 3\*y\^2" --at 1,2/);
});

test('the 2-D mini-project: a map without its answers, a description graded against it, kept in progress', async () => {
  const record = emptyLesson();
  const text = await run(record, ['map-valley', 'The minimum is at (1, -0.5) and it is the only one; the ground is steep along y, flat along x.'], 'mini-project');
  const map = text.slice(0, text.indexOf('Describe this landscape'));
  expect(map).toContain('●');
  expect(map).not.toMatch(/Minimum: f =/);
  expect(record.answers['mini-project'][0]).toMatchObject({ verdict: 'correct', kind: 'landscape' });
  expect(JSON.parse(record.notes['mini-project'])).toMatchObject({ map: '(x - 1)^2 + 6 * (y + 0.5)^2' });
  expect(text).toMatch(/The map shows: the lowest point at \(x, y\) ≈ \(1, -0.5\)/);
});

test('the 2-D mini-project: a wrong steep direction is partly right, and said why', async () => {
  const record = emptyLesson();
  const text = await run(record, ['map-valley', 'The minimum is at (1, -0.5), the only one, and it is steep along x.'], 'mini-project');
  expect(record.answers['mini-project'][0].verdict).toBe('partial');
  expect(text).toMatch(/crowd together along y/);
});
