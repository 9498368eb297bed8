/**
 * Worker-thread entry of the batch runner's pool. It imports verifier modules on request and
 * runs one sample at a time; the main thread enforces time limits by terminating this thread.
 */
import { parentPort } from 'node:worker_threads';
import { importVerifier } from './registry.js';
import { runOne } from './run-one.js';
import type { PoolRequest, PoolReply } from './pool.js';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

function reply(msg: PoolReply): void {
  try {
    port!.postMessage(msg);
  } catch (err) {
    // A verdict whose details cannot be cloned must still answer its sample.
    if (msg.type !== 'result') throw err;
    port!.postMessage({
      type: 'result',
      id: msg.id,
      verdict: { score: 0, pass: false, reason: 'verifier-error', error: `verdict not transferable: ${String(err)}` },
    } satisfies PoolReply);
  }
}

port.on('message', (msg: PoolRequest) => {
  if (msg.type === 'load') {
    importVerifier(msg.module).then(
      () => reply({ type: 'loaded', module: msg.module }),
      (err: unknown) => reply({ type: 'load-error', module: msg.module, error: String((err as Error)?.message ?? err) }),
    );
    return;
  }
  importVerifier(msg.module)
    .then((verifier) => runOne(verifier, msg.response, msg.reference, msg.options))
    .then(
      (verdict) => reply({ type: 'result', id: msg.id, verdict }),
      (err: unknown) =>
        reply({
          type: 'result',
          id: msg.id,
          verdict: { score: 0, pass: false, reason: 'verifier-error', error: String((err as Error)?.message ?? err) },
        }),
    );
});
reply({ type: 'ready' });
