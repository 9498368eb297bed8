import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractCode, fenceOpen, fencedBlocks } from '../../src/verifiers/code/extract.js';

describe('extractCode', () => {
  it('takes the last fenced block that fits the language', () => {
    const r = 'First try:\n```python\nprint(1)\n```\nBetter:\n```python\nprint(2)\n```\nOutput:\n```text\n2\n```\n';
    expect(extractCode(r, 'python')).toEqual({ ok: true, code: 'print(2)', fenced: true, typescript: false });
  });

  it('accepts js, javascript, ts, typescript, py, python3 and bare fences', () => {
    expect(extractCode('```javascript\nf()\n```', 'javascript')).toMatchObject({ ok: true, code: 'f()', typescript: false });
    expect(extractCode('```ts\nlet x: number = 1\n```', 'javascript')).toMatchObject({ ok: true, typescript: true });
    expect(extractCode('```\nx = 1\n```', 'python')).toMatchObject({ ok: true, code: 'x = 1', fenced: true });
    expect(extractCode('```python3\nx = 1\n```', 'python')).toMatchObject({ ok: true, code: 'x = 1' });
    expect(extractCode('~~~js\nf()\n~~~', 'typescript')).toMatchObject({ ok: true, code: 'f()', typescript: true });
  });

  it('uses the whole response when there is no fence at all (it then has to compile)', () => {
    expect(extractCode('def f():\n    return 1\n', 'python')).toEqual({ ok: true, code: 'def f():\n    return 1', fenced: false, typescript: false });
    expect(extractCode('   \n', 'python')).toMatchObject({ ok: false, reason: 'no-code' });
  });

  it('says wrong-language for code in another language and no-code for prose blocks', () => {
    expect(extractCode('```python\nprint(1)\n```', 'javascript')).toMatchObject({ ok: false, reason: 'wrong-language' });
    expect(extractCode('```text\nhello\n```', 'python')).toMatchObject({ ok: false, reason: 'no-code' });
  });

  it('reads after </think> and keeps an unclosed last fence', () => {
    const r = '<think>\n```python\nprint("draft")\n```\n</think>\n```python\nprint("final")';
    expect(extractCode(r, 'python')).toMatchObject({ ok: true, code: 'print("final")' });
    expect(extractCode('<think>```js\nx()\n```</think>', 'javascript', { answer: 'code-block', think: true })).toMatchObject({ ok: false, reason: 'no-code' });
    expect(fencedBlocks('```js\na\n')).toEqual([{ tag: 'js', code: 'a\n', closed: false }]);
  });

  it('property: a program in a fence is extracted exactly, whatever prose surrounds it', () => {
    const line = fc.stringMatching(/^[a-zA-Z0-9 =+()'":.,]{0,30}$/);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.array(line, { maxLength: 3 }), fc.constantFrom('python', 'py', ''), (code, prose, tag) => {
        const body = code.join('\n');
        fc.pre(body.trim() !== '');
        const response = `${prose.join('\n')}\n\`\`\`${tag}\n${body}\n\`\`\`\n${prose.join(' ')}`;
        expect(extractCode(response, 'python')).toEqual({ ok: true, code: body, fenced: true, typescript: false });
      }),
    );
  });
});

describe('fenceOpen (opening fence lines, linear time)', () => {
  // The rule as a regular expression: the readable reference (it backtracks quadratically).
  const REF = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n`]*$/;

  it('property: reads every line as the reference expression does', () => {
    const ch = fc.constantFrom(' ', '\t', '`', '~', 'a', 'P', '{', '.', '}', '\r', '\u00a0', '\u2003', 'é');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 14 }).map((a) => a.join('')), fc.constantFrom('', ' ', '  ', '   ', '    '), fc.constantFrom('```', '````', '~~~', '``', '~~~~~'), (body, indent, fence) => {
        for (const line of [body, indent + fence + body, indent + fence + ' ' + body]) {
          const m = REF.exec(line);
          expect(fenceOpen(line)).toEqual(m ? { fence: m[1], tag: m[2] } : null);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a 1 MB info string ending in a backtick (quadratic for the expression) at once', () => {
    expect(fenceOpen('```' + 'a'.repeat(1_000_000) + '`')).toBeNull();
    expect(fenceOpen('```' + ' \t'.repeat(500_000) + '`')).toBeNull();
    expect(fenceOpen('```py' + ' x'.repeat(500_000))).toEqual({ fence: '```', tag: 'py' });
    expect(extractCode('```' + 'a'.repeat(1_000_000) + '`\nprint(1)', 'python')).toMatchObject({ ok: true, fenced: false });
  });
});
