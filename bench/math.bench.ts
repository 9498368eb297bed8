/**
 * Math verifier speed (`npm run bench -- math`): both corpora of issue 6 through `mathReward` on
 * the worker pool, with one thread and with all cores, plus per-sample time measured inside the
 * worker (first pass over the corpus, and a second, warm pass), how often the symbolic fallback and
 * mathjs fired, and what a fallback costs when it does.
 *
 * Math-Verify is run in the same run when MATH_VERIFY_PYTHONPATH points at local checkouts of
 * math_verify, latex2sympy2_extended (with its ANTLR parser generated), sympy, mpmath and the
 * antlr4 Python runtime (PyPI is not needed; see bench/mathverify_timing.py). Otherwise the
 * figures measured for issue 6 are printed, labelled as such.
 *
 * The last table times adversarial math and MCQ samples (issue 11); `MATH_BENCH=adversarial` runs
 * only that table.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createPool, registerVerifier, verifyBatch, type Sample } from '../src/index.js';
import { verifyMath } from '../src/verifiers/math/index.js';
import { mathReward } from '../src/verifiers/math/reward.js';
import { extractMcqLetter } from '../src/verifiers/mcq/extract.js';

interface Stats {
  median: number;
  mean: number;
  p90: number;
  p99: number;
  max: number;
}

const ISSUE_FIGURES: Record<string, Partial<Stats>> = {
  mathverify_cases: { median: 2.9, mean: 14.4, p90: 40, max: 356 },
  qwen_math_cot_100: { median: 0.62, mean: 1.06 },
};

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), mean: s.reduce((a, b) => a + b, 0) / s.length, p90: at(0.9), p99: at(0.99), max: s[s.length - 1]! };
}

function rows(file: string): Record<string, unknown>[] {
  const path = new URL(`../test/corpora/math/${file}`, import.meta.url);
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

const corpora = [
  { name: 'mathverify_cases', samples: rows('mathverify_cases.jsonl').map((d) => ({ response: d.pred as string, reference: d.gold as string })) },
  { name: 'qwen_math_cot_100', samples: rows('qwen_math_cot_100.jsonl').map((d) => ({ response: d.response as string, reference: d.gold as string })) },
];

registerVerifier('math-timed', new URL('./math-timed-verifier.ts', import.meta.url));

/** Run Math-Verify on a corpus (per-sample ms), or undefined when it is not available. */
function mathVerify(samples: Sample[]): number[] | undefined {
  const path = process.env.MATH_VERIFY_PYTHONPATH;
  if (!path) return undefined;
  const input = samples.map((s) => JSON.stringify({ gold: s.reference, pred: s.response })).join('\n');
  const script = fileURLToPath(new URL('./mathverify_timing.py', import.meta.url));
  const r = spawnSync(process.env.PYTHON ?? 'python3', [script], { input, env: { ...process.env, PYTHONPATH: path }, maxBuffer: 1 << 26, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`Math-Verify run failed (${r.status}): ${r.stderr.slice(-400)}`);
    return undefined;
  }
  return r.stdout.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { ms: number }).ms);
}

/** The worker's running counters of the symbolic fallback (see math-timed-verifier.ts). */
interface Fallback {
  asked: number;
  refused: number;
  equal: number;
  different: number;
  timedOut: number;
  nerdamerMs: number;
  nerdamer: boolean;
  mathjs: boolean;
}

/** How often the fallbacks fired over one pass of a corpus (the counters of its last sample, one thread). */
function fallbackLine(all: Array<Fallback | undefined>): string {
  const last = all.filter((x): x is Fallback => x !== undefined).at(-1);
  if (!last) return 'no counters';
  return `symbolic fallback asked ${last.asked}x (refused before nerdamer ${last.refused}, proved equal ${last.equal}, proved different ${last.different}, overran ${last.timedOut}, ${last.nerdamerMs.toFixed(1)} ms in nerdamer); nerdamer loaded: ${last.nerdamer ? 'yes' : 'no'}, mathjs loaded: ${last.mathjs ? 'yes' : 'no'}`;
}

const fallbacks: string[] = [];
const f = (x: number | undefined, d = 3): string => (x === undefined ? '-' : x.toFixed(d));
const line = (cols: string[]): string => `| ${cols.join(' | ')} |`;

