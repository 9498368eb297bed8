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
export const HARDEN_SOURCE = String.raw`
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
  performance: { now: function () { return Date.now() - startTime; }, timeOrigin: startTime },
};
// Intl and WebAssembly are left unfrozen (their global bindings are still locked): freezing them
// forces V8 to instantiate every lazy Intl class, and no test relies on them.
const skipFreeze = new Set([moduleObject, moduleObject.exports, processEnv, globalThis, Intl, WebAssembly]);
for (const k of Object.keys(harnessGlobals)) {
  Object.defineProperty(globalThis, k, { value: harnessGlobals[k], writable: true, configurable: true, enumerable: false });
}
function tame(proto, name) {
  const d = Object.getOwnPropertyDescriptor(proto, name);
  if (d === undefined || !('value' in d) || !d.writable) return;
  const value = d.value;
  Object.defineProperty(proto, name, {
    get: function () { return value; },
    set: function (v) {
      if (this === proto) throw new TypeError("Cannot assign to read only property '" + String(name) + "' of a built-in prototype");
      Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
    },
    enumerable: d.enumerable,
    configurable: false,
  });
}
// Only the error prototypes' name/message/toString: custom errors assign them on instances. (Taming
// Object.prototype's methods would cost V8's fast paths more than the few programs that assign
// toString on a plain object gain.)
for (const C of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError, AssertionError]) {
  for (const n of ['name', 'message', 'toString']) tame(C.prototype, n);
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
const hasOwnPrototype = (f) => Object.prototype.hasOwnProperty.call(f, 'prototype');
(function hardenAll() {
  const seen = new Set();
  const stack = [];
  for (const k of Reflect.ownKeys(globalThis)) {
    const d = Object.getOwnPropertyDescriptor(globalThis, k);
    if (d === undefined) continue;
    if ('value' in d) stack.push(d.value); else { stack.push(d.get); stack.push(d.set); }
  }
  for (const r of hiddenRoots) stack.push(r);
  while (stack.length > 0) {
    const o = stack.pop();
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || skipFreeze.has(o)) continue;
    seen.add(o);
    if (typeof o === 'function' && !hasOwnPrototype(o)) {
      // A plain method: its own properties are primitives (length, name); freezing it is enough.
      Object.freeze(o);
      continue;
    }
    for (const k of Reflect.ownKeys(o)) {
      let d;
      try { d = Object.getOwnPropertyDescriptor(o, k); } catch (e) { d = undefined; }
      if (d === undefined) continue;
      if ('value' in d) stack.push(d.value); else { stack.push(d.get); stack.push(d.set); }
    }
    stack.push(Object.getPrototypeOf(o));
    Object.freeze(o);
  }
})();
for (const k of Reflect.ownKeys(globalThis)) {
  const d = Object.getOwnPropertyDescriptor(globalThis, k);
  if (d === undefined || !d.configurable) continue;
  if ('value' in d) Object.defineProperty(globalThis, k, { writable: false, configurable: false });
  else Object.defineProperty(globalThis, k, { configurable: false });
}
`;
