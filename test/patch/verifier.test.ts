import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyBatch, verifyPatch, repairHunkCounts, extractPatch, sequenceRatio } from '../../src/index.js';
import { sequenceRatioWithin } from '../../src/verifiers/patch/sequence-matcher.js';
import { summarize } from '../../src/verifiers/patch/index.js';

const corpus = readFileSync(fileURLToPath(new URL('../corpora/swe/requests_gold_patches.jsonl', import.meta.url)), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { instance_id: string; patch: string });

const GOLD = `diff --git a/pkg/mod.py b/pkg/mod.py
--- a/pkg/mod.py
+++ b/pkg/mod.py
@@ -10,7 +10,7 @@ def f(x):
     a = 1
     b = 2
     c = 3
-    return x + a
+    return x + a + b
     d = 4
     e = 5
     g = 6
`;

describe('patch verifier on real gold patches (psf/requests history)', () => {
  it('every gold patch scores 1 against itself, 0 as empty, and strictly between when mutated', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    for (const r of corpus) {
      expect(verifyPatch(r.patch, r.patch), r.instance_id).toMatchObject({ score: 1, pass: true });
      expect(verifyPatch('', r.patch), r.instance_id).toMatchObject({ score: 0, reason: 'no-change' });
      // Change one added or removed line (never a header).
      const mutated = r.patch.replace(/^([+-])(?![+-]{2} )(.*)$/m, '$1$2 # changed');
      const v = verifyPatch('```diff\n' + mutated + '```\n', r.patch);
      expect(v.score, r.instance_id).toBeGreaterThan(0);
      expect(v.score, r.instance_id).toBeLessThan(1);
      expect(v.reason).toBe('not-equivalent');
    }
  });
});

