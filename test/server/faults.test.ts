/**
 * What a service operator expects: 400 / 422 / 413 for bad requests, 429 + Retry-After beyond
 * --max-inflight, bearer auth (health and ready open), a bad sample never failing its request,
 * the same request giving the same rewards, and the Prometheus metrics the issue names.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerVerifier } from '../../src/core/registry.js';
import { loadPreset } from '../../src/presets/preset.js';
import type { RewardServer } from '../../src/server/app.js';
import { testServer } from './helpers.js';

registerVerifier('slow', fileURLToPath(new URL('./fixtures/slow-verifier.ts', import.meta.url)), 30_000);

describe('request errors', () => {
  let s: RewardServer;
  beforeAll(async () => {
    s = await testServer({ verifier: 'math', bodyLimit: 4096 });
  });
  afterAll(() => s.app.close());

  it('400 for a body that is not JSON, 422 for a body that is not an object, 413 over --body-limit', async () => {
    const bad = await s.app.inject({ method: 'POST', url: '/v1/score', payload: '{"items": [', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/JSON/);
    const arr = await s.app.inject({ method: 'POST', url: '/get_reward', payload: [1, 2] });
    expect(arr.statusCode).toBe(422);
    const big = await s.app.inject({ method: 'POST', url: '/v1/score', payload: { items: [{ response: 'x'.repeat(5000), reference: '1' }] } });
    expect(big.statusCode).toBe(413);
    const items = await s.app.inject({ method: 'POST', url: '/v1/score', payload: { items: 'nope' } });
    expect(items.statusCode).toBe(422);
    expect(items.json().error).toContain('"items"');
    const metrics = (await s.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/rewards_rejected_total\{reason="too-large"\} 1/);
    expect(metrics).toMatch(/rewards_rejected_total\{reason="malformed"\} 1/);
  });

  it('400 for a prototype-poisoned body at any depth (escaped keys too) or an empty one; a byte-order mark is no error', async () => {
    const post = (payload: string) => s.app.inject({ method: 'POST', url: '/v1/score', payload, headers: { 'content-type': 'application/json' } });
    for (const body of [
      '{"items": [], "__proto__": {"polluted": 1}}',
      '{"items": [{"response": "1", "reference": "1", "options": {"\\u005f_proto__": {"x": 1}}}]}',
      '{"items": [{"response": "1", "reference": "1", "constructor": {"prototype": {"x": 1}}}]}',
    ]) {
      const r = await post(body);
      expect(r.statusCode, body).toBe(400);
      expect(r.json().error, body).toMatch(/prototype/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const empty = await post('');
    expect(empty.statusCode).toBe(400);
    // The words inside a response are data, not keys: they never make a request fail.
    const words = await post('{"items": [{"response": "\\"__proto__\\": and \\"constructor\\": {\\"prototype\\"} \\\\boxed{2}", "reference": "2"}]}');
    expect(words.statusCode).toBe(200);
    expect(words.json().verdicts[0].pass).toBe(true);
    const bom = await post('\ufeff{"items": [{"response": "\\\\boxed{2}", "reference": "2"}]}');
    expect(bom.statusCode).toBe(200);
    expect(bom.json().verdicts[0].pass).toBe(true);
  });
});

describe('back-pressure', () => {
  it('answers 429 with Retry-After beyond --max-inflight, and admits again once samples finish', async () => {
    const s = await testServer({ maxInflight: 2 });
    try {
      const slow = s.app.inject({ method: 'POST', url: '/v1/score', payload: { items: [{ response: 'a', reference: 1500, verifier: 'slow' }, { response: 'b', reference: 1500, verifier: 'slow' }] } });
      await new Promise((r) => setTimeout(r, 300));
      const refused = await s.app.inject({ method: 'POST', url: '/v1/reward', payload: { prompt: '', response: 'x', label: { verifier: 'slow', reference: 1 } } });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('1');
      const inflight = (await s.app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(inflight).toMatch(/rewards_inflight_items 2/);
      expect(inflight).toMatch(/rewards_rejected_total\{reason="overloaded"\} 1/);
      expect((await slow).statusCode).toBe(200);
      const again = await s.app.inject({ method: 'POST', url: '/v1/reward', payload: { prompt: '', response: 'x', label: { verifier: 'slow', reference: 1 } } });
      expect(again.json()).toMatchObject({ reward: 1 });
    } finally {
      await s.app.close();
    }
  });

  it('a sample that times out costs the others in its request nothing', async () => {
    const s = await testServer({ timeoutMs: 500 });
    try {
      const r = await s.app.inject({
        method: 'POST',
        url: '/v1/score',
        payload: { items: [{ response: 'a', reference: 5000, verifier: 'slow' }, { response: '\\boxed{2}', reference: '2', verifier: 'math' }] },
      });
      const [late, ok] = r.json().verdicts;
      expect(late).toMatchObject({ score: 0, reason: 'timeout', outcome: 'fail' });
      expect(ok).toMatchObject({ score: 1, outcome: 'pass' });
    } finally {
      await s.app.close();
    }
  });

  it('similarity embeds off the event loop: /healthz and a math request are answered while a big similarity batch runs', async () => {
    // Embedding 8 responses of 100,000 characters takes seconds; in the calling thread it held
    // the event loop, health checks included, for all of it.
    const s = await testServer({ verifier: 'math' });
    try {
      const words = 'the cell stores energy as ATP made by respiration in mitochondria'.split(' ');
      const big = Array.from({ length: 15_000 }, (_, i) => words[i % words.length]).join(' ').slice(0, 100_000);
      const order: string[] = [];
      const sim = s.app
        .inject({ method: 'POST', url: '/v1/score', payload: { verifier: 'similarity', items: Array.from({ length: 8 }, (_, i) => ({ response: `${big} ${i}`, reference: 'Mitochondria make ATP.' })) } })
        .then((r) => {
          order.push('similarity');
          return r;
        });
      await new Promise((r) => setTimeout(r, 50));
      const health = await s.app.inject({ method: 'GET', url: '/healthz' });
      order.push('healthz');
      const math = await s.app.inject({ method: 'POST', url: '/v1/score', payload: { items: [{ response: '\\boxed{2}', reference: '2' }] } });
      order.push('math');
      expect(health.statusCode).toBe(200);
      expect(math.json().verdicts[0]).toMatchObject({ pass: true });
      const r = await sim;
      expect(order).toEqual(['healthz', 'math', 'similarity']);
      const verdicts = r.json().verdicts as { score: number; reason?: string }[];
      expect(verdicts).toHaveLength(8);
      for (const v of verdicts) {
        expect(v.score).toBeGreaterThanOrEqual(0);
        expect(v.reason).not.toBe('verifier-error');
      }
      // and the thread serves the next requests (a module's own listener once answered the second)
      for (let k = 0; k < 2; k++) {
        const again = await s.app.inject({ method: 'POST', url: '/v1/score', payload: { verifier: 'similarity', items: [{ response: 'Paris is the capital of France.', reference: 'The capital of France is Paris.' }] } });
        expect(again.statusCode).toBe(200);
        expect(again.json().verdicts[0]).toMatchObject({ pass: true });
      }
    } finally {
      await s.app.close();
    }
  }, 120_000);
});

describe('auth', () => {
  it('requires the bearer token everywhere but /healthz and /readyz', async () => {
    const s = await testServer({ verifier: 'math', token: 's3cret-token' });
    try {
      const body = { prompt: '', response: '\\boxed{1}', label: '1' };
      expect((await s.app.inject({ method: 'POST', url: '/v1/reward', payload: body })).statusCode).toBe(401);
      expect((await s.app.inject({ method: 'POST', url: '/v1/reward', payload: body, headers: { authorization: 'Bearer s3cret-tokem' } })).statusCode).toBe(401);
      expect((await s.app.inject({ method: 'POST', url: '/v1/reward', payload: body, headers: { authorization: 'Bearer s3cret-token-longer' } })).statusCode).toBe(401);
      expect((await s.app.inject({ method: 'POST', url: '/v1/reward', payload: body, headers: { authorization: 's3cret-token' } })).statusCode).toBe(401);
      const ok = await s.app.inject({ method: 'POST', url: '/v1/reward', payload: body, headers: { authorization: 'Bearer s3cret-token' } });
      expect(ok.json()).toMatchObject({ reward: 1 });
      expect((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expect((await s.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      expect((await s.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    } finally {
      await s.app.close();
    }
  });
});

describe('determinism and metrics', () => {
  it('the same mixed request gives the same rewards 10 times', async () => {
    const s = await testServer({ preset: loadPreset('mixed') });
    try {
      const labels: unknown[] = [];
      const query: string[] = [];
      for (let i = 0; i < 40; i++) {
        if (i % 3 === 0) {
          query.push(`The answer is \\boxed{${i % 7}}<|im_end|>`);
          labels.push({ data_source: 'openai/gsm8k', reference: String(i % 5) });
        } else if (i % 3 === 1) {
          query.push(`I pick (${'ABCD'[i % 4]})`);
          labels.push({ data_source: 'mcq', reference: 'ABCD'[i % 3] });
        } else {
          query.push(i % 2 ? 'all lowercase words here in english for the grader to read' : 'Has, Commas');
          labels.push({ data_source: 'ifeval', reference: { prompt: 'p', instruction_id_list: ['punctuation:no_comma'], kwargs: [{}] } });
        }
      }
      const bodies: string[] = [];
      for (let k = 0; k < 10; k++) {
        const r = await s.app.inject({ method: 'POST', url: '/get_reward', payload: { query, prompts: query.map(() => ''), labels } });
        expect(r.statusCode).toBe(200);
        bodies.push(r.body);
      }
      expect(new Set(bodies).size).toBe(1);
      const rewards = JSON.parse(bodies[0]!).rewards as number[];
      expect(rewards.some((x) => x === 1) && rewards.some((x) => x === 0)).toBe(true);
      const metrics = (await s.app.inject({ method: 'GET', url: '/metrics' })).body;
      for (const name of ['rewards_items_total', 'rewards_verify_duration_seconds_bucket', 'rewards_inflight_items', 'rewards_build_info', 'process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds']) {
        expect(metrics).toContain(name);
      }
      expect(metrics).toMatch(/rewards_verify_duration_seconds_bucket\{le="120",verifier="math"\}/);
      expect(metrics).toMatch(/rewards_items_total\{verifier="mcq",outcome="pass"\} \d+/);
    } finally {
      await s.app.close();
    }
  });
});

describe('rewards serve command', () => {
  it('is registered with its flags', async () => {
    const { buildProgram } = await import('../../src/cli/index.js');
    const serve = buildProgram().commands.find((c) => c.name() === 'serve');
    expect(serve).toBeDefined();
    const flags = serve!.options.map((o) => o.long);
    expect(flags).toEqual(expect.arrayContaining(['--host', '--port', '--verifier', '--preset', '--token', '--max-inflight', '--body-limit']));
    expect(serve!.options.find((o) => o.long === '--host')!.defaultValue).toBe('127.0.0.1');
  });
});
