/**
 * `rewards score --preset` applies a preset's per-sample reward shaping: each output line carries
 * `reward` beside `score` (cascade-swe: -1 for an unparseable patch; dapo-math: the soft overlong
 * penalty from the record's length).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function score(preset: string, lines: object[], exitCode = 0): Record<string, unknown>[] {
  const input = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  const r = spawnSync(process.execPath, ['--no-node-snapshot', join(root, 'bin/rewards.js'), 'score', '--preset', preset, '-q', '--threads', '1'], { cwd: root, input, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(exitCode); // 2: some line was an error (invalid-input)
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

const gold = 'diff --git a/f.py b/f.py\n--- a/f.py\n+++ b/f.py\n@@ -1,2 +1,2 @@\n def f():\n-    return 1\n+    return 2\n';

describe('rewards score --preset with reward shaping', { timeout: 120_000 }, () => {
  it('cascade-swe: the gold patch 1, an unparseable response -1, scores stay in [0, 1]', () => {
    const out = score('cascade-swe', [
      { response: '```diff\n' + gold + '```', reference: gold },
      { response: 'I could not find the bug.', reference: gold },
    ]);
    expect(out.map((v) => v.reward)).toEqual([1, -1]);
    expect(out.map((v) => v.score)).toEqual([1, 0]);
    expect(out[1]!.reason).toBe('format');
  });
  it('dapo-math: the soft overlong penalty from response_length, invalid-input without it', () => {
    const out = score('dapo-math', [
      { response: '\\boxed{4}', reference: '4', response_length: 100 },
      { response: '\\boxed{4}', reference: '4', response_length: 20480 - 4096 + 2048 },
      { response: '\\boxed{4}', reference: '4', response_length: 30000 },
      { response: '\\boxed{4}', reference: '4' },
    ], 2);
    expect(out.map((v) => v.reward)).toEqual([1, 0.5, 0, 0]);
    expect(out[3]!.reason).toBe('invalid-input');
  });
});
