/** Shared helpers of the similarity tests: seeded random batches and a double-precision reference. */
import type { Matrix } from '../../src/verifiers/similarity/matrix.js';

/** A seeded pseudo-random generator in [-0.5, 0.5). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** A random rows x dim matrix (seeded), with an optional per-row offset so cosines spread out. */
export function randomMatrix(rows: number, dim: number, seed: number, offset = 0): Matrix {
  const r = rng(seed);
  const data = new Float32Array(rows * dim);
  for (let i = 0; i < rows; i++) for (let k = 0; k < dim; k++) data[i * dim + k] = r() + offset * ((i % 5) - 2) * (k % 3);
  return { data, rows, dim };
}

/** Row `i` of a matrix. */
export function row(m: Matrix, i: number): Float32Array {
  return m.data.subarray(i * m.dim, (i + 1) * m.dim);
}

/** Cosine in double precision straight from the definition (the oracle the kernels are checked against). */
export function refCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0, na = 0, nb = 0;
  for (let k = 0; k < a.length; k++) {
    d += a[k]! * b[k]!;
    na += a[k]! * a[k]!;
    nb += b[k]! * b[k]!;
  }
  return na === 0 || nb === 0 ? 0 : d / Math.sqrt(na * nb);
}

/** Largest absolute difference of two arrays (Infinity when lengths differ). */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
