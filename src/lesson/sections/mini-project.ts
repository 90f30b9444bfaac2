import { oneLine } from '../inline.js';
import { joinCode, lastLine, paragraphText, splitItem } from '../tokens.js';
import { stripNumber } from './classify.js';
import type { SectionReader } from './context.js';

/** "## Mini-Project: Title" (or "## 9. Mini-Project: Title"): its task text, bullets and code. */
export const miniProject: SectionReader = {
  open(ctx, title, line) {
    ctx.lesson.miniProject = { title: oneLine(stripNumber(title).replace(/^mini[\s-]?project\s*[:\-–—]?\s*/i, '')), task: '', code: null };
    ctx.take(line);
  },
  paragraph(ctx, token, line) {
    const mp = ctx.lesson.miniProject;
    if (!mp) return;
    mp.task = [mp.task, oneLine(paragraphText(token))].filter(Boolean).join('\n');
    ctx.take(line, lastLine(token, line));
  },
  list(ctx, list, line) {
    const mp = ctx.lesson.miniProject;
    if (!mp) return;
    mp.task = [mp.task, ...list.items.map((item) => `- ${oneLine(splitItem(item).head)}`)].filter(Boolean).join('\n');
    ctx.take(line, lastLine(list, line));
  },
  code(ctx, token, line) {
    const mp = ctx.lesson.miniProject;
    if (!mp) return;
    mp.code = joinCode(mp.code, token.text);
    ctx.take(line, lastLine(token, line));
  },
};
