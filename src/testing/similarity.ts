/**
 * fast-check arbitraries for the similarity verifier: embedding vectors, pairs and batches whose
 * components stay in a range where f32 storage and both backends agree (|x| in [1e-3, 1e3] or 0).
 */
import fc from 'fast-check';

/** One component: 0 or a magnitude in [1e-3, 1e3], either sign. */
export function embeddingComponent(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    {
      weight: 9,
      arbitrary: fc
        .tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.boolean())
        .map(([e, neg]) => Math.fround((neg ? -1 : 1) * 10 ** e)),
    },
  );
}

/** A non-zero embedding vector of exactly `dim` components. */
export function embeddingVector(dim: number): fc.Arbitrary<number[]> {
  return fc
    .array(embeddingComponent(), { minLength: dim, maxLength: dim })
    .filter((v) => v.some((x) => x !== 0));
}

/** A pair of non-zero vectors of one dimension in [1, maxDim]. */
export function embeddingPair(maxDim = 64): fc.Arbitrary<[number[], number[]]> {
  return fc.integer({ min: 1, max: maxDim }).chain((d) => fc.tuple(embeddingVector(d), embeddingVector(d)));
}

/** A batch of `rows` in [minRows, maxRows] non-zero vectors of one dimension in [1, maxDim]. */
export function embeddingBatch(minRows = 1, maxRows = 24, maxDim = 48): fc.Arbitrary<number[][]> {
  return fc
    .integer({ min: 1, max: maxDim })
    .chain((d) => fc.array(embeddingVector(d), { minLength: minRows, maxLength: maxRows }));
}

/** A positive scale factor in [1e-2, 1e2] (cosine must not change under it). */
export function positiveScale(): fc.Arbitrary<number> {
  return fc.double({ min: -2, max: 2, noNaN: true }).map((e) => 10 ** e);
}

/** A similarity sample with precomputed vectors: `{response, reference: {embedding}, response_embedding}`. */
export function vectorSample(maxDim = 32): fc.Arbitrary<{ response: string; reference: { embedding: number[] }; response_embedding: number[] }> {
  return embeddingPair(maxDim).map(([a, b]) => ({ response: '', reference: { embedding: b }, response_embedding: a }));
}
