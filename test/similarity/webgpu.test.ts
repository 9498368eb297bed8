/**
 * The WebGPU backend against the CPU backend. Runs wherever an adapter exists (CI installs Mesa's
 * lavapipe from bookworm-backports); where none exists the suite is skipped with the reason in its
 * name, and with REQUIRE_WEBGPU=1 (set in CI) a missing adapter fails instead of skipping.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allPairsCosineCpu, rowwiseCosineCpu, topKCosineCpu } from '../../src/verifiers/similarity/cpu.js';
import { createWebGpuBackend, probeWebGpu, type WebGpuBackend } from '../../src/verifiers/similarity/webgpu.js';
import { createSimilarityScorer } from '../../src/verifiers/similarity/scorer.js';
import { toMatrix, type Matrix } from '../../src/verifiers/similarity/matrix.js';
import { embeddingBatch } from '../../src/testing/similarity.js';
import { maxDiff, randomMatrix } from './helpers.js';

const probe = await probeWebGpu();
const noGpu = 'reason' in probe ? probe.reason : undefined;
if (noGpu) console.warn(`WebGPU tests skipped: ${noGpu}`);

describe('WebGPU availability', () => {
  it.runIf(process.env.REQUIRE_WEBGPU === '1')('has an adapter when REQUIRE_WEBGPU=1', () => {
    expect(noGpu, 'REQUIRE_WEBGPU=1 but there is no adapter (install mesa-vulkan-drivers from bookworm-backports)').toBeUndefined();
  });

  it('reports an impossible adapter as "no GPU" instead of throwing', async () => {
    const r = await probeWebGpu(['adapter=no-such-adapter']);
    expect('reason' in r).toBe(true);
  });

  it('rejects a forced WebGPU backend without an adapter with the reason, and auto falls back to the CPU', async () => {
    const forced = createSimilarityScorer({ backend: 'webgpu', webgpu: { flags: ['adapter=no-such-adapter'] } });
    await expect(forced.rowwise([[1, 2]], [[2, 1]])).rejects.toThrow(/backend "webgpu" was requested but/);
    await forced.dispose();
    const auto = createSimilarityScorer({ backend: 'auto', minGpuWork: 0, webgpu: { flags: ['adapter=no-such-adapter'] } });
    expect((await auto.allPairs([[1, 0]], [[1, 0], [0, 1]]))[1]).toBe(0);
    expect(auto.lastBackend).toBe('cpu');
    await auto.dispose();
  });
});

describe.skipIf(noGpu !== undefined)(`WebGPU backend${noGpu ? ` (skipped: ${noGpu})` : ''}`, () => {
  let gpu: WebGpuBackend;
  const chunked: WebGpuBackend[] = [];
  afterAll(async () => {
    await gpu?.dispose();
    for (const c of chunked) await c.dispose();
  });

  async function backend(): Promise<WebGpuBackend> {
    if (!gpu) {
      const g = await createWebGpuBackend();
      if ('reason' in g) throw new Error(g.reason);
      gpu = g;
    }
    return gpu;
  }

  const SHAPES: [number, number, number][] = [[1, 1, 1], [3, 70, 3], [65, 63, 17], [130, 129, 384], [64, 200, 512]];

  it.each(SHAPES)('row-wise, all-pairs and top-k agree with the CPU to 1e-5 (%i x %i, dim %i)', async (n, m, d) => {
    const g = await backend();
    const a = randomMatrix(n, d, 11);
    const b = randomMatrix(m, d, 12, 0.4);
    const bn = { data: b.data, rows: Math.min(n, m), dim: d };
    const an = { data: a.data, rows: Math.min(n, m), dim: d };
    expect(maxDiff(await g.rowwise(an, bn), rowwiseCosineCpu(an, bn))).toBeLessThan(1e-5);
    expect(maxDiff(await g.allPairs(a, b), allPairsCosineCpu(a, b))).toBeLessThan(1e-5);
    for (const k of [1, 4, 20]) {
      const want = topKCosineCpu(a, b, k);
      const got = await g.topK(a, b, k);
      expect(maxDiff(got.scores.map((x) => (x === -Infinity ? -9 : x)), want.scores.map((x) => (x === -Infinity ? -9 : x)))).toBeLessThan(1e-5);
      // Indices agree except where two candidates are within rounding of each other.
      for (let i = 0; i < got.indices.length; i++) {
        if (got.indices[i] !== want.indices[i]) expect(Math.abs(got.scores[i]! - want.scores[i]!)).toBeLessThan(1e-5);
      }
    }
  });

  it('chunks inputs and outputs that exceed the binding size, with the same results', async () => {
    const g = await createWebGpuBackend({ maxBindingBytes: 4096 });
    if ('reason' in g) throw new Error(g.reason);
    chunked.push(g);
    const a = randomMatrix(70, 40, 21);
    const b = randomMatrix(90, 40, 22, 0.3);
    expect(maxDiff(await g.allPairs(a, b), allPairsCosineCpu(a, b))).toBeLessThan(1e-5);
    const t = await g.topK(a, b, 3);
    expect(maxDiff(t.scores, topKCosineCpu(a, b, 3).scores)).toBeLessThan(1e-5);
    const r = randomMatrix(70, 40, 23);
    expect(maxDiff(await g.rowwise(a, r), rowwiseCosineCpu(a, r))).toBeLessThan(1e-5);
  });

  it('reuses its buffers across batches that grow and shrink, and serializes overlapping calls', async () => {
    const g = await backend();
    const sizes = [5, 300, 17, 300, 2];
    const results = await Promise.all(sizes.map((n, i) => g.allPairs(randomMatrix(n, 24, 30 + i), randomMatrix(n + 3, 24, 40 + i))));
    sizes.forEach((n, i) => expect(maxDiff(results[i]!, allPairsCosineCpu(randomMatrix(n, 24, 30 + i), randomMatrix(n + 3, 24, 40 + i)))).toBeLessThan(1e-5));
  });

  it('gives 0 for zero vectors and handles empty batches', async () => {
    const g = await backend();
    const a = toMatrix([[0, 0, 0], [1, 2, 3]]);
    const b = toMatrix([[1, 2, 3], [0, 0, 0]]);
    expect(Array.from(await g.rowwise(a, b))).toEqual([0, 0]);
    expect(Array.from(await g.allPairs(a, b))).toEqual(Array.from(allPairsCosineCpu(a, b)));
    const empty: Matrix = { data: new Float32Array(0), rows: 0, dim: 3 };
    expect((await g.allPairs(empty, b)).length).toBe(0);
    expect((await g.rowwise(empty, empty)).length).toBe(0);
    expect(Array.from((await g.topK(a, empty, 2)).indices)).toEqual([-1, -1, -1, -1]);
  });

  it('agrees with the CPU on generated batches (property)', async () => {
    const g = await backend();
    await fc.assert(
      fc.asyncProperty(embeddingBatch(1, 20, 40), embeddingBatch(1, 20, 40), async (x, y) => {
        const d = Math.min(x[0]!.length, y[0]!.length);
        const a = toMatrix(x.map((v) => v.slice(0, d)));
        const b = toMatrix(y.map((v) => v.slice(0, d)));
        expect(maxDiff(await g.allPairs(a, b), allPairsCosineCpu(a, b))).toBeLessThan(1e-5);
        const n = Math.min(a.rows, b.rows);
        const a2 = { ...a, rows: n };
        const b2 = { ...b, rows: n };
        expect(maxDiff(await g.rowwise(a2, b2), rowwiseCosineCpu(a2, b2))).toBeLessThan(1e-5);
      }),
      { numRuns: 40 },
    );
  });

  it('is chosen by auto only for a hardware adapter (or when software is allowed), and forced works on any adapter', async () => {
    const info = await backend();
    const a = randomMatrix(40, 16, 50);
    const auto = createSimilarityScorer({ backend: 'auto', minGpuWork: 0 });
    await auto.allPairs(a, a);
    expect(auto.lastBackend).toBe(info.adapter.software ? 'cpu' : 'webgpu');
    const soft = createSimilarityScorer({ backend: 'auto', minGpuWork: 0, allowSoftwareGpu: true });
    await soft.allPairs(a, a);
    expect(soft.lastBackend).toBe('webgpu');
    const small = createSimilarityScorer({ backend: 'auto', allowSoftwareGpu: true });
    await small.allPairs(a, a);
    expect(small.lastBackend).toBe('cpu'); // 40 x 40 x 16 is far below minGpuWork
    const forced = createSimilarityScorer({ backend: 'webgpu' });
    const got = await forced.topK(a, a, 2);
    expect(forced.lastBackend).toBe('webgpu');
    expect(maxDiff(got.scores, topKCosineCpu(a, a, 2).scores)).toBeLessThan(1e-5);
    for (const s of [auto, soft, small, forced]) await s.dispose();
    await expect(forced.rowwise(a, a)).rejects.toThrow(/disposed/);
  });

  it('rejects calls after dispose()', async () => {
    const g = await createWebGpuBackend();
    if ('reason' in g) throw new Error(g.reason);
    await g.dispose();
    await g.dispose(); // idempotent
    await expect(g.allPairs(randomMatrix(2, 4, 1), randomMatrix(2, 4, 2))).rejects.toThrow(/disposed/);
  });
});
