/**
 * `rewards export` for each trainer: rows in the trainer's shape, verl parquet read back by an
 * independent reader with the nested types verl's loader expects, `data_source` routing through
 * the `mixed` preset to the verifier that scores the row, and gold answers scoring 1 through it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src/export/run.js';
import { loadPreset, routeFor } from '../../src/presets/preset.js';
import { verifyOne } from '../../src/core/batch.js';
import { readParquetTable, rowsOf } from './read-parquet.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rewards-export-'));
const records = join(root, 'test/export/records.jsonl');
const mixed = loadPreset('mixed');
const readJsonl = (f: string): Record<string, unknown>[] => readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
/** The reference behind a string column: JSON text of an object, else the gold answer itself. */
const decode = (s: string): unknown => (s.startsWith('{') ? JSON.parse(s) : s);

async function exportTo(to: 'verl' | 'openrlhf' | 'trl' | 'nemo-gym', extra: { templates?: string[]; agent?: string } = {}) {
  const out = join(dir, `out.${to}`);
  const bad: string[] = [];
  const s = await runExport(records, { to, out, quiet: true, onBadLine: (_f, line, reason) => bad.push(`${line}: ${reason}`), ...extra });
  return { out, s, bad };
}

describe('export --to verl', () => {
  it('parquet with prompt list<struct<role, content>>, reward_model and extra_info structs, read back independently', async () => {
    const { out, s, bad } = await exportTo('verl');
    expect(s).toMatchObject({ lines: 8, written: 6, errors: 2 });
    expect(bad).toEqual([expect.stringMatching(/^7: invalid-json: /), expect.stringMatching(/^8: mcq-gold-in-options: /)]);
    const table = readParquetTable(out);
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types).toEqual({
      data_source: 'Utf8',
      prompt: 'List<Struct<{role:Utf8, content:Utf8}>>',
      ability: 'Utf8',
      reward_model: 'Struct<{style:Utf8, ground_truth:Utf8}>',
      extra_info: 'Struct<{split:Utf8, index:Int64, id:Utf8, kind:Utf8, domain:Utf8, verifier:Utf8, format:Utf8, question:Utf8, original_data_source:Utf8}>',
    });
    const rows = rowsOf(table);
    expect(rows.map((r) => r.data_source)).toEqual(['math', 'openai/gsm8k', 'mcq', 'code', 'code', 'ifeval']);
    expect(rows[0]).toMatchObject({
      prompt: [{ role: 'user', content: expect.stringMatching(/\\boxed\{\}\.\n\nWhat is 6 times 7\?$/) }],
      ability: 'math',
      reward_model: { style: 'rule', ground_truth: '42' },
      extra_info: { split: 'train', index: 0, id: 'm1', kind: 'open-ended', verifier: 'math', format: 'open-ended', question: 'What is 6 times 7?', original_data_source: null },
    });
    expect(rows[2]!.extra_info).toMatchObject({ id: '3', original_data_source: 'my-private-set', index: 2 });
    expect(decode((rows[2]!.reward_model as { ground_truth: string }).ground_truth)).toEqual({ answer: 'B', letters: 'ABC', choices: ['Henry', 'Farad', 'Ohm'] });
    // Every data_source routes, through the mixed preset, to the verifier the row was made for.
    for (const r of rows) {
      const route = routeFor(mixed, { data_source: r.data_source });
      expect('route' in route && route.route.verifier).toBe((r.extra_info as { verifier: string }).verifier);
    }
  });
  it('gold answers written in the prompt\'s format score 1 through the mixed preset\'s route (compute_score needs no glue)', async () => {
    const { out } = await exportTo('verl');
    const rows = rowsOf(readParquetTable(out)).filter((r) => ['math', 'mcq'].includes((r.extra_info as { verifier: string }).verifier));
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      const info = r.extra_info as { verifier: string; format: string };
      const ref = decode((r.reward_model as { ground_truth: string }).ground_truth);
      const route = routeFor(mixed, { data_source: r.data_source });
      if (!('route' in route)) throw new Error(route.error);
      const response = info.verifier === 'mcq' ? `Farads measure capacitance.\nAnswer: ${(ref as { answer: string }).answer}` : `So the result is \\boxed{${ref as string}}.`;
      const v = await verifyOne(route.route.verifier, response, ref, { ...route.route.options, format: info.format, threads: 0 });
      expect(v).toMatchObject({ pass: true, score: 1 });
      const wrong = await verifyOne(route.route.verifier, info.verifier === 'mcq' ? 'Answer: A' : '\\boxed{7}', ref, { format: info.format, threads: 0 });
      expect(wrong.pass).toBe(false);
    }
  });
  it('many row groups stream out and read back in order', async () => {
    const big = join(dir, 'big.jsonl');
    const n = 20_000;
    writeFileSync(big, Array.from({ length: n }, (_, i) => JSON.stringify({ id: i, domain: 'math', question: `What is ${i} + 1?`, answer: String(i + 1) })).join('\n') + '\n');
    const out = join(dir, 'big.parquet');
    const s = await runExport(big, { to: 'verl', out, quiet: true, split: 'test', rowGroupRows: 8192 });
    expect(s.written).toBe(n);
    const table = readParquetTable(out);
    expect(table.numRows).toBe(n);
    const info = table.getChild('extra_info')!;
    const gt = table.getChild('reward_model')!;
    for (const i of [0, 8191, 8192, 16384, n - 1]) {
      expect(Number(info.get(i)!.toJSON().index)).toBe(i);
      expect(info.get(i)!.toJSON().split).toBe('test');
      expect(gt.get(i)!.toJSON().ground_truth).toBe(String(i + 1));
    }
  });
  it('the worker thread and the one-thread writer, each codec, write the same rows; non-ASCII text and nulls survive the packing', async () => {
    const src = join(dir, 'unicode.jsonl');
    const texts = ['Was ist 2 + 2? Grüße, 東京 🚀', 'plain ascii', 'é'.repeat(3000), 'Combien font 3 × 3 ?'];
    writeFileSync(src, texts.map((q, i) => JSON.stringify({ ...(i % 2 ? { id: `u${i}` } : {}), domain: i === 3 ? 'mathématiques' : 'math', question: q, answer: `${i} €` })).join('\n') + '\n');
    const read = async (o: { inThread?: boolean; compression?: 'BROTLI' | 'GZIP' | 'UNCOMPRESSED' }) => {
      const out = join(dir, `u-${o.inThread ? 'in' : 'worker'}-${o.compression ?? 'default'}.parquet`);
      await runExport(src, { to: 'verl', out, quiet: true, rowGroupRows: 3, ...o });
      return rowsOf(readParquetTable(out));
    };
    const viaWorker = await read({});
    expect(viaWorker.map((r) => (r.extra_info as { question: string }).question)).toEqual(texts);
    expect(viaWorker.map((r) => (r.extra_info as { id: string | null }).id)).toEqual([null, 'u1', null, 'u3']);
    expect(viaWorker.map((r) => (r.extra_info as { index: number }).index)).toEqual([0, 1, 2, 3]);
    expect(viaWorker[3]).toMatchObject({ ability: 'mathématiques', reward_model: { ground_truth: '3 €' } });
    expect((viaWorker[0]!.prompt as { content: string }[])[0]!.content).toContain('Grüße, 東京 🚀');
    for (const o of [{ inThread: true }, { compression: 'GZIP' as const }, { inThread: true, compression: 'UNCOMPRESSED' as const }]) expect(await read(o)).toEqual(viaWorker);
  });
  it('fails loudly, before any work, when the parquet file cannot be written or the codec is unknown', async () => {
    await expect(runExport(records, { to: 'verl', out: join(dir, 'no-such-dir', 'x.parquet'), quiet: true })).rejects.toThrow(/cannot write --out .*its directory does not exist/);
    await expect(runExport(records, { to: 'verl', out: join(dir, 'x.parquet'), quiet: true, compression: 'LZO' as 'GZIP' })).rejects.toThrow(/--compression must be one of BROTLI, GZIP, UNCOMPRESSED/);
    await expect(runExport(records, { to: 'verl', out: join(dir, 'x.parquet'), quiet: true, rowGroupRows: 0 })).rejects.toThrow(/positive integer/);
  });
  it('refuses to write parquet to stdout', async () => {
    await expect(runExport(records, { to: 'verl', quiet: true })).rejects.toThrow(/--out FILE\.parquet/);
    await expect(runExport(records, { to: 'trl', out: records, quiet: true })).rejects.toThrow(/is the input file/);
  });
});

