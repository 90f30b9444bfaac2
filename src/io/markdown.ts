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
  // Code is never reflowed: a line too wide for the page goes on in marked rows under its own
  // indentation (code-wrap.ts), and one dim line under the block says what the mark means.
  const code = ext.renderer.code;
  ext.renderer.code = function (this: unknown, ...args: unknown[]) {
    const { text, wrapped } = wrapCode(code.apply(this, args).replace(/\n+$/, ''), width);
    return text + (wrapped ? `\n${c.dim(`  ${CONTINUED} goes on with the line above: the page is narrower than the code`)}` : '') + '\n\n';
  };
  const marked = new Marked();
  marked.use(ext as never);
  let html: string;
  try {
    html = marked.parse(sanitize(markdown), { async: false }) as string;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new UserError('this lesson nests quotes or lists too deeply to display; keep nesting to a few levels');
  }
  // Its code highlighter (and cli-table3's borders) colour on their own judgement; without colour,
  // every style is taken off before wrapping, so plain lines take wrapNarrow's linear path.
  const rendered = html.replace(/\n{3,}/g, '\n\n');
  return wrapRendered(colors ? rendered : stripAnsi(rendered), width);
}
