/**
 * The JavaScript sandbox's helper process: started with `--no-node-snapshot` by `remote.ts` when
 * the process that verifies lacks that flag (isolated-vm needs it on Node >= 20). It runs each
 * submission it is sent with the ordinary in-process runner and answers over IPC. It exits when
 * its parent goes away.
 */
import { Worker } from 'node:worker_threads';
import { runJavaScript } from './sandbox.js';
import { makeJudge } from '../score.js';
import type { RemoteReply, RemoteRequest } from './remote.js';

if (typeof process.send !== 'function') throw new Error('helper-main runs as a child process with an IPC channel');

process.on('disconnect', () => process.exit(0));
// 'disconnect' needs this thread, which a native loop in a submission can hold for good (a
// lastIndexOf over 2**31 indices spun on for 10 minutes after its parent exited): a watchdog
// thread kills the process once the parent is gone.
const parent = process.ppid;
new Worker(
  `const { workerData } = require('node:worker_threads');
setInterval(() => {
  try { process.kill(workerData.parent, 0); } catch { process.kill(workerData.self, 'SIGKILL'); }
}, 1000);`,
  { eval: true, workerData: { parent, self: process.pid } },
).unref();
process.on('message', (msg: RemoteRequest) => {
  let reply: RemoteReply;
  try {
    const { judge } = makeJudge(msg.ref, msg.opts);
    reply = { id: msg.id, outcome: runJavaScript(msg.code, msg.typescript, msg.ref, msg.opts, judge) };
  } catch (err) {
    const e = err as Error;
    reply = { id: msg.id, error: { name: e?.name ?? 'Error', message: String(e?.message ?? err) } };
  }
  process.send!(reply);
});
process.send({ id: 0, ready: true } satisfies RemoteReply);
