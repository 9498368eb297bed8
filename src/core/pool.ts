/**
 * A worker-thread pool with hard per-sample time limits and little per-sample overhead.
 *
 * Samples go to workers in chunks cut by count and by size (one at a time when the queue is
 * short), so a cheap verifier is not dominated by message passing and no message is too large
 * for a worker's heap. Each worker writes which sample it is running and since when into a small
 * shared array; a watchdog on the main thread reads it, so the clock of each sample starts when
 * the worker starts that sample (not when it was queued), and a sample that overruns gets
 * `timeout` while its worker is terminated (V8 stops even a synchronous loop or a backtracking
 * regex). Blame falls only on the sample that was running: the chunk's other unanswered samples
 * are re-queued with no penalty (workers also report finished verdicts every few tens of ms, so
 * little is re-run). A worker that dies before any sample of its chunk started has its samples
 * re-run one per message, so the one that kills a worker alone is the one that fails. Time spent
 * loading a dependency (see `untimed`) is not charged to the sample. Idle workers are unref'd, so
 * an idle pool never keeps a process alive.
 *
 * Why not piscina: its timers start when a task is queued, it cannot preload a module before the
 * clock starts, and one task per message costs more than the cheap verifiers themselves.
 *
 * What a sample costs the calling thread is kept small instead (see pool-wire.ts: strings packed
 * into a reused shared buffer, verdicts back as one JSON string, one callback per batch rather than
 * a promise per sample). Cheap batches are deliberately NOT run in the calling thread: a
 * synchronous hang or a runaway allocation there cannot be stopped, so one sample could cost every
 * other its time or its verdict; `threads: 0` remains the caller's explicit opt-in.
 */
import type { Worker } from 'node:worker_threads';
import { createChunkSizer } from './chunk-size.js';
import { startModuleWorker } from './module-worker.js';
import { availableParallelism } from 'node:os';
import { Reasons, failVerdict, type Verdict } from './verdict.js';
import { estimateBytes } from './sample-size.js';
import { SetupError } from './setup-error.js';
import { TextBuffers, packChunk, unpackVerdicts } from './pool-wire.js';
import { SHARED, type Pool, type PoolBatch, type PoolJob, type PoolOptions, type PoolReply, type PoolRequest } from './pool-types.js';

export { SHARED, type Pool, type PoolBatch, type PoolJob, type PoolOptions, type PoolReply, type PoolRequest, type PoolSample } from './pool-types.js';


/** Samples submitted together: answered through one callback, with no promise or closure per sample. */
interface BatchHandle {
  answer(index: number, verdict: Verdict): void;
  fail(err: Error): void;
}

interface QueuedJob extends PoolJob {
  batch: BatchHandle;
  /** Index of the sample in its batch. */
  index: number;
  bytes: number;
  /** Must go to a worker alone (its chunk killed a worker before any sample started). */
  solo: boolean;
}

interface Chunk {
  id: number;
  module: string;
  jobs: QueuedJob[];
  started: boolean;
  /** Samples before this index are answered. */
  done: number;
  /** The text buffer the chunk was packed into (given back to the slot when answered). */
  buffer: Buffer | undefined;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  loaded: Set<string>;
  shared: Int32Array;
  buffers: TextBuffers;
  /** Chunks sent (or, while loading a module, about to be), in the order the worker runs them. */
  chunks: Chunk[];
  loadTimer: NodeJS.Timeout | undefined;
}


/**
 * Chunks a worker holds at once: the one it runs and the next, so it never waits for the main
 * thread between chunks (cheap verifiers would otherwise idle for a round trip per chunk).
 */
const IN_FLIGHT = 2;

/** Start a worker thread running `worker.js` (or `worker.ts` under tsx). */
function startWorker(resourceLimits: { maxOldGenerationSizeMb: number }, workerData: unknown): Worker {
  return startModuleWorker(import.meta.url, 'worker', { resourceLimits, workerData });
}

