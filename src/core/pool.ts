/**
 * A small worker-thread pool with hard per-sample time limits.
 *
 * Why not piscina: its task timers start when a task is queued, not when a worker starts it, and it
 * cannot preload a module before the clock starts. Here the clock starts when the sample is posted
 * to a worker that has already imported the verifier, so a time limit measures the sample alone.
 * A sample that overruns gets `timeout` and its worker is terminated (V8 stops even a synchronous
 * loop or a backtracking regex); a worker that dies (out of memory, crash) fails only its sample.
 * Idle workers are unref'd, so an idle pool never keeps a process alive.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { Reasons, failVerdict, type Verdict } from './verdict.js';

/** Messages from the main thread to a worker. */
export type PoolRequest =
  | { type: 'load'; module: string }
  | { type: 'run'; id: number; module: string; response: unknown; reference: unknown; options: Record<string, unknown> | undefined };

/** Messages from a worker to the main thread. */
export type PoolReply =
  | { type: 'ready' }
  | { type: 'loaded'; module: string }
  | { type: 'load-error'; module: string; error: string }
  | { type: 'result'; id: number; verdict: Verdict };

/** Pool settings. */
export interface PoolOptions {
  /** Number of worker threads (default: the machine's available parallelism). */
  threads?: number;
  /** Heap limit of each worker in MB (default 1024); overrunning it fails the sample with `memory-limit`. */
  maxMemoryMb?: number;
  /** Time allowed for a worker to import a verifier module, not counted in sample time (default 60 s). */
  loadTimeoutMs?: number;
}

/** One sample to run in the pool. */
export interface PoolJob {
  module: string;
  response: unknown;
  reference: unknown;
  options: Record<string, unknown> | undefined;
  timeoutMs: number;
}

interface QueuedJob extends PoolJob {
  id: number;
  resolve: (v: Verdict) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  loaded: Set<string>;
  job: QueuedJob | undefined;
  timer: NodeJS.Timeout | undefined;
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

/**
 * Start a worker thread running `worker.js`. When this file runs as TypeScript (tests, development
 * under tsx), Node 20 workers do not inherit the loader, so the worker first registers tsx itself.
 */
function startWorker(resourceLimits: { maxOldGenerationSizeMb: number }): Worker {
  if (!isTs) return new Worker(new URL('./worker.js', import.meta.url), { resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** Create a worker pool. Most callers use the shared pool of {@link getPool} instead. */
export function createPool(options: PoolOptions = {}): Pool {
  const size = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const maxMemoryMb = options.maxMemoryMb ?? 1024;
  const loadTimeoutMs = options.loadTimeoutMs ?? 60_000;
  const queue: QueuedJob[] = [];
  const slots = new Set<Slot>();
  let nextId = 1;
  let closed = false;

  function spawn(): void {
    const worker = startWorker({ maxOldGenerationSizeMb: maxMemoryMb });
    const slot: Slot = { worker, ready: false, loaded: new Set(), job: undefined, timer: undefined };
    slots.add(slot);
    worker.on('message', (msg: PoolReply) => onMessage(slot, msg));
    worker.on('error', (err: Error & { code?: string }) => {
      const reason = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? Reasons.memoryLimit : Reasons.verifierError;
      retire(slot, failVerdict(reason, { error: `worker died: ${err.message}` }));
    });
    worker.on('exit', (code) => retire(slot, failVerdict(Reasons.verifierError, { error: `worker exited with code ${code}` })));
  }

  /** Remove a slot, settle its sample with `verdict`, and keep the queue moving. */
  function retire(slot: Slot, verdict: Verdict): void {
    if (!slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    void slot.worker.terminate();
    job?.resolve(verdict);
    pump();
  }

  function start(slot: Slot, job: QueuedJob): void {
    slot.timer = setTimeout(() => retire(slot, failVerdict(Reasons.timeout, { error: `exceeded ${job.timeoutMs} ms` })), job.timeoutMs);
    const msg: PoolRequest = { type: 'run', id: job.id, module: job.module, response: job.response, reference: job.reference, options: job.options };
    try {
      slot.worker.postMessage(msg);
    } catch (err) {
      clearTimeout(slot.timer);
      slot.timer = undefined;
      slot.job = undefined;
      job.resolve(failVerdict(Reasons.invalidInput, { error: `sample cannot be sent to a worker: ${(err as Error).message}` }));
      idle(slot);
    }
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
    const job = slot.job;
    if (!job) return;
    if (msg.type === 'loaded') {
      if (slot.timer) clearTimeout(slot.timer);
      slot.loaded.add(msg.module);
      start(slot, job);
    } else if (msg.type === 'load-error') {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      slot.job = undefined;
      job.resolve(failVerdict(Reasons.verifierError, { error: `cannot load verifier: ${msg.error}` }));
      idle(slot);
    } else if (msg.type === 'result' && msg.id === job.id) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = undefined;
      slot.job = undefined;
      job.resolve(msg.verdict);
      idle(slot);
    }
  }

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (!slot.ready || slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      if (slot.loaded.has(job.module)) {
        start(slot, job);
      } else {
        slot.timer = setTimeout(
          () => retire(slot, failVerdict(Reasons.verifierError, { error: `verifier module took over ${loadTimeoutMs} ms to load` })),
          loadTimeoutMs,
        );
        slot.worker.postMessage({ type: 'load', module: job.module } satisfies PoolRequest);
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
        queue.push({ ...job, id: nextId++, resolve });
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.resolve(failVerdict(Reasons.verifierError, { error: 'pool closed' }));
      const all = [...slots];
      for (const slot of all) retire(slot, failVerdict(Reasons.verifierError, { error: 'pool closed' }));
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
