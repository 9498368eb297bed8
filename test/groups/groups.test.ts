import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupStats, groupZScores, passAtK, meanStd, type Verdict } from '../../src/index.js';

/** C(n, k) exactly. */
function comb(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

const v = (pass: boolean, extra: Partial<Verdict> = {}): Verdict => ({ score: pass ? 1 : 0, pass, ...extra });

describe('pass@k', () => {
  it('equals 1 - C(n-c, k) / C(n, k) (property, exact combinatorics)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }), fc.integer({ min: 1, max: n }))), ([n, c, k]) => {
        const exact = 1 - Number((comb(n - c, k) * 10n ** 15n) / comb(n, k)) / 1e15;
        expect(passAtK(n, c, k)).toBeCloseTo(exact, 12);
      }),
      { numRuns: 500 },
    );
  });
  it('known values and edges', () => {
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 15);
    expect(passAtK(5, 0, 5)).toBe(0);
    expect(passAtK(5, 5, 1)).toBe(1);
    expect(passAtK(4, 2, 3)).toBe(1); // n - c < k
    expect(() => passAtK(3, 1, 4)).toThrow(/1 <= k <= n/);
  });
});

describe('groupStats', () => {
  it('per group: n, mean, std (n - 1), pass@k for k = 1..n, all-correct / all-wrong', () => {
    const verdicts = [v(true), v(false), v(true), v(true), v(true), v(false), v(false), { score: 0.5, pass: false }];
    const groups = ['a', 'a', 'a', 'b', 'b', 'c', 'c', 'c'];
    const [a, b, c] = groupStats(verdicts, groups);
    expect(a).toMatchObject({ key: 'a', n: 3, correct: 2, allCorrect: false, allWrong: false });
    expect(a!.mean).toBeCloseTo(2 / 3, 15);
    expect(a!.std).toBeCloseTo(Math.sqrt(1 / 3), 15);
    expect(a!.passAtK).toEqual([passAtK(3, 2, 1), 1, 1]);
    expect(b).toMatchObject({ n: 2, allCorrect: true, allWrong: false, std: 0, mean: 1 });
    expect(c).toMatchObject({ n: 3, correct: 0, allWrong: true, passAtK: [0, 0, 0] });
    expect(c!.mean).toBeCloseTo(0.5 / 3, 15);
  });
  it('masked verdicts are left out (and counted as masked)', () => {
    const [g] = groupStats([v(true), v(false, { mask: true, reason: 'truncated' }), v(true)], [1, 1, 1]);
    expect(g).toMatchObject({ n: 2, masked: 1, correct: 2, allCorrect: true, mean: 1 });
  });
  it('can average the shaped reward instead of the score', () => {
    const [g] = groupStats([v(true, { reward: 1.7 }), v(false, { reward: -1 })], ['x', 'x'], 'reward');
    expect(g!.mean).toBeCloseTo(0.35, 15);
  });
  it('masking one sample never changes another group (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 }), fc.nat(), (rows, pick) => {
        const verdicts = rows.map(([p]) => v(p));
        const groups = rows.map(([, g]) => g);
        const i = pick % rows.length;
        const before = groupStats(verdicts, groups);
        const masked = verdicts.map((x, k) => (k === i ? { ...x, mask: true } : x));
        const after = groupStats(masked, groups);
        for (const s of after) if (s.key !== String(groups[i])) expect(s).toEqual(before.find((b) => b.key === s.key));
      }),
    );
  });
  it('rejects mismatched lengths', () => {
    expect(() => groupStats([v(true)], [])).toThrow(/1 verdicts but 0 group keys/);
  });
});

describe('group z-scores', () => {
  it("a group's z-scores have mean 0 (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 50 }), (rows) => {
        const z = groupZScores(rows.map(([x]) => x), rows.map(([, g]) => g));
        for (let g = 0; g <= 4; g++) {
          const zs = z.filter((_, i) => rows[i]![1] === g);
          if (zs.length) expect(Math.abs(zs.reduce((s, x) => s + x, 0) / zs.length)).toBeLessThan(1e-6);
        }
      }),
    );
  });
  it('excluded and non-finite values get NaN and do not move the others', () => {
    const z = groupZScores([1, 2, 3, 1000, NaN], ['g', 'g', 'g', 'g', 'g'], [false, false, false, true, false]);
    expect(z[3]).toBeNaN();
    expect(z[4]).toBeNaN();
    expect(z[1]).toBe(0);
    const { std } = meanStd([1, 2, 3]);
    expect(z[0]).toBeCloseTo(-1 / (std + 1e-6), 12);
  });
});

describe('Verdict mask and reward fields', () => {
  it('normalizeVerdict keeps a finite reward and a boolean mask, drops anything else, and leaves score in [0, 1]', async () => {
    const { normalizeVerdict } = await import('../../src/index.js');
    expect(normalizeVerdict({ score: 1, pass: true, reward: -1, mask: false })).toEqual({ score: 1, pass: true, reward: -1, mask: false });
    expect(normalizeVerdict({ score: 2, pass: true, reward: Infinity, mask: 'yes' })).toEqual({ score: 1, pass: true });
  });
});
