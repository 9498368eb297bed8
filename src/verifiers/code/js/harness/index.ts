/**
 * The whole in-isolate harness: one function expression `(config) => control`. It runs in a fresh
 * context before the solution, installs the emulated Node surface, hardens the realm, and returns
 * a frozen control object that only the host holds (the solution cannot reach it: its state lives
 * in closures). `control(op, a, b)` answers:
 * - `reset(stdin)` prepares the next stdin/stdout test (fresh output, events and globals);
 * - `settle` runs pending macrotasks (stdin events, virtual timers) and returns how many ran;
 *   microtasks run when the call returns, so the host settles until a call runs none;
 * - `finish` ends the program (fires `exit` listeners) and returns the run as JSON
 *   `{stdout, stderr, exitCode, exitCalled, assertFailures, overflow}`;
 * - `status` the same without stdout;
 * - `call(entry, argsJson)` calls the entry point and returns its result as JSON (or the marker
 *   `"\u0000pending"` for a promise, then `callResult` after settling).
 */
import { INSPECT_SOURCE } from './inspect.js';
import { RUNTIME_SOURCE } from './runtime.js';
import { MODULES_SOURCE } from './modules.js';
import { HARDEN_SOURCE } from './harden.js';

const CONTROL_SOURCE = String.raw`
const PENDING = '\u0000pending';
let pendingCall = null;
function toJson(v) {
  const s = JSON.stringify(v, function (k, x) { return typeof x === 'bigint' ? Number(x) : x; });
  return s === undefined ? 'null' : s;
}
function resolveEntry(name) {
  const parts = name.split('.');
  let root;
  try { root = indirectEval(parts[0]); } catch (e) { root = undefined; }
  if (root === undefined) {
    const ex = moduleObject.exports;
    if (ex !== null && (typeof ex === 'object' || typeof ex === 'function') && ex[parts[0]] !== undefined) root = ex[parts[0]];
    else if (typeof ex === 'function' && parts.length === 1) root = ex;
  }
  if (parts.length === 2) {
    if (typeof root !== 'function') throw new ReferenceError('class ' + parts[0] + ' is not defined');
    const inst = new root();
    if (typeof inst[parts[1]] !== 'function') throw new TypeError(name + ' is not a function');
    return [inst[parts[1]], inst];
  }
  if (typeof root === 'function') return [root, undefined];
  let Sol;
  try { Sol = indirectEval('Solution'); } catch (e) { Sol = undefined; }
  if (typeof Sol === 'function') {
    const inst = new Sol();
    if (typeof inst[name] === 'function') return [inst[name], inst];
  }
  if (root === undefined) throw new ReferenceError(name + ' is not defined');
  throw new TypeError(name + ' is not a function');
}
function runState(withStdout) {
  const s = { exitCode: exitCode, exitCalled: exitCalled, assertFailures: assertFailures, overflow: overflow, stderr: errChunks.join('').slice(0, 2000) };
  if (withStdout) s.stdout = outChunks.join('');
  return JSON.stringify(s);
}
const baseGlobals = new Set(Reflect.ownKeys(globalThis));
const initialExports = moduleObject.exports;
/** Forget everything a previous stdin/stdout test left: output, events, listeners, new globals. */
function resetRun(input) {
  outChunks = []; outLen = 0; errChunks = []; errLen = 0; overflow = false;
  exited = false; exitCalled = false; exitCode = 0; userExitCode = undefined; assertFailures = 0; groupIndent = '';
  tasks = []; clock = 0;
  stdinText = input; stdinTaken = false; stdinStarted = false; stdinEnded = false; stdinPending = null;
  listenerMaps.delete(stdin); listenerMaps.delete(stdoutStream); listenerMaps.delete(stderrStream);
  exitListeners.length = 0; counts.clear(); timers.clear();
  for (const k of Reflect.ownKeys(globalThis)) {
    if (!baseGlobals.has(k)) { try { delete globalThis[k]; } catch (e) { /* non-configurable: left as is */ } }
  }
  for (const k of Reflect.ownKeys(processEnv)) delete processEnv[k];
  for (const k of Reflect.ownKeys(initialExports)) { try { delete initialExports[k]; } catch (e) { /* frozen by the program */ } }
  moduleObject.exports = initialExports;
}
return function control(op, a, b) {
  switch (op) {
    case 'reset': resetRun(String(a)); return 0;
    case 'settle': { const n = tasksRun; runTasks(); return tasksRun - n; }
    case 'finish':
      if (!exitCalled && !exited) {
        exitCode = userExitCode === undefined ? 0 : Number(userExitCode) | 0;
        try { emitExit(); } catch (e) { if (e !== exitSignal) throw e; }
      }
      exited = true;
      return runState(true);
    case 'status': return runState(false);
    case 'plan': return hardenPlan === undefined ? '' : JSON.stringify(hardenPlan);
    case 'unfrozen': return unfrozenCount();
    case 'call': {
      const entry = resolveEntry(a);
      const args = JSON.parse(b);
      pendingCall = null;
      const r = Reflect.apply(entry[0], entry[1], args);
      if (r !== null && (typeof r === 'object' || typeof r === 'function') && typeof r.then === 'function') {
        const p = { state: 'pending', value: undefined };
        pendingCall = p;
        r.then((v) => { p.state = 'done'; p.value = v; }, (e) => { p.state = 'error'; p.value = e; });
        return PENDING;
      }
      return toJson(r);
    }
    case 'callResult': {
      const p = pendingCall;
      if (p === null || p.state === 'pending') return PENDING;
      if (p.state === 'error') throw p.value;
      return toJson(p.value);
    }
  }
  throw new Error('unknown control operation ' + op);
};
`;

/** Source of the harness: a function expression taking `config` and returning the control function. */
export const HARNESS_SOURCE = [
  '(function (config) {',
  "'use strict';",
  'const indirectEval = eval;',
  INSPECT_SOURCE,
  RUNTIME_SOURCE,
  MODULES_SOURCE,
  HARDEN_SOURCE,
  CONTROL_SOURCE,
  '})',
].join('\n');

/** What the host passes to the harness. */
export interface HarnessConfig {
  /** The test's stdin (empty for call-based and test_code runs). */
  stdin: string;
  /** Most characters of stdout before the program fails with an output-limit error. */
  maxOutput: number;
  /** Sources of allow-listed pure modules the solution may `require`, by name. */
  modules: Record<string, string>;
  /** The hardening plan recorded by this thread's first context (JSON), to skip the realm walk. */
  plan?: string;
  /** A failed `console.assert` throws and fails the run (test_code), instead of only logging as Node does. */
  assertThrows?: boolean;
}

/** The JSON `finish()` and `status()` return. */
export interface HarnessRunState {
  stdout?: string;
  stderr: string;
  exitCode: number;
  exitCalled: boolean;
  assertFailures: number;
  overflow: boolean;
}

/** Marker returned by `call`/`callResult` while the entry point's promise is unsettled. */
export const PENDING_MARKER = '\u0000pending';
