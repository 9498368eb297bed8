import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gatedRewards, isTruncated, loadPreset, parsePreset, routeFor, shapeBatch, shapeVerdict, softOverlongPenalty, verifyPatch, type Verdict } from '../../src/index.js';

const pass: Verdict = { score: 1, pass: true };
const fail: Verdict = { score: 0, pass: false, reason: 'not-equivalent' };
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

describe('overlong filtering', () => {
  it('truncated: true or finish_reason "length" masks the sample with reason truncated', () => {
    expect(isTruncated({ truncated: true })).toBe(true);
    expect(isTruncated({ finish_reason: 'length' })).toBe(true);
    expect(isTruncated({ finish_reason: 'stop', truncated: false })).toBe(false);
    const v = shapeVerdict(pass, { finish_reason: 'length' }, { overlong: { mode: 'mask' } });
    expect(v).toMatchObject({ mask: true, reason: 'truncated', score: 0, pass: false, reward: 0, details: { unmasked: { score: 1, pass: true } } });
    expect(shapeVerdict(pass, { finish_reason: 'stop' }, { overlong: { mode: 'mask' } })).toEqual({ ...pass, reward: 1 });
  });

  it("DAPO's soft overlong punishment: 0, then linear down to -1 over the buffer, then -1", () => {
    expect(softOverlongPenalty(16384, 20480, 4096)).toBe(0);
    expect(softOverlongPenalty(18432, 20480, 4096)).toBe(-0.5);
    expect(softOverlongPenalty(20480, 20480, 4096)).toBe(-1);
    expect(softOverlongPenalty(30000, 20480, 4096)).toBe(-1);
    expect(() => softOverlongPenalty(1, 10, 20)).toThrow(/cache_length <= max_length/);
    fc.assert(fc.property(fc.nat(40000), fc.nat(40000), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(softOverlongPenalty(hi, 20480, 4096)).toBeLessThanOrEqual(softOverlongPenalty(lo, 20480, 4096));
    }));
    const dapo = loadPreset('dapo-math');
    const [short, long, missing] = shapeBatch(dapo, [{ response_length: 100 }, { response_length: 18432 }, {}], [pass, pass, pass]);
    expect(short!.reward).toBe(1);
    expect(long!.reward).toBe(0.5);
    expect(missing).toMatchObject({ reason: 'invalid-input', reward: 0 });
    expect(() => shapeBatch(dapo, [{}], [pass])).toThrow(/response_length/);
  });
});

describe('per-reason shaping (cascade-swe)', () => {
  it('an unparseable patch gets -1, a partial match keeps its ratio, score stays in [0, 1]', () => {
    const swe = loadPreset('cascade-swe');
    expect(routeFor(swe, {})).toMatchObject({ route: { verifier: 'patch' } });
    const gold = '--- a/x.py\n+++ b/x.py\n@@ -1,1 +1,1 @@\n-a = 1\n+a = 2\n';
    const vs = ['no diff here', gold, gold.replace('a = 2', 'a = 3'), ''].map((r) => verifyPatch(r, gold));
    const shaped = shapeBatch(swe, vs.map(() => ({})), vs);
    expect(shaped.map((v) => v.reward)).toEqual([-1, 1, vs[2]!.score, 0]);
    for (const v of shaped) expect(v.score).toBeGreaterThanOrEqual(0);
  });
});

describe('RM-gated reward (cascade-if-gated)', () => {
  const preset = loadPreset('cascade-if-gated');

  it('validates with ajv and routes every record to the gate verifier', () => {
    expect(routeFor(preset, {})).toMatchObject({ route: { verifier: 'ifeval', options: { mode: 'strict' } } });
    expect(() => parsePreset({ name: 'x', combine: { gate: { verifier: 'ifeval' } }, verifier: 'math' }, 'p.json')).toThrow(/p.json/);
    expect(() => parsePreset({ name: 'x', combine: { gate: { verifier: 'nope' } } }, 'p.json')).toThrow(/unknown verifier "nope"/);
    expect(() => parsePreset({ name: 'x', combine: { rm_field: 'rm' } }, 'p.json')).toThrow(/gate/);
    expect(() => parsePreset({ name: 'x', verifier: 'math', shaping: { overlong: { mode: 'soft', max_length: 10, cache_length: 20 } } }, 'p.json')).toThrow(/cache_length/);
  });

  it('r = 1 + sigmoid(z(rm)) when the gate passes, else 0; z within the group', () => {
    const records = [
      { group: 'p1', rm_score: 1 },
      { group: 'p1', rm_score: 3 },
      { group: 'p1', rm_score: 5 },
      { group: 'p2', rm_score: 100 },
      { group: 'p2', rm_score: 100 },
    ];
    const out = shapeBatch(preset, records, [pass, fail, pass, pass, pass]);
    const std = 2; // sample std of 1, 3, 5
    expect(out[0]!.reward).toBeCloseTo(1 + sigmoid(-2 / (std + 1e-6)), 12);
    expect(out[1]!.reward).toBe(0);
    expect(out[2]!.reward).toBeCloseTo(1 + sigmoid(2 / (std + 1e-6)), 12);
    expect(out[3]!.reward).toBe(1.5); // equal scores: z = 0
    for (const v of out) expect(v.score === 0 || v.score === 1).toBe(true);
  });

  it('truncated rollouts are masked and left out of the group normalisation', () => {
    const records = [{ uid: 'a', rm_score: 0 }, { uid: 'a', rm_score: 10 }, { uid: 'a', rm_score: 1000, truncated: true }];
    const out = shapeBatch(preset, records, [pass, pass, pass]);
    expect(out[2]).toMatchObject({ mask: true, reason: 'truncated' });
    const without = shapeBatch(preset, records.slice(0, 2), [pass, pass]);
    expect(out.slice(0, 2)).toEqual(without);
  });

  it('masking one sample never changes samples of other groups (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ g: fc.integer({ min: 0, max: 3 }), rm: fc.double({ min: -5, max: 5, noNaN: true }), ok: fc.boolean() }), { minLength: 2, maxLength: 30 }),
      fc.nat(),
      (rows, pick) => {
        const i = pick % rows.length;
        const records = rows.map((r) => ({ group: r.g, rm_score: r.rm }));
        const verdicts = rows.map((r) => (r.ok ? pass : fail));
        const before = gatedRewards(verdicts, records, { gate: { verifier: 'ifeval' } });
        const after = gatedRewards(verdicts.map((v, k) => (k === i ? { ...v, mask: true } : v)), records, { gate: { verifier: 'ifeval' } });
        rows.forEach((r, k) => { if (r.g !== rows[i]!.g) expect(after[k]).toEqual(before[k]); });
      },
    ));
  });

  it('set-up errors throw naming the field; one record without an RM score is that record\'s problem', () => {
    expect(() => shapeBatch(preset, [{ group: 1 }], [pass])).toThrow(/rm_score/);
    expect(() => shapeBatch(preset, [{ rm_score: 1 }], [pass])).toThrow(/group key/);
    const out = shapeBatch(preset, [{ group: 1, rm_score: 1 }, { group: 1 }], [pass, pass]);
    expect(out[0]!.reward).toBe(1.5);
    expect(out[1]).toMatchObject({ reason: 'invalid-input', reward: 0 });
  });
});
