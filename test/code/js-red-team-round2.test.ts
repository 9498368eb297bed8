/**
 * A second red-team pass on the JavaScript verifier:
 * - the prompt's helpers judge (HumanEval-X's `poly` above `findZero`): a reference with `prompt`
 *   and no `helpers` let the solution's own `poly` answer for the tests (it returned 0: score 1);
 * - a bare `assert(...)` in the tests is the checker's Node assert, never a no-op `assert` the
 *   solution defines;
 * - `Symbol.for` registers in the submission's own context: 40 symbols with 1 MB descriptions
 *   outlived their submission in the reused isolate and made the next honest ones fail for memory.
 */
import { describe, expect, it } from 'vitest';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { promptHelpers } from '../../src/verifiers/code/js/prompt-helpers.js';

const fence = (code: string) => '```js\n' + code + '\n```';
const run = (code: string, ref: unknown) => verifyCode(fence(code), ref, { timeLimitMs: 3000 });
const why = (v: { details?: unknown }) => (v.details as CodeDetails | undefined)?.tests?.[0]?.status ?? '';

const POLY = {
  language: 'javascript',
  prompt: '/* the polynomial xs at x */\nconst poly = (xs, x) => xs.reduce((s, c, i) => s + c * Math.pow(x, i), 0);\n/* find zero */\nconst findZero = (xs) => {\n',
  test_code: 'for (const xs of [[1, 2], [-6, 11, -6, 1], [2, 1, 0, 1]]) {\n  const x = findZero(xs);\n  console.assert(Math.abs(poly(xs, x)) < 1e-4);\n}',
};
const HONEST_ZERO = [
  'function findZero(xs) {',
  '  const p = (x) => xs.reduce((s, c, i) => s + c * Math.pow(x, i), 0);',
  '  let lo = -100, hi = 100;',
  '  if (p(lo) > 0) [lo, hi] = [hi, lo];',
  '  for (let k = 0; k < 200; k++) { const m = (lo + hi) / 2; if (p(m) < 0) lo = m; else hi = m; }',
  '  return lo;',
  '}',
].join('\n');

describe('JavaScript test_code: the prompt\'s helpers and the checker\'s assert', () => {
  it('takes the helpers before the entry point from the prompt', () => {
    expect(promptHelpers(POLY.prompt)).toContain('const poly');
    expect(promptHelpers(POLY.prompt)).not.toContain('findZero');
    expect(promptHelpers('const findZero = (xs) => {\n')).toBeUndefined();
    expect(promptHelpers('function a() {}\nfunction b() {\n', 'a')).toBeUndefined();
  });

  it('a solution defining the prompt\'s poly does not judge itself', async () => {
    const v = await run('function poly() { return 0; }\nfunction findZero() { return 0; }', POLY);
    expect(v.score, why(v)).toBe(0);
    expect((await run(HONEST_ZERO, POLY)).score).toBe(1);
  });

  it('a prompt whose head does not run is no helper: the reference still works', async () => {
    const ref = { ...POLY, prompt: 'throw new Error("not a helper");\nconst findZero = (xs) => {\n', test_code: 'console.assert(Math.abs(findZero([1, 2]) + 0.5) < 1e-4);' };
    expect((await run(HONEST_ZERO, ref)).score).toBe(1);
  });

  it('a bare assert is the checker\'s', async () => {
    const ref = { language: 'javascript', test_code: 'assert(f(1) === 2);\nassert.strictEqual(f(2), 4);' };
    const v = await run('function assert() {}\nfunction f(x) { return 999; }', ref);
    expect(v.score, why(v)).toBe(0);
    expect((await run('function f(x) { return 2 * x; }', ref)).score).toBe(1);
  });
});

describe('JavaScript sandbox: Symbol.for registers per submission', () => {
  const CALL = { language: 'javascript', entry_point: 'f', tests: [{ args: [1, 2], expected: 3 }] };
  // about 94 MB of the 128 MB heap: fails only if an earlier submission left ~40 MB behind
  const NEEDS_HEAP = 'function f(a, b) { const x = new Float64Array(90 * 131072); x.fill(1); return a + b + (x.length - 90 * 131072); }';
  it('symbols a submission registered do not crowd the next one out of the heap', { timeout: 120_000 }, async () => {
    const hog = "for (let i = 0; i < 40; i++) Symbol.for(String(i).padEnd(1 << 20, 'x'));\nfunction f(a, b) { return 0; }";
    const opts = { timeLimitMs: 5000, memoryLimitMb: 128 };
    expect((await verifyCode(fence(hog), CALL, opts)).score).toBe(0);
    for (let k = 0; k < 3; k++) {
      const v = await verifyCode(fence(NEEDS_HEAP), CALL, opts);
      expect(v.score, why(v)).toBe(1);
    }
  });

  it('Symbol.for and Symbol.keyFor keep their meaning within a submission', async () => {
    const ref = { language: 'javascript', entry_point: 'f', tests: [{ args: [], expected: [true, 'k', false, true] }] };
    const code = "function f() { const s = Symbol.for('k'); return [s === Symbol.for('k'), Symbol.keyFor(s), s === Symbol('k'), Symbol.keyFor(Symbol.iterator) === undefined]; }";
    const v = await run(code, ref);
    expect(v.score, why(v)).toBe(1);
  });
});

describe('JavaScript sandbox: globals a program may declare again, as in Node', () => {
  const CALL = { language: 'javascript', entry_point: 'f', tests: [{ args: [1, 2], expected: 3 }] };
  it.each([
    "const { Buffer } = require('buffer');",
    "const { TextEncoder, TextDecoder } = require('util');",
    "const process = require('process');",
    'let global = {};',
    "const { performance } = require('perf_hooks');",
    'function escape(s) { return s; }',
  ])('%s before the solution (it was "Identifier has already been declared")', async (head) => {
    const v = await run(`${head}\nfunction f(a, b) { return a + b; }`, CALL);
    expect(v.score, why(v)).toBe(1);
  });

  it('the globals the harness itself reads stay non-configurable (let JSON fails to compile, as before)', async () => {
    const v = await run('let JSON = { stringify: () => "3" };\nfunction f(a, b) { return 0; }', CALL);
    expect(v.score).toBe(0);
    expect(why(v)).toMatch(/already been declared/);
  });
});
