import { oneLine } from '../inline.js';
import { itemLines, lastLine, paragraphText, splitItem } from '../tokens.js';
import type { PracticeItem } from '../model.js';
import type { ReadContext, SectionReader } from './context.js';

const BLANK = /_{3,}/;
const LABELLED = /^(exercise|quiz|question|problem|task|try)\s*\d*\s*[:.\-–—]\s*(.+)$/i;

/**
 * What an item with no label of its own is, by its section's title: under "Practice Problems" or
 * "Practice Tasks" a task to do, as "**Problem 1:** …" there is; under "Reflection Questions" a
 * question; under "Quick Practice", unsaid.
 */
function kindOfSection(title: string): PracticeItem['kind'] {
  if (/\b(problems?|tasks?|exercises?|challenges?)\b/i.test(title)) return 'exercise';
  if (/\bquestions?\b/i.test(title)) return 'quiz';
  return 'other';
}

function add(ctx: ReadContext, text: string, line: number, always: boolean): boolean {
  const m = LABELLED.exec(text);
  if (!m && !always) return false;
  const kind = m ? (/^(exercise|task|try|problem)/i.test(m[1]) ? 'exercise' : 'quiz') : /\?$/.test(text) ? 'quiz' : kindOfSection(ctx.sectionTitle);
  ctx.lesson.practice.push({ kind, text: m ? oneLine(m[2]) : text, line });
  ctx.take(line);
  return true;
}

/**
 * "## Quick Practice" (`- Exercise: …`, `- Quiz: …`), "## Practice Problems" (`**Problem 1:** …`)
 * and "## Reflection Questions": offered as practice, never graded.
 */
export const practice: SectionReader = {
  list(ctx, list, line) {
    const lines = itemLines(list, line);
    list.items.forEach((item, i) => {
      const text = oneLine(splitItem(item).head);
      // A box to tick ("- [ ] Passed (28+)") or a score to fill in ("Section 1: ___ / 4") closes the
      // test below its practice questions: it is no practice item.
      if (!item.task && !BLANK.test(text)) add(ctx, text, lines[i], true);
    });
    ctx.take(line, lastLine(list, line));
  },
  paragraph(ctx, token, line) {
    paragraphText(token).split('\n').forEach((l, i) => add(ctx, oneLine(l), line + i, false));
  },
};
