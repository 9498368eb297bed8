/**
 * Batch scoring of similarity samples: read every sample, embed all texts of the batch in one
 * pass per embedder (identical texts once), compute the row-wise cosines on the scorer's backend,
 * and turn each cosine into a verdict. One bad sample gets its own 0 verdict with a reason; the
 * batch rejects only for a bad call or a model that cannot be loaded (a set-up error that would
 * otherwise zero every sample).
 */
import { type Verdict } from '../../core/verdict.js';
import { embedAll, getEmbedder, isEmbedder, type Embedder, type EmbedderOptions } from './embed.js';
import { prepareSample, SimilarityReasons, type PreparedSample, type SimilaritySample } from './samples.js';
import { createSimilarityScorer, type BackendChoice, type ScorerOptions, type SimilarityScorer } from './scorer.js';
import type { Matrix } from './matrix.js';

/** How a cosine becomes a score. */
export type ScoringMode = 'cosine' | 'rescaled' | 'threshold';

/** Default pass threshold (as in common embedding-similarity scorers). */
export const DEFAULT_THRESHOLD = 0.75;

/** Options of the similarity verifier and its batch functions. */
export interface SimilarityOptions extends EmbedderOptions {
  /**
   * `cosine` (default): score = cosine clamped to [0, 1] (opposite or unrelated meaning scores 0);
   * `rescaled`: score = (1 + cosine) / 2, a linear map of [-1, 1] onto [0, 1];
   * `threshold`: score 1 when cosine >= threshold, else 0.
   */
  scoring?: ScoringMode;
  /** Pass when cosine >= threshold (default 0.75), in every scoring mode. */
  threshold?: number;
  /** Backend of the default scorer: `auto` (default), `cpu`, `webgpu`. */
  backend?: BackendChoice;
  /** A scorer of your own (its backend setting wins over `backend`). */
  scorer?: SimilarityScorer;
  /** Most characters of the text to embed (default 100,000); a longer one scores 0 with reason `too-long`. */
  maxResponseChars?: number;
  /** Precomputed response vector for a single sample (the verifier's options path). */
  response_embedding?: readonly number[];
}

const defaultScorers = new Map<string, SimilarityScorer>();

/** The process-wide scorer for a backend choice (kept, with its GPU objects, until {@link disposeSimilarity}). */
export function defaultScorer(backend: BackendChoice = 'auto', options: Omit<ScorerOptions, 'backend'> = {}): SimilarityScorer {
  let s = defaultScorers.get(backend);
  if (!s) {
    s = createSimilarityScorer({ ...options, backend });
    defaultScorers.set(backend, s);
  }
  return s;
}

/** Release the default scorers (GPU device, worker threads) and every cached embedding model. */
export async function disposeSimilarity(): Promise<void> {
  const all = [...defaultScorers.values()];
  defaultScorers.clear();
  await Promise.all(all.map((s) => s.dispose()));
  const { disposeEmbedders } = await import('./embed.js');
  await disposeEmbedders();
}

/** Turn one cosine into a verdict under the sample's options. */
export function cosineVerdict(cos: number, options: Record<string, unknown>, details: Record<string, unknown> = {}): Verdict {
  const threshold = typeof options.threshold === 'number' ? options.threshold : DEFAULT_THRESHOLD;
  const scoring = (options.scoring as ScoringMode | undefined) ?? 'cosine';
  const c = Number.isFinite(cos) ? Math.max(-1, Math.min(1, cos)) : 0;
  const pass = c >= threshold;
  const score = scoring === 'threshold' ? (pass ? 1 : 0) : scoring === 'rescaled' ? (1 + c) / 2 : Math.max(0, c);
  const verdict: Verdict = { score, pass, details: { cosine: c, threshold, scoring, ...details } };
  if (!pass) verdict.reason = SimilarityReasons.belowThreshold;
  return verdict;
}

/** Key under which samples share an embedder (samples may choose their own through options). */
function embedderKey(o: Record<string, unknown>): string {
  const e = o.embedder;
  if (isEmbedder(e)) return `object:${e.name}`;
  return `${String(e ?? 'use')}|${String(o.modelDir ?? '')}|${String(o.pooling ?? '')}|${String(o.dtype ?? '')}`;
}

function isZero(m: Matrix, row: number): boolean {
  for (let k = row * m.dim; k < (row + 1) * m.dim; k++) if (m.data[k] !== 0) return false;
  return true;
}

/**
 * Score a batch of samples (the shape of `rewards score` lines: `{response, reference,
 * response_embedding?, options?}`) and resolve with one verdict per sample, in order. Runs in
 * the calling thread; embedding and cosines are batched.
 */
