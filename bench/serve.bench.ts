/**
 * Reward server speed (`npm run bench -- serve`), with autocannon as the load generator:
 * 1. single-sample math `POST /get_reward` (OpenRLHF's shape, one sample per request, as OpenRLHF,
 *    slime and NeMo-Gym send them) at concurrency 64: requests/s, p50, p99;
 * 2. batches of 256 via `POST /v1/score` against in-process `mathVerdicts` on the same samples
 *    with the same number of batches in flight (the named baseline, same run): the ratio.
 * Samples: the 800 Qwen2.5-Math chain-of-thought responses of test/corpora/math.
 * Env: SERVE_BENCH_SECONDS (default 10), SERVE_BENCH_THREADS (worker threads, default all cores).
 */
import { readFileSync } from 'node:fs';
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

async function inProcess(batches: { response: string; reference: string }[][], inFlight: number): Promise<number> {
  await configurePool({ threads });
  await mathVerdicts(batches[0]!.map((s) => s.response), batches[0]!.map((s) => s.reference)); // warm
  let done = 0;
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) {
        const b = batches[next++ % batches.length]!;
        await mathVerdicts(b.map((s) => s.response), b.map((s) => s.reference));
        done += b.length;
      }
    }),
  );
  const rate = done / ((performance.now() - started) / 1000);
  await closePool();
  return rate;
}

const port = 18_000 + (process.pid % 1000);
const lines: string[] = [];
const row = (...cells: (string | number)[]): void => {
  lines.push(cells.map((c) => String(c).padEnd(44)).join(''));
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
const batched = await load({ url: server.url, connections: inFlight, duration: seconds, requests: batchRequests, timeout: 60 });
await stopServe(server);
const serverRate = (batched.requests.total / batched.duration) * 256;
const baseRate = await inProcess(batches, inFlight);

row('case', 'figure', 'target');
row('/get_reward, CoT responses, c=64', `${single.requests.average.toFixed(0)} req/s`, '>= 3000 req/s');
row('  latency p50 / p99', `${single.latency.p50} ms / ${single.latency.p99} ms`, 'p99 < 50 ms');
row('  non-2xx / errors / timeouts', `${single.non2xx} / ${single.errors} / ${single.timeouts}`, '0');
row('/get_reward, short boxed answers, c=64', `${singleShort.requests.average.toFixed(0)} req/s`, '>= 3000 req/s');
row('  latency p50 / p99', `${singleShort.latency.p50} ms / ${singleShort.latency.p99} ms`, 'p99 < 50 ms');
row('HTTP floor: GET /healthz, c=64', `${floor.requests.average.toFixed(0)} req/s`, '(ceiling for this run)');
row('/v1/score, 256 samples/request, 4 in flight', `${serverRate.toFixed(0)} samples/s`, '');
row('in-process mathVerdicts, 256/batch, 4 in flight', `${baseRate.toFixed(0)} samples/s`, '');
row('  server / in-process', `${(serverRate / baseRate).toFixed(2)}`, '>= 0.80');
row('  non-2xx / errors', `${batched.non2xx} / ${batched.errors}`, '0');
console.log(`serve bench: ${seconds} s per case, ${threads} worker threads, ${availableParallelism()} cores (autocannon shares them with the server)`);
console.log(lines.join('\n'));
