/**
 * A worker thread of its own for batch verifiers (registry entries with `batch: true`, such as
 * `similarity`, whose `verifyMany` embeds a whole batch at once). Run in the calling thread, an
 * embedding batch held the event loop for seconds (256 short texts: 6.7 s on this machine; 64
 * responses of 100,000 characters: 46 s), so a server answered nothing else meanwhile, health
 * checks included. Here the batch runs in the thread and the caller only waits.
 *
 * One bad sample costs the others nothing: batches cross in slices of at most {@link SLICE}
 * samples, each under the per-sample time limit (the first slice of a fresh thread gets
 * {@link LOAD_GRACE_MS} more, so loading the model is not charged to a sample). A slice that runs
 * past its limit, or that kills the thread (heap limit, crash), is re-run one sample per call on a
 * fresh thread, so only the sample that hangs or crashes gets `timeout` / `memory-limit` /
 * `verifier-error`. An error the module throws for the call itself (a set-up error: no GPU
 * adapter, a model directory that is not there) rejects the call, as it does in the calling thread.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from './module-worker.js';
import { SetupError } from './setup-error.js';
import { Reasons, failVerdict, type Verdict } from './verdict.js';

/** Samples per message to the thread (and per time limit). */
export const SLICE = 32;

/** Extra time the first slice of a fresh thread gets for imports and model loading (ms). */
export const LOAD_GRACE_MS = 120_000;

/** A sample as `verifyMany` takes it. */
export interface ManySample {
  response: unknown;
  reference: unknown;
  options?: Record<string, unknown>;
}

/** The request a batch thread answers (see `batch-thread-worker.ts`). */
export interface ManyRequest {
  id: number;
  module: string;
  samples: ManySample[];
  options: Record<string, unknown>;
}

/** The reply of a batch thread. */
export type ManyReply = { id: number; verdicts: Verdict[] } | { id: number; error: string; setup: boolean };

/** A thread that runs batch verifiers' `verifyMany` off the calling thread. */
export interface BatchThread {
  /**
   * Verdicts of `samples` by the `verifyMany` of the module at `module`, in order. Rejects only for
   * an error of the call itself (a {@link SetupError} when the module says the set-up is wrong).
   */
  verifyMany(module: string, samples: readonly ManySample[], options: Record<string, unknown>, timeoutMs: number): Promise<Verdict[]>;
  /** Stop the thread (pending calls reject). */
  close(): Promise<void>;
}

/** Options of {@link createBatchThread}. */
export interface BatchThreadOptions {
  /** Old-generation heap limit of the thread in MB (default 2048). */
  memoryMb?: number;
  /** Extra time for the first slice of a fresh thread in ms (default {@link LOAD_GRACE_MS}). */
  loadGraceMs?: number;
}

type Outcome = { verdicts: Verdict[] } | { failed: Verdict } | { error: Error };

/** Create a batch thread (it starts on first use and is restarted after a timeout or a crash). */
export function createBatchThread(opts: BatchThreadOptions = {}): BatchThread {
  let worker: Worker | undefined;
  let fresh = true;
  let nextId = 1;
  let closed = false;
  let pending: { id: number; worker: Worker; settle: (o: Outcome) => void } | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  function start(): Worker {
    const w = startModuleWorker(import.meta.url, 'batch-thread-worker', { resourceLimits: { maxOldGenerationSizeMb: opts.memoryMb ?? 2048 } });
    fresh = true;
    w.unref();
    w.on('message', (msg: ManyReply) => {
      if (!pending || pending.worker !== w || msg === null || typeof msg !== 'object' || msg.id !== pending.id) return;
      // Only a reply of ours (a module in the thread that posts to its parent must not answer).
      if (!('verdicts' in msg && Array.isArray(msg.verdicts)) && !('error' in msg && typeof msg.error === 'string')) return;
      const p = pending;
      pending = undefined;
      p.settle('verdicts' in msg ? { verdicts: msg.verdicts } : { error: msg.setup ? new SetupError(msg.error) : new Error(msg.error) });
    });
    const died = (verdict: Verdict): void => {
      if (worker === w) worker = undefined;
      // A thread terminated after a timeout exits later: it must not answer a newer thread's call.
      if (pending?.worker !== w) return;
      const p = pending;
      pending = undefined;
      p.settle({ failed: verdict });
    };
    w.on('error', (err: Error & { code?: string }) =>
      died(failVerdict(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? Reasons.memoryLimit : Reasons.verifierError, { error: `batch thread died: ${err.message}` })),
    );
    w.on('exit', (code) => died(failVerdict(Reasons.verifierError, { error: `batch thread exited with code ${code}` })));
    return w;
  }

  /** Send one slice and wait for its verdicts, a failure verdict (timeout, crash) or a call error. */
  function send(module: string, samples: ManySample[], options: Record<string, unknown>, timeoutMs: number): Promise<Outcome> {
    if (closed) return Promise.resolve({ error: new Error('the batch thread is closed') });
    const w = (worker ??= start());
    const limit = timeoutMs + (fresh ? (opts.loadGraceMs ?? LOAD_GRACE_MS) : 0);
    fresh = false;
    const id = nextId++;
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        if (pending?.id !== id) return;
        pending = undefined;
        worker = undefined;
        void w.terminate();
        resolve({ failed: failVerdict(Reasons.timeout, { error: `exceeded ${timeoutMs} ms` }) });
      }, limit);
      pending = {
        id,
        worker: w,
        settle: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      };
      w.ref();
      w.postMessage({ id, module, samples, options } satisfies ManyRequest);
    }).finally(() => worker?.unref());
  }

  async function runSlice(module: string, slice: ManySample[], options: Record<string, unknown>, timeoutMs: number): Promise<Verdict[]> {
    const o = await send(module, slice, options, timeoutMs);
    if ('error' in o) throw o.error;
    if ('verdicts' in o) return o.verdicts;
    if (slice.length === 1) return [o.failed];
    // Someone in the slice hung or crashed the thread: each sample on its own, so only it pays.
    const out: Verdict[] = [];
    for (const s of slice) out.push(...(await runSlice(module, [s], options, timeoutMs)));
    return out;
  }

  return {
    verifyMany(module, samples, options, timeoutMs) {
      const run = async (): Promise<Verdict[]> => {
        const out: Verdict[] = [];
        for (let i = 0; i < samples.length; i += SLICE) {
          out.push(...(await runSlice(module, samples.slice(i, i + SLICE), options, timeoutMs)));
        }
        return out;
      };
      // One call at a time: calls queue in order, each slice under its own limit.
      const result = chain.then(run, run);
      chain = result.catch(() => undefined);
      return result;
    },
    async close() {
      closed = true;
      const w = worker;
      worker = undefined;
      pending?.settle({ error: new Error('the batch thread is closed') });
      pending = undefined;
      if (w) await w.terminate();
    },
  };
}
