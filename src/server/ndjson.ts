/**
 * NDJSON streaming for `POST /v1/score` with `Content-Type: application/x-ndjson`: JSON lines in,
 * verdict lines out, same order and count, exactly as `rewards score` does. Lines are scored in
 * windows (each window waits for room under `--max-inflight`), and each window's verdicts are
 * written as soon as they are ready, so a batch of any size streams through bounded memory.
 * A line that is not JSON gets an output line with `error` and its line number, score 0.
 */
import { createInterface } from 'node:readline';
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
}

interface Line {
  line: number;
  item: unknown;
  planned: Planned;
}

/** Turn an NDJSON request stream into verdict lines (strings ending in `\n`). */
export async function* scoreNdjson(input: Readable, ctx: StreamContext): AsyncGenerator<string> {
  const windowSize = ctx.window ?? 256;
  const rl = createInterface({ input, crlfDelay: Infinity });
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
      ctx.admission.release(lines.length);
    }
    let out = '';
    lines.forEach((l, k) => {
      const v = nativeVerdict(l.item, scored[k]!);
      out += JSON.stringify('error' in l.planned ? { ...v, line: l.line } : v) + '\n';
    });
    yield out;
  }
  for await (const text of rl) {
    n += 1;
    let item: unknown;
    let planned: Planned;
    if (text.trim() === '') planned = { error: `line ${n}: empty line` };
    else try {
      item = JSON.parse(text);
      planned = planItem(item, ctx.header);
    } catch (err) {
      planned = { error: `line ${n}: invalid JSON: ${(err as Error).message}` };
    }
    if ('error' in planned && !planned.error.startsWith('line ')) planned = { error: `line ${n}: ${planned.error}` };
    window.push({ line: n, item, planned });
    if (window.length >= windowSize) yield* flush();
  }
  if (window.length) yield* flush();
}

