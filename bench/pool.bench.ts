/**
 * Does the pool pay for itself? `mathReward` and `mcqReward` end to end on 1 and 2 worker threads
 * against the verifier's own throughput in one thread with no pool ("in-worker": the loop a worker
 * runs, warm). Targets (issue 11): 2 threads >= 1.7x 1 thread; 1 thread >= 50% of in-worker.
 * Medians of `POOL_ROUNDS` rounds (default 5); `POOL_MATH_N` sets the math sample count (default 800). Also the main thread's CPU time per sample on one
 * worker (read from /proc on Linux): what the pool costs the calling thread, which is what stops 2
 * threads from scaling on a 2-core machine, and a figure that a busy machine distorts little.
 */
import { readFileSync } from 'node:fs';
import { closePool, configurePool, mathReward, mcqReward, loadVerifier } from '../src/index.js';
import { honestSamples } from './adversarial-gen.js';
import { printTable } from './table.js';

const ROUNDS = Number(process.env.POOL_ROUNDS ?? 5);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function inThread(name: string, samples: { response: string; reference: unknown }[]): Promise<number> {
  const v = await loadVerifier(name);
  for (const s of samples.slice(0, 500)) await v.verify(s.response, s.reference as never);
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    for (const s of samples) await v.verify(s.response, s.reference as never);
    rates.push(samples.length / ((performance.now() - t) / 1000));
  }
  return median(rates);
}

/** CPU seconds the main thread has used (Linux only; NaN elsewhere). */
function mainCpuSeconds(): number {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

let mainUs = 0;
async function pooled(fn: typeof mcqReward, samples: { response: string; reference: unknown }[], threads: number): Promise<number> {
  await configurePool({ threads });
  const responses = samples.map((s) => s.response);
  const refs = samples.map((s) => s.reference);
  await fn(responses.slice(0, 500), refs.slice(0, 500) as never); // start the workers, load the verifier
  const rates: number[] = [];
  const cpu0 = mainCpuSeconds();
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    await fn(responses, refs as never);
    rates.push(samples.length / ((performance.now() - t) / 1000));
  }
  mainUs = ((mainCpuSeconds() - cpu0) * 1e6) / (ROUNDS * samples.length);
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
printTable(`Pool scaling, end to end (median of ${ROUNDS} rounds)`, rows);
