/**
 * `rewards blend` and `rewards export` throughput and memory on a synthetic CrossThink-style
 * dataset (bench/gen-dataset.ts): lines/s beside the target (>= 50k lines/s) and beside
 * the floor of reading and parsing the same file once (openJsonl, the reader both commands use),
 * CPU seconds (all threads: verl encodes parquet on a worker thread, so its CPU can exceed its
 * wall time), and peak RSS at two input sizes: flat memory means the larger input (4x the lines)
 * costs no more, so the RSS ratio stays near 1. `verl, one thread` is the same export with the
 * parquet encoded on the main thread, the baseline for the worker. Each measurement runs in a
 * fresh process, and the worker thread's start (under tsx here, slower than the built CLI) counts.
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
const TARGET = 50_000;
const TASKS = ['read', 'blend', 'verl', 'verl-1thread', 'openrlhf', 'trl', 'nemo-gym'] as const;
const LABELS: Record<string, string> = {
  read: 'read+parse (floor)',
  blend: 'blend gpr=2,math=1 (2 passes)',
  verl: 'export --to verl (parquet worker)',
  'verl-1thread': 'export --to verl, one thread',
};

async function child(task: string, file: string, out: string): Promise<void> {
  // Modules are loaded (and transpiled by tsx) before the clock starts.
  const { openJsonl } = await import('../src/core/jsonl.js');
  const { runBlend } = await import('../src/blend/run.js');
  const { runExport } = await import('../src/export/run.js');
  const { templatesByKind, mixedPreset } = await import('../src/export/task.js');
  templatesByKind();
  mixedPreset();
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let lines = 0;
  let peak = process.memoryUsage.rss();
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  if (task === 'read') {
    for await (const l of openJsonl(file).lines) if (l.value !== undefined || l.error !== undefined) lines += 1;
  } else if (task === 'blend') {
    const s = await runBlend([file], { by: 'domain', weights: { gpr: 2, math: 1 }, seed: 1, out, quiet: true });
    lines = s.lines;
  } else {
    const s = await runExport(file, { to: task.replace('-1thread', '') as 'verl', inThread: task.endsWith('-1thread'), out, quiet: true });
    lines = s.lines;
  }
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage.rss());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const c = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ lines, seconds, cpu: (c.user + c.system) / 1e6, peak }));
}

async function main(): Promise<void> {
  const { writeDataset } = await import('./gen-dataset.js');
  const big = Number(process.env.BLEND_BENCH_LINES ?? 200_000);
  const sizes = [Math.round(big / 4), big];
  const dir = mkdtempSync(join(tmpdir(), 'rewards-blend-bench-'));
  const runs: Record<string, { lines: number; seconds: number; cpu: number; peak: number }[]> = {};
  try {
    for (const n of sizes) {
      const file = join(dir, `data-${n}.jsonl`);
      await writeDataset(file, n);
      for (const task of TASKS) {
        const out = join(dir, `out-${task}`);
        const r = spawnSync(process.execPath, ['--import', 'tsx', self, 'child', task, file, out], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`${task}: ${r.stderr}`);
        (runs[task] ??= []).push(JSON.parse(r.stdout.trim().split('\n').pop()!));
        if (existsSync(out)) rmSync(out);
      }
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rate = (t: string): number => runs[t]![1]!.lines / runs[t]![1]!.seconds;
  const floor = rate('read');
  const mb = (b: number): string => (b / 2 ** 20).toFixed(0);
  const rows: (string | number)[][] = [['task', 'lines', 'seconds', 'CPU s', 'lines/s', 'target', 'vs read+parse', `RSS MB (${sizes[0]} -> ${sizes[1]} lines)`, 'RSS ratio']];
  for (const t of TASKS) {
    const [small, large] = runs[t]!;
    const r = rate(t);
    rows.push([
      LABELS[t] ?? `export --to ${t}`,
      large!.lines,
      large!.seconds.toFixed(2),
      large!.cpu.toFixed(2),
      Math.round(r),
      t === 'read' ? '-' : `>= 50k ${r >= TARGET ? 'ok' : 'BELOW'}`,
      (r / floor).toFixed(2),
      `${mb(small!.peak)} -> ${mb(large!.peak)}`,
      (large!.peak / small!.peak).toFixed(2),
    ]);
  }
  printTable(`rewards blend / export on a synthetic CrossThink dataset (target >= 50k lines/s each, flat memory: RSS ratio ~1 for 4x the lines)`, rows);
}

if (mode === 'child') await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
else await main();
