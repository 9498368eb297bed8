/**
 * Native work in the JavaScript sandbox that no isolate limit stops: every submission runs in a
 * helper process (even when this process has --no-node-snapshot), the host kills the helper at the
 * submission's deadline, and a helper that crashes costs only the submission it was running. V8's
 * regular-expression parser recursed natively past the stack (SIGSEGV: the whole process, every
 * verdict of the batch), so patterns are capped; flat() and Intl.ListFormat are bounded. Verdicts
 * and reasons are asserted, and that the neighbours keep theirs, never timings.
 */
import { describe, expect, it } from 'vitest';
import { createPool, verifyBatch, verifyCode, type CodeDetails } from '../../src/index.js';
import { normalizeReference, resolveOptions } from '../../src/verifiers/code/index.js';
import { DEADLINE_MARGIN_MS, DEADLINE_PER_TEST_MS, submissionBudgetMs } from '../../src/verifiers/code/js/remote.js';
import { sourceNestingError } from '../../src/verifiers/code/js/sandbox.js';
import { DEFAULT_TRANSPILE_MS } from '../../src/verifiers/code/js/transpile.js';

const MULTIPLE = {
  language: 'javascript',
  test_code: "const assert = require('node:assert');\nassert.deepEqual(pairSums([1, 2], [3, 4]), [4, 6]);",
};
const CALL = { language: 'javascript', entry_point: 'pairSums', tests: [{ args: [[1, 2], [3, 4]], expected: [4, 6] }, { args: [[0], [0]], expected: [0] }] };
const HONEST = 'function pairSums(a, b) { return a.map((x, i) => x + b[i]); }';
const fence = (code: string) => '```js\n' + code + '\n```';
const run = (code: string, ref: unknown = MULTIPLE, timeLimitMs = 2000) => verifyCode(fence(code), ref, { timeLimitMs, memoryLimitMb: 64 });
const statusOf = (v: { details?: unknown }, i = 0) => (v.details as CodeDetails).tests[i]?.status ?? '';
const stdio = (output: string) => ({ language: 'javascript', tests: [{ input: '', output }] });

/** A pattern nested 50,000 groups deep: V8's parser overflowed the native stack on it. */
const DEEP = "'(?:'.repeat(5e4) + 'a' + ')*'.repeat(5e4)";
/** A holey array over a 2000-deep prototype chain: lastIndexOf walks it natively (minutes). */
const CHAIN = 'let p = Array.prototype; for (let i = 0; i < 2000; i++) p = Object.create(p);\nconst a = new Array(4e6); Object.setPrototypeOf(a, p);\na.lastIndexOf(1);';

