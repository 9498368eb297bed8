/**
 * In-isolate source (plain JavaScript), part of the hardening (harden.ts): limits on the native
 * operations that never check for termination or allocate outside the isolate's heap. Intl (ICU)
 * gets bounded locales lists, object counts and input sizes; Array methods and Array.from /
 * TypedArray.from get receivers whose length is read once and bounded by the memory limit;
 * ICU string operations a bounded length; regular expressions a bounded pattern length and group
 * nesting. Each block says what it stopped. Runs before the realm is frozen.
 */
export const NATIVE_LIMITS_SOURCE = String.raw`
// Intl runs in ICU, out of the limits' reach: a locales list is canonicalized in one native call
// that the time limit cannot interrupt (4.5M entries held a worker for 120 s under a 2 s limit),
// and ICU's objects are malloc'd outside the isolate's memory limit (DateTimeFormats kept in an
// array: ~30 KB each, 4 GB under a 64 MB limit). So a locales argument holds at most MAX_LOCALES
// entries (copied, so a getter cannot lie), and one isolate creates at most MAX_INTL_OBJECTS.
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
  // Nested arrays flat() would walk, to depth levels (a length set to 2**32-1 inside [a]): every
  // one is looked at (no early exit: a first array of 1.5e6 holes once ended the check before the
  // huge one after it), and the elements they hold together count against maxLength too, which
  // also ends a cycle walked to depth Infinity.
  const flatCheck = (arr, depth) => {
    let seen = 0;
    const stack = [arr, depth];
    while (stack.length > 0) {
      const d = stack.pop();
      const a = stack.pop();
      if (!(d >= 1)) continue;
      for (let i = 0; i < a.length; i++) {
        const x = a[i];
        if (!isArray(x)) continue;
        const n = x.length;
        if (n > maxLength) refuse('Array.prototype.flat', n);
        seen += n;
        if (seen > maxLength) refuse('Array.prototype.flat', seen);
        stack.push(x, d - 1);
      }
    }
  };
  for (const name of ['concat', 'copyWithin', 'every', 'fill', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flat', 'flatMap',
    'forEach', 'includes', 'indexOf', 'join', 'lastIndexOf', 'map', 'reduce', 'reduceRight', 'reverse', 'shift', 'slice', 'some', 'sort',
    'splice', 'toLocaleString', 'toReversed', 'toSorted', 'toSpliced', 'unshift', 'with']) {
    const f = Array.prototype[name];
    if (typeof f !== 'function') continue;
    const w = { [name](...args) {
      const self = pinned(name, this);
      if (name === 'concat') for (const a of args) if (spreadLength(a) > maxLength) refuse('Array.prototype.concat', spreadLength(a));
      if (name === 'flat') {
        // The depth converted once, here: V8 is handed the number (a valueOf could answer 1 to the
        // check and Infinity to V8).
        const depth = args[0] === undefined ? 1 : Math.trunc(Number(args[0])) || 0;
        args[0] = depth;
        if (self !== null && self !== undefined) flatCheck(self, depth);
      }
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
  // Intl.ListFormat formats its whole list in one ICU call (4e6 strings: 31 s and 6 GB under 2 s
  // and 64 MB; 1e6 short ones still take seconds): the list is read here, in JavaScript, and
  // refused past MAX_LIST_ITEMS entries or MAX_ICU_CHARS characters in all; ICU gets the copy.
  const MAX_LIST_ITEMS = 10000;
  const ListFormat = Intl.ListFormat;
  const listOptions = typeof ListFormat === 'function' ? ListFormat.prototype.resolvedOptions : undefined;
  for (const m of ['format', 'formatToParts']) {
    const f = typeof ListFormat === 'function' ? ListFormat.prototype[m] : undefined;
    if (typeof f !== 'function') continue;
    const w = { [m](list) {
      Reflect.apply(listOptions, this, []); // the receiver's check comes first, as in V8
      if (list === undefined) return Reflect.apply(f, this, []);
      const items = [];
      let chars = 0;
      for (const x of list) {
        if (typeof x !== 'string') throw new TypeError('Iterable yielded ' + (typeof x === 'symbol' ? 'a symbol' : String(x)) + ' which is not a string');
        chars += x.length;
        items.push(x);
        if (items.length > MAX_LIST_ITEMS || chars > MAX_ICU_CHARS) {
          throw new RangeError('sandbox: Intl.ListFormat ' + m + ' on more than ' + (chars > MAX_ICU_CHARS ? MAX_ICU_CHARS + ' characters' : MAX_LIST_ITEMS + ' strings'));
        }
      }
      return Reflect.apply(f, this, [items]);
    } }[m];
    Object.defineProperty(w, 'length', { value: f.length });
    defineHidden(ListFormat.prototype, m, w);
  }
})();
// Regular expressions: V8 parses and compiles a pattern natively, recursing once per nesting level
// and never checking for termination. A pattern nested 50,000 groups deep overflowed the native
// stack (SIGSEGV: the whole process, every sample with it); 3e6 alternatives compiled for over
// 20 s in 1.9 GB. So a pattern longer than MAX_REGEXP_SOURCE characters, or whose groups nest
// deeper than MAX_REGEXP_NESTING, is refused with a SyntaxError wherever a string becomes a
// pattern: the RegExp constructor (also as a species constructor, or subclassed), compile(), and
// String.prototype.match/matchAll/search given a string. (Regex literals in the solution's own
// source are checked by the host before it compiles, see sandbox.ts.)
(function limitRegExps() {
  const MAX_REGEXP_SOURCE = 100000;
  const MAX_REGEXP_NESTING = 1000;
  const C = RegExp;
  const proto = C.prototype;
  const sourceOf = Object.getOwnPropertyDescriptor(proto, 'source').get;
  const genuineSource = (r) => {
    if (r === null || typeof r !== 'object') return undefined;
    try { return sourceOf.call(r); } catch { return undefined; }
  };
  const isRegExp = (r) => {
    if (r === null || (typeof r !== 'object' && typeof r !== 'function')) return false;
    const m = r[Symbol.match];
    return m !== undefined ? !!m : genuineSource(r) !== undefined;
  };
  const toStr = (x) => {
    if (typeof x === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    return String(x);
  };
  const tooBig = (why) => { throw new SyntaxError('Invalid regular expression: sandbox: ' + why); };
  // An upper bound on the group nesting (escapes and character classes skipped).
  const check = (source) => {
    if (source.length > MAX_REGEXP_SOURCE) tooBig('a pattern of ' + source.length + ' characters (at most ' + MAX_REGEXP_SOURCE + ')');
    let depth = 0;
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 92) i++;
      else if (inClass) { if (c === 93) inClass = false; }
      else if (c === 91) inClass = true;
      else if (c === 40) { if (++depth > MAX_REGEXP_NESTING) tooBig('groups nested more than ' + MAX_REGEXP_NESTING + ' deep'); }
      else if (c === 41 && depth > 0) depth--;
    }
    return source;
  };
  // The pattern as V8 will read it, checked: a genuine regexp is read by V8 from its internal
  // slots (so it is handed over as it is); anything else is read once, here, and V8 gets strings.
  const patternOf = (pattern, flags) => {
    const g = genuineSource(pattern);
    if (g !== undefined) { check(g); return [pattern, flags]; }
    if (isRegExp(pattern)) {
      const src = pattern.source;
      const fl = flags === undefined ? pattern.flags : flags;
      return [src === undefined ? undefined : check(toStr(src)), fl];
    }
    return [pattern === undefined ? undefined : check(toStr(pattern)), flags];
  };
  const W = function RegExp(pattern, flags) {
    if (!new.target && flags === undefined && isRegExp(pattern) && pattern.constructor === W) return pattern;
    const args = patternOf(pattern, flags);
    return new.target ? Reflect.construct(C, args, new.target === W ? C : new.target) : Reflect.apply(C, undefined, args);
  };
  for (const k of Reflect.ownKeys(C)) {
    if (k === 'prototype' || k === 'name' || k === 'length') continue;
    Object.defineProperty(W, k, Object.getOwnPropertyDescriptor(C, k));
  }
  Object.defineProperty(W, 'length', { value: C.length });
  W.prototype = proto;
  defineHidden(proto, 'constructor', W);
  defineHidden(globalThis, 'RegExp', W);
  const compile = proto.compile;
  if (typeof compile === 'function') {
    defineHidden(proto, 'compile', { compile(pattern, flags) { return Reflect.apply(compile, this, patternOf(pattern, flags)); } }.compile);
  }
  // String.prototype.match/matchAll/search: a matcher method is called as the spec says; anything
  // else becomes a pattern from its string, checked here (V8 would read the method again).
  for (const [name, sym] of [['match', Symbol.match], ['matchAll', Symbol.matchAll], ['search', Symbol.search]]) {
    const f = String.prototype[name];
    const w = { [name](r) {
      if (this === null || this === undefined) throw new TypeError('String.prototype.' + name + ' called on null or undefined');
      if (r !== null && r !== undefined && (typeof r === 'object' || typeof r === 'function')) {
        if (name === 'matchAll' && isRegExp(r)) {
          const fl = r.flags;
          if (fl === null || fl === undefined || !String(fl).includes('g')) throw new TypeError('String.prototype.matchAll called with a non-global RegExp argument');
        }
        const m = r[sym];
        if (m !== undefined && m !== null) {
          if (typeof m !== 'function') throw new TypeError(String(typeof m) + ' is not a function');
          return Reflect.apply(m, r, [this]);
        }
      }
      return Reflect.apply(f, this, [r === undefined ? undefined : check(toStr(r))]);
    } }[name];
    Object.defineProperty(w, 'length', { value: f.length });
    defineHidden(String.prototype, name, w);
  }
})();
`;
