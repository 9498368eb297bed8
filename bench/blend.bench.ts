/**
 * `rewards blend` and `rewards export` throughput and memory on a synthetic CrossThink-style
 * dataset (bench/gen-dataset.ts): lines/s against the floor of reading and parsing the same file
 * once (openJsonl, the reader both commands use), and peak RSS at two input sizes (flat memory
 * means the larger input costs no more). Each measurement runs in a fresh process.
 *
 * `npm run bench -- blend` (BLEND_BENCH_LINES=200000 by default; the small size is a quarter).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from './table.js';

const self = fileURLToPath(import.meta.url);
const mode = process.argv[2];

async function child(task: string, file: string, out: string): Promise<void> {
  // Modules are loaded (and transpiled by tsx) before the clock starts.
  const { openJsonl } = await import('../src/core/jsonl.js');
  const { runBlend } = await import('../src/blend/run.js');
  const { runExport } = await import('../src/export/run.js');
  const { templatesByKind, mixedPreset } = await import('../src/export/task.js');
  templatesByKind();
  mixedPreset();
  const started = process.hrtime.bigint();
  let lines = 0;
  let peak = process.memoryUsage.rss();
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  if (task === 'read') {
    for await (const l of openJsonl(file).lines) if (l.value !== undefined || l.error !== undefined) lines += 1;
  } else if (task === 'blend') {
    const s = await runBlend([file], { by: 'domain', weights: { gpr: 2, math: 1 }, seed: 1, out, quiet: true });
    lines = s.lines;
  } else {
    const s = await runExport(file, { to: task as 'verl', out, quiet: true });
    lines = s.lines;
  }
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage.rss());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ lines, seconds, peak }));
}

async function main(): Promise<void> {
  const { writeDataset } = await import('./gen-dataset.js');
  const big = Number(process.env.BLEND_BENCH_LINES ?? 200_000);
  const sizes = [Math.round(big / 4), big];
  const dir = mkdtempSync(join(tmpdir(), 'rewards-blend-bench-'));
  const rows: (string | number)[][] = [['task', 'lines', 'seconds', 'lines/s', 'vs read+parse', 'peak RSS MB']];
  const summary: Record<string, { rate: number; peak: number[] }> = {};
  try {
    for (const n of sizes) {
      const file = join(dir, `data-${n}.jsonl`);
      await writeDataset(file, n);
      let floor = 0;
      for (const task of ['read', 'blend', 'verl', 'openrlhf', 'trl', 'nemo-gym']) {
        const out = join(dir, `out-${task}`);
        const r = spawnSync(process.execPath, ['--import', 'tsx', self, 'child', task, file, out], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`${task}: ${r.stderr}`);
        const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { lines: number; seconds: number; peak: number };
        // blend reads every line twice; its rate is input lines per second of the whole run.
        const rate = m.lines / m.seconds;
        if (task === 'read') floor = rate;
        rows.push([task === 'read' ? 'read+parse (floor)' : task === 'blend' ? 'blend gpr=2,math=1 (2 passes)' : `export --to ${task}`, m.lines, m.seconds.toFixed(2), Math.round(rate), task === 'read' ? '1.00' : (rate / floor).toFixed(2), (m.peak / 2 ** 20).toFixed(0)]);
        const s = (summary[task] ??= { rate: 0, peak: [] });
        s.rate = rate;
        s.peak.push(m.peak / 2 ** 20);
        if (existsSync(out)) rmSync(out);
      }
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(`rewards blend / export on a synthetic CrossThink dataset (target >= 50k lines/s, flat memory)`, rows);
  const verdict = Object.entries(summary)
    .filter(([t]) => t !== 'read')
    .map(([t, s]) => `${t}: ${Math.round(s.rate / 1000)}k lines/s ${s.rate >= 50_000 ? 'ok' : 'BELOW TARGET'}, RSS ${s.peak.map((p) => p.toFixed(0)).join(' -> ')} MB`);
  console.log(verdict.join('\n'));
}

if (mode === 'child') await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
else await main();
