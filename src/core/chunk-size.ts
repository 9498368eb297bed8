/**
 * The least chunk size of each verifier module, learnt from its samples' cost. The pool cuts
 * chunks of about a quarter of what waits (so both workers finish together), which ends a lone
 * batch in a tail of 1-3 sample chunks; each chunk costs the main thread a message each way and
 * its packing, which for a cheap verifier outweighs the work (a 256-sample math batch went out as
 * 17 chunks of 15 samples on average; with the floor, 8 of 33, and one batch at a time ran 15-25%
 * faster on one thread). Expensive verifiers (code) keep a floor of one sample.
 */

/** A chunk of a verifier whose samples are known to be cheap holds at least this much estimated work (ms). */
export const MIN_CHUNK_MS = 0.3;

/** Per-module sample cost, and the chunk floor it implies. */
export interface ChunkSizer {
  /** Record that one sample of `module` took `perSampleMs` of worker time (a chunk's mean). */
  learn(module: string, perSampleMs: number): void;
  /** The least number of samples a chunk of `module` should hold (1 until a chunk was timed). */
  least(module: string): number;
}

/** A {@link ChunkSizer} whose floors never exceed `maxChunk`. */
export function createChunkSizer(maxChunk: number): ChunkSizer {
  const costMs = new Map<string, number>();
  return {
    learn(module, perSampleMs) {
      if (!Number.isFinite(perSampleMs) || perSampleMs < 0) return;
      const old = costMs.get(module);
      costMs.set(module, old === undefined ? perSampleMs : old * 0.8 + perSampleMs * 0.2);
    },
    least(module) {
      const c = costMs.get(module);
      return c === undefined ? 1 : Math.max(1, Math.min(maxChunk, Math.floor(MIN_CHUNK_MS / Math.max(c, 1e-3))));
    },
  };
}
