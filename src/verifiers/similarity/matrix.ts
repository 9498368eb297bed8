/**
 * Dense row-major Float32 matrices: the one data shape both similarity backends read.
 * A batch of N embeddings of dimension D is a `Matrix` with `rows = N`, `dim = D`.
 */

/** N vectors of dimension `dim`, stored row after row in one Float32Array. */
export interface Matrix {
  /** Row-major values, `rows * dim` long (longer is allowed; the rest is ignored). */
  readonly data: Float32Array;
  /** Number of vectors. */
  readonly rows: number;
  /** Dimension of every vector. */
  readonly dim: number;
}

/** What the scorer accepts as a batch of vectors: a {@link Matrix} or a list of equal-length vectors. */
export type VectorBatch = Matrix | readonly ArrayLike<number>[];

/** Why a value is not a usable embedding, or undefined when it is one (a non-empty array of finite numbers). */
export function embeddingProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) && !(value instanceof Float32Array) && !(value instanceof Float64Array)) {
    return `must be an array of numbers, got ${value === null ? 'null' : typeof value}`;
  }
  const v = value as ArrayLike<unknown>;
  if (v.length === 0) return 'is empty';
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number') return `element ${i} is ${x === null ? 'null' : typeof x}, not a number`;
    if (!Number.isFinite(x)) return `element ${i} is ${x}, not a finite number`;
  }
  return undefined;
}

/** Whether a value is a {@link Matrix}. */
export function isMatrix(value: unknown): value is Matrix {
  const m = value as Matrix | null;
  return typeof m === 'object' && m !== null && m.data instanceof Float32Array && Number.isInteger(m.rows) && Number.isInteger(m.dim);
}

/**
 * Pack a batch into a {@link Matrix}. Throws a RangeError when the vectors differ in length or
 * the matrix is shorter than `rows * dim`; values are not checked for NaN here (see {@link embeddingProblem}).
 */
export function toMatrix(batch: VectorBatch): Matrix {
  if (isMatrix(batch)) {
    if (batch.rows < 0 || batch.dim < 0 || batch.data.length < batch.rows * batch.dim) {
      throw new RangeError(`matrix data holds ${batch.data.length} values, fewer than rows*dim = ${batch.rows * batch.dim}`);
    }
    return batch;
  }
  if (!Array.isArray(batch)) throw new TypeError('a vector batch must be a Matrix or an array of vectors');
  const text = batch.findIndex((v) => typeof v === 'string');
  if (text >= 0) {
    throw new TypeError(
      `vector batch item ${text} is text, not an embedding: the scorer compares vectors; embed texts first ` +
        '(getEmbedder() then embedAll(embedder, texts)), or use similarityReward, which embeds for you',
    );
  }
  const rows = batch.length;
  const dim = rows === 0 ? 0 : batch[0]!.length;
  const data = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    const v = batch[r]!;
    if (v.length !== dim) throw new RangeError(`vector ${r} has dimension ${v.length}, vector 0 has ${dim}`);
    data.set(v, r * dim);
  }
  return { data, rows, dim };
}

/**
 * The rows of `m` scaled to unit length (computed in double precision, stored as f32, written
 * into `out` when given), with a zero row left at zero so that its cosine with anything is 0.
 */
export function normalizeRows(m: Matrix, out: Float32Array = new Float32Array(m.rows * m.dim)): Matrix {
  const { rows, dim, data } = m;
  for (let r = 0; r < rows; r++) {
    const o = r * dim;
    let ss = 0;
    for (let k = 0; k < dim; k++) ss += data[o + k]! * data[o + k]!;
    if (ss === 0) {
      out.fill(0, o, o + dim);
      continue;
    }
    const inv = 1 / Math.sqrt(ss);
    for (let k = 0; k < dim; k++) out[o + k] = data[o + k]! * inv;
  }
  return { data: out, rows, dim };
}

/** Cosine of two vectors in double precision (0 when either is the zero vector). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`vectors differ in dimension: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 0;
  return clampCosine(dot / Math.sqrt(na * nb));
}

/** Clamp rounding overshoot into [-1, 1]. */
export function clampCosine(c: number): number {
  return c > 1 ? 1 : c < -1 ? -1 : c;
}
