/**
 * The two heavy libraries the math verifier uses only off its common path, loaded on first use:
 *
 * - nerdamer (symbolic fallback) runs in a helper thread started the first time the fallback is
 *   asked (~0.1 s). Each request waits synchronously (`Atomics.wait`) for at most its time limit;
 *   a request that overruns (nerdamer needs seconds for `2^{50000} - 3^{50000}` and never returns
 *   from `\sqrt{10^{40}+1}`) terminates the helper, which is restarted on the next request. So a
 *   fallback costs at most its time limit, whatever nerdamer does with its input.
 * - mathjs (unit conversion, ~0.8 s to load) is `require`d in the calling thread the first time
 *   two answers carry units the built-in table cannot convert.
 *
 * Both stay synchronous for the caller: `verifyMath` and `mathEqual` remain plain functions.
 */
import { createRequire } from 'node:module';
import { untimed } from '../../core/untimed.js';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';

const requireHere = createRequire(import.meta.url);

/** A mathjs Unit, as far as unit conversion needs it. */
export interface MathjsUnit {
  equalBase(other: MathjsUnit): boolean;
  toSI(): MathjsUnit;
  toNumber(unit?: string): number;
  units: Array<{ unit: { name: string; offset: number }; prefix: { name: string }; power: number }>;
}

/** What the unit conversion needs from mathjs. */
export interface Mathjs {
  unit(value: number, unit: string): MathjsUnit;
  createUnit(name: string, definition: { definition: string; aliases: string[] }, options: { override: boolean }): unknown;
}

let mathjs: Mathjs | undefined;

/**
 * A private mathjs instance, created on first use (CommonJS build, so that loading stays
 * synchronous; private, so that the fix below does not touch the instance other code imports).
 * mathjs defines the acre as 4046.86 m^2; the international acre is exactly 4046.8564224 m^2.
 */
export function loadMathjs(): Mathjs {
  if (!mathjs) untimed(() => {
    const lib = requireHere('mathjs') as { create(factories: unknown): Mathjs; all: unknown };
    const m = lib.create(lib.all);
    m.createUnit('acre', { definition: '4046.8564224 m^2', aliases: ['acres'] }, { override: true });
    mathjs = m;
  });
  return mathjs!;
}

// ---- nerdamer helper thread ------------------------------------------------------------------

/** The helper's code: load nerdamer, then answer `{ id, expr }` with `{ id, out }` (expand, printed). */
const HELPER = `
const { workerData } = require('node:worker_threads');
const { path, port, signal } = workerData;
const flag = new Int32Array(signal);
const core = require(path).getCore();
port.on('message', ({ id, expr }) => {
  let out;
  try { out = String(core.PARSER.expand(core.PARSER.parse(expr))); } catch (e) { out = 'error'; }
  port.postMessage({ id, out });
  Atomics.store(flag, 0, id);
  Atomics.notify(flag, 0);
});
Atomics.store(flag, 0, -1);
Atomics.notify(flag, 0);
`;

interface Helper {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

/** How long a request may wait for the helper to start and load nerdamer (~0.1 s usually). */
const START_MS = 2_000;

let helper: Helper | undefined;
/** Set when the helper could not start: the fallback then stays off in this thread. */
let helperBroken = false;
let helperStarts = 0;
let requestId = 0;

function startHelper(): Helper | undefined {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const worker = new Worker(HELPER, {
    eval: true,
    workerData: { path: requireHere.resolve('nerdamer'), port: port2, signal },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  worker.unref();
  port1.unref();
  worker.on('error', () => {});
  helperStarts++;
  if (Atomics.wait(flag, 0, 0, START_MS) === 'timed-out') {
    void worker.terminate();
    helperBroken = true;
    return undefined;
  }
  return { worker, port: port1, flag };
}

function stopHelper(): void {
  if (!helper) return;
  void helper.worker.terminate();
  helper.port.close();
  helper = undefined;
}

/**
 * nerdamer's `expand` of an expression, printed; `'error'` when nerdamer throws, `undefined` when
 * it did not answer within `timeoutMs` (the helper is then terminated).
 */
export function nerdamerExpand(expr: string, timeoutMs: number): string | undefined {
  if (helperBroken) return undefined;
  helper ??= untimed(startHelper);
  if (!helper) return undefined;
  const { port, flag } = helper;
  const id = ++requestId;
  Atomics.store(flag, 0, 0);
  port.postMessage({ id, expr });
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const m = receiveMessageOnPort(port) as { message: { id: number; out: string } } | undefined;
    if (m && m.message.id === id) return m.message.out;
    const left = deadline - performance.now();
    if (left <= 0) break;
    Atomics.wait(flag, 0, 0, left);
  }
  stopHelper();
  return undefined;
}

/** Which of the heavy libraries this thread has loaded so far (tests check the common path loads none). */
export function loadedLibraries(): { nerdamer: boolean; mathjs: boolean } {
  return { nerdamer: helperStarts > 0, mathjs: mathjs !== undefined };
}
