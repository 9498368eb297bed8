import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { disposeSimilarity, scoreSimilarityBatch } from '../../src/index.js';

afterAll(() => disposeSimilarity());

describe('examples/similarity.jsonl', () => {
  it('scores every line in the `rewards score` shape, bad lines with their reason', async () => {
    const lines = readFileSync(new URL('../../examples/similarity.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const vs = await scoreSimilarityBatch(lines);
    expect(vs).toHaveLength(lines.length);
    const byId = new Map(lines.map((l, i) => [l.id as string, vs[i]!]));
    for (const v of vs) expect(v.score >= 0 && v.score <= 1).toBe(true);
    expect(byId.get('text-paraphrase')!.score).toBeGreaterThan(byId.get('text-unrelated')!.score);
    expect(byId.get('vector-missing')!.reason).toBe('missing-embedding');
    expect(byId.get('vector-mismatch')!.reason).toBe('dimension-mismatch');
    expect((byId.get('vector-far')!.details as { scoring: string }).scoring).toBe('rescaled');
  });
});