describe('JavaScript sandbox: regular expressions past the caps are refused', () => {
  it('wherever a string becomes a pattern, a deep or long one is a SyntaxError (it was a SIGSEGV of the whole process)', async () => {
    const ways = [
      `new RegExp(${DEEP}).test('aaa')`,
      `RegExp(${DEEP})`,
      `/a/.constructor(${DEEP})`,
      `class X extends RegExp {}; new X(${DEEP})`,
      `/a/.compile(${DEEP})`,
      `'aaa'.match(${DEEP})`,
      `[...'aaa'.matchAll(${DEEP})]`,
      `'aaa'.search(${DEEP})`,
      "new RegExp('('.repeat(1001) + ')'.repeat(1001))",
      "new RegExp('a'.repeat(100001))",
    ];
    for (const way of ways) {
      const v = await run(`${way};\n${HONEST}`);
      expect(v.score, way).toBe(0);
      expect(statusOf(v), way).toMatch(/^runtime-error: SyntaxError: Invalid regular expression: sandbox: /);
    }
    // A pattern-like object is read once: its source cannot be short for the check and deep for V8.
    const once = await run(`let n = 0; const r = new RegExp({ [Symbol.match]: true, get source() { return n++ ? ${DEEP} : 'a'; }, flags: '' });\nif (n !== 1 || r.source !== 'a') throw new Error('read twice');\n${HONEST}`);
    expect(once.score).toBe(1);
    expect((await run(HONEST)).score).toBe(1);
  });

  it('a regex literal nested past the cap is a compile error, before V8 parses it', async () => {
    for (const unit of ['(?:', '(?:[)]', '(?:\\)']) {
      const v = await run(`const r = /${unit.repeat(5e4)}a${')*'.repeat(5e4)}/;\n${HONEST}`);
      expect(v.reason, unit).toBe('compile-error');
      expect(statusOf(v), unit).toMatch(/parentheses nested more than 1000 deep/);
    }
    expect(sourceNestingError(`const r = /${'(a'.repeat(500)}${')'.repeat(500)}/; f((x) => [(1), (2)]);`)).toBeUndefined();
    expect(sourceNestingError('('.repeat(1001))).toMatch(/more than 1000/);
  });

  it('honest regular expressions behave as in Node', async () => {
    const code = [
      "const r = /(\\d+)-(\\w+)/g; const out = [];",
      "for (const m of '12-ab 34-cd'.matchAll(r)) out.push(m[1]);",
      "out.push('a,b,c'.split(/,/).length, 'abc'.replace(/b/g, 'X'), 'abc'.match(/b/).index, 'abc'.search('c'), 'xay'.match('a')[0]);",
      "out.push(RegExp(r) === r, new RegExp(r) !== r, r instanceof RegExp, r.constructor === RegExp, new RegExp('a', 'gi').flags, new RegExp(r, 'i').source);",
      "/(\\w)(\\w)/.test('pq'); out.push(RegExp.$1, RegExp.$2, RegExp.lastMatch);",
      "class Y extends RegExp { exec(s) { return super.exec(s); } } out.push(new Y('b').test('abc'), 'a-b'.split(new Y('-')).length);",
      "out.push('ab'.match(null) === null, 'undefined'.search(undefined), [...'a1b2'.matchAll(/\\d/g)].length, 'a'.match({ [Symbol.match]: (s) => 'own ' + s }));",
      "try { 'a'.matchAll(/a/); out.push('no throw'); } catch (e) { out.push(e.constructor.name); }",
      "try { new RegExp(Symbol()); } catch (e) { out.push(e.constructor.name); }",
      "out.push(new RegExp('(' + 'a|'.repeat(2000) + 'b)').test('b'), new RegExp('('.repeat(900) + 'x' + ')'.repeat(900)).test('x'));",
      "console.log(out.join('|'));",
    ].join('\n');
    const v = await run(code, stdio('12|34|3|aXc|1|2|a|true|true|true|true|gi|(\\d+)-(\\w+)|p|q|pq|true|2|true|0|2|own a|TypeError|TypeError|true|true'));
    expect(statusOf(v), JSON.stringify(v.details)).toBe('passed');
  });
});

describe('JavaScript sandbox: flat() and Intl.ListFormat are bounded', () => {
  it('flat() checks every nested array (a first one of 1.5e6 holes no longer ends the check), once, to any depth', async () => {
    const big = 'const big = []; big.length = 2 ** 32 - 1;';
    for (const call of [
      '[new Array(1.5e6), [big]].flat(2)',
      'Array.prototype.flat.call({ length: 1, 0: big })',
      "const c = [1]; c.push(c); c.flat(Infinity)",
      `${'['.repeat(100)}big${']'.repeat(100)}.flat(Infinity)`,
    ]) {
      const v = await run(`${big}\n${call};\n${HONEST}`);
      expect(v.score, call).toBe(0);
      expect(statusOf(v), call).toMatch(/^runtime-error: RangeError: sandbox: Array.prototype.flat on a length of/);
    }
    // The depth is read once: a valueOf cannot say 1 to the check and Infinity to V8.
    const lie = await run(`${big}\nlet n = 0; const r = [[[big]]].flat({ valueOf() { return n++ ? Infinity : 1; } });\nif (n !== 1 || r.length !== 1) throw new Error('depth');\n${HONEST}`);
    expect(lie.score).toBe(1);
    const honest = await run("console.log([1, [2, [3, [4]]]].flat(Infinity).join(''), [[1], [2]].flat().length, Array.prototype.flat.call({ length: 2, 0: [1], 1: 2 }).length, [[1, [2]]].flat('1').length)", stdio('1234 2 2 2'));
    expect(statusOf(honest)).toBe('passed');
  });

  it('Intl.ListFormat formats at most 10000 strings or 2^20 characters (4e6 strings: 31 s and 6 GB)', async () => {
    for (const call of ["new Intl.ListFormat('en').format(new Array(4e6).fill('abcdefgh'))", "new Intl.ListFormat('en').formatToParts(['x'.repeat(2 ** 20 + 1)])", "new Intl.ListFormat('en').format((function* () { for (;;) yield 'a'; })())"]) {
      const v = await run(`${call};\n${HONEST}`);
      expect(v.score, call).toBe(0);
      expect(statusOf(v), call).toMatch(/^runtime-error: RangeError: sandbox: Intl.ListFormat format(ToParts)? on more than/);
    }
    const honest = await run(
      "const f = new Intl.ListFormat('en', { type: 'disjunction' }); let e = ''; try { f.format(['a', 1]); } catch (x) { e = x.constructor.name; } console.log(new Intl.ListFormat('en').format(['a', 'b', 'c']), f.format(new Set(['x', 'y'])), new Intl.ListFormat('en').formatToParts(['a', 'b']).length, new Intl.ListFormat('en').format(), e)",
      stdio('a, b, and c x or y 3  TypeError'),
    );
    expect(statusOf(honest)).toBe('passed');
  });
});

