/**
 * The JavaScript sandbox's helper process, started with `--no-node-snapshot` by `remote.ts`
 * (isolated-vm needs it on Node >= 20): it runs each submission it is sent with the in-process
 * runner (sandbox.ts), reports each test as it finishes, then the outcome, over IPC. It warms its
 * sandbox up before saying it is ready, and exits when its parent goes away.
 */
import { Worker } from 'node:worker_threads';
import { runJavaScript } from './sandbox.js';
import { makeJudge } from '../score.js';
import { resolveOptions } from '../options.js';
import type { NormalizedReference } from '../types.js';
import type { RemoteReply, RemoteRequest } from './remote.js';

if (typeof process.send !== 'function') throw new Error('helper-main runs as a child process with an IPC channel');

process.on('disconnect', () => process.exit(0));

/** Extra time the watchdog gives a submission past the host's deadline (the host kills first). */
const WATCHDOG_GRACE_MS = 2_000;
// [0]: when the submission in flight must be over (Date.now() ms), 0 when idle.
const deadline = new Float64Array(new SharedArrayBuffer(8));
// 'disconnect' needs this thread, which a native loop in a submission can hold for good (a
// lastIndexOf over 2**31 indices spun on for 10 minutes after its parent exited): a watchdog
// thread kills the process once the parent is gone, once the thread that started it is gone (its
// end of the pipe on fd 4 closes: a pool's worker thread terminated mid-submission), or once a
// submission has overrun its deadline by WATCHDOG_GRACE_MS (the host kills it at the deadline).
new Worker(
  `const { workerData } = require('node:worker_threads');
const deadline = new Float64Array(workerData.deadline);
const die = () => process.kill(workerData.self, 'SIGKILL');
try {
  const owner = new (require('node:net').Socket)({ fd: 4, readable: true, writable: false });
  owner.on('end', die).on('close', die).on('error', die).resume();
} catch {}
let ticks = 0;
setInterval(() => {
  const d = deadline[0];
  if (d > 0 && Date.now() > d) process.kill(workerData.self, 'SIGKILL');
  if (++ticks % 4 === 0) {
    try { process.kill(workerData.parent, 0); } catch { process.kill(workerData.self, 'SIGKILL'); }
  }
}, 250);`,
  { eval: true, workerData: { parent: process.ppid, self: process.pid, deadline: deadline.buffer } },
).unref();

function send(msg: RemoteReply): void {
  process.send!(msg);
}

process.on('message', (msg: RemoteRequest) => {
  let reply: RemoteReply;
  deadline[0] = Date.now() + msg.budgetMs + WATCHDOG_GRACE_MS;
  try {
    const { judge } = makeJudge(msg.ref, msg.opts);
    const outcome = runJavaScript(msg.code, msg.typescript, msg.ref, msg.opts, (i, run) => {
      // Sent at once (the pipe is written synchronously while it has room), so a submission that
      // is killed later keeps the tests it finished.
      send({ id: msg.id, test: i, run });
      return judge(i, run);
    });
    reply = { id: msg.id, outcome: { ...outcome, runs: [] } };
  } catch (err) {
    const e = err as Error;
    reply = { id: msg.id, error: { name: e?.name ?? 'Error', message: String(e?.message ?? err) } };
  }
  deadline[0] = 0;
  send(reply);
});

/** Run two small submissions so the first real one finds the harness cached and the isolates made. */
function warmUp(): void {
  const opts = resolveOptions({});
  const refs: NormalizedReference[] = [
    { kind: 'test_code', language: 'javascript', testCode: "const assert = require('node:assert');\nassert.deepEqual(f([1]), [1]);" },
    { kind: 'stdio', language: 'javascript', tests: [{ input: '1\n', output: '1\n' }] },
  ];
  for (const ref of refs) {
    try {
      runJavaScript(ref.kind === 'stdio' ? "console.log(require('fs').readFileSync(0, 'utf8').trim());" : 'function f(x) { return x; }', false, ref, opts, () => true);
    } catch {
      // A sandbox that cannot start says so on the first real submission.
    }
  }
}

warmUp();
send({ id: 0, ready: true });
