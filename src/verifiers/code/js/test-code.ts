/**
 * test_code references (HumanEval-X, MultiPL-E: assertions over calls of the solution) run split
 * across two isolates, so that the judgement never runs where solution code runs:
 *
 * - the solution's isolate runs the solution, then only the calls the tests make: each call's
 *   arguments arrive as plain data and its result leaves as plain data (exact built-in types,
 *   read once through property descriptors, size-capped: see harness/plain.ts);
 * - the checker's isolate runs the reference's helpers (trusted, e.g. HumanEval's `poly`) and the
 *   test code, inside one function in a context kept across submissions (see checker.ts); every
 *   name the tests use that the solution defines as a function is a global stub there that asks
 *   the host to make the call (the helpers' own declarations shadow it). Expected values, comparisons,
 *   `assert`, `console.assert` and the decision "every test ran and passed" live in the checker,
 *   which executes no solution code.
 *
 * A solution that times out, exceeds memory, calls `process.exit`, returns a value that is not plain
 * data or a promise that never settles fails the run for good, whatever the test code does next.
 * What stays trusted: the test code and helpers (from the dataset) and the harness's `assert`.
 */
import { InputError } from '../../../core/verdict.js';
import { PENDING_MARKER, type HarnessConfig } from './harness/index.js';
import type IsolatedVM from 'isolated-vm';
import { classify, closeSession, compile, ctl, drainAll, left, openSession, state, type Fn, type Ivm, type Session } from './session.js';
import { giveBackChecker, takeChecker } from './checker.js';
import { modulesFor } from './pure-modules.js';
import { shorten, type RawRun } from '../run-types.js';

/** What a test_code run needs besides the sessions. */
export interface TestCodeJob {
  solution: string;
  tests: string;
  helpers: string | undefined;
  /** The helpers came from the prompt, not the reference: without them when they fail to compile or run. */
  helpersOptional?: boolean;
  limitMs: number;
  memoryMb: number;
  maxPlain: number;
}

/** Identifier-like words of the test code: the names it may take from the solution (an over-approximation). */
export function namesUsed(tests: string): string[] {
  return [...new Set(tests.match(/[A-Za-z_$][\w$]*/g) ?? [])].slice(0, 20_000);
}

/**
 * Most calls from the tests into the solution in one submission. isolated-vm's nested synchronous
 * calls (checker -> host -> solution, each with its own timeout) use native stack that is given
 * back only when the tests return: about 300,000 calls in one submission overflow the thread's
 * stack and kill the whole process (SIGSEGV), every other sample's verdict with it. Test code calls
 * a candidate tens to thousands of times; the cap ends a submission that goes past it as
 * `runtime-error` well before the overflow.
 */
export const MAX_BRIDGED_CALLS = 50_000;

/** The host's side of a bridged call: ask the solution's isolate, answer the checker with a tagged string. */
function callSolution(sol: Session, name: string, args: string, deadline: number, fail: (status: string) => string): string {
  try {
    let r = ctl(sol, left(deadline), 'callPlain', name, args) as string;
    if (r === PENDING_MARKER) {
      drainAll(sol, deadline);
      r = ctl(sol, left(deadline), 'callPlainResult') as string;
      if (r === PENDING_MARKER) return fail('runtime-error: the returned promise never settled');
    }
    if (r === 'x') return fail('runtime-error: process.exit() called');
    if (r[0] === 'e') return fail(`runtime-error: ${shorten(r.slice(1))}`);
    return r;
  } catch (err) {
    const status = classify(err, sol);
    if (status === 'timeout' || status === 'memory-limit') return fail(status);
    const e = err as { name?: unknown; message?: unknown } | null;
    return 't' + JSON.stringify({ name: typeof e?.name === 'string' ? e.name : 'Error', message: String(e?.message ?? status).slice(0, 1000) });
  }
}

/**
 * The reference's helpers and tests as one script for the checker: a function that runs the
 * helpers and returns a function that runs the tests, so that both see the helpers' declarations
 * and nothing of either outlives the submission (the checker context is reused, see checker.ts).
 * A syntax error is put down to the helpers when they do not compile alone.
 */
function compileChecks(iso: IsolatedVM.Isolate, job: TestCodeJob): IsolatedVM.Script {
  const src = `(function () {\n${job.helpers ?? ''}\nreturn function () {\n${job.tests}\n};\n})`;
  const script = compile(iso, src, 'tests.js');
  if (typeof script !== 'string') return script;
  const helpers = job.helpers === undefined ? undefined : compile(iso, `(function () {\n${job.helpers}\n})`, 'helpers.js');
  if (typeof helpers === 'string') throw new InputError(`reference.helpers does not compile: ${helpers}`);
  throw new InputError(`reference.test_code does not compile: ${script}`);
}

