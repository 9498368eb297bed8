/**
 * Python clients speed (`npm run bench -- clients`), against a `rewards serve` started here:
 * 1. verl's `compute_score_batch` over 10k math samples (the Qwen2.5-Math responses of
 *    test/corpora/math, cycled) vs in-process Node `mathVerdicts` on the same samples (the named
 *    baseline, same run): samples/s and the ratio;
 * 2. verl's one-sample-at-a-time `compute_score` from 64 Python threads: requests/s, p50, p99.
 * Env: CLIENTS_BENCH_N (default 10000), CLIENTS_BENCH_SINGLE (calls in part 2, default 3000),
 * CLIENTS_BENCH_THREADS (worker threads of server and baseline, default all cores).
 * Needs dist/ (npm run build).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closePool, configurePool, mathVerdicts } from '../src/index.js';
import { printTable } from './table.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const N = Number(process.env.CLIENTS_BENCH_N ?? 10_000);
const SINGLE = Number(process.env.CLIENTS_BENCH_SINGLE ?? 3_000);
const threads = Number(process.env.CLIENTS_BENCH_THREADS ?? availableParallelism());
if (!existsSync(join(root, 'dist/cli/serve.js'))) throw new Error('dist/cli/serve.js is missing: run `npm run build` first');

const corpus = readFileSync(join(root, 'test/corpora/math/qwen_math_cot_100.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { response: string; gold: string });
const samples = Array.from({ length: N }, (_, i) => corpus[i % corpus.length]!).map((r) => ({ response: r.response, reference: r.gold }));
const dir = mkdtempSync(join(tmpdir(), 'clients-bench-'));
const file = join(dir, 'samples.jsonl');
writeFileSync(file, samples.map((s) => JSON.stringify(s)).join('\n') + '\n');

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Run the Python half and parse its JSON line. */
function python(args: string[]): Record<string, number> {
  const r = spawnSync('/usr/bin/python3', [join(root, 'bench/clients.py'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench/clients.py ${args[0]} failed:\n${r.stdout}${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

// Baseline: in-process Node, the same samples in one call on the worker pool.
await configurePool({ threads });
await mathVerdicts(samples.slice(0, 200).map((s) => s.response), samples.slice(0, 200).map((s) => s.reference)); // warm
let t = performance.now();
const local = await mathVerdicts(samples.map((s) => s.response), samples.map((s) => s.reference));
const localSecs = (performance.now() - t) / 1000;
const localPassed = local.filter((v) => v.pass).length;
await closePool();

// The server, as a deployment runs it (node --no-node-snapshot, no re-exec).
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--no-node-snapshot', join(root, 'bin/rewards.js'), 'serve', '--port', String(port), '--threads', String(threads), '--log-level', 'warn'], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error('rewards serve did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const batch = python(['batch', url, file]);
  const single = python(['threads', url, file, '64', String(SINGLE)]);
  printTable(`Python clients vs in-process Node: ${N} math samples (Qwen2.5-Math CoT, cycled), ${threads} worker thread(s), one machine`, [
    ['path', 'samples', 'seconds', 'samples/s', 'passed', 'vs in-process'],
    ['in-process Node mathVerdicts (baseline)', N, localSecs.toFixed(2), Math.round(N / localSecs), localPassed, '1.00'],
    ['verl compute_score_batch -> rewards serve', batch.n!, batch.seconds!.toFixed(2), Math.round(batch.n! / batch.seconds!), batch.passed!, (localSecs / batch.seconds!).toFixed(2)],
  ]);
  printTable(`verl compute_score, one sample per request, 64 Python threads, ${SINGLE} calls`, [
    ['path', 'requests/s', 'p50 ms', 'p99 ms', 'passed'],
    ['verl compute_score -> rewards serve', Math.round(single.n! / single.seconds!), single.p50_ms!.toFixed(1), single.p99_ms!.toFixed(1), `${single.passed}/${single.n}`],
  ]);
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
