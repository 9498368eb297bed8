/**
 * Similarity bench (`npm run bench -- similarity`): GFLOP/s of the CPU and WebGPU backends for
 * row-wise cosine (1024 x 384) and all-pairs cosine (1024 x 1024 x 384), with the naive JS loops
 * in the same run and the ratio to them (target: CPU all-pairs >= 4x the naive triple loop).
 *
 * On a hardware GPU it also times the all-pairs kernel at 8192 x 8192 x 768 (no read-back) and
 * prints the fraction of the GPU's roofline it reaches (target >= 30%). Peak FLOP/s and memory
 * bandwidth come from GPU_PEAK_TFLOPS / GPU_PEAK_GBPS, else from a small table of known GPUs by
 * adapter name. On a software adapter (llvmpipe) or without one, that row says "not measured".
 * SIMILARITY_BENCH_BIG=1 forces the big run on any adapter. The all-pairs CPU rows are timed
 * round-robin with the naive loop, so load from other processes skews their ratio less.
 */
import { availableParallelism, cpus } from 'node:os';
import { allPairsCosineCpu, rowwiseCosineCpu, topKCosineCpu } from '../src/verifiers/similarity/cpu.js';
import { createCpuThreads } from '../src/verifiers/similarity/cpu-threads.js';
import { createWebGpuBackend, type WebGpuBackend } from '../src/verifiers/similarity/webgpu.js';
import { getEmbedder } from '../src/verifiers/similarity/embed.js';
import type { Matrix } from '../src/verifiers/similarity/matrix.js';

// ---- data and timing -----------------------------------------------------------------------
function randomMatrix(rows: number, dim: number, seed: number): Matrix {
  let s = seed >>> 0;
  const data = new Float32Array(rows * dim);
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = s / 2 ** 32 - 0.5 + 0.05 * ((i % dim) % 7);
  }
  return { data, rows, dim };
}

/** Median milliseconds of `fn` over at least `minReps` runs and about `budgetMs`, after one warm-up. */
async function time(fn: () => unknown, minReps = 5, budgetMs = 1500): Promise<number> {
  await fn();
  const runs: number[] = [];
  const start = performance.now();
  while (runs.length < minReps || (performance.now() - start < budgetMs && runs.length < 50)) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  runs.sort((x, y) => x - y);
  return runs[Math.floor(runs.length / 2)]!;
}

/**
 * Median milliseconds of each function, run round-robin (`rounds` times each after a warm-up),
 * so that load from other processes falls on all of them alike and their ratios stay fair.
 */
async function timeInterleaved(fns: (() => unknown)[], rounds: number): Promise<number[]> {
  for (const f of fns) await f();
  const runs: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < fns.length; i++) {
      const t = performance.now();
      await fns[i]!();
      runs[i]!.push(performance.now() - t);
    }
  }
  return runs.map((x) => x.sort((p, q) => p - q)[Math.floor(x.length / 2)]!);
}

// ---- the naive baselines -------------------------------------------------------------------
const rowsOf = (m: Matrix): Float32Array[] => Array.from({ length: m.rows }, (_, i) => m.data.subarray(i * m.dim, (i + 1) * m.dim));

/** Row-wise cosine as one would first write it: one loop per pair. */
function naiveRowwise(a: Float32Array[], b: Float32Array[]): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    let d = 0, na = 0, nb = 0;
    const x = a[i]!, y = b[i]!;
    for (let k = 0; k < x.length; k++) {
      d += x[k]! * y[k]!;
      na += x[k]! * x[k]!;
      nb += y[k]! * y[k]!;
    }
    out[i] = d / Math.sqrt(na * nb);
  }
  return out;
}

/** All-pairs cosine as a plain triple loop (norms computed once, to be fair to it). */
function naiveAllPairs(a: Float32Array[], b: Float32Array[]): Float32Array {
  const norm = (v: Float32Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const na = a.map(norm);
  const nb = b.map(norm);
  const out = new Float32Array(a.length * b.length);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let d = 0;
      const x = a[i]!, y = b[j]!;
      for (let k = 0; k < x.length; k++) d += x[k]! * y[k]!;
      out[i * b.length + j] = d / (na[i]! * nb[j]!);
    }
  }
  return out;
}

