/**
 * A pool worker as a child process, for verifiers that need Node flags this process was not
 * started with (the code verifier's isolated-vm needs `--no-node-snapshot`, a per-process flag
 * that worker threads cannot take). It speaks the same messages as a worker thread over IPC
 * (structured clone), and looks like a `Worker` to the pool.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The part of `Worker` the pool uses. */
export interface PoolWorker {
  postMessage(msg: unknown): void;
  /** `message` (a reply), `error` (with `code: 'ERR_WORKER_OUT_OF_MEMORY'` on heap exhaustion), `exit` (the exit code). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: 'message' | 'error' | 'exit', fn: (arg: any) => void): unknown;
  terminate(): Promise<unknown>;
  ref(): void;
  unref(): void;
}

/** True when this process was started with every flag (on the command line or in NODE_OPTIONS). */
export function processHasFlags(flags: readonly string[]): boolean {
  const options = ` ${process.env.NODE_OPTIONS ?? ''} `;
  return flags.every((f) => process.execArgv.includes(f) || options.includes(` ${f} `));
}

/**
 * Start `entry` (the worker module) as a child process with `flags` and a V8 heap limit. When this
 * file runs as TypeScript, the child loads tsx first.
 */
export function startProcessWorker(entry: URL, flags: readonly string[], maxOldGenerationSizeMb: number): PoolWorker {
  const execArgv = [...flags, `--max-old-space-size=${maxOldGenerationSizeMb}`];
  if (entry.pathname.endsWith('.ts')) execArgv.push('--import', import.meta.resolve('tsx'));
  const child: ChildProcess = fork(fileURLToPath(entry), [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const events = new EventEmitter();
  let exited: Promise<void> | undefined;
  child.on('message', (msg) => events.emit('message', msg));
  child.on('error', (err) => events.emit('error', err));
  child.on('exit', (code, signal) => {
    // V8 aborts the process when it runs out of heap: report it like a worker thread's OOM.
    if (signal === 'SIGABRT' || code === 134) {
      events.emit('error', Object.assign(new Error('child process ran out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }));
    }
    events.emit('exit', code ?? 1);
  });
  const worker: PoolWorker = {
    postMessage: (msg) => {
      if (child.connected) child.send(msg as object);
    },
    on(event, fn) {
      events.on(event, fn);
      return worker;
    },
    terminate: () => {
      exited ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      // An idle worker is unref'd: hold the event loop until its exit is seen, or an awaited
      // close() would be left unsettled.
      child.ref();
      child.kill('SIGKILL');
      return exited;
    },
    ref: () => {
      child.ref();
      (child.channel as { ref?: () => void } | undefined)?.ref?.();
    },
    unref: () => {
      child.unref();
      (child.channel as { unref?: () => void } | undefined)?.unref?.();
    },
  };
  return worker;
}
