/**
 * Blame falls only on the sample that was running: a timeout, a crash or an oversized sample
 * never changes another sample's verdict, wherever the bad samples sit (chunk edges, adjacent,
 * all together), and chunks are cut by size as well as count.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPool, registerVerifier, verifyBatch, type Verdict } from '../../src/index.js';

registerVerifier('misbehaving', new URL('../fixtures/misbehaving-verifier.ts', import.meta.url));

const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const p of pools) await p.close();
});

const honest = (k: number): { response: string; reference: string } => ({ response: `r${k % 7}`, reference: `r${k % 3}` });
const strip = (v: Verdict): unknown => ({ score: v.score, pass: v.pass, reason: v.reason, extracted: v.extracted });

/** Insert `bad` samples at `positions` among `n` honest ones; return the verdicts of the honest ones and of the bad ones. */
async function mixed(n: number, positions: number[], bad: { response: string; reference: string }, opts: Record<string, unknown>) {
  const samples: { response: string; reference: string }[] = [];
  const isBad: boolean[] = [];
  let h = 0;
  for (let i = 0; i < n + positions.length; i++) {
    const b = positions.includes(i);
    samples.push(b ? bad : honest(h++));
    isBad.push(b);
  }
  const v = await verifyBatch('misbehaving', samples, opts);
  return { honest: v.filter((_, i) => !isBad[i]), bad: v.filter((_, i) => isBad[i]) };
}

describe('pool blame', () => {
  it('a timeout costs only its own sample: honest verdicts equal those of the honest samples alone', async () => {
    const pool = createPool({ threads: 1, maxChunk: 64 });
    pools.push(pool);
    const n = 400;
    const alone = await verifyBatch('misbehaving', Array.from({ length: n }, (_, k) => honest(k)), { pool });
    // First of the batch, a chunk edge, three adjacent (the old code failed the rest of a chunk
    // after three timeouts in it), and the last.
    const positions = [0, 63, 64, 200, 201, 202, n + 5];
    const r = await mixed(n, positions, { response: 'spin', reference: 'ok' }, { pool, timeoutMs: 150 });
    expect(r.honest.map(strip)).toEqual(alone.map(strip));
    expect(r.bad.map((v) => v.reason)).toEqual(positions.map(() => 'timeout'));
  }, 180_000);

  it('samples that crash the worker (out of heap) are blamed alone, adjacent or not', async () => {
    const pool = createPool({ threads: 2, maxMemoryMb: 64, maxChunk: 32 });
    pools.push(pool);
    const n = 100;
    const alone = await verifyBatch('misbehaving', Array.from({ length: n }, (_, k) => honest(k)), { pool });
    const positions = [10, 11, 12, 31, 32];
    const r = await mixed(n, positions, { response: 'allocate', reference: 'ok' }, { pool, timeoutMs: 30_000 });
    expect(r.honest.map(strip)).toEqual(alone.map(strip));
    expect(r.bad.map((v) => v.reason)).toEqual(positions.map(() => 'memory-limit'));
  }, 180_000);

  it('chunks by bytes: many large samples in a row all run; one too large for a worker is invalid-input on its own', async () => {
    const pool = createPool({ threads: 1, maxMemoryMb: 128 });
    pools.push(pool);
    const big = 'x'.repeat(10 * 2 ** 20);
    const huge = 'y'.repeat(20 * 2 ** 20); // ~40 MB as UTF-16, over a quarter of a 128 MB heap
    const samples = [
      ...Array.from({ length: 12 }, () => ({ response: big, reference: 'ok' })),
      { response: huge, reference: 'ok' },
      { response: 'ok', reference: 'ok' },
    ];
    const v = await verifyBatch('misbehaving', samples, { pool, timeoutMs: 30_000 });
    // Judged (a wrong answer, no error reason), not lost to an out-of-heap chunk.
    expect(v.slice(0, 12).map((x) => x.reason ?? 'judged')).toEqual(Array(12).fill('judged'));
    expect(v[12]!.reason).toBe('invalid-input');
    expect(v[12]!.error).toMatch(/exceeds .* a worker accepts/);
    expect(v[13]!.pass).toBe(true);
  }, 180_000);

  it('a sample that cannot be sent to a worker fails alone; its chunk-mates pass', async () => {
    const pool = createPool({ threads: 1 });
    pools.push(pool);
    const samples = Array.from({ length: 20 }, () => ({ response: 'ok', reference: 'ok' }) as Record<string, unknown>);
    samples[7] = { response: 'ok', reference: 'ok', options: { fn: () => 1 } };
    const v = await verifyBatch('misbehaving', samples as never, { pool });
    expect(v.map((x) => x.reason ?? 'pass')).toEqual(samples.map((_, i) => (i === 7 ? 'invalid-input' : 'pass')));
  }, 120_000);
});