/** The checker's function that runs the tests, after the helpers ran (InputError when either does not compile, or the helpers throw). */
function prepareTests(chk: Session, job: TestCodeJob, deadline: number): Fn {
  const scripts = compileChecks(chk.iso, job);
  const outer = scripts.runSync(chk.ctx, { timeout: left(deadline), reference: true }) as Fn;
  try {
    return outer.applySync(undefined, [], { timeout: left(deadline), result: { reference: true } }) as unknown as Fn;
  } catch (err) {
    throw new InputError(`reference.helpers fails: ${shorten(String((err as Error)?.message ?? err))}`);
  } finally {
    outer.release();
  }
}

/** Run the solution, then the tests in a checker isolate (see the module comment); adds the CPU both isolates used to `cpu`. */
export function runTestCodeSplit(ivm: Ivm, job: TestCodeJob, cpu: { ns: bigint }): RawRun {
  const base: Omit<HarnessConfig, 'modules' | 'assertThrows'> = { stdin: '', maxOutput: 1 << 20, maxPlain: job.maxPlain };
  let sol: Session | undefined;
  let chk: Session | undefined;
  let checkerReusable = false;
  const t0 = performance.now();
  const deadline = t0 + job.limitMs;
  const done = (status: string, message?: string): RawRun => ({ status, timeMs: performance.now() - t0, ...(message && status !== 'ok' ? { message: shorten(message) } : {}) });
  try {
    sol = openSession(ivm, job.memoryMb, { ...base, modules: modulesFor(job.solution), assertThrows: false });
    const solution = compile(sol.iso, job.solution, 'solution.js');
    if (typeof solution === 'string') return done(`compile-error: ${solution}`);
    try {
      // The script's completion value stays in the isolate (a 1 GiB string was copied to the host).
      solution.runSync(sol.ctx, { timeout: left(deadline), reference: true }).release();
      drainAll(sol, deadline);
    } catch (err) {
      if (state(sol, 'status', deadline)?.exitCalled) return done('runtime-error: process.exit() called before the tests ran');
      return done(classify(err, sol), String((err as Error)?.message ?? err));
    }
    if (state(sol, 'status', deadline)?.exitCalled) return done('runtime-error: process.exit() called before the tests ran');
    const defined = ctl(sol, left(deadline), 'defined', JSON.stringify(namesUsed(job.tests))) as string;

    chk = takeChecker(ivm, job.memoryMb, job.maxPlain);
    let tests: Fn;
    try {
      tests = prepareTests(chk, job, deadline);
    } catch (err) {
      if (!(job.helpersOptional && job.helpers !== undefined && err instanceof InputError)) throw err;
      tests = prepareTests(chk, { ...job, helpers: undefined }, deadline);
    }
    let fatal: string | undefined;
    const fail = (status: string): string => {
      fatal ??= status;
      return 'f' + fatal;
    };
    const s = sol;
    let calls = 0;
    const hostCall = new ivm.Callback((name: unknown, args: unknown) =>
      fatal !== undefined
        ? 'f' + fatal
        : typeof name !== 'string' || typeof args !== 'string'
          ? fail('runtime-error: bad bridge call')
          : ++calls > MAX_BRIDGED_CALLS
            ? fail(`runtime-error: the tests called the solution more than ${MAX_BRIDGED_CALLS} times`)
            : callSolution(s, name, args, deadline, fail),
    );
    chk.control.applySync(undefined, ['bridge', defined, hostCall], { timeout: left(deadline) });
    let status = 'ok';
    let message: string | undefined;
    try {
      (tests.applySync(undefined, [], { timeout: left(deadline), result: { reference: true } }) as unknown as { release(): void } | undefined)?.release();
      drainAll(chk, deadline);
    } catch (err) {
      status = classify(err, chk);
      message = String((err as Error)?.message ?? err);
    }
    const st = chk.iso.isDisposed ? undefined : state(chk, 'status', deadline);
    tests.release();
    checkerReusable = st !== undefined && !st.exitCalled && status !== 'timeout' && status !== 'memory-limit';
    if (fatal !== undefined) return done(fatal);
    if (st?.exitCalled) status = 'runtime-error: process.exit() called before the tests finished';
    else if (st && st.assertFailures > 0 && status !== 'timeout' && status !== 'memory-limit') status = 'wrong-answer';
    else if (st === undefined && status === 'ok') status = 'runtime-error: the checker did not report';
    return done(status, message);
  } finally {
    cpu.ns += closeSession(sol) + giveBackChecker(chk, checkerReusable);
  }
}