export async function scoreSimilarityBatch(samples: readonly SimilaritySample[], options: SimilarityOptions = {}): Promise<Verdict[]> {
  if (!Array.isArray(samples)) throw new TypeError(`samples must be an array, got ${samples === null ? 'null' : typeof samples}`);
  const { scorer: ownScorer, backend, ...shared } = options;
  const scorer = ownScorer ?? defaultScorer(backend ?? 'auto');
  const prepared: PreparedSample[] = samples.map((s) => prepareSample(s, shared as Record<string, unknown>));
  const verdicts: (Verdict | undefined)[] = prepared.map((p) => (p.kind === 'failed' ? p.verdict : undefined));

  // Vector samples: one row-wise batch per dimension.
  const byDim = new Map<number, number[]>();
  prepared.forEach((p, i) => {
    if (p.kind !== 'vectors') return;
    const list = byDim.get(p.response.length) ?? [];
    list.push(i);
    byDim.set(p.response.length, list);
  });
  for (const [dim, idx] of byDim) {
    const a = { data: new Float32Array(idx.length * dim), rows: idx.length, dim };
    const b = { data: new Float32Array(idx.length * dim), rows: idx.length, dim };
    idx.forEach((i, r) => {
      const p = prepared[i] as Extract<PreparedSample, { kind: 'vectors' }>;
      a.data.set(p.response, r * dim);
      b.data.set(p.reference, r * dim);
    });
    const cos = await scorer.rowwise(a, b);
    idx.forEach((i, r) => {
      const p = prepared[i] as Extract<PreparedSample, { kind: 'vectors' }>;
      const v = cosineVerdict(cos[r]!, p.options, { embedder: 'precomputed', backend: scorer.lastBackend });
      verdicts[i] = zeroAware(v, isZero(a, r) || isZero(b, r));
    });
  }

  // Text samples: one embedding pass per embedder, identical texts embedded once.
  const byEmbedder = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    if (p.kind !== 'texts') return;
    const key = embedderKey(p.options);
    const list = byEmbedder.get(key) ?? [];
    list.push(i);
    byEmbedder.set(key, list);
  });
  for (const idx of byEmbedder.values()) {
    const first = prepared[idx[0]!] as Extract<PreparedSample, { kind: 'texts' }>;
    const embedder: Embedder = await getEmbedder(first.options as EmbedderOptions);
    const rowOf = new Map<string, number>();
    const texts: string[] = [];
    const row = (t: string): number => {
      let r = rowOf.get(t);
      if (r === undefined) {
        r = texts.length;
        texts.push(t);
        rowOf.set(t, r);
      }
      return r;
    };
    const pairs = idx.map((i) => {
      const p = prepared[i] as Extract<PreparedSample, { kind: 'texts' }>;
      return [row(p.response), row(p.reference)] as const;
    });
    const batchSize = typeof first.options.embedBatchSize === 'number' ? first.options.embedBatchSize : 64;
    const emb = await embedAll(embedder, texts, batchSize);
    const dim = emb.dim;
    const a = { data: new Float32Array(pairs.length * dim), rows: pairs.length, dim };
    const b = { data: new Float32Array(pairs.length * dim), rows: pairs.length, dim };
    pairs.forEach(([x, y], r) => {
      a.data.set(emb.data.subarray(x * dim, (x + 1) * dim), r * dim);
      b.data.set(emb.data.subarray(y * dim, (y + 1) * dim), r * dim);
    });
    const cos = await scorer.rowwise(a, b);
    idx.forEach((i, r) => {
      const p = prepared[i] as Extract<PreparedSample, { kind: 'texts' }>;
      const [x, y] = pairs[r]!;
      const finite = (m: Matrix, row: number): boolean => m.data.subarray(row * dim, (row + 1) * dim).every(Number.isFinite);
      if (!finite(emb, x) || !finite(emb, y)) {
        verdicts[i] = { score: 0, pass: false, reason: SimilarityReasons.invalidEmbedding, error: `embedder ${embedder.name} returned a non-finite vector` };
        return;
      }
      verdicts[i] = zeroAware(cosineVerdict(cos[r]!, p.options, { embedder: embedder.name, backend: scorer.lastBackend }), isZero(emb, x) || isZero(emb, y));
    });
  }
  return verdicts.map((v) => v!);
}

/** A comparison with an all-zero vector (nothing to compare) scores 0 and fails with `zero-vector`. */
function zeroAware(v: Verdict, zero: boolean): Verdict {
  return zero ? { ...v, score: 0, pass: false, reason: SimilarityReasons.zeroVector } : v;
}
