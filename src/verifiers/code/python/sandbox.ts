/**
 * The Python sandbox, host side: starts zygotes (see `harness/`) under bubblewrap, keeps a small
 * warm pool of them ready (each has already imported the prelude), and runs one submission per
 * zygote: a used zygote is never reused, so submissions share nothing. The zygote enforces the
 * per-test limits; the host adds an overall deadline and compares outputs (the expected outputs
 * never enter the sandbox).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { InputError } from '../../../core/verdict.js';
import { bwrapArgs, PYTHON_BINARY, sandboxLauncher } from './bwrap.js';
import { PYTHON_HARNESS_SOURCE, type PythonJob, type PythonReply } from './harness/index.js';
import { SandboxUnavailableError, shorten, type Judge, type RawRun, type SandboxOutcome } from '../run-types.js';
import type { NormalizedReference, ResolvedCodeOptions } from '../types.js';
import { DEFAULT_PYTHON_MEMORY_MB } from '../options.js';

/** A started sandbox waiting for (or running) its one job. */
interface Zygote {
  child: ChildProcess;
  /** Replies not yet taken. */
  queue: PythonReply[];
  /** Wakes the reader when a reply arrives or the process ends. */
  wake: (() => void) | undefined;
  ended: boolean;
  stderr: string;
  /** Resolves true once the zygote said ready, false if it died first. */
  ready: Promise<boolean>;
}

const warm: Zygote[] = [];
/**
 * How many started zygotes this thread keeps waiting (a process each, ~15 MB). Two, so that a
 * thread that finishes a submission faster than a zygote starts (~35 ms of CPU) still finds one
 * ready while the next one starts on another core.
 */
let warmTarget = 2;

/** Set how many prepared sandboxes this thread keeps ready (default 2; 0 disables the warm pool). */
export function setPythonWarmPool(size: number): void {
  warmTarget = Math.max(0, Math.floor(size));
  while (warm.length > warmTarget) kill(warm.pop()!);
}

function kill(z: Zygote): void {
  if (!z.ended) z.child.kill('SIGKILL');
}

function startZygote(): Zygote {
  const { launcher, error } = sandboxLauncher();
  if (!launcher) throw new SandboxUnavailableError(error ?? 'no sandbox');
  const child = spawn(launcher.file, [...launcher.prefix, ...bwrapArgs(), PYTHON_BINARY, '-I', '-B', '-c', PYTHON_HARNESS_SOURCE], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const z: Zygote = { child, queue: [], wake: undefined, ended: false, stderr: '', ready: Promise.resolve(false) };
  // Chunks of the line being received; joined once its end arrives (linear in the output size).
  let parts: string[] = [];
  let readyResolve: (ok: boolean) => void = () => undefined;
  z.ready = new Promise<boolean>((r) => (readyResolve = r));
  const notify = (): void => {
    const w = z.wake;
    z.wake = undefined;
    w?.();
  };
  const take = (line: string): void => {
    let msg: PythonReply;
    try {
      msg = JSON.parse(line) as PythonReply;
    } catch {
      return;
    }
    if (msg.ready) readyResolve(true);
    else z.queue.push(msg);
  };
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    let nl = chunk.indexOf('\n');
    if (nl < 0) {
      parts.push(chunk);
      return;
    }
    parts.push(chunk.slice(0, nl));
    take(parts.join(''));
    parts = [];
    for (;;) {
      const from = nl + 1;
      nl = chunk.indexOf('\n', from);
      if (nl < 0) {
        if (from < chunk.length) parts.push(chunk.slice(from));
        break;
      }
      take(chunk.slice(from, nl));
    }
    notify();
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    if (z.stderr.length < 4000) z.stderr += chunk;
  });
  child.stdin!.on('error', () => undefined);
  child.on('error', (err) => {
    z.stderr += String(err.message);
  });
  child.on('close', () => {
    z.ended = true;
    readyResolve(false);
    notify();
  });
  setIdle(z, true);
  return z;
}

/** Idle zygotes must not keep the process alive. */
function setIdle(z: Zygote, idle: boolean): void {
  const handles = [z.child, z.child.stdout, z.child.stderr, z.child.stdin] as unknown as { ref?: () => void; unref?: () => void }[];
  for (const h of handles) (idle ? h?.unref : h?.ref)?.call(h);
}

function refill(): void {
  while (warm.length < warmTarget) {
    try {
      warm.push(startZygote());
    } catch {
      return;
    }
  }
}

