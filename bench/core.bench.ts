/**
 * Core bench (issue: core, MCQ, filters): MCQ extraction speed on one core against the simple
 * regex extractors it replaces, `rewards filter` throughput and peak memory on 1M lines, and
 * mcqReward throughput on the worker pool.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractMcqLetter, mcqReward, closePool, configurePool } from '../src/index.js';
import { writeDataset } from './gen-dataset.js';
import { printTable } from './table.js';
import { CUE_GLOBAL_RE } from '../src/verifiers/mcq/cues.js';
import { findLatinCues } from '../src/verifiers/mcq/find-cues.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const rows = readFileSync(join(root, 'test/corpora/mcq/mmlu_pro_mcq_extraction_labelled.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { response: string; intended: string; valid_letters: string });
const labelled = rows.filter((r) => r.intended !== 'UNCLEAR');

/** The common reference extractors: first/last "answer is (X)" (MMLU-Pro, lm-eval style). */
const answerIsFirst = (t: string): string | undefined => /answer is \(?([A-J])\)?/.exec(t)?.[1];
const answerIsLast = (t: string): string | undefined => [...t.matchAll(/answer is \(?([A-J])\)?/g)].at(-1)?.[1];

/** Responses per second: the median of 5 rounds of 0.5 s over the corpus (this VM's speed drifts by ~10%). */
function rate(fn: (t: string) => unknown): number {
  const texts = rows.map((r) => r.response);
  for (const t of texts) fn(t); // warm up
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 500) {
      for (const t of texts) fn(t);
      n += texts.length;
    }
    rounds.push(n / ((performance.now() - start) / 1000));
  }
  return rounds.sort((a, b) => a - b)[2]!;
}

const agreement = (fn: (t: string, letters: string) => string | undefined): number =>
  labelled.filter((r) => (fn(r.response, r.valid_letters) ?? 'NONE') === r.intended).length / labelled.length;

const ours = (t: string, letters: string): string | undefined => extractMcqLetter(t, { letters }).letter;
const oursRate = rate((t) => extractMcqLetter(t));
const firstRate = rate(answerIsFirst);
const lastRate = rate(answerIsLast);
const meanChars = Math.round(rows.reduce((a, r) => a + r.response.length, 0) / rows.length);
// The step that dominated extraction: finding the answer cues. Ours (anchor prefixes found by a
// WebAssembly SIMD pass, the cue expression run only where a cue can start) against one global
// search with the same expression; both give the same cues (test/mcq/find-cues.test.ts).
const cuesRate = rate(findLatinCues);
const cuesRegexRate = rate((t) => {
  CUE_GLOBAL_RE.lastIndex = 0;
  while (CUE_GLOBAL_RE.exec(t));
});

printTable(`MCQ extraction, one core, ${rows.length} MMLU-Pro responses (mean ${meanChars} chars), median of 5 rounds of 0.5 s`, [
  ['extractor', 'responses/s', 'agreement with labels', 'target'],
  ['verifiable-rewards extractMcqLetter', Math.round(oursRate), `${(100 * agreement(ours)).toFixed(1)}%`, '>= 200k/s, >= 99%'],
  ['regex: first "answer is (X)"', Math.round(firstRate), `${(100 * agreement(answerIsFirst)).toFixed(1)}%`, ''],
  ['regex: last "answer is (X)"', Math.round(lastRate), `${(100 * agreement(answerIsLast)).toFixed(1)}%`, ''],
  ['  of which: finding the cues (anchor scan)', Math.round(cuesRate), 'same cues', ''],
  ['  the same cues by one global regex search', Math.round(cuesRegexRate), `${(cuesRate / cuesRegexRate).toFixed(1)}x slower`, ''],
]);

