import { describe, expect, it } from 'vitest';
import { format } from 'node:util';
import { verifyCode, normalizeReference, resolveOptions, type CodeDetails } from '../../src/verifiers/code/index.js';
import { runJavaScript } from '../../src/verifiers/code/js/sandbox.js';
import { prepareJs, prepareReferenceJs } from '../../src/verifiers/code/js/transpile.js';

const js = (code: string): string => '```js\n' + code + '\n```';
const statuses = (v: { details?: unknown }): string[] => ((v.details as CodeDetails | undefined)?.tests ?? []).map((t) => t.status);

/** What a program prints for `input`, straight from the sandbox. */
function stdout(code: string, input = ''): string {
  const ref = normalizeReference({ language: 'javascript', tests: [{ input, output: '' }] });
  const out = runJavaScript(code, false, ref, resolveOptions({}), () => true);
  expect(out.runs[0]?.status).toBe('ok');
  return out.runs[0]!.stdout!;
}

describe('JavaScript sandbox: stdin/stdout programs', () => {
  const input = '3\n1 2\n3 4\n5 6\n';
  const expected = '3\n7\n11\n';
  const programs: Record<string, string> = {
    'fs.readFileSync(0)': "const l = require('fs').readFileSync(0, 'utf8').trim().split('\\n'); for (const x of l.slice(1)) console.log(x.split(' ').map(Number).reduce((a, b) => a + b));",
    "readFileSync('/dev/stdin').toString()": "const l = require('fs').readFileSync('/dev/stdin').toString().trim().split('\\n'); l.slice(1).forEach((x) => console.log(eval(x.replace(' ', '+'))));",
    "readline 'line' + 'close'": "const rl = require('readline').createInterface({ input: process.stdin }); const ls = []; rl.on('line', (l) => ls.push(l)); rl.on('close', () => { for (const x of ls.slice(1)) { const [a, b] = x.split(' ').map(Number); console.log(a + b); } });",
    'for await over readline': "const rl = require('readline').createInterface({ input: process.stdin, terminal: false }); (async () => { let first = true; for await (const l of rl) { if (first) { first = false; continue; } const [a, b] = l.split(' ').map(Number); console.log(a + b); } })();",
    "process.stdin 'data' + 'end'": "let s = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', (c) => (s += c)); process.stdin.on('end', () => { s.trim().split('\\n').slice(1).forEach((x) => process.stdout.write(x.split(' ').reduce((a, b) => a + +b, 0) + '\\n')); });",
    "process.stdin 'readable' + read()": "let s = ''; process.stdin.on('readable', () => { let c; while ((c = process.stdin.read()) !== null) s += c; }); process.stdin.on('end', () => { for (const x of s.trim().split('\\n').slice(1)) require('fs').writeSync(1, x.split(' ').map(Number).reduce((a, b) => a + b) + '\\n'); });",
    'rl.question chain': "const rl = require('readline').createInterface({ input: process.stdin }); rl.question('', (n) => { let k = +n; const next = () => { if (k-- === 0) return rl.close(); rl.question('', (l) => { const [a, b] = l.split(' ').map(Number); console.log(a + b); next(); }); }; next(); });",
    'ESM import of readline': "import * as readline from 'readline';\nconst rl = readline.createInterface({ input: process.stdin });\nlet n = -1;\nrl.on('line', (l) => { if (n++ < 0) return; const [a, b] = l.split(' ').map(Number); console.log(a + b); });",
  };
  for (const [name, code] of Object.entries(programs)) {
    it(`emulates ${name}`, async () => {
      const v = await verifyCode(js(code), { language: 'javascript', tests: [{ input, output: expected }] });
      expect(statuses(v)).toEqual(['passed']);
    });
  }

  it('prints values as Node does', async () => {
    const values = "[1, 2, 3], 'str', { a: 1, b: 'x', c: [1, { d: { e: { f: 1 } } }] }, [[1, 2], [3, 4]], new Map([[1, 'a']]), new Set([1, 2]), -0, [undefined, null], 1.5e300, 10n, true, [], {}, function foo() {}, class A {}, { 'a-b': 1, 2: 3 }, Array.from({ length: 30 }, (_, i) => i * 7), Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat((i % 5) + 1)), Array.from({ length: 120 }, (_, i) => i), [1.5, 'a\\nb', \"it's\"], new Date(0), /a+b/g, [ , 1]";
    const got = stdout(`const vs = [${values}]; for (const v of vs) console.log(v); console.log('%s is %d years and %i, %j %o', 'Bob', 42.5, 7.9, { x: 1 }, [1]); console.log('a', 1, [2], { b: 3 });`);
    // eslint-disable-next-line no-eval
    const vs = (0, eval)(`[${values}]`) as unknown[];
    const want = vs.map((v) => format(v)).join('\n') + '\n' + format('%s is %d years and %i, %j %o', 'Bob', 42.5, 7.9, { x: 1 }, [1]) + '\n' + format('a', 1, [2], { b: 3 }) + '\n';
    expect(got).toBe(want);
  });

  it('only logs a failed console.assert in a program, as Node does', async () => {
    const v = await verifyCode(js("console.assert(1 === 2, 'no'); console.log('still here');"), { language: 'javascript', tests: [{ input: '', output: 'still here' }] });
    expect(statuses(v)).toEqual(['passed']);
  });

  it('keeps what was printed before process.exit(0), and fails a nonzero exit', async () => {
    const v = await verifyCode(js("console.log('a'); process.exit(0); console.log('b');"), { language: 'javascript', tests: [{ input: '', output: 'a' }] });
    expect(statuses(v)).toEqual(['passed']);
    const w = await verifyCode(js("console.log('a'); process.exitCode = 3;"), { language: 'javascript', tests: [{ input: '', output: 'a' }] });
    expect(statuses(w)).toEqual(['runtime-error: exit code 3']);
  });

  it('runs each test with fresh globals, output and timers', async () => {
    const code = "if (typeof seen !== 'undefined') console.log('leaked'); seen = 1; globalThis.other = 2; setTimeout(() => console.log(require('fs').readFileSync(0, 'utf8').trim()), 10000);";
    const v = await verifyCode(js(code), { language: 'javascript', tests: [{ input: 'x', output: 'x' }, { input: 'y', output: 'y' }] });
    expect(statuses(v)).toEqual(['passed', 'passed']);
  });

  it('reports timeout, memory-limit, runtime-error, compile-error and output overflow', async () => {
    const ref = { language: 'javascript', tests: [{ input: '', output: '1' }] };
    expect(statuses(await verifyCode(js('for (;;) {}'), ref, { timeLimitMs: 200 }))).toEqual(['timeout']);
    expect(statuses(await verifyCode(js('const a = []; for (;;) a.push(new Array(1e6).fill(7));'), ref, { memoryLimitMb: 32, timeLimitMs: 20_000 }))).toEqual(['memory-limit']);
    expect(statuses(await verifyCode(js('null.x'), ref))[0]).toMatch(/^runtime-error: TypeError: Cannot read properties of null/);
    const c = await verifyCode(js('let = ;'), ref);
    expect(c.reason).toBe('compile-error');
    expect(statuses(c)[0]).toMatch(/^compile-error: SyntaxError/);
    expect(statuses(await verifyCode(js("for (;;) console.log('x'.repeat(1000));"), ref, { maxOutputBytes: 10_000 }))).toEqual(['runtime-error: output limit exceeded']);
    expect((await verifyCode('this is not code {', ref)).reason).toBe('no-code');
  });
});

