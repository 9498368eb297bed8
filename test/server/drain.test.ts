/**
 * SIGTERM / SIGINT on a real `rewards serve` process: /readyz turns 503 and new work gets 503
 * while in-flight samples finish; the in-flight request gets its verdict and the process exits 0.
 */
import { describe, expect, it } from 'vitest';
import { startServe, stopServe } from '../../bench/serve-process.js';

// A JavaScript solution that keeps its sample busy for about a second (run in the code sandbox).
const busy = '```javascript\nconst t = Date.now(); while (Date.now() - t < 1200) {} console.log(1);\n```';
const item = { response: busy, reference: { language: 'javascript', tests: [{ input: '', output: '1' }] }, options: { timeLimitMs: 10_000 }, verifier: 'code' };

describe.each(['SIGTERM', 'SIGINT'] as const)('%s drains', (signal) => {
  it('finishes in-flight samples, answers 503 meanwhile, exits 0', { timeout: 120_000 }, async () => {
    const port = 19_100 + (signal === 'SIGTERM' ? 0 : 1) + (process.pid % 50) * 2;
    const p = await startServe(port, ['--log-level', 'warn']);
    const inflight = fetch(`${p.url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [item] }) });
    // wait until the sample is admitted
    for (let i = 0; i < 200; i++) {
      const m = await (await fetch(`${p.url}/metrics`)).text();
      if (/rewards_inflight_items 1/.test(m)) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const exit = stopServe(p, signal);
    await new Promise((r) => setTimeout(r, 150));
    const ready = await fetch(`${p.url}/readyz`).then((r) => r.status, () => 'refused');
    const fresh = await fetch(`${p.url}/v1/reward`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: '', response: '1', label: { verifier: 'math', reference: '1' } }) }).then(
      (r) => r.status,
      () => 'refused',
    );
    const r = await inflight;
    expect(r.status).toBe(200);
    const { verdicts } = (await r.json()) as { verdicts: Record<string, unknown>[] };
    expect(verdicts[0]).toMatchObject({ pass: true, outcome: 'pass' });
    expect(await exit).toBe(0);
    expect(ready).toBe(503);
    expect(fresh).toBe(503);
  });
});
