/**
 * End-to-end tests of the `rewards` binary (bin/rewards.js over dist/, built by `pretest`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/rewards.js');
const dir = mkdtempSync(join(tmpdir(), 'rewards-cli-'));

function rewards(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const jsonl = (s: string): Record<string, unknown>[] => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('rewards filter', () => {
  it('accounts for every line: kept + rejected = input lines, rejects name their line and reason', () => {
    const kept = join(dir, 'kept.jsonl');
    const rejects = join(dir, 'rejects.jsonl');
    const r = rewards(['filter', 'examples/crossthink.jsonl', '--out', kept, '--rejects', rejects, '--difficulty-field', 'pass_rate']);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(root, 'examples/crossthink.jsonl'), 'utf8').trim().split('\n').length;
    const k = jsonl(readFileSync(kept, 'utf8'));
    const rej = jsonl(readFileSync(rejects, 'utf8'));
    expect(k.length + rej.length).toBe(lines);
    expect(rej.every((x) => typeof x.line === 'number' && typeof x.reject_reason === 'string')).toBe(true);
    expect(rej.find((x) => String(x.reject_reason).startsWith('invalid-json'))?.line).toBe(20);
    expect(r.stderr).toMatch(/rewards filter: 23 lines/);
    expect(r.stderr).toMatch(/kept\s+15/);
    expect(r.stderr).toMatch(/invalid-json\s+1/);
  });
  it('--dedup drops a paraphrased question, naming the earlier record', () => {
    const rejects = join(dir, 'dedup-rejects.jsonl');
    const r = rewards(['filter', 'examples/crossthink.jsonl', '--dedup', '0.9', '--out', join(dir, 'dedup-kept.jsonl'), '--rejects', rejects, '-q']);
    expect(r.code).toBe(0);
    const near = jsonl(readFileSync(rejects, 'utf8')).filter((x) => String(x.reject_reason).startsWith('near-duplicate'));
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ id: 'ct-023', reject_reason: expect.stringMatching(/^near-duplicate: cosine 0\.9\d+ with earlier id "ct-001"$/) });
  });
  it('--strict turns malformed lines into exit code 2; stdin works', () => {
    const r = rewards(['filter', '-', '--strict', '-q'], '{"question":"q","answer":"1"}\nnot json\n');
    expect(r.code).toBe(2);
    expect(jsonl(r.stdout)).toEqual([{ question: 'q', answer: '1', _line: 1 }]);
  });
  it('a missing file is a clear error', () => {
    const r = rewards(['filter', 'nope.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rewards: cannot read nope.jsonl: no such file/);
  });
});

describe('rewards score', () => {
  it('writes one verdict per line, in order, echoing ids', () => {
    const r = rewards(['score', '--verifier', 'mcq', 'examples/mcq.jsonl']);
    expect(r.code).toBe(0);
    const out = jsonl(r.stdout);
    const input = jsonl(readFileSync(join(root, 'examples/mcq.jsonl'), 'utf8'));
    expect(out.map((o) => o.id)).toEqual(input.map((i) => i.id));
    expect(out[0]).toMatchObject({ id: 'mcq-1', score: 1, pass: true, extracted: 'B' });
    expect(out[4]).toMatchObject({ score: 0, reason: 'no-answer' });
    expect(out[4]!.extracted).toBeUndefined();
    expect(r.stderr).toMatch(/mean score/);
  });
  it('a bad line gets an error naming its line number, score 0, and exit code 2; the run goes on', () => {
    const input = ['{"id":1,"response":"Answer: A","reference":"A"}', '{oops', '{"id":3,"response":"Answer: A"}', '[1]', '{"id":5,"response":"Answer: B","reference":{"answer":"B","letters":"AB"}}'].join('\n');
    const r = rewards(['score', '-v', 'mcq', '-q'], input + '\n');
    expect(r.code).toBe(2);
    const out = jsonl(r.stdout);
    expect(out).toHaveLength(5);
    expect(out[1]).toMatchObject({ line: 2, score: 0, pass: false, error: expect.stringMatching(/^line 2: invalid JSON/) });
    expect(out[2]).toMatchObject({ id: 3, line: 3, error: 'line 3: missing field "reference"' });
    expect(out[3]).toMatchObject({ line: 4, error: 'line 4: a line must be a JSON object' });
    expect(out[4]).toMatchObject({ id: 5, score: 1 });
  });
  it('render -> score: each rendered line names its verifier; a preset routes by kind', () => {
    const rendered = rewards(['render', 'examples/crossthink.jsonl', '--template', 'mcq', '-q', '--rejects', join(dir, 'r.jsonl')]);
    expect(rendered.code).toBe(0);
    const prompts = jsonl(rendered.stdout);
    expect(prompts.length).toBeGreaterThan(5);
    const answered = prompts.map((p) => ({ id: p.id, kind: p.kind, format: p.format, response: `Reasoning.\nAnswer: ${(p.reference as { answer: string }).answer}`, reference: p.reference, verifier: p.verifier }));
    const input = answered.map((a) => JSON.stringify(a)).join('\n') + '\n';
    const byField = jsonl(rewards(['score', '-q', '--format-gate'], input).stdout);
    expect(byField.every((o) => o.score === 1)).toBe(true);
    const byPreset = jsonl(rewards(['score', '-q', '--preset', 'crossthink'], input).stdout);
    expect(byPreset.every((o) => o.score === 1 && o.route === 'mcq')).toBe(true);
  }, 120_000);
  it('an unknown verifier or template is a usage error', () => {
    const v = rewards(['score', '-v', 'poetry', 'examples/mcq.jsonl']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/unknown verifier "poetry"/);
    const t = rewards(['render', 'examples/crossthink.jsonl', '-t', 'nope']);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/unknown template "nope"/);
  });
});

describe('rewards render and convert', () => {
  it('render writes prompts; records that do not fit become error lines with their line number', () => {
    const r = rewards(['render', 'examples/crossthink.jsonl', '--template', 'open-ended', '-q']);
    const out = jsonl(r.stdout);
    expect(out).toHaveLength(23);
    expect(out[0]).toMatchObject({ id: 'ct-001', verifier: 'math', reference: 'Farad', kind: 'open-ended' });
    expect(out[3]).toMatchObject({ line: 4, error: expect.stringMatching(/^option-dependent/) });
    expect(r.code).toBe(2);
  });
  it('convert drops option-dependent questions with that reason', () => {
    const src = join(dir, 'conv.jsonl');
    writeFileSync(src, '{"question":"Which of the following is a gas?","options":["Ar","Fe"],"answer":"A"}\n{"question":"Capital of Italy?","options":["Rome","Oslo"],"answer":"A"}\n');
    const rej = join(dir, 'conv-rej.jsonl');
    const r = rewards(['convert', src, '--rejects', rej, '-q']);
    expect(jsonl(r.stdout)).toEqual([{ question: 'Capital of Italy?', answer: 'Rome', kind: 'open-ended', converted_from: { kind: 'mcq', answer: 'A' } }]);
    expect(jsonl(readFileSync(rej, 'utf8'))[0]).toMatchObject({ line: 1, reject_reason: expect.stringMatching(/^option-dependent/) });
  });
});
