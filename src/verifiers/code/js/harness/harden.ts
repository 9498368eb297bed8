/**
 * In-isolate source (plain JavaScript): installs the harness globals (`console`, `process`,
 * `require`, `module`, timers, `Buffer`), then hardens the realm before any solution code runs:
 * every object reachable from the built-ins (prototypes, iterator prototypes, the harness objects)
 * is frozen, and every global binding becomes non-writable and non-configurable, so that a
 * solution can neither override `console.assert`, `JSON.stringify` or `Array.prototype.toJSON`
 * nor shadow them with its own `let console`. Common data properties that programs set on their
 * own objects (`toString`, `constructor`, `name`, `message`, ...) become accessors so that
 * assigning them on an instance still works (the "override mistake").
 */
import { NATIVE_LIMITS_SOURCE } from './native-limits.js';

/** The harness globals and `defineHidden`. */
const HARDEN_HEAD = String.raw`
const moduleObject = { exports: {} };
const harnessGlobals = {
  console: consoleObject,
  process: process,
  require: requireImpl,
  module: moduleObject,
  exports: moduleObject.exports,
  global: globalThis,
  Buffer: Buffer,
  setTimeout: setTimeoutImpl,
  setInterval: setIntervalImpl,
  setImmediate: setImmediateImpl,
  clearTimeout: clearTimer,
  clearInterval: clearTimer,
  clearImmediate: clearTimer,
  queueMicrotask: queueMicrotaskImpl,
  performance: performanceObject,
  atob: atobImpl,
  btoa: btoaImpl,
  TextEncoder: TextEncoderImpl,
  TextDecoder: TextDecoderImpl,
  structuredClone: structuredCloneImpl,
};
// WebAssembly is removed: its memories live outside the isolate's heap, so the memory limit would
// not count them (a 1 GiB Memory under a 128 MB limit), and no test needs it. Intl is frozen like
// every other intrinsic.
delete globalThis.WebAssembly;
// Atomics.waitAsync is removed: a finite timeout makes V8 post a delayed task to isolated-vm's
// platform, which aborts the whole host process (std::terminate), every other sample with it.
delete Atomics.waitAsync;
// The checker has Node's assert as a global too: tests that call assert(...) without requiring it
// took the solution's function of that name (a no-op assert passed everything).
if (config.unhardened) harnessGlobals.assert = requireImpl('assert');
// Symbol.for's registry belongs to the isolate, which serves many submissions one context after
// another: symbols a submission registered (descriptions of megabytes) outlived it and crowded the
// next one out of the heap. Each context gets a registry of its own.
{
  const registry = new Map();
  const keys = new Map();
  const symbolFor = { for(key) {
    const k = String(key);
    let s = registry.get(k);
    if (s === undefined) {
      s = Symbol(k);
      registry.set(k, s);
      keys.set(s, k);
    }
    return s;
  } }.for;
  const keyFor = { keyFor(sym) {
    if (typeof sym !== 'symbol') throw new TypeError(String(sym) + ' is not a symbol');
    return keys.get(sym);
  } }.keyFor;
  Object.defineProperty(Symbol, 'for', { value: symbolFor, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(Symbol, 'keyFor', { value: keyFor, writable: true, configurable: true, enumerable: false });
}
// Installs a wrapper as a built-in method is installed (writable, configurable, not enumerable).
const defineHidden = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false });
`;

