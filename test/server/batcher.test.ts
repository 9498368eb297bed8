/**
 * The server's micro-batcher: requests submitted in one event-loop turn share one batch call, yet
 * each gets exactly its own verdicts, in order, as soon as its own samples are done (a slow sample
 * of another request in the same turn does not hold it back), and a set-up error reaches every
 * request of the batch.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pool, PoolJob } from '../../src/core/pool.js';
import type { Verdict } from '../../src/core/verdict.js';
import { createBatcher } from '../../src/server/batcher.js';

/** A pool that answers each sample with a verdict naming it, after `delay(response)` ms; counts samples run. */
function fakePool(delay: (response: unknown) => number = () => 0): Pool & { runs: PoolJob[] } {
  const runs: PoolJob[] = [];
  return {
    runs,
    size: 2,
    run(job) {
      runs.push(job);
      const v: Verdict = { score: 1, pass: true, extracted: String(job.response) };
      const ms = delay(job.response);
      return ms > 0 ? new Promise((r) => setTimeout(() => r(v), ms)) : Promise.resolve(v);
    },
    runBatch(batch, onVerdict) {
      // Like the real pool: every sample answered through onVerdict as soon as it is done.
      return Promise.all(
        batch.samples.map((s, i) =>
          this.run({ ...s, module: batch.module, timeoutMs: batch.timeoutMs }).then((v) => {
            onVerdict?.(i, v);
            return v;
          }),
        ),
      );
    },
    async close() {},
  };
}

describe('micro-batcher', () => {
  it('gives every request its own verdicts, in order, however the turn is shared', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 5 }), { minLength: 1, maxLength: 12 }), async (requests) => {
        const pool = fakePool();
        const submit = createBatcher({ pool });
        const answers = await Promise.all(requests.map((rs) => submit('math', rs.map((response) => ({ response, reference: '1' })))));
        answers.forEach((verdicts, i) => expect(verdicts.map((v) => v.extracted)).toEqual(requests[i]));
        expect(pool.runs.length).toBe(requests.flat().length);
      }),
      { numRuns: 50 },
    );
  });

  it('a slow sample of one request does not hold back another request of the same turn', async () => {
    const pool = fakePool((r) => (r === 'slow' ? 400 : 0));
    const submit = createBatcher({ pool });
    const order: string[] = [];
    const slow = submit('math', [{ response: 'slow', reference: '1' }, { response: 'a', reference: '1' }]).then(() => order.push('slow'));
    const fast = submit('math', [{ response: 'b', reference: '1' }]).then(() => order.push('fast'));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('a set-up error (unknown verifier) rejects every request of the batch', async () => {
    const submit = createBatcher({ pool: fakePool() });
    const a = submit('no-such-verifier', [{ response: 'x', reference: '1' }]);
    const b = submit('no-such-verifier', [{ response: 'y', reference: '1' }]);
    await expect(a).rejects.toThrow(/unknown verifier/);
    await expect(b).rejects.toThrow(/unknown verifier/);
  });

  it('an empty request resolves at once with no verdicts', async () => {
    expect(await createBatcher({ pool: fakePool() })('math', [])).toEqual([]);
  });
});
