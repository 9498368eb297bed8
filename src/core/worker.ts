/**
 * Worker-thread entry of the batch runner's pool. It imports verifier modules on request and runs
 * a chunk of samples one after the other, writing which sample runs and since when into the
 * shared array the main thread's watchdog reads (see pool.ts). Finished verdicts go back every
 * {@link PARTIAL_MS} ms, so a later sample's timeout re-runs little. Dependency loads wrapped in
 * `untimed` stop the running sample's clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importVerifier } from './registry.js';
import { runOne } from './run-one.js';
import { SHARED, type PoolRequest, type PoolReply } from './pool.js';
import { ChunkReader, packVerdicts, type WireVerdicts } from './pool-wire.js';
import { setUntimedClock } from './untimed.js';
import type { Verdict } from './verdict.js';

/** A sample's text above this many bytes is decoded with its clock paused (below, decoding is negligible). */
const LARGE_TEXT_BYTES = 256 * 1024;

/** How often a worker sends the verdicts it has finished within a chunk. */
const PARTIAL_MS = 50;

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const { shared, epoch } = workerData as { shared: SharedArrayBuffer; epoch: number };
const state = new Int32Array(shared);

let loadBegan = 0;
/** Stops the running sample's clock (a dependency loading, its own text being decoded) and resumes it. */
const pause = {
  begin(): void {
    loadBegan = Date.now() - epoch;
    Atomics.store(state, SHARED.LOADING, loadBegan + 1);
  },
  end(): void {
    // Move the running sample's start forward by the pause's duration, then resume its clock.
    Atomics.add(state, SHARED.STARTED, Date.now() - epoch - loadBegan);
    Atomics.store(state, SHARED.LOADING, 0);
  },
};
setUntimedClock(pause);

function safeVerdicts(verdicts: Verdict[]): Verdict[] {
  return verdicts.map((v): Verdict => {
    try {
      structuredClone(v);
      return v;
    } catch (e) {
      return { score: 0, pass: false, reason: 'verifier-error', error: `verdict not transferable: ${String(e)}` };
    }
  });
}

function reply(msg: PoolReply): void {
  port!.postMessage(msg);
}

/** Send finished verdicts of chunk `id` from index `from`: a `partial` reply, or with `ms` (the chunk's running time) its `result`. */
function replyVerdicts(id: number, from: number, verdicts: Verdict[], ms?: number): void {
  const message = (packed: WireVerdicts): PoolReply =>
    ms === undefined ? { type: 'partial', id, from, verdicts: packed } : { type: 'result', id, from, verdicts: packed, ms };
  try {
    port!.postMessage(message(packVerdicts(verdicts)));
  } catch {
    // A verdict whose details cannot be cloned must still answer its sample.
    port!.postMessage(message(packVerdicts(safeVerdicts(verdicts))));
  }
}

async function runChunk(msg: Extract<PoolRequest, { type: 'run' }>): Promise<void> {
  let verifier;
  try {
    verifier = await importVerifier(msg.module);
  } catch (err) {
    reply({ type: 'load-error', module: msg.module, error: String((err as Error)?.message ?? err) });
    return;
  }
  let from = 0;
  let verdicts: Verdict[] = [];
  let lastSent = Date.now();
  const began = performance.now();
  const n = msg.chunk.n;
  const reader = new ChunkReader(msg.chunk);
  for (let k = 0; k < n; k++) {
    Atomics.store(state, SHARED.STARTED, Date.now() - epoch);
    Atomics.store(state, SHARED.CHUNK, msg.id);
    Atomics.store(state, SHARED.RUNNING, k + 1);
    // Decoded while marked running (a sample too large to decode is blamed on its own), with its
    // clock paused: copying the text in is not the sample's verifying time.
    const large = reader.textBytes(k) > LARGE_TEXT_BYTES;
    if (large) pause.begin();
    const s = reader.read(k);
    if (large) pause.end();
    verdicts.push(await runOne(verifier, s.response, s.reference, s.options));
    const now = Date.now();
    if (now - lastSent >= PARTIAL_MS && k + 1 < n) {
      replyVerdicts(msg.id, from, verdicts);
      from = k + 1;
      verdicts = [];
      lastSent = now;
    }
  }
  Atomics.store(state, SHARED.RUNNING, 0);
  replyVerdicts(msg.id, from, verdicts, performance.now() - began);
}

// Requests run one after the other (the pool sends the next chunk before this one ends).
let tail: Promise<void> = Promise.resolve();
port.on('message', (msg: PoolRequest) => {
  tail = tail.then(() =>
    msg.type === 'load'
      ? importVerifier(msg.module).then(
          () => reply({ type: 'loaded', module: msg.module }),
          (err: unknown) => reply({ type: 'load-error', module: msg.module, error: String((err as Error)?.message ?? err) }),
        )
      : runChunk(msg),
  );
});
reply({ type: 'ready' });
