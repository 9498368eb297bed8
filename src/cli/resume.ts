/**
 * `--resume`: continue an interrupted run after the lines it already wrote. An output file is cut
 * back to its last complete line (a SIGKILL can leave half a line), and its line count and last
 * record say where to restart.
 */
import { closeSync, existsSync, ftruncateSync, openSync, readSync, fstatSync } from 'node:fs';

/** What an output file already holds. */
export interface ResumePoint {
  /** Complete lines in the file (after cutting a partial last line). */
  lines: number;
  /** The last complete line parsed as JSON, when it is an object. */
  last: Record<string, unknown> | undefined;
}

/** Cut `path` back to its last complete line and count its lines; a missing file holds none. */
export function resumePoint(path: string): ResumePoint {
  if (!existsSync(path)) return { lines: 0, last: undefined };
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(1 << 20);
    let lines = 0;
    let lastNl = -1;
    let prevNl = -1;
    for (let pos = 0; pos < size; ) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) break;
      for (let at = buf.indexOf(10, 0); at !== -1 && at < n; at = buf.indexOf(10, at + 1)) {
        lines += 1;
        prevNl = lastNl;
        lastNl = pos + at;
      }
      pos += n;
    }
    if (lastNl + 1 < size) ftruncateSync(fd, lastNl + 1);
    let last: Record<string, unknown> | undefined;
    if (lastNl >= 0) {
      const len = lastNl - (prevNl + 1);
      const text = Buffer.alloc(len);
      readSync(fd, text, 0, len, prevNl + 1);
      try {
        const v = JSON.parse(text.toString('utf8')) as unknown;
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) last = v as Record<string, unknown>;
      } catch {
        // not JSON: the caller decides from the line count
      }
    }
    return { lines, last };
  } finally {
    closeSync(fd);
  }
}
