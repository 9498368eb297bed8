/**
 * CPU similarity kernels on Float32Array: row-wise cosine (pair i with i) and all-pairs cosine
 * (every row of A with every row of B) with top-k. Values are stored as f32 like the WebGPU
 * backend's and accumulated in double precision.
 *
 * All-pairs normalizes both sides once, then computes `A * B^T` with a 4x4 register tile (16
 * accumulators, 8 loads per 16 multiply-adds instead of 2 per 1) over blocks of B rows small
 * enough to stay in cache while every row of A streams past them. Every output, in a tile or in
 * a tail, is the same sequential double-precision sum over the dimensions, so a pair's cosine does
 * not depend on where its rows sit in the batch (or which thread computes it).
 */
import { clampCosine, normalizeRows, type Matrix } from './matrix.js';
import { NO_SCORE } from './wgsl.js';

/** Rows of B kept hot in cache while A streams past (64 rows x 384 dims x 4 bytes = 96 KiB). */
const B_BLOCK_ROWS = 64;

/** Row-wise cosine: `out[i] = cos(a_i, b_i)`; a zero vector gives 0. `a` and `b` must have equal shapes. */
export function rowwiseCosineCpu(a: Matrix, b: Matrix, out: Float32Array = new Float32Array(a.rows)): Float32Array {
  checkSameDim(a, b);
  if (a.rows !== b.rows) throw new RangeError(`row-wise cosine needs equal row counts, got ${a.rows} and ${b.rows}`);
  const { dim } = a;
  const x = a.data;
  const y = b.data;
  const tail = dim & ~3;
  for (let r = 0; r < a.rows; r++) {
    const o = r * dim;
    let d0 = 0, d1 = 0, d2 = 0, d3 = 0;
    let p0 = 0, p1 = 0, p2 = 0, p3 = 0;
    let q0 = 0, q1 = 0, q2 = 0, q3 = 0;
    let k = 0;
    for (; k < tail; k += 4) {
      const x0 = x[o + k]!, x1 = x[o + k + 1]!, x2 = x[o + k + 2]!, x3 = x[o + k + 3]!;
      const y0 = y[o + k]!, y1 = y[o + k + 1]!, y2 = y[o + k + 2]!, y3 = y[o + k + 3]!;
      d0 += x0 * y0; d1 += x1 * y1; d2 += x2 * y2; d3 += x3 * y3;
      p0 += x0 * x0; p1 += x1 * x1; p2 += x2 * x2; p3 += x3 * x3;
      q0 += y0 * y0; q1 += y1 * y1; q2 += y2 * y2; q3 += y3 * y3;
    }
    for (; k < dim; k++) {
      const xi = x[o + k]!, yi = y[o + k]!;
      d0 += xi * yi; p0 += xi * xi; q0 += yi * yi;
    }
    const na = p0 + p1 + p2 + p3;
    const nb = q0 + q1 + q2 + q3;
    out[r] = na === 0 || nb === 0 ? 0 : clampCosine((d0 + d1 + d2 + d3) / Math.sqrt(na * nb));
  }
  return out;
}

/**
 * `out[i*ldo + j] = dot(a_i, b_j)` for rows `i` in [rowStart, rowEnd) of `a` (already unit-length)
 * and every row `j` of `b`, clamped to [-1, 1]. `out` row `i` starts at `(i - rowStart) * ldo`.
 */
export function dotTileCpu(a: Matrix, b: Matrix, out: Float32Array, rowStart = 0, rowEnd = a.rows, ldo = b.rows): void {
  const dim = a.dim;
  const A = a.data;
  const B = b.data;
  const M = b.rows;
  for (let jb = 0; jb < M; jb += B_BLOCK_ROWS) {
    const jEnd = Math.min(M, jb + B_BLOCK_ROWS);
    const j4End = jb + ((jEnd - jb) & ~3);
    let i = rowStart;
    for (; i + 4 <= rowEnd; i += 4) {
      const a0 = i * dim, a1 = a0 + dim, a2 = a1 + dim, a3 = a2 + dim;
      const o0 = (i - rowStart) * ldo, o1 = o0 + ldo, o2 = o1 + ldo, o3 = o2 + ldo;
      let j = jb;
      for (; j < j4End; j += 4) {
        const b0 = j * dim, b1 = b0 + dim, b2 = b1 + dim, b3 = b2 + dim;
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (let k = 0; k < dim; k++) {
          const x0 = A[a0 + k]!, x1 = A[a1 + k]!, x2 = A[a2 + k]!, x3 = A[a3 + k]!;
          const y0 = B[b0 + k]!, y1 = B[b1 + k]!, y2 = B[b2 + k]!, y3 = B[b3 + k]!;
          c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
          c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
          c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
          c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
        }
        out[o0 + j] = clampCosine(c00); out[o0 + j + 1] = clampCosine(c01); out[o0 + j + 2] = clampCosine(c02); out[o0 + j + 3] = clampCosine(c03);
        out[o1 + j] = clampCosine(c10); out[o1 + j + 1] = clampCosine(c11); out[o1 + j + 2] = clampCosine(c12); out[o1 + j + 3] = clampCosine(c13);
        out[o2 + j] = clampCosine(c20); out[o2 + j + 1] = clampCosine(c21); out[o2 + j + 2] = clampCosine(c22); out[o2 + j + 3] = clampCosine(c23);
        out[o3 + j] = clampCosine(c30); out[o3 + j + 1] = clampCosine(c31); out[o3 + j + 2] = clampCosine(c32); out[o3 + j + 3] = clampCosine(c33);
      }
      for (; j < jEnd; j++) {
        const b0 = j * dim;
        let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (let k = 0; k < dim; k++) {
          const y = B[b0 + k]!;
          c0 += A[a0 + k]! * y; c1 += A[a1 + k]! * y; c2 += A[a2 + k]! * y; c3 += A[a3 + k]! * y;
        }
        out[o0 + j] = clampCosine(c0); out[o1 + j] = clampCosine(c1); out[o2 + j] = clampCosine(c2); out[o3 + j] = clampCosine(c3);
      }
    }
    for (; i < rowEnd; i++) {
      const a0 = i * dim;
      const o0 = (i - rowStart) * ldo;
      for (let j = jb; j < jEnd; j++) {
        const b0 = j * dim;
        let c0 = 0;
        for (let k = 0; k < dim; k++) c0 += A[a0 + k]! * B[b0 + k]!;
        out[o0 + j] = clampCosine(c0);
      }
    }
  }
}

