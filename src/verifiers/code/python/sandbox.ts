/**
 * The Python sandbox, host side. Each thread keeps one long-lived zygote (see `harness/`) under
 * bubblewrap, which has imported the prelude once and serves this thread's submissions one after
 * another: each runs in processes forked from it into fresh user, PID and IPC namespaces, so a
 * submission cannot see, signal or outlive into another, and the zygote runs no solution code
 * (harness/isolate.ts). The zygote enforces the per-test limits; the host adds a deadline per test
 * (a zygote that stops answering, or is stopped, is killed and replaced: only the running
 * submission is affected) and compares outputs (the expected outputs never enter the sandbox).
 * Where nested namespaces are refused, each zygote serves one submission and is then replaced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { InputError } from '../../../core/verdict.js';
import { bwrapArgs, PYTHON_BINARY, sandboxLauncher } from './bwrap.js';
import { PYTHON_HARNESS_SOURCE, type PythonJob, type PythonReply } from './harness/index.js';
import { SandboxUnavailableError, shorten, type Judge, type RawRun, type SandboxOutcome } from '../run-types.js';
import type { NormalizedReference, ResolvedCodeOptions } from '../types.js';
import { DEFAULT_PYTHON_MEMORY_MB } from '../options.js';

/** A started sandbox: serves jobs one at a time (`reuse`), or exactly one. */
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
  /** Whether it serves many jobs (each in fresh namespaces); known once ready. */
  reuse: boolean;
  /** The last job's number. */
  seq: number;
  /** Resolves true once the last (cancelled) job's `done` has arrived, false if it never will. */
  drained: Promise<boolean>;
}

/** Characters of a judged test's output kept for the verdict's details. */
const KEEP_CHARS = 4096;

/**
 * A reply line as the zygote sends it: a stdio test's output comes as `stdout64`, its raw bytes in
 * base64 (decoded here as UTF-8, invalid bytes replaced, as Python's `decode('utf-8', 'replace')`
 * did): as JSON text each invalid byte was a 6-byte escape.
 */
type WireReply = PythonReply & { stdout64?: string };

/**
 * A flat copy of the first `n` characters of `s`. `s.slice()` may return a view that keeps all of
 * `s` alive (a verdict kept 4 KB of each failing test's output and held all 16 MB of it).
 */
export function keepPrefix(s: string, n: number): string {
  const head = s.length > n ? s.slice(0, n) : s;
  return Buffer.from(head, 'utf16le').toString('utf16le');
}

/**
 * The bytes of output a whole submission may send, all tests together (the zygote fails the tests
 * past it as output-limit): four tests' worth of maxOutputBytes, or more where the expected
 * outputs are larger (8 times their size, plus 4 KB per test).
 */
function totalOutputBudget(ref: NormalizedReference, opts: ResolvedCodeOptions): number {
  let expected = 0;
  if (ref.kind === 'stdio') for (const t of ref.tests) expected += Buffer.byteLength(t.output, 'utf8');
  else if (ref.kind === 'call') for (const t of ref.tests) expected += (JSON.stringify(t.expected) ?? 'null').length;
  const tests = ref.kind === 'test_code' ? 1 : ref.tests.length;
  return Math.max(4 * opts.maxOutputBytes, 8 * expected + 4096 * tests);
}

/** Started zygotes waiting for a job. */
const idle: Zygote[] = [];
/**
 * How many started zygotes this thread keeps waiting. A reusable zygote goes back here after each
 * job, so one is enough: a thread runs one submission at a time. Single-use zygotes (where nested
 * namespaces are refused) are replaced after each job; two of those are kept, so that a thread
 * that finishes a submission faster than a zygote starts still finds one ready.
 */
let warmTarget = 2;
/** At most this many reusable zygotes wait in a thread (more only after concurrent submissions). */
const MAX_IDLE = 2;

/** Set how many prepared sandboxes this thread keeps ready (default 2; 0 disables the warm pool). */
export function setPythonWarmPool(size: number): void {
  warmTarget = Math.max(0, Math.floor(size));
  while (idle.length > warmTarget) kill(idle.pop()!);
}

function kill(z: Zygote): void {
  if (!z.ended) z.child.kill('SIGKILL');
}

