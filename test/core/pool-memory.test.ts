/**
 * A finished sample costs the pool no memory: once its verdict is out, nothing of the pool still
 * holds it (the queue kept up to 4,096 taken jobs, and with them 40 GB of finished 10 MB samples).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool, registerVerifier, verifyBatch } from '../../src/index.js';

registerVerifier('misbehaving', new URL('../fixtures/misbehaving-verifier.ts', import.meta.url));
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const pool = createPool({ threads: 1 });
afterAll(() => pool.close());

/** Score one batch of 5 samples whose references are watched through `refs`; returns how many verdicts came back. */
async function batch(refs: WeakRef<object>[]): Promise<number> {
  const samples = Array.from({ length: 5 }, (_, k) => {
    const reference = { gold: `r${k}`, pad: 'x'.repeat(1000) };
    refs.push(new WeakRef(reference));
    return { response: `r${k}`, reference };
  });
  return (await verifyBatch('misbehaving', samples, { pool })).length;
}

describe('pool memory', () => {
  it('holds no sample of a finished batch', async () => {
    const refs: WeakRef<object>[] = [];
    let verdicts = 0;
    for (let b = 0; b < 20; b++) verdicts += await batch(refs);
    expect(verdicts).toBe(100);
    let alive = refs.length;
    for (let i = 0; i < 5 && alive > 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      gc();
      alive = refs.filter((r) => r.deref() !== undefined).length;
    }
    expect(alive).toBe(0);
  });
});
