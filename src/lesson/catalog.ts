import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, resolve, delimiter, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { parseMeta, idFromFileName, courseIdFromFileName, idMismatch } from './meta.js';
import { headText, readHead } from './load.js';
import { sanitize } from './sanitize.js';
import { oneLine } from './inline.js';
import { lessonKey } from './model.js';

export interface CatalogEntry {
  /** The lesson's id, as Lesson.id: the title's, or a course file name's where the two differ. */
  id: string;
  /** The id the title heading gives (null when it gives none). */
  titleId: string | null;
  /** The lesson's key (id and title, see Lesson.key): two course files share an id, none both. */
  key: string;
  title: string;
  difficulty: string | null;
  estimatedTime: string | null;
  path: string;
  bundled: boolean;
}

let root: string | undefined;
/** The installed package's folder, found from this module (bundled in dist/ or run from src/ by jest). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'lessons'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('calc-ml: cannot find its own package folder (lessons/ is missing)');
    dir = up;
  }
  return (root = dir);
}

export function bundledLessonsDir(): string {
  return join(packageRoot(), 'lessons');
}

/**
 * Folders to look for lessons in: --dir values, then CALC_ML_LESSONS (a path list). A folder the
 * variable names that is not there is left out here; lessonsEnvProblems says so, and each command
 * either stops on it (`lessons`, a lesson asked for by id and not found) or notes it and goes on.
 */
export function lessonDirs(dirs: string[] = [], env: string | undefined = process.env.CALC_ML_LESSONS): string[] {
  const fromEnv = envFolders(env).filter((f) => !f.problem).map((f) => f.path);
  return [...dirs.map((d) => resolve(d)), ...fromEnv];
}

function envFolders(env: string | undefined): { path: string; problem: string | null }[] {
  return (env ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((d) => {
      const path = resolve(d);
      try {
        return { path, problem: statSync(path).isDirectory() ? null : 'which is a file, not a folder' };
      } catch {
        return { path, problem: 'which does not exist' };
      }
    });
}

/**
 * One line per folder CALC_ML_LESSONS names that is not a folder: what is wrong, where, and what to
 * do. (It was passed over without a word: a learner's course just did not show up.)
 */
export function lessonsEnvProblems(env: string | undefined = process.env.CALC_ML_LESSONS): string[] {
  return envFolders(env)
    .filter((f) => f.problem)
    .map((f) => `CALC_ML_LESSONS names ${f.path}, ${f.problem}; set it to your course's folder of lesson .md files (several separated by '${delimiter}'), or unset it`);
}

/**
 * Every *.md below `dir`, recursively (README files are course notes, not lessons). Symbolic links
 * are followed, each folder read once (a link loop ends there); a folder that cannot be read, or a
 * broken link, is passed over and put in `skipped` with the reason, so one bad folder never hides
 * the rest of a course.
 */
export function findLessonFiles(dir: string, skipped: { path: string; reason: string }[] = []): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new UserError(`${dir}: no such folder; --dir and CALC_ML_LESSONS take folders of lesson .md files`);
  }
  if (!st.isDirectory()) throw new UserError(`${dir} is not a folder; --dir and CALC_ML_LESSONS take folders of lesson .md files`);
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = (d: string, depth: number) => {
    if (depth > 20) return;
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(d);
      if (visited.has(real)) return;
      visited.add(real);
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: d, reason: `cannot read this folder (${(e as NodeJS.ErrnoException).code ?? e}); skipped` });
      return;
    }
    // `d` is already normal (resolved, then joined onto): a separator and the name are all a path
    // needs, without join's normalising pass over it for each of a course's 1,268 files.
    const prefix = d === '.' ? '' : d.endsWith(sep) ? d : d + sep;
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = prefix + e.name;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const t = statSync(p);
          isDir = t.isDirectory();
          isFile = t.isFile();
        } catch {
          if (/\.md$/i.test(e.name)) skipped.push({ path: p, reason: 'a broken symbolic link' });
          continue;
        }
      }
      if (isDir) walk(p, depth + 1);
      else if (isFile && /\.md$/i.test(e.name) && !/^readme\.md$/i.test(e.name)) out.push(p);
    }
  };
  walk(normalize(dir), 0);
  return out;
}

const HEAD_BYTES = 2048;
const HEADING = /^\s{0,3}#\s+(?:lesson\s+(\d+(?:\.\d+)+)\s*[:\-–—]\s*)?(.+?)\s*#*\s*$/i;

/**
 * What a listing needs from the top of a lesson: its id, title and meta line. Written by hand (a
 * line scan of the first 2 KiB) because running marked's lexer per file costs more than reading it,
 * and the listing must stay within 3× the time of merely reading the files.
 */
