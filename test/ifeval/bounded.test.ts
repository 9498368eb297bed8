/**
 * ifeval stays bounded on adversarial responses: format:line_indent's one-pass emulation of the
 * reference's remove-while-iterating equals the reference's quadratic loop on any input, and a
 * response over the documented cap fails with its own reason without being evaluated.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCheck } from '../../src/verifiers/ifeval/kwargs.js';
import { getInstruction } from '../../src/verifiers/ifeval/registry.js';
import { FeatureCache } from '../../src/verifiers/ifeval/text/features.js';
import { verifyIfeval, DEFAULT_MAX_RESPONSE_CHARS, RESPONSE_TOO_LONG } from '../../src/verifiers/ifeval/index.js';

/** The reference's loop, literally: `for line in lines: if line.strip() == '': lines.remove(line)`. */
function referenceLineIndent(text: string): boolean {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') lines.splice(lines.indexOf(line), 1);
  }
  const indent = (s: string): number => s.length - s.replace(/^ +/, '').length;
  for (let i = 0; i + 1 < lines.length; i++) if (indent(lines[i + 1]!) <= indent(lines[i]!)) return false;
  return true;
}

describe('ifeval bounded', () => {
  it('format:line_indent in one pass equals the reference loop', () => {
    const check = buildCheck(getInstruction('format:line_indent')!, {}, 'line_indent');
    const line = fc.constantFrom('', ' ', '  ', '\t', 'a', ' a', '  a', '   a', '    b');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
        const text = lines.join('\n');
        expect(check(new FeatureCache().of(text))).toBe(referenceLineIndent(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('a response over the cap scores 0 with response-too-long; the cap can be raised', () => {
    const ref = { instruction_id_list: ['punctuation:no_comma'], kwargs: [{}] };
    const long = 'a'.repeat(DEFAULT_MAX_RESPONSE_CHARS + 1);
    const v = verifyIfeval(long, ref);
    expect(v).toMatchObject({ score: 0, pass: false, reason: RESPONSE_TOO_LONG });
    expect(v.error).toMatch(/maxResponseChars/);
    expect(verifyIfeval(long, ref, { maxResponseChars: DEFAULT_MAX_RESPONSE_CHARS + 1 }).pass).toBe(true);
    expect(() => verifyIfeval('x', ref, { maxResponseChars: -1 })).toThrow(/positive integer/);
  });
});
