/**
 * Reading similarity samples: what each sample compares (two vectors, or two texts to embed)
 * or, for a bad sample, the verdict that says why it scores 0. Never throws for a bad sample.
 *
 * A sample compares vectors when its reference has an `embedding` and the sample has a response
 * embedding (`response_embedding` on the sample, in its options, or on the reference object);
 * otherwise it compares texts: the response with the reference text (a string, or `{text}`).
 */
import { checkFormat, type FormatSpec } from '../../core/format.js';
import { Reasons, failVerdict, type Verdict } from '../../core/verdict.js';
import { typeName } from '../../core/run-one.js';
import { resolveFormat } from '../../templates/format-of.js';
import { embeddingProblem } from './matrix.js';

/** Reason codes of the similarity verifier (besides the shared ones). */
export const SimilarityReasons = {
  /** Cosine below the pass threshold. */
  belowThreshold: 'below-threshold',
  /** The reference gives an embedding but the sample has no response embedding. */
  missingEmbedding: 'missing-embedding',
  /** An embedding is not a non-empty array of finite numbers. */
  invalidEmbedding: 'invalid-embedding',
  /** Response and reference embeddings differ in length. */
  dimensionMismatch: 'dimension-mismatch',
  /** A vector (given or embedded) is all zeros, so its cosine is 0. */
  zeroVector: 'zero-vector',
} as const;

/**
 * Default `maxResponseChars`: the most characters of a response that are embedded (a longer one
 * is not embedded: reason `too-long`, a judged 0, not an error). Embedding is
 * linear in the text (about 2.6 s per MB with the bundled encoder), so this bounds one sample's
 * cost (about 0.3 s) without touching real answers (25k tokens and more).
 */
export const DEFAULT_SIMILARITY_MAX_RESPONSE_CHARS = 100_000;

/** The reference of one sample: the reference text, or precomputed vectors. */
export type SimilarityReference =
  | string
  | { text: string; embedding?: undefined }
  | { embedding: readonly number[]; response_embedding?: readonly number[]; text?: string };

/** One sample as the batch scorer reads it (a `rewards score` JSONL line has this shape). */
export interface SimilaritySample {
  id?: unknown;
  response: unknown;
  reference: unknown;
  /** Precomputed vector of the response, compared with `reference.embedding`. */
  response_embedding?: unknown;
  /** Per-sample options (override the batch's). */
  options?: Record<string, unknown>;
}

/** A sample ready to score. */
export type PreparedSample =
  | { kind: 'vectors'; response: Float32Array; reference: Float32Array; options: Record<string, unknown> }
  | { kind: 'texts'; response: string; reference: string; options: Record<string, unknown> }
  | { kind: 'failed'; verdict: Verdict };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check the scoring options; the message names the bad one. */
export function optionsProblem(o: Record<string, unknown>): string | undefined {
  if (o.threshold !== undefined && (typeof o.threshold !== 'number' || !(o.threshold >= -1 && o.threshold <= 1))) {
    return `threshold must be a number in [-1, 1], got ${JSON.stringify(o.threshold)}`;
  }
  if (o.maxResponseChars !== undefined && (typeof o.maxResponseChars !== 'number' || !Number.isInteger(o.maxResponseChars) || o.maxResponseChars < 1)) {
    return `maxResponseChars must be a positive integer, got ${JSON.stringify(o.maxResponseChars)}`;
  }
  // 0 or a negative size looped forever on the calling thread (the embed loop never advanced).
  if (o.embedBatchSize !== undefined && (typeof o.embedBatchSize !== 'number' || !Number.isInteger(o.embedBatchSize) || o.embedBatchSize < 1 || o.embedBatchSize > 4096)) {
    return `embedBatchSize must be an integer in [1, 4096], got ${JSON.stringify(o.embedBatchSize)}`;
  }
  if (o.scoring !== undefined && o.scoring !== 'cosine' && o.scoring !== 'rescaled' && o.scoring !== 'threshold') {
    return `scoring must be "cosine", "rescaled" or "threshold", got ${JSON.stringify(o.scoring)}`;
  }
  return undefined;
}

