import type { Tokens } from 'marked';
import { oneLine } from '../inline.js';
import { parseRef } from '../refs.js';
import { lastLine, paragraphLines, paragraphText, splitItem } from '../tokens.js';
import type { ReadContext, SectionReader } from './context.js';

/** Readers of the sections that are lists of text: objectives, ideas, takeaways, resources, homework, next. */

const heads = (list: Tokens.List) => list.items.map((item) => oneLine(splitItem(item).head));

function listInto(pick: (ctx: ReadContext) => string[]): SectionReader['list'] {
  return (ctx, list, line) => {
    pick(ctx).push(...heads(list));
    ctx.take(line, lastLine(list, line));
  };
}

export const objectives: SectionReader = {
  list: listInto((ctx) => ctx.lesson.objectives),
};

export const coreIdeas: SectionReader = {
  list: listInto((ctx) => ctx.lesson.coreIdeas),
  paragraph(ctx, token) {
    if (!/^(by the end|you will)/i.test(oneLine(paragraphText(token)))) ctx.lesson.coreIdeas.push(...paragraphLines(token));
  },
};

export const takeaways: SectionReader = {
  list: listInto((ctx) => ctx.lesson.takeaways),
  paragraph(ctx, token) {
    ctx.lesson.takeaways.push(...paragraphLines(token));
  },
};

export const resources: SectionReader = {
  // A link's address is in the text when it differs from what the link says (inlineText).
  list: listInto((ctx) => ctx.lesson.resources),
};

export const homework: SectionReader = {
  list(ctx, list, line) {
    const h = heads(list);
    list.items.forEach((item, i) => ctx.lesson.homework.push({ task: h[i], done: item.task ? !!item.checked : false }));
    ctx.take(line, lastLine(list, line));
  },
};

export const next: SectionReader = {
  paragraph(ctx, token) {
    ctx.lesson.next ??= parseRef(oneLine(paragraphText(token)));
  },
};

/** Sections kept for display only (Introduction, Best Practices, checklists, …). */
export const other: SectionReader = {};
