import { afterAll, describe, expect, it } from 'vitest';
import { closePool, verifyBatch } from '../../src/index.js';
import {
  disposeSimilarity, scoreSimilarityBatch, similarityReward, similarityVerdicts, summarizeSimilarity,
} from '../../src/index.js';
import { verifier } from '../../src/verifiers/similarity/index.js';
import { refCosine } from './helpers.js';

afterAll(async () => {
  await disposeSimilarity();
  await closePool();
});

const reasons = (vs: { reason?: string }[]): string[] => vs.map((v) => v.reason ?? 'pass');
const details = (v: { details?: unknown }) => v.details as { cosine: number; threshold: number; backend: string; embedder: string };

describe('scoring precomputed embeddings', () => {
  it('scores the cosine, mapped by each scoring mode, with pass at the threshold', async () => {
    const a = [1, 2, 3, 4];
    const b = [2, 1, 3, 5];
    const c = refCosine(a, b);
    const sample = { response: '', reference: { embedding: b }, response_embedding: a };
    const [plain] = await scoreSimilarityBatch([sample]);
    expect(plain!.score).toBeCloseTo(c, 6);
    expect(details(plain!)).toMatchObject({ threshold: 0.75, embedder: 'precomputed', backend: 'cpu' });
    expect(plain!.pass).toBe(c >= 0.75);
    const [rescaled] = await scoreSimilarityBatch([sample], { scoring: 'rescaled' });
    expect(rescaled!.score).toBeCloseTo((1 + c) / 2, 6);
    const [hi] = await scoreSimilarityBatch([sample], { scoring: 'threshold', threshold: Math.min(1, c + 0.01) });
    expect([hi!.score, hi!.pass, hi!.reason]).toEqual([0, false, 'below-threshold']);
    const [lo] = await scoreSimilarityBatch([sample], { scoring: 'threshold', threshold: c - 0.01 });
    expect([lo!.score, lo!.pass]).toEqual([1, true]);
    const [opposite] = await scoreSimilarityBatch([{ response: '', reference: { embedding: [1, 0] }, response_embedding: [-1, 0] }]);
    expect(opposite!.score).toBe(0); // clamped: opposite meaning earns nothing
    expect(details(opposite!).cosine).toBe(-1);
  });

  it('gives every bad sample score 0 with its own reason and scores the good ones in the same batch', async () => {
    const good = { response: 'x', reference: { embedding: [1, 0, 0] }, response_embedding: [1, 0, 0] };
    const vs = await scoreSimilarityBatch([
      good,
      { response: 'x', reference: { embedding: [1, 0, 0] } },
      { response: 'x', reference: { embedding: [1, 0, 0] }, response_embedding: [1, 0] },
      { response: 'x', reference: { embedding: [1, Number.NaN, 0] }, response_embedding: [1, 0, 0] },
      { response: 'x', reference: { embedding: [1, 0, 0] }, response_embedding: [1, '2', 0] },
      { response: 'x', reference: { embedding: [] }, response_embedding: [] },
      { response: 'x', reference: { embedding: [1, 0, 0] }, response_embedding: [0, 0, 0] },
      { response: 'x', reference: 42 },
      { response: 'x', reference: { foo: 1 } },
      { response: 7, reference: 'the reference text' },
      { response: 'x', reference: { embedding: [1] }, response_embedding: [1], options: { threshold: 'high' } },
      { response: 'x', reference: { embedding: [1] }, response_embedding: [1], options: { scoring: 'cubic' } },
      null,
      { response: 'x', reference: { embedding: [1] }, response_embedding: [1], options: 'nope' },
      { response: '', reference: { embedding: [3, 4] }, options: { response_embedding: [6, 8] } },
      { response: '', reference: { embedding: [3, 4], response_embedding: [6, 8] } },
      { ...good, response_embedding: [1, 0, 0] },
    ] as never);
    expect(reasons(vs)).toEqual([
      'pass', 'missing-embedding', 'dimension-mismatch', 'invalid-embedding', 'invalid-embedding', 'invalid-embedding',
      'zero-vector', 'invalid-input', 'invalid-input', 'invalid-input', 'invalid-input', 'invalid-input', 'invalid-input',
      'invalid-input', 'pass', 'pass', 'pass',
    ]);
    expect(vs[1]!.error).toMatch(/no response_embedding/);
    expect(vs[2]!.error).toBe('response_embedding has 2 dimensions, reference.embedding has 3');
    expect(vs[3]!.error).toBe('reference.embedding element 1 is NaN, not a finite number');
    expect(vs[4]!.error).toBe('response_embedding element 1 is string, not a number');
    expect(vs[8]!.error).toMatch(/reference must be the reference text or \{"embedding": number\[\]\}, got object with keys foo/);
    expect(vs[9]!.error).toBe('response must be a string, got number');
    expect(vs[10]!.error).toMatch(/threshold must be a number in \[-1, 1\]/);
    for (const v of vs) expect(v.score >= 0 && v.score <= 1).toBe(true);
    expect(vs.filter((v) => v.score > 0).length).toBe(4);
  });

  it('batches samples of different dimensions separately', async () => {
    const vs = await scoreSimilarityBatch([
      { response: '', reference: { embedding: [1, 2] }, response_embedding: [1, 2] },
      { response: '', reference: { embedding: [1, 0, 0] }, response_embedding: [0, 1, 0] },
      { response: '', reference: { embedding: [2, 1] }, response_embedding: [1, 2] },
    ]);
    expect(vs.map((v) => details(v).cosine)).toEqual([1, 0, expect.closeTo(0.8, 6)]);
  });

  it('rejects only a malformed call', async () => {
    await expect(scoreSimilarityBatch('x' as never)).rejects.toThrow(/samples must be an array/);
    await expect(similarityReward(['a'], [])).rejects.toThrow(/differ in length/);
    await expect(similarityReward(['a'], [{ embedding: [1] }], { responseEmbeddings: [] })).rejects.toThrow(/responseEmbeddings/);
  });
});

