import { Lexer, type Token, type Tokens } from 'marked';
import { inlineText, oneLine } from './inline.js';
import { classifyQuizHeading, classifySection } from './parse.js';
import { sanitize } from './sanitize.js';

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

const TIME = /\s*\(\s*(?:~|about\s+|approx\.?\s+)?(\d+(?:\.\d+)?)\s*(minutes?|mins?|m|hours?|hrs?|h)\b([^)]*)\)/i;

/** "1. Concept Foundations (20 min)" → { title: "1. Concept Foundations", minutes: 20 }. */
export function titleMinutes(heading: string): { title: string; minutes: number | null } {
  const m = TIME.exec(heading);
  if (!m) return { title: heading.trim(), minutes: null };
  const n = Number(m[1]);
  const minutes = /^h/i.test(m[2]) ? Math.round(n * 60) : Math.round(n);
  // "(2 hours / 20 points)": the time goes, the rest of the parenthesis stays with the title.
  const rest = m[3].replace(/^\s*[/,;·|-]\s*/, '').trim();
  const title = (heading.slice(0, m.index) + (rest ? ` (${rest})` : '') + heading.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
  return { title, minutes: minutes > 0 ? minutes : null };
}

/** Reading time of a section the author gave no time for: 200 words a minute, code at 15 lines a minute. */
export function readingMinutes(markdown: string): number {
  let words = 0;
  let codeLines = 0;
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) codeLines += line.trim() ? 1 : 0;
    else words += line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  }
  return Math.max(1, Math.round(words / 200 + codeLines / 15));
}

export function outlineLesson(input: string): OutlineSection[] {
  const source = sanitize(input);
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
