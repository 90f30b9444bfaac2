import { parseLab } from './lab-spec.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Lesson, MultipleChoiceItem } from './model.js';
import type { Problem } from './check.js';
import type { AnswerKey, IdeaMap, IdeaNote, KeyEntry } from './key-model.js';
import { EntryReader } from './key-reader.js';
import { readMisconceptions, readRubric } from './key-rubric.js';
import { compileExpression, compileExpression2 } from '../math/engine.js';
import { UserError } from '../errors.js';
import { sanitize } from './sanitize.js';

/**
 * Answer keys: `<lesson basename>.key.yaml` beside a lesson. Pure: text in, key and problems out
 * (with line numbers from the yaml package's source ranges); the file is read by the caller.
 * A key with problems still yields what could be read, so the tutor can use the rest.
 */

export type { AnswerKey, Axis, Claim, CodingKey, Concept, IdeaNote, KeyEntry, Misconception, RoleKey, Rubric } from './key-model.js';

const OPPOSITE_AXIS = { against: 'along', along: 'against', up: 'down', down: 'up', large: 'small', small: 'large' } as const;
const COMMON_FIELDS = ['model', 'hint', 'hints', 'explanation'];
const RUBRIC_FIELDS = ['claims', 'need', 'misconceptions', 'concepts', 'roles'];
const FIELDS: Record<'exercise' | 'trueFalse' | 'multipleChoice' | 'conceptual' | 'coding', string[]> = {
  exercise: [...COMMON_FIELDS, 'kind', 'lab', ...RUBRIC_FIELDS],
  trueFalse: ['explanation', 'answer', 'hint', 'hints'],
  multipleChoice: ['answer', 'explanation', 'hint', 'hints'],
  conceptual: [...COMMON_FIELDS, ...RUBRIC_FIELDS],
  coding: [...COMMON_FIELDS, 'name', 'param', 'function', 'at', 'expected'],
};

/** Which part of the lesson a ref names, or null when the lesson has no such question. */
export function refSection(lesson: Lesson, ref: string): keyof typeof FIELDS | null {
  if (lesson.exercises.some((e) => e.id === ref)) return 'exercise';
  const m = /^quiz\.(\d+)$/.exec(ref);
  if (!m) return null;
  const n = Number(m[1]);
  if (lesson.quiz.trueFalse.some((q) => q.n === n)) return 'trueFalse';
  if ((lesson.quiz.multipleChoice ?? []).some((q) => q.n === n)) return 'multipleChoice';
  if (lesson.quiz.conceptual.some((q) => q.n === n)) return 'conceptual';
  if (lesson.quiz.coding.some((q) => q.n === n)) return 'coding';
  return null;
}

export function lessonRefs(lesson: Lesson): string[] {
  const quiz = [...lesson.quiz.trueFalse, ...(lesson.quiz.multipleChoice ?? []), ...lesson.quiz.conceptual, ...lesson.quiz.coding].map((q) => q.n).sort((a, b) => a - b);
  return [...lesson.exercises.map((e) => e.id), ...quiz.map((n) => `quiz.${n}`)];
}

function promptOf(lesson: Lesson, ref: string): string {
  const ex = lesson.exercises.find((e) => e.id === ref);
  if (ex) return ex.prompt;
  const n = Number(ref.replace(/^quiz\./, ''));
  const q = [...lesson.quiz.trueFalse, ...(lesson.quiz.multipleChoice ?? []), ...lesson.quiz.conceptual, ...lesson.quiz.coding].find((i) => i.n === n);
  return q ? ('statement' in q ? q.statement : 'question' in q ? q.question : q.task) : '';
}

/**
 * The key as parsed, with every string in it (and in the problems, which quote it) cleaned of
 * terminal control sequences: YAML can spell them ("\e[2J" in a double-quoted string) even when
 * the file itself holds none, and the key's texts are shown to the learner.
 */
export function parseKey(text: string, lesson: Lesson): { key: AnswerKey; problems: Problem[] } {
  const { key, problems } = parseKeyText(text, lesson);
  return { key: cleanStrings(key), problems: problems.map((p) => ({ ...p, message: sanitize(p.message) })) };
}

function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return sanitize(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [sanitize(k), cleanStrings(v)])) as T;
  return value;
}

