import type { Token, Tokens } from 'marked';
import { inlineText, oneLine } from './inline.js';

/** marked's tokens with the line numbers the lesson loader reports (1-based). */
export interface Located {
  token: Token;
  line: number;
}

export function countNewlines(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** Top-level tokens with their 1-based line numbers. */
export function locate(source: string, tokens: Token[]): Located[] {
  const out: Located[] = [];
  let pos = 0;
  let line = 1;
  for (const token of tokens) {
    const raw = token.raw ?? '';
    // Tokens' raw text normally tiles the source; search forward if the lexer trimmed something.
    let at = source.startsWith(raw, pos) ? pos : source.indexOf(raw, pos);
    if (at < 0) at = pos;
    line += countNewlines(source, pos, at);
    out.push({ token, line });
    line += countNewlines(raw);
    pos = at + raw.length;
  }
  return out;
}

/** The last line a token covers (its raw text may end in blank lines, which are not counted). */
export function lastLine(token: Token, line: number): number {
  return line + countNewlines((token.raw ?? '').replace(/\s+$/, ''));
}

/** First line of each item of a list. */
export function itemLines(list: Tokens.List, listLine: number): number[] {
  const lines: number[] = [];
  let line = listLine;
  for (const item of list.items) {
    lines.push(line);
    line += countNewlines(item.raw);
  }
  return lines;
}

export interface ItemParts {
  /** The item's first text block, inline markup flattened. */
  head: string;
  /** The head as the author typed it (bold marks kept): a bold statement is told apart by it. */
  rawHead: string;
  /** First text of each nested item. */
  nested: string[];
  /** Nested items themselves (a question's options). */
  nestedItems: Tokens.ListItem[];
  code: string | null;
  rest: string[];
}

/** The first text block of a list item, and what is nested under it. */
export function splitItem(item: Tokens.ListItem): ItemParts {
  let head = '';
  let rawHead = '';
  const nested: string[] = [];
  const nestedItems: Tokens.ListItem[] = [];
  const rest: string[] = [];
  let code: string | null = null;
  for (const t of item.tokens) {
    if ((t.type === 'text' || t.type === 'paragraph') && !head) {
      head = inlineText((t as Tokens.Text).tokens, (t as Tokens.Text).text);
      rawHead = (t as Tokens.Text).text ?? '';
    } else if (t.type === 'list') {
      for (const sub of (t as Tokens.List).items) {
        nested.push(oneLine(splitItem(sub).head));
        nestedItems.push(sub);
      }
    } else if (t.type === 'code') {
      code = code ? code + '\n\n' + (t as Tokens.Code).text : (t as Tokens.Code).text;
    } else if (t.type === 'text' || t.type === 'paragraph') {
      rest.push(oneLine(inlineText((t as Tokens.Text).tokens, (t as Tokens.Text).text)));
    }
  }
  return { head, rawHead, nested, nestedItems, code, rest };
}

export function paragraphText(t: Token): string {
  return inlineText((t as Tokens.Paragraph).tokens, (t as Tokens.Paragraph).text);
}

/** Lines of a paragraph used as a list ("✅ **a** - b  \n✅ **c**"), bullets and emoji removed. */
export function paragraphLines(t: Token): string[] {
  return paragraphText(t)
    .split('\n')
    .map((l) => oneLine(l.replace(/^[^\p{L}\p{N}`*_"'([]+/u, '')))
    .filter(Boolean);
}

/** Appends code to what an item already holds, a blank line between blocks. */
export function joinCode(a: string | null, b: string): string {
  return a ? `${a}\n\n${b}` : b;
}
