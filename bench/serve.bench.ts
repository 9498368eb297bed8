/**
 * Reward server speed (`npm run bench -- serve`), with autocannon as the load generator:
 * 1. single-sample math `POST /get_reward` (OpenRLHF's shape, one sample per request, as OpenRLHF,
 *    slime and NeMo-Gym send them) at concurrency 64: requests/s, p50, p99;
 * 2. batches of 256 via `POST /v1/score` against in-process `mathVerdicts` on the same samples
 *    with the same number of batches in flight (the named baseline, same run): the ratio.
 * Samples: the 800 Qwen2.5-Math chain-of-thought responses of test/corpora/math.
 * 3. side by side, when MATH_VERIFY_PYTHONPATH points at a local Math-Verify: the server an
 *    OpenRLHF user writes today (bench/serve_mathverify_fastapi.py: FastAPI + uvicorn from Debian's
 *    python3-fastapi / python3-uvicorn, around Math-Verify), the same CoT requests at c=64, the two
 *    servers taking turns (2 rounds each) so load drift on a shared machine hits both alike.
 *    MATH_VERIFY_PYTHONPATH lists math_verify's and latex2sympy2_extended's source folders (with
 *    the ANTLR parser generated); sympy and the antlr4 runtime can come from Debian
 *    (python3-sympy, python3-antlr4).
 * Env: SERVE_BENCH_SECONDS (default 10), SERVE_BENCH_THREADS (worker threads, default all cores).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { closePool, configurePool } from '../src/core/pool.js';
import { mathVerdicts } from '../src/verifiers/math/reward.js';
import { startServe, stopServe } from './serve-process.js';

const seconds = Number(process.env.SERVE_BENCH_SECONDS ?? 10);
const threads = Number(process.env.SERVE_BENCH_THREADS ?? availableParallelism());
const rows = readFileSync(new URL('../test/corpora/math/qwen_math_cot_100.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { problem: string; response: string; gold: string });

const prompt = (r: { problem: string }): string => `<|im_start|>user\n${r.problem}<|im_end|>\n<|im_start|>assistant\n`;

async function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

/**
 * In-process `mathVerdicts` throughput with `inFlight` batches in flight for `secs`. The pool is
 * configured and warmed once by the caller and kept across rounds: the server's workers are warm
 * (they have answered seconds of requests by then), and a baseline measured on workers started
 * a moment ago ran at about half its warm rate, which made the ratio look better than it is.
 */
async function inProcess(batches: { response: string; reference: string }[][], inFlight: number, secs: number): Promise<number> {
  let done = 0;
  let next = 0;
  const started = performance.now();
  const until = started + secs * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) {
        const b = batches[next++ % batches.length]!;
        await mathVerdicts(b.map((s) => s.response), b.map((s) => s.reference));
        done += b.length;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

const port = 18_000 + (process.pid % 1000);
const lines: string[] = [];
const row = (...cells: (string | number)[]): void => {
  lines.push(cells.map((c, i) => String(c).padEnd(i === 0 ? 50 : 40)).join(''));
};

// 1. Single-sample /get_reward at concurrency 64.
const server = await startServe(port, ['--verifier', 'math', '--threads', String(threads), '--log-level', 'warn']);
const requests = rows.slice(0, 200).map((r) => ({
  method: 'POST' as const,
  path: '/get_reward',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: [prompt(r) + r.response + '<|im_end|>'], prompts: [prompt(r)], labels: [r.gold] }),
}));
await load({ url: server.url, connections: 64, duration: 2, requests }); // warm-up
const single = await load({ url: server.url, connections: 64, duration: seconds, requests });
// The HTTP floor on this machine in this run: the same server answering GET /healthz (no body, no verification).
const floor = await load({ url: `${server.url}/healthz`, connections: 64, duration: Math.max(2, seconds / 2) });
// Short answers ("... \\boxed{42}"): the per-request overhead rather than the chain-of-thought parse.
const shortRequests = rows.slice(0, 200).map((r) => ({
  method: 'POST' as const,
  path: '/get_reward',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: [`Q: ${r.problem}\nThe answer is \\boxed{${r.gold}}</s>`], prompts: [`Q: ${r.problem}\n`], labels: [r.gold] }),
}));
const singleShort = await load({ url: server.url, connections: 64, duration: seconds, requests: shortRequests });

