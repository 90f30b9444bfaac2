import { closeSync, fchmodSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Replaces `file` with `text` so that a reader only ever sees the old content or the whole new one,
 * and a failure at any point leaves the old file as it was.
 *
 * Written by hand because write-file-atomic (used before) makes one write() call and never looks at
 * what it returns: on a nearly full disk write() takes the first few KiB and returns a short count
 * without an error, and the truncated file was renamed over the learner's whole history. Here:
 * every byte is written (a short write is retried until the disk refuses), fsynced, read back and
 * compared, and only then renamed; the folder is fsynced after the rename (as SQLite and git do), so
 * the new name survives a power cut too.
 */
export function replaceFileSafely(file: string, text: string): void {
  const data = Buffer.from(text, 'utf8');
  const tmp = tempName(file);
  let fd: number | null = openSync(tmp, 'wx', 0o666);
  try {
    // The new file keeps the old one's permissions (as write-file-atomic did); a new one gets the umask's.
    const mode = modeOf(file);
    if (mode !== null) fchmodSync(fd, mode);
    for (let off = 0; off < data.length; ) {
      const n = writeSync(fd, data, off, data.length - off, off);
      if (n <= 0) throw Object.assign(new Error(`no space left on device, write '${tmp}'`), { code: 'ENOSPC', path: tmp });
      off += n;
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    const back = readFileSync(tmp);
    if (!back.equals(data)) {
      throw Object.assign(new Error(`the file read back is not what was written (${back.length} of ${data.length} bytes), '${tmp}'`), { code: 'EIO', path: tmp });
    }
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      /* never created, or already gone */
    }
    throw e;
  }
  syncFolder(dirname(file));
}

function modeOf(file: string): number | null {
  try {
    return statSync(file).mode & 0o7777;
  } catch {
    return null;
  }
}

/** fsync of the folder makes a rename durable; some file systems refuse it (EINVAL, EISDIR): then the rename is all we can do. */
function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    /* not supported here */
  } finally {
    closeSync(fd);
  }
}

// `progress.json.<pid>.<random>.tmp`: the pid says whose it is, so the next save can tell a temporary
// file left by a killed process from one being written right now by another.
const TEMP = /^(.*)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function tempName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** Whether a process with this pid exists (one we may not signal exists too). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// write-file-atomic's temporary names (`progress.json.<hash>`), left by a killed older calc-ml.
const OLD_TEMP = /^(.*)\.[0-9a-f]{6,16}$/;
const OLD_TEMP_AGE_MS = 60_000;
const OUR_TEMP_AGE_MS = 10 * 60_000;

/**
 * Deletes the temporary files of `file` left behind by processes that died mid-save (kill -9): those
 * whose pid is gone, and write-file-atomic's older ones after a minute. Returns how many went.
 * Call it under the file's lock. Never fails: it is housekeeping.
 */
export function removeStaleTemps(file: string, now = Date.now()): number {
  const dir = dirname(file);
  const name = basename(file);
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const ours = TEMP.exec(entry);
    const old = !ours && OLD_TEMP.exec(entry);
    if (ours ? ours[1] !== name : !old || old[1] !== name) continue;
    const path = join(dir, entry);
    try {
      const st = statSync(path);
      if (!st.isFile()) continue;
      // A pid can be reused: past ten minutes, no save is still writing it, whoever has that pid now.
      const stale = ours
        ? Number(ours[2]) !== process.pid && (!processAlive(Number(ours[2])) || now - st.mtimeMs > OUR_TEMP_AGE_MS)
        : now - st.mtimeMs > OLD_TEMP_AGE_MS;
      if (stale) {
        unlinkSync(path);
        removed++;
      }
    } catch {
      /* gone meanwhile */
    }
  }
  return removed;
}
