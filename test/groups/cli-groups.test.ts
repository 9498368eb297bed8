/**
 * `rewards score --group-by`: the group table and histogram, through the built binary (dist/,
 * built by `pretest`) and through the collector directly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createGroupCollector, formatGroupSummary, histogramLines, meanPassAtK } from '../../src/cli/groups.js';
import { groupStats } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('group summary', () => {
  it('counts the groups that would be dropped and masks truncated lines', () => {
    const c = createGroupCollector('uid');
    const lines: [Record<string, unknown>, boolean][] = [
      [{ uid: 'a' }, true], [{ uid: 'a' }, false], [{ uid: 'a', truncated: true }, true],
      [{ uid: 'b' }, true], [{ uid: 'b' }, true],
      [{ uid: 'c' }, false], [{ uid: 'c', finish_reason: 'length' }, true],
      [{ uid: 'd', truncated: true }, true],
    ];
    for (const [rec, pass] of lines) c.add(c.tagOf(rec), { score: pass ? 1 : 0, pass });
    expect(c.verdicts.filter((v) => v.mask).length).toBe(3);
    const text = formatGroupSummary(c);
    expect(text).toMatch(/4 groups, 5 samples \(\+3 truncated, masked\); 3 groups \(75\.0%\) would be dropped/);
    expect(text).toMatch(/\| all correct \(dropped\) \| 1 \| 25\.0% \|/);
    expect(text).toMatch(/\| all wrong \(dropped\) \| 1 \| 25\.0% \|/);
    expect(text).toMatch(/\| all masked \(dropped\) \| 1 \| 25\.0% \|/);
    expect(text).toMatch(/\| mixed \(kept\) \| 1 \| 25\.0% \|/);
  });
  it('histogram bins cover [0, 1] with 1 in the last bin; mean pass@k over groups with n >= k', () => {
    const rows = histogramLines([0, 0.05, 0.5, 1, 1], 10, 10);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatch(/\[0\.00, 0\.10\) █{10} 2$/);
    expect(rows[9]).toMatch(/\[0\.90, 1\.00\] █{10} 2$/);
    expect(rows[5]).toMatch(/█{5} 1$/);
    const stats = groupStats([1, 0, 1, 0, 0].map((s) => ({ score: s, pass: s === 1 })), ['x', 'x', 'x', 'y', 'y']);
    const pk = meanPassAtK(stats);
    expect(pk.map((p) => p.k)).toEqual([1, 2, 3]);
    expect(pk[0]!.mean).toBeCloseTo((2 / 3 + 0) / 2, 12);
    expect(pk[2]).toEqual({ k: 3, groups: 1, mean: 1 });
  });
});

describe('rewards score --group-by (binary)', () => {
  it('prints the distribution table and the histogram on stderr; verdict lines are unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewards-groups-'));
    const file = join(dir, 'in.jsonl');
    const rows = [
      { group: 'p1', response: 'A', reference: 'A' },
      { group: 'p1', response: 'B', reference: 'A' },
      { group: 'p2', response: 'C', reference: 'C' },
      { group: 'p2', response: 'C', reference: 'C', truncated: true },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = spawnSync(process.execPath, [join(root, 'bin/rewards.js'), 'score', '--verifier', 'mcq', '--group-by', 'group', '--threads', '1', file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { score: number }).score)).toEqual([1, 0, 1, 1]);
    expect(r.stderr).toMatch(/groups by "group": 2 groups, 3 samples \(\+1 truncated, masked\); 1 groups \(50\.0%\) would be dropped/);
    expect(r.stderr).toMatch(/histogram of group mean scores/);
    expect(r.stderr).toMatch(/\[0\.50, 0\.60\) █+ 1/);
  });
});