async function main(): Promise<void> {
  const cores = availableParallelism();
  console.log(`math verifier bench: node ${process.version}, ${cores} cores\n`);
  const header = line(['corpus', 'what', 'median ms', 'mean ms', 'p90 ms', 'p99 ms', 'max ms', 'samples/s']);
  const out: string[] = [header, line(Array(8).fill('---'))];
  const ratios: string[] = [];
  for (const { name, samples } of corpora) {
    // per-sample time inside the worker: first (cold) pass and a warm second pass
    const timedPool = createPool({ threads: 1 });
    await verifyBatch('math-timed', samples.slice(0, 1), { pool: timedPool });
    const inWorker: Stats[] = [];
    for (let pass = 0; pass < 2; pass++) {
      const v = await verifyBatch('math-timed', samples, { pool: timedPool });
      inWorker.push(stats(v.map((x) => (x.details as { ms?: number } | undefined)?.ms ?? NaN)));
      const timeouts = v.filter((x) => x.reason === 'timeout').length;
      if (timeouts) console.log(`${name}: ${timeouts} samples timed out`);
      if (pass === 0) fallbacks.push(`${name}: ${fallbackLine(v.map((x) => (x.details as { fallback?: Fallback } | undefined)?.fallback))}`);
    }
    await timedPool.close();
    out.push(line([name, 'in worker, 1st pass', f(inWorker[0]!.median), f(inWorker[0]!.mean), f(inWorker[0]!.p90), f(inWorker[0]!.p99), f(inWorker[0]!.max, 2), f(1000 / inWorker[0]!.mean, 0)]));
    out.push(line([name, 'in worker, warm', f(inWorker[1]!.median), f(inWorker[1]!.mean), f(inWorker[1]!.p90), f(inWorker[1]!.p99), f(inWorker[1]!.max, 2), f(1000 / inWorker[1]!.mean, 0)]));
    // end to end through mathReward (pool start and module load excluded by a warm-up batch)
    const throughput: Record<string, number> = {};
    for (const threads of [...new Set([1, cores])]) {
      const pool = createPool({ threads });
      await mathReward(samples.slice(0, threads).map((s) => s.response), samples.slice(0, threads).map((s) => s.reference), { pool });
      const t = performance.now();
      await mathReward(samples.map((s) => s.response), samples.map((s) => s.reference), { pool });
      const ms = performance.now() - t;
      await pool.close();
      throughput[threads] = (samples.length / ms) * 1000;
      out.push(line([name, `mathReward, ${threads} thread${threads > 1 ? 's' : ''} (end to end)`, '-', f(ms / samples.length), '-', '-', '-', f(throughput[threads], 0)]));
    }
    const live = mathVerify(samples);
    const issue = ISSUE_FIGURES[name]!;
    out.push(line([name, 'Math-Verify (issue 6 figures, not measured in this run)', f(issue.median), f(issue.mean), f(issue.p90), '-', f(issue.max, 2), f(1000 / issue.mean!, 0)]));
    const target = name === 'mathverify_cases' ? 20 : 5;
    const ratio = (mv: Partial<Stats>, label: string): string =>
      `${name} vs ${label}: mean per sample ${f(mv.mean! / inWorker[0]!.mean, 1)}x faster on the first pass, ${f(mv.mean! / inWorker[1]!.mean, 1)}x warm; end to end on 1 thread ${f(throughput[1]! / (1000 / mv.mean!), 1)}x (target >= ${target}x)`;
    if (live) {
      const mv = stats(live);
      out.push(line([name, 'Math-Verify 0.8.0, measured in this run', f(mv.median), f(mv.mean), f(mv.p90), f(mv.p99), f(mv.max, 2), f(1000 / mv.mean, 0)]));
      ratios.push(ratio(mv, 'Math-Verify measured now'));
    } else {
      console.log('(set MATH_VERIFY_PYTHONPATH to run Math-Verify in the same run)');
    }
    ratios.push(ratio(issue, 'issue 6 figures'));
  }
  console.log(out.join('\n'));
  console.log(`\n${ratios.join('\n')}`);
  console.log(`\nfallbacks over the first pass (1 worker thread):\n${fallbacks.join('\n')}`);
  fallbackCosts();
  adversarial();
}

/**
 * Adversarial samples (issue 11): each must end with a verdict well inside 1 s of verifier time,
 * by the input caps and linear scans, not by the time limit. Main thread, one run each after a warm-up.
 */