// 2. Batches of 256 via /v1/score, 4 in flight.
const batches: { response: string; reference: string }[][] = [];
for (let i = 0; i + 256 <= rows.length * 2; i += 256) {
  batches.push(Array.from({ length: 256 }, (_, k) => rows[(i + k) % rows.length]!).map((r) => ({ response: r.response, reference: r.gold })));
}
const inFlight = 4;
const batchRequests = batches.map((b) => ({
  method: 'POST' as const,
  path: '/v1/score',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ items: b }),
}));
// The machine is shared, so load drifts: alternate server and in-process rounds and sum them.
const rounds = 3;
await configurePool({ threads });
await inProcess(batches, inFlight, 3); // warm-up: the server's workers have run for seconds already
let served = 0;
let servedSeconds = 0;
let baseSamples = 0;
let baseSeconds = 0;
let batched: autocannon.Result | undefined;
for (let k = 0; k < rounds; k++) {
  batched = await load({ url: server.url, connections: inFlight, duration: seconds / rounds, requests: batchRequests, timeout: 60 });
  served += batched.requests.total * 256;
  servedSeconds += batched.duration;
  const rate = await inProcess(batches, inFlight, seconds / rounds);
  baseSamples += rate * (seconds / rounds);
  baseSeconds += seconds / rounds;
}
await closePool();
const serverRate = served / servedSeconds;
const baseRate = baseSamples / baseSeconds;

// 3. Math-Verify behind FastAPI, same CoT requests (only with a local Math-Verify). Load drifts on a
// shared machine, so the two servers take turns, 2 rounds each, and each side's rounds are summed.
let mathVerify: { rate: number; p99: number; serve: number; non2xx: number } | string = 'skipped: MATH_VERIFY_PYTHONPATH is not set';
if (process.env.MATH_VERIFY_PYTHONPATH) {
  const pyPort = port + 1;
  const script = fileURLToPath(new URL('./serve_mathverify_fastapi.py', import.meta.url));
  const py = spawn(process.env.PYTHON ?? '/usr/bin/python3', [script, String(pyPort)], {
    env: { ...process.env, PYTHONPATH: process.env.MATH_VERIFY_PYTHONPATH },
    stdio: 'inherit',
  });
  let up = false;
  for (let i = 0; i < 300 && !up && py.exitCode === null; i++) {
    up = await fetch(`http://127.0.0.1:${pyPort}/healthz`).then((r) => r.ok, () => false);
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  if (up) {
    const pyUrl = `http://127.0.0.1:${pyPort}`;
    await load({ url: pyUrl, connections: 64, duration: 2, requests, timeout: 180 });
    let pyDone = 0;
    let pySecs = 0;
    let p99 = 0;
    let non2xx = 0;
    let ours = 0;
    let oursSecs = 0;
    for (let k = 0; k < 2; k++) {
      const mine = await load({ url: server.url, connections: 64, duration: seconds / 2, requests });
      ours += mine.requests.total;
      oursSecs += mine.duration;
      const theirs = await load({ url: pyUrl, connections: 64, duration: seconds / 2, requests, timeout: 180 });
      pyDone += theirs.requests.total;
      pySecs += theirs.duration;
      p99 = Math.max(p99, theirs.latency.p99);
      non2xx += theirs.non2xx;
    }
    mathVerify = { rate: pyDone / pySecs, p99, serve: ours / oursSecs, non2xx };
  } else mathVerify = `failed: the FastAPI + Math-Verify server did not start (exit ${py.exitCode})`;
  py.kill('SIGTERM');
}
await stopServe(server);

row('case', 'figure', 'target');
row('/get_reward, CoT responses, c=64', `${single.requests.average.toFixed(0)} req/s`, '>= 3000 req/s');
row('  latency p50 / p99', `${single.latency.p50} ms / ${single.latency.p99} ms`, 'p99 < 50 ms');
row('  non-2xx / errors / timeouts', `${single.non2xx} / ${single.errors} / ${single.timeouts}`, '0');
row('/get_reward, short boxed answers, c=64', `${singleShort.requests.average.toFixed(0)} req/s`, '>= 3000 req/s');
row('  latency p50 / p99', `${singleShort.latency.p50} ms / ${singleShort.latency.p99} ms`, 'p99 < 50 ms');
row('HTTP floor: GET /healthz, c=64', `${floor.requests.average.toFixed(0)} req/s`, '(ceiling for this run)');
row(`/v1/score, 256/request, 4 in flight, ${rounds} rounds`, `${serverRate.toFixed(0)} samples/s`, '');
row('in-process mathVerdicts, 256/batch, 4 in flight', `${baseRate.toFixed(0)} samples/s`, '');
row('  server / in-process', `${(serverRate / baseRate).toFixed(2)}`, '>= 0.80');
row('  non-2xx / errors (last round)', `${batched!.non2xx} / ${batched!.errors}`, '0');
if (typeof mathVerify === 'string') row('FastAPI + Math-Verify /get_reward, c=64', mathVerify, '');
else {
  row('FastAPI + Math-Verify /get_reward, CoT, c=64', `${mathVerify.rate.toFixed(0)} req/s (p99 ${mathVerify.p99} ms, non-2xx ${mathVerify.non2xx})`, '');
  row('  rewards serve, same requests, alternating', `${mathVerify.serve.toFixed(0)} req/s`, '');
  row('  rewards serve / FastAPI + Math-Verify', `${(mathVerify.serve / Math.max(mathVerify.rate, 1e-9)).toFixed(1)}x`, '>= 10x');
}
console.log(`serve bench: ${seconds} s per case, ${threads} worker threads, ${availableParallelism()} cores (autocannon shares them with the server)`);
console.log(lines.join('\n'));
