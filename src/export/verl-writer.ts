/**
 * verl parquet output on a worker thread: the export loop (read, parse, render) stays on the main
 * thread and only collects each row's strings into a column batch; a full batch is posted to the
 * worker (verl-worker.ts), which builds the nested columns, encodes and compresses them, and
 * appends the row group to the file. The two run on separate cores, so parquet encoding no longer
 * adds to the time per line. At most {@link IN_FLIGHT} batches are queued (`write` returns a
 * promise to wait on when the queue is full), so memory stays flat in the input size.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../core/module-worker.js';
import { assertWritable } from '../core/jsonl.js';
import { createParquetSink, type ParquetCodec } from './parquet.js';
import type { TrainingTask } from './task.js';
import { pushVerlRow } from './verl.js';
import { newVerlBatch, packVerlBatch, verlColumns, VERL_SCHEMA, type VerlBatch } from './verl-columns.js';
import type { FromVerlWorker, ToVerlWorker } from './verl-worker.js';

/** Rows per row group unless told otherwise: a few MB of text; larger groups cost more (garbage collection) and gain nothing. */
export const ROW_GROUP_ROWS = 4096;
/** Batches posted and not yet written: one being encoded, the rest absorb jitter and the worker start. */
const IN_FLIGHT = 4;

/** Options of {@link createVerlWriter}. */
export interface VerlWriterOptions {
  /** `extra_info.split` of every row. */
  split: string;
  rowGroupRows?: number;
  codec?: ParquetCodec;
  /** Encode on the calling thread instead of a worker (one core; the bench's baseline). */
  inThread?: boolean;
}

/** A verl parquet file being written. */
export interface VerlWriter {
  /** Add the row of `task` (index: rows before it); a promise when the caller must wait for the worker. */
  write(task: TrainingTask): Promise<void> | undefined;
  /** Write the last group and the footer; rejects with the worker's error if it failed. */
  close(): Promise<void>;
}

/** Start the parquet worker (`verl-worker.js`, or `.ts` under tsx). */
function startWorker(workerData: unknown): Worker {
  return startModuleWorker(import.meta.url, 'verl-worker', { workerData });
}

/** Open `path` for verl rows; throws at once when the file cannot be written. */
export function createVerlWriter(path: string, { split, rowGroupRows = ROW_GROUP_ROWS, codec = 'BROTLI', inThread = false }: VerlWriterOptions): VerlWriter {
  if (!Number.isInteger(rowGroupRows) || rowGroupRows < 1) throw new Error(`rows per row group must be a positive integer, got ${rowGroupRows}`);
  assertWritable([{ path, label: '--out' }]);
  if (inThread) return inThreadWriter(path, split, rowGroupRows, codec);
  const worker = startWorker({ path, codec });
  let failure: Error | undefined;
  let closed = false;
  let inFlight = 0;
  let waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const settle = (): void => {
    const ws = waiters;
    waiters = [];
    for (const w of ws) failure ? w.reject(failure) : w.resolve();
  };
  const failWith = (err: Error): void => {
    failure ??= new Error(`cannot write ${path}: ${err.message}`);
    settle();
  };
  worker.on('message', (m: FromVerlWorker) => {
    if ('error' in m) failWith(new Error(m.error));
    else if ('done' in m) inFlight -= 1;
    else closed = true;
    settle();
  });
  worker.on('error', failWith);
  worker.on('exit', (code) => {
    if (!closed) failWith(new Error(`the parquet worker stopped (exit code ${code})`));
    settle();
  });
  const wait = (): Promise<void> => new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  const post = (m: ToVerlWorker, transfer: ArrayBuffer[] = []): void => worker.postMessage(m, transfer);

  let rows = 0;
  let batch: VerlBatch = newVerlBatch(0, split);
  const send = (): void => {
    if (!batch.content.length) return;
    const packed = packVerlBatch(batch);
    post({ batch: packed }, [packed.bytes.buffer as ArrayBuffer, packed.lengths.buffer as ArrayBuffer, packed.codes.buffer as ArrayBuffer]);
    inFlight += 1;
    batch = newVerlBatch(rows, split);
  };
  return {
    write(task) {
      if (failure) throw failure;
      rows += 1;
      if (pushVerlRow(batch, task) < rowGroupRows) return undefined;
      send();
      if (inFlight < IN_FLIGHT) return undefined;
      return (async () => {
        while (inFlight >= IN_FLIGHT && !failure) await wait();
        if (failure) throw failure;
      })();
    },
    async close() {
      try {
        if (!failure) {
          send();
          post({ close: true });
          while (!closed && !failure) await wait();
        }
        if (failure) throw failure;
      } finally {
        await worker.terminate();
      }
    },
  };
}

/** The same writer without a worker: each full batch is encoded before `write` returns. */
function inThreadWriter(path: string, split: string, rowGroupRows: number, codec: ParquetCodec): VerlWriter {
  const sink = createParquetSink(path, VERL_SCHEMA, codec);
  let rows = 0;
  let batch = newVerlBatch(0, split);
  const send = (): void => {
    if (batch.content.length) sink.writeGroup(verlColumns(batch));
    batch = newVerlBatch(rows, split);
  };
  return {
    write(task) {
      rows += 1;
      if (pushVerlRow(batch, task) >= rowGroupRows) send();
      return undefined;
    },
    async close() {
      send();
      sink.close();
    },
  };
}
