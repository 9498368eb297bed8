/**
 * Native work in the JavaScript sandbox that the isolate's limits cannot see: ICU (Intl) runs
 * outside V8's interrupt checks and allocates outside the isolate's heap, and Atomics.waitAsync
 * posts to isolated-vm's platform; resizable buffers grow outside the isolate heap. Each hostile
 * sample must fail within its own limits, and an honest sample after it must still score 1; honest
 * uses of Intl keep working.
 */
import { describe, expect, it } from 'vitest';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';

const MULTIPLE = {
  language: 'javascript',
  test_code: "const assert = require('node:assert');\nassert.deepEqual(pairSums([1, 2], [3, 4]), [4, 6]);",
};
const HONEST = 'function pairSums(a, b) { return a.map((x, i) => x + b[i]); }';
const run = (code: string, ref: unknown = MULTIPLE) => verifyCode('```js\n' + code + '\n```', ref, { timeLimitMs: 2000, memoryLimitMb: 64 });
const statusOf = (v: { details?: unknown }) => (v.details as CodeDetails).tests[0]?.status ?? '';

describe('JavaScript sandbox: native work outside the isolate limits', () => {
  it('Atomics.waitAsync is not there (with a timeout it aborted the whole host process)', async () => {
    for (const ref of [MULTIPLE, { language: 'javascript', entry_point: 'pairSums', tests: [{ args: [[1, 2], [3, 4]], expected: [4, 6] }] }]) {
      const v = await run(`Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(16)), 0, 0, 10);\n${HONEST}`, ref);
      expect(v.score).toBe(0);
      expect(statusOf(v)).toMatch(/^runtime-error: TypeError/);
      expect((await run(HONEST, ref)).score).toBe(1);
    }
  });

  it('a locales list of millions (one uninterruptible ICU call) is refused at once, in every Intl entry point', async () => {
    const calls = [
      'Intl.getCanonicalLocales(big)',
      'new Intl.Collator(big)',
      'Intl.DateTimeFormat(big)',
      "'a'.localeCompare('b', big)",
      '(1).toLocaleString(big)',
      'Intl.NumberFormat.supportedLocalesOf(big)',
      // A function is read as a list too (its length was looped over natively: 1e9 held a worker 18-39 s).
      "'a'.localeCompare('b', Object.defineProperty(function () {}, 'length', { value: 4.5e6 }))",
      // An array-like whose length grows after the first read is copied, not read twice.
      "(() => { let n = 0; return Intl.getCanonicalLocales({ get length() { return n++ ? 4e6 : 2; }, 0: 'en', 1: 'de' }).length === 2 ? undefined : fail(); })()",
    ];
    for (const call of calls) {
      const v = await run(`const big = new Array(4.5e6).fill('en-Latn-US-u-ca-gregory');\n${call};\n${HONEST}`);
      if (call.startsWith('(() =>')) {
        expect(v.score, call).toBe(1);
        continue;
      }
      expect(v.score, call).toBe(0);
      expect(statusOf(v), call).toMatch(/at most 64 locales/);
    }
  });

  it('Intl objects kept alive are capped (ICU memory is outside the isolate memory limit)', async () => {
    const v = await run(`const keep = [];\nfor (let i = 0; i < 1e6; i++) keep.push(new Intl.DateTimeFormat('en', { hour: i % 2 ? 'numeric' : '2-digit' }));\n${HONEST}`);
    expect(v.score).toBe(0);
    expect(statusOf(v)).toMatch(/at most 2000 Intl objects/);
    expect((await run(HONEST)).score).toBe(1);
  });

  it('segmentations count as Intl objects (each holds ICU memory outside the heap)', async () => {
    const v = await run(`const s = new Intl.Segmenter('en', { granularity: 'grapheme' });\nconst keep = [];\nfor (let i = 0; i < 300000; i++) keep.push(s.segment('x'));\n${HONEST}`);
    expect(v.score).toBe(0);
    expect(statusOf(v)).toMatch(/at most 2000 Intl objects/);
    const ok = await run(`const s = new Intl.Segmenter('en', { granularity: 'word' });\nif ([...s.segment('hello big world')].filter((x) => x.isWordLike).length !== 3) throw new Error('segments');\n${HONEST}`);
    expect(ok.score).toBe(1);
  });

  it('a resizable ArrayBuffer or growable SharedArrayBuffer is refused (growth was not counted: 1.2-2.2 GB under 64 MB)', async () => {
    for (const grow of [
      'const b = new ArrayBuffer(1, { maxByteLength: 2 ** 30 }); b.resize(2 ** 30); new Uint8Array(b).fill(1);',
      'const b = new SharedArrayBuffer(1, { maxByteLength: 2 ** 30 }); b.grow(2 ** 30); new Uint8Array(b).fill(1);',
      // The option is read once: a getter that answers undefined first cannot make it resizable later.
      "let n = 0; const b = new ArrayBuffer(1, { get maxByteLength() { return n++ ? 2 ** 30 : undefined; } }); b.resize(2 ** 30);",
    ]) {
      const v = await run(`${grow}\n${HONEST}`);
      expect(v.score, grow).toBe(0);
      expect(statusOf(v), grow).toMatch(/^runtime-error: (RangeError: sandbox: resizable|TypeError: b.resize is not a function)/);
    }
    expect((await run(HONEST)).score).toBe(1);
  });

  it('fixed-size buffers, their subclasses and typed arrays work as in Node', async () => {
    const program = [
      'class B extends ArrayBuffer { get two() { return 2; } }',
      'const b = new B(8), a = new ArrayBuffer(8), t = new Uint8Array(4);',
      "if (!(b instanceof ArrayBuffer) || b.two !== 2 || b.byteLength !== 8 || b.constructor !== B) throw new Error('subclass');",
      "if (a.constructor !== ArrayBuffer || t.buffer.constructor !== ArrayBuffer || Object.getPrototypeOf(t.buffer) !== ArrayBuffer.prototype) throw new Error('identity');",
      "if (!ArrayBuffer.isView(t) || a.slice(2).byteLength !== 6 || new SharedArrayBuffer(4).byteLength !== 4) throw new Error('methods');",
      "try { ArrayBuffer(3); throw new Error('no new'); } catch (e) { if (!(e instanceof TypeError)) throw e; }",
      HONEST,
    ].join('\n');
    const v = await run(program);
    expect(v.score, JSON.stringify(v.details)).toBe(1);
  });

  it('honest uses of Intl and locale methods give what Node gives', async () => {
    const program = [
      "const words = ['b', 'a', 'C', 'ä'];",
      "class Ci extends Intl.Collator { constructor() { super('de', { sensitivity: 'base' }); } }",
      'const out = [',
      "  [...words].sort((x, y) => x.localeCompare(y)).join(','),",
      "  [...words].sort(new Ci().compare).join(','),",
      "  (1234567.891).toLocaleString(['de-DE', 'en-US']),",
      "  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(12.5),",
      "  Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format(new Date(0)),",
      "  Intl.Collator.supportedLocalesOf(['en', 'de']).join(','),",
      "  Intl.getCanonicalLocales(['EN-us']).join(','),",
      "  new Intl.Locale('en-US').language,",
      "  String(new Intl.Collator() instanceof Intl.Collator),",
      "  [1.5, 2000].toLocaleString('en-US'),",
      "  'istanbul'.toLocaleUpperCase('tr'),",
      '];',
      "console.log(out.join('\\n'));",
    ].join('\n');
    // What Node itself prints for the same program.
    const lines: string[] = [];
    new Function('console', program)({ log: (s: string) => lines.push(s) });
    const v = await run(program, { language: 'javascript', tests: [{ input: '', output: lines.join('\n') + '\n' }] });
    expect(v.score, JSON.stringify(v.details)).toBe(1);
  });
});