describe('similarityReward / similarityVerdicts', () => {
  it('takes responseEmbeddings parallel to the responses and reports progress', async () => {
    const seen: number[] = [];
    const scores = await similarityReward(['', '', ''], [{ embedding: [1, 0] }, { embedding: [0, 1] }, { embedding: [1, 1] }], {
      responseEmbeddings: [[1, 0], [1, 0], undefined],
      onProgress: (d) => seen.push(d),
      timeoutMs: 5, // pool options are accepted and ignored
    });
    expect(scores).toEqual([1, 0, 0]);
    expect(seen).toEqual([1, 2, 3]);
    const vs = await similarityVerdicts([''], [{ embedding: [1, 0] }], { responseEmbeddings: [null] });
    expect(vs[0]!.reason).toBe('missing-embedding');
  });

  it('summarizes a run for the CLI', async () => {
    const vs = await similarityVerdicts(['', ''], [{ embedding: [1, 0] }, { embedding: [0, 1] }], { responseEmbeddings: [[1, 0], [1, 0]] });
    const lines = summarizeSimilarity(vs);
    expect(lines[0]).toBe('similarity: 2 samples, 1 passed (50.0%), mean score 0.5000, mean cosine 0.5000 over 2 scored');
    expect(lines[1]).toBe('similarity reasons: below-threshold 1');
  });
});

describe('the single-sample verifier', () => {
  it('verifies one sample in the calling thread', async () => {
    const v = await verifier.verify('', { embedding: [3, 4] }, { response_embedding: [3, 4] });
    expect([v.score, v.pass]).toEqual([1, true]);
  });

  it('runs on the worker pool through verifyBatch, bad samples included', async () => {
    const vs = await verifyBatch('similarity', [
      { response: '', reference: { embedding: [1, 2] }, options: { response_embedding: [1, 2] } },
      { response: '', reference: { embedding: [1, 2] } },
      { response: 'a', reference: null },
    ], { threads: 1 });
    expect(reasons(vs)).toEqual(['pass', 'missing-embedding', 'invalid-input']);
  });

  it('gives an empty response no-answer and an empty reference text invalid-input, before any model loads', async () => {
    const vs = await scoreSimilarityBatch([{ response: '  ', reference: 'text' }, { response: 'text', reference: '' }], {
      embedder: { name: 'never', embed: () => Promise.reject(new Error('must not embed')) },
    });
    expect(reasons(vs)).toEqual(['no-answer', 'invalid-input']);
    expect(vs[1]!.error).toBe('reference text is empty');
  });

  it('does not embed a response over maxResponseChars (default 100,000): too-long, a judged 0, before any model loads', async () => {
    const never = { name: 'never', embed: () => Promise.reject(new Error('must not embed')) };
    const long = 'word '.repeat(20_001);
    const vs = await scoreSimilarityBatch([{ response: long, reference: 'text' }, { response: 'abcdef', reference: 'text', options: { maxResponseChars: 5 } }], { embedder: never });
    expect(reasons(vs)).toEqual(['too-long', 'too-long']);
    expect(vs[0]!.details).toEqual({ chars: 100_005, maxResponseChars: 100_000 });
    const [bad] = await scoreSimilarityBatch([{ response: 'a', reference: 'b' }], { embedder: never, maxResponseChars: 0 });
    expect(bad!.reason).toBe('invalid-input');
    expect(bad!.error).toMatch(/maxResponseChars must be a positive integer/);
  });

  it('applies the format gate and embeds only the answer after </think>', async () => {
    const [bad] = await scoreSimilarityBatch([{ response: 'no think close', reference: 'x', options: { format: { answer: 'free', think: true } } }]);
    expect(bad!.reason).toBe('format');
  });
});
