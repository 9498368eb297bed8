import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { closePool, codeReward, codeVerdicts, verifyBatch, verifyCode, type CodeDetails } from '../../src/index.js';
import { codeResponse, equivalentOutput } from '../../src/testing/code.js';
import { summarize } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

const SUM_JS = "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number); console.log(a + b);";
const SUM_PY = 'a, b = map(int, input().split())\nprint(a + b)';
const sumRef = (language: string) => ({ language, tests: [{ input: '1 2', output: '3' }, { input: '-5 5', output: '0' }, { input: '40 2', output: '42' }] });

describe('code verifier: references and options', () => {
  it('rejects a malformed reference or option with a message naming the field', async () => {
    const bad: [unknown, RegExp][] = [
      [null, /reference must be an object/],
      [{ tests: [] }, /reference.language must be/],
      [{ language: 'cobol', tests: [] }, /reference.language must be/],
      [{ language: 'js' }, /needs tests or test_code/],
      [{ language: 'js', tests: [] }, /reference.tests is empty/],
      [{ language: 'js', tests: [{ input: 1, output: '' }] }, /reference.tests\[0\].input must be a string/],
      [{ language: 'js', entry_point: 'f', tests: [{ args: 1, expected: 2 }] }, /reference.tests\[0\].args must be an array/],
      [{ language: 'js', entry_point: 'f', tests: [{ args: [] }] }, /reference.tests\[0\].expected is missing/],
      [{ language: 'js', entry_point: 'a b', tests: [{ args: [], expected: 1 }] }, /entry_point must be a function name/],
      [{ language: 'js', test_code: 5 }, /test_code must be a string/],
      [{ language: 'js', tests: { inputs: ['1'], outputs: [] } }, /differ in length/],
    ];
    for (const [ref, msg] of bad) await expect(verifyCode('x', ref)).rejects.toThrow(msg);
    await expect(verifyCode('x', sumRef('js'), { timeLimitMs: -1 })).rejects.toThrow(/options.timeLimitMs/);
    await expect(verifyCode('x', sumRef('js'), { reward: 'half' as never })).rejects.toThrow(/options.reward must be one of/);
    await expect(verifyCode('x', sumRef('js'), { pythonPrelude: 'numpy' as never })).rejects.toThrow(/options.pythonPrelude/);
    const [v] = await codeVerdicts(['x'], [{ language: 'cobol', tests: [] } as never]);
    expect(v).toMatchObject({ score: 0, reason: 'invalid-input' });
    expect(v!.error).toMatch(/reference.language/);
  });

  it('accepts the CodeContests {inputs, outputs} shape', async () => {
    const v = await verifyCode('```js\n' + SUM_JS + '\n```', { language: 'js', tests: { inputs: ['1 2', '3 4'], outputs: ['3\n', '7\n'] } });
    expect(v.score).toBe(1);
  });

  it("shapes the reward: 'all' (default) or 'fraction', and stops at the first failure on request", async () => {
    const wrongOnNegatives = "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number); console.log(Math.abs(a) + b);";
    const all = await verifyCode('```js\n' + wrongOnNegatives + '\n```', sumRef('javascript'));
    expect(all).toMatchObject({ score: 0, pass: false, reason: 'wrong-answer' });
    expect((all.details as CodeDetails).tests.map((t) => t.status)).toEqual(['passed', 'wrong-answer', 'passed']);
    const frac = await verifyCode('```js\n' + wrongOnNegatives + '\n```', sumRef('javascript'), { reward: 'fraction' });
    expect(frac.score).toBeCloseTo(2 / 3);
    const stop = await verifyCode('```js\n' + wrongOnNegatives + '\n```', sumRef('javascript'), { stopAtFirstFailure: true, reward: 'fraction' });
    expect((stop.details as CodeDetails).tests.map((t) => t.status)).toEqual(['passed', 'wrong-answer', 'skipped']);
    expect(stop.score).toBeCloseTo(1 / 3);
  });

  it('applies the CrossThink format gate before running anything', async () => {
    const [v] = await codeVerdicts(['```js\n' + SUM_JS + '\n```'], [sumRef('javascript')], { format: { answer: 'code-block', think: true } });
    expect(v!.reason).toBe('format');
    const [w] = await codeVerdicts(['<think>easy</think>\n```js\n' + SUM_JS + '\n```'], [sumRef('javascript')], { format: { answer: 'code-block', think: true } });
    expect(w!.score).toBe(1);
  });

  itPython('codeReward gives one score per response on the worker pool', async () => {
    const scores = await codeReward(
      ['```js\n' + SUM_JS + '\n```', '```python\n' + SUM_PY + '\n```', 'print(', '```js\nfor(;;){}\n```'],
      [sumRef('javascript'), sumRef('python'), sumRef('python'), sumRef('javascript')],
      { timeLimitMs: 300, threads: 2 },
    );
    expect(scores).toEqual([1, 1, 0, 0]);
  });
});

