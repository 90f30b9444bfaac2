import { closeSync, openSync, readSync, statSync, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { UserError } from '../errors.js';
import { idFromFileName } from './meta.js';
import { classifySection } from './sections/classify.js';

export const MAX_LESSON_BYTES = 1024 * 1024;

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** One decoder for every check (a listing checks over a thousand heads). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a file's head, or null when it is binary (a NUL byte, or not UTF-8 apart from a
 * character cut at the end of the head). The whole head is checked; only its first `upTo` bytes (a
 * character boundary) are decoded, the part a listing scans.
 */
export function headText(buf: Buffer, upTo = buf.length): string | null {
  if (buf.includes(0)) return null;
  // A byte-order mark is not text (TextDecoder drops it too).
  const from = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  if (isUtf8(buf)) return buf.toString('utf8', from, upTo);
  if (buf.length <= 3) return null;
  const valid = buf.length - 3;
  return isUtf8(buf.subarray(0, valid)) ? buf.toString('utf8', from, Math.min(upTo, valid)) : null;
}

/** Binary content: a NUL byte, or text that is not valid UTF-8. */
export function looksBinary(buf: Buffer): boolean {
  if (buf.includes(0)) return true;
  try {
    strictUtf8.decode(buf);
    return false;
  } catch {
    // A head read may cut a multi-byte character at its end: allow up to 3 trailing bytes.
    try {
      strictUtf8.decode(buf.subarray(0, Math.max(0, buf.length - 3)));
      return buf.length > 3 ? false : true;
    } catch {
      return true;
    }
  }
}

function statOrFail(path: string) {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${path}: no such file; give a lesson file (.md), a lesson id such as 1.2.26, or nothing for the bundled lesson`);
    if (code === 'EACCES') throw new UserError(`${path}: permission denied; check the file's permissions`);
    throw new UserError(`${path}: cannot read it (${code ?? String(e)})`);
  }
}

const LESSON_KINDS = new Set(['objectives', 'coreIdeas', 'exercises', 'miniProject', 'quiz', 'part', 'answerKey', 'practice', 'takeaways', 'homework']);

/**
 * A README or notes file has headings too: a lesson has its "# Lesson X.Y.Z" title, an id in its
 * file name, or at least one section a lesson has. Without any of them, calc-ml says so rather than
 * show or check it as a lesson with every section missing.
 */
