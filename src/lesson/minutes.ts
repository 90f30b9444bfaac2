/**
 * Minutes in a lesson: the author's, from a heading ("(20 min)"), and a reading time estimated from
 * a text's length. Pure, and free of the markdown parser, so the plan can use it at start-up.
 */

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

