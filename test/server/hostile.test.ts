/**
 * A hostile-client review of `rewards serve` crashed or hung the whole server with one request
 * (a compressed test list that inflates to 500 MB, `embedBatchSize: 0`, an NDJSON line with no
 * newline, a million-item body, an id nested 10,000 deep) and let clients raise the sandbox's
 * limits or name server directories as a model. Each case here failed before its fix; after each
 * hostile request, an honest one must still be answered.
 */
import { connect, type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RewardServer } from '../../src/server/app.js';
import { clientOptionsError, parseOptionCaps } from '../../src/server/client-options.js';
import { scoreNdjson } from '../../src/server/ndjson.js';
import { createAdmission } from '../../src/server/admission.js';
import { testServer, responsesObject } from './helpers.js';

const honest = { response: '\\boxed{2}', reference: '2' };

async function stillServes(s: RewardServer): Promise<void> {
  const r = await s.app.inject({ method: 'POST', url: '/v1/score', payload: { items: [honest] } });
  expect(r.statusCode).toBe(200);
  expect(r.json().verdicts[0]).toMatchObject({ pass: true });
}

describe('rewards serve under hostile requests', () => {
  let s: RewardServer;
  beforeAll(async () => {
    s = await testServer({ verifier: 'math', bodyLimit: 1 << 20, maxItems: 1000 });
  });
  afterAll(() => s.app.close());

  it('a packed test list that inflates past the cap is that sample\'s error (a zip bomb killed the server)', async () => {
    const bomb = deflateSync(Buffer.from('{"inputs":[' + '0,'.repeat(10_000_000) + '0],"outputs":[]}')).toString('base64');
    expect(bomb.length).toBeLessThan(1 << 20);
    const r = await s.app.inject({
      method: 'POST',
      url: '/code_gen/verify',
      payload: { responses_create_params: {}, response: responsesObject('```python\nprint(1)\n```'), verifier_metadata: { unit_tests: { packed: bomb } } },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ reward: 0, reward_outcome: 'error' });
    expect(r.json().failure_reason).toMatch(/inflates to more than 16777216 bytes/);
    await stillServes(s);
  });

  it('options naming server resources are refused; limits may be lowered, not raised', async () => {
    const items = [
      { verifier: 'similarity', response: 'a', reference: 'b', options: { embedBatchSize: 0 } },
      { verifier: 'similarity', response: 'a', reference: 'b', options: { embedder: 'onnx', modelDir: '/root/.ssh' } },
      { verifier: 'code', response: '```python\nprint(1)\n```', reference: { language: 'python', tests: [{ input: '', output: '1' }] }, options: { memoryLimitMb: 16_000 } },
      { verifier: 'code', response: '```python\nprint(1)\n```', reference: { language: 'python', tests: [{ input: '', output: '1' }] }, options: { timeLimitMs: 1e9 } },
      honest,
    ];
    const r = await s.app.inject({ method: 'POST', url: '/v1/score', payload: { items } });
    expect(r.statusCode).toBe(200);
    const v = r.json().verdicts as Record<string, unknown>[];
    expect(v.slice(0, 4).map((x) => x.outcome)).toEqual(['error', 'error', 'error', 'error']);
    expect(v[0]!.error).toMatch(/embedBatchSize is set by the server/);
    expect(v[1]!.error).toMatch(/options\.(embedder|modelDir) is set by the server/);
    expect(String(v[1]!.error)).not.toMatch(/ssh|does not exist/);
    expect(v[2]!.error).toMatch(/memoryLimitMb 16000 is over this server's cap of 1024/);
    expect(v[3]!.error).toMatch(/timeLimitMs .* is over this server's cap of 10000/);
    expect(v[4]).toMatchObject({ pass: true });
    // request-wide options too (422-free: each sample gets the error)
    const q = await s.app.inject({ method: 'POST', url: '/v1/score', payload: { options: { maxProcesses: 64 }, verifier: 'code', items: [items[2]] } });
    expect(q.json().verdicts[0].error).toMatch(/maxProcesses 64 is over/);
    expect(clientOptionsError('code', { timeLimitMs: 500, memoryLimitMb: 256, compare: 'tokens' })).toBeUndefined();
    expect(clientOptionsError('code', { timeLimitMs: 20_000 }, parseOptionCaps('{"timeLimitMs": 30000}'))).toBeUndefined();
    expect(() => parseOptionCaps('{"timeLimitMs": -1}')).toThrow(/positive number/);
  });

  it('more items than --max-items is a 413 before any is planned (a 10 MB body of 5M items ran the heap out)', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/v1/score', payload: { items: Array.from({ length: 1001 }, () => 1) } });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatch(/at most 1000 \(--max-items\)/);
    const q = await s.app.inject({ method: 'POST', url: '/get_reward', payload: { query: Array.from({ length: 1001 }, () => 'x'), labels: Array.from({ length: 1001 }, () => '1') } });
    expect(q.statusCode).toBe(413);
    await stillServes(s);
  });

  it('an id nested 10,000 deep is that item\'s error, not the request\'s (JSON.stringify overflowed)', async () => {
    const id = '['.repeat(10_000) + '1' + ']'.repeat(10_000);
    const body = `{"items":[{"id":${id},"response":"\\\\boxed{2}","reference":"2"},{"id":"ok","response":"\\\\boxed{2}","reference":"2"}]}`;
    const r = await s.app.inject({ method: 'POST', url: '/v1/score', payload: body, headers: { 'content-type': 'application/json' } });
    expect(r.statusCode).toBe(200);
    const v = r.json().verdicts as Record<string, unknown>[];
    expect(v[0]).toMatchObject({ outcome: 'error' });
    expect(v[0]!.error).toMatch(/"id" must be a string, a number or null/);
    expect(v[1]).toMatchObject({ id: 'ok', pass: true });
  });
});

describe('NDJSON streams', () => {
  const ctx = (draining = () => false) => ({
    header: { levels: [{ verifier: 'math' }], options: {}, caps: parseOptionCaps('{}') },
    admission: createAdmission(4096),
    // stands in for the pool: a planned sample passes, a refused one carries its error
    score: async (planned: unknown[]) =>
      planned.map((p) => {
        const error = (p as { error?: string }).error;
        return { verdict: error === undefined ? { score: 1, pass: true } : { score: 0, pass: false, reason: 'invalid-input', error }, score: 0, reward: 0, outcome: 'error' as const };
      }),
    maxLineBytes: 1000,
    draining,
  });
  const collect = async (chunks: (string | Buffer)[], c = ctx()): Promise<Record<string, unknown>[]> => {
    let out = '';
    for await (const s of scoreNdjson(Readable.from(chunks), c as never)) out += s;
    return out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  };

  it('a line over the cap (with or without a newline) is that line\'s error; the next line is read', async () => {
    const long = 'x'.repeat(600);
    const out = await collect([`{"response":"${long}`, `${long}"}\n`, '{"response":"a","reference":"1"}\n', `{"response":"${long}${long}`]);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ line: 1 });
    expect(out[0]!.error).toMatch(/line 1: line longer than 1000 bytes/);
    expect(out[1]!.pass).toBe(true);
    expect(out[2]!.error).toMatch(/line 3: line longer than 1000 bytes/);
  });

  it('a byte-order mark, CRLF and invalid UTF-8 are handled as rewards score handles them', async () => {
    const out = await collect([Buffer.from('\ufeff{"response":"a","reference":"1"}\r\n'), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), '{"response":"b","reference":"1"}']);
    expect(out.map((o) => o.pass)).toEqual([true, false, true]);
    expect(out[1]!.error).toMatch(/line 2: invalid UTF-8/);
  });

  it('an item whose id cannot be written does not cut the stream', async () => {
    const id = '['.repeat(10_000) + '1' + ']'.repeat(10_000);
    const c = ctx();
    c.maxLineBytes = 1 << 20;
    const out = await collect([`{"id":${id},"response":"a","reference":"1"}\n{"id":2,"response":"a","reference":"1"}\n`], c);
    expect(out).toHaveLength(2);
    expect(out[1]).toMatchObject({ id: 2, pass: true });
  });

  it('when the server drains, a stream stops after its window and names the line to resume from', async () => {
    const lines = Array.from({ length: 600 }, () => '{"response":"a","reference":"1"}\n');
    const out = await collect(lines, ctx(() => true));
    expect(out).toHaveLength(257);
    expect(out[256]).toMatchObject({ line: 257, draining: true });
  });
});

