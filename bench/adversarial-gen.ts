/**
 * A generator of adversarial samples for math, MCQ and IFEval, and the honest batches they are
 * mixed into (`bench/adversarial.bench.ts`). Adversarial responses are what a policy that found a
 * pathological output produces: huge or deeply nested boxed answers, long runs of one character,
 * repeated answer cues, newline floods, markdown that every IFEval checker scans. Deterministic
 * (seeded), so runs compare.
 */
import { readFileSync } from 'node:fs';

/** One sample. */
export interface BenchSample {
  response: string;
  reference: unknown;
}

/** A seeded generator in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const corpus = (path: string): Record<string, unknown>[] =>
  readFileSync(new URL(`../test/corpora/${path}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** `s` repeated to `n` characters. */
const fill = (s: string, n: number): string => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/** Honest samples of each verifier from the test corpora, cycled to `n`. */
export function honestSamples(verifier: 'math' | 'mcq' | 'ifeval', n: number): BenchSample[] {
  let base: BenchSample[];
  if (verifier === 'math') {
    base = [
      ...corpus('math/qwen_math_cot_100.jsonl').map((d) => ({ response: d.response as string, reference: d.gold as string })),
      ...corpus('math/mathverify_cases.jsonl').map((d) => ({ response: String(d.pred), reference: String(d.gold) })),
    ];
  } else if (verifier === 'mcq') {
    base = corpus('mcq/mmlu_pro_mcq_extraction_labelled.jsonl').map((d, k) => ({
      response: d.response as string,
      reference: { answer: (d.valid_letters as string)[k % (d.valid_letters as string).length]!, letters: d.valid_letters as string },
    }));
  } else {
    const inputs = new Map(corpus('ifeval/input_data.jsonl').map((d) => [d.prompt as string, d]));
    base = corpus('ifeval/input_response_data_gpt4_20231107_145030.jsonl')
      .filter((d) => inputs.has(d.prompt as string))
      .map((d) => ({ response: d.response as string, reference: inputs.get(d.prompt as string) }));
  }
  return Array.from({ length: n }, (_, k) => base[k % base.length]!);
}

/** An n x n pmatrix with every cell `cell`. */
const pmatrix = (n: number, cell: string): string =>
  `\\begin{pmatrix}${Array.from({ length: n }, () => Array(n).fill(cell).join('&')).join('\\\\')}\\end{pmatrix}`;

/** Adversarial response builders per verifier: `(size) => response`. */
export const ADVERSARIAL: Record<'math' | 'mcq' | 'ifeval', Record<string, (n: number) => string>> = {
  math: {
    vmatrix: () => `\\boxed{\\begin{vmatrix}${Array.from({ length: 12 }, (_, i) => Array.from({ length: 12 }, (_, j) => `a_{${i}${j}}`).join(' & ')).join(' \\\\ ')}\\end{vmatrix}}`,
    sumChain: (n) => `\\boxed{${fill('x+', n)}x}`,
    nested: (n) => `\\boxed{${'{'.repeat(n / 2)}1${'}'.repeat(n / 2)}}`,
    unclosed: (n) => `\\boxed{${fill('a', n)}`,
    digits: (n) => `\\boxed{${fill('1234567890', n)}}`,
    fracs: (n) => `\\boxed{${fill('\\frac{1}{', n)}}`,
    manyBoxes: (n) => fill('\\boxed{1} ', n),
    tower: (n) => `\\boxed{${fill('2^{', n)}}`,
    sqrts: (n) => `\\boxed{${fill('\\sqrt{', n)}2}`,
    parens: (n) => `The answer is ${fill('(', n)}`,
    // answer cues followed by a run of blanks that never reaches their ':' (quadratic for two adjacent \s*)
    cueBlanks: (n) => `$ANSWER\t${fill('\t', n - 10)}x$`,
    gsm8kBlanks: (n) => `####0\t${fill('\t', n - 8)}\u0000`,
    // short answers that are huge to evaluate exactly (bounded by the work budget, not by size)
    bigFractions: () => '\\boxed{\\frac{3^{62000}}{5^{42000}}+\\frac{7^{35000}}{11^{28000}}}',
    harmonic: () => '\\boxed{\\sum_{k=1}^{10000} \\frac{1}{k}}',
    nestedSums: () => '\\boxed{\\sum_{k=1}^{10000}\\sum_{m=1}^{10000} k m}',
    // matrix arithmetic (a tower of powers, and 10,000 of them summed)
    matrixTower: () => `\\boxed{${'{'.repeat(31)}${pmatrix(12, 'x')}${'}^{64}'.repeat(31)}}`,
    matrixSum: () => `\\boxed{\\sum_{k=1}^{10000} ${'{'.repeat(30)}${pmatrix(8, 'k')}${'}^{64}'.repeat(30)}}`,
  },
  mcq: {
    newlines: (n) => `The answer is (A).${'\n'.repeat(n)}`,
    cues: (n) => fill('the answer is ', n),
    letters: (n) => fill('(A) (B) ', n),
    answerColon: (n) => fill('Answer: A or B\n', n),
    fullwidth: (n) => fill('Ａ', n),
    spacesThenAnswer: (n) => `${' '.repeat(n)}The answer is (B)`,
    optionSpam: (n) => fill('Option A is correct. Option B is correct. ', n),
    bold: (n) => fill('**', n) + 'A',
  },
  ifeval: {
    paragraphs: (n) => fill('x\n\n', n),
    newlines: (n) => '\n'.repeat(n),
    wordLines: (n) => fill('w\n', n),
    stars: (n) => fill('*', n),
    bullets: (n) => fill('* a\n', n),
    sections: (n) => fill('Section 1\n', n),
    sentences: (n) => fill('Hi. ', n),
    json: (n) => fill('{"a":[', n),
    titles: (n) => fill('<<t>> ', n),
    commas: (n) => fill(',', n),
    emoji: (n) => fill('😀 ', n),
    mixed: (n) => fill('The quick, brown fox! Jumps? ***\n\n', n),
    // a line of openers that never close (quadratic for <<[^\n]+>> and \[.*?\] scanned per opener)
    titleOpeners: (n) => fill('<<', n),
    placeholderOpeners: (n) => fill('[', n),
    // one whitespace run (quadratic for patterns that open with \s* or \n*: postscript, bullets)
    spaceRun: (n) => `${' '.repeat(n - 1)}a`,
    questionNewlines: (n) => `Question${'\n'.repeat(n - 9)}a`,
    letterRun: (n) => 'a'.repeat(n),
  },
};

