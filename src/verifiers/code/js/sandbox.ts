/**
 * The JavaScript/TypeScript sandbox: one isolated-vm isolate per submission (memory limit per
 * isolate), reused across the submission's tests; every call into it carries the per-test time
 * limit. The isolate has no host capability at all: `require`, `process`, `fs`, timers and
 * `console` are the harness's in-isolate emulations (see `harness/`), and results leave it only as
 * strings.
 *
 * - stdin/stdout: the program is compiled once as a function body and run once per test after the
 *   harness resets stdin, output, events and any globals the previous test created.
 * - call-based: the solution runs once as a script; each test calls the entry point with its
 *   arguments and takes the result as JSON.
 * - test_code: the solution runs as a script, then the test code as a second script in the same
 *   context; it passes only if it ends normally with no failed assertion and no `process.exit`.
 */
import { createRequire } from 'node:module';
import type IsolatedVM from 'isolated-vm';
import { InputError } from '../../../core/verdict.js';
import { HARNESS_SOURCE, PENDING_MARKER, type HarnessConfig, type HarnessRunState } from './harness/index.js';
import { hasNoNodeSnapshot } from './flags.js';
import { modulesFor } from './pure-modules.js';
import { prepareJs } from './transpile.js';
import { SandboxUnavailableError, shorten, type Judge, type RawRun, type SandboxOutcome } from '../run-types.js';
import type { NormalizedReference, ResolvedCodeOptions } from '../types.js';
import { DEFAULT_JS_MEMORY_MB } from '../options.js';

type Ivm = typeof IsolatedVM;
type Fn = IsolatedVM.Reference<(...args: unknown[]) => unknown>;

const requireHere = createRequire(import.meta.url);
let ivmModule: Ivm | undefined;
let harnessCache: IsolatedVM.ExternalCopy<ArrayBuffer> | undefined;

function loadIvm(): Ivm {
  if (!hasNoNodeSnapshot()) {
    throw new SandboxUnavailableError(
      'the JavaScript sandbox (isolated-vm) needs node --no-node-snapshot in this process; run verifiers on the worker pool (the default) or start node with --no-node-snapshot',
    );
  }
  ivmModule ??= requireHere('isolated-vm') as Ivm;
  return ivmModule;
}

interface Controls {
  reset: Fn;
  drain: Fn;
  pending: Fn;
  finish: Fn;
  status: Fn;
  call: Fn;
  callResult: Fn;
}

/** One isolate with one hardened context: the unit a submission runs in. */
interface Session {
  iso: IsolatedVM.Isolate;
  ctx: IsolatedVM.Context;
  control: Controls;
}

const CONTROL_NAMES = ['reset', 'drain', 'pending', 'finish', 'status', 'call', 'callResult'] as const;

function openSession(ivm: Ivm, memoryMb: number, config: HarnessConfig): Session {
  const iso = new ivm.Isolate({ memoryLimit: Math.max(8, memoryMb) });
  try {
    const script = iso.compileScriptSync(HARNESS_SOURCE, harnessCache ? { filename: 'harness.js', cachedData: harnessCache } : { filename: 'harness.js', produceCachedData: true });
    const produced = (script as IsolatedVM.Script & IsolatedVM.CachedDataResult).cachedData;
    if (!harnessCache && produced) harnessCache = produced;
    const ctx = iso.createContextSync();
    const setup = script.runSync(ctx, { reference: true }) as Fn;
    const ref = setup.applySync(undefined, [new ivm.ExternalCopy(config).copyInto()], { result: { reference: true } }) as unknown as IsolatedVM.Reference<Record<string, unknown>>;
    const control = Object.fromEntries(CONTROL_NAMES.map((n) => [n, ref.getSync(n, { reference: true }) as Fn])) as unknown as Controls;
    return { iso, ctx, control };
  } catch (err) {
    iso.dispose();
    throw err;
  }
}

function closeSession(s: Session | undefined): void {
  if (s && !s.iso.isDisposed) s.iso.dispose();
}

/** Turn an error from isolated-vm into a test status. */
function classify(err: unknown, s: Session): string {
  const e = err as { name?: string; message?: string } | null;
  const message = String(e?.message ?? err);
  if (s.iso.isDisposed || /memory limit/i.test(message)) return 'memory-limit';
  if (message === 'Script execution timed out.') return 'timeout';
  if (/not an instance of `Error`/.test(message)) return 'runtime-error: a non-Error value was thrown';
  return `runtime-error: ${shorten(`${e?.name ?? 'Error'}: ${message}`)}`;
}

