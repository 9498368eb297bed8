/**
 * Honest JavaScript that real Node runs must run the same in the sandbox: a hashbang line, Buffer's
 * encodings (hex, base64, base64url, latin1, utf16le), atob / btoa, TextEncoder / TextDecoder,
 * structuredClone, and readline/promises. Each program's expected output is what Node itself
 * prints for the same input, so the tests check the sandbox against Node, not against our reading.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { verifyCode } from '../../src/verifiers/code/index.js';

/** What real Node prints for `program` given `input` on stdin. */
function nodeOutput(program: string, input: string): string {
  const r = spawnSync(process.execPath, ['-e', program.replace(/^#!.*\n/, '')], { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node failed: ${r.stderr}`);
  return r.stdout;
}

async function sameAsNode(program: string, input = ''): Promise<{ score: number; details?: unknown }> {
  const ref = { language: 'javascript', tests: [{ input, output: nodeOutput(program, input) }] };
  return verifyCode('```javascript\n' + program + '\n```', ref, { compare: 'exact' });
}

describe('JavaScript sandbox: Node behaviour honest programs rely on', () => {
  it('a hashbang line, Buffer encodings, atob/btoa, TextEncoder/TextDecoder and structuredClone print what Node prints', async () => {
    const program = [
      '#!/usr/bin/env node',
      "const s = require('fs').readFileSync(0, 'utf8').trim();",
      "const b = Buffer.from(s);",
      "console.log(b.toString('hex'), b.toString('base64'), b.toString('base64url'), b.toString('latin1'));",
      "console.log(Buffer.from(b.toString('hex'), 'hex').toString(), Buffer.from(b.toString('base64'), 'base64').toString());",
      "console.log(Buffer.from('aGk_-w', 'base64url').toString('hex'), Buffer.from('6869zz', 'hex').length);",
      "console.log(Buffer.from('h\\u00e9', 'latin1').toString('hex'), Buffer.from('hi', 'utf16le').toString('hex'), Buffer.byteLength('h\\u00e9'));",
      "console.log(btoa('hello'), atob('aGVsbG8='));",
      "const u = new TextEncoder().encode('h\\u00e9\\u20ac'); console.log(u.length, new TextDecoder().decode(u));",
      "const o = { a: [1, { b: 2 }], m: new Map([[1, 'x']]), d: new Date(0) }; o.self = o;",
      "console.log(Buffer.from('hi'), [Buffer.from('a')], { b: Buffer.from('') }, Buffer.alloc(51), Buffer.alloc(60));",
      "const c = structuredClone(o); console.log(c !== o, c.a[1] !== o.a[1], c.self === c, c.m.get(1), c.d.getTime(), JSON.stringify(c.a));",
      // An own key named __proto__ stays an own key of the clone; it does not set its prototype.
      "const p = structuredClone(JSON.parse('{\"__proto__\": {\"x\": 1}, \"y\": 2}')); console.log(Object.getPrototypeOf(p) === Object.prototype, Object.keys(p).join(), p.x);",
    ].join('\n');
    for (const input of ['hello world\n', 'h\u00e9llo \u20ac!\n', 'ab\n']) {
      const v = await sameAsNode(program, input);
      expect(v.score, JSON.stringify(v.details)).toBe(1);
    }
  });

  it('readline/promises question() resolves with the next line', async () => {
    const program = [
      "const readline = require('readline/promises');",
      'const rl = readline.createInterface({ input: process.stdin });',
      "(async () => { const a = await rl.question(''); const b = await rl.question(''); console.log(Number(a) + Number(b)); rl.close(); })();",
    ].join('\n');
    const v = await sameAsNode(program, '40\n2\n');
    expect(v.score, JSON.stringify(v.details)).toBe(1);
  });
});
