/**
 * Does the pool pay for itself? `mathReward` and `mcqReward` end to end on 1 and 2 worker threads
 * against the verifier's own throughput in one thread with no pool ("in-thread": the loop a worker
 * runs). Targets (issue 11): 2 threads >= 1.7x 1 thread; 1 thread >= 50% of in-thread.
 *
 * Steady state, as a trainer that calls the reward thousands of times sees it: each configuration
 * first runs calls for `POOL_WARM_S` seconds (default 1.5; V8 compiles the verifier in each worker
 * separately, and with 2 threads each worker sees half the samples, so a short warm-up measured
 * JIT warm-up, not the pool: 5 calls after one 500-sample warm-up gave 2 threads 0.66-0.90x of one),
 * then the median call of `POOL_MEASURE_S` seconds of calls (default 2, at least `POOL_ROUNDS`
 * calls, default 5). `POOL_MATH_N` sets the math sample count per call (default 800). Also the main
 * thread's CPU time per sample on one worker (read from /proc on Linux): what the pool costs the
 * calling thread, which is what stops 2 threads from scaling on a 2-core machine.
 */
import { readFileSync } from 'node:fs';
import { closePool, configurePool, mathReward, mcqReward, loadVerifier } from '../src/index.js';
import { honestSamples } from './adversarial-gen.js';
import { printTable } from './table.js';

const ROUNDS = Number(process.env.POOL_ROUNDS ?? 5);
const WARM_MS = 1000 * Number(process.env.POOL_WARM_S ?? 1.5);
const MEASURE_MS = 1000 * Number(process.env.POOL_MEASURE_S ?? 2);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU seconds the main thread has used (Linux only; NaN elsewhere). */
function mainCpuSeconds(): number {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Run `call` (one call scores `n` samples) for WARM_MS, then for at least MEASURE_MS and ROUNDS
 * calls: the rates (samples/s) and the calling thread's CPU time per sample over the measured calls.
 */
async function steady(n: number, call: () => Promise<unknown>): Promise<{ rates: number[]; mainUs: number }> {
  for (const until = performance.now() + WARM_MS; performance.now() < until; ) await call();
  const rates: number[] = [];
  const cpu0 = mainCpuSeconds();
  for (const until = performance.now() + MEASURE_MS; performance.now() < until || rates.length < ROUNDS; ) {
    const t = performance.now();
    await call();
    rates.push(n / ((performance.now() - t) / 1000));
  }
  return { rates, mainUs: ((mainCpuSeconds() - cpu0) * 1e6) / (rates.length * n) };
}

async function inThread(name: string, samples: { response: string; reference: unknown }[]): Promise<number> {
  const v = await loadVerifier(name);
  const { rates } = await steady(samples.length, async () => {
    for (const s of samples) await v.verify(s.response, s.reference as never);
  });
  return median(rates);
}

let mainUs = 0;
async function pooled(fn: typeof mcqReward, samples: { response: string; reference: unknown }[], threads: number): Promise<number> {
  await configurePool({ threads });
  const responses = samples.map((s) => s.response);
  const refs = samples.map((s) => s.reference);
  await fn(responses.slice(0, 500), refs.slice(0, 500) as never); // start the workers, load the verifier
  const { rates, mainUs: us } = await steady(samples.length, () => fn(responses, refs as never));
  mainUs = us;
  return median(rates);
}

const rows: (string | number)[][] = [['verifier', 'samples', 'in-thread/s', '1 thread/s', '2 threads/s', '2 vs 1', '1 vs in-thread', 'target', 'main thread us/sample (1 thread)', 'in-thread us/sample']];
for (const [name, fn, n] of [['math', mathReward, Number(process.env.POOL_MATH_N ?? 800)], ['mcq', mcqReward, 20_000]] as const) {
  const samples = honestSamples(name, n);
  const base = await inThread(name, samples);
  const one = await pooled(fn as typeof mcqReward, samples, 1);
  const oneMainUs = mainUs;
  const two = await pooled(fn as typeof mcqReward, samples, 2);
  rows.push([name, n, Math.round(base), Math.round(one), Math.round(two), `${(two / one).toFixed(2)}x`, `${((100 * one) / base).toFixed(0)}%`, '>= 1.7x, >= 50%', oneMainUs.toFixed(1), (1e6 / base).toFixed(1)]);
}
await closePool();
printTable(`Pool scaling, end to end, steady state (median call after ${WARM_MS / 1000} s of warm-up)`, rows);
