/**
 * Sessions of the JavaScript sandbox: one isolated-vm isolate with one hardened context running
 * the harness (see `harness/`), and the host-side helpers every runner uses to drive it (control
 * calls with a deadline, settling macrotasks, classifying errors). Every call into an isolate
 * carries a timeout that isolated-vm enforces from a host thread.
 */
import { createRequire } from 'node:module';
import type IsolatedVM from 'isolated-vm';
import { HARNESS_SOURCE, type HarnessConfig, type HarnessRunState } from './harness/index.js';
import { hasNoNodeSnapshot } from './flags.js';
import { SandboxUnavailableError, shorten } from '../run-types.js';

/** isolated-vm's module type. */
export type Ivm = typeof IsolatedVM;
/** A reference to a function in an isolate. */
export type Fn = IsolatedVM.Reference<(...args: unknown[]) => unknown>;

const requireHere = createRequire(import.meta.url);
let ivmModule: Ivm | undefined;
let harnessCache: IsolatedVM.ExternalCopy<ArrayBuffer> | undefined;
let harnessPlan: string | undefined;
let warmedUp = false;

export function loadIvm(): Ivm {
  if (!hasNoNodeSnapshot()) {
    throw new SandboxUnavailableError('the JavaScript sandbox (isolated-vm) needs node --no-node-snapshot in the process that creates isolates');
  }
  ivmModule ??= requireHere('isolated-vm') as Ivm;
  return ivmModule;
}

/** One fresh hardened context in an isolate of this thread: the unit a submission runs in. */
export interface Session {
  iso: IsolatedVM.Isolate;
  ctx: IsolatedVM.Context;
  /** The harness's control function (see harness/index.ts). */
  control: Fn;
  /** The isolate's CPU time when the session opened (ns). */
  cpu0: bigint;
}

/**
 * Isolates kept by this thread, one per role and memory limit: creating an isolate costs several
 * ms of CPU, a context in an existing one much less. Each submission still gets fresh contexts
 * (nothing of one context is reachable from another); an isolate is dropped after a memory-limit
 * kill, after {@link MAX_USES} contexts, or when a closed context leaves more than half its heap
 * limit in use, so one submission's garbage cannot crowd the next.
 */