describe('patch verifier: extract -> parse -> compare', () => {
  it('reads a fenced diff inside prose and inside <solution>', () => {
    expect(verifyPatch(`Here is the fix:\n\n\`\`\`diff\n${GOLD}\`\`\`\nDone.`, GOLD).score).toBe(1);
    expect(verifyPatch(`<think>hmm</think><solution>\n${GOLD}</solution>`, GOLD).score).toBe(1);
    expect(verifyPatch(`bare:\n${GOLD}\nthanks`, GOLD).score).toBe(1);
  });

  it('normalises: other line numbers, more context, CRLF and trailing blanks still score 1', () => {
    const moved = GOLD.replace('@@ -10,7 +10,7 @@ def f(x):', '@@ -99,7 +99,7 @@');
    expect(verifyPatch(moved, GOLD).score).toBe(1);
    const crlf = GOLD.replace(/\n/g, '  \r\n');
    expect(verifyPatch(crlf, GOLD).score).toBe(1);
    const moreContext = GOLD.replace('@@ -10,7 +10,7 @@ def f(x):\n', '@@ -9,8 +9,8 @@\n     z = 0\n');
    expect(verifyPatch(moreContext, GOLD).score).toBe(1);
  });

  it('repairs wrong hunk counts (a common model error) and says so', () => {
    const wrong = GOLD.replace('@@ -10,7 +10,7 @@', '@@ -10,4 +10,9 @@');
    const v = verifyPatch(wrong, GOLD);
    expect(v.score).toBe(1);
    expect(v.details).toMatchObject({ repaired: true });
    expect(repairHunkCounts('@@ -1,9 +1,9 @@\n a\n-b\n+c\n')).toBe('@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
  });

  it('SEARCH/REPLACE blocks are diffed and compared like a unified diff', () => {
    const sr = `### pkg/mod.py
<<<<<<< SEARCH
    a = 1
    b = 2
    c = 3
    return x + a
    d = 4
    e = 5
    g = 6
=======
    a = 1
    b = 2
    c = 3
    return x + a + b
    d = 4
    e = 5
    g = 6
>>>>>>> REPLACE`;
    expect(extractPatch(sr).kind).toBe('search-replace');
    expect(verifyPatch(sr, GOLD)).toMatchObject({ score: 1, pass: true, details: { rule: 'search-replace' } });
    const partial = sr.replace('return x + a + b', 'return x + b');
    const v = verifyPatch(partial, GOLD);
    expect(v.score).toBeGreaterThan(0.5);
    expect(v.score).toBeLessThan(1);
  });

  it("reads SWE-RL's output format: <think>, then <solution> with a fenced SEARCH/REPLACE block", () => {
    const gold = '--- a/a.py\n+++ b/a.py\n@@ -1,1 +1,1 @@\n-hehe\n+hihi\n';
    const out = '<think>emm</think><solution>```python\n### a.py\n<<<<<<< SEARCH\nhehe\n=======\nhihi\n>>>>>>> REPLACE\n```</solution>';
    expect(verifyPatch(out, gold)).toMatchObject({ score: 1, pass: true, extracted: 'a.py' });
    // Two fenced diffs are read together (one per file here).
    const two = '```diff\n--- a/a.py\n+++ b/a.py\n@@ -1,1 +1,1 @@\n-hehe\n+hihi\n```\nand\n```diff\n--- a/b.py\n+++ b/b.py\n@@ -1,1 +1,1 @@\n-x\n+y\n```';
    expect(verifyPatch(two, gold).score).toBe(0.5);
  });

  it('no change scores 0 (empty response, identical SEARCH and REPLACE, a diff of context only)', () => {
    expect(verifyPatch('   \n', GOLD)).toMatchObject({ score: 0, reason: 'no-change' });
    expect(verifyPatch('### pkg/mod.py\n<<<<<<< SEARCH\nx\n=======\nx\n>>>>>>> REPLACE', GOLD)).toMatchObject({ score: 0, reason: 'no-change' });
    expect(verifyPatch('--- a/pkg/mod.py\n+++ b/pkg/mod.py\n@@ -1,2 +1,2 @@\n a\n b\n', GOLD)).toMatchObject({ score: 0, reason: 'no-change' });
  });

  it('unparseable responses get reason format', () => {
    expect(verifyPatch('I would change the return statement.', GOLD)).toMatchObject({ score: 0, reason: 'format' });
    expect(verifyPatch('```diff\n@@ -1,2 +1,2 @@\n-a\n+b\n```', GOLD)).toMatchObject({ score: 0, reason: 'format' });
  });

  it('matches per file: an extra file or a missing file halves the score', () => {
    const other = `--- a/pkg/other.py\n+++ b/pkg/other.py\n@@ -1,1 +1,1 @@\n-x = 1\n+x = 2\n`;
    const both = verifyPatch(GOLD + other, GOLD);
    expect(both.score).toBe(0.5);
    expect(verifyPatch(GOLD, GOLD + other).score).toBe(0.5);
    expect(verifyPatch(other, GOLD).score).toBe(0);
  });

  it('reward hacks do not pay: repeating the gold hunk, padding with junk, renaming the path', () => {
    expect(verifyPatch(GOLD + GOLD.split('\n').slice(3).join('\n'), GOLD).score).toBeLessThan(1);
    const padded = GOLD.replace('+    return x + a + b\n', '+    return x + a + b\n' + '+    pass\n'.repeat(200));
    expect(verifyPatch(padded, GOLD).score).toBeLessThan(0.5);
    expect(verifyPatch(GOLD.replace(/pkg\/mod\.py/g, 'pkg/evil.py'), GOLD).score).toBe(0);
  });

  it('the score is difflib ratio of the canonical change texts', () => {
    const pred = GOLD.replace('return x + a + b', 'return x + b + a');
    const want = sequenceRatio(
      '@@\n     a = 1\n     b = 2\n     c = 3\n-    return x + a\n+    return x + b + a\n     d = 4\n     e = 5\n     g = 6',
      '@@\n     a = 1\n     b = 2\n     c = 3\n-    return x + a\n+    return x + a + b\n     d = 4\n     e = 5\n     g = 6',
    );
    expect(verifyPatch(pred, GOLD).score).toBe(want);
  });

  it('bounded cost: oversized responses are refused, oversized changes compared by line', () => {
    expect(verifyPatch('x'.repeat(2_000_001), GOLD, { maxResponseChars: 2_000_000 })).toMatchObject({ score: 0, reason: 'too-large' });
    const big = GOLD.replace('+    return x + a + b\n', '+    return x + a + b\n' + '+    y = 0\n'.repeat(3000));
    const v = verifyPatch(big.replace('+    y = 0\n', '+    y = 1\n'), big);
    expect(v.score).toBeGreaterThan(0.99);
    expect(v.score).toBeLessThan(1);
    expect((v.details as { files: { unit: string }[] }).files[0]!.unit).toBe('line');
    expect(verifyPatch(big, big).score).toBe(1);
  });

  it('bounded work: a deterministic step budget, then the line ratio, then 0 (never a reward for a pathological patch)', () => {
    expect(sequenceRatioWithin('abcabc', 'abcab', { maxSteps: 2 })).toBeUndefined();
    expect(sequenceRatioWithin('abcabc', 'abcab', { maxSteps: 1e6 })).toBe(sequenceRatio('abcabc', 'abcab'));
    const mk = (body: string[]): string => `--- a/x.py\n+++ b/x.py\n@@ -1,1 +1,${body.length} @@\n-x\n${body.map((l) => '+' + l).join('\n')}\n`;
    // Without autojunk difflib is quadratic per level on one repeated character.
    const v = verifyPatch(mk(['a'.repeat(5000)]), mk(['a'.repeat(4999) + 'b']), { autojunk: false, maxSteps: 100_000 });
    expect((v.details as { files: { unit: string }[] }).files[0]!.unit).toBe('line');
    expect(v.score).toBeCloseTo(2 / 3, 12);
    const w = verifyPatch(mk(Array<string>(800).fill('}')), mk([...Array<string>(799).fill('}'), '{']), { autojunk: false, maxSteps: 100_000 });
    expect(w).toMatchObject({ score: 0, details: { files: [{ unit: 'over-budget' }] } });
  });

  it('summarize counts exact matches and failure kinds for rewards score', () => {
    const vs = ['', 'prose', GOLD, GOLD.replace('a + b', 'b')].map((r) => verifyPatch(r, GOLD));
    expect(summarize(vs)[0]).toMatch(/identical to gold 1\/4, unparseable \(format\) 1, no change 1, partial 1$/);
  });

  it('a bad gold patch is invalid-input, not a wrong answer', async () => {
    const [v1, v2] = await verifyBatch('patch', [
      { response: GOLD, reference: 'not a diff' },
      { response: GOLD, reference: { patch: GOLD } },
    ], { threads: 0 });
    expect(v1).toMatchObject({ score: 0, reason: 'invalid-input' });
    expect(v2).toMatchObject({ score: 1, pass: true });
  });
});
