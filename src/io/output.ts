/**
 * A reader that stops early (`calc-ml show | head`, `calc-ml quiz < answers | head -1`) closes
 * stdout. That is not an error, and it must not stop a quiz: answers are still read, graded and
 * saved; only what would have been printed is dropped. (Exiting on EPIPE, as before, lost every
 * answer not yet saved.)
 */
let closed = false;

/** Whether stdout's reader has gone away during this run. */
export function stdoutClosed(): boolean {
  return closed;
}

export function surviveClosedStdout(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    // After the first EPIPE the stream is destroyed; writes queued before we knew fail with this.
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw e;
  });
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!closed) return write(chunk, ...rest);
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as typeof stream.write;
}
