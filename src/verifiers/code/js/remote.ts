/**
 * Every JavaScript/TypeScript submission runs in a helper process (`helper-main.ts`, started with
 * `--no-node-snapshot`, which isolated-vm needs on Node >= 20), never in the verifying thread, even
 * when that thread could create isolates itself. Native code in V8 and ICU can run outside the
 * isolate's limits: a loop that never checks for termination (a holey array over a 2000-deep
 * prototype chain, BigInt of 4e7 digits) kept the thread's core busy long after the isolate was
 * given up, so that later honest samples timed out; a regular expression nested 50,000 deep
 * overflowed the native stack and killed the whole process (SIGSEGV), every verdict of the batch
 * with it. In a process of its own, such a submission costs only itself:
 *
 * - the host gives each submission a deadline ({@link submissionBudgetMs}: transpilation, every
 *   test's time limit, a margin), kept per test (each test's result re-arms it for the next one),
 *   and SIGKILLs the helper once it passes: the test that was running gets `timeout`, later tests
 *   are skipped;
 * - a helper that dies while it runs a submission (SIGSEGV, an OOM abort) fails that submission's
 *   running test with `runtime-error: ...` naming the signal (the solution's doing: score 0);
 * - the next submission gets a fresh helper; nothing else in the batch is affected.
 *
 * Each thread that verifies keeps one helper and reuses it across submissions (one submission at a
 * time); it never holds the event loop open while idle, and dies with its parent (see the watchdog
 * in helper-main.ts, which also kills the helper when a submission overruns its deadline and the
 * host thread is gone). The helper reports each test as it finishes, so a kill loses nothing that
 * was already done.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../core/verdict.js';
import { SandboxUnavailableError, type Judge, type RawRun, type SandboxOutcome } from '../run-types.js';
import type { NormalizedReference, ResolvedCodeOptions } from '../types.js';
import { JS_SANDBOX_NODE_FLAGS } from './flags.js';
import { DEFAULT_TRANSPILE_MS, hasModuleSyntax } from './transpile.js';

/** A submission sent to the helper. */
export interface RemoteRequest {
  id: number;
  code: string;
  typescript: boolean;
  ref: NormalizedReference;
  opts: ResolvedCodeOptions;
  /** The host's deadline for this submission, ms from when it is sent (the helper's watchdog adds a grace). */
  budgetMs: number;
}

/**
 * The helper's messages: `ready` once it has started (id 0); `test` and `run` as each test
 * finishes; then `outcome` (its `runs` left empty: they came one by one) or `error`.
 */
export type RemoteReply = {
  id: number;
  ready?: boolean;
  test?: number;
  run?: RawRun;
  outcome?: SandboxOutcome;
  error?: { name: string; message: string };
};

/** Time the host allows beyond the tests' own limits (isolate set-up, the checker, IPC). */
export const DEADLINE_MARGIN_MS = 3_000;
/** Time allowed per test beyond its limit (resetting the harness, reading its state). */
export const DEADLINE_PER_TEST_MS = 250;
/** Longest a new helper may take to start before the sandbox counts as unavailable. */
const START_TIMEOUT_MS = 60_000;

/**
 * The host's deadline for one submission (ms): the solution's transpilation (bounded by the time
 * limit, see transpile.ts), the reference's when it needs one (test code and helpers, 10 s each at
 * most), every test's time limit plus {@link DEADLINE_PER_TEST_MS}, and {@link DEADLINE_MARGIN_MS}.
 * The sandbox ends each test at its limit by itself; the deadline only catches native work that
 * the isolate's limits cannot stop.
 */
export function submissionBudgetMs(code: string, typescript: boolean, ref: NormalizedReference, opts: ResolvedCodeOptions): number {
  const tests = ref.kind === 'test_code' ? 1 : Math.max(1, ref.tests.length);
  return Math.ceil(preparationMs(code, typescript, ref, opts) + tests * (opts.timeLimitMs + DEADLINE_PER_TEST_MS) + DEADLINE_MARGIN_MS);
}

/** The transpilation share of {@link submissionBudgetMs}. */
function preparationMs(code: string, typescript: boolean, ref: NormalizedReference, opts: ResolvedCodeOptions): number {
  let prep = typescript || hasModuleSyntax(code) ? opts.timeLimitMs : 0;
  if (ref.kind === 'test_code') {
    const ts = typescript || ref.language === 'typescript';
    if (ts || hasModuleSyntax(ref.testCode)) prep += DEFAULT_TRANSPILE_MS;
    if (ref.helpers !== undefined && (ts || hasModuleSyntax(ref.helpers))) prep += DEFAULT_TRANSPILE_MS;
  }
  return prep;
}

/** What the helper is doing for the submission in flight. */
interface Current {
  id: number;
  onMessage(msg: RemoteReply): void;
  onDeath(why: string): void;
}

interface Helper {
  child: ChildProcess;
  ready: Promise<boolean>;
  current: Current | undefined;
  dead: boolean;
}

let helper: Helper | undefined;
let nextId = 1;
/** Submissions of this thread run one after another (each one's deadline starts when it is sent). */
let queue: Promise<unknown> = Promise.resolve();
let exitHook = false;

