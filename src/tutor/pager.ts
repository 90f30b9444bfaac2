/**
 * Splits rendered text into pages of at most `rows` lines, so a long section is read one screen at
 * a time. A page ends at a blank line in its last third when there is one (between paragraphs, not
 * inside one), else at the row limit. Pure.
 */
export function paginate(lines: string[], rows: number): string[][] {
  const size = Math.max(1, Math.floor(rows));
  const pages: string[][] = [];
  let at = 0;
  while (at < lines.length) {
    let end = Math.min(lines.length, at + size);
    if (end < lines.length) {
      const floor = at + Math.ceil((size * 2) / 3);
      for (let k = end; k > floor; k--) {
        if (!lines[k - 1].trim()) {
          end = k;
          break;
        }
      }
    }
    // A page never starts with blank lines: they are the break.
    const page = lines.slice(at, end);
    while (page.length > 1 && !page[page.length - 1].trim()) page.pop();
    pages.push(page);
    at = end;
    while (at < lines.length && !lines[at].trim()) at++;
  }
  return pages.length ? pages : [[]];
}

/** What a reply at a page's prompt asks for: the next page, the previous one, or neither (ask again). */
export function pageMove(reply: string): 'next' | 'back' | null {
  const t = reply.trim().toLowerCase();
  if (!t || t === 'n' || t === 'more') return 'next';
  if (t === 'b' || t === 'back') return 'back';
  return null;
}
