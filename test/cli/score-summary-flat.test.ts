/**
 * `rewards score` keeps no verdict for its summary: every built-in verifier with summary lines
 * gives a running accumulator (`createSummary`), and its lines equal those of the whole run.
 */
import { describe, expect, it } from 'vitest';
import { getVerifierEntry, verifierNames } from '../../src/core/registry.js';
import { importVerifierModule } from '../../src/core/registry.js';
import { emptyScoreSummary, prepareVerifierSummary } from '../../src/cli/score-summary.js';
import type { Verdict } from '../../src/core/verdict.js';

const builtins = ['mcq', 'math', 'code', 'ifeval', 'similarity', 'patch'];

const samples: Record<string, Verdict[]> = {
  code: [
    { score: 1, pass: true, details: { language: 'python', tests: [{ status: 'passed' }, { status: 'passed' }] } },
    { score: 0, pass: false, reason: 'tests-failed', details: { language: 'python', tests: [{ status: 'runtime-error: boom' }] } },
    { score: 0, pass: false, reason: 'tests-failed', details: { language: 'javascript', tests: [{ status: 'wrong-answer' }] } },
  ],
  similarity: [
    { score: 1, pass: true, details: { cosine: 0.93 } },
    { score: 0, pass: false, reason: 'not-equivalent', details: { cosine: 0.41 } },
    { score: 0, pass: false, reason: 'invalid-input' },
  ],
  patch: [
    { score: 1, pass: true },
    { score: 0.5, pass: false, reason: 'not-equivalent' },
    { score: 0, pass: false, reason: 'format' },
  ],
};

const expected: Record<string, RegExp[]> = {
  code: [/python 1\/2, javascript 0\/1/, /3 tests: passed 2, runtime-error 1, wrong-answer 1|4 tests/],
  similarity: [/3 samples, 1 passed \(33\.3%\), mean score 0\.3333, mean cosine 0\.6700 over 2 scored/, /not-equivalent 1, invalid-input 1/],
  patch: [/mean similarity 0\.5000, identical to gold 1\/3, unparseable \(format\) 1, no change 0, partial 1/],
};

describe('rewards score summaries are flat', () => {
  it('every built-in verifier that summarises a run has a running accumulator', async () => {
    expect(verifierNames()).toEqual(expect.arrayContaining(builtins));
    for (const name of builtins) {
      const mod = await importVerifierModule(getVerifierEntry(name)!.module);
      if (mod.summarize) expect(typeof mod.createSummary, name).toBe('function');
    }
  });

  it("the accumulator's lines equal the summary of the whole run (code, similarity, patch)", async () => {
    for (const [name, verdicts] of Object.entries(samples)) {
      const mod = await importVerifierModule(getVerifierEntry(name)!.module);
      const s = emptyScoreSummary();
      await prepareVerifierSummary(s, name);
      for (const v of verdicts) s.verifierSummaries[name]!.add(v);
      const lines = s.verifierSummaries[name]!.lines();
      expect(lines.length, name).toBeGreaterThan(0);
      expect(lines).toEqual(mod.summarize!(verdicts));
      expected[name]!.forEach((re, k) => expect(lines[k]).toMatch(re));
    }
  });
});
