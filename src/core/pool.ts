/**
 * A worker-thread pool with hard per-sample time limits and little per-sample overhead.
 *
 * Samples go to workers in chunks (up to 64 when the queue is long, one at a time when it is
 * short), so a cheap verifier is not dominated by message passing. Each worker writes which sample
 * it is running and since when into a small shared array; a watchdog on the main thread reads it,
 * so the clock of each sample starts when the worker starts that sample (not when it was queued),
 * and a sample that overruns gets `timeout` while its worker is terminated (V8 stops even a
 * synchronous loop or a backtracking regex). The chunk's other samples are re-queued, so nothing
 * else is lost. A worker that dies (out of memory, crash) fails only the sample it was running.
 * Workers import a verifier before any clock starts. Idle workers are unref'd, so an idle pool
 * never keeps a process alive.
 *
 * Why not piscina: its timers start when a task is queued, it cannot preload a module before the
 * clock starts, and one task per message costs more than the cheap verifiers themselves.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { Reasons, failVerdict, type Verdict } from './verdict.js';

/** One sample as sent to a worker. */
export interface PoolSample {
  response: unknown;
  reference: unknown;
  options: Record<string, unknown> | undefined;
}

/** Messages from the main thread to a worker. */
export type PoolRequest = { type: 'load'; module: string } | { type: 'run'; id: number; module: string; samples: PoolSample[] };

/** Messages from a worker to the main thread. */
export type PoolReply =
  | { type: 'ready' }
  | { type: 'loaded'; module: string }
  | { type: 'load-error'; module: string; error: string }
  | { type: 'result'; id: number; verdicts: Verdict[] };

/**
 * Layout of the shared array each worker writes: [RUNNING] = 1 + index in the chunk of the sample
 * running now (0 when none), [STARTED] = when it started, in ms since the pool's epoch.
 */
export const SHARED = { RUNNING: 0, STARTED: 1, LENGTH: 2 } as const;

/** Pool settings. */
export interface PoolOptions {
  /** Number of worker threads (default: the machine's available parallelism). */
  threads?: number;
  /** Heap limit of each worker in MB (default 1024); overrunning it fails the sample with `memory-limit`. */
  maxMemoryMb?: number;
  /** Time allowed for a worker to import a verifier module, not counted in sample time (default 60 s). */
  loadTimeoutMs?: number;
  /** Most samples sent to a worker in one message (default 64). */
  maxChunk?: number;
}

/** One sample to run in the pool. */
export interface PoolJob extends PoolSample {
  module: string;
  timeoutMs: number;
}

interface QueuedJob extends PoolJob {
  resolve: (v: Verdict) => void;
  attempts: number;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  loaded: Set<string>;
  shared: Int32Array;
  chunk: { id: number; module: string; jobs: QueuedJob[]; started: boolean } | undefined;
  loadTimer: NodeJS.Timeout | undefined;
}

/** A running pool: submit samples, close when done. */
export interface Pool {
  /** Run one sample; resolves with its verdict and never rejects. */
  run(job: PoolJob): Promise<Verdict>;
  /** Terminate every worker. Pending samples resolve with `verifier-error`. */
  close(): Promise<void>;
  /** Number of worker threads this pool runs at most. */
  readonly size: number;
}

const isTs = import.meta.url.endsWith('.ts');
const MAX_ATTEMPTS = 3;

/**
 * Start a worker thread running `worker.js`. When this file runs as TypeScript (tests, development
 * under tsx), Node 20 workers do not inherit the loader, so the worker first registers tsx itself.
 */
function startWorker(resourceLimits: { maxOldGenerationSizeMb: number }, workerData: unknown): Worker {
  if (!isTs) return new Worker(new URL('./worker.js', import.meta.url), { resourceLimits, workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, resourceLimits, workerData });
}

