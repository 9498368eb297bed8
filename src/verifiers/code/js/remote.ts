/**
 * Running the JavaScript sandbox from a process started without `--no-node-snapshot` (a plain
 * `node app.js`): isolated-vm must not create isolates there, so each thread that needs it starts
 * one helper process with the flag (`helper-main.ts`) and sends it submissions over IPC. The
 * helper is reused, never holds the event loop open while idle, and dies with its parent. With the
 * flag present, `runJavaScriptAnywhere` runs in this thread instead.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../core/verdict.js';
import { SandboxUnavailableError, type Judge, type SandboxOutcome } from '../run-types.js';
import type { NormalizedReference, ResolvedCodeOptions } from '../types.js';
import { hasNoNodeSnapshot, JS_SANDBOX_NODE_FLAGS } from './flags.js';

/** A submission sent to the helper. */
export interface RemoteRequest {
  id: number;
  code: string;
  typescript: boolean;
  ref: NormalizedReference;
  opts: ResolvedCodeOptions;
}

/** The helper's answer (id 0 with `ready` once it has started). */
export type RemoteReply = { id: number; ready?: boolean; outcome?: SandboxOutcome; error?: { name: string; message: string } };

interface Helper {
  child: ChildProcess;
  ready: Promise<boolean>;
  pending: Map<number, (r: RemoteReply) => void>;
  dead: boolean;
}

let helper: Helper | undefined;
let nextId = 1;

function startHelper(): Helper {
  const isTs = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(isTs ? './helper-main.ts' : './helper-main.js', import.meta.url));
  const execArgv = [...JS_SANDBOX_NODE_FLAGS, ...(isTs ? ['--import', import.meta.resolve('tsx')] : [])];
  const child = fork(entry, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const h: Helper = { child, ready: Promise.resolve(false), pending: new Map(), dead: false };
  // The helper goes with this process (or worker thread) even if it is stuck in a native loop.
  process.once('exit', () => child.kill('SIGKILL'));
  let onReady: (ok: boolean) => void = () => undefined;
  h.ready = new Promise((resolve) => (onReady = resolve));
  const fail = (why: string): void => {
    h.dead = true;
    onReady(false);
    for (const settle of h.pending.values()) settle({ id: 0, error: { name: 'Error', message: why } });
    h.pending.clear();
    if (helper === h) helper = undefined;
  };
  child.on('message', (msg: RemoteReply) => {
    if (msg.ready) {
      onReady(true);
      return;
    }
    const settle = h.pending.get(msg.id);
    h.pending.delete(msg.id);
    settle?.(msg);
    if (h.pending.size === 0) idle(h, true);
  });
  child.on('error', (err) => fail(`the JavaScript sandbox helper failed: ${err.message}`));
  child.on('exit', (code, signal) => fail(`the JavaScript sandbox helper exited (${signal ?? code})`));
  return h;
}

function idle(h: Helper, yes: boolean): void {
  const channel = h.child.channel as { ref?: () => void; unref?: () => void } | undefined;
  if (yes) {
    h.child.unref();
    channel?.unref?.();
  } else {
    h.child.ref();
    channel?.ref?.();
  }
}

async function runRemote(code: string, typescript: boolean, ref: NormalizedReference, opts: ResolvedCodeOptions): Promise<SandboxOutcome> {
  if (!helper || helper.dead) helper = startHelper();
  const h = helper;
  idle(h, false);
  if (!(await h.ready)) throw new SandboxUnavailableError('the JavaScript sandbox helper process (node --no-node-snapshot) did not start');
  const id = nextId++;
  const reply = await new Promise<RemoteReply>((resolve) => {
    h.pending.set(id, resolve);
    h.child.send({ id, code, typescript, ref, opts } satisfies RemoteRequest);
  });
  if (reply.outcome) return reply.outcome;
  const e = reply.error ?? { name: 'Error', message: 'no answer' };
  if (e.name === 'InputError') throw new InputError(e.message);
  if (e.name === 'SandboxUnavailableError') throw new SandboxUnavailableError(e.message);
  throw new Error(e.message);
}

/**
 * Run a JavaScript/TypeScript submission: in this thread when the process has
 * `--no-node-snapshot`, else in this thread's helper process (the judge then runs afterwards,
 * over the returned runs; stop-at-first-failure is decided in the helper by the same rule).
 */
export async function runJavaScriptAnywhere(code: string, typescript: boolean, ref: NormalizedReference, opts: ResolvedCodeOptions, judge: Judge): Promise<SandboxOutcome> {
  if (hasNoNodeSnapshot()) {
    const { runJavaScript } = await import('./sandbox.js');
    return runJavaScript(code, typescript, ref, opts, judge);
  }
  const outcome = await runRemote(code, typescript, ref, opts);
  outcome.runs.forEach((run, i) => judge(i, run));
  return outcome;
}
