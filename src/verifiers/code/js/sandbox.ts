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
 * - test_code: the solution runs in its isolate, the test code in a second, checker isolate that
 *   runs no solution code (see test-code.ts); it passes only if the tests end normally with no
 *   failed assertion and no `process.exit`, and every call of the solution ended normally.
 */
import { InputError } from '../../../core/verdict.js';
import { PENDING_MARKER, type HarnessConfig } from './harness/index.js';
import { modulesFor } from './pure-modules.js';
import { prepareJs, prepareReferenceJs } from './transpile.js';
import { classify, closeSession, compile, ctl, drainAll, left, loadIvm, openSession, state, type Fn, type Session } from './session.js';
import { runTestCodeSplit } from './test-code.js';
import { promptHelpers } from './prompt-helpers.js';
import { shorten, type Judge, type RawRun, type SandboxOutcome } from '../run-types.js';
import type { NormalizedReference, ResolvedCodeOptions } from '../types.js';
import { DEFAULT_JS_MEMORY_MB } from '../options.js';

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
  const prepared = prepareJs(code, typescript, opts.timeLimitMs);
  if (!prepared.ok) return { compileError: prepared.error, runs: [] };
  const deep = sourceNestingError(prepared.code);
  if (deep !== undefined) return { compileError: deep, runs: [] };
  const memoryMb = opts.memoryLimitMb ?? DEFAULT_JS_MEMORY_MB;
  if (ref.kind === 'test_code') {
    const ts = ref.language === 'typescript' || typescript;
    const t = prepareReferenceJs(ref.testCode, ts);
    if (!t.ok) throw new InputError(`reference.test_code does not compile: ${t.error}`);
    const h = ref.helpers === undefined ? undefined : prepareReferenceJs(ref.helpers, ts);
    if (h && !h.ok) throw new InputError(`reference.helpers does not compile: ${h.error}`);
    // Without explicit helpers, the prompt's own (HumanEval-X's poly): trusted, and dropped
    // quietly when they do not compile or run (the prompt is not code the reference vouches for).
    const fromPrompt = h === undefined && ref.prompt !== undefined ? promptHelpers(ref.prompt, ref.entryPoint) : undefined;
    const p = fromPrompt === undefined ? undefined : prepareReferenceJs(fromPrompt, ts);
    const helpers = h?.code ?? (p?.ok ? p.code : undefined);
    const run = runTestCodeSplit(ivm, { solution: prepared.code, tests: t.code, helpers, helpersOptional: h === undefined, limitMs: opts.timeLimitMs, memoryMb, maxPlain: opts.maxOutputBytes }, cpu);
    if (run.status.startsWith('compile-error: ')) return { compileError: run.status.slice('compile-error: '.length), runs: [] };
    judge(0, run);
    return { runs: [run] };
  }
  const config: HarnessConfig = { stdin: '', maxOutput: opts.maxOutputBytes, modules: modulesFor(prepared.code), maxPlain: opts.maxOutputBytes };
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
    return { runs };
  } finally {
    cpu.ns += closeSession(session);
  }
}

/** Deepest parenthesis nesting a solution's source may have (see {@link sourceNestingError}). */
export const MAX_SOURCE_NESTING = 1_000;

/**
 * A compile error for a source whose parentheses nest deeper than {@link MAX_SOURCE_NESTING},
 * else undefined. V8 parses a regex literal natively, one level of recursion per group, without
 * checking for termination: a literal nested 50,000 deep overflowed the native stack (SIGSEGV).
 * The harness refuses such patterns where strings become regexps (harness/harden.ts); literals
 * are refused here, before compiling, from the raw text (strings and comments included), so no
 * parse is needed. The count skips escaped characters and takes the higher of two readings, with
 * and without skipping `[...]` (a character class in a regex, which hides a `)` from the first
 * reading; the second cannot be misled by a `[` outside the regex for longer than up to its first
 * `]`): a pattern nested more than twice the cap is always seen. Honest code nests a few levels.
 */
export function sourceNestingError(code: string): string | undefined {
  let plain = 0;
  let classes = 0;
  let inClass = false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 92) i++; // backslash: the next character is escaped
    else if (c === 40) {
      if (++plain > MAX_SOURCE_NESTING || (!inClass && ++classes > MAX_SOURCE_NESTING)) {
        return `SyntaxError: parentheses nested more than ${MAX_SOURCE_NESTING} deep (a sandbox limit: V8 parses deeper regular expressions natively, beyond any limit)`;
      }
    } else if (c === 41) {
      if (plain > 0) plain--;
      if (!inClass && classes > 0) classes--;
    } else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
  }
  return undefined;
}

function runStdioTest(s: Session, program: Fn, input: string, limit: number): RawRun {
  const t0 = performance.now();
  const deadline = t0 + limit;
  let status = 'ok';
  try {
    ctl(s, 1_000, 'reset', input);
    // The program's return value stays in the isolate (copied out, a 1 GiB string reached the host).
    (program.applySync(undefined, [], { timeout: left(deadline), result: { reference: true } }) as unknown as { release(): void } | undefined)?.release();
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
        solution.runSync(s.ctx, { timeout: left(deadline), reference: true }).release();
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
