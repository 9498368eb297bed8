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
  performance: { now() { return Date.now() - startTime; }, timeOrigin: startTime },
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
// Intl runs in ICU, out of the limits' reach: a locales list is canonicalized in one native call
// that the time limit cannot interrupt (4.5M entries held a worker for 120 s under a 2 s limit),
// and ICU's objects are malloc'd outside the isolate's memory limit (DateTimeFormats kept in an
// array: ~30 KB each, 4 GB under a 64 MB limit). So a locales argument holds at most MAX_LOCALES
// entries (copied, so a getter cannot lie), and one isolate creates at most MAX_INTL_OBJECTS.
// Installs a wrapper as a built-in method is installed (writable, configurable, not enumerable).
const defineHidden = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false });
(function limitIntl() {
  const MAX_LOCALES = 64;
  const MAX_INTL_OBJECTS = 2000;
  let made = 0;
  const localeToString = Intl.Locale.prototype.toString;
  const isLocale = (l) => {
    try { localeToString.call(l); return true; } catch { return false; }
  };
  const locales = (l) => {
    // An object or a function is read as a list (V8 would loop to its length in one native call).
    if (l === null || (typeof l !== 'object' && typeof l !== 'function') || isLocale(l)) return l;
    const raw = l.length;
    const n = raw === undefined ? 0 : Number(raw);
    if (!(n <= MAX_LOCALES)) throw new RangeError('sandbox: at most ' + MAX_LOCALES + ' locales in one Intl call');
    const out = [];
    for (let i = 0; i < n; i++) out.push(l[i]);
    return out;
  };
  for (const name of ['Collator', 'DateTimeFormat', 'DisplayNames', 'DurationFormat', 'ListFormat', 'Locale', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter']) {
    const C = Intl[name];
    if (typeof C !== 'function') continue;
    const W = function (...args) {
      if (++made > MAX_INTL_OBJECTS) throw new RangeError('sandbox: at most ' + MAX_INTL_OBJECTS + ' Intl objects per program');
      if (name !== 'Locale') args[0] = locales(args[0]);
      return new.target ? Reflect.construct(C, args, new.target === W ? C : new.target) : C(...args);
    };
    Object.defineProperty(W, 'name', { value: name });
    Object.defineProperty(W, 'length', { value: C.length });
    W.prototype = C.prototype;
    defineHidden(C.prototype, 'constructor', W);
    if (typeof C.supportedLocalesOf === 'function') {
      const f = C.supportedLocalesOf;
      defineHidden(W, 'supportedLocalesOf', function supportedLocalesOf(l, o) { return f.call(C, locales(l), o); });
    }
    defineHidden(Intl, name, W);
  }
  // Each segmentation holds ICU memory too (300,000 kept: 595 MB outside the heap): counted alike.
  const Segmenter = Intl.Segmenter;
  if (typeof Segmenter === 'function') {
    const segment = Segmenter.prototype.segment;
    defineHidden(Segmenter.prototype, 'segment', function segment_(text) {
      if (++made > MAX_INTL_OBJECTS) throw new RangeError('sandbox: at most ' + MAX_INTL_OBJECTS + ' Intl objects per program');
      return Reflect.apply(segment, this, [text]);
    });
    Object.defineProperty(Segmenter.prototype.segment, 'name', { value: 'segment' });
  }
  const canonical = Intl.getCanonicalLocales;
  defineHidden(Intl, 'getCanonicalLocales', function getCanonicalLocales(l) { return canonical.call(Intl, locales(l)); });
  // Built-in methods that take a locales argument (at: its position).
  const methods = [
    [String.prototype, 'localeCompare', 1], [String.prototype, 'toLocaleLowerCase', 0], [String.prototype, 'toLocaleUpperCase', 0],
    [Number.prototype, 'toLocaleString', 0], [BigInt.prototype, 'toLocaleString', 0], [Date.prototype, 'toLocaleString', 0],
    [Date.prototype, 'toLocaleDateString', 0], [Date.prototype, 'toLocaleTimeString', 0], [Array.prototype, 'toLocaleString', 0],
    [Object.getPrototypeOf(Int8Array.prototype), 'toLocaleString', 0],
  ];
  for (const [proto, name, at] of methods) {
    const f = proto[name];
    if (typeof f !== 'function') continue;
    const w = { [name](...args) {
      if (args.length > at) args[at] = locales(args[at]);
      return Reflect.apply(f, this, args);
    } }[name];
    Object.defineProperty(w, 'length', { value: f.length });
    defineHidden(proto, name, w);
  }
})();
// A resizable ArrayBuffer or growable SharedArrayBuffer is grown outside the isolate's memory
// accounting (resize(2**30) took host RSS to 1.2 GB under a 64 MB limit; grow() to 2.2 GB), and
// each reserves its maximum in address space up front. So the constructors refuse maxByteLength
// (they see a copy of the length only, so a getter cannot answer twice) and resize/grow are gone.
(function fixedSizeBuffers() {
  for (const C of [globalThis.ArrayBuffer, globalThis.SharedArrayBuffer]) {
    if (typeof C !== 'function') continue;
    const name = C.name;
    const W = function (length, options) {
      if (options !== null && (typeof options === 'object' || typeof options === 'function') && options.maxByteLength !== undefined) {
        throw new RangeError('sandbox: resizable ' + name + 's are not supported (maxByteLength)');
      }
      if (!new.target) throw new TypeError("Constructor " + name + " requires 'new'");
      return Reflect.construct(C, [length], new.target === W ? C : new.target);
    };
    for (const k of Reflect.ownKeys(C)) {
      if (k === 'prototype' || k === 'name' || k === 'length') continue;
      Object.defineProperty(W, k, Object.getOwnPropertyDescriptor(C, k));
    }
    Object.defineProperty(W, 'name', { value: name });
    Object.defineProperty(W, 'length', { value: C.length });
    W.prototype = C.prototype;
    Object.defineProperty(C.prototype, 'constructor', { value: W, writable: true, configurable: true, enumerable: false });
    for (const m of ['resize', 'grow', 'transfer', 'transferToFixedLength']) delete C.prototype[m];
    Object.defineProperty(globalThis, name, { value: W, writable: true, configurable: true, enumerable: false });
  }
})();
// Native loops that never check for termination: Array methods walk a receiver's whole length
// index by index (lastIndexOf on {length: 2**31} held a worker 26 s under a 2 s limit, and the
// thread spun on after the sample was given up), and ICU string operations copy and convert
// outside the heap (normalize on 2^28 characters: 19 s and 3 GB under 2 s and 64 MB). A length no
// dense array could have within the memory limit (4 bytes an element) is refused, as is a string
// of more than MAX_ICU_CHARS characters handed to ICU.
(function boundNativeLoops() {
  // 8 bytes an element (a double array, or pointers without compression).
  const maxLength = Math.max(1 << 20, ((typeof config.memoryMb === 'number' ? config.memoryMb : 128) * 1048576) / 8);
  const MAX_ICU_CHARS = 1 << 20;
  const isArray = Array.isArray;
  const toLength = (o) => {
    if (o === null || o === undefined) return 0;
    const n = Number(Object(o).length);
    return n > 0 ? Math.min(Math.floor(n), Number.MAX_SAFE_INTEGER) : 0;
  };
  const refuse = (what, n) => {
    throw new RangeError('sandbox: ' + what + ' on a length of ' + n + ' (longer than any dense array this sandbox can hold)');
  };
  // The receiver as V8 will walk it: a genuine array is read as it is (its length is a plain data
  // property); anything else is read once here, and V8 is handed a proxy that answers that same
  // length (a getter answered 1 to the check and 2**31 to V8, which then looped natively past the
  // deadline), so its walk goes through traps, which termination can interrupt.
  const pinned = (name, o) => {
    if (isArray(o)) {
      if (o.length > maxLength) refuse('Array.prototype.' + name, o.length);
      return o;
    }
    const n = toLength(o);
    if (n > maxLength) refuse('Array.prototype.' + name, n);
    if (o === null || o === undefined || (typeof o !== 'object' && typeof o !== 'function')) return o;
    return pinLength(o, n);
  };
  // o seen through a proxy whose length is always n (the length already checked).
  const pinLength = (o, n) => new Proxy(o, { get: (t, k, r) => (k === 'length' ? n : Reflect.get(t, k, r)) });
  const spreadLength = (a) => {
    if (a === null || (typeof a !== 'object' && typeof a !== 'function')) return 0;
    const spread = a[Symbol.isConcatSpreadable];
    return spread === undefined ? (isArray(a) ? a.length : 0) : spread ? toLength(a) : 0;
  };
  // Nested arrays flat() would walk, to depth levels (a length set to 2**32-1 inside [a]).
  const flatCheck = (arr, depth, seen) => {
    if (depth < 1 || seen > 1e6) return seen;
    for (let i = 0; i < arr.length; i++) {
      const x = arr[i];
      if (isArray(x)) {
        if (x.length > maxLength) refuse('Array.prototype.flat', x.length);
        seen = flatCheck(x, Math.min(depth - 1, 64), seen + x.length);
      }
    }
    return seen;
  };
  for (const name of ['concat', 'copyWithin', 'every', 'fill', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flat', 'flatMap',
    'forEach', 'includes', 'indexOf', 'join', 'lastIndexOf', 'map', 'reduce', 'reduceRight', 'reverse', 'shift', 'slice', 'some', 'sort',
    'splice', 'toLocaleString', 'toReversed', 'toSorted', 'toSpliced', 'unshift', 'with']) {
    const f = Array.prototype[name];
    if (typeof f !== 'function') continue;
    const w = { [name](...args) {
      const self = pinned(name, this);
      if (name === 'concat') for (const a of args) if (spreadLength(a) > maxLength) refuse('Array.prototype.concat', spreadLength(a));
      if (name === 'flat' && isArray(self)) flatCheck(self, args[0] === undefined ? 1 : Math.floor(Number(args[0])) || 0, 0);
      if (name === 'flatMap' && typeof args[0] === 'function') {
        const fn = args[0];
        args[0] = function (...xs) {
          const r = Reflect.apply(fn, this, xs);
          if (isArray(r) && r.length > maxLength) refuse('Array.prototype.flatMap', r.length);
          return r;
        };
      }
      return Reflect.apply(f, self, args);
    } }[name];
    Object.defineProperty(w, 'length', { value: f.length });
    defineHidden(Array.prototype, name, w);
  }
  // Array.from on an array-like that is not iterable walks its length natively too.
  for (const C of [Array, Object.getPrototypeOf(Int8Array)]) {
    const from = C.from;
    defineHidden(C, 'from', { from(items, ...rest) {
      if (items !== null && items !== undefined && typeof items[Symbol.iterator] !== 'function') {
        const n = toLength(items);
        if (n > maxLength) refuse('from', n);
        if (typeof items === 'object' || typeof items === 'function') items = pinLength(Object(items), n);
      }
      return Reflect.apply(from, this, [items, ...rest]);
    } }.from);
  }
  const icu = (proto, name, count) => {
    const f = proto[name];
    if (typeof f !== 'function') return;
    const w = { [name](...args) {
      const self = String(this);
      let n = self.length;
      for (let i = 0; i < count && i < args.length; i++) if (typeof args[i] === 'string') n = Math.max(n, args[i].length);
      if (n > MAX_ICU_CHARS) throw new RangeError('sandbox: String.prototype.' + name + ' on ' + n + ' characters (at most ' + MAX_ICU_CHARS + ')');
      return Reflect.apply(f, self, args);
    } }[name];
    Object.defineProperty(w, 'length', { value: f.length });
    defineHidden(proto, name, w);
  };
  icu(String.prototype, 'normalize', 0);
  icu(String.prototype, 'localeCompare', 1);
  icu(String.prototype, 'toLocaleUpperCase', 0);
  icu(String.prototype, 'toLocaleLowerCase', 0);
  const compareGetter = Object.getOwnPropertyDescriptor(Intl.Collator.prototype, 'compare');
  if (compareGetter && compareGetter.get) {
    Object.defineProperty(Intl.Collator.prototype, 'compare', { configurable: true, enumerable: false, get() {
      const bound = compareGetter.get.call(this);
      return (a, b) => {
        const x = String(a), y = String(b);
        if (x.length > MAX_ICU_CHARS || y.length > MAX_ICU_CHARS) throw new RangeError('sandbox: Intl.Collator compare on more than ' + MAX_ICU_CHARS + ' characters');
        return bound(x, y);
      };
    } });
  }
})();
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
if (!config.unhardened) {
  for (const k of Reflect.ownKeys(globalThis)) {
    const d = Object.getOwnPropertyDescriptor(globalThis, k);
    if (d === undefined || !d.configurable) continue;
    if ('value' in d) Object.defineProperty(globalThis, k, { writable: false, configurable: false });
    else Object.defineProperty(globalThis, k, { configurable: false });
  }
}
`;
