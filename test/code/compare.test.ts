import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareOutput, decimalKey, jsonEqual, pySplit, pyStrip } from '../../src/verifiers/code/compare.js';

describe('compareOutput, LiveCodeBench rule (default)', () => {
  it('strips the whole output and each line, and compares line by line', () => {
    expect(compareOutput('  1 2\n3  \n\n', '1 2\n3')).toBe(true);
    expect(compareOutput('1 2\r\n3\r\n', '1 2\n3\n')).toBe(true);
    expect(compareOutput('1  2\n3', '1 2\n3')).toBe(true); // same tokens as decimals
    expect(compareOutput('a  b', 'a b')).toBe(false); // not identical, not decimals
  });

  it('needs the same number of lines: a prefix of the expected output fails', () => {
    expect(compareOutput('1\n2', '1\n2\n3')).toBe(false);
    expect(compareOutput('1\n2\n3\n4', '1\n2\n3')).toBe(false);
    expect(compareOutput('', '0')).toBe(false);
    expect(compareOutput('', '')).toBe(true);
    expect(compareOutput('\n\n', '')).toBe(true);
  });

  it('compares tokens as Python decimals', () => {
    expect(compareOutput('1.0 2', '1 2.00')).toBe(true);
    expect(compareOutput('1e2', '100')).toBe(true);
    expect(compareOutput('-0', '0')).toBe(true);
    expect(compareOutput('0.1', '0.10000001')).toBe(false);
    expect(compareOutput('50000000000000000', '50000000000000001')).toBe(false);
    expect(compareOutput('1_000', '1000')).toBe(true);
    expect(compareOutput('inf', 'Infinity')).toBe(true);
    expect(compareOutput('nan', 'NaN')).toBe(false); // Decimal NaN equals nothing...
    expect(compareOutput('NaN', 'NaN')).toBe(true); // ...but identical lines are equal
    expect(compareOutput('YES', 'yes')).toBe(false);
  });

  it('applies a float tolerance, absolute or relative, when asked', () => {
    expect(compareOutput('0.3333', '0.33333333', { floatTolerance: 1e-3 })).toBe(true);
    expect(compareOutput('0.3333', '0.33333333', { floatTolerance: 1e-6 })).toBe(false);
    expect(compareOutput('1000001', '1000000', { floatTolerance: 1e-5 })).toBe(true); // relative
    expect(compareOutput('abc 1.0001', 'abc 1', { floatTolerance: 1e-3 })).toBe(true);
    expect(compareOutput('abd 1', 'abc 1', { floatTolerance: 1 })).toBe(false);
  });

  it('compares case-insensitively when asked (SandboxFusion style)', () => {
    expect(compareOutput('Yes\nNO', 'YES\nno', { caseSensitive: false })).toBe(true);
    expect(compareOutput('Yes\nNO', 'YES\nno')).toBe(false);
  });

  it('offers whitespace-token and exact comparison', () => {
    expect(compareOutput('1 2\n3', '1\n2 3', { compare: 'tokens' })).toBe(true);
    expect(compareOutput('1 2\n3', '1\n2 3')).toBe(false);
    expect(compareOutput('1 2 3', '1 2', { compare: 'tokens' })).toBe(false);
    expect(compareOutput('1\n', '1', { compare: 'exact' })).toBe(false);
    expect(compareOutput('1\n', '1\n', { compare: 'exact' })).toBe(true);
  });

  it('strips and splits like Python', () => {
    expect(pyStrip('\x1c\t a b \u3000\n')).toBe('a b');
    expect(pySplit('  a\t b\n\nc ')).toEqual(['a', 'b', 'c']);
    expect(pySplit('   ')).toEqual([]);
    expect(decimalKey('1.50')).toBe(decimalKey('1.5'));
    expect(decimalKey('abc')).toBeUndefined();
    expect(decimalKey('1.2.3')).toBeUndefined();
  });

  it("identical 'nan' tokens are equal where text counts (tokens rule, or a tolerance), and unequal as LiveCodeBench's Decimals", () => {
    expect(compareOutput('nan', 'nan', { compare: 'tokens' })).toBe(true);
    expect(compareOutput('x  nan', 'x nan', { floatTolerance: 1e-6 })).toBe(true);
    expect(compareOutput('nan', 'nan')).toBe(true); // identical lines
    expect(compareOutput('1  nan', '1 nan')).toBe(false); // Decimal('nan') != Decimal('nan')
    expect(compareOutput('nan', 'NaN', { compare: 'tokens' })).toBe(false);
  });

  it('property: an output equals itself under every rule; line-edge whitespace (lines) or any spacing (tokens) does not matter', () => {
    const lines = fc.array(fc.array(fc.oneof(fc.integer({ min: -1e6, max: 1e6 }).map(String), fc.stringMatching(/^[a-z]{1,5}$/)), { maxLength: 4 }).map((ts) => ts.join(' ')), { maxLength: 5 });
    fc.assert(
      fc.property(lines, fc.constantFrom(' ', '  ', '\t'), (ls, sep) => {
        const text = ls.join('\n');
        for (const compare of ['lines', 'tokens', 'exact'] as const) expect(compareOutput(text, text, { compare })).toBe(true);
        const edges = ls.map((l) => `${sep}${l}${sep}`).join('\r\n') + '\n\n';
        expect(compareOutput(edges, text)).toBe(true);
        const respaced = ls.map((l) => l.split(' ').join(sep)).join(sep + '\n' + sep);
        expect(compareOutput(respaced, text, { compare: 'tokens' })).toBe(true);
      }),
    );
  });

  it('property: different integers on a line never compare equal; equal numbers in any decimal spelling do', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (a, b) => {
        expect(compareOutput(String(a), String(b))).toBe(a === b);
        expect(compareOutput(`${a}.000`, `${a}e0`)).toBe(true);
      }),
    );
  });
});