/** Create a worker pool. Most callers use the shared pool of {@link getPool} instead. */
export function createPool(options: PoolOptions = {}): Pool {
  const size = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const maxMemoryMb = options.maxMemoryMb ?? 1024;
  const loadTimeoutMs = options.loadTimeoutMs ?? 60_000;
  const maxChunk = Math.max(1, options.maxChunk ?? 256);
  const maxChunkBytes = Math.max(1, options.maxChunkBytes ?? 8 * 2 ** 20);
  const maxSampleBytes = options.maxSampleBytes ?? Math.floor((maxMemoryMb * 2 ** 20) / 4);
  const epoch = Date.now();
  const queue: QueuedJob[] = [];
  let head = 0; // queue[head..] are waiting; a moving head keeps shift() off the hot path
  const sizer = createChunkSizer(maxChunk); // the least chunk per verifier, from the workers' timing
  const slots = new Set<Slot>();
  let nextChunkId = 1;
  let closed = false;
  let watchdog: NodeJS.Timeout | undefined;

  const waiting = (): number => queue.length - head;
  function requeueFront(jobs: QueuedJob[]): void {
    queue.splice(0, head, ...jobs);
    head = 0;
  }

  function spawn(): void {
    const buffer = new SharedArrayBuffer(SHARED.LENGTH * 4);
    const worker = startWorker({ maxOldGenerationSizeMb: maxMemoryMb }, { shared: buffer, epoch });
    const slot: Slot = { worker, ready: false, loaded: new Set(), shared: new Int32Array(buffer), buffers: new TextBuffers(), chunks: [], loadTimer: undefined };
    slots.add(slot);
    worker.on('message', (msg: PoolReply) => onMessage(slot, msg));
    worker.on('error', (err: Error & { code?: string }) => {
      const reason = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? Reasons.memoryLimit : Reasons.verifierError;
      retire(slot, failVerdict(reason, { error: `worker died: ${err.message}` }));
    });
    worker.on('exit', (code) => retire(slot, failVerdict(Reasons.verifierError, { error: `worker exited with code ${code}` })));
  }

  /**
   * Remove a slot. Only the sample it was running gets `verdict`; the chunk's other unanswered
   * samples go back to the front of the queue unpenalised. When no sample was running (the worker
   * died unpacking the message or packing the reply), a chunk of several samples is re-queued one
   * sample per message, and a lone sample takes the blame.
   */
  function retire(slot: Slot, verdict: Verdict): void {
    if (!slots.delete(slot)) return;
    if (slot.loadTimer) clearTimeout(slot.loadTimer);
    void slot.worker.terminate();
    const chunks = slot.chunks;
    slot.chunks = [];
    const running = Atomics.load(slot.shared, SHARED.RUNNING) - 1;
    const runningChunk = Atomics.load(slot.shared, SHARED.CHUNK);
    const left: QueuedJob[] = [];
    let blamed = false;
    for (const chunk of chunks) {
      for (let k = chunk.done; k < chunk.jobs.length; k++) {
        const job = chunk.jobs[k]!;
        if (chunk.started && chunk.id === runningChunk && k === running) {
          job.batch.answer(job.index, verdict);
          blamed = true;
        } else left.push(job);
      }
    }
    const sent = chunks.some((c) => c.started);
    if (!blamed && sent) {
      // No sample was running: the worker died unpacking a message or packing a reply.
      if (left.length === 1) {
        const job = left.pop()!;
        job.batch.answer(job.index, verdict);
      }
      else for (const job of left) job.solo = true;
    }
    requeueFront(left);
    pump();
  }

  function tick(): void {
    const now = Date.now() - epoch;
    for (const slot of slots) {
      if (!slot.chunks[0]?.started) continue;
      const loading = Atomics.load(slot.shared, SHARED.LOADING);
      if (loading !== 0) {
        if (now - (loading - 1) > loadTimeoutMs) {
          retire(slot, failVerdict(Reasons.verifierError, { error: `a dependency took over ${loadTimeoutMs} ms to load` }));
        }
        continue;
      }
      const running = Atomics.load(slot.shared, SHARED.RUNNING);
      if (running === 0) continue;
      const id = Atomics.load(slot.shared, SHARED.CHUNK);
      const job = slot.chunks.find((c) => c.id === id)?.jobs[running - 1];
      const elapsed = now - Atomics.load(slot.shared, SHARED.STARTED);
      if (job && elapsed > job.timeoutMs) retire(slot, failVerdict(Reasons.timeout, { error: `exceeded ${job.timeoutMs} ms` }));
    }
    if (![...slots].some((s) => s.chunks.length)) stopWatchdog();
  }

  function startWatchdog(timeoutMs: number): void {
    if (watchdog) return;
    watchdog = setInterval(tick, Math.min(100, Math.max(5, Math.floor(timeoutMs / 20))));
    watchdog.unref();
  }

  function stopWatchdog(): void {
    if (watchdog) clearInterval(watchdog);
    watchdog = undefined;
  }

  /** Post `chunk` (already last in `slot.chunks`) to its worker. */
  function send(slot: Slot, chunk: Chunk): void {
    chunk.started = true;
    let minTimeout = Infinity;
    for (const j of chunk.jobs) if (j.timeoutMs < minTimeout) minTimeout = j.timeoutMs;
    const packed = packChunk(chunk.jobs, slot.buffers);
    chunk.buffer = packed.buffer;
    try {
      slot.worker.postMessage({ type: 'run', id: chunk.id, module: chunk.module, chunk: packed.chunk } satisfies PoolRequest);
    } catch (err) {
      // A sample that cannot be cloned: alone it fails; in a chunk, the chunk is re-run one by one.
      slot.buffers.give(packed.buffer);
      slot.chunks = slot.chunks.filter((c) => c !== chunk);
      if (chunk.jobs.length === 1) {
        chunk.jobs[0]!.batch.answer(chunk.jobs[0]!.index, failVerdict(Reasons.invalidInput, { error: `sample cannot be sent to a worker: ${(err as Error).message}` }));
      } else {
        for (const job of chunk.jobs) job.solo = true;
        requeueFront(chunk.jobs);
      }
      idle(slot);
      return;
    }
    startWatchdog(minTimeout);
  }

  function idle(slot: Slot): void {
    if (slot.chunks.length === 0) slot.worker.unref();
    pump();
  }

  function answer(chunk: Chunk, from: number, verdicts: Verdict[]): void {
    for (let k = 0; k < verdicts.length; k++) {
      const job = chunk.jobs[from + k];
      job?.batch.answer(job.index, verdicts[k]!);
    }
    chunk.done = Math.max(chunk.done, from + verdicts.length);
  }

  function onMessage(slot: Slot, msg: PoolReply): void {
    if (!slots.has(slot)) return;
    if (msg.type === 'ready') {
      slot.ready = true;
      idle(slot);
      return;
    }
    if (msg.type === 'loaded') {
      if (slot.loadTimer) clearTimeout(slot.loadTimer);
      slot.loadTimer = undefined;
      slot.loaded.add(msg.module);
      const chunk = slot.chunks[0];
      if (chunk && !chunk.started) send(slot, chunk);
      pump();
    } else if (msg.type === 'load-error') {
      failModule(slot, msg.module, msg.error);
      idle(slot);
    } else if (msg.type === 'partial' || msg.type === 'result') {
      const chunk = slot.chunks.find((c) => c.id === msg.id);
      if (!chunk) return;
      answer(chunk, msg.from, unpackVerdicts<Verdict>(msg.verdicts));
      if (msg.type === 'result') {
        if (chunk.jobs.length > 0) sizer.learn(chunk.module, msg.ms / chunk.jobs.length);
        slot.chunks = slot.chunks.filter((c) => c !== chunk);
        if (chunk.buffer) slot.buffers.give(chunk.buffer);
        chunk.buffer = undefined;
        for (let k = chunk.done; k < chunk.jobs.length; k++) {
          chunk.jobs[k]!.batch.answer(chunk.jobs[k]!.index, failVerdict(Reasons.verifierError, { error: 'no verdict returned' }));
        }
        idle(slot);
      }
    }
  }

  /** Take the next chunk from the queue: consecutive samples of one verifier, within count and bytes. */
  function takeChunk(): QueuedJob[] {
    const first = queue[head]!;
    const want = Math.min(maxChunk, Math.max(sizer.least(first.module), Math.ceil(waiting() / (size * 2))));
    let n = 1;
    let bytes = first.bytes;
    if (!first.solo) {
      while (n < want && head + n < queue.length) {
        const next = queue[head + n]!;
        if (next.module !== first.module || next.solo || bytes + next.bytes > maxChunkBytes) break;
        bytes += next.bytes;
        n++;
      }
    }
    const jobs = queue.slice(head, head + n);
    head += n;
    // Drop taken jobs from the array (they hold their samples): at once when the queue is empty,
    // else once they are the larger part (amortised O(1) per job). Keeping up to 4,096 of them
    // held 40 GB of finished 10 MB samples.
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else if (head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    return jobs;
  }

  function pump(): void {
    if (closed) return;
    // First give idle workers a chunk each, then a second one to run next.
    for (let depth = 1; depth <= IN_FLIGHT; depth++) {
      for (const slot of slots) {
        if (waiting() === 0) break;
        if (!slot.ready || slot.chunks.length >= depth) continue;
        const module = queue[head]!.module;
        // A module not loaded yet is loaded by an idle worker only.
        if (!slot.loaded.has(module) && slot.chunks.length > 0) continue;
        if (slot.chunks.some((c) => !c.started)) continue;
        const jobs = takeChunk();
        const chunk: Chunk = { id: nextChunkId++, module, jobs, started: false, done: 0, buffer: undefined };
        slot.chunks.push(chunk);
        slot.worker.ref();
        if (slot.loaded.has(module)) send(slot, chunk);
        else load(slot, module);
      }
    }
    const starting = [...slots].filter((s) => !s.ready).length;
    let toSpawn = Math.min(size - slots.size, waiting() - starting);
    while (toSpawn-- > 0) spawn();
  }

  /** Ask `slot`'s worker to import `module` (its first chunk is sent when it is loaded). */
  function load(slot: Slot, module: string): void {
    slot.loadTimer = setTimeout(() => {
      failModule(slot, module, `took over ${loadTimeoutMs} ms to load`);
      retire(slot, failVerdict(Reasons.verifierError, { error: 'verifier module load timed out' }));
    }, loadTimeoutMs);
    slot.worker.postMessage({ type: 'load', module } satisfies PoolRequest);
  }

  /** A module that cannot be loaded is not the samples' fault: every waiting sample of it rejects with the set-up error. */
  function failModule(slot: Slot, module: string, why: string): void {
    if (slot.loadTimer) clearTimeout(slot.loadTimer);
    slot.loadTimer = undefined;
    const error = new SetupError(`cannot load verifier module ${module}: ${why}`);
    for (const chunk of slot.chunks.filter((c) => c.module === module)) for (const job of chunk.jobs) job.batch.fail(error);
    slot.chunks = slot.chunks.filter((c) => c.module !== module);
    const rest = queue.slice(head).filter((j) => j.module !== module || (j.batch.fail(error), false));
    queue.length = 0;
    head = 0;
    queue.push(...rest);
  }

  const mb = (n: number): string => `${(n / 2 ** 20).toFixed(1)} MB`;
  function runBatch(batch: PoolBatch, onVerdict?: (index: number, verdict: Verdict) => void): Promise<Verdict[]> {
    const { module, timeoutMs, samples } = batch;
    const out: Verdict[] = new Array(samples.length);
    if (samples.length === 0) return Promise.resolve(out);
    return new Promise<Verdict[]>((resolve, reject) => {
      let left = samples.length;
      let failed = false;
      const handle: BatchHandle = {
        answer(index, verdict) {
          if (failed || out[index] !== undefined) return;
          out[index] = verdict;
          try {
            onVerdict?.(index, verdict);
          } catch (err) {
            // The caller's callback threw (its output failed): the batch rejects with that error.
            handle.fail(err as Error);
            return;
          }
          if (--left === 0) resolve(out);
        },
        fail(err) {
          if (failed) return;
          failed = true;
          reject(err);
        },
      };
      if (closed) {
        for (let k = 0; k < samples.length; k++) handle.answer(k, failVerdict(Reasons.verifierError, { error: 'pool is closed' }));
        return;
      }
      const before = waiting();
      // A batch usually shares one options object: size it once.
      let lastOptions: unknown = null;
      let optionBytes = 0;
      let lastReference: unknown = null;
      let referenceBytes = 0;
      for (let k = 0; k < samples.length; k++) {
        const s = samples[k]!;
        if (s.options !== lastOptions) {
          lastOptions = s.options;
          optionBytes = estimateBytes(s.options, maxSampleBytes);
        }
        // Rollouts of one prompt sit side by side and share their reference: size it once.
        if (s.reference !== lastReference || typeof s.reference !== 'object') {
          lastReference = s.reference;
          referenceBytes = estimateBytes(s.reference, maxSampleBytes);
        }
        const bytes = estimateBytes(s.response, maxSampleBytes) + referenceBytes + optionBytes;
        if (bytes > maxSampleBytes) {
          handle.answer(
            k,
            failVerdict(Reasons.invalidInput, { error: `sample of about ${mb(bytes)} exceeds the ${mb(maxSampleBytes)} a worker accepts (maxSampleBytes)` }),
          );
          continue;
        }
        queue.push({ module, timeoutMs, response: s.response, reference: s.reference, options: s.options, batch: handle, index: k, bytes, solo: false });
      }
      // Let the caller queue a whole batch (or several) before chunks are cut.
      if (before === 0 && waiting() > 0) queueMicrotask(pump);
    });
  }

  return {
    size,
    run(job: PoolJob): Promise<Verdict> {
      return runBatch({ module: job.module, timeoutMs: job.timeoutMs, samples: [job] }).then((vs) => vs[0]!);
    },
    runBatch,
    async close(): Promise<void> {
      closed = true;
      stopWatchdog();
      for (const job of queue.splice(head)) job.batch.answer(job.index, failVerdict(Reasons.verifierError, { error: 'pool closed' }));
      queue.length = 0;
      head = 0;
      const all = [...slots];
      for (const slot of all) {
        slots.delete(slot);
        if (slot.loadTimer) clearTimeout(slot.loadTimer);
        for (const job of slot.chunks.flatMap((c) => c.jobs)) job.batch.answer(job.index, failVerdict(Reasons.verifierError, { error: 'pool closed' }));
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

export { getPool, configurePool, closePool } from './shared-pool.js';
