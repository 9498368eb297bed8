import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIN_CHUNK_MS, createChunkSizer } from '../../src/core/chunk-size.js';

describe('chunk sizer', () => {
  it('floors chunks of cheap verifiers at about MIN_CHUNK_MS of work, and never above maxChunk', () => {
    const s = createChunkSizer(256);
    expect(s.least('math')).toBe(1); // nothing timed yet
    s.learn('math', 0.02);
    expect(s.least('math')).toBe(Math.floor(MIN_CHUNK_MS / 0.02));
    s.learn('code', 150);
    expect(s.least('code')).toBe(1);
    s.learn('free', 0);
    expect(s.least('free')).toBe(256);
    s.learn('math', Number.NaN); // ignored
    expect(s.least('math')).toBe(Math.floor(MIN_CHUNK_MS / 0.02));
  });

  it('follows a verifier whose samples turn expensive (adversarial ones) within a few chunks', () => {
    const s = createChunkSizer(256);
    s.learn('math', 0.02);
    for (let k = 0; k < 10; k++) s.learn('math', 50);
    expect(s.least('math')).toBe(1);
  });

  it('property: the floor is an integer in [1, maxChunk]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 20 }), fc.integer({ min: 1, max: 1024 }), (costs, max) => {
        const s = createChunkSizer(max);
        for (const c of costs) s.learn('m', c);
        const n = s.least('m');
        expect(Number.isInteger(n) && n >= 1 && n <= max).toBe(true);
      }),
    );
  });
});
