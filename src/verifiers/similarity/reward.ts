/**
 * The trainer-shaped similarity rewards. Similarity is a batch operation (embed a batch, score a
 * batch), so these run in the calling thread on the similarity scorer rather than one sample per
 * worker like the other verifiers; pool options (`timeoutMs`, `threads`, `pool`) are accepted and
 * ignored. Bad samples get score 0 with a reason and never reject the batch.
 */
import { splitOptions, type BatchOptions } from '../../core/batch.js';
import type { Verdict } from '../../core/verdict.js';
import { scoreSimilarityBatch, type SimilarityOptions } from './score.js';
import type { SimilarityReference, SimilaritySample } from './samples.js';

/** Options of {@link similarityReward} / {@link similarityVerdicts}. */
export interface SimilarityRewardOptions extends SimilarityOptions, Pick<BatchOptions, 'onProgress'> {
  /** Precomputed response vectors, parallel to `responses` (used with `{embedding}` references). */
  responseEmbeddings?: readonly (ArrayLike<number> | null | undefined)[];
}

/**
 * Verdicts for `responses[i]` against `references[i]` (the reference text, or `{embedding}` with
 * `responseEmbeddings[i]` or `reference.response_embedding`). `details` holds the cosine, the
 * threshold, the embedder and the backend.
 */
export async function similarityVerdicts(
  responses: readonly unknown[],
  references: readonly (SimilarityReference | unknown)[],
  opts: SimilarityRewardOptions & BatchOptions = {},
): Promise<Verdict[]> {
  if (!Array.isArray(responses)) throw new TypeError(`responses must be an array, got ${responses === null ? 'null' : typeof responses}`);
  if (!Array.isArray(references)) throw new TypeError(`references must be an array, got ${references === null ? 'null' : typeof references}`);
  if (responses.length !== references.length) {
    throw new RangeError(`responses (${responses.length}) and references (${references.length}) differ in length`);
  }
  const { batch, verifier } = splitOptions(opts as Record<string, unknown>);
  const { responseEmbeddings, ...options } = verifier as SimilarityRewardOptions;
  if (responseEmbeddings !== undefined && (!Array.isArray(responseEmbeddings) || responseEmbeddings.length !== responses.length)) {
    throw new RangeError(`responseEmbeddings must be an array as long as responses (${responses.length})`);
  }
  const samples: SimilaritySample[] = responses.map((response, i) => ({
    response,
    reference: references[i],
    response_embedding: responseEmbeddings?.[i] ?? undefined,
  }));
  const verdicts = await scoreSimilarityBatch(samples, options);
  verdicts.forEach((_, i) => batch.onProgress?.(i + 1, verdicts.length));
  return verdicts;
}

/** Scores in [0, 1] for `responses[i]` against `references[i]`; see {@link similarityVerdicts}. */
export async function similarityReward(
  responses: readonly unknown[],
  references: readonly (SimilarityReference | unknown)[],
  opts: SimilarityRewardOptions & BatchOptions = {},
): Promise<number[]> {
  return (await similarityVerdicts(responses, references, opts)).map((v) => v.score);
}