describe('JavaScript sandbox: a runaway submission costs only itself', () => {
  it('the deadline covers transpilation, every test and a margin', () => {
    const opts = resolveOptions({ timeLimitMs: 1000 });
    expect(submissionBudgetMs('x', false, normalizeReference(CALL), opts)).toBe(2 * (1000 + DEADLINE_PER_TEST_MS) + DEADLINE_MARGIN_MS);
    // A TypeScript solution: its transpilation, and the test code's (transpiled as TypeScript too).
    expect(submissionBudgetMs('x', true, normalizeReference(MULTIPLE), opts)).toBe(1000 + DEFAULT_TRANSPILE_MS + 1000 + DEADLINE_PER_TEST_MS + DEADLINE_MARGIN_MS);
    expect(submissionBudgetMs('x', false, normalizeReference({ ...MULTIPLE, language: 'typescript' }), opts)).toBe(DEFAULT_TRANSPILE_MS + 1000 + DEADLINE_PER_TEST_MS + DEADLINE_MARGIN_MS);
  });

  it('a native loop the isolate cannot stop is a timeout of its running test; the helper is killed and the next sample passes', { timeout: 60_000 }, async () => {
    const tc = await run(`${CHAIN}\n${HONEST}`, MULTIPLE, 300);
    expect(tc.score).toBe(0);
    expect(statusOf(tc)).toBe('timeout');
    expect((await run(HONEST, MULTIPLE, 300)).score).toBe(1);
    // Call-based: the first test finished and keeps its verdict; the second was running.
    const call = await run(`let calls = 0;\nfunction pairSums(a, b) { if (++calls === 2) { ${CHAIN} } return a.map((x, i) => x + b[i]); }`, CALL, 300);
    expect((call.details as CodeDetails).tests.map((t) => t.status)).toEqual(['passed', 'timeout']);
    expect((await run(HONEST, CALL, 300)).score).toBe(1);
  });

  it('a helper that crashes fails only the sample it ran, naming the signal; the batch keeps every other verdict', { timeout: 120_000 }, async () => {
    // eval compiles a literal the host's check never saw: V8's parser overflows the stack.
    const crash = `eval('/' + ${DEEP} + '/').test('aaa');\n${HONEST}`;
    const crashed = (v: { reason?: string; details?: unknown }) => {
      expect(v.reason).toBe('runtime-error');
      expect(statusOf(v)).toMatch(/^runtime-error: the sandbox process running the solution was killed by SIG[A-Z]+$/);
    };
    const sample = (code: string) => ({ response: fence(code), reference: MULTIPLE });
    const pool = createPool({ threads: 2 });
    try {
      // A generous limit: the crash must come before the deadline (it takes the parser a few seconds).
      const vs = await verifyBatch('code', [HONEST, crash, HONEST, HONEST, crash, HONEST].map(sample), { timeLimitMs: 20_000, pool });
      expect(vs.map((v) => v.score)).toEqual([1, 0, 1, 1, 0, 1]);
      crashed(vs[1]!);
      crashed(vs[4]!);
      const looped = await verifyBatch('code', [HONEST, `${CHAIN}\n${HONEST}`, HONEST, HONEST].map(sample), { timeLimitMs: 300, pool });
      expect(looped.map((v) => v.score)).toEqual([1, 0, 1, 1]);
      expect(statusOf(looped[1]!)).toBe('timeout');
      const later = Array.from({ length: 6 }, () => sample(HONEST));
      expect((await verifyBatch('code', later, { timeLimitMs: 300, pool })).map((v) => v.score)).toEqual([1, 1, 1, 1, 1, 1]);
      // In the calling thread too (threads: 0): the crash kills only the helper.
      const inline = await verifyBatch('code', [HONEST, crash, HONEST].map(sample), { timeLimitMs: 20_000, threads: 0 });
      expect(inline.map((v) => v.score)).toEqual([1, 0, 1]);
      crashed(inline[1]!);
    } finally {
      await pool.close();
    }
  });
});
