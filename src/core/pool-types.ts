/**
 * The worker pool's public types and its protocol with the worker threads (see pool.ts, worker.ts).
 */
import type { Verdict } from './verdict.js';
import type { WireChunk, WireVerdicts } from './pool-wire.js';
/** One sample as sent to a worker. */
export interface PoolSample {
  response: unknown;
  reference: unknown;
  options: Record<string, unknown> | undefined;
}

/** Messages from the main thread to a worker. */
export type PoolRequest = { type: 'load'; module: string } | { type: 'run'; id: number; module: string; chunk: WireChunk };



/** Messages from a worker to the main thread (`partial`: verdicts of samples `from`.. finished so far). */
export type PoolReply =
  | { type: 'ready' }
  | { type: 'loaded'; module: string }
  | { type: 'load-error'; module: string; error: string }
  | { type: 'partial'; id: number; from: number; verdicts: WireVerdicts }
  | { type: 'result'; id: number; from: number; verdicts: WireVerdicts; /** Milliseconds the worker spent running the chunk. */ ms: number };

/**
 * Layout of the shared array each worker writes: [RUNNING] = 1 + index in the chunk of the sample
 * running now (0 when none), [STARTED] = when it started, in ms since the pool's epoch (moved
 * forward by untimed loading), [LOADING] = 1 + when an untimed load began (0 when none),
 * [CHUNK] = id of the chunk that sample belongs to (a worker holds up to {@link IN_FLIGHT} chunks).
 */
export const SHARED = { RUNNING: 0, STARTED: 1, LOADING: 2, CHUNK: 3, LENGTH: 4 } as const;

/** Pool settings. */
export interface PoolOptions {
  /** Number of worker threads (default: the machine's available parallelism). */
  threads?: number;
  /** Heap limit of each worker in MB (default 1024); overrunning it fails the sample with `memory-limit`. */
  maxMemoryMb?: number;
  /** Time allowed for a worker to import a verifier module or load a dependency, not counted in sample time (default 60 s). */
  loadTimeoutMs?: number;
  /** Most samples sent to a worker in one message (default 256). */
  maxChunk?: number;
  /** Most estimated bytes sent to a worker in one message (default 8 MB); a larger sample goes alone. */
  maxChunkBytes?: number;
  /** Largest sample a worker accepts, in estimated bytes (default: a quarter of its heap); larger ones get `invalid-input`. */
  maxSampleBytes?: number;
}

/** Samples of one verifier module to run in the pool, each under `timeoutMs`. */
export interface PoolBatch {
  module: string;
  timeoutMs: number;
  samples: readonly PoolSample[];
}

/** One sample to run in the pool. */
export interface PoolJob extends PoolSample {
  module: string;
  timeoutMs: number;
}

/** A running pool: submit samples, close when done. */
export interface Pool {
  /**
   * Run one sample; resolves with its verdict. Rejects only for a set-up error that is not the
   * sample's fault: the verifier module cannot be loaded ({@link SetupError}).
   */
  run(job: PoolJob): Promise<Verdict>;
  /**
   * Run many samples of one verifier module; resolves with their verdicts in order, calling
   * `onVerdict` as each is known. Rejects only as {@link Pool.run} does.
   */
  runBatch(batch: PoolBatch, onVerdict?: (index: number, verdict: Verdict) => void): Promise<Verdict[]>;
  /** Terminate every worker. Pending samples resolve with `verifier-error`. */
  close(): Promise<void>;
  /** Number of worker threads this pool runs at most. */
  readonly size: number;
}
