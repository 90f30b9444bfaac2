import { oneLine } from '../inline.js';
import { itemLines, lastLine, splitItem } from '../tokens.js';
import type { SectionReader } from './context.js';

/** "## Quick Practice": `- Exercise: …` and `- Quiz: …` bullets, offered as practice (never graded). */
export const practice: SectionReader = {
  list(ctx, list, line) {
    const lines = itemLines(list, line);
    list.items.forEach((item, i) => {
      const text = oneLine(splitItem(item).head);
      const m = /^(exercise|quiz|question|task|try)\s*\d*\s*[:.\-–—]\s*(.+)$/i.exec(text);
      const kind = !m ? 'other' : /^exercise|^task|^try/i.test(m[1]) ? 'exercise' : 'quiz';
      ctx.lesson.practice.push({ kind, text: m ? oneLine(m[2]) : text, line: lines[i] });
    });
    ctx.take(line, lastLine(list, line));
  },
};