// ---- peaks of known GPUs (FP32 non-tensor TFLOP/s, memory GB/s; vendor spec sheets) ---------
const KNOWN_GPUS: [RegExp, number, number][] = [
  [/H200/i, 67, 4800],
  [/H100.*PCIe/i, 51, 2000],
  [/H100/i, 67, 3350],
  [/A100.*80/i, 19.5, 2039],
  [/A100/i, 19.5, 1555],
  [/L40S/i, 91.6, 864],
  [/\bL4\b/i, 30.3, 300],
  [/A10\b/i, 31.2, 600],
  [/RTX 4090/i, 82.6, 1008],
  [/RTX 3090/i, 35.6, 936],
  [/V100/i, 15.7, 900],
  [/\bT4\b/i, 8.1, 320],
];

function peaks(description: string): { tflops: number; gbps: number; source: string } | undefined {
  const t = Number(process.env.GPU_PEAK_TFLOPS);
  const g = Number(process.env.GPU_PEAK_GBPS);
  if (t > 0 && g > 0) return { tflops: t, gbps: g, source: 'GPU_PEAK_TFLOPS/GPU_PEAK_GBPS' };
  const hit = KNOWN_GPUS.find(([re]) => re.test(description));
  return hit ? { tflops: hit[1], gbps: hit[2], source: `spec sheet (${hit[0].source})` } : undefined;
}

// ---- the run -------------------------------------------------------------------------------
interface Row { op: string; impl: string; ms: number; gflops: number; vsNaive?: number }
const rows: Row[] = [];
const add = (op: string, impl: string, ms: number, flops: number, naiveMs?: number): void => {
  rows.push({ op, impl, ms, gflops: flops / ms / 1e6, ...(naiveMs ? { vsNaive: naiveMs / ms } : {}) });
};

const threads = Math.min(8, availableParallelism());
console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'}, ${availableParallelism()} threads available; Node ${process.version}`);

const gpuOrReason = await createWebGpuBackend();
const gpu: WebGpuBackend | undefined = 'reason' in gpuOrReason ? undefined : gpuOrReason;
console.log(gpu ? `WebGPU adapter: ${gpu.adapter.description}${gpu.adapter.software ? ' (software)' : ''}` : `WebGPU: none (${(gpuOrReason as { reason: string }).reason})`);

// Row-wise 1024 x 384.
{
  const N = 1024, D = 384;
  const a = randomMatrix(N, D, 1), b = randomMatrix(N, D, 2);
  const flops = 6 * N * D;
  const ra = rowsOf(a), rb = rowsOf(b);
  const naive = await time(() => naiveRowwise(ra, rb), 20);
  add(`row-wise ${N}x${D}`, 'naive JS loop', naive, flops, naive);
  add(`row-wise ${N}x${D}`, 'CPU backend', await time(() => rowwiseCosineCpu(a, b), 20), flops, naive);
  if (gpu) add(`row-wise ${N}x${D}`, 'WebGPU (upload+read-back)', await time(() => gpu.rowwise(a, b), 10), flops, naive);
}

