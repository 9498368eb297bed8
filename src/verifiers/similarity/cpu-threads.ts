/**
 * The CPU backend's thread team: splits the rows of an all-pairs product (or top-k) into bands,
 * one per thread, over SharedArrayBuffers. The calling thread computes the first band itself,
 * so `threads: 2` starts one worker. Workers start on first use, are unref'd while idle (an idle
 * team never keeps a process alive) and are terminated by `dispose()`.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../core/module-worker.js';
import { normalizeRows, type Matrix } from './matrix.js';
import { checkK, checkSameDim, type TopK } from './cpu.js';
import { BAND_WORKER, runBand, type CpuBandJob } from './cpu-worker.js';

/** A team of CPU threads for the big kernels. */
export interface CpuThreads {
  /** Threads used, the calling one included. */
  readonly size: number;
  allPairs(a: Matrix, b: Matrix): Promise<Float32Array>;
  topK(a: Matrix, b: Matrix, k: number): Promise<TopK>;
  dispose(): Promise<void>;
}

function startWorker(): Worker {
  return startModuleWorker(import.meta.url, 'cpu-worker', { workerData: BAND_WORKER });
}

interface Member {
  worker: Worker;
  pending: Map<number, { resolve: () => void; reject: (e: Error) => void }>;
}

/** Copy the unit-length rows of `m` into shared memory. */
function sharedUnitRows(m: Matrix): SharedArrayBuffer {
  const sab = new SharedArrayBuffer(Math.max(4, m.rows * m.dim * 4));
  normalizeRows(m, new Float32Array(sab, 0, m.rows * m.dim));
  return sab;
}

/** Split [0, rows) into `parts` bands whose starts are multiples of 4 (the kernel's row tile). */
export function bands(rows: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  const step = Math.max(4, Math.ceil(rows / parts / 4) * 4);
  for (let s = 0; s < rows; s += step) out.push([s, Math.min(rows, s + step)]);
  return out;
}

/** Create a team of `threads` CPU threads (at least 1; 1 means no workers at all). */
export function createCpuThreads(threads: number): CpuThreads {
  const size = Math.max(1, Math.floor(threads));
  const members: (Member | undefined)[] = [];
  let nextId = 1;
  let disposed = false;

  function member(i: number): Member {
    const existing = members[i];
    if (existing) return existing;
    const worker = startWorker();
    const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
    const m: Member = { worker, pending };
    members[i] = m;
    worker.unref();
    worker.on('message', (msg: { id: number; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (pending.size === 0) worker.unref();
      if (msg.error) p.reject(new Error(`CPU similarity worker failed: ${msg.error}`));
      else p.resolve();
    });
    const fail = (err: Error): void => {
      if (members[i] === m) members[i] = undefined;
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`CPU similarity worker exited with code ${code}`)));
    return m;
  }

  function post(i: number, job: Omit<CpuBandJob, 'id'>): Promise<void> {
    const m = member(i);
    const id = nextId++;
    return new Promise<void>((resolve, reject) => {
      m.pending.set(id, { resolve, reject });
      m.worker.ref();
      m.worker.postMessage({ ...job, id } satisfies CpuBandJob);
    });
  }

  /** Run the bands: the calling thread takes the first, workers the rest. */
  async function team(base: Omit<CpuBandJob, 'id' | 'rowStart' | 'rowEnd'>): Promise<void> {
    if (disposed) throw new Error('the CPU thread team was disposed');
    const parts = bands(base.aRows, size);
    const remote = parts.slice(1).map(([rowStart, rowEnd], i) => post(i, { ...base, rowStart, rowEnd }));
    let localError: unknown;
    try {
      if (parts[0]) runBand({ ...base, id: 0, rowStart: parts[0][0], rowEnd: parts[0][1] });
    } catch (err) {
      localError = err;
    }
    await Promise.all(remote);
    if (localError) throw localError;
  }

  return {
    size,
    async allPairs(a, b) {
      checkSameDim(a, b);
      const out = new SharedArrayBuffer(Math.max(4, a.rows * b.rows * 4));
      await team({ op: 'dot', a: sharedUnitRows(a), b: sharedUnitRows(b), aRows: a.rows, bRows: b.rows, dim: a.dim, out });
      return new Float32Array(out, 0, a.rows * b.rows).slice();
    },
    async topK(a, b, k) {
      checkSameDim(a, b);
      checkK(k);
      const out = new SharedArrayBuffer(Math.max(4, a.rows * k * 4));
      const idx = new SharedArrayBuffer(Math.max(4, a.rows * k * 4));
      const scores = new Float32Array(out, 0, a.rows * k).fill(-Infinity);
      const indices = new Int32Array(idx, 0, a.rows * k).fill(-1);
      await team({ op: 'topk', a: sharedUnitRows(a), b: sharedUnitRows(b), aRows: a.rows, bRows: b.rows, dim: a.dim, out, indices: idx, k });
      return { k, indices: indices.slice(), scores: scores.slice() };
    },
    async dispose() {
      disposed = true;
      const all = members.splice(0).filter((m): m is Member => m !== undefined);
      await Promise.all(all.map((m) => m.worker.terminate()));
    },
  };
}
