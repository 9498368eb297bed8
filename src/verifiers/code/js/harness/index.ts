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
import { BYTES_SOURCE } from './bytes.js';
import { MODULES_SOURCE } from './modules.js';
import { HARDEN_SOURCE } from './harden.js';
import { PLAIN_SOURCE } from './plain.js';

const CONTROL_SOURCE = String.raw`
const PENDING = '\u0000pending';
let pendingCall = null;
function toJson(v) {
  const s = JSON.stringify(v, function (k, x) { return typeof x === 'bigint' ? Number(x) : x; });
  // A call's result crosses to the host as this string: past maxOutput it stays here (a 1 GiB
  // string copied out took the host to 2 GB).
  if (s !== undefined && s.length > config.maxOutput) throw new RangeError('output limit exceeded (the result is ' + s.length + ' characters, at most ' + config.maxOutput + ')');
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
/** A tagged result for the checker, or 'e' + why the value cannot cross (never a catchable throw there). */
function plainReply(tag, v) {
  try { return tag + encodePlain(v, config.maxPlain); } catch (e) {
    let why = 'a returned value cannot be read';
    try { if (typeof e.message === 'string') why = e.message.slice(0, 300); } catch (e2) { /* keep the default */ }
    return 'e' + why;
  }
}
/** Of the names, those the solution defines as functions (not the realm's own globals). */
const RESERVED = new Set('await break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof let new null return static super switch this throw true try typeof var void while with yield arguments eval'.split(' '));
function definedFunctions(names) {
  const out = [];
  const candidates = names.filter((n) => typeof n === 'string' && !baseGlobals.has(n) && !RESERVED.has(n) && /^[A-Za-z_$][\w$]*$/.test(n));
  // One typeof per name in a single evaluation (no ReferenceError per undeclared name); a name in
  // its temporal dead zone makes it throw, and then each name is looked at alone.
  let kinds;
  try { kinds = candidates.length === 0 ? [] : indirectEval('[' + candidates.map((n) => 'typeof ' + n).join(',') + ']'); } catch (e) { kinds = undefined; }
  for (let i = 0; i < candidates.length; i++) {
    const n = candidates[i];
    if (kinds !== undefined && kinds[i] === 'function') { out.push(n); continue; }
    if (kinds !== undefined && kinds[i] !== 'undefined') continue;
    let v;
    if (kinds === undefined) { try { v = indirectEval(n); } catch (e) { v = undefined; } }
    if (v === undefined) {
      const ex = moduleObject.exports;
      if (ex !== null && (typeof ex === 'object' || typeof ex === 'function')) { try { v = ex[n]; } catch (e) { v = undefined; } }
    }
    if (typeof v === 'function') out.push(n);
  }
  return out;
}
/**
 * Checker side: each name becomes a global function that sends its arguments (as plain data) to
 * the host, which calls the solution in its own isolate and answers with a tagged string: 'r'
 * a result, 'p' a promise's result, 't' a thrown error (JSON {name, message}), 'f' the solution
 * failed for good (the host has recorded why). Names the tests or the reference's helpers define
 * themselves shadow these (the properties stay configurable).
 */
function installStubs(names, hostCall) {
  const errorTypes = { Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError };
  for (const name of names) {
    if (typeof name !== 'string' || RESERVED.has(name) || !/^[A-Za-z_$][\w$]*$/.test(name)) continue;
    let kind;
    try { kind = indirectEval('typeof ' + name); } catch (e) { kind = 'declared'; }
    if (kind !== 'undefined') continue;
    const stub = function () {
      if (new.target !== undefined) throw new TypeError(name + ' comes from the solution: the tests cannot construct it');
      const r = hostCall(name, encodePlain(Array.prototype.slice.call(arguments), config.maxPlain));
      const tag = r[0];
      if (tag === 'r') return decodePlain(r.slice(1));
      if (tag === 'p') return Promise.resolve(decodePlain(r.slice(1)));
      if (tag === 't') {
        const e = JSON.parse(r.slice(1));
        const C = Object.prototype.hasOwnProperty.call(errorTypes, e.name) ? errorTypes[e.name] : Error;
        throw new C(e.message);
      }
      throw new Error('the solution failed: ' + r.slice(1));
    };
    Object.defineProperty(globalThis, name, { value: stub, writable: true, configurable: true, enumerable: false });
  }
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
    case 'defined': return JSON.stringify(definedFunctions(JSON.parse(a)));
    case 'callPlain': {
      pendingCall = null;
      let r;
      try {
        const entry = resolveEntry(a);
        r = Reflect.apply(entry[0], entry[1], decodePlain(b));
      } catch (e) {
        if (exitCalled) return 'x';
        throw e;
      }
      if (exitCalled) return 'x';
      if (r !== null && (typeof r === 'object' || typeof r === 'function') && typeof r.then === 'function') {
        const p = { state: 'pending', value: undefined };
        pendingCall = p;
        r.then((v) => { p.state = 'done'; p.value = v; }, (e) => { p.state = 'error'; p.value = e; });
        return PENDING;
      }
      return plainReply('r', r);
    }
    case 'callPlainResult': {
      const p = pendingCall;
      if (exitCalled) return 'x';
      if (p === null || p.state === 'pending') return PENDING;
      if (p.state === 'error') throw p.value;
      return plainReply('p', p.value);
    }
    case 'bridge': installStubs(JSON.parse(a), b); return 0;
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
  BYTES_SOURCE,
  MODULES_SOURCE,
  PLAIN_SOURCE,
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
  /** Skip hardening: the checker's realm, which runs no solution code (see harden.ts). */
  unhardened?: boolean;
  /** Most characters of one value crossing between the solution's and the checker's isolates. */
  maxPlain: number;
  /** The isolate's memory limit in MB (bounds what native loops may be asked to walk). */
  memoryMb?: number;
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
