/**
 * The TS port of difflib's ratio agrees with CPython's (`/usr/bin/python3`, run here on the same
 * pairs) to 1e-9 on generated pairs and on real patch pairs (gold patches of psf/requests, their
 * canonical change texts against mutated copies and against other patches).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sequenceRatio } from '../../src/verifiers/patch/sequence-matcher.js';
import { canonicalEdits } from '../../src/verifiers/patch/compare.js';
import { parseUnifiedDiff } from '../../src/verifiers/patch/parse.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
type Case = { a: string | string[]; b: string | string[]; autojunk: boolean };

/** CPython's ratios for the cases, one process for all. */
function pythonRatios(cases: Case[]): number[] {
  const r = spawnSync('/usr/bin/python3', [here('./difflib_oracle.py')], {
    input: cases.map((c) => JSON.stringify(c)).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`difflib oracle failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map(Number);
}

/** A deterministic generator (so the cases are the same on every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function generatedCases(n: number): Case[] {
  const rnd = lcg(15);
  const alphabets = ['ab', 'abc', 'abcdefgh', 'a b\n', 'xy😀é', 'def f(x):\n    return x + 1\n'];
  const cases: Case[] = [];
  for (let k = 0; k < n; k++) {
    const alpha = [...alphabets[k % alphabets.length]!];
    // Lengths both sides of 200, where autojunk starts purging popular elements.
    const len = Math.floor(rnd() * (k % 3 === 0 ? 900 : 120));
    let a = '';
    for (let i = 0; i < len; i++) a += alpha[Math.floor(rnd() * alpha.length)];
    let b = [...a].map((c) => (rnd() < 0.15 ? alpha[Math.floor(rnd() * alpha.length)] : c)).join('');
    if (rnd() < 0.3) b = b.slice(Math.floor((rnd() * b.length) / 2));
    if (rnd() < 0.2) b = b + a.slice(0, Math.floor(rnd() * a.length));
    cases.push({ a, b, autojunk: k % 4 !== 0 });
  }
  return cases;
}

function realCases(): Case[] {
  const rows = readFileSync(here('../corpora/swe/requests_gold_patches.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { patch: string });
  const texts = rows.map((r) => [...canonicalEdits(parseUnifiedDiff(r.patch).edits).values()].join('\n'));
  const rnd = lcg(7);
  const cases: Case[] = [];
  texts.forEach((t, k) => {
    const lines = t.split('\n');
    const dropped = lines.filter(() => rnd() > 0.2).join('\n');
    const edited = lines.map((l) => (l.startsWith('+') && rnd() < 0.5 ? l.replace(/\w+/, 'renamed') : l)).join('\n');
    const other = texts[(k * 7 + 3) % texts.length]!;
    cases.push({ a: dropped, b: t, autojunk: true }, { a: edited, b: t, autojunk: true }, { a: other, b: t, autojunk: true });
    cases.push({ a: dropped.split('\n'), b: lines, autojunk: true }, { a: edited.split('\n'), b: lines, autojunk: false });
    // Without autojunk CPython is close to quadratic on these texts (tens of seconds for the
    // corpus), so character-level pairs without it use the shorter texts only.
    if (t.length <= 600) cases.push({ a: dropped, b: t, autojunk: false }, { a: edited, b: t, autojunk: false });
  });
  return cases;
}

describe('sequenceRatio agrees with CPython difflib', () => {
  it('on 1,500 generated pairs and at least 800 real patch pairs, to 1e-9', { timeout: 300_000 }, () => {
    const cases = [...generatedCases(1500), ...realCases()];
    expect(cases.length).toBeGreaterThanOrEqual(2300);
    const expected = pythonRatios(cases);
    expect(expected.length).toBe(cases.length);
    const bad = cases.map((c, k) => ({ k, got: sequenceRatio(c.a, c.b, { autojunk: c.autojunk }), want: expected[k]! })).filter((r) => !(Math.abs(r.got - r.want) <= 1e-9));
    expect(bad).toEqual([]);
  });

  it('on fast-check strings (autojunk on and off)', { timeout: 120_000 }, () => {
    const cases: Case[] = fc.sample(
      fc.record({ a: fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '\n', 'é', '😀'), maxLength: 400 }), b: fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '\n'), maxLength: 400 }), autojunk: fc.boolean() }),
      { numRuns: 300, seed: 42 },
    );
    const expected = pythonRatios(cases);
    cases.forEach((c, k) => expect(sequenceRatio(c.a, c.b, { autojunk: c.autojunk })).toBeCloseTo(expected[k]!, 12));
  });

  it('is 1 for two empty sequences and 0 for disjoint ones', () => {
    expect(sequenceRatio('', '')).toBe(1);
    expect(sequenceRatio('abc', 'xyz')).toBe(0);
    expect(sequenceRatio('abcd', 'bcde')).toBe(0.75);
  });
});