function parseKeyText(text: string, lesson: Lesson): { key: AnswerKey; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (line: number, severity: Problem['severity'], message: string) => problems.push({ line, severity, message });
  const key: AnswerKey = { lesson: lesson.id, entries: {} };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  for (const e of doc.errors) report(lineCounter.linePos(e.pos[0]).line, 'error', `YAML: ${e.message.split('\n')[0]}`);
  for (const w of doc.warnings) report(lineCounter.linePos(w.pos[0]).line, 'warning', `YAML: ${w.message.split('\n')[0]}`);
  if (doc.errors.length) return { key, problems: sorted(problems) };

  const root = doc.contents;
  if (!isMap(root)) {
    report(lineOf(root), 'error', 'an answer key is a map with "lesson" and "questions"');
    return { key, problems: sorted(problems) };
  }
  const lessonId = root.get('lesson');
  if (lessonId === undefined) report(1, 'warning', `no "lesson: ${lesson.id}" line; the key is taken to belong to the lesson beside it`);
  else if (String(lessonId) !== lesson.id) report(lineOf(root.get('lesson', true)), 'error', `this key is for lesson ${lessonId}, but the lesson beside it is ${lesson.id}`);
  for (const pair of root.items) {
    const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (k !== 'lesson' && k !== 'questions' && k !== 'ideas' && k !== 'misconceptions') report(lineOf(pair.key), 'warning', `unknown top-level field "${k}" (known: lesson, questions, ideas, misconceptions)`);
  }
  const ideas = root.get('ideas', true);
  if (ideas !== undefined) key.ideas = readIdeas(ideas, lesson, lineOf, report);
  const questions = root.get('questions', true);
  if (!isMap(questions)) {
    report(lineOf(questions ?? root), 'error', '"questions" must be a map from question refs (1.2.26.1, quiz.5, …) to their keys');
    return { key, problems: sorted(problems) };
  }

  const refs = lessonRefs(lesson);
  for (const pair of questions.items) {
    const ref = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const line = lineOf(pair.key);
    const section = refSection(lesson, ref);
    if (!section) {
      report(line, 'error', `unknown question ref "${ref}"; lesson ${lesson.id} has ${describeRefs(refs)}`);
      continue;
    }
    if (!isMap(pair.value)) {
      report(line, 'error', `${ref}: expected a map of fields (${FIELDS[section].join(', ')})`);
      continue;
    }
    const r = new EntryReader(pair.value, lineOf, report, ref);
    for (const f of pair.value.items) {
      const k = String(isScalar(f.key) ? f.key.value : f.key);
      if (!FIELDS[section].includes(k)) report(lineOf(f.key), 'warning', `${ref}: unknown field "${k}" for a ${sectionName[section]} (known: ${FIELDS[section].join(', ')})`);
    }
    const entry: KeyEntry = { ref, line };
    for (const f of ['model', 'hint', 'explanation', 'lab'] as const) {
      const v = FIELDS[section].includes(f) ? r.text(f) : undefined;
      if (v) entry[f] = v;
    }
    readHints(r, entry);
    if (section === 'exercise') {
      const kind = r.text('kind');
      if (kind === 'written' || kind === 'lab' || kind === 'self') entry.kind = kind;
      else if (kind !== undefined) report(r.line('kind'), 'error', `${ref}: kind "${kind}" is not one of written, lab, self`);
      if (entry.kind === 'lab' && !entry.lab) report(line, 'warning', `${ref}: a lab exercise without "lab" (the calc-ml command to run, e.g. "descend x^2 --lr 0.1")`);
      if (entry.lab) {
        try {
          if (!parseLab(entry.lab)) report(r.line('lab'), 'error', `${ref}: lab "${entry.lab}" is not a lab calc-ml can run (write "descend EXPR --lr …" or "grad EXPR --at …")`);
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          report(r.line('lab'), 'error', `${ref}: lab "${entry.lab}": ${e.message}`);
          delete entry.lab;
        }
      }
    }
    if (section === 'exercise' || section === 'conceptual') {
      const rubric = readRubric(r, promptOf(lesson, ref));
      if (rubric) entry.rubric = rubric;
      else if (r.node('claims') === undefined && r.node('concepts') === undefined && entry.kind !== 'self') {
        report(line, 'warning', `${ref}: no "claims"; the answer is kept and self-assessed`);
      }
    }
    if (section === 'trueFalse') {
      const a = r.node('answer');
      const marked = lesson.quiz.trueFalse.find((q) => `quiz.${q.n}` === ref)?.answer ?? null;
      if (a !== undefined) {
        if (!isScalar(a) || typeof a.value !== 'boolean') report(r.line('answer'), 'error', `${ref}: "answer" must be true or false`);
        else if (marked !== null && marked !== a.value) report(r.line('answer'), 'error', `${ref}: the key says ${a.value} but the lesson marks (${marked ? 'True' : 'False'})`);
        else entry.answer = a.value;
      }
    }
    if (section === 'multipleChoice') readChoiceAnswer(r, entry, lesson.quiz.multipleChoice.find((q) => `quiz.${q.n}` === ref)!);
    if (section === 'coding') readCoding(r, entry);
    key.entries[ref] = entry;
  }
  // Wrong ideas of the whole lesson ("an update that adds the gradient", "the derivative is the area
  // under the curve"): wrong in an answer to any of its questions, whichever question's key first
  // met them. Each question's own list is read first; one of the same name is not added twice.
  const lessonWide = readMisconceptions(new EntryReader(root, lineOf, report, 'misconceptions'), root.get('misconceptions', true), new Set(), new Set());
  for (const entry of Object.values(key.entries)) {
    if (!entry.rubric) continue;
    const own = new Set(entry.rubric.misconceptions.map((m) => m.name));
    // (a question whose own claims have a way on the same axis reads that idea turned around itself:
    // quiz.7's 'moves against the gradient' flipped is the step with the gradient)
    const axes = new Set(entry.rubric.claims.flatMap((c) => (c.direction ? [c.direction, OPPOSITE_AXIS[c.direction]] : [])));
    entry.rubric.misconceptions.push(...lessonWide.filter((m) => !own.has(m.name) && !(m.direction && axes.has(m.direction))));
  }
  const unkeyed = refs.filter((ref) => !questions.has(ref));
  if (unkeyed.length) {
    report(lineOf(questions), 'warning', `no key for ${unkeyed.join(', ')}: ${unkeyed.length === 1 ? 'it is' : 'they are'} graded from the lesson alone`);
  }
  return { key, problems: sorted(problems) };
}

