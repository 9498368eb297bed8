/**
 * The worker thread that encodes verl parquet (see verl-writer.ts): it opens the file named in
 * `workerData`, turns each batch it is sent into a row group, answers `done` after each, and
 * writes the footer on `close`. The first failure is reported and every later batch is refused,
 * so a half-written file is never finished as if whole.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createParquetSink, type ParquetCodec, type ParquetSink } from './parquet.js';
import { VERL_SCHEMA, unpackVerlBatch, verlColumns, type PackedVerlBatch } from './verl-columns.js';

/** What the main thread sends. */
export type ToVerlWorker = { batch: PackedVerlBatch } | { close: true };
/** What the worker answers. */
export type FromVerlWorker = { done: true } | { closed: true } | { error: string };

const port = parentPort!;
const { path, codec } = workerData as { path: string; codec: ParquetCodec };
let sink: ParquetSink | undefined;
let failed = false;
const fail = (err: unknown): void => {
  failed = true;
  port.postMessage({ error: (err as Error).message ?? String(err) } satisfies FromVerlWorker);
};
try {
  sink = createParquetSink(path, VERL_SCHEMA, codec);
} catch (err) {
  fail(err);
}
port.on('message', (m: ToVerlWorker) => {
  if (failed) return;
  try {
    if ('batch' in m) {
      sink!.writeGroup(verlColumns(unpackVerlBatch(m.batch)));
      port.postMessage({ done: true } satisfies FromVerlWorker);
    } else {
      sink!.close();
      port.postMessage({ closed: true } satisfies FromVerlWorker);
      port.close();
    }
  } catch (err) {
    fail(err);
  }
});
