/**
 * Worker-thread entry of the batch runner's pool. It imports verifier modules on request and runs
 * a chunk of samples one after the other, writing which sample runs and since when into the
 * shared array the main thread's watchdog reads (see pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importVerifier } from './registry.js';
import { runOne } from './run-one.js';
import { SHARED, type PoolRequest, type PoolReply } from './pool.js';
import type { Verdict } from './verdict.js';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const { shared, epoch } = workerData as { shared: SharedArrayBuffer; epoch: number };
const state = new Int32Array(shared);

function reply(msg: PoolReply): void {
  try {
    port!.postMessage(msg);
  } catch (err) {
    // A verdict whose details cannot be cloned must still answer its sample.
    if (msg.type !== 'result') throw err;
    const safe = msg.verdicts.map((v): Verdict => {
      try {
        structuredClone(v);
        return v;
      } catch (e) {
        return { score: 0, pass: false, reason: 'verifier-error', error: `verdict not transferable: ${String(e)}` };
      }
    });
    port!.postMessage({ type: 'result', id: msg.id, verdicts: safe } satisfies PoolReply);
  }
}

async function runChunk(msg: Extract<PoolRequest, { type: 'run' }>): Promise<void> {
  const verdicts: Verdict[] = [];
  let verifier;
  try {
    verifier = await importVerifier(msg.module);
  } catch (err) {
    const error = `cannot load verifier: ${String((err as Error)?.message ?? err)}`;
    reply({ type: 'result', id: msg.id, verdicts: msg.samples.map(() => ({ score: 0, pass: false, reason: 'verifier-error', error })) });
    return;
  }
  for (let k = 0; k < msg.samples.length; k++) {
    const s = msg.samples[k]!;
    Atomics.store(state, SHARED.STARTED, Date.now() - epoch);
    Atomics.store(state, SHARED.RUNNING, k + 1);
    verdicts.push(await runOne(verifier, s.response, s.reference, s.options));
  }
  Atomics.store(state, SHARED.RUNNING, 0);
  reply({ type: 'result', id: msg.id, verdicts });
}

port.on('message', (msg: PoolRequest) => {
  if (msg.type === 'load') {
    importVerifier(msg.module).then(
      () => reply({ type: 'loaded', module: msg.module }),
      (err: unknown) => reply({ type: 'load-error', module: msg.module, error: String((err as Error)?.message ?? err) }),
    );
    return;
  }
  void runChunk(msg);
});
reply({ type: 'ready' });