describe('code verifier: properties', () => {
  it('JavaScript: the verdict does not depend on how the program is wrapped; scores are in [0, 1] and repeatable', async () => {
    await fc.assert(
      fc.asyncProperty(codeResponse(SUM_JS, 'javascript'), fc.constantFrom('all', 'fraction'), async (response, reward) => {
        const a = await verifyCode(response, sumRef('javascript'), { reward });
        const b = await verifyCode(response, sumRef('javascript'), { reward });
        expect(a.score).toBe(1);
        expect(a.extracted).toBe(SUM_JS);
        const same = (v: typeof a) => ({ score: v.score, pass: v.pass, extracted: v.extracted, reason: v.reason, statuses: (v.details as CodeDetails).tests.map((t) => t.status) });
        expect(same(b)).toEqual(same(a));
      }),
      { numRuns: 40 },
    );
  });

  itPython('Python: the verdict does not depend on how the program is wrapped', async () => {
    await fc.assert(
      fc.asyncProperty(codeResponse(SUM_PY, 'python'), async (response) => {
        const v = await verifyCode(response, sumRef('python'));
        expect(v.score).toBe(1);
        expect(v.extracted).toBe(SUM_PY);
      }),
      { numRuns: 8 },
    );
  });

  it('any score is in [0, 1], whatever the program prints, and an equivalent spelling of the answer passes', async () => {
    const lines = fc.array(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(' ')), { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n'));
    await fc.assert(
      fc.asyncProperty(lines, lines, fc.constantFrom('all', 'fraction'), async (printed, expected, reward) => {
        const ref = { language: 'javascript', tests: [{ input: '', output: expected }, { input: 'x', output: printed }] };
        const v = await verifyCode('```js\nprocess.stdout.write(' + JSON.stringify(printed) + ')\n```', ref, { reward });
        expect(v.score).toBeGreaterThanOrEqual(0);
        expect(v.score).toBeLessThanOrEqual(1);
        expect((v.details as CodeDetails).tests[1]!.status).toBe('passed');
      }),
      { numRuns: 30 },
    );
    await fc.assert(
      fc.asyncProperty(lines.chain((out) => fc.tuple(fc.constant(out), equivalentOutput(out))), async ([out, respelled]) => {
        const v = await verifyCode('```js\nprocess.stdout.write(' + JSON.stringify(respelled) + ')\n```', { language: 'javascript', tests: [{ input: '', output: out }] });
        expect(v.score).toBe(1);
      }),
      { numRuns: 30 },
    );
  });
});

describe('examples/code.jsonl (the `rewards score --verifier code` example)', () => {
  itPython('scores each line as its id says: -pass 1, -fail 0, -fraction in between', async () => {
    const lines = readFileSync(new URL('../../examples/code.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; response: string; reference: unknown; options?: Record<string, unknown> });
    expect(lines.length).toBeGreaterThanOrEqual(8);
    const vs = await verifyBatch('code', lines);
    lines.forEach((l, i) => {
      const s = vs[i]!.score;
      if (l.id.endsWith('-pass')) expect(s, l.id).toBe(1);
      else if (l.id.endsWith('-fail')) expect(s, l.id).toBe(0);
      else expect(s > 0 && s < 1, l.id).toBe(true);
    });
    expect(new Set(lines.map((l) => (l.reference as { language: string }).language))).toEqual(new Set(['javascript', 'typescript', 'python']));
    const summary = summarize(vs);
    expect(summary[0]).toMatch(/^code: passed by language: (javascript|typescript|python) \d+\/\d+/);
    expect(summary[1]).toMatch(/^code: \d+ tests: passed \d+/);
  });
});

describe('plain `node app.js` (no --no-node-snapshot)', () => {
  itPython('runs the JavaScript sandbox in a helper process started with the flag, on the pool and inline', () => {
    const script = fileURLToPath(new URL('../fixtures/code-without-snapshot-flag.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ pooled: [1, 1], inline: [1] });
  }, 120_000);
});
