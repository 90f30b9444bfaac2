import { Chalk } from 'chalk';
import { labelFormatter, ticks } from '../chart/scale.js';
import { formatNumber as fmt, wrapWords } from '../math/format.js';
import type { Box, F2 } from './field.js';
import { plainText } from './words.js';
import { bandOf, chooseLevels, type Levels } from './levels.js';
import { alignedCells, cellIndex, cellsOfSize, centre, padCells } from './map-grid.js';

// A contour map of f(x, y) in the terminal: filled bands by level, axes with ticks on both, marks,
// descent paths and gradient arrows drawn over it, a legend and a plain-text summary. Pure.
//
// Why no contouring library: a map of filled bands needs only the band of f at each cell (or at
// each quarter of a cell), which is one comparison with the sorted levels. Marching squares
// (d3-contour) traces isolines as polygons in continuous coordinates; the terminal would then have
// to rasterise them back onto the same cells, and the polygons would add nothing these samples lack.

/** Shading per band, denser = higher. The ASCII ramp avoids every character a mark or arrow uses. */
const SHADES = [' ', '·', ':', '░', '▒', '▓', '█'];
const ASCII_SHADES = [' ', '.', ':', ';', '=', '%', '#'];
/** Braille dot positions [column, row] of a cell, and the bit of each in U+2800 + bits. */
const BRAILLE_DOTS: [number, number][] = [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2], [0, 3], [1, 3]];
const BRAILLE_BITS = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80];
/** For each dot (index in BRAILLE_DOTS), the dots beside it, left, right, above and below. */
const DOT_NEIGHBOURS = BRAILLE_DOTS.map(([i, j]) => BRAILLE_DOTS.flatMap(([a, b], n) => (Math.abs(a - i) + Math.abs(b - j) === 1 ? [n] : [])));
/** Where each dot sits in its cell, as fractions of the cell's width (u) and height (v). */
const DOT_U = BRAILLE_DOTS.map(([i]) => (i + 0.5) / 2);
const DOT_V = BRAILLE_DOTS.map(([, j]) => (j + 0.5) / 4);
const BAND_COLORS = ['', 'blue', 'cyan', 'green', 'yellow', 'red', 'magenta'] as const;
const RUN_COLORS = ['cyanBright', 'magentaBright', 'yellowBright', 'greenBright', 'blueBright', 'redBright', 'whiteBright', 'cyan'] as const;
const UNDEFINED = '?';
/** Where a descent run stopped. */
const END_MARK = { symbol: '⊗', ascii: 'E' };
/** A cell that two runs visited: both are named in the legend. */
const BOTH_MARK = { symbol: '⊕', ascii: 'B' };

export interface MapMark {
  x: number;
  y: number;
  symbol: string;
  ascii: string;
  label?: string;
  /** The run it belongs to (its colour), if any. */
  series?: number;
}

export interface Glyph { symbol: string; ascii: string }

export interface MapPath {
  symbol: string;
  ascii: string;
  /** Without colour and with several runs: the run's own glyph between its steps, and at its end. */
  trail?: Glyph;
  end?: Glyph;
  /** The points visited, in order; consecutive ones are joined. */
  points: readonly (readonly [number, number])[];
  series: number;
  label: string;
}

export interface MapArrow {
  x: number;
  y: number;
  /** Direction in the data's units (the gradient, or minus it). */
  dx: number;
  dy: number;
  kind: 'ascent' | 'descent';
}

export interface MapSpec {
  f: F2;
  box: Box;
  vars: readonly [string, string];
  /** Total columns, y labels included. */
  width: number;
  /** Rows of the map; default: what keeps x and y at one scale on screen, 8–22. */
  height?: number;
  colors: boolean;
  ascii: boolean;
  levels?: Levels;
  title?: string;
  marks?: readonly MapMark[];
  paths?: readonly MapPath[];
  arrows?: readonly MapArrow[];
  summary?: readonly string[];
  /** Keep x and y at one scale on screen (narrowing the map if need be); for maps with arrows. */
  equalScale?: boolean;
}

