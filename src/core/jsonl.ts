/**
 * Streaming JSONL: read a file (or stdin) a line at a time with line numbers and parse errors
 * kept per line, and write objects with backpressure. Memory stays flat on any file size.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

/** One input line. */
export interface JsonlLine {
  /** 1-based line number. */
  line: number;
  /** The parsed value when the line is valid JSON. */
  value?: unknown;
  /** Why the line could not be parsed (`invalid JSON: ...`, `empty line`). */
  error?: string;
}

/** An opened JSONL source: its lines, its size in bytes when known, and bytes read so far. */
export interface JsonlSource {
  lines: AsyncIterable<JsonlLine>;
  /** Total size in bytes (undefined for stdin). */
  size: number | undefined;
  /** Bytes read so far. */
  bytesRead(): number;
}

/** Open `path` (or `-` for stdin) as a JSONL source. Throws a clear error when the file is missing. */
export function openJsonl(path: string): JsonlSource {
  let stream: Readable;
  let size: number | undefined;
  if (path === '-') {
    stream = process.stdin;
  } else {
    try {
      size = statSync(path).size;
    } catch {
      throw new Error(`cannot read ${path}: no such file`);
    }
    stream = createReadStream(path, { highWaterMark: 1 << 20 });
  }
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let read = 0;
  stream.on('data', (chunk: Buffer | string) => {
    read += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
  });
  async function* lines(): AsyncGenerator<JsonlLine> {
    let n = 0;
    for await (const raw of rl) {
      n += 1;
      if (!raw.trim()) {
        yield { line: n, error: 'empty line' };
        continue;
      }
      try {
        yield { line: n, value: JSON.parse(raw) };
      } catch (err) {
        yield { line: n, error: `invalid JSON: ${(err as Error).message}` };
      }
    }
  }
  return { lines: lines(), size, bytesRead: () => read };
}

/** A JSONL sink. */
export interface JsonlWriter {
  /** Write one object as a line; resolves when the stream can take more. */
  write(value: unknown): Promise<void> | void;
  /** Flush and close (stdout is flushed, not closed). */
  close(): Promise<void>;
}

/** Open `path` (or `-`/undefined for stdout) for JSONL output. */
export function createJsonlWriter(path: string | undefined): JsonlWriter {
  const toStdout = path === undefined || path === '-';
  const out: Writable = toStdout ? process.stdout : createWriteStream(path);
  let buffer = '';
  const FLUSH_AT = 1 << 16;
  async function flush(): Promise<void> {
    if (!buffer) return;
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) await once(out, 'drain');
  }
  return {
    write(value) {
      buffer += JSON.stringify(value) + '\n';
      if (buffer.length >= FLUSH_AT) return flush();
    },
    async close() {
      await flush();
      if (!toStdout) {
        out.end();
        await once(out, 'finish');
      }
    },
  };
}