describe('export --to openrlhf / trl', () => {
  it('OpenRLHF: prompt string, label = JSON text of {verifier, data_source, reference, format}', async () => {
    const { out, s } = await exportTo('openrlhf');
    expect(s.written).toBe(6);
    const rows = readJsonl(out);
    expect(rows.every((r) => typeof r.prompt === 'string' && typeof r.label === 'string')).toBe(true);
    expect(JSON.parse(rows[0]!.label as string)).toEqual({ verifier: 'math', data_source: 'math', reference: '42', format: 'open-ended' });
    expect(JSON.parse(rows[3]!.label as string)).toMatchObject({ verifier: 'code', data_source: 'code', reference: { language: 'python' } });
  });
  it('TRL: conversational prompt and the answer/verifier/data_source/format columns the reward function gets', async () => {
    const { out } = await exportTo('trl', { templates: ['mcq-boxed', 'open-ended-think'] });
    const rows = readJsonl(out);
    expect(rows[0]).toMatchObject({ prompt: [{ role: 'user', content: expect.stringContaining('<think>') }], answer: '42', verifier: 'math', data_source: 'math', format: 'open-ended-think' });
    expect(rows[2]).toMatchObject({ format: 'mcq-boxed', verifier: 'mcq', id: '3' });
    expect(decode(rows[2]!.answer as string)).toMatchObject({ answer: 'B' });
    expect(rows.every((r) => typeof r.answer === 'string')).toBe(true);
  });
});

