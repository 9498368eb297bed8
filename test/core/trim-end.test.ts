import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { charClass, trimEndWhere } from '../../src/core/trim-end.js';
import { normalizeQuestion } from '../../src/filters/duplicate-question.js';
import { normalizeOptionText } from '../../src/filters/mcq-distinct-options.js';
import { canonicalHunk } from '../../src/verifiers/patch/compare.js';

describe('trimEndWhere', () => {
  it('property: what replace(/[class]+$/, "") returns', () => {
    const chars = fc.constantFrom(' ', '\t', '\n', '\r', '.', '?', '!', ';', ',', 'a', 'B', '\u00a0', '\u2003', '\v', '\f');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }).map((a) => a.join('')), (s) => {
        expect(trimEndWhere(s, charClass(/[\s.?!]/))).toBe(s.replace(/[\s.?!]+$/, ''));
        expect(normalizeQuestion(s)).toBe(s.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.?!]+$/, '').trim());
        expect(normalizeOptionText(s)).toBe(s.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.;,]+$/, '').trim());
        expect(canonicalHunk([`+${s}`], 3)).toEqual([`+${s}`.replace(/[ \t\r\f\v]+$/, '')]);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads 200,000-character runs that do not end the text (quadratic for the expression) at once', () => {
    const run = ' .'.repeat(100_000);
    expect(normalizeQuestion(`a${run}b`)).toBe(`a${run}b`);
    expect(normalizeOptionText(`a${' ;'.repeat(100_000)}b`)).toBe(`a${' ;'.repeat(100_000)}b`);
    expect(canonicalHunk([`+a${'\t'.repeat(200_000)}b${'\t'.repeat(10)}`], 3)).toEqual([`+a${'\t'.repeat(200_000)}b`]);
  });
});