/**
 * `hints:` a list, shown one at a time (from a nudge to nearly the answer); the older single
 * `hint:` is a list of one. `hint` stays set to the first, for what shows only one.
 */
function readHints(r: EntryReader, entry: KeyEntry): void {
  const node = r.node('hints');
  if (node === undefined) {
    if (entry.hint) entry.hints = [entry.hint];
    return;
  }
  const hints = r.strings(node, '"hints"');
  if (entry.hint) {
    r.report(r.line('hint'), 'warning', `${r.ref}: both "hint" and "hints"; "hint" is shown first: put it in the "hints" list and drop "hint"`);
    hints.unshift(entry.hint);
  }
  if (hints.length) {
    entry.hints = hints;
    entry.hint = hints[0];
  }
}

/**
 * `answer: B` for a multiple-choice item: the letter of one of its options, for an item the lesson
 * leaves unmarked (a key never overrides the lesson's own mark). An item written without options
 * (a milestone template) has no letter to give: it stays a self-check.
 */
function readChoiceAnswer(r: EntryReader, entry: KeyEntry, item: MultipleChoiceItem): void {
  const node = r.node('answer');
  if (node === undefined) return;
  const letters = item.options.map((o) => o.label);
  const raw = isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value).trim() : null;
  // "B", "b", "B)", "(b)": the letter as an author may write it.
  const letter = raw === null ? null : /^\(?([A-Za-z])\)?[.)]?$/.exec(raw)?.[1].toUpperCase() ?? null;
  const line = r.line('answer');
  if (!letters.length) {
    r.report(line, 'error', `${r.ref}: the lesson gives this question no options, so there is no letter to answer it with; leave "answer" out (it is answered in words and self-checked)`);
  } else if (letter === null || !letters.includes(letter)) {
    r.report(line, 'error', `${r.ref}: answer ${raw === null ? 'must be a letter' : `"${raw}" is not one of its options`} (${letters.join(', ')})`);
  } else if (item.answer !== null && item.answer !== letter) {
    r.report(line, 'error', `${r.ref}: the key says ${letter} but the lesson marks ${item.answer}`);
  } else {
    entry.choice = letter;
  }
}

function readCoding(r: EntryReader, entry: KeyEntry): void {
  const { report } = r;
  const fn = r.text('function');
  const at = r.number('at');
  const expected = r.number('expected');
  const param = r.text('param') ?? 'x';
  const name = r.text('name') ?? 'f';
  if (!/^[A-Za-z]\w*$/.test(param)) report(r.line('param'), 'error', `${r.ref}: param "${param}" is not a variable name`);
  if (fn === undefined || at === undefined || expected === undefined) {
    report(r.line(), 'error', `${r.ref}: a coding key needs "function" (e.g. x^2), "at" (the point) and "expected" (the value there)`);
    return;
  }
  let value: number;
  try {
    value = compileExpression(fn, { variable: param }).evaluate(at);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    report(r.line('function'), 'error', `${r.ref}: function "${fn}" cannot be read: ${e.message}`);
    return;
  }
  if (!(Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(value)))) {
    report(r.line('expected'), 'error', `${r.ref}: expected is ${expected}, but ${name}(${at}) with ${name}(${param}) = ${fn} is ${Number.isNaN(value) ? 'undefined' : value}`);
    return;
  }
  entry.coding = { name, param, function: fn, at, expected };
}

