/**
 * In-isolate source (plain JavaScript): output capture, the emulated event loop (virtual-time
 * timers), an EventEmitter, `process` and the emulated stdin (`process.stdin`, `readline`,
 * `fs.readFileSync(0)`). Nothing here reaches the host: stdin is the test's input string, stdout
 * is an in-isolate buffer the host reads at the end, timers run on a virtual clock.
 * Expects `config` ({ stdin, maxOutput }) and `format`/`inspect` in scope.
 */
export const RUNTIME_SOURCE = String.raw`
let outChunks = [];
let outLen = 0;
let errChunks = [];
let errLen = 0;
let overflow = false;
let exited = false;
let exitCalled = false;
let exitCode = 0;
let userExitCode;
let assertFailures = 0;
let groupIndent = '';
function writeOut(s) {
  if (exited) return;
  s = String(s);
  outLen += s.length;
  if (outLen > config.maxOutput) {
    overflow = true;
    exited = true;
    throw new RangeError('output limit exceeded (' + config.maxOutput + ' bytes)');
  }
  outChunks.push(s);
}
function writeErr(s) {
  if (exited) return;
  s = String(s);
  if (errLen < 65536) { errChunks.push(s); errLen += s.length; }
}
function indentLines(s) {
  return groupIndent === '' ? s : groupIndent + s.split('\n').join('\n' + groupIndent);
}
class AssertionError extends Error {
  constructor(options) {
    const msg = typeof options === 'string' ? options : (options && options.message) || 'Assertion failed';
    super(msg);
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
    if (options && typeof options === 'object') {
      this.actual = options.actual;
      this.expected = options.expected;
      this.operator = options.operator;
    }
  }
}
function failAssertion(options) {
  assertFailures++;
  throw new AssertionError(options);
}
const counts = new Map();
const timers = new Map();
const consoleObject = {
  log() { writeOut(indentLines(format(Array.prototype.slice.call(arguments))) + '\n'); },
  info() { writeOut(indentLines(format(Array.prototype.slice.call(arguments))) + '\n'); },
  debug() { writeOut(indentLines(format(Array.prototype.slice.call(arguments))) + '\n'); },
  error() { writeErr(indentLines(format(Array.prototype.slice.call(arguments))) + '\n'); },
  warn() { writeErr(indentLines(format(Array.prototype.slice.call(arguments))) + '\n'); },
  trace() { writeErr('Trace: ' + format(Array.prototype.slice.call(arguments)) + '\n'); },
  dir(v, o) { writeOut(indentLines(inspect(v, o)) + '\n'); },
  table(v) { writeOut(indentLines(inspect(v)) + '\n'); },
  assert(cond) {
    if (cond) return;
    const rest = Array.prototype.slice.call(arguments, 1);
    const msg = 'Assertion failed' + (rest.length ? ': ' + format(rest) : '');
    writeErr(msg + '\n');
    // Node only logs; under test_code a failed console.assert fails the tests (HumanEval-X asserts with it).
    if (config.assertThrows) failAssertion(msg);
  },
  group() { if (arguments.length) this.log.apply(this, arguments); groupIndent += '  '; },
  groupCollapsed() { if (arguments.length) this.log.apply(this, arguments); groupIndent += '  '; },
  groupEnd() { groupIndent = groupIndent.slice(2); },
  count(label) { label = label === undefined ? 'default' : String(label); const n = (counts.get(label) || 0) + 1; counts.set(label, n); writeOut(indentLines(label + ': ' + n) + '\n'); },
  countReset(label) { counts.delete(label === undefined ? 'default' : String(label)); },
  time(label) { timers.set(label === undefined ? 'default' : String(label), Date.now()); },
  timeEnd(label) { label = label === undefined ? 'default' : String(label); const t = timers.get(label); timers.delete(label); if (t !== undefined) writeOut(indentLines(label + ': ' + (Date.now() - t) + 'ms') + '\n'); },
  timeLog(label) { label = label === undefined ? 'default' : String(label); const t = timers.get(label); if (t !== undefined) writeOut(indentLines(label + ': ' + (Date.now() - t) + 'ms') + '\n'); },
  clear() {},
};

// ---- virtual-time event loop ----
let tasks = [];
let tasksRun = 0;
let clock = 0;
let taskSeq = 0;
let timerId = 1;
/** Queue a macrotask: delay -1 means "now" (I/O events, setImmediate), timers wait at least 1 ms of virtual time. */
function schedule(fn, delay, args, interval) {
  const at = delay === -1 ? clock : clock + Math.max(1, Number(delay) || 0);
  const t = { at: at, seq: taskSeq++, fn: fn, args: args || [], interval: interval, id: timerId++, live: true };
  tasks.push(t);
  return t;
}
function nextTask() {
  let best = -1;
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    if (!t.live) continue;
    if (best < 0 || t.at < tasks[best].at || (t.at === tasks[best].at && t.seq < tasks[best].seq)) best = i;
  }
  if (best < 0) { tasks = []; return undefined; }
  const t = tasks[best];
  tasks.splice(best, 1);
  return t;
}
function timerHandle(t) {
  const h = {
    ref() { return h; },
    unref() { return h; },
    hasRef() { return true; },
    refresh() { return h; },
    close() { t.live = false; return h; },
  };
  h[Symbol.toPrimitive] = () => { return t.id; };
  handles.set(h, t);
  return h;
}
const handles = new WeakMap();
const clearTimer = (h) => {
  if (h === null || h === undefined) return;
  let t = handles.get(h);
  if (t === undefined) for (let i = 0; i < tasks.length; i++) if (tasks[i].id === Number(h)) t = tasks[i];
  if (t !== undefined) t.live = false;
}
const setTimeoutImpl = (fn, ms, ...args) => {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
  return timerHandle(schedule(fn, ms, args));
};
const setIntervalImpl = (fn, ms, ...args) => {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
  return timerHandle(schedule(fn, ms, args, Math.max(1, Number(ms) || 0)));
};
const setImmediateImpl = (fn, ...args) => {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
  return timerHandle(schedule(fn, -1, args));
};
const queueMicrotaskImpl = (fn) => { Promise.resolve().then(() => { fn(); }); };
/** Run macrotasks until none is left (microtasks run when control returns to the host). */
function runTasks() {
  let t;
  while ((t = nextTask()) !== undefined) {
    if (exited) { tasks = []; return; }
    if (t.at > clock) clock = t.at;
    if (t.interval !== undefined) { t.at = clock + t.interval; t.seq = taskSeq++; tasks.push(t); }
    tasksRun++;
    Reflect.apply(t.fn, undefined, t.args);
  }
}

// ---- EventEmitter ----
class EventEmitter {
  constructor() { listenerMaps.set(this, new Map()); }
  _listeners(ev) {
    let m = listenerMaps.get(this);
    if (m === undefined) { m = new Map(); listenerMaps.set(this, m); }
    let l = m.get(ev);
    if (l === undefined) { l = []; m.set(ev, l); }
    return l;
  }
  on(ev, fn) { this._listeners(ev).push({ fn: fn, once: false }); const hook = listenHooks.get(this); if (hook) hook(ev); return this; }
  addListener(ev, fn) { return this.on(ev, fn); }
  prependListener(ev, fn) { this._listeners(ev).unshift({ fn: fn, once: false }); const hook = listenHooks.get(this); if (hook) hook(ev); return this; }
  once(ev, fn) { this._listeners(ev).push({ fn: fn, once: true }); const hook = listenHooks.get(this); if (hook) hook(ev); return this; }
  off(ev, fn) { const l = this._listeners(ev); for (let i = 0; i < l.length; i++) if (l[i].fn === fn) { l.splice(i, 1); break; } return this; }
  removeListener(ev, fn) { return this.off(ev, fn); }
  removeAllListeners(ev) { const m = listenerMaps.get(this); if (m) { if (ev === undefined) m.clear(); else m.delete(ev); } return this; }
  emit(ev) {
    const l = this._listeners(ev).slice();
    const args = Array.prototype.slice.call(arguments, 1);
    for (let i = 0; i < l.length; i++) {
      if (l[i].once) this.off(ev, l[i].fn);
      Reflect.apply(l[i].fn, this, args);
    }
    return l.length > 0;
  }
  listenerCount(ev) { return this._listeners(ev).length; }
  listeners(ev) { return this._listeners(ev).map(function (x) { return x.fn; }); }
  setMaxListeners() { return this; }
  getMaxListeners() { return 10; }
  eventNames() { const m = listenerMaps.get(this); return m ? Array.from(m.keys()) : []; }
}
const listenerMaps = new WeakMap();
const listenHooks = new WeakMap();

// ---- stdin ----
let stdinText = typeof config.stdin === 'string' ? config.stdin : '';
let stdinTaken = false;
function takeStdin() {
  if (stdinTaken) return '';
  stdinTaken = true;
  return stdinText;
}
let stdinStarted = false;
let stdinEnded = false;
let stdinPending = null;
const stdin = new EventEmitter();
function startStdin(mode) {
  if (stdinStarted) return;
  stdinStarted = true;
  schedule(function () {
    const data = takeStdin();
    if (mode === 'readable') {
      stdinPending = data === '' ? null : data;
      stdin.emit('readable');
      // With data, read() ends the stream once the program has taken it.
      if (data !== '') return;
    } else if (data !== '') {
      stdin.emit('data', data);
    }
    schedule(function () { stdinEnded = true; stdin.emit('end'); schedule(function () { stdin.emit('close'); }, -1); }, -1);
  }, -1);
}
listenHooks.set(stdin, function (ev) {
  if (ev === 'data') startStdin('flowing');
  else if (ev === 'readable') startStdin('readable');
});
stdin.fd = 0;
stdin.isTTY = false;
stdin.readable = true;
stdin.setEncoding = () => { return stdin; };
stdin.resume = () => { startStdin('flowing'); return stdin; };
stdin.pause = () => { return stdin; };
stdin.unref = () => { return stdin; };
stdin.ref = () => { return stdin; };
stdin.destroy = () => { stdinTaken = true; return stdin; };
stdin.read = () => {
  if (stdinPending !== null) {
    const d = stdinPending;
    stdinPending = null;
    schedule(function () { stdinEnded = true; stdin.emit('end'); schedule(function () { stdin.emit('close'); }, -1); }, -1);
    return d;
  }
  return null;
};
stdin[Symbol.asyncIterator] = () => {
  let done = false;
  return {
    next() {
      if (done) return Promise.resolve({ value: undefined, done: true });
      done = true;
      const d = takeStdin();
      return Promise.resolve(d === '' ? { value: undefined, done: true } : { value: d, done: false });
    },
    return() { done = true; return Promise.resolve({ value: undefined, done: true }); },
    [Symbol.asyncIterator]() { return this; },
  };
};

// ---- readline ----
function splitLines(text) {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
function createInterface(input, output) {
  const opts = input && typeof input === 'object' && !(input instanceof EventEmitter) && input.input !== undefined ? input : { input: input, output: output };
  const rl = new EventEmitter();
  const fromStdin = opts.input === stdin;
  let closed = false;
  let lines = null;
  const questions = [];
  const iterQueue = [];
  const iterWaiters = [];
  let iterating = false;
  function deliver(line) {
    if (questions.length > 0) { const cb = questions.shift(); cb(line); return; }
    if (iterating) {
      if (iterWaiters.length > 0) iterWaiters.shift()({ value: line, done: false });
      else iterQueue.push(line);
    }
    rl.emit('line', line);
  }
  function close() {
    if (closed) return;
    closed = true;
    while (iterWaiters.length > 0) iterWaiters.shift()({ value: undefined, done: true });
    rl.emit('close');
  }
  schedule(function () {
    lines = fromStdin ? splitLines(takeStdin()) : [];
    for (let i = 0; i < lines.length && !closed; i++) deliver(lines[i]);
    schedule(function () { close(); }, -1);
  }, -1);
  rl.close = () => { close(); return rl; };
  rl.question = (query, opts2, cb) => {
    if (typeof opts2 === 'function') cb = opts2;
    if (opts.output === process.stdout && query) writeOut(String(query));
    if (typeof cb === 'function') questions.push(cb);
  };
  rl.setPrompt = () => {};
  rl.prompt = () => {};
  rl.pause = () => { return rl; };
  rl.resume = () => { return rl; };
  rl.write = () => {};
  rl.input = opts.input;
  rl.output = opts.output;
  rl.terminal = false;
  rl[Symbol.asyncIterator] = () => {
    iterating = true;
    return {
      next() {
        if (iterQueue.length > 0) return Promise.resolve({ value: iterQueue.shift(), done: false });
        if (closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise(function (resolve) { iterWaiters.push(resolve); });
      },
      return() { close(); return Promise.resolve({ value: undefined, done: true }); },
      [Symbol.asyncIterator]() { return this; },
    };
  };
  return rl;
}
`;
