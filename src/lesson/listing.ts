import stringWidth from '../text-width.js';
import type { CatalogEntry } from './catalog.js';

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

function cut(s: string, width: number): string {
  if (stringWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * The `calc-ml lessons` table: one row a lesson where the width allows, two lines a lesson below 60
 * columns. `progress` (by path) adds where the learner stands: "in progress · best 7/8 · 2026-01-05".
 */
export function formatLessonTable(entries: CatalogEntry[], width: number, progress?: Map<string, string>): string {
  if (!entries.length) return 'No lessons found.';
  const idW = Math.max(2, ...entries.map((e) => e.id.length));
  const about = (e: CatalogEntry) => [e.difficulty, e.estimatedTime].filter(Boolean).join(' · ') + (e.bundled ? ' · bundled' : '');
  const mine = (e: CatalogEntry) => progress?.get(e.path) ?? 'new';
  if (width < 60) {
    const w = width - idW - 2;
    const indent = ' '.repeat(idW + 2);
    // The details under the title, broken between their parts (never inside "in progress"): what
    // a learner most needs, their standing, is never cut off at the edge.
    return entries
      .map((e) => [`${pad(e.id, idW)}  ${cut(e.title, w)}`, ...fitParts([about(e), progress ? mine(e) : ''].filter(Boolean).join(' · ').split(' · '), w).map((l) => indent + l)].join('\n'))
      .join('\n');
  }
  const aboutW = Math.max(5, ...entries.map((e) => stringWidth(about(e))));
  const mineW = progress ? Math.max(8, ...entries.map((e) => stringWidth(mine(e)))) : 0;
  const titleW = Math.max(10, width - idW - aboutW - 4 - (progress ? mineW + 2 : 0));
  const header = `${pad('id', idW)}  ${pad('title', titleW)}  ${progress ? `${pad('difficulty · time', aboutW)}  progress` : 'difficulty · time'}`;
  return [header, ...entries.map((e) => `${pad(e.id, idW)}  ${pad(cut(e.title, titleW), titleW)}  ${progress ? `${pad(about(e), aboutW)}  ${mine(e)}` : about(e)}`)].join('\n');
}

/** Parts joined with " · " into lines of at most `width` columns, a part cut only when it alone is wider. */
function fitParts(parts: string[], width: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && stringWidth(`${last} · ${part}`) <= width) lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(cut(part, width));
  }
  return lines;
}
