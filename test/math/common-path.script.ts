/**
 * Child process of common-path.test.ts: runs every sample of the math corpora through verifyMath
 * in a fresh process and prints, as one JSON line, which heavy libraries that loaded; then one
 * answer with units and one that needs the symbolic fallback, printing again after each.
 */
import { createRequire } from 'node:module';
import { verifyMath } from '../../src/verifiers/math/index.js';
import { loadedLibraries } from '../../src/verifiers/math/lazy.js';
import { symbolicStats } from '../../src/verifiers/math/symbolic.js';
import { corpus } from './corpus.js';

const requireHere = createRequire(import.meta.url);

function snapshot(label: string, samples: number): void {
  const cached = Object.keys(requireHere.cache).filter((k) => /node_modules[\\/](?:nerdamer|mathjs)[\\/]/.test(k));
  const asked = Object.values(symbolicStats().asked).reduce((s, x) => s + x, 0);
  console.log(JSON.stringify({ label, samples, loaded: loadedLibraries(), cachedModules: cached.length, fallbackAsked: asked }));
}

type Row = Record<string, unknown>;
const pairs: Array<[string, unknown]> = [
  ...corpus<Row>('mathverify_cases.jsonl').map((d): [string, unknown] => [d.pred as string, d.gold]),
  ...corpus<Row>('qwen_math_cot_100.jsonl').map((d): [string, unknown] => [d.response as string, d.gold]),
  ...corpus<Row>('math500_test.jsonl').map((d): [string, unknown] => [`The final answer is $\\boxed{${d.answer as string}}$.`, d.answer]),
  ...corpus<Row>('nemoskills_cases.jsonl').filter((d) => d.gold !== null).map((d): [string, unknown] => [(d.pred as string | null) ?? '', d.gold]),
  ...corpus<Row>('regressions.jsonl').map((d): [string, unknown] => [d.pred as string, d.gold]),
  ...corpus<Row>('mathverify_issue_probes.jsonl').map((d): [string, unknown] => [d.pred as string, d.gold]),
];
for (const [response, gold] of pairs) {
  try {
    verifyMath(response, gold);
  } catch {
    // invalid references are not this script's concern
  }
}
snapshot('corpora', pairs.length);
verifyMath('\\boxed{5000 \\text{ Wh}}', '5 \\text{ kWh}');
snapshot('units', 1);
verifyMath('\\boxed{4^{50000}}', '2^{100000}');
snapshot('fallback', 1);