/** The text to embed after the format gate (the answer part), or the verdict when the gate fails. */
function gated(response: string, format: unknown): { text: string } | { verdict: Verdict } {
  if (format === undefined) return { text: response };
  let spec: FormatSpec;
  try {
    spec = resolveFormat(format as string | FormatSpec);
  } catch (err) {
    return { verdict: failVerdict(Reasons.invalidInput, { error: `format: ${(err as Error).message}` }) };
  }
  const check = checkFormat(response, spec);
  if (!check.ok) return { verdict: failVerdict(Reasons.format, { details: { format: check.reason } }) };
  return { text: spec.think ? check.answerPart.trim() : response };
}

/** Read one sample with the batch options `shared` (its own options win). Never throws. */
export function prepareSample(sample: unknown, shared: Record<string, unknown> = {}): PreparedSample {
  const fail = (reason: string, error: string): PreparedSample => ({ kind: 'failed', verdict: failVerdict(reason, { error }) });
  if (!isObject(sample)) return fail(Reasons.invalidInput, `sample must be an object, got ${typeName(sample)}`);
  const own = sample.options;
  if (own !== undefined && !isObject(own)) return fail(Reasons.invalidInput, `options must be an object, got ${typeName(own)}`);
  const options = { ...shared, ...own };
  const bad = optionsProblem(options);
  if (bad) return fail(Reasons.invalidInput, bad);
  const ref = sample.reference;

  if (isObject(ref) && ref.embedding !== undefined) {
    const refProblem = embeddingProblem(ref.embedding);
    if (refProblem) return fail(SimilarityReasons.invalidEmbedding, `reference.embedding ${refProblem}`);
    const given = sample.response_embedding ?? options.response_embedding ?? ref.response_embedding;
    if (given === undefined || given === null) {
      return fail(SimilarityReasons.missingEmbedding, 'reference has an embedding but the sample has no response_embedding');
    }
    const resProblem = embeddingProblem(given);
    if (resProblem) return fail(SimilarityReasons.invalidEmbedding, `response_embedding ${resProblem}`);
    const a = given as ArrayLike<number>;
    const b = ref.embedding as ArrayLike<number>;
    if (a.length !== b.length) {
      return fail(SimilarityReasons.dimensionMismatch, `response_embedding has ${a.length} dimensions, reference.embedding has ${b.length}`);
    }
    return { kind: 'vectors', response: Float32Array.from(a), reference: Float32Array.from(b), options };
  }

  let refText: string;
  if (typeof ref === 'string') refText = ref;
  else if (isObject(ref) && typeof ref.text === 'string') refText = ref.text;
  else {
    return fail(Reasons.invalidInput, `reference must be the reference text or {"embedding": number[]}, got ${typeName(ref)}${isObject(ref) ? ` with keys ${Object.keys(ref).join(', ') || '(none)'}` : ''}`);
  }
  if (refText.trim() === '') return fail(Reasons.invalidInput, 'reference text is empty');
  if (typeof sample.response !== 'string') return fail(Reasons.invalidInput, `response must be a string, got ${typeName(sample.response)}`);
  const g = gated(sample.response, options.format);
  if ('verdict' in g) return { kind: 'failed', verdict: g.verdict };
  if (g.text.trim() === '') return { kind: 'failed', verdict: failVerdict(Reasons.noAnswer, { error: 'response text is empty' }) };
  const max = (options.maxResponseChars as number | undefined) ?? DEFAULT_SIMILARITY_MAX_RESPONSE_CHARS;
  if (g.text.length > max) {
    return { kind: 'failed', verdict: failVerdict(Reasons.tooLong, { details: { chars: g.text.length, maxResponseChars: max } }) };
  }
  // The reference is embedded too: one of 3 MB held the embedding thread for 10 s.
  if (refText.length > max) {
    return fail(Reasons.invalidInput, `reference text of ${refText.length} chars is over the ${max} embedded (options.maxResponseChars)`);
  }
  return { kind: 'texts', response: g.text, reference: refText, options };
}