/** All-pairs cosine: `out[i*M + j] = cos(a_i, b_j)`, an N x M row-major matrix. */
export function allPairsCosineCpu(a: Matrix, b: Matrix, out: Float32Array = new Float32Array(a.rows * b.rows)): Float32Array {
  checkSameDim(a, b);
  dotTileCpu(normalizeRows(a), normalizeRows(b), out);
  return out;
}

/** The k best matches of each query row: `indices[i*k + r]` is the r-th best row of B (-1 when B has fewer rows). */
export interface TopK {
  /** Number of matches kept per row. */
  k: number;
  /** Row indices into B, best first; ties go to the lower index. */
  indices: Int32Array;
  /** Cosines of those matches (`-Infinity` where the index is -1). */
  scores: Float32Array;
}

/** Rows of A scored against all of B at once in {@link topKCosineCpu}, bounding its scratch memory. */
const TOPK_ROW_CHUNK = 64;

/** The `k` most similar rows of `b` for every row of `a` (cosine, ties to the lower index). */
export function topKCosineCpu(a: Matrix, b: Matrix, k: number): TopK {
  checkSameDim(a, b);
  checkK(k);
  const indices = new Int32Array(a.rows * k).fill(-1);
  const scores = new Float32Array(a.rows * k).fill(-Infinity);
  topKRowsCpu(normalizeRows(a), normalizeRows(b), k, 0, a.rows, indices, scores);
  return { k, indices, scores };
}

/**
 * Top-k of rows [rowStart, rowEnd) of unit-length `a` against unit-length `b`, written into
 * `indices/scores` at `row * k` (which must start filled with -1 / -Infinity).
 */
export function topKRowsCpu(
  a: Matrix, b: Matrix, k: number, rowStart: number, rowEnd: number, indices: Int32Array, scores: Float32Array,
): void {
  const M = b.rows;
  if (M === 0) return;
  const scratch = new Float32Array(Math.min(TOPK_ROW_CHUNK, rowEnd - rowStart) * M);
  for (let start = rowStart; start < rowEnd; start += TOPK_ROW_CHUNK) {
    const end = Math.min(rowEnd, start + TOPK_ROW_CHUNK);
    dotTileCpu(a, b, scratch, start, end, M);
    for (let i = start; i < end; i++) selectTopK(scratch, (i - start) * M, M, k, indices, scores, i * k);
  }
}

/**
 * Insert the best `k` of `row[off .. off+len)` into `indices/scores[at .. at+k)` (which may
 * already hold candidates from earlier columns; `base` offsets the column indices).
 */
export function selectTopK(
  row: Float32Array, off: number, len: number, k: number,
  indices: Int32Array, scores: Float32Array, at: number, base = 0,
): void {
  for (let j = 0; j < len; j++) {
    const s = row[off + j]!;
    const idx = base + j;
    if (!(s > scores[at + k - 1]!) && !(s === scores[at + k - 1]! && idx < indices[at + k - 1]!)) continue;
    let p = at + k - 1;
    while (p > at && (s > scores[p - 1]! || (s === scores[p - 1]! && idx < indices[p - 1]!))) {
      scores[p] = scores[p - 1]!;
      indices[p] = indices[p - 1]!;
      p--;
    }
    scores[p] = s;
    indices[p] = idx;
  }
}

/**
 * Merge candidate scores `s[off .. off+len)` into a sorted top-k list at `scores/indices[at ..]`.
 * Candidate j's column is `idx[off + j]` when `idx` is given (skipping -1), else `base + j`.
 * Order: higher score first, lower column on ties. The GPU's "no candidate" score is skipped.
 */
export function mergeTopK(
  s: Float32Array, off: number, len: number, idx: Int32Array | undefined, base: number,
  k: number, indices: Int32Array, scores: Float32Array, at: number,
): void {
  const last = at + k - 1;
  for (let j = 0; j < len; j++) {
    const col = idx ? idx[off + j]! : base + j;
    const v = s[off + j]!;
    if (col < 0 || v <= NO_SCORE) continue;
    if (!(v > scores[last]! || (v === scores[last]! && (indices[last]! < 0 || col < indices[last]!)))) continue;
    let p = last;
    while (p > at && (v > scores[p - 1]! || (v === scores[p - 1]! && (indices[p - 1]! < 0 || col < indices[p - 1]!)))) {
      scores[p] = scores[p - 1]!;
      indices[p] = indices[p - 1]!;
      p--;
    }
    scores[p] = v;
    indices[p] = col;
  }
}

/** Throw unless both batches have the same vector dimension. */
export function checkSameDim(a: Matrix, b: Matrix): void {
  if (a.dim !== b.dim && a.rows > 0 && b.rows > 0) {
    throw new RangeError(`vector dimensions differ: ${a.dim} vs ${b.dim}`);
  }
}

/** Throw unless k is a positive integer. */
export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
}
