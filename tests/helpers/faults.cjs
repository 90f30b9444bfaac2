// Fault injection for the CLI under test, preloaded with NODE_OPTIONS="--require <this file>":
//   CALC_ML_TEST_FAULT        ENOSPC (writes fail after a few bytes), SHORT (a nearly full disk: the
//                             first write takes a few bytes and returns a short count with no error,
//                             as write(2) does; the next one fails with ENOSPC), or EROFS (nothing
//                             can be created)
//   CALC_ML_TEST_FAULT_DIR    only files in this folder are affected
//   CALC_ML_TEST_FAULT_MATCH  only files whose name matches this regular expression (default: all)
//   CALC_ML_TEST_FAULT_AFTER  let this many matching files be written first (default 0)
//   CALC_ML_TEST_FAULT_BYTES  with ENOSPC, how many bytes of the failing write land first (default 7)
// It patches node:fs and syncs the ES module view of it, so the bundled CLI and write-file-atomic
// (CommonJS inside the bundle) both see the fault, as they would see a real full or read-only disk.
const fs = require('node:fs');
const path = require('node:path');
const { syncBuiltinESMExports } = require('node:module');

const code = process.env.CALC_ML_TEST_FAULT;
const dir = path.resolve(process.env.CALC_ML_TEST_FAULT_DIR || '/nonexistent');
const match = new RegExp(process.env.CALC_ML_TEST_FAULT_MATCH || '');
let allowed = Number(process.env.CALC_ML_TEST_FAULT_AFTER || 0);
const partial = Number(process.env.CALC_ML_TEST_FAULT_BYTES ?? 7);

const MESSAGES = { ENOSPC: 'no space left on device', EROFS: 'read-only file system' };
function fail(syscall, p) {
  const c = code === 'SHORT' ? 'ENOSPC' : code;
  const e = new Error(`${c}: ${MESSAGES[c]}, ${syscall} '${p}'`);
  Object.assign(e, { code: c, syscall, path: p, errno: c === 'ENOSPC' ? -28 : -30 });
  return e;
}
const targets = (p) => typeof p === 'string' && path.dirname(path.resolve(p)) === dir && match.test(path.basename(p));
const writing = (flags) => typeof flags === 'string' ? /[wax+]/.test(flags) : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;

const doomed = new Set(); // fds whose writes fail
const orig = { ...fs };

if (code === 'ENOSPC' || code === 'SHORT') {
  fs.openSync = function (p, flags, ...rest) {
    const fd = orig.openSync.call(this, p, flags, ...rest);
    if (targets(p) && writing(flags)) {
      if (allowed > 0) allowed--;
      else doomed.add(fd);
    }
    return fd;
  };
  const shortened = new Set(); // fds that already had their short write
  fs.writeSync = function (fd, buf, ...rest) {
    if (!doomed.has(fd)) return orig.writeSync.call(this, fd, buf, ...rest);
    if (code === 'SHORT' && !shortened.has(fd)) {
      shortened.add(fd);
      if (typeof buf === 'string') return orig.writeSync.call(this, fd, Buffer.from(buf).subarray(0, partial));
      const [offset = 0, length = buf.length - offset, position = null] = rest;
      return orig.writeSync.call(this, fd, buf, offset, Math.min(length, partial), position);
    }
    // A full disk takes the first few bytes and then refuses: the half-written case.
    const head = typeof buf === 'string' ? buf.slice(0, partial) : buf.subarray(0, partial);
    if (head.length) orig.writeSync.call(this, fd, head);
    throw fail('write', String(fd));
  };
  fs.closeSync = function (fd) {
    doomed.delete(fd);
    shortened.delete(fd);
    return orig.closeSync.call(this, fd);
  };
} else if (code === 'EROFS') {
  fs.openSync = function (p, flags, ...rest) {
    if (targets(p) && writing(flags)) throw fail('open', p);
    return orig.openSync.call(this, p, flags, ...rest);
  };
  for (const name of ['mkdirSync', 'unlinkSync']) {
    fs[name] = function (p, ...rest) {
      if (targets(p)) throw fail(name.replace('Sync', ''), p);
      return orig[name].call(this, p, ...rest);
    };
  }
  fs.copyFileSync = function (a, b, ...rest) {
    if (targets(b)) throw fail('copyfile', b);
    return orig.copyFileSync.call(this, a, b, ...rest);
  };
  fs.renameSync = function (a, b) {
    if (targets(a) || targets(b)) throw fail('rename', a);
    return orig.renameSync.call(this, a, b);
  };
  fs.accessSync = function (p, mode) {
    if ((path.resolve(p) === dir || targets(p)) && mode & fs.constants.W_OK) throw fail('access', p);
    return orig.accessSync.call(this, p, mode);
  };
}
syncBuiltinESMExports();