export interface MapCell {
  ch: string;
  /** The band of the cell (the lowest of its quarters in a cell a band edge crosses); -1 undefined. */
  band: number;
  /** What was drawn over the band, if anything. */
  over?: 'mark' | 'path' | 'arrow';
}

export interface RenderedMap {
  text: string;
  levels: Levels;
  cells: MapCell[][];
  /** The cell of a point (col, row), for tests and callers that place things. */
  cellOf(x: number, y: number): [number, number];
  /** The point at the centre of a cell (col, row): where f is taken for its band. */
  centreOf(col: number, row: number): [number, number];
  columns: number;
  rows: number;
}

/** Physical aspect of a terminal cell: about twice as tall as it is wide. */
const CELL_ASPECT = 2;

/** The narrowest map drawn, as for charts (MIN_CHART_WIDTH): labels, the axis and a few cells. */
export const MIN_MAP_WIDTH = 30;

export function renderMap(spec: MapSpec): RenderedMap {
  // Narrower than a map can be: one line that says so, then what the map's text says (where each
  // run went, the minimum). A map drawn wider than the terminal wraps every row into the next.
  if (spec.width < MIN_MAP_WIDTH) {
    const full = renderMap({ ...spec, width: MIN_MAP_WIDTH });
    const say = (t: string) => wrapLine(plainText(t, spec.ascii), spec.width);
    const lines = [
      ...(spec.title ? say(spec.title) : []),
      `(map needs ${MIN_MAP_WIDTH} cols)`,
      ...(spec.paths ?? []).flatMap((p) => say(p.label)),
      ...(spec.summary ?? []).flatMap(say),
    ];
    return { ...full, text: lines.join('\n') + '\n' };
  }
  const { box, ascii } = spec;
  const chalk = new Chalk({ level: spec.colors ? 1 : 0 });
  // One chalk style per colour, made once: chalk builds a new one at every property access.
  const styles = new Map<string, (s: string) => string>();
  const styleOf = (color: string) => {
    let f = styles.get(color);
    if (!f) styles.set(color, (f = (chalk as unknown as Record<string, (s: string) => string>)[color]));
    return f;
  };
  const dxBox = box.x1 - box.x0;
  const dyBox = box.y1 - box.y0;
  // Rows first from an estimate of the label width, then the labels for those rows.
  // At least three ticks asked for: with two, a short map (--height 8) could get one label, 0 alone.
  const yTicksFor = (h: number) => ticks(box.y0, box.y1, Math.max(3, Math.floor(h / 3)));
  const labelsFor = (t: { step: number; values: number[] }) => {
    const f = labelFormatter(t.step, Math.max(Math.abs(box.y0), Math.abs(box.y1)));
    return t.values.map((v) => ({ v, text: f(v) }));
  };
  let labelWidth = Math.max(...labelsFor(yTicksFor(12)).map((l) => l.text.length));
  const roomFor = (lw: number) => Math.max(10, spec.width - lw - 2);
  const W0 = roomFor(labelWidth);
  const mostH = spec.height ?? (spec.equalScale ? 18 : 22);
  const wantH = spec.height ?? Math.max(8, Math.min(mostH, Math.round((W0 * dyBox) / dxBox / CELL_ASPECT)));
  // Cells centred on the ticks (map-grid.ts): rows as near the height wanted as whole cells per
  // tick interval allow, never more than --height asks for.
  const yTicks = yTicksFor(wantH);
  // A map's own height may run one row over its soft cap: 19 rows of a third of a unit each put
  // y = -3 … 3 on whole rows, where 18 would leave 15.
  const aligned = alignedCells(box.y0, box.y1, yTicks.step, wantH, spec.height ?? mostH + 1);
  const rowsAxis = spec.height !== undefined ? padCells(aligned, spec.height) : aligned;
  const H = rowsAxis.count;
  const yLabels = labelsFor(yTicks);
  labelWidth = Math.max(...yLabels.map((l) => l.text.length));
  const room = roomFor(labelWidth);
  let xTicks = xTicksFor(box, room);
  // One scale for both axes, so that right angles on the map are right angles (the gradient
  // arrow across a contour line): the map is made narrower rather than stretched.
  const colsFor = (step: number) => (spec.equalScale ? cellsOfSize(box.x0, box.x1, step, rowsAxis.size / CELL_ASPECT, room) : alignedCells(box.x0, box.x1, step, room));
  let colsAxis = colsFor(xTicks.step);
  // Made narrower, the map has room for fewer tick labels than the terminal: ticks for its own
  // width (grad saddle at 80 columns had ticks of 0.5 on a 35-column map, labels drifting off them).
  for (let most = xTicks.values.length - 1; most >= 2 && !fitsTicks(box, xTicks, colsAxis.count); most--) {
    xTicks = ticks(box.x0, box.x1, most);
    colsAxis = colsFor(xTicks.step);
  }
  const W = colsAxis.count;
  const cw = colsAxis.size;
  const ch = rowsAxis.size;
  const colOf = (x: number) => cellIndex(colsAxis, x);
  // Row 0 is the top: the highest y.
  const rowOf = (y: number) => H - 1 - cellIndex(rowsAxis, y);
  const xAt = (c: number) => centre(colsAxis, c);
  const yAt = (r: number) => centre(rowsAxis, H - 1 - r);

  // f is evaluated at each cell's centre (ASCII), or at its corners (Unicode); the braille dots of
  // the cells whose corners lie in different bands are placed between the corners (below).
  const centreValue = ascii ? Array.from({ length: H }, (_, r) => Array.from({ length: W }, (_, c) => spec.f(xAt(c), yAt(r)))) : [];
  // Corner (r, c) is the top left of cell (r, c): half a cell left of and above its centre.
  const cornerValue = ascii ? [] : Array.from({ length: H + 1 }, (_, r) => Array.from({ length: W + 1 }, (_, c) => spec.f(xAt(c) - cw / 2, yAt(r) + ch / 2)));
  const levels = spec.levels ?? chooseLevels(ascii ? centreValue.flat() : cornerValue.flat());
  const cornerBand = cornerValue.map((row) => row.map((v) => bandOf(v, levels.values)));
  const dots = new Array<number>(8);
  const shades = ascii ? ASCII_SHADES : SHADES;
  let edgesUsed = false;
  let undefinedUsed = false;
  const cells: MapCell[][] = [];
  for (let r = 0; r < H; r++) {
    const row: MapCell[] = [];
    for (let c = 0; c < W; c++) {
      if (ascii) {
        const b = bandOf(centreValue[r][c], levels.values);
        if (b < 0) undefinedUsed = true;
        row.push({ ch: b < 0 ? UNDEFINED : shades[b], band: b });
        continue;
      }
      // Plain reads and loops below, no arrays made per cell: this runs for each of a map's ~1,700 cells.
      const b0 = cornerBand[r][c];
      if (b0 >= 0 && b0 === cornerBand[r][c + 1] && b0 === cornerBand[r + 1][c] && b0 === cornerBand[r + 1][c + 1]) {
        row.push({ ch: shades[b0], band: b0 });
        continue;
      }
      // Eight samples, on braille's 2 × 4 dots: where a band's edge crosses the cell it is drawn
      // as dots, so contour lines have 2 × 4 times the resolution of the cells. The values at the
      // dots are interpolated between the corners' (bilinear, as marching squares places a contour
      // between two samples), so a dot costs no evaluation of f; beside a gap f is asked itself.
      const tl = cornerValue[r][c], tr = cornerValue[r][c + 1], bl = cornerValue[r + 1][c], br = cornerValue[r + 1][c + 1];
      const smooth = Number.isFinite(tl) && Number.isFinite(tr) && Number.isFinite(bl) && Number.isFinite(br);
      let lo = Infinity;
      for (let k = 0; k < 8; k++) {
        const u = DOT_U[k];
        const v = DOT_V[k];
        const value = smooth ? (1 - v) * ((1 - u) * tl + u * tr) + v * ((1 - u) * bl + u * br) : spec.f(xAt(c) + (u - 0.5) * cw, yAt(r) - (v - 0.5) * ch);
        dots[k] = bandOf(value, levels.values);
        if (dots[k] >= 0 && dots[k] < lo) lo = dots[k];
      }
      if (lo === Infinity) {
        undefinedUsed = true;
        row.push({ ch: UNDEFINED, band: -1 });
        continue;
      }
      // Only the dots on the higher side that touch the lower side: a thin line, so the shading
      // around it still shows.
      let mask = 0;
      for (let k = 0; k < 8; k++) {
        if (dots[k] <= lo) continue;
        const near = DOT_NEIGHBOURS[k];
        for (let q = 0; q < near.length; q++) {
          if (dots[near[q]] < dots[k]) {
            mask |= BRAILLE_BITS[k];
            break;
          }
        }
      }
      if (!mask) row.push({ ch: shades[lo], band: lo });
      else {
        edgesUsed = true;
        row.push({ ch: String.fromCharCode(0x2800 + mask), band: lo });
      }
    }
    cells.push(row);
  }
  const colorOf: (string | undefined)[][] = cells.map((row) => row.map((cell) => {
    if (cell.band < 0) return undefined;
    const top = cell.ch === shades[cell.band] ? cell.band : Math.min(BAND_COLORS.length - 1, cell.band + 1);
    return BAND_COLORS[top] || undefined;
  }));
  const paint = (r: number, c: number, text: string, color: string | undefined, over: MapCell['over']) => {
    if (r < 0 || r >= H || c < 0 || c >= W) return;
    cells[r][c] = { ...cells[r][c], ch: text, over };
    colorOf[r][c] = color;
  };

  // Descent paths: joins first, then every visited point, so the points stay on top, then where
  // each run stopped, so that no other run's steps cover it.
  const paths = spec.paths ?? [];
  // Colour tells runs apart; without it, several runs each need their own trail and end glyph.
  const ownGlyphs = !spec.colors && paths.length > 1 && paths.every((p) => p.trail && p.end);
  const pick = (g: Glyph) => (ascii ? g.ascii : g.symbol);
  for (const p of paths) {
    const color = RUN_COLORS[p.series % RUN_COLORS.length];
    for (let k = 1; k < p.points.length; k++) {
      const seg = clip(p.points[k - 1], p.points[k], box);
      if (!seg) continue;
      const [[ax, ay], [bx, by]] = seg;
      const u = (bx - ax) / cw;
      const v = ((by - ay) / ch) * CELL_ASPECT;
      const glyph = ownGlyphs ? pick(p.trail!) : lineGlyph(u, v, ascii);
      const n = Math.ceil(Math.max(Math.abs(u), Math.abs(v) / CELL_ASPECT) * 3) + 1;
      for (let i = 1; i < n; i++) {
        const [r, c] = [rowOf(ay + ((by - ay) * i) / n), colOf(ax + ((bx - ax) * i) / n)];
        if (cells[r][c].over !== 'mark') paint(r, c, glyph, `${color}`, 'path');
      }
      // A path that leaves the map is drawn to the edge, not back and forth across it.
      if (!within(box, ...p.points[k])) break;
    }
  }
  // The runs that visited each cell. A cell two runs visited (two rates with nearly the same path)
  // gets the mark ⊕ and the legend names the runs, so neither is hidden under the other's marks.
  const visitors = new Map<string, number[]>();
  const ends: { path: MapPath; r: number; c: number; glyph: string }[] = [];
  for (const p of paths) {
    const color = RUN_COLORS[p.series % RUN_COLORS.length];
    let k = 0;
    for (; k < p.points.length && within(box, ...p.points[k]); k++) {
      const [r, c] = [rowOf(p.points[k][1]), colOf(p.points[k][0])];
      const runs = visitors.get(`${r},${c}`) ?? [];
      if (!runs.includes(p.series)) runs.push(p.series);
      visitors.set(`${r},${c}`, runs);
      if (runs.length > 1) paint(r, c, ascii ? BOTH_MARK.ascii : BOTH_MARK.symbol, 'whiteBright', 'mark');
      else paint(r, c, ascii ? p.ascii : p.symbol, color, 'mark');
    }
    const last = p.points[p.points.length - 1];
    if (k === p.points.length && p.points.length > 1) ends.push({ path: p, r: rowOf(last[1]), c: colOf(last[0]), glyph: ownGlyphs ? pick(p.end!) : pick(END_MARK) });
  }
  // Where each run stopped, when that is on the map (a minimum's mark, drawn next, covers it there).
  for (const e of ends) paint(e.r, e.c, e.glyph, RUN_COLORS[e.path.series % RUN_COLORS.length], 'mark');
  for (const m of spec.marks ?? []) {
    if (within(box, m.x, m.y)) paint(rowOf(m.y), colOf(m.x), ascii ? m.ascii : m.symbol, m.series === undefined ? 'whiteBright' : RUN_COLORS[m.series % RUN_COLORS.length], 'mark');
  }
  for (const a of spec.arrows ?? []) {
    // The direction on screen: a cell is CELL_ASPECT times taller than wide, and the axes may have
    // different scales (sx, sy: screen units per data unit). A contour's tangent t is drawn as
    // (sx·tx, sy·ty), so the normal to the contour as drawn is (gx/sx, gy/sy): along it the arrow is
    // perpendicular to the contours on screen and points the way f rises (or falls).
    const sx = 1 / cw;
    const sy = CELL_ASPECT / ch;
    let u = a.dx / sx;
    let v = a.dy / sy;
    const len = Math.hypot(u, v);
    if (!(len > 0)) continue;
    [u, v] = [u / len, v / len];
    const [r0, c0] = [rowOf(a.y), colOf(a.x)];
    const body = lineGlyph(u, v, ascii, a.kind === 'descent');
    const head = arrowHead(u, v, ascii, a.kind === 'descent');
    const reach = 7; // in column widths
    let last: [number, number] | null = null;
    for (let t = 0.5; t <= reach; t += 0.25) {
      const c = c0 + Math.round(u * t);
      const r = r0 - Math.round((v * t) / CELL_ASPECT);
      if (r < 0 || r >= H || c < 0 || c >= W) break;
      if ((r === r0 && c === c0) || (last && last[0] === r && last[1] === c)) continue;
      if (last) paint(last[0], last[1], body, 'whiteBright', 'arrow');
      last = [r, c];
    }
    if (last) paint(last[0], last[1], head, 'whiteBright', 'arrow');
  }

  // Text.
  const lines: string[] = [];
  const say = (t: string) => plainText(t, ascii);
  if (spec.title) lines.push(...wrapLine(say(spec.title), spec.width));
  lines.push(' '.repeat(labelWidth + 1) + spec.vars[1]);
  const labelAt = new Map<number, string>();
  for (const l of yLabels) {
    const r = rowOf(l.v);
    if (!labelAt.has(r)) labelAt.set(r, l.text);
  }
  for (let r = 0; r < H; r++) {
    const label = labelAt.get(r);
    const axis = label !== undefined ? (ascii ? '+' : '┤') : ascii ? '|' : '│';
    const body = cells[r].map((cell, c) => {
      const color = colorOf[r][c];
      if (!spec.colors) return cell.ch;
      const styled = color ? styleOf(color)(cell.ch) : cell.ch;
      return cell.over === 'mark' || cell.over === 'arrow' ? chalk.bold(styled) : styled;
    }).join('');
    lines.push(`${(label ?? '').padStart(labelWidth)} ${axis}${body}`);
  }
  lines.push(...xAxis(box, xTicks, W, labelWidth, colOf, ascii, spec.vars[0]));
  // The bands whose shading is to be seen: a band only crossed by contour lines, or only under
  // marks, is not listed (a legend of bands the map never shows sends the reader looking for them).
  const shaded = new Set(cells.flatMap((row) => row.flatMap((c) => (c.band >= 0 && c.ch === shades[c.band] ? [c.band] : []))));
  lines.push(...levelLegend(levels, shades, spec, chalk, edgesUsed, undefinedUsed, cells.some((row) => row.some((c) => c.band >= 0)), shaded));
  const seen = new Set<string>();
  for (const m of [...(spec.marks ?? [])]) {
    if (!m.label || seen.has(m.label)) continue;
    seen.add(m.label);
    lines.push(...wrapLine(say(`  ${ascii ? m.ascii : m.symbol}  ${m.label}`), spec.width));
  }
  const nameOf = (series: number) => paths.find((p) => p.series === series)?.label.split(':')[0] ?? `run ${series + 1}`;
  // Each run's line names what it is drawn with: without colour, its trail and its end glyph, as
  // they are on the map; and what covers its end when something does (a minimum's mark, the start).
  const endOf = new Map(ends.map((e) => [e.path, e]));
  for (const p of paths) {
    const e = endOf.get(p);
    const shown = e && cells[e.r][e.c].ch;
    const other = e && ends.find((o) => o !== e && o.glyph === shown && o.r === e.r && o.c === e.c);
    const under = !e || shown === e.glyph ? '' : other && ownGlyphs ? `it stopped in the cell where ${nameOf(other.path.series)} did (${shown})` : `it stopped under the ${shown}`;
    const what = ownGlyphs
      ? `; ${pick(p.trail!)} between its steps` + (!e ? '' : under ? `, ${under}` : `, ${e.glyph} where it stopped`)
      : under && !other ? `; ${under}` : '';
    lines.push(...wrapLine(say(`  ${pick(p)}  ${p.label}${what}`), spec.width));
  }
  // One line per set of runs sharing cells, where the ⊕ is still to be seen (a start or a minimum's mark goes on top).
  const both = new Map<string, { runs: number[]; cells: number }>();
  for (const [key, runs] of visitors) {
    const [r, c] = key.split(',').map(Number);
    if (runs.length < 2 || cells[r][c].ch !== (ascii ? BOTH_MARK.ascii : BOTH_MARK.symbol)) continue;
    both.set(runs.join(','), { runs, cells: (both.get(runs.join(','))?.cells ?? 0) + 1 });
  }
  // One line for the one mark: several lines for one glyph ("lr 0.02 and lr 0.09 …", "lr 0.09 and
  // lr 0.11 …") could not tell a reader which runs met in a given cell.
  const sets = [...both.values()];
  if (sets.length) {
    const list = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]);
    const total = sets.reduce((n, b) => n + b.cells, 0);
    const times = total === 1 ? 'once' : `${total} such cells`;
    const runs = [...new Set(sets.flatMap((b) => b.runs))].sort((a, b) => a - b).map(nameOf);
    const what = sets.length === 1
      ? `${list(runs)} ${runs.length === 2 ? 'both' : 'all'} visited this cell (${times})`
      : `two or more of ${list(runs)} visited this cell (${times})`;
    lines.push(...wrapLine(say(`  ${ascii ? BOTH_MARK.ascii : BOTH_MARK.symbol}  ${what}`), spec.width));
  }
  // One glyph for every run's end (in its colour, when there is colour): said when one is seen.
  if (!ownGlyphs && ends.some((e) => cells[e.r][e.c].ch === e.glyph)) {
    const whose = paths.length === 1 ? 'where the run stopped' : spec.colors ? 'where a run stopped, in its colour' : 'where a run stopped';
    lines.push(...wrapLine(`  ${pick(END_MARK)}  ${whose}`, spec.width));
  }
  if (spec.arrows?.length) {
    const a = spec.arrows.find((x) => x.kind === 'ascent');
    const d = spec.arrows.find((x) => x.kind === 'descent');
    const show = (x: MapArrow) => {
      const n = Math.hypot(x.dx / (1 / cw), x.dy / (CELL_ASPECT / ch)) || 1;
      return arrowHead(x.dx / (1 / cw) / n, x.dy / (CELL_ASPECT / ch) / n, ascii, x.kind === 'descent');
    };
    if (a) lines.push(...wrapLine(`  ${show(a)}  the gradient: uphill, the way f rises fastest, across the contours`, spec.width));
    if (d) lines.push(...wrapLine(`  ${show(d)}  minus the gradient: steepest descent, the way gradient descent steps`, spec.width));
  }
  const stretch = (1 / cw) / (CELL_ASPECT / ch);
  const summary = [...(spec.summary ?? [])];
  if (stretch > 1.3 || stretch < 1 / 1.3) {
    summary.push(`Scale: one ${spec.vars[0]} unit is ${fmt(1 / cw, 3)} columns, one ${spec.vars[1]} unit ${fmt(1 / ch, 3)} rows, so the map is stretched ${stretch > 1 ? 'across' : 'up and down'} by ${fmt(stretch > 1 ? stretch : 1 / stretch, 2)}×${spec.arrows?.length ? '; the arrows are drawn perpendicular to the contours as shown' : ''}.`);
  }
  for (const s of summary) lines.push(...wrapLine(say(s), spec.width));
  const text = lines.map((l) => l.replace(/\s+$/, '')).join('\n') + '\n';
  return { text, levels, cells, cellOf: (x, y) => [colOf(x), rowOf(y)], centreOf: (c, r) => [xAt(c), yAt(r)], columns: W, rows: H };
}

