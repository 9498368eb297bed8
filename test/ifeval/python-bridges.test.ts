/**
 * The Python-vs-JavaScript bridges, each checked against what CPython 3.11 answers (the expected
 * values below were produced by running the same calls in CPython 3.11.2).
 */
import { describe, expect, it } from 'vitest';
import {
  PyRegexError,
  pyCompile,
  pyFindall,
  pyFindallCount,
  pySearch,
  pySplit,
  pySub,
} from '../../src/verifiers/ifeval/text/pyregex.js';
import { pyIsDigit, pyIsLower, pyIsUpper, pyLen, pyStrip, splitWhitespace } from '../../src/verifiers/ifeval/text/pystr.js';
import { pyJsonValid } from '../../src/verifiers/ifeval/text/pyjson.js';
import { pyCsvRows } from '../../src/verifiers/ifeval/text/pycsv.js';

describe('Python re semantics', () => {
  it('raw keyword patterns: "war" is found inside "Software" (IGNORECASE), and counted like findall', () => {
    expect(pySearch(pyCompile('war', { ignoreCase: true }), 'Software engineering')).not.toBeNull();
    expect(pyFindallCount(pyCompile('war', { ignoreCase: true }), 'war and software and WARFARE')).toBe(3);
  });

  it('Unicode \\w excludes combining marks: Devanagari words split at vowel signs', () => {
    expect(pyFindall(pyCompile(String.raw`\w+`), 'नमस्ते दुनिया')).toEqual(['नमस', 'त', 'द', 'न', 'य']);
    expect(pyFindall(pyCompile(String.raw`\w+`), 'café naïve')).toEqual(['café', 'naïve']);
  });

  it('\\b is a Unicode word boundary', () => {
    expect(pySearch(pyCompile(String.raw`\bcat\b`, { ignoreCase: true }), 'concatenate')).toBeNull();
    expect(pySearch(pyCompile(String.raw`\bcat\b`), 'a cat.')).not.toBeNull();
  });

  it('MULTILINE ^/$ see only \\n, and . matches \\r and U+2028', () => {
    expect(pyFindall(pyCompile(String.raw`^\s*\*[^\*].*$`, { multiline: true }), '* one\r\n* two\n**bold**\n  * three')).toEqual([
      '* one\r',
      '* two',
      '  * three',
    ]);
    expect(pyFindall(pyCompile('a.c'), 'a\rc a\nc a\u2028c')).toEqual(['a\rc', 'a\u2028c']);
  });

  it('$ matches before a final newline only', () => {
    const m = pySearch(pyCompile('end$'), 'the end\n')!;
    expect([m.index, m.index + m[0].length]).toEqual([4, 7]);
    expect(pySearch(pyCompile('end$'), 'the end\n\n')).toBeNull();
  });

  it('split, groups, None for groups that did not take part', () => {
    expect(pySplit(pyCompile(String.raw`\s?SECTION\s?\d+\s?`), 'intro SECTION 1 a SECTION 2 b')).toEqual(['intro', 'a', 'b']);
    expect(pySplit(pyCompile('(a)|b'), 'xaybz')).toEqual(['x', 'a', 'y', undefined, 'z']);
  });

  it('Python-only syntax: (?P<n>)/(?P=n), {,n}, "]" first in a class, a literal "{"', () => {
    expect(pyFindall(pyCompile('(?P<w>o)(?P=w)'), 'foo boo bo')).toEqual(['o', 'o']);
    expect(pyFindall(pyCompile('x{,2}y'), 'xxxy y')).toEqual(['xxy', 'y']);
    expect(pyFindall(pyCompile('[]a]+'), ']a]b')).toEqual([']a]']);
    expect(pyFindall(pyCompile('a{b'), 'a{b')).toEqual(['a{b']);
  });

  it('\\s is Python whitespace (U+001C and U+0085 yes, U+FEFF no)', () => {
    expect(pyFindall(pyCompile(String.raw`\s+`), 'a\x1cb\x85c\ufeffd')).toEqual(['\x1c', '\x85']);
  });

  it('IGNORECASE equates i, I, U+0130 and U+0131 as Python does', () => {
    expect(pySearch(pyCompile('i'), 'KIRK İstanbul')).toBeNull();
    expect(pyFindall(pyCompile('i', { ignoreCase: true }), 'ı İ i I')).toEqual(['ı', 'İ', 'i', 'I']);
  });

  it('substitution templates and empty matches', () => {
    expect(pySub(pyCompile('([:,])([^\\d])'), ' \\1 \\2', 'a,b:1')).toBe('a , b:1');
    expect(pyFindall(pyCompile(''), 'ab')).toEqual(['', '', '']);
  });

  it('3.11 possessive quantifiers ("C++" is valid) and invalid patterns', () => {
    expect(pySearch(pyCompile('C++'), 'I like C.')).not.toBeNull();
    expect(pyFindall(pyCompile('(a)b++'), 'abbb ab a')).toEqual(['a', 'a']);
    expect(() => pyCompile('(abc')).toThrow(PyRegexError);
    expect(() => pyCompile('\\q')).toThrow(PyRegexError);
  });
});

describe('Python str semantics', () => {
  it('split() and strip() use Python whitespace', () => {
    const s = '  Hello\x1c\u0085World\ufeff  ';
    expect(splitWhitespace(s)).toEqual(['Hello', 'World\ufeff']);
    expect(pyStrip(s)).toBe('Hello\x1c\u0085World\ufeff');
  });

  it('isupper/islower need a cased character and no other case or titlecase', () => {
    expect([pyIsUpper('ÀB'), pyIsUpper('ǅ'), pyIsLower('ǅa'), pyIsLower('ⓐb'), pyIsUpper('123')]).toEqual([true, false, false, true, false]);
  });

  it('len counts code points; isdigit takes any Unicode digit', () => {
    expect(pyLen('a😀b')).toBe(3);
    expect([pyIsDigit('١٢٣'), pyIsDigit('²')]).toEqual([true, true]);
  });
});

describe('json.loads and csv.reader', () => {
  it('json.loads accepts NaN/Infinity and rejects what Python rejects', () => {
    const cases: [string, boolean][] = [
      ['{"a": 1}', true], ['[Infinity, NaN]', true], ['-Infinity', true], ['{"a":1,}', false], ['01', false],
      ['1.', false], ['"a\tb"', false], ['"a\\qb"', false], ['\ufeff{}', false], ['{1:2}', false],
    ];
    for (const [text, ok] of cases) expect([text, pyJsonValid(text)]).toEqual([text, ok]);
  });

  it('csv.reader rows, quotes, and the newline-in-unquoted-field error', () => {
    expect(pyCsvRows('ID,Country\n1,"x,y"\n2,z')).toEqual([['ID', 'Country'], ['1', 'x,y'], ['2', 'z']]);
    expect(pyCsvRows('a,"b\nc",d\n')).toEqual([['a', 'b\nc', 'd']]);
    expect(pyCsvRows('"x" y,z')).toEqual([['x y', 'z']]);
    expect(() => pyCsvRows('a\rb')).toThrow(/new-line character/);
  });
});
