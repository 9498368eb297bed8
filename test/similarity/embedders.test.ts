import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disposeSimilarity, getEmbedder, scoreSimilarityBatch, similarityVerdicts, type Embedder } from '../../src/index.js';
import { embedAll } from '../../src/verifiers/similarity/embed.js';
import { onnxModelDirProblem } from '../../src/verifiers/similarity/embed-onnx.js';
import { TINY_DIM, writeTinyModel } from './fixtures/tiny-model.js';
import { maxDiff, refCosine } from './helpers.js';

const cos = (v: { details?: unknown }) => (v.details as { cosine: number }).cosine;
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'similarity-models-'));
});
afterAll(async () => {
  await disposeSimilarity();
  rmSync(work, { recursive: true, force: true });
});

describe('the bundled offline sentence encoder (use)', () => {
  it('embeds to 512 unit-length dimensions, the same alone and in a batch', async () => {
    const e = await getEmbedder({ embedder: 'use' });
    const texts = ['The cat sat on the mat.', '', 'Ünïcödé 😀 text', 'A second sentence.'];
    const batch = await embedAll(e, texts, 2);
    expect([batch.rows, batch.dim]).toEqual([4, 512]);
    const alone = await e.embed([texts[2]!]);
    expect(maxDiff(alone.data, batch.data.subarray(2 * 512, 3 * 512))).toBeLessThan(1e-5);
    for (let r = 0; r < 4; r++) expect(Math.hypot(...batch.data.subarray(r * 512, (r + 1) * 512))).toBeCloseTo(1, 4);
  });

  it('ranks paraphrases above unrelated answers', async () => {
    const pairs: [string, string, string][] = [
      ['The capital of France is Paris.', 'Paris is the capital city of France.', 'Bananas are rich in potassium.'],
      ['Water boils at 100 degrees Celsius at sea level.', 'At sea level, water reaches its boiling point at 100 °C.', 'The stock market fell sharply on Monday.'],
      ['Photosynthesis converts light into chemical energy.', 'Plants turn sunlight into chemical energy through photosynthesis.', 'He parked the car in the garage.'],
    ];
    const responses = pairs.flatMap(([, para, unrelated]) => [para, unrelated]);
    const references = pairs.flatMap(([ref]) => [ref, ref]);
    const vs = await similarityVerdicts(responses, references);
    for (let i = 0; i < pairs.length; i++) {
      expect(cos(vs[2 * i]!)).toBeGreaterThan(cos(vs[2 * i + 1]!) + 0.2);
      expect((vs[2 * i]!.details as { embedder: string }).embedder).toBe('use');
    }
  });

  it('scores identical texts 1 and embeds only the answer part when the format asks for </think>', async () => {
    const [same, gated] = await scoreSimilarityBatch([
      { response: 'Paris is the capital of France.', reference: 'Paris is the capital of France.' },
      {
        response: 'Let me think about European geography at length... </think> Paris is the capital of France.',
        reference: 'Paris is the capital of France.',
        options: { format: { answer: 'free', think: true } },
      },
    ]);
    expect(same!.score).toBeCloseTo(1, 5);
    expect(gated!.score).toBeCloseTo(1, 5);
  });
});

describe('a local ONNX model directory (onnx, via @huggingface/transformers)', () => {
  it('embeds with mean pooling: synonyms give cosine 1, unrelated sentences little', async () => {
    const dir = writeTinyModel(join(work, 'tiny'));
    const opts = { embedder: 'onnx' as const, modelDir: dir };
    const vs = await similarityVerdicts(
      ['A kitten sits on the rug', 'Stock prices fell sharply today', 'zzz qqq'],
      ['The cat sat on the mat', 'The cat sat on the mat', 'The cat sat on the mat'],
      opts,
    );
    expect(cos(vs[0]!)).toBeCloseTo(1, 5);
    expect(cos(vs[1]!)).toBeLessThan(0.5);
    expect(vs[2]!.reason).toBe('zero-vector'); // no known token: nothing to compare
    const e = await getEmbedder(opts);
    expect(e.name).toBe(`onnx:${dir}`);
    expect((await e.embed(['paris'])).dim).toBe(TINY_DIM);
  });

  it('names the missing file, directory or package when a model cannot load', async () => {
    const dir = writeTinyModel(join(work, 'broken'));
    expect(onnxModelDirProblem(join(work, 'nowhere'))).toMatch(/does not exist/);
    unlinkSync(join(dir, 'tokenizer.json'));
    expect(onnxModelDirProblem(dir)).toBe(`model directory ${dir} has no tokenizer.json`);
    const dir2 = writeTinyModel(join(work, 'quantized-only'));
    writeFileSync(join(dir2, 'onnx', 'model_quantized.onnx'), '');
    unlinkSync(join(dir2, 'onnx', 'model.onnx'));
    expect(onnxModelDirProblem(dir2)).toMatch(/has no onnx\/model\.onnx \(found model_quantized\.onnx; choose it with dtype: q8\)/);
    await expect(getEmbedder({ embedder: 'onnx', modelDir: dir })).rejects.toThrow(/embedder "onnx": model directory .* has no tokenizer\.json/);
    await expect(getEmbedder({ embedder: 'onnx' })).rejects.toThrow(/needs modelDir/);
    await expect(getEmbedder({ embedder: 'bert' as never })).rejects.toThrow(/unknown embedder "bert"/);
    const garbage = writeTinyModel(join(work, 'garbage'));
    writeFileSync(join(garbage, 'onnx', 'model.onnx'), 'not a protobuf');
    await expect(getEmbedder({ embedder: 'onnx', modelDir: garbage })).rejects.toThrow(/embedder "onnx": cannot load the model in/);
    // A batch whose model cannot load rejects (a set-up error), with the same message.
    await expect(similarityVerdicts(['a'], ['b'], { embedder: 'onnx', modelDir: dir })).rejects.toThrow(/has no tokenizer\.json/);
  });
});

describe('an embedder object of your own', () => {
  it('is used as is, and identical texts are embedded once per batch', async () => {
    const seen: string[] = [];
    const letters: Embedder = {
      name: 'letters',
      async embed(texts) {
        seen.push(...texts);
        const dim = 26;
        const data = new Float32Array(texts.length * dim);
        texts.forEach((t, r) => {
          for (const ch of t.toLowerCase()) if (ch >= 'a' && ch <= 'z') data[r * dim + ch.charCodeAt(0) - 97]! += 1;
        });
        return { data, rows: texts.length, dim };
      },
    };
    const vs = await similarityVerdicts(['abc', 'abd', 'abc'], ['abc', 'abc', 'xyz'], { embedder: letters });
    expect(seen.sort()).toEqual(['abc', 'abd', 'xyz']);
    expect(vs.map(cos)).toEqual([1, expect.closeTo(refCosine([1, 1, 1, 0], [1, 1, 0, 1]), 6), 0]);
  });
});
