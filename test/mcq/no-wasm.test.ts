/**
 * Where WebAssembly is unavailable the cue finder falls back to one global search with the cue
 * expression (and the conditional check searches each window for "then"). Extraction must give
 * the same result either way: run the corpus in a Node without WebAssembly and compare.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMcqLetter } from '../../src/index.js';

const corpusPath = join(__dirname, '../corpora/mcq/mmlu_pro_mcq_extraction_labelled.jsonl');
const extractPath = join(__dirname, '../../src/verifiers/mcq/extract.ts');

describe('mcq extraction without WebAssembly', () => {
  it('gives the same result on every corpus response, and conditional answers still do not count', () => {
    const extra = ['If the rate doubles, then the answer is (B). Otherwise the answer is (C).', 'so if x, then the answer is (G)'];
    const script = `
      import { readFileSync } from 'node:fs';
      const { extractMcqLetter } = await import(${JSON.stringify(extractPath)});
      if (typeof WebAssembly !== 'undefined') throw new Error('WebAssembly is still exposed');
      const texts = readFileSync(${JSON.stringify(corpusPath)}, 'utf8').trim().split('\\n').map((l) => JSON.parse(l).response);
      texts.push(...${JSON.stringify(extra)});
      console.log(JSON.stringify(texts.map((t) => extractMcqLetter(t))));
    `;
    const run = spawnSync(process.execPath, ['--no-expose-wasm', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const withoutWasm = JSON.parse(run.stdout) as unknown[];
    const texts = readFileSync(corpusPath, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { response: string }).response);
    texts.push(...extra);
    expect(withoutWasm).toEqual(texts.map((t) => extractMcqLetter(t)));
    expect(withoutWasm.at(-2)).toEqual({ letter: 'C', rule: 'last-statement' });
    expect(withoutWasm.at(-1)).toEqual({ reason: 'no-answer' });
  }, 30_000);
});
