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
let harnessPlan: string | undefined;
let warmedUp = false;

function loadIvm(): Ivm {
  if (!hasNoNodeSnapshot()) {
    throw new SandboxUnavailableError('the JavaScript sandbox (isolated-vm) needs node --no-node-snapshot in the process that creates isolates');
  }
  ivmModule ??= requireHere('isolated-vm') as Ivm;
  return ivmModule;
}

/** One isolate with one hardened context: the unit a submission runs in. */
interface Session {
  iso: IsolatedVM.Isolate;
  ctx: IsolatedVM.Context;
  /** The harness's control function (see harness/index.ts). */
  control: Fn;
}

/** A program that exercises the harness (console, readline, assert, settle, call) once. */
const WARMUP_PROGRAM = [
  "console.log([1, 'a', { b: [2, 3] }], 'x', 1.5); console.error('e'); process.stdout.write('w');",
  "const rl = require('readline').createInterface({ input: process.stdin });",
  "rl.on('line', (l) => console.log(l)); rl.on('close', () => {});",
  "require('assert').deepEqual([1], [1]); require('assert').strictEqual(1, 1); console.assert(true);",
  'setTimeout(() => {}, 1); function warmupEntry(x) { return [x]; }',
].join('\n');

/**
 * Once per thread: run the harness in a throwaway isolate to record its hardening plan (see
 * harness/harden.ts), and make a V8 code cache of the harness in a throwaway isolate *after* running the
 * harness and a warm-up program there: recompiling the same source then hits V8's compilation
 * cache, whose functions are all compiled by now, so the cache carries their bytecode and new
 * isolates skip parsing and lazily compiling them (about a third of the harness's start-up).
 */
function warmUp(ivm: Ivm): void {
  if (warmedUp) return;
  warmedUp = true;
  const iso = new ivm.Isolate({ memoryLimit: 64 });
  try {
    const script = iso.compileScriptSync(HARNESS_SOURCE, { filename: 'harness.js' });
    const ctx = iso.createContextSync();
    const setup = script.runSync(ctx, { reference: true }) as Fn;
    const control = setup.applySync(undefined, [new ivm.ExternalCopy({ stdin: '1 2\n', maxOutput: 1 << 20, modules: {} }).copyInto()], { result: { reference: true } }) as unknown as Fn;
    const s: Session = { iso, ctx, control };
    harnessPlan = (ctl(s, 5_000, 'plan') as string) || undefined;
    iso.compileScriptSync(WARMUP_PROGRAM, { filename: 'warmup.js' }).runSync(ctx, { timeout: 5_000 });
    drainAll(s, performance.now() + 5_000);
    ctl(s, 5_000, 'call', 'warmupEntry', '[1]');
    ctl(s, 5_000, 'status');
    ctl(s, 5_000, 'finish');
    ctl(s, 5_000, 'reset', '');
    const again = iso.compileScriptSync(HARNESS_SOURCE, { filename: 'harness.js', produceCachedData: true });
    harnessCache = (again as IsolatedVM.Script & IsolatedVM.CachedDataResult).cachedData;
  } catch {
    harnessCache = undefined;
    harnessPlan = undefined;
  } finally {
    iso.dispose();
  }
}

function openSession(ivm: Ivm, memoryMb: number, config: HarnessConfig): Session {
  warmUp(ivm);
  const iso = new ivm.Isolate({ memoryLimit: Math.max(8, memoryMb) });
  try {
    const script = iso.compileScriptSync(HARNESS_SOURCE, harnessCache ? { filename: 'harness.js', cachedData: harnessCache } : { filename: 'harness.js' });
    const ctx = iso.createContextSync();
    const setup = script.runSync(ctx, { reference: true }) as Fn;
    const withPlan: HarnessConfig = harnessPlan === undefined ? config : { ...config, plan: harnessPlan };
    const control = setup.applySync(undefined, [new ivm.ExternalCopy(withPlan).copyInto()], { result: { reference: true } }) as unknown as Fn;
    return { iso, ctx, control };
  } catch (err) {
    iso.dispose();
    throw err;
  }
}

/** Call the harness's control function. */
function ctl(s: Session, timeout: number, op: string, a?: string, b?: string): unknown {
  return s.control.applySync(undefined, [op, a, b], { timeout });
}

/** Dispose of a session's isolate; returns the CPU time it used in ns (0 once disposed by a memory kill). */
function closeSession(s: Session | undefined): bigint {
  if (!s || s.iso.isDisposed) return 0n;
  const cpu = s.iso.cpuTime;
  s.iso.dispose();
  return cpu;
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

/** Run macrotasks until a pass runs none (microtasks run between passes, when each call returns). */
function drainAll(s: Session, deadline: number): void {
  while ((ctl(s, left(deadline), 'settle') as number) > 0) {
    // keep settling
  }
}

function state(s: Session, op: 'finish' | 'status', deadline: number): HarnessRunState | undefined {
  try {
    return JSON.parse(ctl(s, Math.max(50, Math.ceil(deadline - performance.now())), op) as string) as HarnessRunState;
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
  const cpu = { ns: 0n };
  const outcome = runInIsolates(code, typescript, ref, opts, judge, cpu);
  return { ...outcome, cpuMs: Number(cpu.ns) / 1e6 };
}

function runInIsolates(code: string, typescript: boolean, ref: NormalizedReference, opts: ResolvedCodeOptions, judge: Judge, cpu: { ns: bigint }): SandboxOutcome {
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
  const config: HarnessConfig = { stdin: '', maxOutput: opts.maxOutputBytes, modules: modulesFor(prepared.code, testSource ?? ''), assertThrows: ref.kind === 'test_code' };
  const limit = opts.timeLimitMs;
  const runs: RawRun[] = [];
  let session: Session | undefined;
  try {
    if (ref.kind === 'stdio') {
      let program: Fn | undefined;
      for (let i = 0; i < ref.tests.length; i++) {
        if (!session || session.iso.isDisposed) {
          cpu.ns += closeSession(session);
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
      const out = runCallTests(prepared.code, ref, opts, judge, () => {
        cpu.ns += closeSession(session);
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
    cpu.ns += closeSession(session);
  }
}

function runStdioTest(s: Session, program: Fn, input: string, limit: number): RawRun {
  const t0 = performance.now();
  const deadline = t0 + limit;
  let status = 'ok';
  try {
    ctl(s, 1_000, 'reset', input);
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
    let json = ctl(s, left(deadline), 'call', entry, JSON.stringify(args)) as string;
    if (json === PENDING_MARKER) {
      drainAll(s, deadline);
      json = ctl(s, left(deadline), 'callResult') as string;
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
