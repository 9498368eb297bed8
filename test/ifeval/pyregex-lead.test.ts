/**
 * Patterns that start with a greedy whitespace run (postscript's `\s*p\.\s?s\..*$`, the bullet
 * lists' `^\s*\*[^\*].*$`, IFBench's `\n*(?:Question ...)`) searched over a long whitespace run
 * were quadratic (3-5 s at 50,000 characters). The linear search skips the starts inside a run
 * that the run's first start already tried; it must find exactly the matches the plain search
 * finds, on any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyCompile, pyFinditer, pySearch, pySplit, type PyRegex } from '../../src/verifiers/ifeval/text/pyregex.js';

/** The same pattern searched the plain way (no lead skip). */
const plain = (rx: PyRegex): PyRegex => ({ ...rx, lead: undefined });
const spans = (ms: RegExpExecArray[]): [number, string][] => ms.map((m) => [m.index, m[0]]);

const PATTERNS: [string, { multiline?: boolean; ignoreCase?: boolean }][] = [
  [String.raw`\s*p\.\s?s\..*$`, { multiline: true }],
  [String.raw`\s*p\.\s?p\.\s?s.*$`, { multiline: true }],
  [String.raw`^\s*\*[^\*].*$`, { multiline: true }],
  [String.raw`^\s*-.*$`, { multiline: true }],
  [String.raw`\n*(?:Question \d+[\.|\):;]?\s*)`, {}],
  [String.raw`\s*`, {}],
  [String.raw`\s*a?`, { multiline: true }],
  [String.raw`\n*\s`, {}],
];

describe('pyregex: searches of a leading whitespace run', () => {
  it('the patterns of the slow instructions take the linear path', () => {
    for (const [p, f] of PATTERNS.slice(0, 5)) expect(pyCompile(p, f).lead, p).toBeDefined();
    expect(pyCompile(String.raw`\s*?x`).lead).toBeUndefined();
    expect(pyCompile(String.raw`^\s*x`).lead).toBeUndefined(); // ^ without MULTILINE: one start only
  });

  it('finds exactly the plain search\'s matches on any text', () => {
    const piece = fc.constantFrom(' ', '  ', '\n', '\n\n', '\t', '\r', '\u00a0', 'p', '.', 's', 'p.s.', 'P.S. x', '* a', '**', '- b', 'Question 2) ', 'a', 'x\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom(...PATTERNS), (parts, [p, f]) => {
        const text = parts.join('');
        const rx = pyCompile(p, f);
        expect(spans(pyFinditer(rx, text))).toEqual(spans(pyFinditer(plain(rx), text)));
        const a = pySearch(rx, text);
        const b = pySearch(plain(rx), text);
        expect(a && [a.index, a[0]]).toEqual(b && [b.index, b[0]]);
        expect(pySplit(rx, text)).toEqual(pySplit(plain(rx), text));
      }),
      { numRuns: 4000 },
    );
  });

  it('a 50,000-character whitespace run is judged (the verdict, not a timeout)', () => {
    const rx = pyCompile(String.raw`\s*p\.\s?s\..*$`, { multiline: true });
    for (const w of [' ', '\n', '\t']) expect(pySearch(rx, w.repeat(49_999) + 'a')).toBeNull();
    expect(pySearch(rx, ' '.repeat(49_999) + 'p.s. done')?.index).toBe(0);
  });
});
