/**
 * Worker-thread entry of `batch-thread.ts`: imports a batch verifier's module and answers each
 * slice with its `verifyMany` verdicts, or with the error the call threw (flagged when it is a
 * set-up error, so the caller fails loudly instead of scoring zeros).
 */
import { parentPort } from 'node:worker_threads';
import { importVerifierModule } from './registry.js';
import { isSetupError } from './setup-error.js';
import type { ManyReply, ManyRequest } from './batch-thread.js';

const port = parentPort;
if (port) {
  port.on('message', (req: ManyRequest) => {
    void (async (): Promise<ManyReply> => {
      try {
        const mod = await importVerifierModule(req.module);
        if (typeof mod.verifyMany !== 'function') throw new Error(`module ${req.module} has no verifyMany (it is not a batch verifier)`);
        return { id: req.id, verdicts: await mod.verifyMany(req.samples, req.options) };
      } catch (err) {
        const e = err as Error | undefined;
        return { id: req.id, error: e?.message || e?.stack || String(err), setup: isSetupError(err) };
      }
    })().then((reply) => {
      try {
        port.postMessage(reply);
      } catch (err) {
        // A verdict that cannot be cloned (a module's bug): the call fails, the thread lives on.
        port.postMessage({ id: req.id, error: `verdicts cannot cross threads: ${(err as Error).message}`, setup: false } satisfies ManyReply);
      }
    });
  });
}
