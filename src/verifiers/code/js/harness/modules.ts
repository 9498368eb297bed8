/**
 * In-isolate source (plain JavaScript): `process`, the `require` shim with the emulated built-in
 * modules (`fs` for stdin/stdout only, `readline`, `events`, `util`, `os`, `assert` with Node's
 * deepEqual rules), web globals the isolate lacks, and the allow-listed pure modules whose sources
 * arrive in `config.modules`. Expects the runtime source and bytes.ts (`Buffer`) in scope.
 */
export const MODULES_SOURCE = String.raw`/** Web globals Node has and the isolate lacks: atob / btoa, TextEncoder / TextDecoder (UTF-8), structuredClone (plain data). */
function atobImpl(s) {
  const clean = String(s).replace(/[\t\n\f\r ]/g, '');
  if (/[^A-Za-z0-9+/=]/.test(clean) || clean.length % 4 === 1) throw new Error('Invalid character');
  const bytes = encodeString(clean, 'base64');
  return decodeBytes(bytes, 'latin1', 0, bytes.length);
}
function btoaImpl(s) {
  const str = String(s);
  for (let i = 0; i < str.length; i++) if (str.charCodeAt(i) > 255) throw new Error('Invalid character');
  const bytes = encodeString(str, 'latin1');
  return decodeBytes(bytes, 'base64', 0, bytes.length);
}
class TextEncoderImpl {
  get encoding() { return 'utf-8'; }
  encode(s) { return new Uint8Array(utf8Encode(String(s === undefined ? '' : s))); }
}
class TextDecoderImpl {
  constructor(label) { if (label !== undefined && !/^utf-?8$/i.test(String(label))) throw new RangeError('The "' + label + '" encoding is not supported'); }
  get encoding() { return 'utf-8'; }
  decode(bytes) {
    if (bytes === undefined) return '';
    const u = bytes instanceof Uint8Array ? bytes : ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
    return utf8Decode(u, 0, u.length);
  }
}
function structuredCloneImpl(value) {
  const seen = new Map();
  // An own key named __proto__ stays an own key (an assignment would set the clone's prototype).
  const put = (o, k, x) => Object.defineProperty(o, k, { value: x, writable: true, enumerable: true, configurable: true });
  const clone = (v) => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
      if (typeof v === 'symbol') throw cloneError(v);
      return v;
    }
    if (typeof v === 'function') throw cloneError(v);
    if (seen.has(v)) return seen.get(v);
    let out;
    if (Array.isArray(v)) { out = new Array(v.length); seen.set(v, out); for (const k of Object.keys(v)) put(out, k, clone(v[k])); return out; }
    if (v instanceof Date) out = new Date(v.getTime());
    else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
    else if (v instanceof Map) { out = new Map(); seen.set(v, out); for (const [k, x] of v) out.set(clone(k), clone(x)); return out; }
    else if (v instanceof Set) { out = new Set(); seen.set(v, out); for (const x of v) out.add(clone(x)); return out; }
    else if (v instanceof ArrayBuffer) out = v.slice(0);
    else if (ArrayBuffer.isView(v)) out = new v.constructor(v);
    else if (v instanceof Error) { out = new (v.constructor)(v.message); }
    else if (v instanceof Boolean || v instanceof Number || v instanceof String) out = Object(v.valueOf());
    else {
      out = {};
      seen.set(v, out);
      for (const k of Object.keys(v)) put(out, k, clone(v[k]));
      return out;
    }
    seen.set(v, out);
    return out;
  };
  return clone(value);
}
function cloneError(v) {
  const e = new Error(String(typeof v === 'function' ? v : 'Symbol()') + ' could not be cloned.');
  e.name = 'DataCloneError';
  return e;
}
function sysError(code, message) {
  const e = new Error(code + ': ' + message);
  e.code = code;
  return e;
}
function isStdinPath(p) { return p === 0 || p === '/dev/stdin' || p === '/proc/self/fd/0' || p === '/dev/fd/0'; }
function isStdoutPath(p) { return p === 1 || p === '/dev/stdout' || p === '/proc/self/fd/1' || p === '/dev/fd/1'; }
function isStderrPath(p) { return p === 2 || p === '/dev/stderr' || p === '/proc/self/fd/2' || p === '/dev/fd/2'; }
function chunkText(data) { return typeof data === 'string' ? data : data instanceof Uint8Array ? utf8Decode(data, 0, data.length) : String(data); }
const stdoutStream = new EventEmitter();
stdoutStream.fd = 1;
stdoutStream.isTTY = false;
stdoutStream.columns = 80;
stdoutStream.writable = true;
stdoutStream.write = (data, enc, cb) => { writeOut(chunkText(data)); if (typeof enc === 'function') enc(); else if (typeof cb === 'function') cb(); return true; };
stdoutStream.end = (data) => { if (data !== undefined && typeof data !== 'function') writeOut(chunkText(data)); };
stdoutStream.cork = () => {};
stdoutStream.uncork = () => {};
const stderrStream = new EventEmitter();
stderrStream.fd = 2;
stderrStream.isTTY = false;
stderrStream.writable = true;
stderrStream.write = (data, enc, cb) => { writeErr(chunkText(data)); if (typeof enc === 'function') enc(); else if (typeof cb === 'function') cb(); return true; };
stderrStream.end = () => {};
function readFileSync(p, opts) {
  if (isStdinPath(p)) return takeStdin();
  throw sysError('ENOENT', "no such file or directory, open '" + String(p) + "' (the sandbox has no file system)");
}
function writeFileSync(p, data) {
  if (isStdoutPath(p)) writeOut(chunkText(data));
  else if (isStderrPath(p)) writeErr(chunkText(data));
  else throw sysError('EROFS', "read-only file system, open '" + String(p) + "'");
}
const fs = {
  readFileSync: readFileSync,
  writeFileSync: writeFileSync,
  appendFileSync: writeFileSync,
  writeSync(fd, data) { const s = chunkText(data); if (fd === 1) writeOut(s); else if (fd === 2) writeErr(s); else throw sysError('EBADF', 'bad file descriptor, write'); return s.length; },
  readSync() { throw sysError('ENOTSUP', 'fs.readSync is not supported in the sandbox; use fs.readFileSync(0)'); },
  existsSync(p) { return isStdinPath(p) || isStdoutPath(p); },
  openSync(p) { if (isStdinPath(p)) return 0; if (isStdoutPath(p)) return 1; throw sysError('ENOENT', "no such file or directory, open '" + String(p) + "'"); },
  closeSync() {},
  readFile(p, opts, cb) { if (typeof opts === 'function') cb = opts; let r; let e = null; try { r = readFileSync(p); } catch (err) { e = err; } schedule(function () { cb(e, r); }, -1); },
  writeFile(p, data, opts, cb) { if (typeof opts === 'function') cb = opts; let e = null; try { writeFileSync(p, data); } catch (err) { e = err; } if (typeof cb === 'function') schedule(function () { cb(e); }, -1); },
  createReadStream(p) { if (isStdinPath(p)) return stdin; throw sysError('ENOENT', "no such file or directory, open '" + String(p) + "'"); },
  createWriteStream(p) { if (isStdoutPath(p)) return stdoutStream; if (isStderrPath(p)) return stderrStream; throw sysError('EROFS', "read-only file system, open '" + String(p) + "'"); },
  promises: {
    readFile(p) { try { return Promise.resolve(readFileSync(p)); } catch (e) { return Promise.reject(e); } },
    writeFile(p, d) { try { writeFileSync(p, d); return Promise.resolve(); } catch (e) { return Promise.reject(e); } },
  },
};
const processEnv = {};
const exitListeners = [];
function doExit(code) {
  if (!exitCalled) {
    exitCalled = true;
    exitCode = code === undefined || code === null ? (userExitCode === undefined ? 0 : Number(userExitCode) | 0) : Number(code) | 0;
    emitExit();
    exited = true;
  }
  throw exitSignal;
}
const exitSignal = Object.freeze({ name: 'ProcessExit', message: 'process.exit() called' });
function emitExit() {
  const l = exitListeners.slice();
  for (let i = 0; i < l.length; i++) Reflect.apply(l[i], process, [exitCode]);
}
const startTime = Date.now();
const hrtime = (prev) => {
  const ms = Date.now() - startTime;
  let s = Math.floor(ms / 1000);
  let ns = (ms % 1000) * 1e6;
  if (prev) { s -= prev[0]; ns -= prev[1]; if (ns < 0) { s -= 1; ns += 1e9; } }
  return [s, ns];
}
hrtime.bigint = () => { return BigInt(Date.now() - startTime) * 1000000n; };
const process = {
  argv: ['/usr/bin/node', '/sandbox/main.js'],
  argv0: 'node',
  execArgv: [],
  env: processEnv,
  platform: 'linux',
  arch: 'x64',
  pid: 1,
  ppid: 0,
  title: 'node',
  version: 'v20.0.0',
  versions: {},
  release: { name: 'node' },
  stdin: stdin,
  stdout: stdoutStream,
  stderr: stderrStream,
  exit(code) { doExit(code); },
  abort() { doExit(134); },
  cwd() { return '/sandbox'; },
  chdir() { throw sysError('EPERM', 'operation not permitted, chdir'); },
  uptime() { return (Date.now() - startTime) / 1000; },
  hrtime: hrtime,
  memoryUsage() { return { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }; },
  cpuUsage() { return { user: 0, system: 0 }; },
  nextTick(fn) { const args = Array.prototype.slice.call(arguments, 1); Promise.resolve().then(function () { Reflect.apply(fn, undefined, args); }); },
  on(ev, fn) { if (ev === 'exit') exitListeners.push(fn); return process; },
  once(ev, fn) { if (ev === 'exit') exitListeners.push(fn); return process; },
  addListener(ev, fn) { return process.on(ev, fn); },
  off() { return process; },
  removeListener() { return process; },
  removeAllListeners() { return process; },
  emit() { return false; },
  openStdin() { stdin.resume(); return stdin; },
  binding() { throw new Error('process.binding is not available in the sandbox'); },
  kill() { throw sysError('EPERM', 'operation not permitted, kill'); },
  umask() { return 18; },
  emitWarning() {},
};
Object.defineProperty(process, 'exitCode', { get() { return userExitCode; }, set(v) { userExitCode = v; }, enumerable: true });

// ---- assert (Node's legacy/strict deep equality) ----
function tagOf(v) { return Object.prototype.toString.call(v); }
function deepEq(a, b, strict, memo) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && a !== a && b !== b;
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') return a == b || (a !== a && b !== b);
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const ta = tagOf(a);
  if (ta !== tagOf(b)) return false;
  for (let i = 0; i < memo.length; i++) if (memo[i][0] === a && memo[i][1] === b) return true;
  memo.push([a, b]);
  try {
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) {
        const ha = Object.prototype.hasOwnProperty.call(a, i);
        if (ha !== Object.prototype.hasOwnProperty.call(b, i)) { if (strict) return false; }
        if (!deepEq(a[i], b[i], strict, memo)) return false;
      }
      return keysEq(a, b, strict, memo, true);
    }
    if (a instanceof Date) { if (!(b instanceof Date) || a.getTime() !== b.getTime()) return false; }
    else if (a instanceof RegExp) { if (!(b instanceof RegExp) || String(a) !== String(b) || a.lastIndex !== b.lastIndex) return false; }
    else if (a instanceof Error) { if (!(b instanceof Error) || a.message !== b.message || a.name !== b.name) return false; }
    else if (ArrayBuffer.isView(a)) {
      if (!ArrayBuffer.isView(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!deepEq(a[i], b[i], strict, memo)) return false;
      return keysEq(a, b, strict, memo, true);
    } else if (a instanceof Set) {
      if (!(b instanceof Set) || a.size !== b.size) return false;
      const rest = Array.from(b);
      for (const x of a) {
        let found = -1;
        for (let i = 0; i < rest.length; i++) if (deepEq(x, rest[i], strict, memo)) { found = i; break; }
        if (found < 0) return false;
        rest.splice(found, 1);
      }
    } else if (a instanceof Map) {
      if (!(b instanceof Map) || a.size !== b.size) return false;
      const rest = Array.from(b);
      for (const e of a) {
        let found = -1;
        for (let i = 0; i < rest.length; i++) if (deepEq(e[0], rest[i][0], strict, memo) && deepEq(e[1], rest[i][1], strict, memo)) { found = i; break; }
        if (found < 0) return false;
        rest.splice(found, 1);
      }
    } else if (a instanceof Number || a instanceof String || a instanceof Boolean) {
      if (!Object.is(a.valueOf(), b.valueOf())) return false;
    } else if (Array.isArray(b) || b instanceof Date || b instanceof RegExp || b instanceof Set || b instanceof Map) {
      return false;
    }
    return keysEq(a, b, strict, memo, false);
  } finally {
    memo.pop();
  }
}
function keysEq(a, b, strict, memo, skipIndices) {
  const filter = (k) => { return !(skipIndices && /^(0|[1-9][0-9]*)$/.test(k)); };
  const ka = Object.keys(a).filter(filter);
  const kb = Object.keys(b).filter(filter);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (!Object.prototype.propertyIsEnumerable.call(b, ka[i])) return false;
    if (!deepEq(a[ka[i]], b[ka[i]], strict, memo)) return false;
  }
  if (strict) {
    const sa = Object.getOwnPropertySymbols(a).filter(function (s) { return Object.prototype.propertyIsEnumerable.call(a, s); });
    const sb = Object.getOwnPropertySymbols(b).filter(function (s) { return Object.prototype.propertyIsEnumerable.call(b, s); });
    if (sa.length !== sb.length) return false;
    for (let i = 0; i < sa.length; i++) if (!deepEq(a[sa[i]], b[sa[i]], strict, memo)) return false;
  }
  return true;
}
function makeAssert(strictMode) {
  function fail(actual, expected, message, operator) {
    if (message instanceof Error) { assertFailures++; throw message; }
    failAssertion({ message: message !== undefined ? String(message) : inspect(actual) + ' ' + operator + ' ' + inspect(expected), actual: actual, expected: expected, operator: operator });
  }
  const a = function ok(value, message) { if (!value) fail(value, true, message === undefined ? 'The expression evaluated to a falsy value' : message, '=='); };
  a.ok = a;
  a.equal = strictMode ? function (x, y, m) { if (!Object.is(x, y)) fail(x, y, m, 'strictEqual'); } : function (x, y, m) { if (!(x == y || (x !== x && y !== y))) fail(x, y, m, '=='); };
  a.notEqual = strictMode ? function (x, y, m) { if (Object.is(x, y)) fail(x, y, m, 'notStrictEqual'); } : function (x, y, m) { if (x == y || (x !== x && y !== y)) fail(x, y, m, '!='); };
  a.strictEqual = (x, y, m) => { if (!Object.is(x, y)) fail(x, y, m, 'strictEqual'); };
  a.notStrictEqual = (x, y, m) => { if (Object.is(x, y)) fail(x, y, m, 'notStrictEqual'); };
  a.deepEqual = (x, y, m) => { if (!deepEq(x, y, strictMode, [])) fail(x, y, m, 'deepEqual'); };
  a.notDeepEqual = (x, y, m) => { if (deepEq(x, y, strictMode, [])) fail(x, y, m, 'notDeepEqual'); };
  a.deepStrictEqual = (x, y, m) => { if (!deepEq(x, y, true, [])) fail(x, y, m, 'deepStrictEqual'); };
  a.notDeepStrictEqual = (x, y, m) => { if (deepEq(x, y, true, [])) fail(x, y, m, 'notDeepStrictEqual'); };
  a.fail = (m) => { fail(undefined, undefined, m === undefined ? 'Failed' : m, 'fail'); };
  a.throws = (fn, expected, m) => {
    try { fn(); } catch (e) {
      if (typeof expected === 'function' && expected.prototype !== undefined && !(e instanceof expected)) fail(e, expected, m, 'throws');
      if (expected instanceof RegExp && !expected.test(String(e))) fail(e, expected, m, 'throws');
      return;
    }
    fail(undefined, expected, typeof expected === 'string' ? expected : m === undefined ? 'Missing expected exception.' : m, 'throws');
  };
  a.doesNotThrow = (fn, m) => { try { fn(); } catch (e) { fail(e, undefined, m === undefined ? 'Got unwanted exception: ' + String(e) : m, 'doesNotThrow'); } };
  a.rejects = (p, expected, m) => {
    const pr = typeof p === 'function' ? p() : p;
    return Promise.resolve(pr).then(function () { fail(undefined, expected, m === undefined ? 'Missing expected rejection.' : m, 'rejects'); }, function () {});
  };
  a.doesNotReject = (p, m) => {
    const pr = typeof p === 'function' ? p() : p;
    return Promise.resolve(pr).then(function () {}, function (e) { fail(e, undefined, m === undefined ? 'Got unwanted rejection: ' + String(e) : m, 'doesNotReject'); });
  };
  a.match = (s, re, m) => { if (!re.test(s)) fail(s, re, m, 'match'); };
  a.doesNotMatch = (s, re, m) => { if (re.test(s)) fail(s, re, m, 'doesNotMatch'); };
  a.ifError = (v) => { if (v !== null && v !== undefined) { assertFailures++; throw v; } };
  a.AssertionError = AssertionError;
  return a;
}
const assertLoose = makeAssert(false);
const assertStrict = makeAssert(true);
assertLoose.strict = assertStrict;
assertStrict.strict = assertStrict;

const util = {
  format() { return format(Array.prototype.slice.call(arguments)); },
  inspect: inspect,
  isDeepStrictEqual(a, b) { return deepEq(a, b, true, []); },
  promisify(fn) { return function () { const args = Array.prototype.slice.call(arguments); return new Promise(function (res, rej) { args.push(function (e, v) { if (e) rej(e); else res(v); }); Reflect.apply(fn, this, args); }); }; },
  types: { isPromise(p) { return p instanceof Promise; } },
  TextEncoder: undefined,
  TextDecoder: undefined,
};
const os = { EOL: '\n', platform() { return 'linux'; }, cpus() { return [{}]; }, homedir() { return '/sandbox'; }, tmpdir() { return '/tmp'; } };
const eventsModule = EventEmitter;
eventsModule.EventEmitter = EventEmitter;
eventsModule.once = (em, ev) => { return new Promise(function (res) { em.once(ev, function () { res(Array.prototype.slice.call(arguments)); }); }); };
const readlineModule = { createInterface: createInterface, Interface: EventEmitter, emitKeypressEvents() {}, clearLine() {}, cursorTo() {} };
/** A small 'crypto': createHash('md5') only, backed by the allow-listed js-md5. */
const cryptoModule = {
  createHash(alg) {
    if (String(alg).toLowerCase() !== 'md5' || !Object.prototype.hasOwnProperty.call(pureSources, 'js-md5')) {
      throw new Error('Digest method not supported in the sandbox: ' + String(alg) + ' (only md5)');
    }
    const md5 = requireImpl('js-md5');
    let text = '';
    const h = {
      update(data) { text += chunkText(data); return h; },
      digest(enc) {
        if (enc === 'hex') return md5.hex(text);
        if (enc === 'base64') return md5.base64(text);
        return Buffer.from(md5.array(text));
      },
    };
    return h;
  },
};
const performanceObject = { now() { return Date.now() - startTime; }, timeOrigin: startTime };
const builtinModules = {
  fs: fs,
  readline: readlineModule,
  'readline/promises': {
    createInterface(opts) {
      const rl = createInterface(opts);
      const ask = rl.question;
      rl.question = (query) => new Promise((resolve) => ask(query, resolve));
      return rl;
    },
  },
  assert: assertLoose,
  'assert/strict': assertStrict,
  util: util,
  events: eventsModule,
  os: os,
  process: process,
  buffer: { Buffer: Buffer },
  perf_hooks: { performance: performanceObject },
  string_decoder: { StringDecoder() { return { write: chunkText, end() { return ''; } }; } },
  crypto: cryptoModule,
};
const moduleCache = new Map();
const pureSources = config.modules || {};

const requireImpl = (name) => {
  name = String(name);
  const bare = name.slice(0, 5) === 'node:' ? name.slice(5) : name;
  if (Object.prototype.hasOwnProperty.call(builtinModules, bare)) return builtinModules[bare];
  if (moduleCache.has(name)) return moduleCache.get(name).exports;
  if (Object.prototype.hasOwnProperty.call(pureSources, name)) {
    const mod = { exports: {} };
    moduleCache.set(name, mod);
    const factory = indirectEval('(function (module, exports, require) {' + pureSources[name] + '\n})');
    Reflect.apply(factory, mod.exports, [mod, mod.exports, requireImpl]);
    return mod.exports;
  }
  const e = new Error("Cannot find module '" + name + "' (the sandbox provides fs, readline, assert, util, events, os, buffer, perf_hooks, crypto (md5) and " + (Object.keys(pureSources).join(', ') || 'no other module') + ')');
  e.code = 'MODULE_NOT_FOUND';
  throw e;
}
`;