describe('JavaScript sandbox: call-based and test_code', () => {
  it('calls functions, async functions, Solution methods and module.exports', async () => {
    const tests = [{ args: [[2, 7, 11, 15], 9], expected: [0, 1] }];
    for (const code of [
      'function twoSum(a, t) { for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (a[i] + a[j] === t) return [i, j]; }',
      'const twoSum = async (a, t) => { await null; return [0, 1]; };',
      'class Solution { twoSum(a, t) { return [0, 1]; } }',
      'module.exports = { twoSum: (a, t) => [0, 1] };',
      'var twoSum = function (nums, target) { const m = new Map(); for (let i = 0; i < nums.length; i++) { if (m.has(target - nums[i])) return [m.get(target - nums[i]), i]; m.set(nums[i], i); } };',
    ]) {
      const v = await verifyCode(js(code), { language: 'javascript', entry_point: 'twoSum', tests });
      expect(statuses(v), code).toEqual(['passed']);
    }
    const dotted = await verifyCode(js('class Solution { f(x) { return x * 2; } }'), { language: 'javascript', entry_point: 'Solution.f', tests: [{ args: [4], expected: 8 }] });
    expect(statuses(dotted)).toEqual(['passed']);
  });

  it('compares results after a JSON round trip, with float tolerance when asked', async () => {
    const ref = { language: 'javascript', entry_point: 'f', tests: [{ args: [], expected: [1, null, { a: 'x' }] }] };
    expect(statuses(await verifyCode(js('const f = () => [1, undefined, { a: "x", b: undefined }];'), ref))).toEqual(['passed']);
    expect(statuses(await verifyCode(js('const f = () => [1, 2, { a: "x" }];'), ref))).toEqual(['wrong-answer']);
    const fl = { language: 'javascript', entry_point: 'f', tests: [{ args: [], expected: 0.3 }] };
    expect(statuses(await verifyCode(js('const f = () => 0.1 + 0.2;'), fl))).toEqual(['wrong-answer']);
    expect(statuses(await verifyCode(js('const f = () => 0.1 + 0.2;'), fl, { floatTolerance: 1e-9 }))).toEqual(['passed']);
    expect(statuses(await verifyCode(js('const g = 1;'), fl))[0]).toMatch(/^runtime-error: ReferenceError: f is not defined/);
  });

  it('transpiles TypeScript (types, enums, exports) for solution and tests', async () => {
    const code = '```ts\nenum Color { Red, Green }\nexport function pick(c: Color): string { return c === Color.Red ? "red" : "green"; }\n```';
    const v = await verifyCode(code, { language: 'typescript', test_code: 'declare var require: any;\nconst assert = require("node:assert");\nconst x: string = pick(1);\nassert.deepEqual(x, "green");' });
    expect(statuses(v)).toEqual(['passed']);
  });

  it('runs test_code with node:assert (loose and strict deep equality) and console.assert', async () => {
    const ok = await verifyCode(js('const f = (x) => [x, String(x)];'), { language: 'javascript', test_code: "const assert = require('node:assert'); assert.deepEqual(f(1), ['1', 1]); assert.deepStrictEqual(f(2), [2, '2']); console.assert(f(3)[0] === 3);" });
    expect(statuses(ok)).toEqual(['passed']);
    const bad = await verifyCode(js('const f = (x) => [x, String(x)];'), { language: 'javascript', test_code: "require('assert').strict.deepEqual(f(1), ['1', 1]);" });
    expect(statuses(bad)).toEqual(['wrong-answer']);
  });

  it('gives the sandbox nothing of the host', async () => {
    const probe = [
      "typeof fetch", "typeof XMLHttpRequest", "typeof WebSocket", "typeof process.binding === 'function' && (() => { try { process.binding('fs'); return 'binding'; } catch { return 'no binding'; } })()",
      "Object.keys(process.env).length", "(() => { try { require('child_process'); return 'cp'; } catch (e) { return e.code; } })()",
      "(() => { try { require('fs').readFileSync('/etc/passwd'); return 'read'; } catch (e) { return e.code; } })()",
      "(() => { try { require('fs').writeFileSync('/tmp/x', 'y'); return 'wrote'; } catch (e) { return e.code; } })()",
      "typeof SharedArrayBuffer === 'function' ? 'sab' : 'no sab'", 'typeof Deno', 'typeof Bun', 'process.pid',
    ];
    const got = stdout(`for (const p of [${probe.join(', ')}]) console.log(String(p));`);
    expect(got.split('\n').filter(Boolean)).toEqual(['undefined', 'undefined', 'undefined', 'no binding', '0', 'MODULE_NOT_FOUND', 'ENOENT', 'EROFS', 'sab', 'undefined', 'undefined', '1']);
  });

  it('runs timers on a virtual clock: a 10-minute timeout fires within a 2 s time limit', async () => {
    const code = "setTimeout(() => console.log('late'), 600000); let n = 0; const h = setInterval(() => { console.log('tick'); if (++n >= 2) clearInterval(h); }, 1000); setImmediate(() => console.log('now'));";
    const v = await verifyCode(js(code), { language: 'javascript', tests: [{ input: '', output: 'now\ntick\ntick\nlate' }] }, { timeLimitMs: 2000 });
    expect(statuses(v)).toEqual(['passed']);
  });
});

