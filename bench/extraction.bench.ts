/**
 * Answer-extraction speed against a baseline build, in the same run (`npm run bench -- extraction`).
 *
 * Set `EXTRACT_BASE` to the root of a checkout of the baseline (for example
 * `git worktree add /tmp/extract-base <commit>` with its `node_modules`): its math and MCQ
 * verifiers are loaded beside this tree's and timed on the same samples, alternating rounds
 * (base, this, base, this, ...) so that load on a shared machine hits both alike; the table shows
 * the fastest and the median round of each (CPU time) and their ratios (this / base; the target
 * is at most 1.10). Without
 * `EXTRACT_BASE` only this tree's figures are printed.
 *
 * Samples: the math corpora (Math-Verify cases, 800 Qwen chain-of-thought responses), generated
 * responses in the step formats extraction reads (PRM800K `# Answer`, GSM8K `####`, Minerva,
 * tool-integrated outputs, truncated derivations), and the labelled MCQ corpus.
 * `EXTRACT_ROUNDS` sets the rounds (default 15).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printTable } from './table.js';

type VerifyMath = (response: string, reference: unknown) => { score: number };
type ExtractMcq = (response: string, options?: { letters?: string }) => { letter?: string };

interface Build {
  verifyMath: VerifyMath;
  extractMcqLetter: ExtractMcq;
}

async function load(root: string): Promise<Build> {
  const math = (await import(pathToFileURL(join(root, 'src/verifiers/math/index.ts')).href)) as { verifyMath: VerifyMath };
  const mcq = (await import(pathToFileURL(join(root, 'src/verifiers/mcq/extract.ts')).href)) as { extractMcqLetter: ExtractMcq };
  return { verifyMath: math.verifyMath, extractMcqLetter: mcq.extractMcqLetter };
}

function jsonl(path: URL): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

const corpus = (dir: string, file: string): Record<string, unknown>[] => jsonl(new URL(`../test/corpora/${dir}/${file}`, import.meta.url));

/** Responses in the step formats of issue 13, generated from a seed (no corpus needed). */
function formatSamples(n: number): { response: string; reference: string }[] {
  const out: { response: string; reference: string }[] = [];
  let seed = 13;
  const rnd = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const step = (i: number): string => `Step ${i}: we multiply ${rnd(90) + 10} by ${rnd(9) + 2} and add ${rnd(50)}, which gives ${rnd(900) + 100}.\n`;
  for (let i = 0; i < n; i++) {
    const x = String(rnd(1000));
    const body = Array.from({ length: 4 + rnd(20) }, (_, k) => step(k + 1)).join('');
    const forms = [
      `${body}\n# Answer\n\n${x}`,
      `${body}#### ${x}`,
      `${body}Final Answer: The final answer is $${x}$. I hope it is correct.`,
      `${body}\`\`\`python\nprint(${x})\n\`\`\`\n\`\`\`output\n${x}\n\`\`\`\nSo the answer is $\\boxed{${x}}$.`,
      `${body}So the distance is ${x} km.`,
      `${body}Now we substitute the value into the second equation and get 2y + ${x}`,
    ];
    out.push({ response: forms[i % forms.length]!, reference: x });
  }
  return out;
}

const mathSets = [
  { name: 'math: Math-Verify cases', samples: corpus('math', 'mathverify_cases.jsonl').map((d) => ({ response: d.pred as string, reference: d.gold as string })) },
  { name: 'math: Qwen CoT (800)', samples: corpus('math', 'qwen_math_cot_100.jsonl').map((d) => ({ response: d.response as string, reference: d.gold as string })) },
  { name: 'math: step formats (600)', samples: formatSamples(600) },
];
const mcqRows = corpus('mcq', 'mmlu_pro_mcq_extraction_labelled.jsonl').map((d) => String(d.response ?? d.model_output ?? d.text ?? ''));
if (mcqRows.every((r) => r === '')) throw new Error('the MCQ corpus rows have no response field this bench knows (response / model_output / text)');

/**
 * CPU milliseconds one pass over the samples takes (user + system time of this process: on a
 * shared, loaded machine wall time mostly measures the other processes).
 */
function pass(run: () => void): number {
  const t = process.cpuUsage();
  run();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const rounds = Number(process.env.EXTRACT_ROUNDS ?? 15);
/** A timed pass repeats the samples until it takes at least this long (CPU ms). */
const MIN_PASS_MS = 60;
const baseRoot = process.env.EXTRACT_BASE;
if (baseRoot !== undefined && !existsSync(join(resolve(baseRoot), 'src/verifiers/math/index.ts'))) {
  throw new Error(`EXTRACT_BASE=${baseRoot} is not a checkout of this project (no src/verifiers/math/index.ts there)`);
}
const mine = await load(resolve(new URL('..', import.meta.url).pathname));
const base = baseRoot === undefined ? undefined : await load(resolve(baseRoot));

const jobs: { name: string; run: (b: Build) => void }[] = [
  ...mathSets.map((s) => ({
    name: s.name,
    run: (b: Build): void => {
      for (const x of s.samples) {
        try {
          b.verifyMath(x.response, x.reference);
        } catch {
          // a bad reference throws in both builds alike; its time still counts
        }
      }
    },
  })),
  { name: `mcq: labelled corpus (${mcqRows.length})`, run: (b: Build): void => void mcqRows.forEach((r) => b.extractMcqLetter(r)) },
];

const table: (string | number)[][] = [['samples', 'base CPU ms per pass (fastest / median)', 'this CPU ms per pass (fastest / median)', 'this / base (fastest / median)', 'target']];
for (const job of jobs) {
  // one warm-up pass each (JIT, gold caches); then passes long enough (>= MIN_PASS_MS) that timer
  // granularity and a stray collection do not decide, in alternating rounds whose order swaps
  if (base) job.run(base);
  const warm = pass(() => job.run(mine));
  const reps = Math.max(1, Math.ceil(MIN_PASS_MS / Math.max(warm, 0.1)));
  const timed = (b: Build): number => pass(() => {
    for (let k = 0; k < reps; k++) job.run(b);
  }) / reps;
  const tb: number[] = [];
  const tm: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (base && r % 2 === 0) tb.push(timed(base));
    tm.push(timed(mine));
    if (base && r % 2 === 1) tb.push(timed(base));
  }
  const tm0 = Math.min(...tm);
  const tm1 = median(tm);
  const tb0 = base ? Math.min(...tb) : undefined;
  const tb1 = base ? median(tb) : undefined;
  table.push([
    job.name,
    tb0 === undefined ? '-' : `${tb0.toFixed(1)} / ${tb1!.toFixed(1)}`,
    `${tm0.toFixed(1)} / ${tm1.toFixed(1)}`,
    tb0 === undefined ? '(set EXTRACT_BASE)' : `${(tm0 / tb0).toFixed(2)} / ${(tm1 / tb1!).toFixed(2)}`,
    '<= 1.10',
  ]);
}
printTable(`Answer extraction, ${rounds} alternating rounds${baseRoot ? ` (base: ${baseRoot})` : ''}`, table);
