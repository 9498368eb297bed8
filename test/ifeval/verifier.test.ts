/**
 * The ifeval verifier as users call it: through the worker pool (`ifevalReward`,
 * `ifevalVerdicts`), with options, per-sample input errors, the summary lines, the filter and the
 * shipped example file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closePool, ifevalReward, ifevalVerdicts, summarizeIfeval, verifyBatch, verifyIfeval, ifevalInstructionIds } from '../../src/index.js';
import { ifevalKwargsValid } from '../../src/filters/ifeval-kwargs-valid.js';
import { summarize } from '../../src/verifiers/ifeval/index.js';
import { ifevalSamples } from './corpus.js';

afterAll(() => closePool());

const ref = (ids: string[], kwargs: Record<string, unknown>[]) => ({ prompt: 'p', instruction_id_list: ids, kwargs });

describe('ifeval verifier', () => {
  it('supports 83 instruction ids: IFEval 25 + IFBench 58', () => {
    const ids = ifevalInstructionIds();
    expect(ids.length).toBe(83);
    expect(new Set(ids).size).toBe(83);
  });

  it('scores all-or-nothing by default and the followed fraction on request', () => {
    const reference = ref(['punctuation:no_comma', 'startend:quotation'], [{}, {}]);
    const all = verifyIfeval('No commas here.', reference, { mode: 'strict' });
    expect([all.score, all.pass, all.reason]).toEqual([0, false, 'not-followed']);
    expect((all.details as any).follow_instruction_list).toEqual([true, false]);
    expect(verifyIfeval('No commas here.', reference, { mode: 'strict', reward: 'fraction' }).score).toBe(0.5);
    expect(verifyIfeval('"No commas here."', reference, { mode: 'strict' }).score).toBe(1);
  });

  it('without a mode it scores strict and also reports loose', () => {
    const reference = ref(['startend:quotation'], [{}]);
    const v = verifyIfeval('Sure:\n"quoted answer"', reference);
    const d = v.details as any;
    expect([v.score, d.mode, d.strict.follow_instruction_list, d.loose.follow_instruction_list]).toEqual([0, 'strict', [false], [true]]);
  });

  it('names the instruction and the field of a bad kwarg, per sample', async () => {
    const samples = [
      { response: 'x', reference: ref(['keywords:frequency'], [{ keyword: 'x', relation: 'at least' }]) },
      { response: 'x', reference: ref(['keywords:frequency'], [{ keyword: 'x', frequency: 2, relation: 'more than' }]) },
      { response: 'x', reference: ref(['length_constraints:number_words'], [{ num_words: 3, relation: 'at least', extra: 1 }]) },
      { response: 'x', reference: ref(['no:such_instruction'], [{}]) },
      { response: 'x', reference: ref(['keywords:existence'], [{ keywords: ['(unclosed'] }]) },
      { response: 'x', reference: { instruction_id_list: ['punctuation:no_comma'], kwargs: [] } },
      { response: 'fine, really', reference: ref(['punctuation:no_comma'], [{}]) },
    ];
    const v = await verifyBatch('ifeval', samples, { threads: 2 });
    expect(v.map((x) => x.reason)).toEqual(['invalid-input', 'invalid-input', 'invalid-input', 'invalid-input', 'invalid-input', 'invalid-input', 'not-followed']);
    expect(v[0]!.error).toBe('instruction 0 (keywords:frequency): kwargs.frequency is required');
    expect(v[1]!.error).toMatch(/^instruction 0 \(keywords:frequency\): kwargs\.relation must be one of "less than", "at least"$/);
    expect(v[2]!.error).toBe('instruction 0 (length_constraints:number_words): kwargs.extra is not a parameter of this instruction');
    expect(v[3]!.error).toContain('unknown instruction id "no:such_instruction"');
    expect(v[4]!.error).toMatch(/^instruction 0 \(keywords:existence\): kwargs\.keywords\[0\] is not a usable Python regular expression/);
    expect(v[5]!.error).toContain('reference.kwargs must be an array with one object per instruction');
  });

  it('rejects unknown options', () => {
    expect(() => verifyIfeval('x', ref(['punctuation:no_comma'], [{}]), { mode: 'lenient' as never })).toThrow(/options.mode/);
    expect(() => verifyIfeval('x', ref(['punctuation:no_comma'], [{}]), { reward: 'sum' as never })).toThrow(/options.reward/);
  });

  it('ignores null kwargs as IFBench records carry them', () => {
    const v = verifyIfeval('one two three', ref(['count:word_count_range'], [{ min_words: 2, max_words: 4, N: null, keyword: null }]), { mode: 'strict' });
    expect(v.pass).toBe(true);
  });

  it('runs on the worker pool and prints the four accuracies', async () => {
    const samples = ifevalSamples().slice(0, 40);
    const scores = await ifevalReward(
      samples.map((s) => s.response),
      samples.map((s) => s.input),
      { mode: 'strict', threads: 2 },
    );
    const inline = samples.map((s) => verifyIfeval(s.response, s.input, { mode: 'strict' }).score);
    expect(scores).toEqual(inline);
    const both = await ifevalVerdicts(
      samples.map((s) => s.response),
      samples.map((s) => s.input),
    );
    const lines = summarizeIfeval(both);
    expect(lines.map((l) => l.split(':')[0])).toEqual(['strict prompt-level', 'strict instruction-level', 'loose prompt-level', 'loose instruction-level']);
    const loose = await ifevalVerdicts(samples.map((s) => s.response), samples.map((s) => s.input), { mode: 'loose' });
    expect(summarize(loose).map((l) => l.split(':')[0])).toEqual(['strict prompt-level', 'strict instruction-level', 'loose prompt-level', 'loose instruction-level']);
  });

  it('scores the example file (CLI input shape)', () => {
    const lines = readFileSync(new URL('../../examples/ifeval.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const { response, reference } of lines) {
      const v = verifyIfeval(response, reference, { mode: 'loose' });
      expect(v.score === 0 || v.score === 1).toBe(true);
      expect((v.details as any).follow_instruction_list.length).toBe(reference.instruction_id_list.length);
    }
  });
});

describe('ifeval-kwargs-valid filter', () => {
  it('keeps records whose kwargs validate and names instruction and field otherwise', async () => {
    const check = ifevalKwargsValid.create({});
    const records = [
      { kind: 'ifeval', prompt: 'p', instruction_id_list: ['keywords:frequency'], kwargs: [{ keyword: 'a', frequency: 2, relation: 'at least' }] },
      { kind: 'ifeval', prompt: 'p', instruction_id_list: ['keywords:frequency'], kwargs: [{ keyword: 'a', frequency: -1, relation: 'at least' }] },
      { kind: 'ifeval', prompt: 'p', instruction_id_list: ['length_constraints:nth_paragraph_first_word'], kwargs: [{ num_paragraphs: 2, nth_paragraph: 3, first_word: 'a' }] },
      ...ifevalSamples().slice(0, 20).map((s) => s.input),
    ];
    const out = await check(records);
    expect(out[0]).toEqual({ keep: true });
    expect(out[1]).toEqual({ keep: false, reason: 'instruction 0 (keywords:frequency): kwargs.frequency must be >= 0' });
    expect(out[2]!.reason).toBe('instruction 0 (length_constraints:nth_paragraph_first_word): kwargs.nth_paragraph must be at most num_paragraphs (2)');
    expect(out.slice(3).every((r) => r.keep)).toBe(true);
    expect(ifevalKwargsValid.kinds).toEqual(['ifeval']);
  });
});
