/**
 * The patch verifier's block scanners (src/verifiers/patch/blocks.ts) read exactly what their
 * reference regular expressions match, in linear time.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fencedDiffContents, searchReplaceBlocks, solutionContents } from '../../src/verifiers/patch/blocks.js';
import { extractPatch } from '../../src/verifiers/patch/index.js';

// The rules as regular expressions: the readable references (they backtrack on adversarial text).
const SOLUTION = /<solution>([\s\S]*?)<\/solution>/g;
const FENCED_DIFF = /^```[ \t]*(?:diff|patch|udiff)[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm;
const SEARCH_REPLACE = /^###[ \t]+(\S[^\n]*?)[ \t]*\r?\n(?:```[^\n]*\n)?<<<<<<< SEARCH\r?\n([\s\S]*?)\r?\n?=======\r?\n([\s\S]*?)\r?\n?>>>>>>> REPLACE[ \t]*$/gm;

const PIECES = ['###', ' ', '\t', 'a', 'b.py', '\n', '\n', '\r', '\r\n', '\u2028', '```', 'diff', 'patch', 'udiff', '<<<<<<< SEARCH', '=======', '>>>>>>> REPLACE', '=', '>', '#', '<solution>', '</solution>', '\u00a0'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));
/** Texts built around a well-formed block, so that matches are common. */
const BLOCK = '### a.py\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n```diff\n-a\n+b\n```\n';
const texts = fc.oneof(text, fc.tuple(text, text, text).map(([a, b, c]) => a + BLOCK + b + BLOCK.replace(/\n/g, () => (c.length % 2 ? '\r\n' : '\n')) + c));

describe('patch block scanners', () => {
  it('property: the same matches as the reference expressions', () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(solutionContents(t)).toEqual([...t.matchAll(SOLUTION)].map((m) => m[1]));
        expect(fencedDiffContents(t)).toEqual([...t.matchAll(FENCED_DIFF)].map((m) => m[1]));
        expect(searchReplaceBlocks(t)).toEqual([...t.matchAll(SEARCH_REPLACE)].map((m) => ({ path: m[1], search: m[2], replace: m[3] })));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads a block as the expressions do', () => {
    expect(searchReplaceBlocks(BLOCK)).toEqual([{ path: 'a.py', search: 'x', replace: 'y' }]);
    expect(fencedDiffContents(BLOCK)).toEqual(['-a\n+b\n']);
    expect(solutionContents('<solution>a</solution> <solution>b</solution>')).toEqual(['a', 'b']);
  });

  it('openings without closings, 200 KB of them, are read at once (the expressions rescanned the rest per opening)', () => {
    const n = 20_000;
    expect(extractPatch(' ```diff\n'.repeat(n))).toEqual({ kind: 'none' });
    expect(extractPatch('```diff\n'.repeat(n))).toEqual({ kind: 'none' });
    expect(extractPatch('<solution>'.repeat(n))).toEqual({ kind: 'none' });
    expect(extractPatch('### a\n<<<<<<< SEARCH\n=======\n'.repeat(n / 4))).toEqual({ kind: 'none' });
    expect(extractPatch('### a\n<<<<<<< SEARCH\n=======\n'.repeat(n / 4) + '>>>>>>> REPLACE\n').kind).toBe('search-replace');
    expect(extractPatch('### a\n<<<<<<< SEARCH\n'.repeat(n / 4) + '=======\n' + '>>>>>>> REPLACE x'.repeat(n / 4))).toEqual({ kind: 'none' });
  });
});
