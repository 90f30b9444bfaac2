import type { Tokens } from 'marked';
import { sanitize } from '../lesson/sanitize.js';
import { showsAddress } from '../lesson/inline.js';
import { wrapRendered } from './wrap.js';
import { CONTINUED, wrapCode } from './code-wrap.js';
import { UserError } from '../errors.js';

type ListToken = { ordered: boolean; start: number | '' };
type Renderer = Record<string, (this: unknown, ...args: unknown[]) => string>;

/**
 * Markdown → terminal text via marked-terminal, wrapped to `width`. marked-terminal costs ~0.12 s to
 * load, so it is imported here, on first use, never at start-up.
 */
export async function renderMarkdown(markdown: string, width: number, colors: boolean, opts: { headingMarks?: boolean } = {}): Promise<string> {
  const [{ Marked }, { markedTerminal }, { default: stripAnsi }, { Chalk }] = await Promise.all([
    import('marked'),
    import('marked-terminal'),
    import('strip-ansi'),
    import('chalk'),
  ]);
  const ext = markedTerminal({ width, reflowText: true, tab: 2, emoji: false, showSectionPrefix: opts.headingMarks ?? true }, { ignoreIllegals: true } as never) as unknown as {
    renderer: Renderer;
  };
  // `show` prints the whole file, its "##" marks telling sections apart; a reading step of `start`
  // (headingMarks: false) shows "### 3.1 Checklist" as a styled title, not with its marks.
  // marked-terminal numbers every ordered list from 1; lessons number on ("5. Why does ML need
  // calculus?"), and the learner answers by those numbers.
  const list = ext.renderer.list;
  ext.renderer.list = function (this: unknown, token: unknown, ...rest: unknown[]) {
    const out = list.call(this, token, ...rest);
    const { ordered, start } = token as ListToken;
    if (!ordered || typeof start !== 'number' || start === 1) return out;
    const indent = /^\n*( *)\d+\. /.exec(out)?.[1];
    if (indent === undefined) return out;
    return out.replace(new RegExp(`^${indent}(\\d+)\\. `, 'gm'), (_m, n: string) => `${indent}${Number(n) + start - 1}. `);
  };
  // In a terminal that shows hyperlinks, marked-terminal prints a link as its text alone, so
  // [https://khanacademy.org](https://evil.example) would hide where it goes (and the output edge
  // removes hyperlink sequences anyway). A link is its text and, when they differ, its address.
  const c = new Chalk({ level: colors ? 3 : 0 });
  ext.renderer.link = function (this: unknown, token: unknown) {
    const { href, tokens } = token as Tokens.Link;
    const text = (this as { parser: { parseInline(t: unknown): string } }).parser.parseInline(tokens);
    const address = c.blue.underline(href);
    return c.blue(showsAddress(stripAnsi(text), href) ? address : `${text} (${address})`);
  };
  // marked-terminal prints a block-level text token (a tight list item's text) as its raw source,
  // so a link in a list read `[text](url)` and a code span kept its backticks; its inline tokens are
  // rendered as a paragraph's are.
  const text = ext.renderer.text;
  ext.renderer.text = function (this: unknown, token: unknown, ...rest: unknown[]) {
    const inline = (token as { tokens?: unknown[] } | null)?.tokens;
    if (typeof token === 'object' && inline?.length) return (this as { parser: { parseInline(t: unknown): string } }).parser.parseInline(inline);
    return text.call(this, token, ...rest);
  };
  // Without colour a code span would be plain words ("Python if Statements"): it keeps its
  // backticks, as the lesson's own text does elsewhere in the tutor (lesson/inline.ts).
  if (!colors) {
    const codespan = ext.renderer.codespan;
    ext.renderer.codespan = function (this: unknown, ...args: unknown[]) {
      return '`' + codespan.apply(this, args) + '`';
    };
  }
  // A paragraph is flowed by wrapRendered (below), not by marked-terminal, whose reflow cuts a long
  // word wherever the row ends ("descen|t.html"): wrapRendered cuts a web address where a reader
  // expects it. marked-terminal keeps its width to itself, so a second one, as wide as can be, draws paragraphs.
  const wide = markedTerminal({ width: Number.MAX_SAFE_INTEGER, reflowText: true, tab: 2, emoji: false, showSectionPrefix: opts.headingMarks ?? true }, { ignoreIllegals: true } as never) as unknown as {
    renderer: Renderer;
  };
  ext.renderer.paragraph = wide.renderer.paragraph;
  // Code is never reflowed: a line too wide for the page goes on in marked rows under its own
  // indentation (code-wrap.ts), and one dim line under the block says what the mark means.
  const code = ext.renderer.code;
  ext.renderer.code = function (this: unknown, ...args: unknown[]) {
    const { text, wrapped } = wrapCode(code.apply(this, args).replace(/\n+$/, ''), width);
    return text + (wrapped ? `\n${c.dim(`  ${CONTINUED} goes on with the line above: the page is narrower than the code`)}` : '') + '\n\n';
  };
  const marked = new Marked();
  marked.use(ext as never);
  // marked (since v16) gives a task item its checkbox as a token of its own, which marked-terminal
  // draws after its own ("[ ]  [ ] Read the chapter"): its own is the one kept.
  marked.use({
    walkTokens(token) {
      if (token.type === 'list_item' && (token as Tokens.ListItem).task) token.tokens = (token.tokens ?? []).filter((t) => t.type !== 'checkbox');
    },
  });
  let html: string;
  try {
    html = marked.parse(sanitize(markdown), { async: false }) as string;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new UserError('this lesson nests quotes or lists too deeply to display; keep nesting to a few levels');
  }
  // Its code highlighter (and cli-table3's borders) colour on their own judgement; without colour,
  // every style is taken off before wrapping, so plain lines take wrapNarrow's linear path.
  // (and its tight task item puts two spaces after the box: "[ ]  Read").
  const rendered = html.replace(/\n{3,}/g, '\n\n').replace(/^( *(?:\*|\d+\.) (?:\u001b\[[0-9;]*m)*\[[ X]\](?:\u001b\[[0-9;]*m)*) {2}/gm, '$1 ');
  return wrapRendered(colors ? rendered : stripAnsi(rendered), width);
}
