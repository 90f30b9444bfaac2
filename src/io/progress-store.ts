import { copyFileSync, writeSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, accessSync, constants, type Stats } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { replaceFileSafely, removeStaleTemps, processAlive } from './safe-write.js';
import { progressHome } from './home.js';
import { UserError } from '../errors.js';

export { progressHome };
import { emptyProgress, migrateProgress, progressProblem, SCHEMA_VERSION, type ProgressData } from '../tutor/progress.js';

/** The progress folder cannot be used at all (not a folder, not writable): the learner can go on unsaved. */
export class HomeUnusable extends UserError {}

/**
 * mkdir -p, one component at a time: Node's own recursive mkdir never returns on some virtual file
 * systems (it loops on /proc/self/x), and a learner's CALC_ML_HOME may point anywhere.
 */
function ensureDir(dir: string): void {
  const parts = resolve(dir).split(sep);
  for (let i = 1; i <= parts.length; i++) {
    const p = parts.slice(0, i).join(sep) || sep;
    try {
      mkdirSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

function ownerAlive(pid: string): boolean {
  const n = Number(pid);
  return !Number.isInteger(n) || n <= 0 || processAlive(n); // not a pid we can check: the age decides
}

const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;
// A lock with no pid yet is being written (microseconds); one still empty after this was left by a
// process killed between creating it and writing its pid, and would otherwise block for 10 s.
const EMPTY_LOCK_STALE_MS = 1_000;

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** What a path that should be a plain file is instead, in words; null for a plain file or nothing. */
function notAFile(path: string): string | null {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    return null;
  }
  if (st.isFile()) return null;
  if (st.isSymbolicLink()) {
    try {
      if (statSync(path).isFile()) return null;
    } catch {
      return 'a broken symbolic link';
    }
  }
  const s = statSync(path);
  return s.isDirectory() ? 'a folder' : s.isFIFO() ? 'a named pipe (FIFO)' : s.isSocket() ? 'a socket' : s.isCharacterDevice() || s.isBlockDevice() ? 'a device' : 'not a regular file';
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'not permitted', EROFS: 'read-only file system', ENOSPC: 'disk full',
    ENOTDIR: 'a file is in the way', EISDIR: 'it is a folder', EDQUOT: 'disk quota exceeded',
  };
  return err?.code ? `${err.code}: ${words[err.code] ?? err.message}` : String(e);
}

/**
 * progress.json: one owner, written after every answer by replaceFileSafely (all bytes written,
 * fsynced and read back before the rename; on any failure the old file stays as it was). Each update
 * re-reads the file under a lock file, so two calc-ml processes answering at once both keep their
 * answers. A file that cannot be read is moved aside, never overwritten. A folder, pipe or device in
 * place of the file or its lock is refused with one line (reading a FIFO would wait for ever).
 */
export class ProgressStore {
  readonly file: string;
  /** What the learner must be told once (a corrupt file moved aside). */
  readonly notices: string[] = [];

  constructor(readonly home: string = progressHome()) {
    this.file = join(home, 'progress.json');
  }

  /** Throws a UserError saying how to fix it when progress cannot be saved here. */
  checkWritable(): void {
    try {
      ensureDir(this.home);
      accessSync(this.home, constants.W_OK);
      if (existsSync(this.file)) accessSync(this.file, constants.W_OK);
    } catch (e) {
      throw this.writeError(e);
    }
  }

  /** What to tell the learner when the file system refuses a write in the home (anything else is rethrown as it is). */
  writeError(e: unknown): Error {
    // Only the file system's refusals are the learner's to fix; anything else is a bug to report.
    if (!(e as NodeJS.ErrnoException)?.code) return e as Error;
    const code = (e as NodeJS.ErrnoException).code;
    const fix = code === 'ENOSPC' || code === 'EDQUOT' ? 'free some space, or set CALC_ML_HOME to another folder' : 'set CALC_ML_HOME to a folder you can write';
    return new HomeUnusable(`cannot save progress in ${this.home} (${reason(e)}); ${fix}`);
  }

  /** The refusal when something other than a plain file stands where the file or its lock goes. */
  private checkPlain(path: string): void {
    const what = notAFile(path);
    if (what) throw new HomeUnusable(`${path} is ${what}, not calc-ml's file; move it away, or set CALC_ML_HOME to another folder`);
  }

  read(): ProgressData {
    let text: string;
    this.checkPlain(this.file);
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return emptyProgress();
      if (code === 'ENOTDIR') throw this.writeError(e);
      return this.moveAside(`it cannot be read (${reason(e)})`);
    }
    let value: unknown;
    try {
      // A BOM (an editor on Windows saved it) is not part of the JSON.
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return this.moveAside('it is not valid JSON');
    }
    const problem = progressProblem(value);
    if (problem?.kind === 'future') {
      throw new UserError(`${this.file}: ${problem.message}; it is left as it is. Update calc-ml, or set CALC_ML_HOME to another folder`);
    }
    if (problem) return this.moveAside(problem.message);
    const data = value as ProgressData;
    if (data.schema < SCHEMA_VERSION) {
      this.migratedFrom = data.schema;
      return migrateProgress(data);
    }
    return data;
  }

  /** The schema of the file as last read when it was older than this build's (it is migrated in memory). */
  migratedFrom: number | null = null;

  /**
   * The first write over a file of an older schema first keeps that file beside it, as it was
   * (progress.schema-1.json): a learner who goes back to an older calc-ml still has their history.
   */
  private keepOlder(): void {
    if (this.migratedFrom === null) return;
    const copy = join(this.home, `progress.schema-${this.migratedFrom}.json`);
    try {
      if (!existsSync(copy)) copyFileSync(this.file, copy);
    } catch (e) {
      throw this.writeError(e);
    }
    this.migratedFrom = null;
  }

  private moveAside(why: string): ProgressData {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = join(this.home, `progress.corrupt-${stamp}.json`);
    try {
      renameSync(this.file, aside);
    } catch (e) {
      throw new UserError(`${this.file}: ${why}, and it could not be moved aside (${reason(e)}); move it yourself and run again`);
    }
    this.notices.push(`Your progress file could not be used (${why}); it was moved to ${aside} and a fresh one started.`);
    return emptyProgress();
  }

  /** Re-reads, applies `change`, and writes back, under the lock. Returns the data as written. */
  update(change: (data: ProgressData) => void): ProgressData {
    try {
      ensureDir(this.home);
    } catch (e) {
      throw this.writeError(e);
    }
    const release = this.lock();
    try {
      const data = this.read();
      change(data);
      this.keepOlder();
      try {
        replaceFileSafely(this.file, JSON.stringify(data, null, 2) + '\n');
      } catch (e) {
        throw this.writeError(e);
      }
      removeStaleTemps(this.file);
      return data;
    } finally {
      release();
    }
  }

  private lock(): () => void {
    const lockFile = `${this.file}.lock`;
    this.checkPlain(lockFile);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        const fd = openSync(lockFile, 'wx');
        try {
          writeSync(fd, String(process.pid));
          closeSync(fd);
        } catch (e) {
          // A lock that could not be finished (disk full) must not be left for the next run to wait on.
          try {
            closeSync(fd);
          } catch {
            /* already closed */
          }
          unlinkSync(lockFile);
          throw e;
        }
        return () => {
          try {
            unlinkSync(lockFile);
          } catch {
            /* already gone: nothing to release */
          }
        };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') throw this.writeError(e);
        this.checkPlain(lockFile);
        // A lock left by a process that died (kill -9) is stale: its owner is gone, or it is old.
        try {
          const owner = readFileSync(lockFile, 'utf8');
          const age = Date.now() - statSync(lockFile).mtimeMs;
          if ((owner.trim() ? !ownerAlive(owner) : age > EMPTY_LOCK_STALE_MS) || age > LOCK_STALE_MS) unlinkSync(lockFile);
        } catch {
          /* it was released meanwhile */
        }
        if (Date.now() > deadline) throw new UserError(`${lockFile} is held by another calc-ml; close it, or delete the lock file if none is running`);
        sleep(20);
      }
    }
  }
}