describe('request bodies', () => {
  it('a body that does not arrive within --request-timeout closes its connection', { timeout: 30_000 }, async () => {
    const s = await testServer({ verifier: 'math', requestTimeoutMs: 300 });
    await s.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (s.app.server.address() as AddressInfo).port;
    const closed = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1', () => {
        sock.write('POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"items":');
      });
      sock.on('close', () => resolve(true));
      sock.on('error', () => undefined);
      setTimeout(() => resolve(false), 20_000).unref();
    });
    expect(closed).toBe(true);
    await s.app.close();
  });
});

describe('code samples run on a pool of their own', () => {
  it('slow code samples do not hold up a math request', { timeout: 60_000 }, async () => {
    // Two solutions that keep their workers busy for ~2.5 s on a 2-thread pool held a math
    // request for their whole limit when all verifiers shared one pool.
    const s = await testServer({ verifier: 'math', codeThreads: 2 });
    const busy = '```javascript\nconst t = Date.now(); while (Date.now() - t < 2500) {} console.log(1);\n```';
    const item = { verifier: 'code', response: busy, reference: { language: 'javascript', tests: [{ input: '', output: '1' }] }, options: { timeLimitMs: 8000 } };
    const order: string[] = [];
    const code = s.app.inject({ method: 'POST', url: '/v1/score', payload: { items: [item, item, item, item] } }).then((r) => {
      order.push('code');
      return r;
    });
    await new Promise((r) => setTimeout(r, 300));
    const math = await s.app.inject({ method: 'POST', url: '/v1/score', payload: { items: [honest] } });
    order.push('math');
    expect(math.json().verdicts[0]).toMatchObject({ pass: true });
    expect((await code).json().verdicts.map((v: { pass: boolean }) => v.pass)).toEqual([true, true, true, true]);
    expect(order).toEqual(['math', 'code']);
    await s.app.close();
  });
});

