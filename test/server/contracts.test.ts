/**
 * Each contract spoken with bodies shaped exactly as the trainer sends them: the native batch API
 * (JSON and NDJSON), OpenRLHF's /get_reward, slime's /v1/reward and NeMo-Gym's /verify.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBatch } from '../../src/core/batch.js';
import { loadPreset } from '../../src/presets/preset.js';
import type { RewardServer } from '../../src/server/app.js';
import { responsesObject, testServer } from './helpers.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

let s: RewardServer;
beforeAll(async () => {
  s = await testServer({ preset: loadPreset('mixed'), verifier: 'math' });
});
afterAll(async () => {
  await s.app.close();
});

const post = async (url: string, payload: unknown, headers: Record<string, string> = {}) => {
  const r = await s.app.inject({ method: 'POST', url, payload: payload as string, headers });
  return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? (r.json() as Record<string, any>) : undefined, raw: r.body };
};

describe('native /v1/score', () => {
  it('gives one verdict per item, in order, identical to in-process scoring, with ids, routes and outcomes', async () => {
    const items = [
      { id: 'a', response: 'so \\boxed{\\frac{1}{2}}', reference: '0.5' },
      { id: 'b', response: 'The answer is 7', reference: '8' },
      { id: 'c', response: 'The answer is (C).', reference: 'C', data_source: 'mcq' },
      { id: 'd', response: 'x' },
      42,
    ];
    const r = await post('/v1/score', { items });
    expect(r.status).toBe(200);
    const v = r.body!.verdicts as Record<string, unknown>[];
    expect(v).toHaveLength(5);
    const [math] = [await verifyBatch('math', [items[0], items[1]] as { response: string; reference: string }[])];
    expect(v[0]).toMatchObject({ id: 'a', ...math![0], outcome: 'pass', reward: 1, route: 'math' });
    expect(v[1]).toMatchObject({ id: 'b', ...math![1], outcome: 'fail', reward: 0 });
    expect(v[2]).toMatchObject({ id: 'c', pass: true, extracted: 'C', route: 'mcq' });
    expect(v[3]).toMatchObject({ id: 'd', score: 0, reason: 'invalid-input', outcome: 'error' });
    expect(String(v[3]!.error)).toContain('reference');
    expect(v[4]).toMatchObject({ score: 0, reason: 'invalid-input', outcome: 'error' });
  });

  it('routes by precedence: item verifier > request preset/verifier > server preset > server verifier', async () => {
    const items = [
      { response: 'The answer is (B)', reference: 'B', verifier: 'mcq', data_source: 'math' },
      { response: 'The answer is (B)', reference: 'B', data_source: 'mcq' },
      { response: '\\boxed{2}', reference: '2', data_source: 'no-such-source' },
    ];
    const v = (await post('/v1/score', { items })).body!.verdicts;
    expect(v.map((x: any) => x.route)).toEqual(['mcq', 'mcq', 'math']);
    const forced = (await post('/v1/score', { verifier: 'mcq', items: [items[2]] })).body!.verdicts;
    expect(forced[0].route).toBe('mcq');
    const bad = await post('/v1/score', { verifier: 'nope', items: [] });
    expect(bad.status).toBe(422);
    expect(bad.body!.error).toContain('verifier');
    const preset = await post('/v1/score', { preset: '../../etc/passwd', items: [] });
    expect(preset.status).toBe(422);
  });

  it('streams NDJSON in and out like `rewards score`, one line per input line', async () => {
    const lines = ['{"id":1,"response":"\\\\boxed{3}","reference":"3"}', 'not json', '', '{"id":4,"response":"(A)","reference":"A","verifier":"mcq"}'];
    const r = await s.app.inject({ method: 'POST', url: '/v1/score', payload: lines.join('\n') + '\n', headers: { 'content-type': 'application/x-ndjson' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/x-ndjson');
    const out = r.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: 1, pass: true });
    expect(out[1]).toMatchObject({ line: 2, score: 0, outcome: 'error' });
    expect(out[2]).toMatchObject({ line: 3, score: 0, outcome: 'error' });
    expect(out[3]).toMatchObject({ id: 4, pass: true });
  });

  it('lists verifiers and presets', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/v1/verifiers' });
    const b = r.json();
    expect(b.verifiers.map((v: any) => v.name)).toEqual(expect.arrayContaining(['math', 'mcq', 'code', 'ifeval']));
    expect(b.presets).toContain('mixed');
  });
});

describe('OpenRLHF /get_reward', () => {
  it('strips the prompt and trailing EOS tokens, routes JSON labels, and answers rewards/scores/extra_logs', async () => {
    const prompts = ['<|im_start|>user\nWhat is 1/2 + 1/2?<|im_end|>\n<|im_start|>assistant\n', '<|im_start|>user\nPick one<|im_end|>\n<|im_start|>assistant\n', 'Q3'];
    const responses = ['The sum is \\boxed{1}.<|im_end|><|endoftext|><|endoftext|>', 'I choose (D)</s>', 'hmm \\boxed{5}<|eot_id|>'];
    const payload = {
      query: prompts.map((p, i) => p + responses[i]),
      prompts,
      labels: ['1', JSON.stringify({ data_source: 'mcq', reference: 'D' }), { verifier: 'math', reference: '4' }],
    };
    const r = await post('/get_reward', payload);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ rewards: [1, 1, 0], scores: [1, 1, 0], extra_logs: { pass: [1, 1, 0], error: [0, 0, 0], timeout: [0, 0, 0] } });
  });

  it('answers empty lists with empty lists (OpenRLHF v0.11 sends them)', async () => {
    const r = await post('/get_reward', { query: [], prompts: [], labels: [] });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ rewards: [], scores: [], extra_logs: { pass: [], error: [], timeout: [] } });
  });

  it('marks unjudgeable samples as errors, distinguishable from wrong answers', async () => {
    const r = await post('/get_reward', { query: ['x \\boxed{1}', 'y'], prompts: ['', ''], labels: [{ verifier: 'nope', reference: '1' }, '2'] });
    expect(r.body!.rewards).toEqual([0, 0]);
    expect(r.body!.extra_logs.error).toEqual([1, 0]);
  });

  it('400 for a missing field, 422 for a wrong shape, both naming the field', async () => {
    const missing = await post('/get_reward', { prompts: [], labels: [] });
    expect(missing.status).toBe(400);
    expect(missing.body!.error).toContain('"query"');
    const shape = await post('/get_reward', { query: 'x', labels: [] });
    expect(shape.status).toBe(422);
    expect(shape.body!.error).toContain('"query"');
    const lengths = await post('/get_reward', { query: ['a', 'b'], prompts: ['', ''], labels: ['1'] });
    expect(lengths.status).toBe(422);
    expect(lengths.body!.error).toContain('"labels"');
  });
});

describe('slime /v1/reward', () => {
  it('returns the reward dict slime reads with --reward-key', async () => {
    const r = await post('/v1/reward', { prompt: 'What is 2+2?', response: 'It is \\boxed{4}<|im_end|>', label: '4' });
    expect(r.body).toMatchObject({ reward: 1, score: 1, pass: true, outcome: 'pass', extracted: '4' });
    const wrong = await post('/v1/reward', { prompt: 'p', response: 'It is \\boxed{5}', label: '4' });
    expect(wrong.body).toMatchObject({ reward: 0, outcome: 'fail' });
    const err = await post('/v1/reward', { prompt: 'p', response: 'It is', label: { verifier: 'code' } });
    expect(err.body).toMatchObject({ reward: 0, outcome: 'error', reason: 'invalid-input' });
    expect((await post('/v1/reward', { prompt: 'p', response: 'x' })).status).toBe(400);
  });
});

describe('NeMo-Gym /verify', () => {
  const mcqa = JSON.parse(readFileSync(new URL('./fixtures/nemo-gym-mcqa.json', import.meta.url), 'utf8')) as Record<string, unknown>;

  it('mcqa (their example data): echoes the request, adds reward, expected_answer and extracted_answer', async () => {
    const body = { ...mcqa, response: responsesObject('PCR detects it.\nAnswer: \\boxed{B}') };
    const r = await post('/mcqa/verify', body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ...body, reward: 1, expected_answer: 'B', extracted_answer: 'B' });
    const wrong = await post('/mcqa/verify', { ...mcqa, response: responsesObject('Answer: \\boxed{E}') });
    expect(wrong.body).toMatchObject({ reward: 0, extracted_answer: 'E' });
  });

  it('math: question + expected_answer; the domain comes from the path', async () => {
    const body = { responses_create_params: { input: [{ role: 'user', content: 'What is 3/6?' }] }, question: 'What is 3/6?', expected_answer: '\\frac{1}{2}', response: responsesObject('So \\boxed{0.5}') };
    const r = await post('/math/verify', body);
    expect(r.body).toMatchObject({ question: 'What is 3/6?', reward: 1, extracted_answer: '0.5', expected_answer: '\\frac{1}{2}' });
  });

  it('instruction_following: verifier_metadata (and top-level fields) with binary and fraction grading', async () => {
    const meta = { instruction_id_list: ['punctuation:no_comma', 'change_case:english_lowercase'], prompt: 'Write in lowercase without commas.', kwargs: [{}, {}] };
    const base = { responses_create_params: { input: [{ role: 'user', content: meta.prompt }] } };
    const one = await post('/instruction_following/verify', { ...base, verifier_metadata: { ...meta, grading_mode: 'binary' }, response: responsesObject('Hello there, friend') });
    expect(one.body).toMatchObject({ reward: 0, follow_all_instructions: false, follow_instruction_list: [false, false] });
    const frac = await post('/instruction_following/verify', { ...base, verifier_metadata: { ...meta, grading_mode: 'fraction' }, response: responsesObject('hello, my dear friend, this whole answer is written in plain english and in lowercase letters only') });
    expect(frac.body).toMatchObject({ reward: 0.5, follow_instruction_list: [false, true] });
    const top = await post('/instruction_following/verify', { ...base, id: 0, ...meta, response: responsesObject('hello my dear friend this whole answer is written in plain english and in lowercase letters only') });
    expect(top.body).toMatchObject({ reward: 1, follow_all_instructions: true, id: 0 });
  });

  itPython('code_gen: verifier_metadata.unit_tests (LiveCodeBench stdin/stdout) run in the Python sandbox', { timeout: 60_000 }, async () => {
    const body = {
      responses_create_params: { input: [{ role: 'user', content: 'Read n, print 2n.' }] },
      verifier_metadata: { unit_tests: { inputs: ['3\n', '10\n'], outputs: ['6\n', '20\n'], fn_name: null }, difficulty: 'easy' },
    };
    const ok = await post('/code_gen/verify', { ...body, response: responsesObject('Here:\n```python\nn = int(input())\nprint(2 * n)\n```') });
    expect(ok.body).toMatchObject({ verifier_metadata: body.verifier_metadata, reward: 1, result: [true, true], reward_outcome: 'pass' });
    const wrong = await post('/code_gen/verify', { ...body, response: responsesObject('```python\nprint(6)\n```') });
    expect(wrong.body).toMatchObject({ reward: 0, result: [true, false], reward_outcome: 'fail' });
  });

  it('/verify takes the domain from --verifier when the server has one', async () => {
    const r = await post('/verify', { ...mcqa, response: responsesObject('\\boxed{B}') });
    // this server was started with --verifier math, which names the domain of /verify
    expect(r.body).toMatchObject({ reward: 1, library_reward: 1 });
  });

  it('aggregate_metrics: per-task and overall reward metrics from the verify responses sent back', async () => {
    const r = await post('/aggregate_metrics', {
      verify_responses: [
        { _ng_task_index: 0, reward: 1 },
        { _ng_task_index: 0, reward: 0 },
        { _ng_task_index: 1, reward: 0, reward_outcome: 'error' },
        { _ng_task_index: 1, reward: 0 },
      ],
    });
    expect(r.body!.agent_metrics).toMatchObject({ num_rollouts: 4, num_tasks: 2, 'mean/reward': 0.25, 'pass@1': 0.25, error_rate: 0.25 });
    expect(r.body!.group_level_metrics).toEqual([
      { task_index: 0, num_rollouts: 2, 'mean/reward': 0.5, 'pass@2': 1 },
      { task_index: 1, num_rollouts: 2, 'mean/reward': 0, 'pass@2': 0 },
    ]);
    expect((await post('/aggregate_metrics', {})).status).toBe(400);
  });

  it('400 names a missing field; 404 for an unknown domain; seed_session is a no-op 200', async () => {
    const r = await post('/math/verify', { responses_create_params: {}, response: responsesObject('1') });
    expect(r.status).toBe(400);
    expect(r.body!.error).toContain('expected_answer');
    expect((await post('/chess/verify', { responses_create_params: {}, response: responsesObject('1') })).status).toBe(404);
    const seed = await post('/seed_session', {});
    expect(seed.status).toBe(200);
  });
});

describe('NeMo-Gym /verify on a server without --verifier', () => {
  it('infers mcqa from options, instruction following from instruction_id_list, code from unit_tests, else math', async () => {
    const plain = await testServer({});
    try {
      const mcqa = JSON.parse(readFileSync(new URL('./fixtures/nemo-gym-mcqa.json', import.meta.url), 'utf8')) as Record<string, unknown>;
      const r1 = await plain.app.inject({ method: 'POST', url: '/verify', payload: { ...mcqa, response: responsesObject('Answer: \\boxed{B}') } });
      expect(r1.json()).toMatchObject({ reward: 1, extracted_answer: 'B', expected_answer: 'B' });
      const r2 = await plain.app.inject({ method: 'POST', url: '/verify', payload: { responses_create_params: {}, question: 'q', expected_answer: '7', response: responsesObject('\\boxed{7}') } });
      expect(r2.json()).toMatchObject({ reward: 1, library_reward: 1 });
      const r3 = await plain.app.inject({
        method: 'POST',
        url: '/verify',
        payload: { responses_create_params: {}, verifier_metadata: { unit_tests: 'not an object' }, response: responsesObject('```python\nprint(1)\n```') },
      });
      expect(r3.json()).toMatchObject({ reward: 0, reward_outcome: 'error', mask_sample: true });
    } finally {
      await plain.app.close();
    }
  });
});
