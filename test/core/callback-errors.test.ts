/**
 * A caller's `onVerdict` that throws (its output failed: disk full) makes the batch reject with
 * that error; it never escapes as an uncaught exception from the pool's message handler.
 */
import { describe, expect, it } from 'vitest';
import { createPool, registerVerifier, verifyBatch } from '../../src/index.js';

registerVerifier('misbehaving', new URL('../fixtures/misbehaving-verifier.ts', import.meta.url));

describe('callback errors', () => {
  it('onVerdict throwing rejects the batch with its error', async () => {
    const pool = createPool({ threads: 1 });
    try {
      const samples = Array.from({ length: 20 }, () => ({ response: 'ok', reference: 'ok' }));
      await expect(
        verifyBatch('misbehaving', samples, {
          pool,
          onVerdict: () => {
            throw new Error('cannot write out.jsonl: ENOSPC');
          },
        }),
      ).rejects.toThrow('ENOSPC');
      // The pool still serves the next batch.
      const v = await verifyBatch('misbehaving', samples, { pool });
      expect(v.every((x) => x.pass)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