export function scanHead(head: string, fileName?: string): Omit<CatalogEntry, 'path' | 'bundled' | 'key'> | null {
  return scanUpTo(head, fileName, false) ?? null;
}

/**
 * scanHead on a head cut just before a line that opens with '## ' (`cut`): the result stands when
 * that line ends the scan (the title was found, outside a fence); undefined when it would not, and
 * the whole head must be scanned.
 */
function scanUpTo(head: string, fileName: string | undefined, cut: boolean): Omit<CatalogEntry, 'path' | 'bundled' | 'key'> | null | undefined {
  // Only what is kept is sanitized (the title and meta values), not the whole head: the listing
  // reads 1,268 heads.
  let id = '';
  let title = '';
  const meta = { estimatedTime: null, difficulty: null, prerequisites: null, topic: null };
  let fence = false;
  let ended = false;
  // Line by line up to the first section: most of the head is never looked at.
  for (let at = 0; at < head.length; ) {
    let end = head.indexOf('\n', at);
    if (end < 0) end = head.length;
    const line = head.slice(at, end);
    at = end + 1;
    if (/^\s{0,3}(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    if (!title) {
      const m = HEADING.exec(line);
      if (m) {
        id = m[1] ?? '';
        title = oneLine(m[2].replace(/\*\*|__/g, ''));
      }
    } else if (/^\s{0,3}##\s/.test(line)) {
      ended = true;
      break;
    } else if (/\*\*[^*]+\*\*\s*:/.test(line)) {
      parseMeta(line, meta);
    }
  }
  if (cut && !ended && (fence || !title)) return undefined;
  // As parse.ts decides it: a course file name's id over a title's that differs (see Lesson.id).
  const titleId = id || null;
  id = courseIdFromFileName(fileName) ?? (id || idFromFileName(fileName) || '');
  title = oneLine(sanitize(title));
  if (!title || !id) return null;
  const clean = (v: string | null) => (v === null ? null : oneLine(sanitize(v)) || null);
  return { id, titleId, title, difficulty: clean(meta.difficulty), estimatedTime: clean(meta.estimatedTime) };
}

export function compareIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

export interface Listing {
  entries: CatalogEntry[];
  /** Files that are not lessons (no "# Lesson X.Y.Z" title), with the reason. */
  skipped: { path: string; reason: string }[];
}

const headBuffer = Buffer.allocUnsafe(HEAD_BYTES);
const SECTION_LINE = Buffer.from('\n## ');

function entryFor(path: string, bundled: boolean): CatalogEntry | { path: string; reason: string } {
  let head: Buffer;
  try {
    head = readHead(path, HEAD_BYTES, headBuffer);
  } catch (e) {
    return { path, reason: `cannot read it (${(e as NodeJS.ErrnoException).code ?? e})` };
  }
  if (head.length === 0) return { path, reason: 'empty' };
  // The scan stops at the first section, so only the bytes before it are made a string: 2 KiB
  // strings of 1,268 heads kept the garbage collector busy for a tenth of the listing. The whole
  // head is checked as text all the same, and scanned when the cut falls inside a fence or before the title.
  const section = head.indexOf(SECTION_LINE);
  const text = headText(head, section < 0 ? head.length : section);
  if (text === null) return { path, reason: 'binary, not a lesson' };
  const info = section < 0 ? scanHead(text, path) : (scanUpTo(text, path, true) ?? scanHead(headText(head)!, path));
  if (!info) return { path, reason: 'no "# Lesson X.Y.Z: Title" heading' };
  // A literal, not a spread of info: one object shape for every entry, made once per lesson.
  return { id: info.id, titleId: info.titleId, title: info.title, difficulty: info.difficulty, estimatedTime: info.estimatedTime, key: lessonKey(info.id, info.title), path, bundled };
}

type IdEntry = Pick<CatalogEntry, 'id' | 'title' | 'path'> & { titleId?: string | null };

/**
 * What would mix two lessons up: one id used by lessons with different titles (progress is kept
 * by key, but `calc-ml start 1.2.3` finds only the first), and a title id that is not the one in
 * the file name. One line each, for `lessons` and `check --course`.
 */
export function idProblems(entries: IdEntry[]): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const byId = new Map<string, Pick<CatalogEntry, 'id' | 'title' | 'path'>[]>();
  for (const e of entries) {
    const list = byId.get(e.id);
    if (list) list.push(e);
    else byId.set(e.id, [e]);
  }
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    // The same lesson twice (the bundled one and a copy in --dir) is one lesson.
    for (const e of list.slice(1).filter((e) => lessonKey(e.id, e.title) !== lessonKey(list[0].id, list[0].title))) {
      out.push({ path: e.path, message: `lesson id ${id} is also used by ${list[0].path} ("${list[0].title}"); an id picks the first, so give this lesson its own id` });
    }
  }
  for (const e of entries) {
    const fromName = idFromFileName(e.path);
    const fromTitle = e.titleId === undefined ? e.id : e.titleId;
    if (fromName && fromTitle && fromName !== fromTitle) out.push({ path: e.path, message: idMismatch(fromTitle, fromName, e.id) });
  }
  return out;
}

