/**
 * Conformance over every math corpus: each test computes the figure over the whole corpus,
 * prints the failures, and asserts the target of issue 6.
 */
import { describe, expect, it } from 'vitest';
import { verifyMath, type MathOptions } from '../../src/verifiers/math/index.js';
import { brief, corpus, report } from './corpus.js';
import { REVIEWED } from './review.js';

interface MvCase {
  gold: string;
  pred: string;
  expected: boolean;
  match_types: string[];
  float_rounding: number;
  strict: boolean;
  allow_set_relation_comp: boolean;
  mv_defaults_ok: boolean;
  review?: string;
}

function run(pred: string, gold: unknown, opts?: MathOptions): { pass: boolean; reason?: string; extracted?: string } {
  try {
    return verifyMath(pred, gold, opts);
  } catch (err) {
    return { pass: false, reason: `throws ${(err as Error).message}` };
  }
}

const mv = corpus<MvCase>('mathverify_cases.jsonl');
const expectedOf = (d: MvCase, i: number): boolean => REVIEWED[i]?.expected ?? d.expected;

describe('mathverify_cases.jsonl (270 cases of Math-Verify\'s test suite)', () => {
  it('is >= 97% right with the default options (review rows judged as in review.ts)', () => {
    const failures: string[] = [];
    mv.forEach((d, i) => {
      const v = run(d.pred, d.gold);
      if (v.pass !== expectedOf(d, i)) failures.push(`#${i} expected ${expectedOf(d, i)} got ${v.pass} (${v.reason ?? 'pass'}) extracted=${brief(v.extracted, 50)} gold=${brief(d.gold, 50)} needs ${brief({ match_types: d.match_types, float_rounding: d.float_rounding, strict: d.strict, allow_set_relation_comp: d.allow_set_relation_comp })}`);
    });
    const right = report('mathverify_cases, defaults', mv.length, failures);
    expect(right / mv.length).toBeGreaterThanOrEqual(0.97);
  });

  it('is right on every case when its own options are passed', () => {
    const failures: string[] = [];
    mv.forEach((d, i) => {
      const opts: MathOptions = { extraction: d.match_types as MathOptions['extraction'], floatRounding: d.float_rounding, strict: d.strict, allowSetRelationComp: d.allow_set_relation_comp };
      const v = run(d.pred, d.gold, opts);
      if (v.pass !== expectedOf(d, i)) failures.push(`#${i} expected ${expectedOf(d, i)} got ${v.pass} (${v.reason ?? 'pass'}) gold=${brief(d.gold, 50)} pred=${brief(d.pred.slice(-60))}`);
    });
    report('mathverify_cases, own options', mv.length, failures);
    expect(failures).toEqual([]);
  });
});

describe('qwen_math_cot_100.jsonl (800 real chain-of-thought responses)', () => {
  it('agrees with the correctness label on >= 799/800', () => {
    const rows = corpus<{ id: string; gold: string; response: string; label: boolean }>('qwen_math_cot_100.jsonl');
    const failures: string[] = [];
    for (const d of rows) {
      const v = run(d.response, d.gold);
      if (v.pass !== d.label) failures.push(`${d.id} label ${d.label} got ${v.pass} extracted=${brief(v.extracted, 50)} gold=${brief(d.gold)}`);
    }
    const right = report('qwen_math_cot_100', rows.length, failures);
    expect(right).toBeGreaterThanOrEqual(799);
  });
});

describe('math500_test.jsonl (MATH-500 gold answers)', () => {
  it('verifies every gold answer, boxed as a response, against itself: 500/500', () => {
    const rows = corpus<{ answer: string }>('math500_test.jsonl');
    const failures: string[] = [];
    for (const d of rows) {
      const v = run(`The final answer is $\\boxed{${d.answer}}$.`, d.answer);
      if (!v.pass) failures.push(`${brief(d.answer)} ${v.reason}`);
    }
    report('math500 golds vs themselves', rows.length, failures);
    expect(failures).toEqual([]);
  });
});

describe('mathverify_issue_probes.jsonl (cases from Math-Verify bug reports)', () => {
  it('gets more of the human-judged probes right than Math-Verify 0.8.0', () => {
    const rows = corpus<{ gold: string; pred: string; human_expected: boolean | null; mathverify_ok: boolean | null; issue: string; note: string }>('mathverify_issue_probes.jsonl');
    const judged = rows.filter((d) => d.human_expected !== null);
    const failures: string[] = [];
    let mvRight = 0;
    for (const d of judged) {
      const v = run(d.pred, d.gold);
      if (v.pass !== d.human_expected) failures.push(`expected ${d.human_expected} got ${v.pass} gold=${brief(d.gold, 50)} pred=${brief(d.pred, 60)} (${d.note})`);
      if (d.mathverify_ok === d.human_expected) mvRight++;
    }
    const right = report(`issue probes (Math-Verify: ${mvRight}/${judged.length}; its hang counts as wrong)`, judged.length, failures);
    expect(right).toBeGreaterThan(mvRight);
    expect(right).toBeGreaterThanOrEqual(judged.length - 2);
  });
});

describe('nemoskills_cases.jsonl (NeMo-Skills math_equal tests)', () => {
  it('agrees with every expectation', () => {
    const rows = corpus<{ gold: string | null; pred: string | null; expected: boolean }>('nemoskills_cases.jsonl');
    const failures: string[] = [];
    rows.forEach((d, i) => {
      const v = d.gold === null ? { pass: false } : run(d.pred ?? '', d.gold);
      if (v.pass !== d.expected) failures.push(`#${i} expected ${d.expected} got ${v.pass} gold=${brief(d.gold)} pred=${brief(d.pred)}`);
    });
    report('nemoskills_cases', rows.length, failures);
    expect(failures).toEqual([]);
  });
});

describe('regressions.jsonl (cases found while building the verifier)', () => {
  it('are all right', () => {
    const rows = corpus<{ gold: string; pred: string; expected: boolean; note: string }>('regressions.jsonl');
    const failures: string[] = [];
    for (const d of rows) {
      const v = run(d.pred, d.gold);
      if (v.pass !== d.expected) failures.push(`${d.note}: expected ${d.expected} got ${v.pass} gold=${brief(d.gold)} pred=${brief(d.pred)}`);
    }
    report('regressions', rows.length, failures);
    expect(failures).toEqual([]);
  });
});
