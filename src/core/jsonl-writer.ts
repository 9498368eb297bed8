/**
 * JSONL output for the CLI: complete lines only, written synchronously in whole-line chunks, so at
 * any instant (a signal, SIGKILL) the file holds a valid prefix of the output. The file is opened
 * when the writer is created, so a missing directory or an unwritable file is reported before
 * any work, with a message instead of a stack trace.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** A JSONL sink. */
export interface JsonlWriter {
  /** Queue one object as a line (written at the next flush or when the buffer fills). */
  write(value: unknown): void;
  /** Write out what is queued (synchronously). */
  flush(): void;
  /** Flush and close (stdout is flushed, not closed). */
  close(): Promise<void>;
}

/** Options of {@link createJsonlWriter}. */
export interface JsonlWriterOptions {
  /** Append instead of truncating (resume). */
  append?: boolean;
  /** What the file is, for error messages (e.g. `--rejects`). */
  label?: string;
}

const FLUSH_AT = 1 << 16;

/** Why an output file cannot be opened, in words. */
function describe(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return 'its directory does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return err.message;
  }
}

/**
 * Check that every output can be opened for writing before any is truncated, so that one bad path
 * (say `--rejects`) fails the run before the other output is emptied. Opens without truncating.
 */
export function assertWritable(outputs: readonly { path: string | undefined; label: string }[]): void {
  for (const { path, label } of outputs) {
    if (path === undefined || path === '-') continue;
    try {
      closeSync(openSync(path, 'a'));
    } catch (err) {
      throw new Error(`cannot write ${label} ${path}: ${describe(err as NodeJS.ErrnoException)}`);
    }
  }
}

/** Open `path` (or `-`/undefined for stdout) for JSONL output; throws a clear error when it cannot be written. */
export function createJsonlWriter(path: string | undefined, options: JsonlWriterOptions = {}): JsonlWriter {
  const toStdout = path === undefined || path === '-';
  let fd: number;
  if (toStdout) fd = 1;
  else {
    try {
      fd = openSync(path, options.append ? 'a' : 'w');
    } catch (err) {
      throw new Error(`cannot write ${options.label ? `${options.label} ` : ''}${path}: ${describe(err as NodeJS.ErrnoException)}`);
    }
  }
  let buffer = '';
  let closed = false;
  const flush = (): void => {
    if (!buffer) return;
    const data = Buffer.from(buffer);
    buffer = '';
    let at = 0;
    while (at < data.length) {
      try {
        at += writeSync(fd, data, at);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EAGAIN') continue; // a non-blocking pipe: try again
        if (e.code === 'EPIPE') return; // the reader went away (e.g. `| head`)
        throw new Error(`cannot write ${toStdout ? 'stdout' : path}: ${describe(e)}`);
      }
    }
  };
  return {
    write(value) {
      buffer += JSON.stringify(value) + '\n';
      if (buffer.length >= FLUSH_AT) flush();
    },
    flush,
    async close() {
      if (closed) return;
      closed = true;
      flush();
      if (!toStdout) {
        try {
          fsyncSync(fd);
        } catch {
          // not every file supports fsync (/dev/null)
        }
        closeSync(fd);
      }
    },
  };
}