async function acquire(): Promise<Zygote> {
  let z = warm.shift() ?? startZygote();
  refill();
  setIdle(z, false);
  if (!(await z.ready)) {
    // A warm one may have died while waiting; try once with a fresh one before giving up.
    kill(z);
    z = startZygote();
    setIdle(z, false);
    if (!(await z.ready)) {
      kill(z);
      throw new SandboxUnavailableError(`the Python sandbox did not start: ${shorten(z.stderr || 'no output', 400)}`);
    }
  }
  return z;
}

function next(z: Zygote, deadline: number): Promise<PythonReply | undefined> {
  if (z.queue.length > 0) return Promise.resolve(z.queue.shift());
  if (z.ended) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const ms = Math.max(0, deadline - performance.now());
    const timer = setTimeout(() => {
      z.wake = undefined;
      resolve(undefined);
    }, ms);
    const wake = (): void => {
      // A chunk without a complete line wakes us too: wait for the rest.
      if (z.queue.length === 0 && !z.ended) {
        z.wake = wake;
        return;
      }
      clearTimeout(timer);
      resolve(z.queue.shift());
    };
    z.wake = wake;
  });
}

/**
 * Give a zygote that has finished its job a moment to exit by itself: then bubblewrap reaps it and
 * its CPU time is accounted to this process's children (the bench reads it); killed, it would not be.
 */
function exited(z: Zygote): Promise<void> {
  if (z.ended) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 1_000);
    z.child.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function jobFor(code: string, ref: NormalizedReference, opts: ResolvedCodeOptions): PythonJob {
  const base = {
    code,
    timeLimitMs: opts.timeLimitMs,
    memoryMb: opts.memoryLimitMb ?? DEFAULT_PYTHON_MEMORY_MB,
    maxOutput: opts.maxOutputBytes,
    maxProcs: opts.maxProcesses,
    prelude: opts.pythonPrelude,
  };
  switch (ref.kind) {
    case 'stdio':
      return { ...base, kind: 'stdio', tests: ref.tests.map((t) => t.input) };
    case 'call':
      return { ...base, kind: 'call', entry: ref.entryPoint, tests: ref.tests.map((t) => t.args) };
    case 'test_code':
      return { ...base, kind: 'test_code', testCode: ref.testCode, ...(ref.prompt !== undefined ? { prompt: ref.prompt } : {}), ...(ref.entryPoint !== undefined ? { entry: ref.entryPoint } : {}) };
  }
}

/**
 * Run a Python submission in a fresh sandbox. Resolves with the raw runs (compared by the caller's
 * judge as they arrive); throws {@link InputError} when the reference's test code does not compile
 * and {@link SandboxUnavailableError} when no sandbox can start here.
 */
export async function runPython(code: string, ref: NormalizedReference, opts: ResolvedCodeOptions, judge: Judge): Promise<SandboxOutcome> {
  const total = ref.kind === 'test_code' ? 1 : ref.tests.length;
  const z = await acquire();
  const runs: RawRun[] = [];
  // The zygote enforces each test's limit; the host enforces its own deadline per test too (a
  // sandbox that stops answering, even a stopped one, is caught after one test's time, not all).
  const perTest = opts.timeLimitMs + 2_000;
  let deadline = performance.now() + perTest + 5_000;
  try {
    z.child.stdin!.end(`${JSON.stringify(jobFor(code, ref, opts))}\n`);
    for (;;) {
      const msg = await next(z, deadline);
      if (!msg) break;
      if (msg.compile !== undefined) {
        await exited(z);
        return { compileError: msg.compile, runs: [] };
      }
      if (msg.testCompile !== undefined) throw new InputError(`reference.test_code does not compile: ${msg.testCompile}`);
      if (msg.done) {
        await exited(z);
        return typeof msg.cpuMs === 'number' ? { runs, cpuMs: msg.cpuMs } : { runs };
      }
      if (typeof msg.i !== 'number' || msg.i !== runs.length) continue;
      deadline = performance.now() + perTest;
      const run: RawRun = { status: msg.status ?? 'runtime-error: no status', timeMs: msg.timeMs ?? 0 };
      if (msg.stdout !== undefined) run.stdout = msg.stdout;
      if (msg.json !== undefined) run.json = msg.json;
      if (msg.message) run.message = shorten(msg.message);
      runs.push(run);
      if (!judge(msg.i, run) && opts.stopAtFirstFailure) return { runs };
    }
    const why = performance.now() >= deadline ? 'timeout' : `runtime-error: the sandbox stopped${z.stderr ? ` (${shorten(z.stderr, 200)})` : ''}`;
    while (runs.length < total) {
      const run: RawRun = { status: why, timeMs: 0 };
      judge(runs.length, run);
      runs.push(run);
    }
    return { runs };
  } finally {
    kill(z);
  }
}
