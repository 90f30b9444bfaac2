import { closeSync, openSync, readSync, statSync, readFileSync } from 'node:fs';
import { UserError } from '../errors.js';

export const MAX_LESSON_BYTES = 1024 * 1024;

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Binary content: a NUL byte, or text that is not valid UTF-8. */
export function looksBinary(buf: Buffer): boolean {
  if (buf.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return false;
  } catch {
    // A head read may cut a multi-byte character at its end: allow up to 3 trailing bytes.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, Math.max(0, buf.length - 3)));
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
  const shape = shapeProblem(text);
  if (shape) throw new UserError(`${path}:${shape.line}: ${shape.message}`);
  return text;
}

/** The longest line a lesson may have (the course's longest is 161 characters). */
export const MAX_LESSON_LINE = 10_000;
/** The deepest a list item may be indented, in columns (the course's deepest is 3). */
export const MAX_LIST_INDENT = 64;
/** The most list or quote markers one line may open (`- - - x`, `> > x`). */
export const MAX_NESTING = 16;

/**
 * What makes a file under the size cap cost far more than its size to parse: marked's lexer is
 * superlinear on one very long line (100 KB took 2.4 s in show, 1 MB minutes; 800 KB of "- - - …"
 * hung every command) and on deep nesting (1,000 list levels took 853 MB). No lesson comes near
 * these caps; a file past them is refused with its line, before it is parsed.
 */
export function shapeProblem(text: string): { line: number; message: string } | null {
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const length = end - start;
    if (length > MAX_LESSON_LINE) {
      return { line, message: `the line is ${length.toLocaleString('en')} characters long; lesson lines are at most ${MAX_LESSON_LINE.toLocaleString('en')}: break it into paragraphs` };
    }
    const head = /^[ \t]*(?:(?:[-*+>]|\d{1,9}[.)])(?:[ \t]+|$))*/.exec(text.slice(start, Math.min(end, start + 4 * MAX_LIST_INDENT)))![0];
    const markers = head.match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0;
    const indent = /^[ \t]*/.exec(head)![0].replace(/\t/g, '    ').length;
    if (markers && indent > MAX_LIST_INDENT) return { line, message: `a list nested more than ${MAX_LIST_INDENT} columns deep; lesson lists nest a few levels at most` };
    if (markers > MAX_NESTING) return { line, message: `lists or quotes nested more than ${MAX_NESTING} deep; lesson lists nest a few levels at most` };
    start = end + 1;
  }
  return null;
}

/** The first `bytes` of a file: what a listing needs (title and meta sit at the top). */
export function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(bytes);
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
