import { Lexer, type Token, type Tokens } from 'marked';
import { inlineText, oneLine } from './inline.js';
import { classifyQuizHeading, classifySection } from './parse.js';
import { sanitize } from './sanitize.js';
import { singleBacktickFences } from './fences.js';
import { readingMinutes, titleMinutes } from './minutes.js';

export { readingMinutes, titleMinutes } from './minutes.js';

/**
 * The lesson's `##` sections in the author's order, each with its markdown, so the tutor can walk
 * all of them (Introduction, "## 1. Concept Foundations (20 min)", Best Practices, …) and not only
 * those the model has fields for. Pure: text in, values out. Headings inside code fences are code
 * (marked's lexer decides), as in parse.ts.
 */

export type OutlineKind = ReturnType<typeof classifySection>;

export interface OutlineSection {
  /** The heading as written, without its time ("1. Concept Foundations"). */
  title: string;
  kind: OutlineKind;
  /** 1-based line of the heading. */
  line: number;
  /** Minutes the author gives in the heading ("(20 min)", "(2 hours / 20 points)"), else null. */
  minutes: number | null;
  /** Minutes to read it, estimated from its length (readingMinutes). */
  estimate: number;
  /** The section's text, headings below `##` included, as markdown. */
  markdown: string;
}

export function outlineLesson(input: string): OutlineSection[] {
  // Code opened with one backtick ("`python" … "`") is code here as in parse.ts: the reading step
  // shows it as code, lines kept, not as a reflowed paragraph.
  const source = singleBacktickFences(sanitize(input));
  let tokens: Token[];
  try {
    tokens = new Lexer().lex(source);
  } catch (e) {
    // Nesting too deep for the lexer: parse.ts warns about it; there is no outline to give.
    if (e instanceof RangeError) return [];
    throw e;
  }
  const sections: OutlineSection[] = [];
  let pos = 0;
  let line = 1;
  let current: (OutlineSection & { parts: string[] }) | null = null;
  const close = () => {
    if (!current) return;
    const { parts, ...rest } = current;
    const markdown = parts.join('').replace(/\n*(?:-{3,}|\*{3,}|_{3,})\s*\n*$/, '\n').trim() + '\n';
    sections.push({ ...rest, markdown, estimate: readingMinutes(markdown) });
    current = null;
  };
  for (const token of tokens) {
    const raw = token.raw ?? '';
    // The tokens' raw text tiles the source; search forward where the lexer trimmed something.
    let at = source.startsWith(raw, pos) ? pos : source.indexOf(raw, pos);
    if (at < 0) at = pos;
    line += countNewlines(source.slice(pos, at));
    const here = line + (raw.match(/^\n*/)?.[0].length ?? 0);
    line += countNewlines(raw);
    pos = at + raw.length;
    if (token.type === 'heading' && (token as Tokens.Heading).depth <= 2) {
      close();
      const h = token as Tokens.Heading;
      if (h.depth === 1) continue;
      const text = oneLine(inlineText(h.tokens, h.text));
      const { title, minutes } = titleMinutes(text);
      // A "Part B: True/False" is quiz; a part of some other kind is read (as parse.ts takes them).
      let kind = classifySection(text);
      if (kind === 'part' && !classifyQuizHeading(text)) kind = 'other';
      current = { title, kind, line: here, minutes, estimate: 0, markdown: '', parts: [] };
      continue;
    }
    current?.parts.push(raw);
  }
  close();
  return sections;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