export function listLessons(dirs: string[]): Listing {
  const entries: CatalogEntry[] = [];
  const skipped: Listing['skipped'] = [];
  const seen = new Set<string>();
  const add = (path: string, bundled: boolean) => {
    // findLessonFiles joins onto resolved folders, so its paths are already absolute and normal.
    const key = isAbsolute(path) ? path : resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    const e = entryFor(path, bundled);
    if ('id' in e) entries.push(e);
    else skipped.push(e);
  };
  for (const f of findLessonFiles(bundledLessonsDir(), skipped)) add(f, true);
  for (const d of dirs) for (const f of findLessonFiles(d, skipped)) add(f, false);
  // One string key per entry, compared natively: each id part padded to one width (so 3.10 follows
  // 3.9, and 1.2 comes before 1.2.0), then the bundled copy first, then the path. 1,268 lessons take
  // ~13,000 comparisons, and a comparator of number arrays ran them in cold code.
  let width = 1;
  for (const e of entries) for (const part of e.id.split('.')) width = Math.max(width, part.length);
  const sortKey = (e: CatalogEntry) => `${e.id.split('.').map((p) => p.padStart(width, '0')).join('.')}\0${e.bundled ? 0 : 1}${e.path}`;
  const keyed = entries.map((e) => ({ k: sortKey(e), e }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  for (let i = 0; i < keyed.length; i++) entries[i] = keyed[i].e;
  return { entries, skipped };
}

const ID_REF = /^\d+(?:\.\d+)+$/;

/**
 * The lesson an id names. A title with a typo ('# Lesson 1.1.50' in Lesson-1.1.51-….md, whose links
 * say 1.1.51) takes the file name's id, 1.1.51 (see Lesson.id); the id its title says still finds
 * it when no other lesson has that id, as does the id in any file name. A lesson whose own id is
 * the one asked for wins, then one whose title and file name also say it. When several answer, the
 * learner is told which one opens and how to open the other.
 */
export function pickById<E extends IdEntry>(entries: E[], ref: string, warn?: (line: string) => void): E | undefined {
  const titleIdOf = (e: E) => (e.titleId === undefined ? e.id : e.titleId);
  const candidates = entries.filter((e) => e.id === ref || titleIdOf(e) === ref || idFromFileName(e.path) === ref);
  // The same lesson twice (bundled and a copy in --dir) is one lesson: keep the first.
  const distinct = candidates.filter((e, i) => candidates.findIndex((o) => lessonKey(o.id, o.title) === lessonKey(e.id, e.title) && idFromFileName(o.path) === idFromFileName(e.path)) === i);
  const score = (e: E) => (e.id === ref ? 4 : 0) + ((titleIdOf(e) ?? ref) === ref ? 2 : 0) + ((idFromFileName(e.path) ?? ref) === ref ? 1 : 0);
  const best = [...distinct].sort((a, b) => score(b) - score(a))[0];
  for (const other of distinct.filter((e) => e !== best)) {
    warn?.(`Note: ${other.path} also answers to ${ref} (its title says ${titleIdOf(other) ?? 'no id'}, its file name ${idFromFileName(other.path) ?? 'no id'}); opening ${best.path}; give the other's path to open it.`);
  }
  return best;
}

/** `[lesson]` → a file path: nothing means the bundled lesson; an id is looked up; else a path. */
export function resolveLessonRef(ref: string | undefined, dirs: string[], warn?: (line: string) => void): string {
  if (!ref) {
    const bundled = findLessonFiles(bundledLessonsDir());
    if (!bundled.length) throw new Error('calc-ml: the bundled lesson is missing from lessons/');
    return bundled.sort()[0];
  }
  if (ID_REF.test(ref) && !existsSync(ref)) {
    const { entries, skipped } = listLessons(dirs);
    for (const s of skipped) if (/^cannot read this folder/.test(s.reason)) warn?.(`Note: ${s.path}: ${s.reason}.`);
    const hit = pickById(entries, ref, warn);
    if (hit) return hit.path;
    const known = entries.map((e) => e.id).join(', ');
    const env = lessonsEnvProblems();
    throw new UserError(
      env.length
        ? `no lesson ${ref} found: ${env[0]}`
        : `no lesson ${ref} found (known: ${known || 'none'}); point at its folder with --dir DIR or CALC_ML_LESSONS, or give the file's path`,
    );
  }
  return ref;
}
