import stringWidth from '../text-width.js';
import type { CatalogEntry } from '../lesson/catalog.js';

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

/** A word wider than the column alone: cut at the column, with "…". */
function cut(s: string, width: number): string {
  if (stringWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/** Text broken between words into lines of at most `width` columns (a word wider than that alone is cut). */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && stringWidth(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(cut(word, width));
  }
  return lines.length ? lines : [''];
}

/** Parts joined with " · " into lines of at most `width` columns, a part cut only when it alone is wider. */
function fitParts(parts: string[], width: number): string[] {
  const lines: string[] = [];
  for (const part of parts.filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && stringWidth(`${last} · ${part}`) <= width) lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(cut(part, width));
  }
  return lines.length ? lines : [''];
}

const widest = (xs: string[]) => Math.max(0, ...xs.map((x) => stringWidth(x)));

/**
 * The `calc-ml lessons` table. `progress` (by path) adds where the learner stands: "in progress ·
 * best 7/8 · 2026-01-05". Where every column fits, one line a lesson; where not, a long title wraps
 * between its words, and the details and the standing break between their parts, each in its own
 * column, so nothing is cut to "MILESTONE TE…". Below 60 columns, the details go under the title.
 */
export function formatLessonTable(entries: CatalogEntry[], width: number, progress?: Map<string, string>): string {
  if (!entries.length) return 'No lessons found.';
  const idW = Math.max(2, ...entries.map((e) => e.id.length));
  const about = (e: CatalogEntry): string[] => [e.difficulty ?? '', e.estimatedTime ?? '', e.bundled ? 'bundled' : ''].filter(Boolean);
  const mine = (e: CatalogEntry) => (progress?.get(e.path) ?? 'new').split(' · ');
  if (width < 60) {
    const w = width - idW - 2;
    const indent = ' '.repeat(idW + 2);
    // The details under the title, broken between their parts (never inside "in progress"): what
    // a learner most needs, their standing, is never cut off at the edge.
    return entries
      .map((e) => {
        const [first, ...more] = wrapText(e.title, w);
        return [`${pad(e.id, idW)}  ${first}`, ...more.map((l) => indent + l), ...fitParts([...about(e), ...(progress ? mine(e) : [])], w).map((l) => indent + l)].join('\n');
      })
      .join('\n');
  }
  // Each column as wide as it needs, if it all fits; else the details and the standing shrink to
  // their widest part (they break between parts), and the title takes what is left.
  const aboutHead = 'difficulty · time';
  const full = {
    title: Math.max(5, widest(entries.map((e) => e.title))),
    about: Math.max(aboutHead.length, widest(entries.map((e) => about(e).join(' · ')))),
    mine: progress ? Math.max(8, widest(entries.map((e) => mine(e).join(' · ')))) : 0,
  };
  const least = {
    title: Math.min(full.title, 28),
    about: Math.max(widest(entries.flatMap(about)), 'difficulty ·'.length),
    mine: progress ? Math.max(8, widest(entries.flatMap(mine))) : 0,
  };
  const room = width - idW - 2 - 2 - (progress ? 2 : 0);
  const { titleW, aboutW, mineW } = fitColumns(room, full, least, {
    title: entries.map((e) => e.title.split(/\s+/).filter(Boolean).map((w) => stringWidth(w))),
    about: entries.map((e) => about(e).map((p) => stringWidth(p))),
    mine: entries.map((e) => (progress ? mine(e).map((p) => stringWidth(p)) : [])),
  });
  const cells = (title: string[], a: string[], m: string[]) => {
    const rows = Math.max(title.length, a.length, m.length);
    return Array.from({ length: rows }, (_, i) => {
      const line = `${' '.repeat(idW)}  ${pad(title[i] ?? '', titleW)}  ${progress ? `${pad(a[i] ?? '', aboutW)}  ${m[i] ?? ''}` : a[i] ?? ''}`;
      return line.replace(/\s+$/, '');
    });
  };
  const header = cells(['title'], fitParts(aboutHead.split(' · '), aboutW), progress ? ['progress'] : [])
    .map((l, i) => (i ? l : `${pad('id', idW)}${l.slice(idW)}`));
  const body = entries.flatMap((e) => {
    const lines = cells(wrapText(e.title, titleW), fitParts(about(e), aboutW), progress ? fitParts(mine(e), mineW) : []);
    lines[0] = `${pad(e.id, idW)}${lines[0].slice(idW)}`;
    return lines;
  });
  return [...header, ...body].join('\n');
}

type Widths = { title: number; about: number; mine: number };

/** How many lines items of these widths take, joined by `sep` columns, in a column `width` wide (as wrapText and fitParts break them). */
function linesFor(items: number[], sep: number, width: number): number {
  let n = 0;
  let used = 0;
  for (const w of items) {
    if (n && used + sep + w <= width) used += sep + w;
    else {
      n++;
      used = Math.min(w, width);
    }
  }
  return Math.max(1, n);
}

/**
 * Column widths that fit `room` with the fewest lines in all (a tie goes to the wider title): each
 * column between its narrowest (the widest part it breaks into) and its whole width. Tried over the
 * title's widths, the room left going to the standing or to the details first. Counted from the
 * widths of the words and parts, measured once: listing the whole course stays a listing.
 */
function fitColumns(room: number, full: Widths, least: Widths, items: { [K in keyof Widths]: number[][] }): { titleW: number; aboutW: number; mineW: number } {
  if (full.title + full.about + full.mine <= room) return { titleW: full.title, aboutW: full.about, mineW: full.mine };
  const top = Math.max(10, Math.min(full.title, room - least.about - least.mine));
  const low = Math.min(top, Math.max(10, least.title));
  const seps: Widths = { title: 1, about: 3, mine: 3 };
  const memo = new Map<string, number[]>();
  const counts = (k: keyof Widths, w: number) => {
    const key = `${k}:${w}`;
    let c = memo.get(key);
    if (!c) memo.set(key, (c = items[k].map((x) => linesFor(x, seps[k], w))));
    return c;
  };
  let best: { titleW: number; aboutW: number; mineW: number; n: number } | null = null;
  for (let t = top; t >= low; t--) {
    for (const order of [['mine', 'about'], ['about', 'mine']] as const) {
      const w = { title: t, about: least.about, mine: least.mine };
      let left = room - t - w.about - w.mine;
      for (const k of order) {
        const add = Math.max(0, Math.min(left, full[k] - w[k]));
        w[k] += add;
        left -= add;
      }
      const [a, b, c] = [counts('title', w.title), counts('about', w.about), counts('mine', w.mine)];
      let n = 0;
      for (let i = 0; i < a.length; i++) n += Math.max(a[i], b[i], c[i]);
      if (!best || n < best.n) best = { titleW: w.title, aboutW: w.about, mineW: w.mine, n };
    }
  }
  return best!;
}
