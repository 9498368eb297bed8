/**
 * `runBlend` and `rewards blend` end to end on generated files: exact class counts, determinism,
 * input order kept, bad lines named by file and line, short classes never silent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBlend } from '../../src/blend/run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rewards-blend-'));
const read = (f: string): Record<string, unknown>[] => readFileSync(f, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

/** 600 math, 900 stem, 300 humanities records, interleaved; line 777 is broken. */
function dataset(): string {
  const file = join(dir, 'data.jsonl');
  const lines: string[] = [];
  const domains = ['math', 'stem', 'stem', 'humanities', 'math', 'stem'];
  for (let i = 0; i < 1800; i++) lines.push(JSON.stringify({ id: i, domain: domains[i % 6], question: `q${i}`, answer: String(i) }));
  lines.splice(776, 0, '{"id": broken');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
const file = dataset();

describe('runBlend', () => {
  it('gpr=2,math=1 with a total: exact counts per class, input order kept, same seed same output', async () => {
    const out1 = join(dir, 'a.jsonl');
    const bad: string[] = [];
    const s = await runBlend([file], { by: 'domain', weights: { gpr: 2, math: 1 }, total: 900, seed: 7, out: out1, quiet: true, onBadLine: (f, l, r) => bad.push(`${f}:${l}:${r}`) });
    expect(bad).toEqual([expect.stringMatching(new RegExp(`data.jsonl:777:invalid-json: `))]);
    expect(s.badLines).toBe(1);
    const rows = read(out1);
    expect(rows).toHaveLength(900);
    expect(rows.filter((r) => r.domain === 'math')).toHaveLength(300);
    expect(rows.filter((r) => r.domain !== 'math')).toHaveLength(600);
    const ids = rows.map((r) => r.id as number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(900);
    expect(s.members.gpr!.sort()).toEqual(['humanities', 'stem']);
    const out2 = join(dir, 'b.jsonl');
    await runBlend([file], { by: 'domain', weights: { gpr: 2, math: 1 }, total: 900, seed: 7, out: out2, quiet: true });
    expect(readFileSync(out2, 'utf8')).toBe(readFileSync(out1, 'utf8'));
    const out3 = join(dir, 'c.jsonl');
    await runBlend([file], { by: 'domain', weights: { gpr: 2, math: 1 }, total: 900, seed: 8, out: out3, quiet: true });
    expect(readFileSync(out3, 'utf8')).not.toBe(readFileSync(out1, 'utf8'));
  });
  it('without a total: the largest blend at the ratio (math is the limit: 600 math, 1200 gpr)', async () => {
    const out = join(dir, 'd.jsonl');
    const s = await runBlend([file], { by: 'domain', weights: { gpr: 2, math: 1 }, out, quiet: true });
    expect(s.written).toBe(1800);
    const mr = await runBlend([file], { by: 'domain', weights: { math: 2, gpr: 1 }, out, quiet: true });
    expect(mr.plan.map((p) => [p.key, p.take])).toEqual([['math', 600], ['gpr', 300]]);
  });
  it('too few records: an error naming the class, unless --cap or --upsample, each flagged in the plan', async () => {
    const out = join(dir, 'e.jsonl');
    await expect(runBlend([file], { by: 'domain', weights: { math: 2, gpr: 1 }, total: 1500, out, quiet: true })).rejects.toThrow(/"math" needs 1000 records but has 600/);
    const up = await runBlend([file], { by: 'domain', weights: { math: 2, gpr: 1 }, total: 1500, shortfall: 'upsample', seed: 3, out, quiet: true });
    expect(up.written).toBe(1500);
    expect(up.plan[0]).toMatchObject({ key: 'math', take: 1000, status: 'upsampled' });
    const rows = read(out);
    const counts = new Map<unknown, number>();
    for (const r of rows.filter((r) => r.domain === 'math')) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    expect(counts.size).toBe(600);
    expect([...counts.values()].every((c) => c === 1 || c === 2)).toBe(true);
    const cap = await runBlend([file], { by: 'domain', weights: { math: 2, gpr: 1 }, total: 1500, shortfall: 'cap', out, quiet: true });
    expect(cap.plan.map((p) => [p.key, p.take, p.status])).toEqual([['math', 600, 'capped'], ['gpr', 500, 'ok']]);
  });
  it('natural: every class in proportion; classes the ratio leaves out are listed', async () => {
    const out = join(dir, 'f.jsonl');
    const s = await runBlend([file], { by: 'domain', total: 180, out, quiet: true });
    expect(Object.fromEntries(s.plan.map((p) => [p.key, p.take]))).toEqual({ stem: 90, math: 60, humanities: 30 });
    const only = await runBlend([file], { by: 'domain', weights: { math: 1 }, out, quiet: true });
    expect(only.excluded).toEqual([{ value: 'stem', count: 900, why: 'not in the ratio' }, { value: 'humanities', count: 300, why: 'not in the ratio' }]);
  });
  it('mcq-up by kind: MCQ and open-ended records at 2:1, kinds inferred from the fields', async () => {
    const mixedFile = join(dir, 'kinds.jsonl');
    const lines = Array.from({ length: 300 }, (_, i) =>
      JSON.stringify(i % 3 === 0 ? { id: i, question: `q${i}`, answer: String(i) } : { id: i, question: `q${i}`, options: ['a', 'b'], answer: 'A' }),
    );
    lines.push(JSON.stringify({ id: 'code', kind: 'code', question: 'q', reference: { language: 'python', tests: [] } }));
    writeFileSync(mixedFile, lines.join('\n') + '\n');
    const out = join(dir, 'kinds-out.jsonl');
    const s = await runBlend([mixedFile], { by: 'kind', weights: { mcq: 2, 'open-ended': 1 }, total: 150, seed: 5, out, quiet: true });
    expect(s.plan.map((p) => [p.key, p.available, p.take])).toEqual([['mcq', 200, 100], ['open-ended', 100, 50]]);
    expect(s.excluded).toEqual([{ value: 'code', count: 1, why: 'not in the ratio' }]);
    const rows = read(out);
    expect(rows.filter((r) => r.options !== undefined)).toHaveLength(100);
  });
  it('several files are one stream; stdin is refused (two passes)', async () => {
    const out = join(dir, 'g.jsonl');
    const s = await runBlend([file, file], { by: 'domain', weights: { math: 1, stem: 1 }, out, quiet: true });
    expect(s.plan.map((p) => p.available)).toEqual([1200, 1800]);
    await expect(runBlend(['-'], { by: 'domain', out, quiet: true })).rejects.toThrow(/give files, not stdin/);
    await expect(runBlend([file], { by: 'domain', out: file, quiet: true })).rejects.toThrow(/is an input file/);
    await expect(runBlend([file], { by: 'nope', out, quiet: true })).rejects.toThrow(/no record has a nope value to blend by \(1800 records without one\)/);
  });
});

// Each case starts the CLI (a Node process that re-executes itself): slow on a loaded machine.
describe('rewards blend (CLI)', { timeout: 120_000 }, () => {
  const rewards = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/rewards.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  it('prints the achieved proportions, names bad lines, exits 2 for them', () => {
    const r = rewards(['blend', 'examples/crossthink.jsonl', '--blend', 'gpr-up', '--seed', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/rewards blend: examples\/crossthink\.jsonl:20: invalid-json/);
    expect(r.stderr).toMatch(/gpr \((?=[a-z_+]*stem)(?=[a-z_+]*humanities)[a-z_+]+\)\s+16\s+2\s+66\.7%\s+13\s+68\.4%/);
    expect(r.stderr).toMatch(/math\s+6\s+1\s+33\.3%\s+6\s+31\.6%/);
    expect(r.stdout.trim().split('\n')).toHaveLength(19);
  });
  it('a short class is an error (exit 1) naming the fix; --upsample says it did', () => {
    const short = rewards(['blend', 'examples/crossthink.jsonl', '--ratio', 'gpr=2,math=1', '--total', '30', '-q']);
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/"math" needs 10 records but has 6.*--cap.*--upsample/);
    const up = rewards(['blend', 'examples/crossthink.jsonl', '--ratio', 'gpr=2,math=1', '--total', '30', '--upsample', '-q']);
    expect(up.stderr).toMatch(/warning: "math" upsampled: 10 records from 6/);
    expect(up.stderr).toMatch(/warning: "gpr" upsampled: 20 records from 16/);
  });
  it('B_score: weights from a scores file', () => {
    const scores = join(dir, 'scores.json');
    writeFileSync(scores, JSON.stringify({ math: { mean: 0.5 }, stem: 0.25 }));
    const r = rewards(['blend', 'examples/crossthink.jsonl', '--weights-from', scores, '--cap']);
    expect(r.stderr).toMatch(/math\s+6\s+0\.5\s+66\.7%\s+6/);
    expect(r.stderr).toMatch(/stem\s+\d+\s+0\.25\s+33\.3%\s+3/);
    expect(r.stderr).toMatch(/left out: humanities \(\d+ records, not in the ratio\)/);
  });
});
