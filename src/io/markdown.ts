import { sanitize } from '../lesson/sanitize.js';

/**
 * Markdown → terminal text via marked-terminal, wrapped to `width`. marked-terminal costs ~0.12 s to
 * load, so it is imported here, on first use, never at start-up.
 */
export async function renderMarkdown(markdown: string, width: number, colors: boolean): Promise<string> {
  const [{ Marked }, { markedTerminal }, { default: stripAnsi }] = await Promise.all([
    import('marked'),
    import('marked-terminal'),
    import('strip-ansi'),
  ]);
  const marked = new Marked();
  // marked-terminal's types lag behind marked's extension type; the call is the documented one.
  marked.use(markedTerminal({ width, reflowText: true, tab: 2, emoji: false }, { ignoreIllegals: true } as never) as never);
  const out = (marked.parse(sanitize(markdown), { async: false }) as string).replace(/\n{3,}/g, '\n\n');
  // Its code highlighter colours on its own judgement; without colour, take every style off.
  return colors ? out : stripAnsi(out);
}