function adversarial(): void {
  const M = 1_000_000;
  const det = (n: number): string => `\\begin{vmatrix} ${Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => String.fromCharCode(97 + ((i * n + j) % 26))).join(' & ')).join(' \\\\ ')} \\end{vmatrix}`;
  const cases: Array<[string, () => { reason?: string; pass?: boolean; letter?: string }]> = [
    ['math: \\boxed{ + 5M chars + }', () => verifyMath(`\\boxed{${'x'.repeat(5 * M)}}`, '1')],
    ['math: \\boxed{x+x+...} 100 KB', () => verifyMath(`\\boxed{${'x+'.repeat(50_000)}x}`, '1')],
    ['math: x+x+... at the 1,000-char answer cap', () => verifyMath(`\\boxed{${'x+'.repeat(499)}x}`, '1')],
    ['math: 1 MB of digits', () => verifyMath('1'.repeat(M), '1')],
    ['math: 10 MB of prose', () => verifyMath('so we get 3 and '.repeat(625_000), '3')],
    ['math: 12x12 vmatrix of symbols', () => verifyMath(`\\boxed{${det(12)}}`, '1')],
    ['math: 999k chars of unclosed \\[', () => verifyMath('\\['.repeat(499_000), '1')],
    ['math: 999k chars of $ x', () => verifyMath('$ x'.repeat(333_000), '1')],
    ['mcq: answer + 30,000 newlines', () => extractMcqLetter(`The answer is (B).${'\n'.repeat(30_000)}`)],
    ['mcq: 10 MB of "answer is "', () => extractMcqLetter('answer is '.repeat(M))],
    ['mcq: 10 MB of "option "', () => extractMcqLetter('option '.repeat(1_430_000))],
  ];
  const rows = [line(['sample', 'verdict', 'ms']), line(Array(3).fill('---'))];
  for (const [what, run] of cases) {
    run();
    const t = performance.now();
    const v = run();
    rows.push(line([what, v.letter ?? (v.pass ? 'pass' : (v.reason ?? '-')), f(performance.now() - t, 1)]));
  }
  console.log(`\nadversarial samples (main thread, target < 1000 ms each):\n${rows.join('\n')}`);
}

/**
 * What a fallback costs when it fires (in this process, so the first row pays for starting the
 * nerdamer helper thread, and the first unit row for loading mathjs): each case verified twice.
 */
function fallbackCosts(): void {
  const cases: Array<[string, string, string]> = [
    ['symbolic, first use (helper start)', '(x+10^8)^2 - 10^{16}', 'x^2 + 2 \\cdot 10^8 x'],
    ['symbolic, cancellation', '(x+10^{9}y)^2 - 10^{18}y^2', 'x^2 + 2\\cdot 10^{9} x y'],
    ['symbolic, beyond doubles', 'e^{1000}', '(e^{500})^2'],
    ['symbolic, beyond the rational cap', '2^{100000}', '4^{50000}'],
    ['symbolic, overruns (0.4 s limit)', '2^{-100000}', '3^{-100000}'],
    ['symbolic, fragile agreement re-checked', 'x + 10^{20}', 'x + 10^{20} + 1'],
    ['units, first use (mathjs load)', '5 \\text{ kWh}', '5000 \\text{ Wh}'],
    ['units, mathjs loaded', '30 \\text{ m/s}', '108 \\text{ km/h}'],
  ];
  const rows = [line(['case', 'gold', 'response', 'verdict', '1st ms', '2nd ms']), line(Array(6).fill('---'))];
  for (const [what, gold, pred] of cases) {
    const time = (): [boolean, number] => {
      const t = performance.now();
      const pass = verifyMath(`\\boxed{${pred}}`, gold).pass;
      return [pass, performance.now() - t];
    };
    const [pass, first] = time();
    const [, second] = time();
    rows.push(line([what, `\`${gold}\``, `\`${pred}\``, pass ? 'equal' : 'not equal', f(first, 1), f(second, 1)]));
  }
  console.log(`\nfallback costs when they fire (main thread, each case twice):\n${rows.join('\n')}`);
}

// MATH_BENCH=adversarial runs only the adversarial table (seconds instead of minutes).
if (process.env.MATH_BENCH === 'adversarial') adversarial();
else await main();