interface Kept {
  iso: IsolatedVM.Isolate;
  harness: IsolatedVM.Script;
  uses: number;
  limitMb: number;
}
const kept = new Map<string, Kept>();
const MAX_USES = 200;

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
// No onCatastrophicError: with one set, isolated-vm 5.0.4 segfaults the whole process when a
// script is still running 5 s past its timeout (its "failed to terminate" path schedules a task
// on an empty handle), which any long native loop reached. Without it, that loop runs on to its end.
function warmUp(ivm: Ivm): void {
  if (warmedUp) return;
  warmedUp = true;
  const iso = new ivm.Isolate({ memoryLimit: 64 });
  try {
    const script = iso.compileScriptSync(HARNESS_SOURCE, { filename: 'harness.js' });
    const ctx = iso.createContextSync();
    const setup = script.runSync(ctx, { reference: true }) as Fn;
    const control = setup.applySync(undefined, [new ivm.ExternalCopy({ stdin: '1 2\n', maxOutput: 1 << 20, modules: {}, maxPlain: 1 << 20 }).copyInto()], { result: { reference: true } }) as unknown as Fn;
    const s: Session = { iso, ctx, control, cpu0: 0n };
    harnessPlan = (ctl(s, 5_000, 'plan') as string) || undefined;
    iso.compileScriptSync(WARMUP_PROGRAM, { filename: 'warmup.js' }).runSync(ctx, { timeout: 5_000 });
    drainAll(s, performance.now() + 5_000);
    ctl(s, 5_000, 'call', 'warmupEntry', '[1]');
    ctl(s, 5_000, 'defined', '["warmupEntry","x"]');
    ctl(s, 5_000, 'callPlain', 'warmupEntry', '[{"o":[["a",[1,"x",{"u":1}]]]}]');
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

/** Open a session: a fresh context with the harness, in this thread's isolate for `role` and `memoryMb`. */
export function openSession(ivm: Ivm, memoryMb: number, config: HarnessConfig, role: 'solution' | 'checker' = 'solution'): Session {
  warmUp(ivm);
  const limitMb = Math.max(8, memoryMb);
  const key = `${role}:${limitMb}`;
  let k = kept.get(key);
  if (k && (k.iso.isDisposed || k.uses >= MAX_USES)) {
    if (!k.iso.isDisposed) k.iso.dispose();
    k = undefined;
  }
  if (!k) {
    const iso = new ivm.Isolate({ memoryLimit: limitMb });
    try {
      const harness = iso.compileScriptSync(HARNESS_SOURCE, harnessCache ? { filename: 'harness.js', cachedData: harnessCache } : { filename: 'harness.js' });
      k = { iso, harness, uses: 0, limitMb };
    } catch (err) {
      iso.dispose();
      throw err;
    }
    kept.set(key, k);
  }
  k.uses += 1;
  const { iso } = k;
  const cpu0 = iso.cpuTime;
  let ctx: IsolatedVM.Context | undefined;
  try {
    ctx = iso.createContextSync();
    const setup = k.harness.runSync(ctx, { reference: true }) as Fn;
    const withPlan: HarnessConfig = { ...config, memoryMb: limitMb, ...(harnessPlan !== undefined && { plan: harnessPlan }) };
    const control = setup.applySync(undefined, [new ivm.ExternalCopy(withPlan).copyInto()], { result: { reference: true } }) as unknown as Fn;
    setup.release();
    return { iso, ctx, control, cpu0 };
  } catch (err) {
    kept.delete(key);
    if (!iso.isDisposed) iso.dispose();
    throw err;
  }
}

/** Call the harness's control function. */
export function ctl(s: Session, timeout: number, op: string, a?: string, b?: string): unknown {
  return s.control.applySync(undefined, [op, a, b], { timeout });
}

/** Release a session's context; returns the CPU time it used in ns (0 once its isolate was killed for memory). */
export function closeSession(s: Session | undefined): bigint {
  if (!s || s.iso.isDisposed) return 0n;
  const cpu = s.iso.cpuTime - s.cpu0;
  s.control.release();
  s.ctx.release();
  for (const [key, k] of kept) {
    if (k.iso !== s.iso) continue;
    const used = s.iso.getHeapStatisticsSync().used_heap_size;
    if (used > (k.limitMb << 20) / 2) {
      kept.delete(key);
      s.iso.dispose();
    }
  }
  return cpu;
}

/** Turn an error from isolated-vm into a test status. */
export function classify(err: unknown, s: Session): string {
  const e = err as { name?: string; message?: string } | null;
  // The message comes from the solution (one of 2^29 characters made the concatenation below throw).
  const message = String(e?.message ?? err).slice(0, 4096);
  if (s.iso.isDisposed || /memory limit/i.test(message)) return 'memory-limit';
  if (message === 'Script execution timed out.') return 'timeout';
  if (/not an instance of `Error`/.test(message)) return 'runtime-error: a non-Error value was thrown';
  return `runtime-error: ${shorten(`${e?.name ?? 'Error'}: ${message}`)}`;
}

/** Remaining ms before `deadline`, at least 1 (isolated-vm rejects 0). */
export function left(deadline: number): number {
  const ms = Math.ceil(deadline - performance.now());
  if (ms <= 0) throw new Error('Script execution timed out.');
  return ms;
}

/** Run macrotasks until a pass runs none (microtasks run between passes, when each call returns). */
export function drainAll(s: Session, deadline: number): void {
  while ((ctl(s, left(deadline), 'settle') as number) > 0) {
    // keep settling
  }
}

export function state(s: Session, op: 'finish' | 'status', deadline: number): HarnessRunState | undefined {
  try {
    return JSON.parse(ctl(s, Math.max(50, Math.ceil(deadline - performance.now())), op) as string) as HarnessRunState;
  } catch {
    return undefined;
  }
}

export function compile(iso: IsolatedVM.Isolate, code: string, filename: string): IsolatedVM.Script | string {
  try {
    return iso.compileScriptSync(code, { filename });
  } catch (err) {
    return shorten(`${(err as Error).name ?? 'SyntaxError'}: ${(err as Error).message}`);
  }
}