describe('jsonEqual (call-based results)', () => {
  it('is deep, typed equality of JSON values', () => {
    expect(jsonEqual([1, { a: [true, null, 'x'] }], [1, { a: [true, null, 'x'] }])).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(jsonEqual(1, true)).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual(0.1 + 0.2, 0.3)).toBe(false);
    expect(jsonEqual(0.1 + 0.2, 0.3, 1e-9)).toBe(true);
  });

  it('property: reflexive on JSON values, symmetric', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(jsonEqual(a, JSON.parse(JSON.stringify(a)))).toBe(true);
        expect(jsonEqual(a, b)).toBe(jsonEqual(b, a));
      }),
    );
  });
});

/**
 * The reference for the properties below: the former regex implementation of strip and of the
 * trailing-zeros count (correct, but quadratic on long inner runs; fine on small inputs).
 */
const REF_WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const REF_STRIP = new RegExp(`^[${REF_WS}]+|[${REF_WS}]+$`, 'g');
const refStrip = (s: string): string => s.replace(REF_STRIP, '');
const refTrailingZeros = (digits: string): number => digits.length - digits.replace(/0+$/, '').length;

describe('output comparison: linear time on adversarial inputs, same answers as the reference', () => {
  const ws = ['\t', '\n', '\x0b', '\x0c', '\r', '\x1c', '\x1f', ' ', '\x85', '\xa0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\u200b', '\x84'];
  const text = fc.array(fc.constantFrom(...ws, '0', '1', '9', '.', 'e', '-', '+', '_', 'a', 'inf', 'NaN'), { maxLength: 30 }).map((xs) => xs.join(''));

  it('pyStrip agrees with the regex reference (every whitespace character, and near misses)', () => {
    fc.assert(fc.property(text, (s) => pyStrip(s) === refStrip(s)), { numRuns: 2000 });
  });

  it('decimalKey canonicalises trailing zeros as the reference count does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{0,12}$/), fc.nat(20), (digits, zeros) => {
        const key = decimalKey(digits + '0'.repeat(zeros));
        const trimmed = digits.slice(0, digits.length - refTrailingZeros(digits));
        return key === `+${trimmed}e${zeros + refTrailingZeros(digits)}`;
      }),
    );
  });

  it('compareOutput agrees with itself under the reference strip (lines and tokens rules)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const lines = (x: string) => refStrip(x).split('\n').map(refStrip);
        const la = lines(a);
        const lb = lines(b);
        if (la.length !== lb.length) return compareOutput(a, b) === false;
        if (la.every((l, i) => l === lb[i])) return compareOutput(a, b) === true;
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('a 150 KB run of spaces between two tokens, and 1 followed by 150000 zeros and a 1, compare correctly', () => {
    const spaces = 'a' + ' '.repeat(150_000) + 'b';
    expect(pyStrip(spaces)).toBe(spaces);
    expect(compareOutput(spaces, 'a b')).toBe(false);
    expect(compareOutput(spaces, 'a b', { compare: 'tokens' })).toBe(true);
    expect(compareOutput('1' + ' '.repeat(150_000) + '2', '1 2')).toBe(true);
    const big = '1' + '0'.repeat(150_000) + '1';
    expect(decimalKey(big)).toBe(`+${big}e0`);
    expect(compareOutput(big, big + '0')).toBe(false);
    expect(compareOutput(big + '.000', big)).toBe(true);
    expect(decimalKey('1' + '0'.repeat(150_000))).toBe('+1e150000');
  });

  it("exponents Python's Decimal cannot hold (over 19 digits) are not decimals, as there; a megabyte of them is not parsed", () => {
    // Python: Decimal('1e0000000000000000000000001') == 10; Decimal('0.1e1000000000000000000') == 1E+999999999999999999;
    // Decimal('1e' + '9' * 20) raises InvalidOperation (LiveCodeBench's rule then calls the line unequal).
    expect(decimalKey('1e0000000000000000000000001')).toBe(decimalKey('10'));
    expect(decimalKey('0.1e1000000000000000000')).toBe('+1e999999999999999999');
    expect(decimalKey('1e' + '9'.repeat(20))).toBeUndefined();
    expect(decimalKey('1e-' + '9'.repeat(20))).toBeUndefined();
    const huge = '1e' + '9'.repeat(1_000_000);
    expect(decimalKey(huge)).toBeUndefined();
    expect(compareOutput(huge, '2')).toBe(false);
    expect(compareOutput(huge, '2', { floatTolerance: 1e-6 })).toBe(false);
    expect(compareOutput(huge, huge)).toBe(true); // identical lines stay equal
  });

  it('jsonEqual compares values nested 100,000 deep without overflowing the stack', () => {
    const nest = (leaf: unknown) => {
      let v: unknown = leaf;
      for (let i = 0; i < 100_000; i++) v = i % 2 ? [v] : { k: v };
      return v;
    };
    expect(jsonEqual(nest(1), nest(1))).toBe(true);
    expect(jsonEqual(nest(1), nest(2))).toBe(false);
    expect(jsonEqual(nest(1.0000001), nest(1), 1e-6)).toBe(true);
  });
});
