/**
 * The part-marker finder must find exactly what a global search with PART_MARKER_RE finds, on
 * real responses and on generated text made of markers, near misses, spacing and punctuation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PART_MARKER_RE } from '../../src/verifiers/mcq/cues.js';
import { findPartMarkers } from '../../src/verifiers/mcq/part-markers.js';
import { MAX_SCAN_CHARS } from '../../src/verifiers/mcq/prefix-scan.js';

const corpus = readFileSync(join(__dirname, '../corpora/mcq/mmlu_pro_mcq_extraction_labelled.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { response: string }).response);

function byRegex(text: string): { at: number; text: string }[] {
  const out = [];
  PART_MARKER_RE.lastIndex = 0;
  for (let m = PART_MARKER_RE.exec(text); m; m = PART_MARKER_RE.exec(text)) out.push({ at: m.index, text: m[0] });
  return out;
}

const PIECES = [
  '(a)', '(b)', 'b)', 'h)', 'i)', '(A)', 'C)', '(1)', '2)', '9)', '0)', '(', ')', 'For', 'for', 'FOR', 'part', 'Part', 'PART', 'parts',
  'First', 'first', 'second', 'Third', 'fourth', '1st', '2nd', '3rd', '4th', 'situation', 'case', 'Case', 'scenario', 'question',
  'statement', 'scheme', 'condition', 'sub-question', 'subquestion', 'state', 'answer', 'is', 'the', 'x', '.', ';', ':', ',', 'a', '1',
  'For part (b)', 'for part\n2)', 'For  (c)', 'the second part', 'Part (a)', 'part 3,', 'Third  case', '\n  3) ', 'First\tsub-question',
];
const SEPARATORS = [' ', ' ', ' ', '', '\n', '\t', '  ', '\n  ', '\u00a0', '.', ':', ';'];

const markerText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((parts) => parts.map(([piece, sep]) => piece + sep).join(''));

describe('part markers', () => {
  it('are exactly the global search matches on all 242 corpus responses', () => {
    let total = 0;
    for (const text of corpus) {
      const found = findPartMarkers(text);
      expect(found).toEqual(byRegex(text));
      total += found.length;
    }
    expect(total).toBeGreaterThan(20); // the corpus has markers to find
  });

  it('are exactly the global search matches on generated text', () => {
    fc.assert(
      fc.property(markerText, (text) => {
        expect(findPartMarkers(text)).toEqual(byRegex(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('fall back to the global search beyond the scan buffer', () => {
    const text = 'x '.repeat(MAX_SCAN_CHARS / 2) + 'For (b) the second part.';
    expect(findPartMarkers(text)).toEqual(byRegex(text));
    expect(findPartMarkers(text)).toHaveLength(2);
  });
});
