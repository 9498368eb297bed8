/**
 * Worker-thread entry of the CPU backend's thread team: computes a band of rows of an all-pairs
 * product or top-k over SharedArrayBuffers and answers with the job id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { dotTileCpu, topKRowsCpu } from './cpu.js';

/** One band of work, posted by `cpu-threads.ts`. */
export interface CpuBandJob {
  id: number;
  op: 'dot' | 'topk';
  /** Unit-length rows of A and B (shared). */
  a: SharedArrayBuffer;
  b: SharedArrayBuffer;
  aRows: number;
  bRows: number;
  dim: number;
  rowStart: number;
  rowEnd: number;
  /** `dot`: the N x M output; `topk`: the scores (N x k). */
  out: SharedArrayBuffer;
  /** `topk`: the indices (N x k) and k. */
  indices?: SharedArrayBuffer;
  k?: number;
}

/** Run one band in the calling thread (the main thread runs its own band the same way). */
export function runBand(job: CpuBandJob): void {
  const a = { data: new Float32Array(job.a), rows: job.aRows, dim: job.dim };
  const b = { data: new Float32Array(job.b), rows: job.bRows, dim: job.dim };
  if (job.op === 'dot') {
    const out = new Float32Array(job.out, job.rowStart * job.bRows * 4, (job.rowEnd - job.rowStart) * job.bRows);
    dotTileCpu(a, b, out, job.rowStart, job.rowEnd, job.bRows);
  } else {
    topKRowsCpu(a, b, job.k!, job.rowStart, job.rowEnd, new Int32Array(job.indices!), new Float32Array(job.out));
  }
}

/** The `workerData` of a thread started to run bands (see cpu-threads.ts). */
export const BAND_WORKER = 'similarity-cpu-band';

// Only a thread started for bands listens: this module is also imported (for runBand) by threads
// that run the similarity verifier itself (the server's batch thread), whose parent's messages
// are not bands (it answered them, and the batch thread's caller took the answer for its own).
const port = workerData === BAND_WORKER ? parentPort : null;
if (port) {
  port.on('message', (job: CpuBandJob) => {
    try {
      runBand(job);
      port.postMessage({ id: job.id });
    } catch (err) {
      port.postMessage({ id: job.id, error: String((err as Error)?.message ?? err) });
    }
  });
}
