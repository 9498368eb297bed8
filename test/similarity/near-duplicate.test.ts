import { afterAll, describe, expect, it } from 'vitest';
import { nearDuplicateFilter } from '../../src/filters/near-duplicate.js';
import { disposeSimilarity } from '../../src/index.js';
import type { DatasetRecord } from '../../src/core/records.js';
import type { FilterResult } from '../../src/filters/filter.js';
import { rng } from './helpers.js';

afterAll(async () => {
  await nearDuplicateFilter.dispose?.();
  await disposeSimilarity();
});

/** Run the filter over records in windows of `size`, as `rewards filter` does. */
async function runWindows(records: DatasetRecord[], size: number, options: Record<string, unknown>): Promise<FilterResult[]> {
  const check = nearDuplicateFilter.create(options);
  const out: FilterResult[] = [];
  for (let i = 0; i < records.length; i += size) out.push(...(await check(records.slice(i, i + size))));
  return out;
}

const unit = (angle: number): number[] => [Math.cos(angle), Math.sin(angle)];

describe('near-duplicate filter', () => {
  it('is opt-in: enabled only when dedup is a number', () => {
    expect(nearDuplicateFilter.enabled?.({})).toBe(false);
    expect(nearDuplicateFilter.enabled?.({ dedup: 0.95 })).toBe(true);
    expect(nearDuplicateFilter.kinds).toBe('all');
    expect(() => nearDuplicateFilter.create({ dedup: 2 })).toThrow(/\[-1, 1\]/);
  });

  it('drops a record at or above the threshold with its nearest earlier kept record, across windows', async () => {
    // Angles: 0 and 0.1 rad are 0.995 similar; 1.0 rad is far from both.
    const records = [
      { id: 'a', question: 'q', embedding: unit(0) },
      { id: 'b', question: 'q', embedding: unit(1.0) },
      { id: 'c', question: 'q', embedding: unit(0.1) },
      { question: 'q', embedding: unit(1.02) },
      { id: 7, question: 'q', embedding: unit(0.05) },
    ];
    for (const size of [1, 2, 5]) {
      const r = await runWindows(records, size, { dedup: 0.99 });
      expect(r.map((x) => x.keep)).toEqual([true, true, false, false, false]);
      expect(r[2]!.reason).toBe(`cosine ${Math.cos(0.1).toFixed(4)} with earlier id "a"`);
      expect(r[3]!.reason).toMatch(/with earlier id "b"$/);
      expect(r[4]!.reason).toMatch(/cosine 0\.9988 with earlier id "a"$/); // nearest kept, not the dropped "c"
    }
  });

  it('compares only with kept records, so a chain of small steps keeps every other link', async () => {
    const step = Math.acos(0.995);
    const records = Array.from({ length: 6 }, (_, i) => ({ question: 'q', embedding: unit(i * step) }));
    const r = await runWindows(records, 4, { dedup: 0.99 });
    expect(r.map((x) => x.keep)).toEqual([true, false, true, false, true, false]);
    expect(r[1]!.reason).toMatch(/with earlier line 1$/);
    expect(r[3]!.reason).toMatch(/with earlier line 3$/);
    expect((await runWindows([{ question: 'q', _line: 40, embedding: [1, 0] }, { question: 'q', embedding: [1, 0] }], 2, { dedup: 0.9 }))[1]!.reason)
      .toMatch(/with earlier line 40$/);
  });

  it('keeps records it cannot judge, drops malformed embeddings, and never mixes embedding spaces', async () => {
    const r = await runWindows([
      { id: 1, embedding: [1, 0, 0] },
      { id: 2, embedding: [1, 0] },
      { id: 3, embedding: [1, Number.NaN] },
      { id: 4 },
      { id: 5, embedding: [2, 0, 0] },
    ], 10, { dedup: 0.9 });
    expect(r.map((x) => x.keep)).toEqual([true, true, false, true, false]);
    expect(r[2]!.reason).toBe('invalid-embedding: embedding element 1 is NaN, not a finite number');
    expect(r[4]!.reason).toMatch(/with earlier id 1$/);
  });

  it('embeds question texts with the bundled encoder and drops paraphrased questions', async () => {
    const r = await runWindows([
      { id: 'q1', question: 'What is the capital of France?' },
      { id: 'q2', question: 'How many legs does a spider have?' },
      { id: 'q3', problem: 'What is the capital city of France?' },
      { id: 'q4', question: 'What is the capital of France?' },
      { id: 'q5', prompt: 'Write a haiku about autumn leaves.' },
    ], 2, { dedup: 0.9 });
    expect(r.map((x) => x.keep)).toEqual([true, true, false, false, true]);
    expect(r[3]!.reason).toBe('cosine 1.0000 with earlier id "q1"');
  });

  it('keeps no two records at or above the threshold and drops each record only for a kept one (property)', async () => {
    const next = rng(99);
    for (let trial = 0; trial < 5; trial++) {
      const records = Array.from({ length: 60 }, (_, i) => ({ id: i, question: 'q', embedding: Array.from({ length: 4 }, () => Math.round(next() * 4)) }));
      const r = await runWindows(records, 7, { dedup: 0.9 });
      const kept = records.filter((_, i) => r[i]!.keep);
      const c = (a: number[], b: number[]) => {
        const d = a.reduce((s, x, k) => s + x * b[k]!, 0);
        const n = Math.hypot(...a) * Math.hypot(...b);
        return n === 0 ? 0 : d / n;
      };
      for (let i = 0; i < kept.length; i++) for (let j = 0; j < i; j++) expect(c(kept[i]!.embedding, kept[j]!.embedding)).toBeLessThan(0.9 + 1e-6);
      r.forEach((x, i) => {
        if (x.keep) return;
        const id = Number(/id (\d+)$/.exec(x.reason!)![1]);
        expect(id).toBeLessThan(i);
        expect(r[id]!.keep).toBe(true);
      });
    }
  });
});
