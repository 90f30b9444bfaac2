import type { Tokens } from 'marked';
import { inlineText, oneLine } from '../inline.js';
import type { CodingItem, ConceptualItem, Lesson, MultipleChoiceItem, TrueFalseItem } from '../model.js';
import { itemLines, joinCode, lastLine, paragraphText, splitItem } from '../tokens.js';
import { classifyQuizHeading, partKind, type QuizKind } from './classify.js';
import type { OpenItem, ReadContext, SectionReader } from './context.js';
import {
  answerLetter, answerTrueFalse, optionFromText, readAnswerLine, readOptions, readTrueFalse, trueFalseOptions,
  type OptionsReading,
} from './quiz-items.js';

/**
 * The quiz (`## Quiz & Assessment`, `## 12. Assessment Questions`) and milestone parts
 * (`## Part B: True/False`). What a block is comes from the sub-heading or bold label above it
 * ("### Quick Check (True/False)", "**Short Answer:**"); a question may be a list item, a bold
 * paragraph ("**1. What …?**", "**Question 6**: …") or a `### Problem 1: …` heading, and the blocks
 * after it add to it: options (`A) …`, `- [ ] …`), "**Answer**: B", "**Expected Answer**:", code,
 * "Solution:" and its code.
 */

/** "1. What …?", "Question 6: …", "Q3) …", "1.2 - …" (a section's numbering): the number and the question. */
const QUESTION = /^(?:question\s*|q\s*)?#?(\d+(?:\.\d+)?)(?:\s*[:.)\-–—]\s*|\s+[-–—:]\s*)([\s\S]+)$/i;
const HEADING_ITEM = /^(?:(problem|question|challenge|exercise|task)\b|q(?=\d))\s*#?(\d+(?:\.\d+)*)?\s*(?:\(.*?\))?\s*[:.\-–—]?\s*(.*)$/i;
/** "**Your code:**", "Starter code:": the block after it is given with the task. */
const STARTER = /^(your (code|answer|solution|implementation)|starter code|template|skeleton)\s*:?\s*$/i;
/** Sub-headings of a test that say how work is presented or marked: what follows is no question. */
const NOT_ITEMS = /^(presentation|demo(nstration)?|deliverables?|submission|rubric|grading|scoring|evaluation( criteria)?|criteria|instructions|overview|tips|time (limit|management))\b/i;
/** Parts of one coding problem given their own sub-heading ("### Starter Code", "### stats.py": a file of it). */
const PROBLEM_PART = /^(starter code|template|skeleton|evaluation( criteria)?|criteria|grading|rubric|test cases|tests?|testing|hints?|(example |sample |reference )?solution|requirements|expected output)\b|^[\w./-]+\.(py|txt|json|csv|md|ini|toml|ya?ml|cfg)$/i;
/** A blank to fill in ("Answer: ________"), not an answer. */
const BLANK = /_{4,}|^\[\s*(your|write|answer)[^\]]*\]$/i;
/** The author's number when it is a whole number (1.2 numbers a section's items, not the quiz). */
const whole = (n: string | undefined) => (n && /^\d+$/.test(n) ? Number(n) : undefined);
const RANGE = /^questions?\s+\d+\s*(?:[-–—]|to)\s*\d+/i;
const SOLUTION = /^(?:expected\s+|sample\s+|reference\s+|model\s+|example\s+)?(solution|code|implementation)s?\s*:?\s*$/i;
const EXPECTED = /^(?:expected|sample|model|suggested|example)\s+(answer|response|output)s?\s*:?\s*$|^answers?\s*:?\s*$|^expected\s*:?\s*$/i;
const RUBRIC = /^(grading rubric|grading|rubric|scoring|evaluation criteria|evaluation|points|hints?)\b[^:]*:?\s*$/i;
const TASK = /^(task|problem|requirements?|instructions?|your task|objective)\s*:\s*([\s\S]*)$/i;
/** A block that says it is the solution ("# Example solution"). */
const SOLUTION_CODE = /^\s*(?:#|\/\/)\s*(?:example |sample |reference |model |one )?(?:solution|answer)\b/i;
const WRITE = /^(write|create|implement|complete|build|define|convert|declare|print|make)\b/i;

const bare = (s: string) => oneLine(s.replace(/^[*_\s]+|[*_\s]+$/g, ''));

export function maxQuizN(l: Lesson): number {
  const q = l.quiz;
  return Math.max(0, ...[...q.trueFalse, ...q.conceptual, ...q.coding, ...q.multipleChoice].map((i) => i.n));
}

/** The author's number when it continues the quiz, else the next free one (parts restart at 1). */
function nextN(l: Lesson, wanted?: number): number {
  const max = maxQuizN(l);
  return wanted && wanted > max ? wanted : max + 1;
}

function add(ctx: ReadContext, kind: QuizKind, text: string, n: number, line: number): OpenItem {
  const q = ctx.lesson.quiz;
  let open: OpenItem;
  switch (kind) {
    case 'trueFalse': {
      const { statement, answer, reason } = readTrueFalse(text, text, []);
      const item: TrueFalseItem = { n, statement, answer, reason, placeholder: false, line };
      q.trueFalse.push(item);
      open = { kind, item };
      break;
    }
    case 'multipleChoice': {
      const item: MultipleChoiceItem = { n, question: text, code: null, options: [], answer: null, reason: null, placeholder: false, line };
      q.multipleChoice.push(item);
      open = { kind, item };
      break;
    }
    case 'conceptual': {
      const item: ConceptualItem = { n, question: text, expected: null, code: null, placeholder: false, line };
      q.conceptual.push(item);
      open = { kind, item };
      break;
    }
    case 'coding': {
      const item: CodingItem = { n, task: text, code: null, solution: null, placeholder: false, line };
      q.coding.push(item);
      open = { kind, item };
      break;
    }
  }
  ctx.state.open = open;
  ctx.state.label = null;
  options.delete(ctx.state);
  return open;
}

/** True/False options of the open true/false item, to read "**Answer**: B" against. */
const options = new WeakMap<object, OptionsReading>();

function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

/** Turns the open item into another kind, keeping its number, line and text. */
function convert(ctx: ReadContext, to: 'trueFalse' | 'multipleChoice'): OpenItem {
  const open = ctx.state.open!;
  const q = ctx.lesson.quiz;
  const text = open.kind === 'trueFalse' ? open.item.statement : open.kind === 'coding' ? open.item.task : open.item.question;
  const code = open.kind === 'conceptual' || open.kind === 'multipleChoice' ? open.item.code : null;
  const { n, line } = open.item;
  if (open.kind === 'trueFalse') remove(q.trueFalse, open.item);
  else if (open.kind === 'conceptual') remove(q.conceptual, open.item);
  else if (open.kind === 'coding') remove(q.coding, open.item);
  else remove(q.multipleChoice, open.item);
  const next = add(ctx, to, text, n, line);
  if (next.kind === 'multipleChoice') next.item.code = code;
  return next;
}

function attachOptions(ctx: ReadContext, opts: OptionsReading): void {
  let open = ctx.state.open!;
  if (trueFalseOptions(opts.options)) {
    if (open.kind !== 'trueFalse') open = convert(ctx, 'trueFalse');
    options.set(ctx.state, opts);
    if (open.kind === 'trueFalse' && opts.marked && open.item.answer === null) {
      open.item.answer = /^true/i.test(opts.options.find((o) => o.label === opts.marked)!.text);
    }
    return;
  }
  if (open.kind !== 'multipleChoice') open = convert(ctx, 'multipleChoice');
  if (open.kind === 'multipleChoice') {
    open.item.options.push(...opts.options);
    open.item.answer ??= opts.marked;
  }
}

function applyAnswer(ctx: ReadContext, answer: string): void {
  const open = ctx.state.open!;
  if (BLANK.test(answer.trim()) && (!answer.replace(/[_\s]/g, '') || /^\[.*\]$/.test(answer.trim()))) return;
  switch (open.kind) {
    case 'trueFalse': {
      const tf = answerTrueFalse(answer);
      const letter = tf ? null : answerLetter(answer);
      const opts = options.get(ctx.state);
      const picked = letter && opts?.options.find((o) => o.label === letter.label);
      if (tf) Object.assign(open.item, { answer: tf.answer, reason: tf.reason ?? open.item.reason });
      else if (picked) Object.assign(open.item, { answer: /^true/i.test(picked.text), reason: letter!.reason ?? open.item.reason });
      break;
    }
    case 'multipleChoice': {
      const letter = answerLetter(answer);
      if (letter) Object.assign(open.item, { answer: letter.label, reason: letter.reason });
      else open.item.reason ??= oneLine(answer);
      break;
    }
    case 'conceptual':
      open.item.expected = open.item.expected ? `${open.item.expected}\n${oneLine(answer)}` : oneLine(answer);
      break;
    case 'coding':
      open.item.solution = joinCode(open.item.solution, answer);
      break;
  }
}

/** What follows a label ("**Expected Answer**:", "Solution:", "**Grading Rubric**:"), or null. */
function labelOf(text: string): 'solution' | 'expected' | 'rubric' | 'task' | null {
  const t = bare(text);
  if (STARTER.test(t)) return 'task';
  if (SOLUTION.test(t)) return 'solution';
  if (EXPECTED.test(t)) return 'expected';
  if (RUBRIC.test(t)) return 'rubric';
  return null;
}

/** More text of the open item's question or task. */
function appendText(ctx: ReadContext, text: string): void {
  const open = ctx.state.open!;
  const task = open.kind === 'coding' && TASK.exec(text);
  if (task) text = task[2];
  if (open.kind === 'coding') open.item.task = [open.item.task, text].filter(Boolean).join('\n');
  else if (open.kind === 'trueFalse') open.item.statement = oneLine(`${open.item.statement} ${text}`);
  else open.item.question = oneLine(`${open.item.question} ${text}`);
}

/** The blocks inside one list item, in order: the task text, code, "Solution:" and its code. */
function readCodingItem(item: Tokens.ListItem, into: CodingItem): void {
  const task: string[] = [];
  let solution = false;
  for (const t of item.tokens) {
    if (t.type === 'code') {
      if (solution) into.solution = joinCode(into.solution, (t as Tokens.Code).text);
      else into.code = joinCode(into.code, (t as Tokens.Code).text);
    } else if (t.type === 'list') {
      for (const sub of (t as Tokens.List).items) {
        const s = splitItem(sub);
        const head = oneLine(s.head);
        if (labelOf(head) === 'solution') solution = true;
        else task.push(`- ${head}`);
        if (s.code) {
          if (solution) into.solution = joinCode(into.solution, s.code);
          else into.code = joinCode(into.code, s.code);
        }
      }
    } else if (t.type === 'text' || t.type === 'paragraph') {
      const text = oneLine(inlineText((t as Tokens.Text).tokens, (t as Tokens.Text).text));
      if (labelOf(text) === 'solution') solution = true;
      else if (text) task.push(text);
    }
  }
  into.task = task.join('\n');
}

function readListItem(ctx: ReadContext, kind: QuizKind, item: Tokens.ListItem, n: number, line: number): void {
  const parts = splitItem(item);
  const text = oneLine(parts.head);
  const nestedOptions = kind === 'coding' ? null : readOptions(parts.nestedItems);
  const answers = [...parts.nested, ...parts.rest].map(readAnswerLine).filter((a): a is string => !!a);
  if (nestedOptions) {
    add(ctx, trueFalseOptions(nestedOptions.options) ? 'trueFalse' : 'multipleChoice', text, n, line);
    attachOptions(ctx, nestedOptions);
    for (const a of answers) applyAnswer(ctx, a);
    if (parts.code && ctx.state.open?.kind === 'multipleChoice') ctx.state.open.item.code = parts.code;
    return;
  }
  const open = add(ctx, kind, text, n, line);
  switch (open.kind) {
    case 'trueFalse':
      Object.assign(open.item, readTrueFalse(text, parts.rawHead, parts.nested));
      break;
    case 'multipleChoice':
      open.item.code = parts.code;
      for (const a of answers) applyAnswer(ctx, a);
      break;
    case 'conceptual': {
      const labelled = parts.nested.map((s) => /^(?:expected(?:\s+answer)?|answer|sample answer|model answer)\s*:\s*([\s\S]+)$/i.exec(s)?.[1]).find(Boolean);
      // Bullets under a question, with no label, are the lesson's answer to it (hints say so).
      const plain = parts.nested.filter((s) => !/^(hint|tip|note|think about)\b/i.test(s));
      open.item.expected = labelled ? oneLine(labelled) : plain.length ? plain.join('\n') : null;
      open.item.code = parts.code;
      break;
    }
    case 'coding':
      readCodingItem(item, open.item);
      open.item.task ||= text;
      break;
  }
}

/** The kind a quiz list item shows by itself: a (True)/(False) mark, options, a question mark. */
function kindOf(item: Tokens.ListItem): QuizKind | null {
  const parts = splitItem(item);
  const text = oneLine(parts.head);
  if (readOptions(parts.nestedItems)) return 'multipleChoice';
  if (readTrueFalse(text, parts.rawHead, parts.nested).answer !== null) return 'trueFalse';
  if (/\?\s*\**$/.test(text)) return 'conceptual';
  return null;
}

export const quiz: SectionReader = {
  open(ctx, title) {
    ctx.state.quizKind = partKind(title) ?? classifyQuizHeading(title);
  },

  subheading(ctx, text, line, depth) {
    const s = ctx.state;
    if (RANGE.test(text)) return ctx.take(line);
    s.skip = false;
    if (NOT_ITEMS.test(text) && !(s.open?.kind === 'coding' && PROBLEM_PART.test(text))) {
      s.skip = true;
      s.open = null;
      return ctx.take(line);
    }
    // "#### Requirements:" inside "### Project: Log Analyzer" is part of it.
    if (depth > 3 && s.open && !HEADING_ITEM.test(text) && !classifyQuizHeading(text)) {
      appendText(ctx, text);
      return ctx.take(line);
    }
    const item = HEADING_ITEM.exec(text);
    // "### Lists (5 questions)" groups questions by topic; only a named kind changes the kind.
    const kind = item ? null : classifyQuizHeading(text.replace(/\(\s*\d+\s*(?:questions?|points?|pts|marks?)[^)]*\)/gi, ''));
    // "### Starter Code", "### Evaluation Criteria" under a problem belong to it.
    if (s.open?.kind === 'coding' && PROBLEM_PART.test(text)) {
      s.label = /solution/i.test(text) ? 'solution' : /criteria|evaluation|rubric|grading/i.test(text) ? 'rubric' : 'task';
      return ctx.take(line);
    }
    // Under coding problems, "### Mini Challenge: Queue" is the next problem, not a new kind.
    if (kind && !(kind === 'coding' && s.quizKind === 'coding' && /:\s*\S/.test(text))) {
      s.quizKind = kind;
      s.open = null;
      s.label = null;
      ctx.take(line);
    } else if (item && !s.quizKind) {
      // "### Question 1: File Modes" in a quiz with no kind heading: the word says the kind.
      s.quizKind = /^q/i.test(text) ? 'conceptual' : 'coding';
      const open = add(ctx, s.quizKind, item[3], nextN(ctx.lesson, whole(item[2])), line);
      fromBlock.add(open.item);
      if (item[3]) titled.add(open.item);
      ctx.take(line);
    } else if (s.quizKind === 'coding' || (item && s.quizKind)) {
      // "### Problem 1: Gradient Descent" followed by its task paragraph
      const open = add(ctx, s.quizKind!, item ? item[3] : text, nextN(ctx.lesson, whole(item?.[2])), line);
      fromBlock.add(open.item);
      if (!item || item[3]) titled.add(open.item);
      ctx.take(line);
    } else {
      s.open = null;
    }
  },

  paragraph(ctx, token, line) {
    const s = ctx.state;
    if (s.skip) return ctx.take(line, lastLine(token, line));
    const text = paragraphText(token);
    const flat = oneLine(text);
    const end = lastLine(token, line);
    const label = /^([^:]{2,40}):$/.exec(bare(flat));
    // "**Problem**:" alone under "### Challenge 3": its task is the list that follows, not a new kind.
    const labelKind = label && !labelOf(flat) && !(s.open && TASK.test(bare(flat))) ? classifyQuizHeading(label[1]) : null;
    if (labelKind) {
      s.quizKind = labelKind;
      s.open = null;
      s.label = null;
      pendingLabel.set(s, label![1]);
      return ctx.take(line);
    }
    const lines = text.split('\n').map(oneLine).filter(Boolean);
    if (s.open && lines.length >= 2 && lines.every((l) => optionFromText(l))) {
      attachOptions(ctx, { options: lines.map((l) => optionFromText(l)!), marked: null });
      return ctx.take(line, end);
    }
    const answer = readAnswerLine(flat);
    if (answer && s.open) {
      applyAnswer(ctx, answer);
      return ctx.take(line, end);
    }
    const lab = labelOf(flat);
    if (lab && s.open) {
      s.label = lab;
      return ctx.take(line, end);
    }
    const task = TASK.exec(bare(flat));
    const question = QUESTION.exec(bare(flat));
    if (question && s.quizKind && !task) {
      // The question is the first line; an "Answer: …" line under it in the same paragraph is its answer.
      const [first, ...more] = text.split('\n');
      const q = QUESTION.exec(bare(oneLine(first)))!;
      const open = add(ctx, s.quizKind, bare(q[2]), nextN(ctx.lesson, whole(q[1])), line);
      fromBlock.add(open.item);
      const opts = more.map((l) => optionFromText(l)).filter((o) => o !== null);
      for (const l of more) {
        const a = readAnswerLine(l);
        if (a) applyAnswer(ctx, a);
        else if (oneLine(l) && !optionFromText(l)) appendText(ctx, oneLine(l));
      }
      // "**Q1**: What …?" with "A) …" "B) …" on the lines under it, in one paragraph.
      if (opts.length >= 2) attachOptions(ctx, { options: opts, marked: null });
      return ctx.take(line, end);
    }
    const open = s.open;
    if (!open) return;
    // "### Question 1 (3 points)" and the question in bold below it.
    const own = open.kind === 'trueFalse' ? open.item.statement : open.kind === 'coding' ? open.item.task : open.item.question;
    if (!own && !s.label) {
      appendText(ctx, bare(flat));
      return ctx.take(line, end);
    }
    // "### Question 1: File Modes" then the question itself: "File Modes: What is …?"
    if (titled.has(open.item) && !s.label && (open.kind === 'conceptual' || open.kind === 'multipleChoice')) {
      titled.delete(open.item);
      open.item.question = `${open.item.question}: ${bare(flat)}`;
      return ctx.take(line, end);
    }
    if (open.kind === 'coding' && s.label !== 'rubric') {
      if (s.label === 'solution') open.item.solution = joinCode(open.item.solution, flat);
      else open.item.task = [open.item.task, task ? bare(task[2]) || '' : flat].filter(Boolean).join('\n');
      ctx.take(line, end);
    } else if (open.kind === 'conceptual' && (s.label === 'expected' || s.label === 'solution')) {
      open.item.expected = open.item.expected ? `${open.item.expected}\n${flat}` : flat;
      ctx.take(line, end);
    } else if (open.kind === 'multipleChoice' && !open.item.options.length && !open.item.question) {
      open.item.question = flat;
      ctx.take(line, end);
    }
  },

  list(ctx, list, line) {
    const s = ctx.state;
    // Read, and known to hold no question: how the work is presented or marked.
    if (s.skip) return ctx.take(line, lastLine(list, line));
    const end = lastLine(list, line);
    const opts = readOptions(list.items);
    if (opts && s.open && s.open.kind !== 'coding') {
      attachOptions(ctx, opts);
      return ctx.take(line, end);
    }
    const heads = list.items.map((item) => oneLine(splitItem(item).head));
    if (s.open && s.label === 'rubric') return ctx.take(line, end);
    // "- **Answer:** ______" under a question: its answer (or a blank to fill).
    const answers = heads.map(readAnswerLine);
    if (s.open && answers.every((a) => a !== null)) {
      for (const a of answers) applyAnswer(ctx, a!);
      return ctx.take(line, end);
    }
    if (s.open?.kind === 'conceptual' && (s.label === 'expected' || s.label === 'solution')) {
      const prior = s.open.item.expected;
      s.open.item.expected = [prior, ...heads.map((h) => `- ${h}`)].filter(Boolean).join('\n');
      return ctx.take(line, end);
    }
    // "Which format would you choose for:" and the cases as bullets: one question in parts.
    if (s.open?.kind === 'conceptual' && fromBlock.has(s.open.item) && !s.label && /:\s*$/.test(s.open.item.question)) {
      s.open.item.question = [s.open.item.question, ...heads.map((h) => `- ${h}`)].join('\n');
      return ctx.take(line, end);
    }
    if (s.open?.kind === 'coding' && fromBlock.has(s.open.item)) {
      if (s.label === 'solution') s.open.item.solution = joinCode(s.open.item.solution, heads.map((h) => `- ${h}`).join('\n'));
      else s.open.item.task = [s.open.item.task, ...heads.map((h) => `- ${h}`)].filter(Boolean).join('\n');
      return ctx.take(line, end);
    }
    const lines = itemLines(list, line);
    const start = typeof list.start === 'number' ? list.start : 1;
    const max = maxQuizN(ctx.lesson);
    const base = list.ordered && start > max ? start : max + 1;
    let skipped = false;
    let k = 0;
    list.items.forEach((item, i) => {
      // Without a kind heading, an item says what it is by its own shape, or it is skipped.
      const kind = s.quizKind ?? kindOf(item);
      if (!kind) return void (skipped = true);
      readListItem(ctx, kind, item, base + k++, lines[i]);
      ctx.take(lines[i], lastLine(item, lines[i]));
    });
    if (skipped) ctx.warn(line, 'a list in the quiz section is not under "### Quick Check (True/False)", "### Conceptual Questions" or "### Coding Challenge"; skipped');
  },

  code(ctx, token, line) {
    const s = ctx.state;
    if (s.skip) return ctx.take(line, lastLine(token, line));
    let open = s.open;
    if (!open && s.quizKind === 'conceptual' && pendingLabel.has(s)) {
      // "**Code Reading:**" and a block: the block is the question.
      open = add(ctx, 'conceptual', pendingLabel.get(s)!, nextN(ctx.lesson), line);
      pendingLabel.delete(s);
    }
    if (!open) return;
    const code = token.text;
    switch (open.kind) {
      case 'coding':
        if (s.label === 'solution' || s.label === 'expected' || SOLUTION_CODE.test(code)) open.item.solution = joinCode(open.item.solution, code);
        else open.item.code = joinCode(open.item.code, code);
        break;
      case 'conceptual':
        // "Write code that …" followed by code and no answer label: the code is the answer;
        // a block of blanks to fill ("break: ______") is part of the question.
        if (BLANK.test(code)) open.item.code = joinCode(open.item.code, code);
        else if (s.label === 'expected' || s.label === 'solution' || (WRITE.test(open.item.question) && fromBlock.has(open.item) && !open.item.code)) {
          open.item.expected = joinCode(open.item.expected, code);
        } else {
          open.item.code = joinCode(open.item.code, code);
        }
        break;
      case 'multipleChoice':
        open.item.code = joinCode(open.item.code, code);
        break;
      case 'trueFalse':
        return;
    }
    ctx.take(line, lastLine(token, line));
  },
};

/** Items that began as a heading or a bold paragraph: the blocks after them are theirs. */
const fromBlock = new WeakSet<object>();
/** Items whose text so far is a heading's title, the question itself still to come. */
const titled = new WeakSet<object>();
/** A bold kind label ("**Code Reading:**") not yet followed by an item. */
const pendingLabel = new WeakMap<object, string>();