/** Remaining ms before `deadline`, at least 1 (isolated-vm rejects 0). */
function left(deadline: number): number {
  const ms = Math.ceil(deadline - performance.now());
  if (ms <= 0) throw new Error('Script execution timed out.');
  return ms;
}

function drainAll(s: Session, deadline: number): void {
  s.control.drain.applySync(undefined, [], { timeout: left(deadline) });
  while ((s.control.pending.applySync(undefined, [], { timeout: left(deadline) }) as number) > 0) {
    s.control.drain.applySync(undefined, [], { timeout: left(deadline) });
  }
}

function state(s: Session, fn: 'finish' | 'status', deadline: number): HarnessRunState | undefined {
  try {
    return JSON.parse(s.control[fn].applySync(undefined, [], { timeout: Math.max(50, Math.ceil(deadline - performance.now())) }) as string) as HarnessRunState;
  } catch {
    return undefined;
  }
}

function compile(iso: IsolatedVM.Isolate, code: string, filename: string): IsolatedVM.Script | string {
  try {
    return iso.compileScriptSync(code, { filename });
  } catch (err) {
    return shorten(`${(err as Error).name ?? 'SyntaxError'}: ${(err as Error).message}`);
  }
}

/**
 * Run a JavaScript/TypeScript submission against its reference. `typescript` transpiles the code
 * (and test code) first. Never throws for a bad solution; throws {@link InputError} for a test
 * code that does not compile and {@link SandboxUnavailableError} when isolates cannot be created.
 */
export function runJavaScript(code: string, typescript: boolean, ref: NormalizedReference, opts: ResolvedCodeOptions, judge: Judge): SandboxOutcome {
  const ivm = loadIvm();
  const prepared = prepareJs(code, typescript);
  if (!prepared.ok) return { compileError: prepared.error, runs: [] };
  let testSource: string | undefined;
  if (ref.kind === 'test_code') {
    const t = prepareJs(ref.testCode, ref.language === 'typescript' || typescript);
    if (!t.ok) throw new InputError(`reference.test_code does not compile: ${t.error}`);
    testSource = t.code;
  }
  const memoryMb = opts.memoryLimitMb ?? DEFAULT_JS_MEMORY_MB;
  const config: HarnessConfig = { stdin: '', maxOutput: opts.maxOutputBytes, modules: modulesFor(prepared.code, testSource ?? '') };
  const limit = opts.timeLimitMs;
  const runs: RawRun[] = [];
  let session: Session | undefined;
  try {
    if (ref.kind === 'stdio') {
      let program: Fn | undefined;
      for (let i = 0; i < ref.tests.length; i++) {
        if (!session || session.iso.isDisposed) {
          closeSession(session);
          session = openSession(ivm, memoryMb, config);
          const script = compile(session.iso, `(function () {\n${prepared.code}\n})`, 'solution.js');
          if (typeof script === 'string') return { compileError: script, runs: [] };
          program = script.runSync(session.ctx, { reference: true }) as Fn;
        }
        const run = runStdioTest(session, program!, ref.tests[i]!.input, limit);
        runs.push(run);
        if (!judge(i, run) && opts.stopAtFirstFailure) break;
      }
      return { runs };
    }
    if (ref.kind === 'call') {
      const out = runCallTests(ivm, prepared.code, ref, opts, judge, () => {
        closeSession(session);
        session = openSession(ivm, memoryMb, config);
        return session;
      });
      return typeof out === 'string' ? { compileError: out, runs: [] } : { runs: out };
    }
    session = openSession(ivm, memoryMb, config);
    const solution = compile(session.iso, prepared.code, 'solution.js');
    if (typeof solution === 'string') return { compileError: solution, runs: [] };
    const tests = compile(session.iso, testSource!, 'tests.js');
    if (typeof tests === 'string') throw new InputError(`reference.test_code does not compile: ${tests}`);
    const run = runTestCode(session, solution, tests, limit);
    runs.push(run);
    judge(0, run);
    return { runs };
  } finally {
    closeSession(session);
  }
}