/** The realm hardened, after the native limits (see native-limits.ts) are installed. */
const HARDEN_TAIL = String.raw`
const skipFreeze = new Set([moduleObject, moduleObject.exports, processEnv, globalThis]);
for (const k of Object.keys(harnessGlobals)) {
  Object.defineProperty(globalThis, k, { value: harnessGlobals[k], writable: true, configurable: true, enumerable: false });
}
function tame(proto, name) {
  const d = Object.getOwnPropertyDescriptor(proto, name);
  if (d === undefined || !('value' in d) || !d.writable) return;
  const value = d.value;
  Object.defineProperty(proto, name, {
    get() { return value; },
    set(v) {
      if (this === proto) throw new TypeError("Cannot assign to read only property '" + String(name) + "' of a built-in prototype");
      Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
    },
    enumerable: d.enumerable,
    configurable: false,
  });
}
// The usual targets of assignment on instances (js-md5 sets Md5.prototype.toString; old-style
// classes set Child.prototype.constructor). Not 'constructor' on Array/Promise prototypes: V8's
// species fast paths need it to stay a data property there.
for (const n of ['toString', 'valueOf', 'toLocaleString', 'constructor']) tame(Object.prototype, n);
for (const n of ['toString']) tame(Function.prototype, n);
for (const C of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError, AssertionError]) {
  for (const n of ['name', 'message', 'toString', 'constructor']) tame(C.prototype, n);
}
const hiddenRoots = [
  Object.getPrototypeOf(function* () {}),
  Object.getPrototypeOf(async function () {}),
  Object.getPrototypeOf(async function* () {}),
  Object.getPrototypeOf([][Symbol.iterator]()),
  Object.getPrototypeOf(new Map()[Symbol.iterator]()),
  Object.getPrototypeOf(new Set()[Symbol.iterator]()),
  Object.getPrototypeOf(''[Symbol.iterator]()),
  Object.getPrototypeOf(/a/[Symbol.matchAll]('')),
  Object.getPrototypeOf((function* () {})()),
  Object.getPrototypeOf((async function* () {})()),
  (function () { return arguments; })(),
  EventEmitter, stdin, stdoutStream, stderrStream, AssertionError, exitSignal,
];
const isObj = (o) => o !== null && (typeof o === 'object' || typeof o === 'function');
/** The roots of the realm: every global's value (or accessors), then the hidden intrinsics. */
function realmRoots() {
  const roots = [];
  for (const k of Reflect.ownKeys(globalThis)) {
    const d = Object.getOwnPropertyDescriptor(globalThis, k);
    if ('value' in d) roots.push(d.value); else { roots.push(d.get); roots.push(d.set); }
  }
  for (const r of hiddenRoots) roots.push(r);
  return roots;
}
/**
 * Freeze everything reachable from the roots (own properties, accessors, prototypes). The first
 * context of a thread walks the realm (every own property of every object) and records where each object was found (a "plan": parent
 * index, kind, key); later contexts, whose realm is built by the same code and so has the same
 * shape, follow the plan instead of enumerating every property descriptor again.
 */
function hardenRealm(plan) {
  const objs = realmRoots();
  if (plan !== undefined) {
    for (let i = 0; i < plan.length; i += 3) {
      const parent = objs[plan[i]];
      const kind = plan[i + 1];
      const key = plan[i + 2];
      const k = typeof key === 'string' && key.charCodeAt(0) === 64 ? Symbol[key.slice(1)] : key;
      let v;
      if (kind === 0) v = parent[k];
      else if (kind === 3) v = Object.getPrototypeOf(parent);
      else { const d = Object.getOwnPropertyDescriptor(parent, k); v = d === undefined ? undefined : kind === 1 ? d.get : d.set; }
      objs.push(v);
    }
    for (let i = 0; i < objs.length; i++) { const o = objs[i]; if (isObj(o) && !skipFreeze.has(o)) Object.freeze(o); }
    return undefined;
  }
  const record = [];
  const seen = new Set();
  for (const o of objs) if (isObj(o)) seen.add(o);
  const keyOf = (k) => (typeof k === 'symbol' ? '@' + k.description.slice(7) : k);
  const found = (parent, kind, key, v) => {
    if (!isObj(v) || seen.has(v) || skipFreeze.has(v)) return;
    seen.add(v);
    objs.push(v);
    record.push(parent, kind, key);
  };
  for (let i = 0; i < objs.length; i++) {
    const o = objs[i];
    if (!isObj(o) || skipFreeze.has(o)) continue;
    for (const k of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d === undefined) continue;
      if (typeof k === 'symbol' && Symbol[String(k.description).slice(7)] !== k) throw new Error('harden: an intrinsic has a property keyed by a symbol that is not well-known');
      if ('value' in d) found(i, 0, keyOf(k), d.value);
      else { found(i, 1, keyOf(k), d.get); found(i, 2, keyOf(k), d.set); }
    }
    found(i, 3, 0, Object.getPrototypeOf(o));
    Object.freeze(o);
  }
  return record;
}
/** How many objects reachable from the realm's roots are not frozen (0 after hardening; for tests). */
function unfrozenCount() {
  const stack = realmRoots();
  const seen = new Set();
  let n = 0;
  while (stack.length > 0) {
    const o = stack.pop();
    if (!isObj(o) || seen.has(o) || skipFreeze.has(o)) continue;
    seen.add(o);
    if (!Object.isFrozen(o)) n++;
    for (const k of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, k);
      if ('value' in d) stack.push(d.value); else { stack.push(d.get); stack.push(d.set); }
    }
    stack.push(Object.getPrototypeOf(o));
  }
  return n;
}
// The checker's realm (config.unhardened) runs only the reference's trusted code and values
// decoded from plain data, which carry no behaviour: freezing it would protect nothing.
const hardenPlan = config.unhardened ? undefined : hardenRealm(config.plan === undefined ? undefined : JSON.parse(config.plan));
// Globals a program may declare again at its top level, as in Node (const { Buffer } =
// require('buffer'), let global = {}, function escape(s) {...}): the harness holds its own
// references to these (Buffer and process are its own declarations, the rest only object keys),
// so a program's shadow changes nothing but the program. Every other global stays non-configurable:
// the harness's free references (JSON, Array, Object, ...) must not meet a program's let JSON.
const SHADOWABLE = new Set(['Buffer', 'process', 'global', 'performance', 'TextEncoder', 'TextDecoder', 'atob', 'btoa', 'structuredClone', 'escape', 'unescape']);
if (!config.unhardened) {
  for (const k of Reflect.ownKeys(globalThis)) {
    const d = Object.getOwnPropertyDescriptor(globalThis, k);
    if (d === undefined || !d.configurable || SHADOWABLE.has(k)) continue;
    if ('value' in d) Object.defineProperty(globalThis, k, { writable: false, configurable: false });
    else Object.defineProperty(globalThis, k, { configurable: false });
  }
}
`;

/** The harness globals, the native limits, then the realm hardened. */
export const HARDEN_SOURCE = HARDEN_HEAD + NATIVE_LIMITS_SOURCE + HARDEN_TAIL;
