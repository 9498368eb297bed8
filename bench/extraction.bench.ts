/**
 * Answer-extraction speed against a baseline build, in the same run (`npm run bench -- extraction`).
 *
 * Set `EXTRACT_BASE` to the root of a checkout of the baseline (for example
 * `git worktree add /tmp/extract-base <commit>` with its `node_modules`): its math and MCQ
 * verifiers are loaded beside this tree's and timed on the same samples, each sample by both
 * builds back to back (see the table's note); the ratio this / base has the target <= 1.10.
 * Without
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

const rounds = Number(process.env.EXTRACT_ROUNDS ?? 15);
const baseRoot = process.env.EXTRACT_BASE;
if (baseRoot !== undefined && !existsSync(join(resolve(baseRoot), 'src/verifiers/math/index.ts'))) {
  throw new Error(`EXTRACT_BASE=${baseRoot} is not a checkout of this project (no src/verifiers/math/index.ts there)`);
}
const mine = await load(resolve(new URL('..', import.meta.url).pathname));
const base = baseRoot === undefined ? undefined : await load(resolve(baseRoot));

/** One bench line: its samples, each run by a build. */
const jobs: { name: string; count: number; one: (b: Build, i: number) => void }[] = [
  ...mathSets.map((set) => ({
    name: set.name,
    count: set.samples.length,
    one: (b: Build, i: number): void => {
      try {
        b.verifyMath(set.samples[i]!.response, set.samples[i]!.reference);
      } catch {
        // a bad reference throws in both builds alike; its time still counts
      }
    },
  })),
  { name: `mcq: labelled corpus (${mcqRows.length})`, count: mcqRows.length, one: (b: Build, i: number): void => void b.extractMcqLetter(mcqRows[i]!) },
];

/**
 * Each sample is timed on its own, base and this build back to back (the order swapping every
 * round), and keeps its fastest time over the rounds; a line's figure is the sum of those. Load on
 * a shared machine only ever adds time, so the fastest of many short runs is the steadiest figure,
 * and a slow stretch hits one sample of both builds alike rather than one build's whole pass.
 */
const table: (string | number)[][] = [['samples', 'base ms (sum of per-sample best)', 'this ms', 'this / base', 'target']];
for (const job of jobs) {
  const bestBase = new Array<number>(job.count).fill(Infinity);
  const bestMine = new Array<number>(job.count).fill(Infinity);
  const time = (b: Build, i: number): number => {
    const t = performance.now();
    job.one(b, i);
    return performance.now() - t;
  };
  for (let r = 0; r <= rounds; r++) {
    for (let i = 0; i < job.count; i++) {
      // round 0 warms up (JIT, gold caches) and is not counted
      const tb = base && r % 2 === 0 ? time(base, i) : undefined;
      const tm = time(mine, i);
      const tb2 = base && r % 2 === 1 ? time(base, i) : undefined;
      if (r === 0) continue;
      bestMine[i] = Math.min(bestMine[i]!, tm);
      const b = tb ?? tb2;
      if (b !== undefined) bestBase[i] = Math.min(bestBase[i]!, b);
    }
  }
  const sum = (xs: number[]): number => xs.reduce((a, x) => a + x, 0);
  const m = sum(bestMine);
  const b = base ? sum(bestBase) : undefined;
  table.push([job.name, b === undefined ? '-' : b.toFixed(2), m.toFixed(2), b === undefined ? '(set EXTRACT_BASE)' : (m / b).toFixed(2), '<= 1.10']);
}
printTable(`Answer extraction, fastest of ${rounds} alternating rounds per sample${baseRoot ? ` (base: ${baseRoot})` : ''}`, table);
