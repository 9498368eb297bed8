/**
 * Set-up mistakes fail loudly (the call rejects with a message naming the module), never as
 * zero rewards; loading a dependency is never charged to a sample's time.
 */
import { describe, expect, it, afterAll } from 'vitest';
import { createPool, registerVerifier, verifyBatch, SetupError } from '../../src/index.js';

const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const p of pools) await p.close();
});

describe('set-up errors', () => {
  it('registering a module file that does not exist throws at once', () => {
    expect(() => registerVerifier('nowhere', '/no/such/dir/verifier.js')).toThrow(SetupError);
    expect(() => registerVerifier('nowhere', '/no/such/dir/verifier.js')).toThrow(/does not exist/);
  });

  it('a module that throws on import makes the batch reject, on the pool and in this thread', async () => {
    registerVerifier('broken', new URL('../fixtures/broken-verifier.ts', import.meta.url));
    const pool = createPool({ threads: 1 });
    pools.push(pool);
    const samples = Array.from({ length: 5 }, () => ({ response: 'a', reference: 'a' }));
    await expect(verifyBatch('broken', samples, { pool })).rejects.toThrow(/cannot load verifier module .*broken-verifier.*broken on purpose/);
    await expect(verifyBatch('broken', samples, { threads: 0 })).rejects.toThrow(SetupError);
  }, 30_000);

  it('a module without a verifier export rejects with a message saying so', async () => {
    registerVerifier('no-export', new URL('../fixtures/no-export-verifier.ts', import.meta.url));
    const pool = createPool({ threads: 1 });
    pools.push(pool);
    await expect(verifyBatch('no-export', [{ response: 'a', reference: 'a' }], { pool })).rejects.toThrow(/does not export a verifier/);
  }, 30_000);

  it('a dependency loaded inside untimed() is not charged to the sample; the same load outside is', async () => {
    registerVerifier('untimed-fixture', new URL('../fixtures/untimed-verifier.ts', import.meta.url));
    const a = createPool({ threads: 1 });
    const b = createPool({ threads: 1 });
    pools.push(a, b);
    // The load takes 4x the sample's limit.
    const [untimedV] = await verifyBatch('untimed-fixture', [{ response: 'untimed:800', reference: '' }], { pool: a, timeoutMs: 200 });
    const [timedV] = await verifyBatch('untimed-fixture', [{ response: 'timed:800', reference: '' }], { pool: b, timeoutMs: 200 });
    expect(untimedV!.pass).toBe(true);
    expect(timedV!.reason).toBe('timeout');
  }, 30_000);
});