function looksLikeLesson(text: string, path: string): boolean {
  if (idFromFileName(path)) return true;
  // Headings inside a code fence (a README showing a lesson's shape) are not the file's own.
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1][0];
      else if (f[1][0] === fence && !line.replace(/^\s*[`~]+/, '').trim()) fence = null;
      continue;
    }
    if (fence) continue;
    if (/^\s{0,3}#\s+lesson\b/i.test(line)) return true;
    const h = /^\s{0,3}##\s+(.+?)\s*#*\s*$/.exec(line);
    if (h && LESSON_KINDS.has(classifySection(h[1]))) return true;
  }
  return false;
}

/** Reads a lesson file whole, refusing what cannot be a lesson, with one clear reason each. */
export function readLessonFile(path: string): string {
  const st = statOrFail(path);
  if (st.isDirectory()) throw new UserError(`${path} is a directory; give a lesson file inside it, or list them with: calc-ml lessons --dir ${path}`);
  if (!st.isFile()) throw new UserError(`${path} is not a regular file; give a lesson .md file`);
  if (st.size > MAX_LESSON_BYTES) throw new UserError(`${path} is ${describeSize(st.size)}; lesson files are at most 1 MiB`);
  if (st.size === 0) throw new UserError(`${path} is empty; a lesson starts with "# Lesson X.Y.Z: Title"`);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new UserError(`${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (looksBinary(buf)) throw new UserError(`${path} is a binary file, not a lesson; lessons are markdown text (UTF-8)`);
  const text = buf.toString('utf8');
  if (!text.trim()) throw new UserError(`${path} has only blank space; a lesson starts with "# Lesson X.Y.Z: Title"`);
  if (!/^\s{0,3}#{1,6}\s/m.test(text)) throw new UserError(`${path} is not a lesson: it has no markdown heading ("# Lesson X.Y.Z: Title")`);
  if (!looksLikeLesson(text, path)) {
    throw new UserError(`${path} is not a lesson: it has no "# Lesson X.Y.Z: Title" heading, no lesson id in its file name, and none of a lesson's sections ("## Learning Objectives", "## Exercises", "## Quiz & Assessment", …)`);
  }
  const shape = shapeProblem(text);
  if (shape) throw new UserError(`${path}:${shape.line}: ${shape.message}`);
  return text;
}

/** The longest line a lesson may have (the course's longest is 161 characters). */
export const MAX_LESSON_LINE = 10_000;
/** The longest paragraph of running text, outside code (the course's longest is about 500). */
export const MAX_PARAGRAPH = 2_000;
/** The most rows one table may have (the course's longest has 10). */
export const MAX_TABLE_ROWS = 1_000;
/** The deepest a list item may be indented, in columns (the course's deepest is 3). */
export const MAX_LIST_INDENT = 64;
/** The most list or quote markers one line may open (`- - - x`, `> > x`). */
export const MAX_NESTING = 16;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * What makes a file under the size cap cost far more than its size to parse. Profiled (node
 * --cpu-prof on `show` and `check`): marked's inline pass is quadratic within one paragraph (the
 * GFM e-mail lookahead rescans a run of `a_a_a…`, and each unclosed `_` or `**` rescans the rest of
 * its paragraph: 16,000 characters of `_a` took 0.7 s, 9,000-character paragraphs filling 900 KB
 * 26 s), cli-table3 lays a table out in time that grows faster than its rows (20,000 rows 14 s), and
 * deep nesting costs memory (1,000 list levels took 853 MB). Capping what one paragraph, one table
 * and one line may hold keeps the cost linear in the file; no lesson comes near the caps. A file
 * past one is refused with its line, before it is parsed. (marked 15 was also cubic on `[a](`
 * repeated: 2,000 took 35 s; marked 18 takes 22 ms.)
 */
export function shapeProblem(text: string): { line: number; message: string } | null {
  let line = 0;
  let fence: string | null = null;
  let paragraph = { start: 0, length: 0 };
  let table = { start: 0, rows: 0 };
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const length = end - start;
    if (length > MAX_LESSON_LINE) {
      return { line, message: `the line is ${length.toLocaleString('en')} characters long; lesson lines are at most ${MAX_LESSON_LINE.toLocaleString('en')}: break it into paragraphs` };
    }
    const text80 = text.slice(start, Math.min(end, start + 4 * MAX_LIST_INDENT));
    const fenceMark = FENCE.exec(text80)?.[1];
    if (fence !== null) {
      // Code is not parsed for emphasis or links: only the line cap applies inside a fence.
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      start = end + 1;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      paragraph = { start: line, length: 0 };
      start = end + 1;
      continue;
    }
    const head = /^[ \t]*(?:(?:[-*+>]|\d{1,9}[.)])(?:[ \t]+|$))*/.exec(text80)![0];
    const markers = head.match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0;
    const indent = /^[ \t]*/.exec(head)![0].replace(/\t/g, '    ').length;
    if (markers && indent > MAX_LIST_INDENT) return { line, message: `a list nested more than ${MAX_LIST_INDENT} columns deep; lesson lists nest a few levels at most` };
    if (markers > MAX_NESTING) return { line, message: `lists or quotes nested more than ${MAX_NESTING} deep; lesson lists nest a few levels at most` };
    const rest = text.slice(start + head.length, end).trim();
    if (rest.startsWith('|')) {
      // A table row: its cells are short paragraphs of their own. The delimiter row is not counted.
      if (table.rows === 0) table.start = line;
      if (++table.rows > MAX_TABLE_ROWS + 1) return { line: table.start, message: `a table of more than ${MAX_TABLE_ROWS.toLocaleString('en')} rows; lesson tables are at most ${MAX_TABLE_ROWS.toLocaleString('en')}: split it` };
      paragraph = { start: line, length: 0 };
    } else {
      table.rows = 0;
      // A blank line ends a paragraph; a heading, a list item or a quote starts a new one.
      if (rest === '') paragraph = { start: line + 1, length: 0 };
      else {
        if (markers || rest.startsWith('#')) paragraph = { start: line, length: 0 };
        paragraph.length += rest.length + 1;
        if (paragraph.length > MAX_PARAGRAPH + 1) {
          return { line: paragraph.start, message: `a paragraph of more than ${MAX_PARAGRAPH.toLocaleString('en')} characters; lesson paragraphs are at most ${MAX_PARAGRAPH.toLocaleString('en')}: break it with a blank line` };
        }
        if (rest.startsWith('#')) paragraph = { start: line + 1, length: 0 };
      }
    }
    start = end + 1;
  }
  return null;
}

/** The first `bytes` of a file: what a listing needs (title and meta sit at the top). */
export function readHead(path: string, bytes: number, into?: Buffer): Buffer {
  const fd = openSync(path, 'r');
  try {
    // A listing reads over a thousand heads: one buffer for all of them spares the garbage collector.
    const buf = into && into.length >= bytes ? into : Buffer.allocUnsafe(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * The answer key beside a lesson file (`x.md` → `x.key.yaml`), or null when there is none.
 * Parse it with parseKey (lesson/key.ts); a key that cannot be read is an error naming the file.
 */
export function readKeyBeside(lessonPath: string): { path: string; text: string } | null {
  const path = lessonPath.replace(/\.(md|markdown)$/i, '') + '.key.yaml';
  let st;
  try {
    st = statSync(path);
  } catch {
    return null;
  }
  if (!st.isFile()) throw new UserError(`${path} is not a regular file; an answer key is a YAML file`);
  if (st.size > MAX_LESSON_BYTES) throw new UserError(`${path} is ${describeSize(st.size)}; answer keys are at most 1 MiB`);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new UserError(`${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (looksBinary(buf)) throw new UserError(`${path} is a binary file, not an answer key; keys are YAML text (UTF-8)`);
  return { path, text: buf.toString('utf8') };
}
