/**
 * The `similarity` verifier: the soft reward for open-ended answers no rule can verify, as the
 * cosine between embeddings of the response and the reference.
 *
 * ```
 * response --embed--> vector --cosine(reference vector)--> score (cosine / rescaled / threshold)
 * ```
 *
 * `verifier` scores one sample (pool workers and the generic CLI path import it); the batch path
 * `scoreSimilarityBatch` (and `similarityReward`) embeds and scores a whole batch at once.
 */
import type { Verdict } from '../../core/verdict.js';
import type { Verifier } from '../../core/verifier.js';
import { scoreSimilarityBatch, type SimilarityOptions } from './score.js';
import type { SimilarityReference, SimilaritySample } from './samples.js';

export { scoreSimilarityBatch, cosineVerdict, defaultScorer, disposeSimilarity, DEFAULT_THRESHOLD } from './score.js';
export type { SimilarityOptions, ScoringMode } from './score.js';
export { prepareSample, optionsProblem, SimilarityReasons, DEFAULT_SIMILARITY_MAX_RESPONSE_CHARS } from './samples.js';
export type { SimilarityReference, SimilaritySample, PreparedSample } from './samples.js';
export { getEmbedder, embedAll, disposeEmbedders, isEmbedder } from './embed.js';
export type { Embedder, EmbedderKind, EmbedderOptions } from './embed.js';
export { createSimilarityScorer, DEFAULT_MIN_GPU_WORK } from './scorer.js';
export type { SimilarityScorer, ScorerOptions, BackendChoice } from './scorer.js';
export { cosine, toMatrix, normalizeRows, embeddingProblem } from './matrix.js';
export type { Matrix, VectorBatch } from './matrix.js';
export { rowwiseCosineCpu, allPairsCosineCpu, topKCosineCpu } from './cpu.js';
export type { TopK } from './cpu.js';
export { probeWebGpu } from './webgpu.js';
export type { GpuAdapterSummary, NoGpu } from './webgpu.js';

/**
 * The similarity verifier for one sample (in the calling thread or a pool worker; the CPU
 * backend unless `opts.backend` says otherwise). For many samples prefer `scoreSimilarityBatch`.
 */
export const verifier: Verifier<SimilarityReference, SimilarityOptions> = {
  name: 'similarity',
  defaultTimeoutMs: 60_000,
  async verify(response, reference, opts = {}) {
    const { scorer, ...rest } = opts;
    const [v] = await scoreSimilarityBatch([{ response, reference, options: rest as Record<string, unknown> }], {
      backend: opts.backend ?? 'cpu',
      ...(scorer ? { scorer } : {}),
    });
    return v!;
  },
};

/**
 * Batch entry point used by `verifyBatch` and `rewards score` (the registry runs similarity per
 * batch in the calling thread): embeds each distinct text once and scores all samples together.
 */
export function verifyMany(samples: readonly SimilaritySample[], options: Record<string, unknown>): Promise<Verdict[]> {
  return scoreSimilarityBatch(samples, options as SimilarityOptions);
}

/** The run summary for `rewards score` (running totals, no verdict kept). */
export { createSummary, summarize } from './summary.js';