function startHelper(): Helper {
  const isTs = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(isTs ? './helper-main.ts' : './helper-main.js', import.meta.url));
  const execArgv = [...JS_SANDBOX_NODE_FLAGS, ...(isTs ? ['--import', import.meta.resolve('tsx')] : [])];
  // fd 4 of the helper: a pipe this thread never writes to; the helper's watchdog sees it close
  // when this thread is gone (a worker thread terminated by the pool runs no 'exit' handler).
  const child = fork(entry, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc', 'pipe'] });
  const owner = child.stdio[4] as { unref?: () => void; on?: (e: string, f: () => void) => void } | null;
  owner?.on?.('error', () => undefined);
  owner?.unref?.();
  const h: Helper = { child, ready: Promise.resolve(false), current: undefined, dead: false };
  if (!exitHook) {
    exitHook = true;
    // The helper goes with this process (or worker thread) even if it is stuck in a native loop.
    process.once('exit', () => helper?.child.kill('SIGKILL'));
  }
  let onReady: (ok: boolean) => void = () => undefined;
  h.ready = new Promise((resolve) => (onReady = resolve));
  const startTimer = setTimeout(() => kill(h), START_TIMEOUT_MS);
  startTimer.unref();
  const fail = (why: string): void => {
    clearTimeout(startTimer);
    h.dead = true;
    onReady(false);
    if (helper === h) helper = undefined;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const cur = h.current;
    h.current = undefined;
    cur?.onDeath(why);
  };
  child.on('message', (msg: RemoteReply) => {
    if (msg.ready) {
      clearTimeout(startTimer);
      onReady(true);
      return;
    }
    if (h.current && h.current.id === msg.id) h.current.onMessage(msg);
  });
  child.on('error', (err) => fail(`failed: ${err.message}`));
  child.on('exit', (code, signal) => fail(signal ? `killed by ${signal}` : `exited with code ${code}`));
  return h;
}

/** SIGKILL a helper and forget it (its 'exit' event still comes, to no one). */
function kill(h: Helper): void {
  h.dead = true;
  h.current = undefined;
  if (helper === h) helper = undefined;
  h.child.kill('SIGKILL');
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

/** The error the helper reported, as this side's class of it. */
function remoteError(e: { name: string; message: string }): Error {
  if (e.name === 'InputError') return new InputError(e.message);
  if (e.name === 'SandboxUnavailableError') return new SandboxUnavailableError(e.message);
  return new Error(e.message);
}

async function runRemote(code: string, typescript: boolean, ref: NormalizedReference, opts: ResolvedCodeOptions, judge: Judge): Promise<SandboxOutcome> {
  if (!helper || helper.dead) helper = startHelper();
  const h = helper;
  idle(h, false);
  if (!(await h.ready) || h.dead) {
    if (helper === h) helper = undefined;
    throw new SandboxUnavailableError('the JavaScript sandbox helper process (node --no-node-snapshot) did not start');
  }
  const id = nextId++;
  const budgetMs = submissionBudgetMs(code, typescript, ref, opts);
  // The deadline runs per test: the first test gets the preparation's share too, each later one
  // its limit and the margins from the previous one's result (a runaway in the first of 100 tests
  // is killed after about its own limit, not the whole submission's budget).
  const perTestMs = opts.timeLimitMs + DEADLINE_PER_TEST_MS + DEADLINE_MARGIN_MS;
  const firstTestMs = preparationMs(code, typescript, ref, opts) + perTestMs;
  const runs: RawRun[] = [];
  try {
    return await new Promise<SandboxOutcome>((resolve, reject) => {
      let testStart = performance.now();
      // The test that was running when the helper stopped answering: it takes the blame.
      const blame = (status: string): void => {
        const i = runs.length;
        const run: RawRun = { status, timeMs: performance.now() - testStart };
        runs.push(run);
        judge(i, run);
      };
      const onDeadline = (): void => {
        if (h.current?.id !== id) return;
        kill(h);
        blame('timeout');
        resolve({ runs });
      };
      let timer = setTimeout(onDeadline, firstTestMs);
      h.current = {
        id,
        onMessage(msg) {
          if (msg.run && msg.test !== undefined) {
            runs[msg.test] = msg.run;
            judge(msg.test, msg.run);
            testStart = performance.now();
            clearTimeout(timer);
            timer = setTimeout(onDeadline, perTestMs);
            return;
          }
          clearTimeout(timer);
          h.current = undefined;
          if (msg.outcome) resolve({ ...msg.outcome, runs: msg.outcome.compileError !== undefined ? [] : runs });
          else reject(remoteError(msg.error ?? { name: 'Error', message: 'no answer' }));
        },
        onDeath(why) {
          clearTimeout(timer);
          blame(`runtime-error: the sandbox process running the solution was ${why.startsWith('killed') ? why : `lost (${why})`}`);
          resolve({ runs });
        },
      };
      h.child.send({ id, code, typescript, ref, opts, budgetMs } satisfies RemoteRequest);
    });
  } finally {
    if (!h.dead && !h.current) idle(h, true);
  }
}

/**
 * Run a JavaScript/TypeScript submission in this thread's helper process (see the module comment),
 * judging each test as its result arrives; stop-at-first-failure is decided in the helper by the
 * same rule.
 */
export function runJavaScriptAnywhere(code: string, typescript: boolean, ref: NormalizedReference, opts: ResolvedCodeOptions, judge: Judge): Promise<SandboxOutcome> {
  const job = queue.then(() => runRemote(code, typescript, ref, opts, judge));
  queue = job.catch(() => undefined);
  return job;
}
