/**
 * The fast cue finder (WebAssembly prefix scan + lead-word walk + sticky expression) must find
 * exactly what a plain global search with the cue expression finds, on real responses and on
 * generated text built from the cues' own words in any case, spacing and punctuation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUE_GLOBAL_RE, cueKind } from '../../src/verifiers/mcq/cues.js';
import { findLatinCues } from '../../src/verifiers/mcq/find-cues.js';
import { MAX_SCAN_CHARS, prefixScanner, scanPrefixesSlowly, type PrefixScanner } from '../../src/verifiers/mcq/prefix-scan.js';

const corpus = readFileSync(join(__dirname, '../corpora/mcq/mmlu_pro_mcq_extraction_labelled.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { response: string }).response);

/** The reference: every match of the global cue expression, left to right. */
function byRegex(text: string): { kind: string; at: number; end: number }[] {
  const out = [];
  CUE_GLOBAL_RE.lastIndex = 0;
  for (let m = CUE_GLOBAL_RE.exec(text); m; m = CUE_GLOBAL_RE.exec(text)) out.push({ kind: cueKind(m), at: m.index, end: m.index + m[0].length });
  return out;
}

/** Cue phrases (and near misses), word by word. */
const PHRASES = [
  ['the', 'final', 'answer', 'is'], ['overall', 'choice', ':'], ['the', 'full', 'answer', 'is'], ['the', 'complete', 'answer', 'is'],
  ['the', 'answers', 'to', 'both', 'parts', 'are', ':'], ['the', 'answers', 'are'], ['answer', '='], ['answer', 'would', 'be'],
  ['I', "'ll", 'go', 'with'], ['I', 'would', 'choose'], ['I', 'will', 'pick'], ['I', 'select'], ['i', 'go', 'with'],
  ['la', 'respuesta', 'correcta', 'es'], ['die', 'richtige', 'Antwort', 'ist'], ['a', 'resposta', '\u00e9'], ['la', 'risposta', '\u00e8'],
  ['la', 'r\u00e9ponse', 'est'], ['Antwort:'], ['Respuesta', ':'], ['Jawaban:'], ['Jibu', ':'], ['\u00ccd\u00e1h\u00f9n', ':'], ['Adahun:'],
  ['most', 'likely', 'answer', 'choice', 'is'], ['closest', 'to', 'option'], ['the', 'correct', 'option', 'is'], ['best', 'match'],
  ['most', 'plausible', 'statement'], ['right', 'alternative', ':'], ['cannot', 'be', 'determined'], ['can', 'not', 'provide', 'an', 'answer'],
  ['unable', 'to', 'be', 'determined'], ["won't", 'select', 'an', 'option'], ['will', 'not', 'determine', 'the', 'answer'],
  ['can', 'not', 'be', 'provide', 'an', 'answer'], ["can't", 'choose', 'an', 'answer'], ['none', 'of', 'the', 'given', 'options'],
  ['none', 'of', 'the', 'answer', 'choices'], ['not', 'listed', 'among', 'the', 'provided', 'options'],
  ['not', 'included', 'in', 'the', 'answer', 'choices'], ['\\boxed{'], ['\\fbox', '{'], ['option'], ['choice'], ['answer', ':'],
  ['(B)'], ['C.'], ['state'], ['response'], ['adoption'], ['with'], ['go'], ['the'], ['x'], ['\u4e2d'], ['\u0130'], ['Kelvin\u212a'],
];
const SPACES = [' ', ' ', ' ', ' ', '', '\n', '\t', '   ', '\u00a0', '\u3000', '\r\n'];
const DECOR = ['', '', '', '**', '(', "x'", '"', '-', 'x'];
const CASES = ['same', 'same', 'upper', 'lower', 'title'] as const;

function recase(word: string, kase: (typeof CASES)[number]): string {
  if (kase === 'upper') return word.toUpperCase();
  if (kase === 'lower') return word.toLowerCase();
  if (kase === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** Phrases joined by random whitespace, in random case, some decorated, some glued to their neighbour. */
const cueText = fc
  .array(
    fc.tuple(
      fc.constantFrom(...PHRASES),
      fc.array(fc.constantFrom(...SPACES), { minLength: 8, maxLength: 8 }),
      fc.constantFrom(...CASES),
      fc.constantFrom(...DECOR),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.map(([words, spaces, kase, decor]) => decor + words.map((w, k) => recase(w, kase) + spaces[k]).join('')).join(''));

/** The scanner's hits for a text, as a plain array. */
function hitsOf(scanner: PrefixScanner, text: string): number[] {
  return [...scanner.hits.subarray(0, 2 * scanner.scan(text))];
}

const PREFIXES = ['answ', 'opti', '\\box', 'r\u00e9po', 'd\u00e1h\u00f9', 'with'];

describe('prefix scan', () => {
  const scanner = prefixScanner(PREFIXES)!;

  it('finds what a character-by-character search finds, on the corpus', () => {
    expect(scanner).toBeDefined();
    for (const text of corpus) expect(hitsOf(scanner, text)).toEqual(scanPrefixesSlowly(PREFIXES, text));
  });

  it('finds what a character-by-character search finds, in any case, at any offset, near the end', () => {
    const alphabet = fc.constantFrom('a', 'N', 's', 'W', 'o', 'P', 't', 'i', '\\', 'b', 'O', 'x', 'r', '\u00e9', '\u00c9', 'd', '\u00e1', 'h', '\u00f9', 'w', '|', ' ', '\u0161', '\u4e2d');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 70 }).map((cs) => cs.join('')), (text) => {
        expect(hitsOf(scanner, text)).toEqual(scanPrefixesSlowly(PREFIXES, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('does not see bytes left over from a longer previous text', () => {
    scanner.scan('x'.repeat(40) + 'answ');
    expect(hitsOf(scanner, 'x'.repeat(38))).toEqual([]);
  });

  it('rejects texts longer than its buffer and prefixes it cannot hold', () => {
    expect(() => scanner.scan('a'.repeat(MAX_SCAN_CHARS + 1))).toThrow(RangeError);
    expect(() => prefixScanner(['abc'])).toThrow(TypeError);
    expect(() => prefixScanner(['abcd', 'ABCD'])).toThrow(TypeError);
  });
});

describe('fast cue finder', () => {
  it('finds exactly the global search matches on all 242 corpus responses', () => {
    for (const text of corpus) expect(findLatinCues(text)).toEqual(byRegex(text));
  });

  it('finds exactly the global search matches on generated cue text', () => {
    fc.assert(
      fc.property(cueText, (text) => {
        expect(findLatinCues(text)).toEqual(byRegex(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('falls back to the global search beyond the scan buffer', () => {
    const text = 'x '.repeat(MAX_SCAN_CHARS / 2) + 'The final answer is (C).';
    expect(findLatinCues(text)).toEqual(byRegex(text));
    expect(findLatinCues(text)).toHaveLength(1);
  });
});
