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
    return entries
      .map((e) => `${pad(e.id, idW)}  ${cut(e.title, width - idW - 2)}\n${' '.repeat(idW + 2)}${cut([about(e), progress ? mine(e) : ''].filter(Boolean).join(' · '), width - idW - 2)}`)
      .join('\n');
  }
  const aboutW = Math.max(5, ...entries.map((e) => stringWidth(about(e))));
  const mineW = progress ? Math.max(8, ...entries.map((e) => stringWidth(mine(e)))) : 0;
  const titleW = Math.max(10, width - idW - aboutW - 4 - (progress ? mineW + 2 : 0));
  const header = `${pad('id', idW)}  ${pad('title', titleW)}  ${progress ? `${pad('difficulty · time', aboutW)}  progress` : 'difficulty · time'}`;
  return [header, ...entries.map((e) => `${pad(e.id, idW)}  ${pad(cut(e.title, titleW), titleW)}  ${progress ? `${pad(about(e), aboutW)}  ${mine(e)}` : about(e)}`)].join('\n');
}
