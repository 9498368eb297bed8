import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allPairsCosineCpu, rowwiseCosineCpu, topKCosineCpu } from '../../src/verifiers/similarity/cpu.js';
import { createCpuThreads } from '../../src/verifiers/similarity/cpu-threads.js';
import { toMatrix } from '../../src/verifiers/similarity/matrix.js';
import { disposeSimilarity, scoreSimilarityBatch } from '../../src/index.js';
import { embeddingBatch, embeddingPair, positiveScale, vectorSample } from '../../src/testing/similarity.js';
import { maxDiff, refCosine } from './helpers.js';

const team = createCpuThreads(2);
afterAll(async () => {
  await team.dispose();
  await disposeSimilarity();
});

const scoring = fc.constantFrom('cosine', 'rescaled', 'threshold');

describe('similarity properties', () => {
  it('scores lie in [0, 1] and pass agrees with the threshold in every scoring mode', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(vectorSample(), { minLength: 1, maxLength: 8 }), scoring, fc.double({ min: -1, max: 1, noNaN: true }), async (samples, mode, t) => {
        const vs = await scoreSimilarityBatch(samples, { scoring: mode, threshold: t });
        for (const v of vs) {
          expect(v.score).toBeGreaterThanOrEqual(0);
          expect(v.score).toBeLessThanOrEqual(1);
          const c = (v.details as { cosine: number }).cosine;
          expect(v.pass).toBe(c >= t);
        }
      }),
    );
  });

  it('cosine is symmetric, scale-invariant and matches the double-precision definition', () => {
    fc.assert(
      fc.property(embeddingPair(), positiveScale(), positiveScale(), ([a, b], s, u) => {
        const ab = rowwiseCosineCpu(toMatrix([a]), toMatrix([b]))[0]!;
        const ba = rowwiseCosineCpu(toMatrix([b]), toMatrix([a]))[0]!;
        const scaled = rowwiseCosineCpu(toMatrix([a.map((x) => x * s)]), toMatrix([b.map((x) => x * u)]))[0]!;
        expect(ab).toBe(ba);
        expect(Math.abs(scaled - ab)).toBeLessThan(1e-5);
        expect(Math.abs(ab - refCosine(Float32Array.from(a), Float32Array.from(b)))).toBeLessThan(1e-6);
        expect(Math.abs(ab)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('all-pairs is the transpose of itself with arguments swapped, and its diagonal is the row-wise cosine', () => {
    fc.assert(
      fc.property(embeddingBatch(1, 12, 24), (rows) => {
        const m = toMatrix(rows);
        const n = m.rows;
        const all = allPairsCosineCpu(m, m);
        const rev = [...rows].reverse();
        const allRev = allPairsCosineCpu(m, toMatrix(rev));
        for (let i = 0; i < n; i++) {
          expect(all[i * n + i]).toBeCloseTo(1, 5);
          for (let j = 0; j < n; j++) {
            expect(Math.abs(all[i * n + j]! - all[j * n + i]!)).toBeLessThan(1e-6);
            expect(allRev[i * n + (n - 1 - j)]).toBe(all[i * n + j]);
          }
        }
      }),
    );
  });

  it('is deterministic, and the single-thread, threaded and top-k paths agree', async () => {
    await fc.assert(
      fc.asyncProperty(embeddingBatch(1, 30, 20), embeddingBatch(1, 30, 20), fc.integer({ min: 1, max: 6 }), async (x, y, k) => {
        const d = Math.min(x[0]!.length, y[0]!.length);
        const a = toMatrix(x.map((v) => v.slice(0, d)));
        const b = toMatrix(y.map((v) => v.slice(0, d)));
        const once = allPairsCosineCpu(a, b);
        expect(Array.from(allPairsCosineCpu(a, b))).toEqual(Array.from(once));
        expect(maxDiff(await team.allPairs(a, b), once)).toBe(0);
        const top = topKCosineCpu(a, b, k);
        const topThreaded = await team.topK(a, b, k);
        expect(Array.from(topThreaded.indices)).toEqual(Array.from(top.indices));
        for (let i = 0; i < a.rows; i++) {
          const best = Math.max(...Array.from(once.subarray(i * b.rows, (i + 1) * b.rows)));
          expect(top.scores[i * k]).toBe(best);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a batch scores each sample as it would alone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(vectorSample(16), { minLength: 2, maxLength: 6 }), async (samples) => {
        const together = await scoreSimilarityBatch(samples);
        for (let i = 0; i < samples.length; i++) {
          const [alone] = await scoreSimilarityBatch([samples[i]!]);
          expect(alone).toEqual(together[i]);
        }
      }),
      { numRuns: 30 },
    );
  });
});
