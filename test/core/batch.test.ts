import { afterAll, describe, expect, it } from 'vitest';
import { closePool, createPool, registerVerifier, verifyBatch } from '../../src/index.js';

registerVerifier('misbehaving', new URL('../fixtures/misbehaving-verifier.ts', import.meta.url));

afterAll(() => closePool());

const reasons = (vs: { reason?: string }[]): string[] => vs.map((v) => v.reason ?? 'pass');

describe('verifyBatch on the worker pool', () => {
  it('gives every sample a verdict while others hang, spin, backtrack, throw or are malformed', async () => {
    const samples = [
      { response: 'ok', reference: 'ok' },
      { response: 'spin', reference: 'ok' },
      { response: 'regex', reference: 'ok' },
      { response: 'never', reference: 'ok' },
      { response: 'throw', reference: 'ok' },
      { response: 'ok', reference: 'bad-shape' },
      { response: undefined, reference: 'ok' },
      { response: 42, reference: 'ok' },
      { response: 'nan', reference: 'ok' },
      { response: 'big', reference: 'ok' },
      { response: 'x'.repeat(10 * 1024 * 1024), reference: 'ok' },
      { response: '\ud800 lone surrogate', reference: 'ok' },
      { response: 'ok', reference: 'ok' },
    ];
    const v = await verifyBatch('misbehaving', samples, { timeoutMs: 400, threads: 2 });
    expect(reasons(v)).toEqual([
      'pass', 'timeout', 'timeout', 'timeout', 'verifier-error', 'invalid-input', 'invalid-input',
      'invalid-input', 'pass', 'pass', 'pass', 'pass', 'pass',
    ]);
    expect(v[5]!.error).toContain('reference must be "ok"');
    expect(v[6]!.error).toBe('response must be a string, got undefined');
    expect(v[8]!.score).toBe(0); // NaN clamps to 0
    expect(v[9]!.score).toBe(1); // 7 clamps to 1
    expect(v.every((x) => x.score >= 0 && x.score <= 1)).toBe(true);
  }, 120_000);

  it('fails a sample that exhausts the worker heap with memory-limit, and the rest still pass', async () => {
    const pool = createPool({ threads: 1, maxMemoryMb: 64 });
    try {
      const v = await verifyBatch(
        'misbehaving',
        [{ response: 'ok', reference: 'ok' }, { response: 'allocate', reference: 'ok' }, { response: 'ok', reference: 'ok' }],
        { timeoutMs: 20_000, pool },
      );
      expect(reasons(v)).toEqual(['pass', 'memory-limit', 'pass']);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('starts a sample\'s clock when its worker starts it, not when it was queued', async () => {
    const pool = createPool({ threads: 1 });
    try {
      // 12 samples of 100 ms each on one thread take 1.2 s in all; each is within its own 250 ms.
      const samples = Array.from({ length: 12 }, () => ({ response: 'busy:100', reference: 'ok' }));
      samples.splice(6, 0, { response: 'spin', reference: 'ok' });
      const v = await verifyBatch('misbehaving', samples, { timeoutMs: 250, pool });
      expect(reasons(v)).toEqual([...Array(6).fill('pass'), 'timeout', ...Array(6).fill('pass')]);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('runs in the calling thread with threads: 0 and still times out async hangs', async () => {
    const v = await verifyBatch('misbehaving', [{ response: 'never', reference: 'ok' }, { response: 'ok', reference: 'ok' }], {
      timeoutMs: 100,
      threads: 0,
    });
    expect(reasons(v)).toEqual(['timeout', 'pass']);
  });

  it('reports progress once per sample and rejects only a malformed call', async () => {
    const seen: number[] = [];
    await verifyBatch('misbehaving', [{ response: 'a', reference: 'a' }, { response: 'b', reference: 'a' }], {
      onProgress: (done) => seen.push(done),
    });
    expect(seen).toEqual([1, 2]);
    await expect(verifyBatch('no-such-verifier', [])).rejects.toThrow(/unknown verifier "no-such-verifier"/);
    await expect(verifyBatch('misbehaving', 'nope' as never)).rejects.toThrow(/samples must be an array/);
  });

  it('gives a sample that is not an object, or has non-object options, its own error', async () => {
    const v = await verifyBatch('misbehaving', [null as never, { response: 'a', reference: 'a', options: 3 as never }]);
    expect(reasons(v)).toEqual(['invalid-input', 'invalid-input']);
  });
});
