/**
 * The pool's message format keeps every sample and verdict exactly: packed strings (any UTF-16,
 * lone surrogates included), unpacked values, shared options, and verdicts that JSON would alter.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ChunkReader, TextBuffers, jsonExact, packChunk, packVerdicts, unpackVerdicts, type WireSample } from '../../src/core/pool-wire.js';

const value = fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.constant('\ud800x'), fc.integer(), fc.constant(undefined), fc.dictionary(fc.string(), fc.string()));

describe('pool wire format', () => {
  it('a packed chunk reads back as the samples it was packed from, in a reused buffer', () => {
    const buffers = new TextBuffers();
    const shared = { format: 'mcq' };
    fc.assert(
      fc.property(fc.array(fc.record({ response: value, reference: value, own: fc.boolean() }), { maxLength: 40 }), (rows) => {
        const samples: WireSample[] = rows.map((r) => ({ response: r.response, reference: r.reference, options: r.own ? { k: r.response } : shared }));
        const { chunk, buffer } = packChunk(samples, buffers);
        // What a worker receives is a structured clone of the message.
        const reader = new ChunkReader(structuredClone(chunk));
        const back = samples.map((s, k) => {
          const strings = [s.response, s.reference].filter((x): x is string => typeof x === 'string');
          expect(reader.textBytes(k)).toBe(2 * strings.reduce((n, x) => n + x.length, 0));
          return reader.read(k);
        });
        buffers.give(buffer);
        expect(back).toEqual(samples);
        // Strings survive exactly (toEqual is not enough for lone surrogates).
        back.forEach((s, k) => {
          if (typeof samples[k]!.response === 'string') expect(s.response === samples[k]!.response).toBe(true);
          if (typeof samples[k]!.reference === 'string') expect(s.reference === samples[k]!.reference).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('sends one copy of an options object shared by the chunk', () => {
    const shared = { format: 'mcq' };
    const { chunk } = packChunk(Array.from({ length: 50 }, () => ({ response: 'r', reference: 'x', options: shared })), new TextBuffers());
    expect(chunk.optionTable).toEqual([shared]);
    expect(chunk.values).toEqual([]);
  });

  it('verdicts round-trip exactly, those JSON would change included', () => {
    const verdicts = [
      { score: 1, pass: true, extracted: 'A', details: { rule: 'last' } },
      { score: -0, pass: false },
      { score: 0, pass: false, details: { missing: undefined } },
      { score: 0, pass: false, details: new Map([[1, 2]]) },
      { score: 0, pass: false, details: [1, , 3] },
      { score: 0.5, pass: false, details: { nan: Number.NaN } },
    ];
    const back = unpackVerdicts(structuredClone(packVerdicts(verdicts)));
    expect(back).toEqual(verdicts);
    expect(Object.is(back[1]!.score, -0)).toBe(true);
    expect('missing' in (back[2]!.details as object)).toBe(true);
    expect(jsonExact(verdicts[0])).toBe(true);
    expect(verdicts.slice(1).map((v) => jsonExact(v))).toEqual([false, false, false, false, false]);
  });
});