function within(b: Box, x: number, y: number): boolean {
  return Number.isFinite(x) && Number.isFinite(y) && x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
}

/** The part of segment a–b inside the box (Liang–Barsky), or null. */
export function clip(a: readonly [number, number], b: readonly [number, number], box: Box): [[number, number], [number, number]] | null {
  if (![...a, ...b].every(Number.isFinite)) return null;
  let [t0, t1] = [0, 1];
  const d = [b[0] - a[0], b[1] - a[1]];
  const edges: [number, number][] = [[-d[0], a[0] - box.x0], [d[0], box.x1 - a[0]], [-d[1], a[1] - box.y0], [d[1], box.y1 - a[1]]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [[a[0] + t0 * d[0], a[1] + t0 * d[1]], [a[0] + t1 * d[0], a[1] + t1 * d[1]]];
}

/** The octant of a direction on screen (u right, v up): 0 east, 1 north-east, … 7 south-east. */
export function octant(u: number, v: number): number {
  return ((Math.round(Math.atan2(v, u) / (Math.PI / 4)) % 8) + 8) % 8;
}

function lineGlyph(u: number, v: number, ascii: boolean, dotted = false): string {
  const o = octant(u, v) % 4;
  if (dotted) return ascii ? ['~', '/', '!', '\\'][o] : ['┄', '╱', '┆', '╲'][o];
  return ascii ? ['-', '/', '|', '\\'][o] : ['─', '╱', '│', '╲'][o];
}

function arrowHead(u: number, v: number, ascii: boolean, hollow = false): string {
  const o = octant(u, v);
  if (ascii) return ['>', '>', '^', '<', '<', '<', 'v', '>'][o];
  // Not ↗ ↖ ↙ ↘: those are emoji too, two columns wide to string-width (the tutor's wrapping) and
  // to some terminals; ⬈ ⬉ ⬋ ⬊ are plain arrows, one column everywhere.
  return (hollow ? ['⇒', '⇗', '⇑', '⇖', '⇐', '⇙', '⇓', '⇘'] : ['→', '⬈', '↑', '⬉', '←', '⬋', '↓', '⬊'])[o];
}

/** The x ticks for a map `W` columns wide: as many as their labels have room for. */
function xTicksFor(box: Box, W: number): { step: number; values: number[] } {
  return ticks(box.x0, box.x1, mostXTicks(box, W));
}

const mostXTicks = (box: Box, W: number) => Math.max(2, Math.floor(W / (Math.max(String(Math.round(box.x0)).length, String(Math.round(box.x1)).length) + 5)));

/** Whether these ticks' labels, centred under them, have room on a map `W` columns wide (a space between). */
function fitsTicks(box: Box, t: { step: number; values: number[] }, W: number): boolean {
  if (t.values.length < 2) return true;
  const f = labelFormatter(t.step, Math.max(Math.abs(box.x0), Math.abs(box.x1)));
  const widest = Math.max(...t.values.map((v) => f(v).length));
  return ((W - 1) * t.step) / (box.x1 - box.x0) >= widest + 1;
}

function xAxis(box: Box, xTicks: { step: number; values: number[] }, W: number, labelWidth: number, colOf: (x: number) => number, ascii: boolean, title: string): string[] {
  const { step, values } = xTicks;
  const f = labelFormatter(step, Math.max(Math.abs(box.x0), Math.abs(box.x1)));
  const rule = new Array(W).fill(ascii ? '-' : '─');
  const labels = new Array(labelWidth + 2 + W + 8).fill(' ');
  let free = 0;
  for (const v of values) {
    const c = colOf(v);
    rule[c] = ascii ? '+' : '┬';
    const text = f(v);
    // Centred under its tick, or (the last) pushed left to fit; never pushed right off its tick by
    // the label before it, which would put it under the wrong column: then it is left out.
    const start = Math.min(labelWidth + 2 + c - Math.floor((text.length - 1) / 2), labelWidth + 2 + W - text.length);
    if (start < free) continue;
    for (let i = 0; i < text.length; i++) labels[start + i] = text[i];
    free = start + text.length + 1;
  }
  const tickLine = labels.join('').trimEnd();
  const withTitle = tickLine.length + 2 + title.length <= labelWidth + 2 + W ? tickLine.padEnd(labelWidth + 2 + W - title.length) + title : `${tickLine}\n${' '.repeat(Math.max(0, labelWidth + 2 + W - title.length))}${title}`;
  return [`${' '.repeat(labelWidth + 1)}${ascii ? '+' : '└'}${rule.join('')}`, ...withTitle.split('\n')];
}

function levelLegend(levels: Levels, shades: string[], spec: MapSpec, chalk: InstanceType<typeof Chalk>, edges: boolean, undef: boolean, anyDefined: boolean, shaded: ReadonlySet<number>): string[] {
  if (!anyDefined) return [`  ${UNDEFINED}  f is undefined everywhere in this box`];
  const v = levels.values;
  const n = (x: number) => fmt(x, 3);
  // An en dash reads as a range between positive numbers (0–1.5), not between negative ones
  // ("-3–-1.5" is a row of dashes): with any level below 0, every range says "to", in ASCII too.
  const dash = spec.ascii || v.some((x) => x < 0) ? ' to ' : '–';
  const entries = v.length
    ? Array.from({ length: v.length + 1 }, (_, k) => k).filter((k) => shaded.has(k)).map((k) => {
        const range = k === 0 ? `< ${n(v[0])}` : k === v.length ? `≥ ${n(v[k - 1])}` : `${n(v[k - 1])}${dash}${n(v[k])}`;
        const shade = shades[k];
        const painted = BAND_COLORS[k] ? (chalk as unknown as Record<string, (s: string) => string>)[BAND_COLORS[k]](shade) : shade;
        return { plain: `[${shade}] ${range}`, shown: `[${painted}] ${spec.ascii ? range.replace('≥', '>=') : range}` };
      })
    : [{ plain: '[ ] f is level everywhere here', shown: '[ ] f is level everywhere here' }];
  const head = `f(${spec.vars[0]}, ${spec.vars[1]}) in bands, denser = higher${levels.spacing === 'quantile' ? ' (levels by share of the map: f spans a wide range)' : ''}:`;
  const out = [...wrapLine(head, spec.width)];
  let line = ' ';
  let plainLen = 1;
  for (const e of entries) {
    if (plainLen > 1 && plainLen + 2 + e.plain.length > spec.width) {
      out.push(line);
      line = ' ';
      plainLen = 1;
    }
    line += ` ${e.shown} `;
    plainLen += e.plain.length + 2;
  }
  out.push(line);
  if (edges) out.push(...wrapLine('  ⠉⣀⡇⢸… a band’s edge (a contour line), dotted on its higher side', spec.width));
  if (undef) out.push(...wrapLine(`  ${UNDEFINED}  f is undefined there`, spec.width));
  return out;
}

/** A line wrapped at spaces to `width`, continuation lines indented by two more; a legend's "  ●  " prefix kept as it is. */
function wrapLine(t: string, width: number): string[] {
  if ([...t].length <= width) return [t];
  const indent = t.match(/^\s*/)![0];
  const prefix = /^\s*\S{1,2} {2}/.exec(t)?.[0] ?? indent;
  const rest = wrapWords(t.slice(prefix.length), width - Math.max(prefix.length, indent.length + 2));
  return rest.map((l, i) => (i === 0 ? prefix : indent + '  ') + l);
}