const sectionName = { exercise: 'exercise', trueFalse: 'true/false item', multipleChoice: 'multiple-choice question', conceptual: 'conceptual question', coding: 'coding challenge' };

function describeRefs(refs: string[]): string {
  const ex = refs.filter((r) => !r.startsWith('quiz.'));
  const quiz = refs.filter((r) => r.startsWith('quiz.'));
  const span = (l: string[]) => (l.length > 2 ? `${l[0]} … ${l[l.length - 1]}` : l.join(', '));
  return [ex.length ? `exercises ${span(ex)}` : '', quiz.length ? `quiz items ${span(quiz)}` : ''].filter(Boolean).join(' and ') || 'no questions';
}

function sorted(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || (a.severity === 'error' ? -1 : 1));
}

/** `map: {expr: "x^2 + 3*y^2", at: [1, 1], box: [-3, 3, -2, 2]}`: the map and the gradient's point, or what is wrong. */
function readIdeaMap(node: unknown): IdeaMap | string {
  if (!isMap(node)) return 'expected {expr, at: [x, y], box: [x0, x1, y0, y1]}';
  const expr = String(node.get('expr') ?? '');
  const nums = (k: string) => {
    const v = node.get(k, true);
    return isSeq(v) ? v.items.map((x) => Number(isScalar(x) ? x.value : NaN)) : undefined;
  };
  const at = nums('at');
  const box = nums('box');
  try {
    compileExpression2(expr);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return e.message;
  }
  if (!at || at.length !== 2 || !at.every(Number.isFinite)) return '"at" must be a point [x, y]';
  if (box !== undefined && (box.length !== 4 || !box.every(Number.isFinite) || !(box[0] < box[1]) || !(box[2] < box[3]))) return '"box" must be [x0, x1, y0, y1] with x0 < x1 and y0 < y1';
  return { expr, at: [at[0], at[1]], ...(box ? { box: box as [number, number, number, number] } : {}) };
}

/** `ideas:` a list in the order of the lesson's core ideas, each with `says` and/or `plot`. */
function readIdeas(node: unknown, lesson: Lesson, lineOf: (n: unknown) => number, report: (line: number, severity: Problem['severity'], message: string) => void): IdeaNote[] {
  if (!isSeq(node)) {
    report(lineOf(node), 'error', '"ideas" must be a list, one entry per core idea in lesson order (says: …, plot: {expr, from, to, tangent})');
    return [];
  }
  if (node.items.length > lesson.coreIdeas.length) {
    report(lineOf(node.items[lesson.coreIdeas.length]), 'error', `"ideas" has ${node.items.length} entries but the lesson has ${lesson.coreIdeas.length} core ideas`);
  }
  return node.items.slice(0, lesson.coreIdeas.length).map((item, i) => {
    const note: IdeaNote = {};
    if (!isMap(item)) {
      report(lineOf(item), 'error', `ideas entry ${i + 1}: expected "says" and/or "plot"`);
      return note;
    }
    const says = item.get('says');
    if (typeof says === 'string' && says.trim()) note.says = says.trim();
    const plot = item.get('plot', true);
    if (isMap(plot)) {
      const expr = String(plot.get('expr') ?? '');
      const [from, to, tangent] = ['from', 'to', 'tangent'].map((f) => (plot.get(f) === undefined ? undefined : Number(plot.get(f))));
      try {
        compileExpression(expr);
        if (from === undefined || to === undefined || !(from < to)) throw new UserError('"from" must be a number below "to"');
        if (tangent !== undefined && !Number.isFinite(tangent)) throw new UserError('"tangent" must be a number');
        note.plot = { expr, from, to, ...(tangent !== undefined ? { tangent } : {}) };
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        report(lineOf(plot), 'error', `ideas entry ${i + 1}: plot: ${e.message}`);
      }
    }
    const map = item.get('map', true);
    if (map !== undefined) {
      const read = readIdeaMap(map);
      if (typeof read === 'string') report(lineOf(map), 'error', `ideas entry ${i + 1}: map: ${read}`);
      else note.map = read;
    }
    for (const pair of item.items) {
      const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (k !== 'says' && k !== 'plot' && k !== 'map') report(lineOf(pair.key), 'warning', `ideas entry ${i + 1}: unknown field "${k}" (known: says, plot, map)`);
    }
    return note;
  });
}
