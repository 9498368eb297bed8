/**
 * Lines of an NDJSON request body, split on `\n` at the byte level with a cap on a line's length
 * (readline buffered a 700 MB line with no newline until V8's string limit threw outside any
 * handler and the server exited). A line over the cap is reported as too long and skipped up to
 * its newline without being kept; `\r\n` ends a line like `\n` (a bare `\r` stays part of it);
 * a UTF-8 byte-order mark before the first line is dropped; invalid UTF-8 is reported, not
 * replaced (as `rewards score` does).
 */
import type { Readable } from 'node:stream';

/** One line: its text, or why it has none (`end`: the stream ends here). */
export type BodyLine = { text: string } | { error: string; end?: boolean };

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Buffer, first: boolean): BodyLine {
  let b = bytes;
  if (b.length > 0 && b[b.length - 1] === 0x0d) b = b.subarray(0, b.length - 1);
  if (first && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  try {
    return { text: decoder.decode(b) };
  } catch {
    return { error: 'invalid UTF-8' };
  }
}

/**
 * Split `input` into lines of at most `maxBytes` bytes each. With `idleMs`, a stream that sends
 * nothing for that long ends with an error line (a stalled stream held its connection, and the
 * drain, for good).
 */
export async function* bodyLines(input: Readable, maxBytes: number, idleMs = 0): AsyncGenerator<BodyLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false; // inside a line already reported as too long
  let first = true;
  const it = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const IDLE = Symbol('idle');
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const next = it.next();
    const got = idleMs > 0 ? await Promise.race([next, new Promise<typeof IDLE>((resolve) => (timer = setTimeout(() => resolve(IDLE), idleMs)))]) : await next;
    if (timer) clearTimeout(timer);
    if (got === IDLE) {
      input.destroy();
      next.catch(() => undefined);
      if (size > 0 || skipping) yield { error: 'the line was not finished' };
      yield { error: `no input for ${idleMs} ms: the stream was ended`, end: true };
      return;
    }
    if (got.done) break;
    const chunk = got.value;
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (;;) {
      const nl = buf.indexOf(0x0a);
      const piece = nl === -1 ? buf : buf.subarray(0, nl);
      if (!skipping) {
        if (size + piece.length > maxBytes) {
          skipping = true;
          parts = [];
          size = 0;
        } else {
          parts.push(piece);
          size += piece.length;
        }
      }
      if (nl === -1) break;
      if (skipping) yield { error: `line longer than ${maxBytes} bytes` };
      else yield decode(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), first);
      first = false;
      skipping = false;
      parts = [];
      size = 0;
      buf = buf.subarray(nl + 1);
    }
  }
  if (skipping) yield { error: `line longer than ${maxBytes} bytes` };
  else if (size > 0) yield decode(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), first);
}
