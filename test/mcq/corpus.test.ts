/**
 * Conformance on 242 hand-labelled MMLU-Pro responses from 12 models. `intended` is the human
 * label (`NONE` = no answer given); 8 rows are labelled `UNCLEAR` and are left out of the figure.
 * The common reference extractors agree with the labels on 47-73% of the rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMcqLetter } from '../../src/index.js';

interface Row {
  id: string;
  response: string;
  valid_letters: string;
  intended: string;
  label_reason: string;
  extractors: Record<string, string | null>;
}

const rows: Row[] = readFileSync(new URL('../corpora/mcq/mmlu_pro_mcq_extraction_labelled.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Row);

describe('MMLU-Pro labelled extraction corpus', () => {
  const labelled = rows.filter((r) => r.intended !== 'UNCLEAR');
  const results = labelled.map((r) => {
    const got = extractMcqLetter(r.response, { letters: r.valid_letters });
    return { row: r, got: got.letter ?? 'NONE', reason: got.reason, rule: got.rule };
  });
  const misses = results.filter((x) => x.got !== x.row.intended);

  it('agrees with the hand labels on at least 99% of the labelled rows', () => {
    const agreed = results.length - misses.length;
    console.log(`mcq extraction: ${agreed}/${results.length} = ${((100 * agreed) / results.length).toFixed(1)}% agree`);
    for (const m of misses) {
      console.log(`  miss ${m.row.id} (${m.row.label_reason}): intended ${m.row.intended}, got ${m.got} [${m.reason ?? m.rule}]`);
    }
    expect(results.length).toBe(234);
    expect(agreed / results.length).toBeGreaterThanOrEqual(0.99);
  });

  it('beats every reference extractor recorded in the corpus', () => {
    const ours = results.length - misses.length;
    for (const name of Object.keys(labelled[0]!.extractors)) {
      const theirs = labelled.filter((r) => (r.extractors[name] ?? 'NONE') === r.intended).length;
      expect(ours, name).toBeGreaterThan(theirs);
    }
  });
});
