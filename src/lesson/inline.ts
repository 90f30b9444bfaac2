import type { Token, Tokens } from 'marked';

/**
 * Flattens marked's inline tokens to the plain text a learner reads: emphasis dropped, code spans
 * kept in backticks (they are code), links as their text, followed by their address when the two
 * differ: a terminal that shows links shows only the text, so `[khanacademy.org](https://evil.example)`
 * would hide where it goes.
 */
export function inlineText(tokens: Token[] | undefined, fallback = ''): string {
  if (!tokens) return fallback;
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'codespan':
        out += '`' + (t as Tokens.Codespan).text + '`';
        break;
      case 'br':
        out += '\n';
        break;
      case 'text':
      case 'strong':
      case 'em':
      case 'link': {
        const link = t as Tokens.Link;
        const text = link.tokens ? inlineText(link.tokens) : unescape(link.text);
        out += showsAddress(text, link.href) ? text : `${text} (${link.href})`;
        break;
      }
      case 'del':
        out += 'tokens' in t && t.tokens ? inlineText(t.tokens) : unescape((t as Tokens.Text).text);
        break;
      case 'escape':
        out += (t as Tokens.Escape).text;
        break;
      case 'html':
        break;
      default:
        out += 'text' in t ? String((t as { text: string }).text) : '';
    }
  }
  return out;
}

/** Whether a link's text already is its address (autolinks, `[https://x](https://x)`, `mailto:`). */
export function showsAddress(text: string, href: string): boolean {
  const t = oneLine(text);
  return !href || t === href || `mailto:${t}` === href;
}

/** marked escapes &, <, > and quotes in text tokens; the model stores what the author typed. */
function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** One-line text: inner whitespace folded. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Heading or label text reduced for matching: no emoji or punctuation, lower case, single spaces. */
export function normalizeLabel(s: string): string {
  // Most labels are plain words ("Estimated Time"): the same result without the Unicode-class scan
  // (a listing reads a few per lesson, over a thousand lessons).
  if (/^[A-Za-z0-9 ]*$/.test(s)) return s.toLowerCase().replace(/ +/g, ' ').trim();
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&/.:\-() ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