describe('export --to nemo-gym', () => {
  it('rows carry responses_create_params and the task fields of each resources server', async () => {
    const { out } = await exportTo('nemo-gym', { agent: 'rewards_simple_agent' });
    const rows = readJsonl(out);
    for (const r of rows) {
      expect(r.responses_create_params).toEqual({ input: [{ role: 'user', content: expect.any(String) }] });
      expect(r.agent_ref).toEqual({ type: 'responses_api_agents', name: 'rewards_simple_agent' });
    }
    expect(rows[0]).toMatchObject({ question: 'What is 6 times 7?', expected_answer: '42' });
    expect(rows[2]).toMatchObject({ options: [{ A: 'Henry' }, { B: 'Farad' }, { C: 'Ohm' }], expected_answer: 'B', grading_mode: 'lenient_answer_colon' });
    expect(rows[3]).toMatchObject({ verifier_metadata: { unit_tests: { inputs: ['1 2\n', '40 2\n'], outputs: ['3\n', '42\n'] }, language: 'python' } });
    expect((rows[3]!.verifier_metadata as { unit_tests: object }).unit_tests).not.toHaveProperty('fn_name');
    expect(rows[4]).toMatchObject({ verifier_metadata: { unit_tests: { inputs: ['1\n2', '[1]\n[2]'], outputs: ['3', '[1,2]'], fn_name: 'add' } } });
    const ifRow = rows[5]!;
    const meta = { instruction_id_list: ['change_case:english_lowercase'], prompt: expect.stringMatching(/^Write a haiku/), kwargs: [{}] };
    expect(ifRow).toMatchObject({ verifier_metadata: meta, ...meta, id: 5 });
  });
  it('a boxed-letter template grades strict_single_letter_boxed', async () => {
    const { out } = await exportTo('nemo-gym', { templates: ['mcq-boxed'] });
    expect(readJsonl(out)[2]).toMatchObject({ grading_mode: 'strict_single_letter_boxed' });
  });
});

describe('rewards export (CLI)', { timeout: 120_000 }, () => {
  it('names bad lines, summarises rows by data_source, exits 2', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/rewards.js'), 'export', 'test/export/records.jsonl', '--to', 'trl'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/rewards export: test\/export\/records\.jsonl:7: invalid-json/);
    expect(r.stderr).toMatch(/rewards export: test\/export\/records\.jsonl:8: mcq-gold-in-options/);
    expect(r.stderr).toMatch(/6 rows, 2 not exported/);
    expect(r.stdout.trim().split('\n')).toHaveLength(6);
  });
});
