/** The JS sandbox's check for ES module syntax: the expression's answers, in linear time. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasModuleSyntax } from '../../src/verifiers/code/js/transpile.js';

// The rule as a regular expression: the readable reference (it backtracks on runs of blank lines).
const REF = /(^|[\n;])\s*(import\s*[\w{*'"]|export\s+|export\s*[{*])/;

describe('hasModuleSyntax', () => {
  it('property: the same answer as the reference expression', () => {
    const piece = fc.constantFrom('import', 'export', ' ', '\n', '\t', ';', '{', '*', "'", 'x', 'a.', '(', '\u00a0', '\r');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }).map((a) => a.join('')), (code) => {
        expect(hasModuleSyntax(code)).toBe(REF.test(code));
      }),
      { numRuns: 20_000 },
    );
  });

  it('finds statements and ignores look-alikes', () => {
    expect(hasModuleSyntax("import x from 'y';")).toBe(true);
    expect(hasModuleSyntax('const a = 1; export { a };')).toBe(true);
    expect(hasModuleSyntax('foo import\n import x')).toBe(true);
    expect(hasModuleSyntax('const reimport = 1; // export')).toBe(false);
  });

  it('answers at once for a megabyte of blank lines (the expression rescans the run from each of them)', () => {
    expect(hasModuleSyntax(`\u0000${'\n'.repeat(1_000_000)}\tt`)).toBe(false);
    expect(hasModuleSyntax(`x${' '.repeat(1_000_000)}import x`)).toBe(false);
  });
});