describe('admission', () => {
  it('streams hold at most three quarters of --max-inflight, so single requests still get in', async () => {
    const a = createAdmission(512);
    await a.acquire(256);
    let third = false;
    void a.acquire(256).then(() => (third = true));
    await new Promise((r) => setImmediate(r));
    expect(third).toBe(false); // 512 would pass the streams' 384
    expect(a.tryAcquire(1)).toBe(true); // three streams once left JSON requests only 429s
    a.release(1);
    a.release(256, true);
    await new Promise((r) => setImmediate(r));
    expect(third).toBe(true);
    expect(a.inflight).toBe(256);
  });
});

describe('second hostile-client pass', () => {
  it('a preset that shapes rewards over a batch is refused, not served unshaped', async () => {
    const { loadPreset } = await import('../../src/presets/preset.js');
    expect(() => testServer({ preset: loadPreset('dapo-math') })).rejects.toThrow(/shapes or combines rewards/);
    const s = await testServer({ verifier: 'math' });
    const r = await s.app.inject({ method: 'POST', url: '/v1/score', payload: { preset: 'dapo-math', items: [honest] } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatch(/dapo-math/);
    await s.app.close();
  });

  it('small bodies get in while large ones hold the in-transit budget', { timeout: 30_000 }, async () => {
    const s = await testServer({ verifier: 'math', bodyLimit: 4 << 20 });
    await s.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (s.app.server.address() as AddressInfo).port;
    const holders = Array.from({ length: 5 }, () => {
      const sock = connect(port, '127.0.0.1', () => sock.write(`POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${4 << 20}\r\n\r\n{`));
      sock.on('error', () => undefined);
      return sock;
    });
    await new Promise((r) => setTimeout(r, 300));
    const r = await fetch(`http://127.0.0.1:${port}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [honest] }) });
    expect(r.status).toBe(200);
    for (const h of holders) h.destroy();
    await s.app.close();
  });

  it('a stream that sends nothing for idleMs ends, answering the lines it sent', async () => {
    const { PassThrough } = await import('node:stream');
    const input = new PassThrough();
    input.write('{"response":"a","reference":"1"}\n');
    const ctx = {
      header: { levels: [{ verifier: 'math' }], options: {}, caps: parseOptionCaps('{}') },
      admission: createAdmission(4096),
      score: async (planned: unknown[]) => planned.map(() => ({ verdict: { score: 1, pass: true }, score: 1, reward: 1, outcome: 'pass' as const })),
      idleMs: 200,
    };
    let out = '';
    for await (const s of scoreNdjson(input, ctx as never)) out += s;
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ pass: true });
    expect(lines[1]).toMatchObject({ ended: true });
    expect(lines[1]!.error).toMatch(/no input for 200 ms/);
  });

  it('OpenRLHF: a null prompt or a query with two assistant turns is refused, not scored whole', async () => {
    const s = await testServer({ verifier: 'math' });
    const q = '<|im_start|>user\nExample: the answer is \\boxed{2}. What is 3-1?<|im_end|>\nI do not know.';
    const r = await s.app.inject({ method: 'POST', url: '/get_reward', payload: { query: [q, q], prompts: [null, ['chat']], labels: ['2', '2'] } });
    expect(r.json().rewards).toEqual([0, 0]);
    expect(r.json().extra_logs.error).toEqual([1, 1]);
    await s.app.close();
  });
});