/** Create a worker pool. Most callers use the shared pool of {@link getPool} instead. */
export function createPool(options: PoolOptions = {}): Pool {
  const size = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const maxMemoryMb = options.maxMemoryMb ?? 1024;
  const loadTimeoutMs = options.loadTimeoutMs ?? 60_000;
  const maxChunk = Math.max(1, options.maxChunk ?? 64);
  const epoch = Date.now();
  const queue: QueuedJob[] = [];
  const slots = new Set<Slot>();
  let nextChunkId = 1;
  let closed = false;
  let watchdog: NodeJS.Timeout | undefined;

  function spawn(): void {
    const buffer = new SharedArrayBuffer(SHARED.LENGTH * 4);
    const worker = startWorker({ maxOldGenerationSizeMb: maxMemoryMb }, { shared: buffer, epoch });
    const slot: Slot = { worker, ready: false, loaded: new Set(), shared: new Int32Array(buffer), chunk: undefined, loadTimer: undefined };
    slots.add(slot);
    worker.on('message', (msg: PoolReply) => onMessage(slot, msg));
    worker.on('error', (err: Error & { code?: string }) => {
      const reason = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? Reasons.memoryLimit : Reasons.verifierError;
      retire(slot, failVerdict(reason, { error: `worker died: ${err.message}` }));
    });
    worker.on('exit', (code) => retire(slot, failVerdict(Reasons.verifierError, { error: `worker exited with code ${code}` })));
  }

  /**
   * Remove a slot. The sample it was running gets `verdict`; the other samples of its chunk go
   * back to the front of the queue (a sample re-queued too often fails instead of looping).
   */
  function retire(slot: Slot, verdict: Verdict): void {
    if (!slots.delete(slot)) return;
    if (slot.loadTimer) clearTimeout(slot.loadTimer);
    void slot.worker.terminate();
    const chunk = slot.chunk;
    slot.chunk = undefined;
    if (chunk) {
      const running = chunk.started ? Atomics.load(slot.shared, SHARED.RUNNING) - 1 : -1;
      const again: QueuedJob[] = [];
      chunk.jobs.forEach((job, k) => {
        if (k === running) job.resolve(verdict);
        else if (++job.attempts >= MAX_ATTEMPTS) job.resolve(failVerdict(Reasons.verifierError, { error: `worker failed ${job.attempts} times` }));
        else again.push(job);
      });
      queue.unshift(...again);
    }
    pump();
  }

  function tick(): void {
    const now = Date.now() - epoch;
    for (const slot of slots) {
      const chunk = slot.chunk;
      if (!chunk?.started) continue;
      const running = Atomics.load(slot.shared, SHARED.RUNNING);
      if (running === 0) continue;
      const job = chunk.jobs[running - 1];
      const elapsed = now - Atomics.load(slot.shared, SHARED.STARTED);
      if (job && elapsed > job.timeoutMs) retire(slot, failVerdict(Reasons.timeout, { error: `exceeded ${job.timeoutMs} ms` }));
    }
    if (![...slots].some((s) => s.chunk)) stopWatchdog();
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

  function send(slot: Slot): void {
    const chunk = slot.chunk!;
    chunk.started = true;
    Atomics.store(slot.shared, SHARED.RUNNING, 0);
    const msg: PoolRequest = {
      type: 'run',
      id: chunk.id,
      module: chunk.module,
      samples: chunk.jobs.map((j) => ({ response: j.response, reference: j.reference, options: j.options })),
    };
    try {
      slot.worker.postMessage(msg);
    } catch {
      // A sample that cannot be cloned: send the chunk's samples one by one to find it.
      slot.chunk = undefined;
      const [first, ...rest] = chunk.jobs;
      queue.unshift(...rest);
      try {
        slot.chunk = { ...chunk, jobs: [first!] };
        slot.worker.postMessage({ ...msg, samples: msg.samples.slice(0, 1) } satisfies PoolRequest);
      } catch (err) {
        slot.chunk = undefined;
        first!.resolve(failVerdict(Reasons.invalidInput, { error: `sample cannot be sent to a worker: ${(err as Error).message}` }));
        idle(slot);
        return;
      }
    }
    startWatchdog(Math.min(...chunk.jobs.map((j) => j.timeoutMs)));
  }

  function idle(slot: Slot): void {
    slot.worker.unref();
    pump();
  }

  function onMessage(slot: Slot, msg: PoolReply): void {
    if (!slots.has(slot)) return;
    if (msg.type === 'ready') {
      slot.ready = true;
      idle(slot);
      return;
    }
    const chunk = slot.chunk;
    if (!chunk) return;
    if (msg.type === 'loaded') {
      if (slot.loadTimer) clearTimeout(slot.loadTimer);
      slot.loadTimer = undefined;
      slot.loaded.add(msg.module);
      send(slot);
    } else if (msg.type === 'load-error') {
      if (slot.loadTimer) clearTimeout(slot.loadTimer);
      slot.loadTimer = undefined;
      slot.chunk = undefined;
      for (const job of chunk.jobs) job.resolve(failVerdict(Reasons.verifierError, { error: `cannot load verifier: ${msg.error}` }));
      idle(slot);
    } else if (msg.type === 'result' && msg.id === chunk.id) {
      slot.chunk = undefined;
      chunk.jobs.forEach((job, k) => job.resolve(msg.verdicts[k] ?? failVerdict(Reasons.verifierError, { error: 'no verdict returned' })));
      idle(slot);
    }
  }

  /** Take the next chunk from the queue: consecutive samples of one verifier. */
  function takeChunk(): QueuedJob[] {
    const want = Math.min(maxChunk, Math.max(1, Math.ceil(queue.length / (size * 4))));
    const module = queue[0]!.module;
    let n = 0;
    while (n < want && n < queue.length && queue[n]!.module === module) n++;
    return queue.splice(0, n);
  }

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (!slot.ready || slot.chunk) continue;
      const jobs = takeChunk();
      const module = jobs[0]!.module;
      slot.chunk = { id: nextChunkId++, module, jobs, started: false };
      slot.worker.ref();
      if (slot.loaded.has(module)) {
        send(slot);
      } else {
        slot.loadTimer = setTimeout(
          () => retire(slot, failVerdict(Reasons.verifierError, { error: `verifier module took over ${loadTimeoutMs} ms to load` })),
          loadTimeoutMs,
        );
        slot.worker.postMessage({ type: 'load', module } satisfies PoolRequest);
      }
    }
    const starting = [...slots].filter((s) => !s.ready).length;
    let toSpawn = Math.min(size - slots.size, queue.length - starting);
    while (toSpawn-- > 0) spawn();
  }

  return {
    size,
    run(job: PoolJob): Promise<Verdict> {
      if (closed) return Promise.resolve(failVerdict(Reasons.verifierError, { error: 'pool is closed' }));
      return new Promise<Verdict>((resolve) => {
        queue.push({ ...job, resolve, attempts: 0 });
        // Let the caller queue a whole batch before chunks are cut.
        if (queue.length === 1) queueMicrotask(pump);
      });
    },
    async close(): Promise<void> {
      closed = true;
      stopWatchdog();
      for (const job of queue.splice(0)) job.resolve(failVerdict(Reasons.verifierError, { error: 'pool closed' }));
      const all = [...slots];
      for (const slot of all) {
        slots.delete(slot);
        if (slot.loadTimer) clearTimeout(slot.loadTimer);
        for (const job of slot.chunk?.jobs ?? []) job.resolve(failVerdict(Reasons.verifierError, { error: 'pool closed' }));
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

let shared: Pool | undefined;
let sharedOptions: PoolOptions = {};

/** The process-wide pool used by the reward functions, created on first use. */
export function getPool(): Pool {
  shared ??= createPool(sharedOptions);
  return shared;
}

/**
 * Configure the shared pool (threads, memory limit). Takes effect for the next batch: a running
 * shared pool is closed and recreated.
 */
export async function configurePool(options: PoolOptions): Promise<void> {
  sharedOptions = { ...options };
  const old = shared;
  shared = undefined;
  await old?.close();
}

/** Close the shared pool (workers are unref'd when idle, so this is only needed for a prompt exit). */
export async function closePool(): Promise<void> {
  const old = shared;
  shared = undefined;
  await old?.close();
}
