/**
 * The batch scorer: row-wise cosine, all-pairs cosine and top-k on the CPU or WebGPU backend.
 *
 * `backend: 'auto'` (default) uses WebGPU only when the batch needs at least `minGpuWork`
 * multiply-adds AND the adapter is a hardware one (a software rasterizer such as llvmpipe is
 * slower than the CPU backend); the adapter is probed on the first batch that large, never for
 * small ones. `'cpu'` and `'webgpu'` force a backend; forcing WebGPU where there is no adapter
 * rejects with the reason. Both backends give the same cosines to 1e-5.
 *
 * The scorer owns its GPU device, buffers and CPU worker threads until `dispose()`.
 */
import { availableParallelism } from 'node:os';
import { toMatrix, type Matrix, type VectorBatch } from './matrix.js';
import { allPairsCosineCpu, checkK, checkSameDim, rowwiseCosineCpu, topKCosineCpu, type TopK } from './cpu.js';
import { createCpuThreads, type CpuThreads } from './cpu-threads.js';
import { createWebGpuBackend, type GpuAdapterSummary, type NoGpu, type WebGpuBackend, type WebGpuOptions } from './webgpu.js';

/** Which backend runs a batch. */
export type BackendChoice = 'auto' | 'cpu' | 'webgpu';

/** Settings of a {@link SimilarityScorer}. */
export interface ScorerOptions {
  /** `auto` (default), or force `cpu` / `webgpu`. */
  backend?: BackendChoice;
  /** `auto` only: smallest batch, in multiply-adds, sent to a hardware GPU (default 1e8, e.g. 1024 x 1024 x 96). */
  minGpuWork?: number;
  /** `auto` only: also use a software adapter such as llvmpipe (default false). */
  allowSoftwareGpu?: boolean;
  /** CPU threads for all-pairs and top-k, the calling thread included (default: available parallelism, at most 8). */
  threads?: number;
  /** Smallest all-pairs batch, in multiply-adds, that the CPU splits across threads (default 4e6). */
  minThreadWork?: number;
  /** Passed to the WebGPU backend (binding flags, binding-size cap). */
  webgpu?: WebGpuOptions;
}

/** A similarity scorer; see the module comment. */
export interface SimilarityScorer {
  /** `out[i] = cos(a_i, b_i)`; a and b must have the same shape. */
  rowwise(a: VectorBatch, b: VectorBatch): Promise<Float32Array>;
  /** `out[i * M + j] = cos(a_i, b_j)`, N x M row-major. */
  allPairs(a: VectorBatch, b: VectorBatch): Promise<Float32Array>;
  /** The k most similar rows of b for each row of a, best first (ties to the lower index). */
  topK(a: VectorBatch, b: VectorBatch, k: number): Promise<TopK>;
  /** The backend that ran the most recent batch (undefined before the first). */
  readonly lastBackend: 'cpu' | 'webgpu' | undefined;
  /** The WebGPU adapter if one was probed and is usable, else why not; probes if not done yet. */
  gpu(): Promise<GpuAdapterSummary | NoGpu>;
  /** Release the GPU device, buffers and worker threads. The scorer cannot be used afterwards. */
  dispose(): Promise<void>;
}

/** Default `minGpuWork`: below this a hardware GPU's upload and read-back cost more than the CPU's whole run. */
export const DEFAULT_MIN_GPU_WORK = 1e8;

/** Create a scorer (cheap: the GPU and worker threads start on first use). */
export function createSimilarityScorer(options: ScorerOptions = {}): SimilarityScorer {
  const choice = options.backend ?? 'auto';
  if (choice !== 'auto' && choice !== 'cpu' && choice !== 'webgpu') {
    throw new TypeError(`backend must be "auto", "cpu" or "webgpu", got ${JSON.stringify(choice)}`);
  }
  const minGpuWork = options.minGpuWork ?? DEFAULT_MIN_GPU_WORK;
  const minThreadWork = options.minThreadWork ?? 4e6;
  const threads = Math.max(1, Math.floor(options.threads ?? Math.min(8, availableParallelism())));
  let gpuPromise: Promise<WebGpuBackend | NoGpu> | undefined;
  let team: CpuThreads | undefined;
  let disposed = false;
  let last: 'cpu' | 'webgpu' | undefined;

  function gpuBackend(): Promise<WebGpuBackend | NoGpu> {
    const hardwareOnly = choice === 'auto' && !options.allowSoftwareGpu;
    gpuPromise ??= createWebGpuBackend({ hardwareOnly, ...options.webgpu }).catch((err: Error) => ({ reason: `WebGPU initialization failed: ${err.message}` }));
    return gpuPromise;
  }

  /** The GPU backend to run a batch of `work` multiply-adds on, or undefined for the CPU. */
  async function pick(work: number): Promise<WebGpuBackend | undefined> {
    if (disposed) throw new Error('the similarity scorer was disposed');
    if (choice === 'cpu') return undefined;
    if (choice === 'webgpu') {
      const g = await gpuBackend();
      if ('reason' in g) throw new Error(`backend "webgpu" was requested but ${g.reason}`);
      return g;
    }
    if (work < minGpuWork) return undefined;
    const g = await gpuBackend();
    return 'reason' in g ? undefined : g;
  }

  const cpuTeam = (work: number): CpuThreads | undefined => {
    if (threads < 2 || work < minThreadWork) return undefined;
    team ??= createCpuThreads(threads);
    return team;
  };

  return {
    get lastBackend() {
      return last;
    },

    async rowwise(aIn, bIn) {
      const a = toMatrix(aIn);
      const b = toMatrix(bIn);
      checkSameDim(a, b);
      if (a.rows !== b.rows) throw new RangeError(`row-wise cosine needs equal row counts, got ${a.rows} and ${b.rows}`);
      const g = await pick(3 * a.rows * a.dim);
      last = g ? 'webgpu' : 'cpu';
      return g ? g.rowwise(a, b) : rowwiseCosineCpu(a, b);
    },

    async allPairs(aIn, bIn) {
      const a = toMatrix(aIn);
      const b = toMatrix(bIn);
      checkSameDim(a, b);
      const work = a.rows * b.rows * a.dim;
      const g = await pick(work);
      last = g ? 'webgpu' : 'cpu';
      if (g) return g.allPairs(a, b);
      const t = cpuTeam(work);
      return t ? t.allPairs(a, b) : allPairsCosineCpu(a, b);
    },

    async topK(aIn, bIn, k) {
      const a = toMatrix(aIn);
      const b = toMatrix(bIn);
      checkSameDim(a, b);
      checkK(k);
      const work = a.rows * b.rows * a.dim;
      const g = await pick(work);
      last = g ? 'webgpu' : 'cpu';
      if (g) return g.topK(a, b, k);
      const t = cpuTeam(work);
      return t ? t.topK(a, b, k) : topKCosineCpu(a, b, k);
    },

    async gpu() {
      const g = await gpuBackend();
      return 'reason' in g ? g : g.adapter;
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      const g = gpuPromise ? await gpuPromise : undefined;
      if (g && !('reason' in g)) await g.dispose();
      await team?.dispose();
    },
  };
}

export type { Matrix, VectorBatch, TopK };
