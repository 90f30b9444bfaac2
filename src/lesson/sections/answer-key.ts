import { oneLine } from '../inline.js';
import { itemLines, lastLine, paragraphText, splitItem } from '../tokens.js';
import { classifyQuizHeading } from './classify.js';
import type { ReadContext, SectionReader } from './context.js';
import { answerLetter, answerTrueFalse } from './quiz-items.js';

/**
 * "## Answer Key" at the end of a lesson: `1. True`, `2. B (why)`, `3. A gradient is …`. Under a
 * sub-heading of a kind ("### True/False") the numbers count that kind's items in order; without
 * one they are the quiz numbers. An answer the quiz item already has is kept.
 */

function apply(ctx: ReadContext, n: number, value: string, line: number, dotted = false): boolean {
  const q = ctx.lesson.quiz;
  const kind = ctx.state.keyKind;
  // Points per question ("Q11: 2 pts (describe differences)") score the item; they do not answer it.
  if (/^\d+(?:\.\d+)?\s*(?:pts?|points?|marks?)\b/i.test(value.trim())) return ctx.take(line), true;
  // Under a kind's heading, N is that item's own number, or else its place among the kind's items;
  // a section's own numbering ("2.5": the fifth of section 2) is always the place.
  const pick = <T extends { n: number }>(items: T[]) =>
    kind && dotted ? items[n - 1] : items.find((i) => i.n === n) ?? (kind ? items[n - 1] : undefined);
  const tf = answerTrueFalse(value);
  const letter = answerLetter(value);
  const t = kind === null || kind === 'trueFalse' ? pick(q.trueFalse) : undefined;
  if (t && tf) {
    if (t.answer === null) Object.assign(t, { answer: tf.answer, reason: tf.reason ?? t.reason });
    return ctx.take(line), true;
  }
  const m = kind === null || kind === 'multipleChoice' ? pick(q.multipleChoice) : undefined;
  if (m && letter) {
    if (m.answer === null) Object.assign(m, { answer: letter.label, reason: letter.reason ?? m.reason });
    return ctx.take(line), true;
  }
  const c = kind === null || kind === 'conceptual' ? pick(q.conceptual) : undefined;
  if (c) {
    c.expected ??= oneLine(value);
    return ctx.take(line), true;
  }
  const k = kind === null || kind === 'coding' ? pick(q.coding) : undefined;
  if (k) {
    k.solution ??= value;
    return ctx.take(line), true;
  }
  return false;
}

/** "1. True", "Q2: B", "1.3: **False** - why" (a section's own numbering: its last number counts). */
const NUMBERED = /^(?:q(?:uestion)?\s*)?(\d+(?:\.\d+)?)(?:\s*[.):\-–—]\s*|\s+)([\s\S]+)$/i;
const number = (n: string) => Number(n.split('.').pop());
/** "#### Challenge 3.1 Evaluation": how an item is marked, not an answer to place. */
const MARKING = /\b(evaluation|rubric|criteria|grading|scoring)\b/i;

export const answerKey: SectionReader = {
  subheading(ctx, text, line, depth) {
    if (depth > 3 && MARKING.test(text)) return ctx.take(line);
    ctx.state.keyKind = classifyQuizHeading(text);
  },
  list(ctx, list, line) {
    const lines = itemLines(list, line);
    const start = typeof list.start === 'number' ? list.start : 1;
    list.items.forEach((item, i) => {
      const head = oneLine(splitItem(item).head);
      const m = NUMBERED.exec(head);
      const placed = m ? apply(ctx, number(m[1]), m[2], lines[i], m[1].includes('.')) : list.ordered && apply(ctx, start + i, head, lines[i]);
      if (placed) ctx.take(lines[i], lastLine(item, lines[i]));
    });
  },
  paragraph(ctx, token, line) {
    paragraphText(token)
      .split('\n')
      .forEach((l, i) => {
        const m = NUMBERED.exec(oneLine(l.replace(/\*\*/g, '')));
        if (m) apply(ctx, number(m[1]), m[2], line + i, m[1].includes('.'));
      });
  },
};
