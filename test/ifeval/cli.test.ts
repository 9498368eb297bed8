/**
 * `rewards score --verifier ifeval --mode loose` on GPT-4's 541 published IFEval responses prints
 * the reference's four accuracies (the input lines join input_data.jsonl with the responses by
 * position, as the reference run did).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = join(root, 'test/corpora/ifeval');
const read = (f: string): Record<string, unknown>[] => readFileSync(join(corpus, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('rewards score --verifier ifeval on the GPT-4 file', () => {
  it('prints prompt- and instruction-level accuracy, strict and loose, equal to the reference', () => {
    const inputs = read('input_data.jsonl');
    const responses = read('input_response_data_gpt4_20231107_145030.jsonl');
    const lines = inputs.map((r, k) => ({
      id: r.key,
      response: responses[k]!.response,
      reference: { prompt: r.prompt, instruction_id_list: r.instruction_id_list, kwargs: r.kwargs },
    }));
    const file = join(mkdtempSync(join(tmpdir(), 'rewards-ifeval-')), 'gpt4.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const r = spawnSync(process.execPath, [join(root, 'bin/rewards.js'), 'score', '--verifier', 'ifeval', '--mode', 'loose', file], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(541);
    expect(r.stderr).toContain('strict prompt-level: 0.7707948243992606 (417/541)');
    expect(r.stderr).toContain('strict instruction-level: 0.8369304556354916 (698/834)');
    expect(r.stderr).toContain('loose prompt-level: 0.7966728280961183 (431/541)');
    expect(r.stderr).toContain('loose instruction-level: 0.8561151079136691 (714/834)');
  }, 180_000);
});
