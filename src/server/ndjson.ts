/**
 * NDJSON streaming for `POST /v1/score` with `Content-Type: application/x-ndjson`: JSON lines in,
 * verdict lines out, same order and count, exactly as `rewards score` does. Lines are scored in
 * windows (each window waits for room under `--max-inflight`), and each window's verdicts are
 * written as soon as they are ready, so a batch of any size streams through bounded memory.
 * A line that is not JSON gets an output line with `error` and its line number, score 0.
 */
import { bodyLines } from './ndjson-lines.js';
import type { Readable } from 'node:stream';
import type { Admission } from './admission.js';
import { planItem, nativeVerdict, type NativeHeader } from './contracts/native.js';
import type { Planned } from './route.js';
import type { Scored } from './score.js';

/** What scoring a window needs from the server. */
export interface StreamContext {
  header: NativeHeader;
  admission: Admission;
  score: (planned: Planned[]) => Promise<Scored[]>;
  window?: number;
  /** Longest line in bytes (default 64 MiB); a longer one is that line's error. */
  maxLineBytes?: number;
  /** True once the server drains: the stream stops after the window it is in and says so. */
  draining?: () => boolean;
  /** End a stream that sends nothing for this long, in ms (default 30,000; 0: never). */
  idleMs?: number;
}

interface Line {
  line: number;
  item: unknown;
  planned: Planned;
}

/** A verdict as one JSON line; one that cannot be written becomes an error line naming its line. */
function lineOf(v: Record<string, unknown>, line: number): string {
  try {
    return JSON.stringify(v);
  } catch (err) {
    return JSON.stringify({ score: 0, pass: false, reason: 'verifier-error', error: `line ${line}: the verdict could not be written: ${(err as Error).message}`, line, outcome: 'error', reward: 0 });
  }
}

/** Turn an NDJSON request stream into verdict lines (strings ending in `\n`). */
export async function* scoreNdjson(input: Readable, ctx: StreamContext): AsyncGenerator<string> {
  const windowSize = ctx.window ?? 256;
  const lines = bodyLines(input, ctx.maxLineBytes ?? 64 * 2 ** 20, ctx.idleMs ?? 30_000);
  let n = 0;
  let window: Line[] = [];
  async function* flush(): AsyncGenerator<string> {
    const lines = window;
    window = [];
    await ctx.admission.acquire(lines.length);
    let scored: Scored[];
    try {
      scored = await ctx.score(lines.map((l) => l.planned));
    } finally {
      ctx.admission.release(lines.length, true);
    }
    let out = '';
    lines.forEach((l, k) => {
      const v = nativeVerdict(l.item, scored[k]!);
      out += lineOf('error' in l.planned ? { ...v, line: l.line } : v, l.line) + '\n';
    });
    yield out;
  }
  for await (const got of lines) {
    n += 1;
    let item: unknown;
    let planned: Planned;
    if ('error' in got && got.end) {
      // not a line of the client's: the stream's end, said after the lines read are answered
      if (window.length) yield* flush();
      yield JSON.stringify({ error: got.error, line: n, ended: true }) + '\n';
      return;
    }
    if ('error' in got) planned = { error: `line ${n}: ${got.error}` };
    else if (got.text.trim() === '') planned = { error: `line ${n}: empty line` };
    else try {
      item = JSON.parse(got.text);
      planned = planItem(item, ctx.header);
    } catch (err) {
      planned = { error: `line ${n}: invalid JSON: ${(err as Error).message}` };
    }
    if ('error' in planned && !planned.error.startsWith('line ')) planned = { error: `line ${n}: ${planned.error}` };
    window.push({ line: n, item, planned });
    if (window.length >= windowSize) {
      yield* flush();
      if (ctx.draining?.()) {
        // The lines read so far are answered; the client resumes from the line named here.
        yield JSON.stringify({ error: `server is draining: lines from ${n + 1} on were not scored; send them again`, line: n + 1, draining: true }) + '\n';
        input.destroy();
        return;
      }
    }
  }
  if (window.length) yield* flush();
}

