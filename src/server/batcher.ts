/**
 * Micro-batching of concurrent requests: the samples every request parsed in one turn of the event
 * loop submits go to the pool as one `verifyBatch` call per verifier (in the next check phase), so
 * the per-call work (option splitting, format resolution, promise bookkeeping) is paid once per
 * turn rather than once per request, and the pool cuts its chunks from all of them together.
 * Each request still waits only for its own samples: verdicts are handed out as they arrive
 * (`onVerdict`), so a slow sample in the same turn costs the other requests nothing.
 */
import { verifyBatch, type BatchOptions, type Sample } from '../core/batch.js';
import type { Pool } from '../core/pool.js';
import type { Verdict } from '../core/verdict.js';

interface Waiter {
  /** Index of this request's first sample in the turn's batch. */
  from: number;
  out: Verdict[];
  left: number;
  resolve: (v: Verdict[]) => void;
  reject: (err: unknown) => void;
}

interface Group {
  samples: Sample[];
  /** `owner[k]`: the waiter of sample k. */
  owner: Waiter[];
  waiters: Waiter[];
}

/** Submits samples of one verifier; resolves with their verdicts in order. */
export type Submit = (verifier: string, samples: readonly Sample[]) => Promise<Verdict[]>;

/**
 * A batcher over `verifyBatch` with the server's batch options (per-sample time limit).
 * `poolFor(verifier)` may give a verifier a pool of its own (the server gives code one).
 */
export function createBatcher(batch: BatchOptions & Record<string, unknown>, poolFor: (verifier: string) => Pool | undefined = () => undefined): Submit {
  let groups = new Map<string, Group>();
  let scheduled = false;

  function run(name: string, g: Group): void {
    const onVerdict = (k: number, v: Verdict): void => {
      const w = g.owner[k];
      if (!w) return;
      w.out[k - w.from] = v;
      if (--w.left === 0) w.resolve(w.out);
    };
    const pool = poolFor(name);
    verifyBatch(name, g.samples, { ...batch, onVerdict, ...(pool && { pool }) }).then(
      (verdicts) => {
        // Normally every waiter is answered by onVerdict; this covers a verifier that skips it.
        for (const w of g.waiters) {
          if (w.left > 0) {
            w.left = 0;
            w.resolve(verdicts.slice(w.from, w.from + w.out.length));
          }
        }
      },
      (err: unknown) => {
        for (const w of g.waiters) if (w.left > 0) w.reject(err);
      },
    );
  }

  function flush(): void {
    scheduled = false;
    const now = groups;
    groups = new Map();
    for (const [name, g] of now) run(name, g);
  }

  return (verifier, samples) => {
    if (samples.length === 0) return Promise.resolve([]);
    return new Promise<Verdict[]>((resolve, reject) => {
      let g = groups.get(verifier);
      if (!g) groups.set(verifier, (g = { samples: [], owner: [], waiters: [] }));
      const w: Waiter = { from: g.samples.length, out: new Array<Verdict>(samples.length), left: samples.length, resolve, reject };
      g.waiters.push(w);
      for (const s of samples) {
        g.samples.push(s);
        g.owner.push(w);
      }
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
  };
}
