import { afterAll, describe, expect, it } from 'vitest';
import { allPairsCosineCpu, rowwiseCosineCpu, topKCosineCpu } from '../../src/verifiers/similarity/cpu.js';
import { bands, createCpuThreads } from '../../src/verifiers/similarity/cpu-threads.js';
import { toMatrix } from '../../src/verifiers/similarity/matrix.js';
import { maxDiff, randomMatrix, refCosine, row } from './helpers.js';

const team = createCpuThreads(3);
afterAll(() => team.dispose());

/** Shapes that hit every tail of the 4x4 tiles and the 64-row B blocks. */
const SHAPES: [number, number, number][] = [[1, 1, 1], [3, 5, 3], [4, 4, 4], [7, 66, 17], [65, 130, 33], [130, 9, 384]];

describe('CPU kernels against the double-precision definition', () => {
  it.each(SHAPES)('row-wise %i rows, dim %i', (n, _m, d) => {
    const a = randomMatrix(n, d, 1);
    const b = randomMatrix(n, d, 2, 0.3);
    const got = rowwiseCosineCpu(a, b);
    expect(maxDiff(got, Array.from({ length: n }, (_, i) => refCosine(row(a, i), row(b, i))))).toBeLessThan(1e-6);
  });

  it.each(SHAPES)('all-pairs %i x %i, dim %i (single thread and a 3-thread team)', async (n, m, d) => {
    const a = randomMatrix(n, d, 3);
    const b = randomMatrix(m, d, 4, 0.5);
    const want: number[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) want.push(refCosine(row(a, i), row(b, j)));
    expect(maxDiff(allPairsCosineCpu(a, b), want)).toBeLessThan(1e-6);
    expect(maxDiff(await team.allPairs(a, b), want)).toBeLessThan(1e-6);
  });

  it.each(SHAPES)('top-k %i x %i, dim %i matches a full sort (ties to the lower index)', async (n, m, d) => {
    const a = randomMatrix(n, d, 5);
    const b = randomMatrix(m, d, 6, 0.5);
    const k = Math.min(5, m + 1); // k may exceed the number of rows of b
    const full = allPairsCosineCpu(a, b);
    const single = topKCosineCpu(a, b, k);
    const threaded = await team.topK(a, b, k);
    for (let i = 0; i < n; i++) {
      const order = Array.from({ length: m }, (_, j) => j).sort((x, y) => full[i * m + y]! - full[i * m + x]! || x - y);
      for (let r = 0; r < k; r++) {
        const want = r < m ? order[r]! : -1;
        expect(single.indices[i * k + r]).toBe(want);
        expect(threaded.indices[i * k + r]).toBe(want);
        expect(single.scores[i * k + r]).toBe(r < m ? full[i * m + want]! : -Infinity);
      }
    }
  });

  it('gives 0 for a zero vector and exactly +-1 for parallel and opposite vectors', () => {
    const a = toMatrix([[0, 0, 0], [1, 2, 3], [1, 2, 3]]);
    const b = toMatrix([[1, 2, 3], [2, 4, 6], [-1, -2, -3]]);
    expect(Array.from(rowwiseCosineCpu(a, b))).toEqual([0, 1, -1]);
    const all = allPairsCosineCpu(a, b);
    expect(all[0]).toBe(0);
    expect(all[1 * 3 + 1]).toBeCloseTo(1, 6);
    expect(all[2 * 3 + 2]).toBeCloseTo(-1, 6);
  });

  it('rejects mismatched shapes with a message naming them', () => {
    expect(() => rowwiseCosineCpu(toMatrix([[1, 2]]), toMatrix([[1, 2, 3]]))).toThrow(/dimensions differ: 2 vs 3/);
    expect(() => rowwiseCosineCpu(toMatrix([[1, 2]]), toMatrix([[1, 2], [3, 4]]))).toThrow(/equal row counts/);
    expect(() => toMatrix([[1, 2], [1]])).toThrow(/vector 1 has dimension 1, vector 0 has 2/);
    expect(() => topKCosineCpu(toMatrix([[1]]), toMatrix([[1]]), 0)).toThrow(/k must be a positive integer/);
  });

  it('handles empty batches', async () => {
    const e = toMatrix([]);
    expect(rowwiseCosineCpu(e, e).length).toBe(0);
    expect(allPairsCosineCpu(toMatrix([[1, 2]]), { data: new Float32Array(0), rows: 0, dim: 2 }).length).toBe(0);
    expect((await team.allPairs({ data: new Float32Array(0), rows: 0, dim: 2 }, toMatrix([[1, 2]]))).length).toBe(0);
  });

  it('splits rows into bands that start on the 4-row tile and cover every row once', () => {
    for (const [rows, parts] of [[1, 3], [10, 3], [130, 2], [1000, 7]] as const) {
      const b = bands(rows, parts);
      expect(b.length).toBeLessThanOrEqual(parts);
      expect(b[0]![0]).toBe(0);
      expect(b.at(-1)![1]).toBe(rows);
      b.forEach(([s, e], i) => {
        expect(s % 4).toBe(0);
        expect(e).toBeGreaterThan(s);
        if (i > 0) expect(s).toBe(b[i - 1]![1]);
      });
    }
  });
});