describe('JavaScript sandbox: native loops and values that leave the isolate', () => {
  const CALL = { language: 'javascript', entry_point: 'pairSums', tests: [{ args: [[1, 2], [3, 4]], expected: [4, 6] }] };
  const STDIO = { language: 'javascript', tests: [{ input: '', output: '3\n' }] };

  it('Array methods on a length no dense array could have are refused (they looped 22-26 s under 2 s)', async () => {
    const cases: [string, unknown][] = [
      [`Array.prototype.lastIndexOf.call({ length: 2 ** 31 }, 1);\n${HONEST}`, MULTIPLE],
      ['function pairSums() { const x = []; x[2e8 - 1] = 1; x.sort(); return [4, 6]; }', CALL],
      ['Array.prototype.concat.call([], { length: 1e9, [Symbol.isConcatSpreadable]: true }); console.log(3);', STDIO],
      [`Array.prototype.forEach.call({ length: 2 ** 53 - 1 }, () => {});\n${HONEST}`, MULTIPLE],
      // second pass: inner arrays, a spreadable function, Array.from
      [`const a = []; a.length = 2 ** 32 - 1; [a].flat();\n${HONEST}`, MULTIPLE],
      [`const a = []; a.length = 2 ** 32 - 1; [1].flatMap(() => a);\n${HONEST}`, MULTIPLE],
      [`const f = function () {}; Object.defineProperty(f, 'length', { value: 2 ** 32 - 1 }); f[Symbol.isConcatSpreadable] = true; [].concat(f);\n${HONEST}`, MULTIPLE],
      [`Array.from({ length: 2 ** 31 });\n${HONEST}`, MULTIPLE],
    ];
    for (const [code, ref] of cases) {
      const v = await run(code, ref);
      expect(v.score, code).toBe(0);
      expect(statusOf(v), code).toMatch(/^runtime-error: RangeError: sandbox: (Array\.prototype\.\w+|from) (on|of) a length of/);
    }
    expect((await run(HONEST)).score).toBe(1);
  });

  it('a length is read once: a getter cannot answer small to the check and huge to V8 (it looped past the deadline)', async () => {
    for (const code of [
      'let n = 0; Array.prototype.lastIndexOf.call({ get length() { return n++ ? 2 ** 31 : 1; } }, 1);',
      'let n = 0; Array.prototype.sort.call({ get length() { return n++ ? 2 ** 32 - 1 : 1; } });',
    ]) {
      const v = await run(`${code}\n${HONEST}`);
      expect(v.score, code).toBe(1);
      expect(statusOf(v), code).toBe('passed');
    }
    // array-likes, strings and arguments still work as in Node
    const honest = "const o = { length: 3, 0: 'c', 1: 'a', 2: 'b' }; Array.prototype.sort.call(o); if (Array.prototype.join.call(o, '') !== 'abc') throw new Error('sort'); if (Array.from({ length: 2 }, (_, i) => i).join() !== '0,1' || [[1, [2]], [3]].flat(2).join() !== '1,2,3' || Array.prototype.map.call('ab', (c) => c + c).join() !== 'aa,bb') throw new Error('other'); (function () { if (Array.prototype.slice.call(arguments).length !== 2) throw new Error('arguments'); })(1, 2);";
    expect((await run(`${honest}\n${HONEST}`)).score).toBe(1);
  });

  it("a call's result longer than maxOutputBytes stays in the isolate", async () => {
    const v = await verifyCode('```js\nfunction pairSums() { return "x".repeat(2 ** 22); }\n```', CALL, { timeLimitMs: 2000, memoryLimitMb: 64, maxOutputBytes: 1 << 20 });
    expect(v.score).toBe(0);
    expect(statusOf(v)).toMatch(/output limit exceeded \(the result is \d+ characters/);
  });

  it('ICU string operations on more than 2^20 characters are refused (normalize: 19 s and 3 GB under 2 s and 64 MB)', async () => {
    for (const code of ["const s = '\\u00e9'.repeat(2 ** 21); s.normalize('NFD'); console.log(3);", "'a'.repeat(2 ** 21).localeCompare('b'); console.log(3);", "new Intl.Collator('en').compare('a'.repeat(2 ** 21), 'b'); console.log(3);"]) {
      const v = await run(code, STDIO);
      expect(v.score, code).toBe(0);
      expect(statusOf(v), code).toMatch(/sandbox: (String\.prototype\.\w+|Intl\.Collator compare) on/);
    }
    const ok = await run("console.log(['b', 'a'].sort(new Intl.Collator('en').compare).join('') === 'ab' && '\\u00e9'.normalize('NFD').length === 2 ? 3 : 0);", STDIO);
    expect(ok.score, JSON.stringify(ok.details)).toBe(1);
  });

  it("a script's completion value, a program's return value and a huge error message stay out of the host", async () => {
    // Each was copied out: a 1 GiB string reached the host, and the error made verifyCode reject.
    for (const [code, ref] of [[`${HONEST}\n'\\u1234'.repeat(2 ** 28);`, MULTIPLE], ["console.log(3);\nreturn '\\u1234'.repeat(2 ** 28);", STDIO]] as const) {
      const v = await run(code, ref);
      expect(v.score, code).toBe(1);
    }
    const thrown = await run("throw new Error('x'.repeat(2 ** 26));", STDIO);
    expect(thrown.score).toBe(0);
    expect(statusOf(thrown).length).toBeLessThan(400);
  });
});

describe('JavaScript sandbox: allocations past the heap cost only their own sample (pool)', () => {
  it('one allocation past the heap costs only its sample; the batch and the process go on', { timeout: 120_000 }, async () => {
    // Without onCatastrophicError, isolated-vm aborted the whole process: every verdict was lost.
    const { codeVerdicts, closePool, configurePool } = await import('../../src/index.js');
    await configurePool({ threads: 2 });
    const hostile = ['Array.prototype.sort.call({ length: 2 ** 32 - 1 });', 'const dp = new Array(5e7).fill(0);'];
    const codes = [HONEST, `${hostile[0]}\n${HONEST}`, HONEST, `${hostile[1]}\n${HONEST}`, HONEST];
    const vs = await codeVerdicts(codes.map((c) => '```js\n' + c + '\n```'), codes.map(() => MULTIPLE) as never, { timeoutMs: 4000 } as never);
    // Both are refused by the Array wrappers before V8 allocates (V8's fatal out-of-memory path
    // aborted the process; isolated-vm's onCatastrophicError is not used: with it, a script still
    // running 5 s past its timeout segfaulted the process).
    expect(vs.map((v) => v.score)).toEqual([1, 0, 1, 0, 1]);
    const after = await codeVerdicts(['```js\n' + HONEST + '\n```'], [MULTIPLE] as never);
    expect(after[0]!.score).toBe(1);
    await closePool();
  });
});
