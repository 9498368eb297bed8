/**
 * Streaming JSONL input: a file (or stdin) a line at a time with line numbers, parse errors kept
 * per line, and the byte offset where each line ends (progress, resume). Memory stays flat on any
 * file size.
 *
 * Lines end at `\n` or `\r\n` only: a bare `\r` inside a line is part of it (JSON then says
 * whether it is valid there), so one record never becomes two and line numbers never shift. A
 * UTF-8 byte-order mark before line 1 is skipped. A line that is not valid UTF-8 is an error line
 * (never silently repaired). Blank lines at the end of the input are not lines; blank lines
 * between records are `empty line` errors (they still take a line number).
 */
import { createReadStream, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

export { createJsonlWriter, assertWritable, type JsonlWriter, type JsonlWriterOptions } from './jsonl-writer.js';

/** One input line. */
export interface JsonlLine {
  /** 1-based line number. */
  line: number;
  /** The parsed value when the line is valid JSON. */
  value?: unknown;
  /** Why the line could not be parsed (`invalid JSON: ...`, `empty line`, `invalid UTF-8 ...`). */
  error?: string;
  /** Byte offset just past this line's terminator in the input. */
  end: number;
}

/** An opened JSONL source: its lines, its size in bytes when known, and bytes consumed so far. */
export interface JsonlSource {
  lines: AsyncIterable<JsonlLine>;
  /** Total size in bytes (undefined for stdin). */
  size: number | undefined;
  /** Bytes up to the end of the last line handed out. */
  bytesRead(): number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Parse one line's bytes (terminator removed) into a {@link JsonlLine}. */
function parseLine(bytes: Buffer, line: number, end: number): JsonlLine {
  if (line === 1 && bytes.subarray(0, 3).equals(BOM)) bytes = bytes.subarray(3);
  if (!isUtf8(bytes)) return { line, end, error: 'invalid UTF-8: the line is not read (re-encode the file as UTF-8)' };
  const raw = bytes.toString('utf8');
  if (!raw.trim()) return { line, end, error: 'empty line' };
  try {
    return { line, end, value: JSON.parse(raw) };
  } catch (err) {
    return { line, end, error: `invalid JSON: ${(err as Error).message}` };
  }
}

/**
 * Split a byte stream into JSONL lines (see the module comment for what a line is); `onConsumed`
 * hears the end offset of each line handed out.
 */
export async function* readJsonlLines(stream: AsyncIterable<Buffer | string>, onConsumed?: (bytes: number) => void): AsyncGenerator<JsonlLine> {
  let parts: Buffer[] = [];
  let offset = 0; // bytes before the current chunk's first unconsumed byte
  let n = 0;
  const blanks: JsonlLine[] = []; // blank lines held back until a record follows them
  function* emit(bytes: Buffer, end: number): Generator<JsonlLine> {
    if (bytes.length && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1);
    const l = parseLine(bytes, ++n, end);
    if (l.error === 'empty line') {
      blanks.push(l);
      return;
    }
    for (const b of blanks.splice(0)) yield b;
    onConsumed?.(end);
    yield l;
  }
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : c;
    let start = 0;
    let nl: number;
    while ((nl = chunk.indexOf(10, start)) !== -1) {
      const piece = chunk.subarray(start, nl);
      const bytes = parts.length ? Buffer.concat([...parts, piece]) : piece;
      parts = [];
      yield* emit(bytes, offset + nl + 1);
      start = nl + 1;
    }
    if (start < chunk.length) parts.push(Buffer.from(chunk.subarray(start)));
    offset += chunk.length;
  }
  if (parts.length) yield* emit(Buffer.concat(parts), offset);
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
  let consumed = 0;
  return { lines: readJsonlLines(stream, (b) => (consumed = b)), size, bytesRead: () => consumed };
}
