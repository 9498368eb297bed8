/**
 * The README's CrossThink pipeline block, run as written (with `npx rewards` as
 * `node bin/rewards.js`, and its /tmp/crossthink folder a fresh temporary one).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readParquetTable } from './read-parquet.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The shell block between the crossthink-pipeline markers of README.md. */
function pipelineBlock(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const m = /<!-- crossthink-pipeline:start -->\n```sh[^\n]*\n([\s\S]*?)```\n<!-- crossthink-pipeline:end -->/.exec(readme);
  if (!m) throw new Error('README.md has no crossthink-pipeline block');
  return m[1]!;
}

describe('README: CrossThink pipeline', () => {
  it('filter -> blend -> export -> score runs on the bundled sample, and the gold stand-in scores 16/16', () => {
    const work = mkdtempSync(join(tmpdir(), 'crossthink-'));
    const script = pipelineBlock().replaceAll('npx rewards', `node ${join(root, 'bin/rewards.js')}`).replaceAll('/tmp/crossthink', work);
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    expect(r.stderr).toMatch(/gpr \([a-z_+]+\)\s+11\s+2\s+66\.7%\s+11\s+68\.8%/);
    expect(r.stderr).toMatch(/math\s+5\s+1\s+33\.3%\s+5\s+31\.3%/);
    expect(r.stderr).toMatch(/rewards score: 16 lines .* passed 16\/16/);
    expect(r.status).toBe(0);
    const table = readParquetTable(join(work, 'train.parquet'));
    expect(table.numRows).toBe(16);
    expect(String(table.schema.fields.find((f) => f.name === 'prompt')!.type)).toBe('List<Struct<{role:Utf8, content:Utf8}>>');
    const verdicts = readFileSync(join(work, 'verdicts.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { pass: boolean; route: string });
    expect(verdicts).toHaveLength(16);
    expect(verdicts.every((v) => v.pass)).toBe(true);
    expect(new Set(verdicts.map((v) => v.route))).toEqual(new Set(['mcq', 'math']));
    for (const f of ['train.openrlhf.jsonl', 'train.nemo-gym.jsonl']) expect(readFileSync(join(work, f), 'utf8').trim().split('\n')).toHaveLength(16);
  }, 240_000);
});