// All-pairs 1024 x 1024 x 384.
let cpuRatio = 0;
{
  const N = 1024, M = 1024, D = 384;
  const a = randomMatrix(N, D, 3), b = randomMatrix(M, D, 4);
  const flops = 2 * N * M * D;
  const op = `all-pairs ${N}x${M}x${D}`;
  const team = createCpuThreads(threads);
  const ra = rowsOf(a), rb = rowsOf(b);
  const [naive, single, teamMs, top1Team, top1Single] = await timeInterleaved([
    () => naiveAllPairs(ra, rb),
    () => allPairsCosineCpu(a, b),
    () => team.allPairs(a, b),
    () => team.topK(a, b, 1),
    () => topKCosineCpu(a, b, 1),
  ], 5);
  add(op, 'naive JS triple loop', naive!, flops, naive);
  add(op, 'CPU backend, 1 thread', single!, flops, naive);
  add(op, `CPU backend, ${threads} threads`, teamMs!, flops, naive);
  add(`top-1 ${N}x${M}x${D}`, `CPU backend, ${threads} threads`, top1Team!, flops, naive);
  add(`top-1 ${N}x${M}x${D}`, 'CPU backend, 1 thread', top1Single!, flops, naive);
  cpuRatio = naive! / teamMs!;
  await team.dispose();
  if (gpu) {
    add(op, 'WebGPU (upload+read-back)', await time(() => gpu.allPairs(a, b), 3), flops, naive);
    add(op, 'WebGPU kernel only', await gpu.timeAllPairsKernel(a, b, 3), flops, naive);
    add(`top-1 ${N}x${M}x${D}`, 'WebGPU (upload+read-back)', await time(() => gpu.topK(a, b, 1), 3), flops, naive);
  }
}

const pad = (s: string, n: number): string => s.padEnd(n);
console.log(`\n${pad('operation', 26)}${pad('implementation', 30)}${pad('median ms', 12)}${pad('GFLOP/s', 10)}vs naive`);
for (const r of rows) {
  console.log(`${pad(r.op, 26)}${pad(r.impl, 30)}${pad(r.ms.toFixed(2), 12)}${pad(r.gflops.toFixed(2), 10)}${r.vsNaive ? `${r.vsNaive.toFixed(2)}x` : ''}`);
}
console.log(`\nCPU all-pairs vs naive triple loop: ${cpuRatio.toFixed(2)}x (target >= 4x: ${cpuRatio >= 4 ? 'met' : 'NOT met'})`);

// Roofline at 8192 x 8192 x 768 on a hardware GPU.
if (gpu && (!gpu.adapter.software || process.env.SIMILARITY_BENCH_BIG === '1')) {
  const N = 8192, D = 768;
  const a = randomMatrix(N, D, 5), b = randomMatrix(N, D, 6);
  const ms = await gpu.timeAllPairsKernel(a, b, 3);
  const flops = 2 * N * N * D;
  const bytes = 4 * (2 * N * D + N * N);
  const achieved = flops / (ms / 1e3);
  console.log(`WebGPU all-pairs ${N}x${N}x${D} kernel: ${ms.toFixed(2)} ms, ${(achieved / 1e9).toFixed(1)} GFLOP/s`);
  const p = peaks(gpu.adapter.description);
  if (p) {
    const roof = Math.min(p.tflops * 1e12, (flops / bytes) * p.gbps * 1e9);
    console.log(`roofline (${p.source}: ${p.tflops} TFLOP/s, ${p.gbps} GB/s, intensity ${(flops / bytes).toFixed(0)} FLOP/byte): ` +
      `${((100 * achieved) / roof).toFixed(1)}% of ${(roof / 1e12).toFixed(1)} TFLOP/s (target >= 30%)`);
  } else {
    console.log('roofline: peak unknown for this adapter; set GPU_PEAK_TFLOPS and GPU_PEAK_GBPS to print the fraction');
  }
} else {
  console.log(`WebGPU all-pairs 8192x8192x768 roofline: not measured (${gpu ? `software adapter: ${gpu.adapter.description}` : 'no WebGPU adapter'}; run on a hardware GPU)`);
}
await gpu?.dispose();

// Embedding throughput of the bundled encoder (for scale: embedding dominates text scoring).
try {
  const use = await getEmbedder({ embedder: 'use' });
  const texts = Array.from({ length: 256 }, (_, i) => `Sentence number ${i} says something about topic ${i % 17} in a few more words.`);
  const ms = await time(() => use.embed(texts), 3);
  console.log(`\nembedder "use" (bundled USE-lite, WASM): 256 texts in ${ms.toFixed(0)} ms, ${((256 / ms) * 1e3).toFixed(0)} texts/s`);
} catch (err) {
  console.log(`\nembedder "use": not available (${(err as Error).message})`);
}
process.exit(0);