// rewards filter on generated files: throughput, and peak RSS at 100k vs 1M lines (flat memory).
const dir = mkdtempSync(join(tmpdir(), 'rewards-bench-'));
const filterRows: (string | number)[][] = [['lines', 'filters', 'seconds', 'lines/s', 'peak RSS MB', 'kept', 'rejected', 'target']];
// The last two runs skip the duplicate index (24 bytes per distinct question): what remains is flat.
const runs: [number, string[]][] = [[100_000, []], [1_000_000, []], [100_000, ['--skip', 'duplicate-question']], [1_000_000, ['--skip', 'duplicate-question']]];
for (const [n, extra] of runs) {
  const file = join(dir, `data-${n}.jsonl`);
  if (!existsSync(file)) await writeDataset(file, n);
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin/rewards.js'), 'filter', file, '--out', '/dev/null', '--rejects', '/dev/null', ...extra], {
    encoding: 'utf8',
    env: { ...process.env },
  });
  const seconds = (performance.now() - started) / 1000;
  const summary = /peak RSS (\d+) MB/.exec(r.stderr);
  const kept = /kept\s+(\d+)/.exec(r.stderr)?.[1] ?? '?';
  const rejected = /rejected\s+(\d+)/.exec(r.stderr)?.[1] ?? '?';
  if (r.status !== 0) console.error(r.stderr);
  filterRows.push([n, extra.length ? 'all but duplicate-question' : 'all', seconds.toFixed(2), Math.round(n / seconds), summary?.[1] ?? '?', kept, rejected, '>= 50k lines/s, flat RSS']);
}
// rewards score: peak RSS at 100k vs 1M lines (running totals, bounded lines in flight: flat).
const scoreRows: (string | number)[][] = [['lines', 'seconds', 'lines/s', 'peak RSS MB', 'target']];
const scoreRss: number[] = [];
for (const n of [100_000, 1_000_000]) {
  const file = join(dir, `score-${n}.jsonl`);
  const lines: string[] = [];
  for (let k = 0; k < n; k++) lines.push(JSON.stringify({ id: k, response: rows[k % rows.length]!.response.slice(0, 400) + ' The answer is (B).', reference: 'ABCD'[k % 4] }));
  writeFileSync(file, lines.join('\n') + '\n');
  lines.length = 0;
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin/rewards.js'), 'score', file, '-v', 'mcq', '--out', '/dev/null'], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const rss = Number(/peak RSS (\d+) MB/.exec(r.stderr)?.[1] ?? NaN);
  scoreRss.push(rss);
  if (r.status !== 0) console.error(r.stderr);
  rmSync(file, { force: true });
  scoreRows.push([n, seconds.toFixed(2), Math.round(n / seconds), rss, n === 1_000_000 ? `<= 1.2x of 100k: ${(scoreRss[1]! / scoreRss[0]!).toFixed(2)}x` : '']);
}
rmSync(dir, { recursive: true, force: true });
printTable('rewards score --verifier mcq (whole CLI process), peak RSS at 100k and 1M lines', scoreRows);
printTable('rewards filter (whole CLI process: start-up, parse, every default filter incl. math self-verification on the pool, write kept and rejects)', filterRows);

// mcqReward on the worker pool.
const N = 20_000;
const responses = Array.from({ length: N }, (_, k) => rows[k % rows.length]!.response);
const refs = Array.from({ length: N }, (_, k) => ({ answer: 'A', letters: rows[k % rows.length]!.valid_letters }));
const poolRows: (string | number)[][] = [['threads', 'samples', 'seconds', 'samples/s']];
for (const threads of [1, availableParallelism()]) {
  await configurePool({ threads });
  await mcqReward(responses.slice(0, 200), refs.slice(0, 200)); // start workers, load the verifier
  const t0 = performance.now();
  await mcqReward(responses, refs);
  const s = (performance.now() - t0) / 1000;
  poolRows.push([threads, N, s.toFixed(2), Math.round(N / s)]);
}
await closePool();
printTable('mcqReward on the worker pool (chunked messages, a hard time limit per sample)', poolRows);
