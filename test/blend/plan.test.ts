/**
 * The blend plan and the seeded selection: properties over random class sizes, weights and seeds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, planBlend } from '../../src/blend/plan.js';
import { createSelector, hashSeed } from '../../src/blend/select.js';
import { keyFor, parseRatio, BLEND_PRESETS } from '../../src/blend/ratio.js';
import { classOf } from '../../src/blend/classify.js';

const classes = fc.dictionary(fc.constantFrom('math', 'stem', 'humanities', 'code', 'law'), fc.record({ n: fc.integer({ min: 1, max: 500 }), w: fc.integer({ min: 1, max: 5 }) }), { minKeys: 1 });

describe('apportion', () => {
  it('sums to the total and never strays more than one from the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 100_000 }), (ws, total) => {
        const sum = ws.reduce((a, b) => a + b, 0);
        const shares = ws.map((w) => w / sum);
        const out = apportion(total, shares);
        expect(out.reduce((a, b) => a + b, 0)).toBe(total);
        out.forEach((n, i) => expect(Math.abs(n - shares[i]! * total)).toBeLessThan(1 + 1e-9));
      }),
    );
  });
});

describe('planBlend', () => {
  it('without --total: the largest blend that repeats nothing, within one record of the ratio per class', () => {
    fc.assert(
      fc.property(classes, (c) => {
        const keys = Object.keys(c);
        const available = Object.fromEntries(keys.map((k) => [k, c[k]!.n]));
        const weights = Object.fromEntries(keys.map((k) => [k, c[k]!.w]));
        const plan = planBlend(keys, available, weights, undefined, 'error', 't');
        const total = plan.reduce((a, p) => a + p.take, 0);
        for (const p of plan) {
          expect(p.take).toBeLessThanOrEqual(p.available);
          expect(p.status).toBe('ok');
          expect(Math.abs(p.take - p.share * total)).toBeLessThan(1 + 1e-9);
        }
        // One more record would need some class to give more than it has.
        const next = apportion(total + 1, plan.map((p) => p.share));
        expect(next.some((n, i) => n > plan[i]!.available) || plan.some((p) => p.take === p.available)).toBe(true);
      }),
    );
  });
  it('a short class at --total is an error naming it and both flags; --cap takes what it has; --upsample repeats', () => {
    const keys = ['gpr', 'math'];
    const available = { gpr: 1000, math: 100 };
    const weights = { gpr: 2, math: 1 };
    expect(() => planBlend(keys, available, weights, 900, 'error', '--ratio gpr=2,math=1')).toThrow(/"math" needs 300 records but has 100.*--cap.*--upsample/);
    const capped = planBlend(keys, available, weights, 900, 'cap', 'r');
    expect(capped.map((p) => [p.take, p.status])).toEqual([[600, 'ok'], [100, 'capped']]);
    const up = planBlend(keys, available, weights, 900, 'upsample', 'r');
    expect(up[1]).toMatchObject({ take: 300, repeat: 3, extra: 0, status: 'upsampled' });
    const up2 = planBlend(keys, available, weights, 1000, 'upsample', 'r');
    expect(up2[1]).toMatchObject({ take: 333, repeat: 3, extra: 33 });
  });
  it('a class with no records fails even with --upsample; --cap leaves it out', () => {
    expect(() => planBlend(['gpr', 'math'], { gpr: 10, math: 0 }, { gpr: 2, math: 1 }, undefined, 'upsample', 'r')).toThrow(/no records for "math"/);
    const p = planBlend(['gpr', 'math'], { gpr: 10, math: 0 }, { gpr: 2, math: 1 }, undefined, 'cap', 'r');
    expect(p.map((x) => x.take)).toEqual([10, 0]);
  });
});

describe('selection sampling', () => {
  it('writes exactly the planned count, deterministically for a seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 2 ** 31 }), (n, take, seed) => {
        const repeat = take > n ? Math.floor(take / n) : 0;
        const plan = { key: 'k', available: n, weight: 1, share: 1, target: take, take, repeat, extra: take - repeat * n, status: 'ok' as const };
        const run = (): number[] => {
          const s = createSelector(plan, seed);
          return Array.from({ length: n }, () => s.next());
        };
        const a = run();
        expect(a.reduce((x, y) => x + y, 0)).toBe(take);
        expect(run()).toEqual(a);
        a.forEach((c) => expect(c === repeat || c === repeat + 1).toBe(true));
      }),
    );
  });
  it('is unbiased: each record is chosen about extra/available of the time over seeds', () => {
    const n = 10;
    const hits = new Array<number>(n).fill(0);
    const seeds = 4000;
    for (let seed = 0; seed < seeds; seed++) {
      const s = createSelector({ key: 'math', available: n, weight: 1, share: 1, target: 3, take: 3, repeat: 0, extra: 3, status: 'ok' }, seed);
      for (let i = 0; i < n; i++) hits[i]! += s.next();
    }
    // Expected 1200 each; 5 standard deviations is about +-145.
    hits.forEach((h) => expect(Math.abs(h - 1200)).toBeLessThan(150));
  });
  it('different seeds and different classes draw different streams', () => {
    expect(hashSeed(1, 'math')).not.toBe(hashSeed(2, 'math'));
    expect(hashSeed(1, 'math')).not.toBe(hashSeed(1, 'gpr'));
  });
});

describe('ratios and classes', () => {
  it('parses ratios and names what is wrong', () => {
    expect(parseRatio('gpr=2, math=1')).toEqual({ gpr: 2, math: 1 });
    expect(() => parseRatio('gpr')).toThrow(/class=weight/);
    expect(() => parseRatio('gpr=-1')).toThrow(/non-negative/);
    expect(() => parseRatio('gpr=0')).toThrow(/positive weight/);
    expect(() => parseRatio('gpr=1,*=2')).toThrow(/at most one catch-all/);
  });
  it('a catch-all key takes every class the ratio does not name', () => {
    const w = BLEND_PRESETS['gpr-up']!.weights!;
    expect(keyFor(w, 'math')).toBe('math');
    expect(keyFor(w, 'stem')).toBe('gpr');
    expect(keyFor({ math: 1 }, 'stem')).toBeUndefined();
  });
  it('classes by domain, kind (inferred), or any field', () => {
    const r = { domain: 'stem', question: 'q', options: ['a', 'b'], answer: 'A', year: 2020 };
    expect(classOf(r, 'domain')).toBe('stem');
    expect(classOf(r, 'kind')).toBe('mcq');
    expect(classOf(r, 'year')).toBe('2020');
    expect(classOf(r, 'data_source')).toBeUndefined();
  });
});