describe('JavaScript sandbox: transpilation inside the limits', () => {
  it('fails 100k-deep nesting within the time limit instead of transpiling outside every limit', async () => {
    const deep = 'const x: number = ' + '('.repeat(100_000) + '1' + ')'.repeat(100_000) + ';';
    const v = await verifyCode('```ts\n' + deep + '\n```', { language: 'typescript', tests: [{ input: '', output: '' }] }, { timeLimitMs: 300 });
    expect(v.reason).toBe('compile-error');
    expect(statuses(v)[0]).toMatch(/^compile-error: SyntaxError: transpiling took longer than 300 ms/);
  });

  it('still reports esbuild syntax errors with their line', async () => {
    const v = await verifyCode('```ts\nconst a: number = 1;\nconst b = ;\n```', { language: 'typescript', tests: [{ input: '', output: '' }] });
    expect(statuses(v)[0]).toMatch(/^compile-error: SyntaxError: Unexpected ";" \(line 2\)/);
  });

  it("transpiles a reference's TypeScript test code once per thread, to the same text", () => {
    const tests = "declare var require: any;\nconst assert = require('node:assert');\nconst n: number = 1;\nassert.equal(f(n), 2);";
    const first = prepareReferenceJs(tests, true);
    expect(first).toEqual(prepareJs(tests, true));
    expect(prepareReferenceJs(tests, true)).toBe(first);
    expect(prepareReferenceJs('const x = ;', true)).toMatchObject({ ok: false });
  });
});