function runStdioTest(s: Session, program: Fn, input: string, limit: number): RawRun {
  const t0 = performance.now();
  const deadline = t0 + limit;
  let status = 'ok';
  try {
    s.control.reset.applySync(undefined, [input], { timeout: 1_000 });
    program.applySync(undefined, [], { timeout: left(deadline) });
    drainAll(s, deadline);
  } catch (err) {
    if (s.iso.isDisposed) return { status: 'memory-limit', timeMs: performance.now() - t0 };
    const st = state(s, 'status', deadline);
    if (st?.overflow) status = 'runtime-error: output limit exceeded';
    else if (!st?.exitCalled) status = classify(err, s);
  }
  const fin = s.iso.isDisposed ? undefined : state(s, 'finish', deadline);
  const timeMs = performance.now() - t0;
  if (s.iso.isDisposed) return { status: 'memory-limit', timeMs };
  if (status === 'ok' && fin && fin.exitCode !== 0) status = `runtime-error: exit code ${fin.exitCode}`;
  if (status === 'ok' && timeMs > limit) status = 'timeout';
  return { status, stdout: fin?.stdout ?? '', timeMs, ...(fin?.stderr && status !== 'ok' ? { message: shorten(fin.stderr) } : {}) };
}

function runTestCode(s: Session, solution: IsolatedVM.Script, tests: IsolatedVM.Script, limit: number): RawRun {
  const t0 = performance.now();
  const deadline = t0 + limit;
  let status = 'ok';
  let message: string | undefined;
  try {
    solution.runSync(s.ctx, { timeout: left(deadline) });
    drainAll(s, deadline);
    tests.runSync(s.ctx, { timeout: left(deadline) });
    drainAll(s, deadline);
  } catch (err) {
    status = classify(err, s);
    message = shorten(String((err as Error)?.message ?? err));
  }
  const st = s.iso.isDisposed ? undefined : state(s, 'status', deadline);
  if (st?.exitCalled) {
    status = 'runtime-error: process.exit() called before the tests finished';
  } else if (st && st.assertFailures > 0 && !status.startsWith('timeout') && status !== 'memory-limit') {
    status = 'wrong-answer';
  } else if (st?.overflow) {
    status = 'runtime-error: output limit exceeded';
  }
  return { status, timeMs: performance.now() - t0, ...(message && status !== 'ok' ? { message } : {}) };
}

/** Call-based tests: load the solution once, call the entry point per test; a fresh isolate after a memory-limit death. */
function runCallTests(
  ivm: Ivm,
  code: string,
  ref: Extract<NormalizedReference, { kind: 'call' }>,
  opts: ResolvedCodeOptions,
  judge: Judge,
  open: () => Session,
): RawRun[] | string {
  const runs: RawRun[] = [];
  const limit = opts.timeLimitMs;
  let s: Session | undefined;
  let loadStatus: string | undefined;
  for (let i = 0; i < ref.tests.length; i++) {
    if (!s || s.iso.isDisposed) {
      s = open();
      const solution = compile(s.iso, code, 'solution.js');
      if (typeof solution === 'string') return solution;
      const deadline = performance.now() + limit;
      loadStatus = undefined;
      try {
        solution.runSync(s.ctx, { timeout: left(deadline) });
        drainAll(s, deadline);
      } catch (err) {
        loadStatus = state(s, 'status', deadline)?.exitCalled ? 'runtime-error: process.exit() called' : classify(err, s);
      }
    }
    const run = loadStatus !== undefined ? { status: loadStatus, timeMs: 0 } : callOnce(s, ref.entryPoint, ref.tests[i]!.args, limit);
    runs.push(run);
    if (!judge(i, run) && opts.stopAtFirstFailure) break;
  }
  return runs;
}

function callOnce(s: Session, entry: string, args: unknown[], limit: number): RawRun {
  const t0 = performance.now();
  const deadline = t0 + limit;
  try {
    let json = s.control.call.applySync(undefined, [entry, JSON.stringify(args)], { timeout: left(deadline) }) as string;
    if (json === PENDING_MARKER) {
      drainAll(s, deadline);
      json = s.control.callResult.applySync(undefined, [], { timeout: left(deadline) }) as string;
      if (json === PENDING_MARKER) return { status: 'runtime-error: the returned promise never settled', timeMs: performance.now() - t0 };
    }
    const st = state(s, 'status', deadline);
    if (st?.exitCalled) return { status: 'runtime-error: process.exit() called', timeMs: performance.now() - t0 };
    return { status: 'ok', json, timeMs: performance.now() - t0 };
  } catch (err) {
    const st = s.iso.isDisposed ? undefined : state(s, 'status', deadline);
    const status = st?.exitCalled ? 'runtime-error: process.exit() called' : classify(err, s);
    return { status, timeMs: performance.now() - t0 };
  }
}