/**
 * The harness crosses as several arguments: one argument may hold at most 128 KiB (the kernel's
 * MAX_ARG_STRLEN; spawn failed with E2BIG once the source grew past it). The bootstrap takes them
 * off sys.argv in order and runs their concatenation under the name `-c` gives ('<string>': the
 * harness tells its own frames from the solution's by file name), leaving no name behind.
 */
const HARNESS_BOOT = "import sys\nexec(compile(''.join([sys.argv.pop(1) for _ in sys.argv[1:]]), '<string>', 'exec'))";
/** The harness source in pieces of at most 32,000 characters (128,000 bytes even as 4-byte UTF-8). */
const HARNESS_PIECES: string[] = [];
for (let i = 0; i < PYTHON_HARNESS_SOURCE.length; i += 32_000) HARNESS_PIECES.push(PYTHON_HARNESS_SOURCE.slice(i, i + 32_000));

function startZygote(): Zygote {
  const { launcher, error } = sandboxLauncher();
  if (!launcher) throw new SandboxUnavailableError(error ?? 'no sandbox');
  const child = spawn(launcher.file, [...launcher.prefix, ...bwrapArgs(), PYTHON_BINARY, '-I', '-B', '-c', HARNESS_BOOT, ...HARNESS_PIECES], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const z: Zygote = { child, queue: [], wake: undefined, ended: false, stderr: '', ready: Promise.resolve(false), reuse: false, seq: 0, drained: Promise.resolve(true) };
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
    let msg: WireReply;
    try {
      msg = JSON.parse(line) as WireReply;
    } catch {
      return;
    }
    if (msg === null || typeof msg !== 'object') return;
    if (typeof msg.stdout64 === 'string') {
      msg.stdout = Buffer.from(msg.stdout64, 'base64').toString('utf8');
      delete msg.stdout64;
    }
    if (msg.ready) {
      z.reuse = msg.reuse === true;
      readyResolve(true);
    } else z.queue.push(msg);
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
function setIdle(z: Zygote, isIdle: boolean): void {
  const handles = [z.child, z.child.stdout, z.child.stderr, z.child.stdin] as unknown as { ref?: () => void; unref?: () => void }[];
  for (const h of handles) (isIdle ? h?.unref : h?.ref)?.call(h);
}

function refill(): void {
  while (idle.length < warmTarget) {
    try {
      idle.push(startZygote());
    } catch {
      return;
    }
  }
}

async function acquire(): Promise<Zygote> {
  for (let z = idle.shift(); z; z = idle.shift()) {
    setIdle(z, false);
    if ((await z.ready) && (await z.drained) && !z.ended) return z;
    kill(z);
  }
  // None waiting (first use, or concurrent submissions in this thread): start one; if it dies
  // before it is ready, try once more before giving up.
  for (let attempt = 0; ; attempt++) {
    const z = startZygote();
    setIdle(z, false);
    if (await z.ready) return z;
    kill(z);
    if (attempt > 0) throw new SandboxUnavailableError(`the Python sandbox did not start: ${shorten(z.stderr || 'no output', 400)}`);
  }
}

/** A zygote whose job has ended goes back to wait for the next (single-use ones are replaced). */
function release(z: Zygote): void {
  if (z.ended) return;
  if (!z.reuse) {
    kill(z);
    refill();
    return;
  }
  if (idle.length >= Math.max(1, Math.min(MAX_IDLE, warmTarget))) {
    kill(z);
    return;
  }
  setIdle(z, true);
  idle.push(z);
}

/**
 * Cancel the running job (any line does) and let the zygote go back to wait once its `done` has
 * come; a zygote that does not answer in time is killed and never reused.
 */
function cancel(z: Zygote, seq: number): void {
  if (!z.reuse || z.ended) {
    kill(z);
    return;
  }
  z.child.stdin!.write('{"cancel": true}\n');
  const deadline = performance.now() + 5_000;
  z.drained = (async () => {
    for (;;) {
      const msg = await next(z, deadline);
      if (!msg) {
        kill(z);
        return false;
      }
      if (msg.done && msg.seq === seq) return true;
    }
  })();
  release(z);
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
 * Give a single-use zygote that has finished its job a moment to exit by itself: then bubblewrap
 * reaps it and its CPU time is accounted to this process's children; killed, it would not be.
 */
function exited(z: Zygote): Promise<void> {
  if (z.ended || z.reuse) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 1_000);
    z.child.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function jobFor(seq: number, code: string, ref: NormalizedReference, opts: ResolvedCodeOptions): PythonJob {
  const base = {
    seq,
    code,
    timeLimitMs: opts.timeLimitMs,
    memoryMb: opts.memoryLimitMb ?? DEFAULT_PYTHON_MEMORY_MB,
    maxOutput: opts.maxOutputBytes,
    maxProcs: opts.maxProcesses,
    prelude: opts.pythonPrelude,
    maxTotalOutput: totalOutputBudget(ref, opts),
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
 * Run a Python submission in this thread's zygote (a fresh PID, user and IPC namespace of its own).
 * Resolves with the raw runs (compared by the caller's judge as they arrive); throws
 * {@link InputError} when the reference's test code does not compile and
 * {@link SandboxUnavailableError} when no sandbox can start here.
 */
export async function runPython(code: string, ref: NormalizedReference, opts: ResolvedCodeOptions, judge: Judge): Promise<SandboxOutcome> {
  const total = ref.kind === 'test_code' ? 1 : ref.tests.length;
  const z = await acquire();
  const seq = ++z.seq;
  z.stderr = '';
  const runs: RawRun[] = [];
  // The zygote enforces each test's limit; the host enforces its own deadline per test too (a
  // sandbox that stops answering, even a stopped one, is caught after one test's time, not all).
  const perTest = opts.timeLimitMs + 2_000;
  let deadline = performance.now() + perTest + 5_000;
  // How the zygote is left: 'done' (back to wait), 'cancel' (stopped early), else killed.
  let end: 'done' | 'cancel' | 'kill' = 'kill';
  try {
    z.child.stdin!.write(`${JSON.stringify(jobFor(seq, code, ref, opts))}\n`);
    if (!z.reuse) z.child.stdin!.end();
    let compileError: string | undefined;
    for (;;) {
      const msg = await next(z, deadline);
      if (!msg) break;
      if (msg.done) {
        if (msg.seq !== seq) continue;
        end = 'done';
        await exited(z);
        if (compileError !== undefined) return { compileError, runs: [] };
        if (msg.failed && runs.length < total) break;
        return typeof msg.cpuMs === 'number' ? { runs, cpuMs: msg.cpuMs } : { runs };
      }
      if (msg.compile !== undefined) {
        compileError = msg.compile;
        continue;
      }
      if (msg.testCompile !== undefined) {
        end = 'cancel';
        throw new InputError(`reference.test_code does not compile: ${msg.testCompile}`);
      }
      if (typeof msg.i !== 'number' || msg.i !== runs.length) continue;
      deadline = performance.now() + perTest;
      const run: RawRun = { status: msg.status ?? 'runtime-error: no status', timeMs: msg.timeMs ?? 0 };
      if (msg.stdout !== undefined) run.stdout = msg.stdout;
      if (msg.json !== undefined) run.json = msg.json;
      if (msg.message) run.message = shorten(msg.message);
      runs.push(run);
      const passed = judge(msg.i, run);
      // Judged: only the start of a large output is kept (for the verdict's `got`), so a sample's
      // many large outputs are not all held at once.
      if (run.stdout !== undefined && run.stdout.length > KEEP_CHARS) run.stdout = keepPrefix(run.stdout, KEEP_CHARS);
      if (run.json !== undefined && run.json.length > KEEP_CHARS) run.json = keepPrefix(run.json, KEEP_CHARS);
      if (!passed && opts.stopAtFirstFailure && runs.length < total) {
        end = 'cancel';
        return { runs };
      }
    }
    // next() gives up for two reasons: the zygote ended (it stopped), or the deadline passed while
    // it lives (a hang; a SIGSTOP'd zygote too). Not read off the clock: a timer may fire a
    // millisecond before performance.now() reaches the deadline.
    const why = end === 'kill' && !z.ended ? 'timeout' : `runtime-error: the sandbox stopped${z.stderr ? ` (${shorten(z.stderr, 200)})` : ''}`;
    while (runs.length < total) {
      const run: RawRun = { status: why, timeMs: 0 };
      judge(runs.length, run);
      runs.push(run);
    }
    return { runs };
  } finally {
    if (end === 'done') release(z);
    else if (end === 'cancel') cancel(z, seq);
    else kill(z);
  }
}