/** Where adversarial samples go in a batch. */
export type Placement = 'spread' | 'adjacent' | 'chunk-edges';

/**
 * Mix `bad` adversarial samples into `honest` ones (in order) by `placement`: `spread` evenly,
 * `adjacent` as one block in the middle, `chunk-edges` at both sides of every 256-sample boundary.
 * Returns the batch and which positions are adversarial.
 */
export function mix(honest: BenchSample[], bad: BenchSample[], placement: Placement): { batch: BenchSample[]; isBad: boolean[] } {
  const total = honest.length + bad.length;
  const badAt = new Set<number>();
  if (placement === 'spread') for (let k = 0; k < bad.length; k++) badAt.add(Math.floor(((k + 0.5) * total) / bad.length));
  else if (placement === 'adjacent') for (let k = 0; k < bad.length; k++) badAt.add(Math.floor(total / 2) + k);
  else {
    for (let edge = 256; badAt.size < bad.length; edge += 256) {
      badAt.add((edge - 1) % total);
      if (badAt.size < bad.length) badAt.add(edge % total);
    }
  }
  const batch: BenchSample[] = [];
  const isBad: boolean[] = [];
  let h = 0;
  let b = 0;
  for (let i = 0; i < total; i++) {
    const useBad = (badAt.has(i) && b < bad.length) || h >= honest.length;
    batch.push(useBad ? bad[b++]! : honest[h++]!);
    isBad.push(useBad);
  }
  return { batch, isBad };
}

/**
 * `s` as one flat string. `repeat`, `slice` and `+` build V8 rope (cons/sliced) strings that are
 * flattened, at a copy into fresh memory, the first time anything reads them whole; a trainer's
 * responses come from JSON or a tokenizer's decode and are flat already. Without this, whichever
 * placement ran first paid for flattening every adversarial string (spread ran first: 6x).
 */
export const flat = (s: string): string => Buffer.from(s, 'utf16le').toString('utf16le');

/** `n` adversarial samples for `verifier`, cycling through its builders with sizes from 1 KB to 1 MB (flat strings; ifeval's include 49 KB, just under its cap). */
export function adversarialSamples(verifier: 'math' | 'mcq' | 'ifeval', n: number, honest: BenchSample[], seed = 7): BenchSample[] {
  const rand = rng(seed);
  const builders = Object.values(ADVERSARIAL[verifier]);
  // ifeval reads at most 50,000 characters (longer is response-too-long at once): its worst case
  // is just under that (a per-match scan of 49,000 characters took a second).
  const sizes = verifier === 'ifeval' ? [1_000, 10_000, 49_000, 1_000_000] : [1_000, 10_000, 100_000, 1_000_000];
  return Array.from({ length: n }, (_, k) => ({
    response: flat(builders[k % builders.length]!(sizes[Math.floor(rand() * sizes.length)]!)),
    reference: honest[k % honest.length]!.reference,
  }));
}
