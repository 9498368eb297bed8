/**
 * Batch verifiers (similarity) run in a thread of their own when given one: the caller's event
 * loop stays free, and a sample that hangs or kills the thread costs only itself its verdict.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createBatchThread, SLICE } from '../../src/core/batch-thread.js';
import { isSetupError } from '../../src/core/setup-error.js';

const module = new URL('../fixtures/batch-misbehaving-verifier.ts', import.meta.url).href;
const thread = createBatchThread({ memoryMb: 64, loadGraceMs: 10_000 });
afterAll(() => thread.close());

const honest = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ response: `r${from + i}`, reference: (from + i) % 3 === 0 ? `r${from + i}` : 'other' }));
const expected = (s: { response: string; reference: string }[]) => s.map((x) => x.response === x.reference);

describe('batch thread', () => {
  it('scores a batch of several slices in order', async () => {
    const samples = honest(2 * SLICE + 5);
    const v = await thread.verifyMany(module, samples, {}, 5_000);
    expect(v.map((x) => x.pass)).toEqual(expected(samples));
  });

  it('a hanging sample gets timeout; the others of its slice keep their verdicts', async () => {
    const before = honest(3);
    const after = honest(4, 3);
    const v = await thread.verifyMany(module, [...before, { response: 'spin', reference: 'x' }, ...after], {}, 500);
    expect(v).toHaveLength(8);
    expect(v[3]).toMatchObject({ score: 0, reason: 'timeout' });
    expect(v.filter((_, k) => k !== 3).map((x) => x.pass)).toEqual([...expected(before), ...expected(after)]);
    // and the thread serves the next call
    expect((await thread.verifyMany(module, honest(2), {}, 5_000)).map((x) => x.pass)).toEqual([true, false]);
  });

  it('a sample that runs the thread out of heap gets memory-limit; the others keep their verdicts', async () => {
    const v = await thread.verifyMany(module, [...honest(2), { response: 'allocate', reference: 'x' }, ...honest(2, 2)], {}, 30_000);
    expect(v[2]).toMatchObject({ score: 0, reason: 'memory-limit' });
    expect(v.filter((_, k) => k !== 2).map((x) => x.pass)).toEqual([true, false, false, true]);
  });

  it('a set-up error rejects the call (never zeros)', async () => {
    const err = await thread.verifyMany(module, [{ response: 'setup', reference: 'x' }], {}, 5_000).catch((e: unknown) => e);
    expect(isSetupError(err)).toBe(true);
    expect((err as Error).message).toContain('/nope');
  });
});
