/**
 * Seeded, streaming selection of exactly `extra` of a class's `available` records (Knuth's
 * selection sampling, Algorithm S): each record is taken with probability needed / remaining, so
 * the count is exact, every subset is equally likely, memory is two counters per class, and the
 * written records keep their input order. Each class draws from its own generator seeded from the
 * seed and the class name, so a class's choice does not depend on how the classes interleave.
 */
import type { ClassPlan } from './plan.js';

/** FNV-1a over a string: a 32-bit seed from the run seed and the class key. */
export function hashSeed(seed: number, key: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  h = Math.imul(h, 0x01000193) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= Math.floor(seed / 2 ** 32) >>> 0;
  return Math.imul(h, 0x01000193) >>> 0;
}

/** mulberry32: a small, fast 32-bit generator; uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A per-class selector: `next()` says how many copies of the class's next record to write. */
export interface ClassSelector {
  next(): number;
  /** Records seen and copies written so far. */
  seen(): number;
  written(): number;
}

/** A selector for one class's plan. */
export function createSelector(plan: ClassPlan, seed: number): ClassSelector {
  const rand = mulberry32(hashSeed(seed, plan.key));
  let remaining = plan.available;
  let needed = plan.extra;
  let seen = 0;
  let written = 0;
  return {
    next() {
      seen += 1;
      let copies = plan.repeat;
      if (needed > 0 && remaining > 0) {
        if (rand() * remaining < needed) {
          copies += 1;
          needed -= 1;
        }
      }
      remaining -= 1;
      written += copies;
      return copies;
    },
    seen: () => seen,
    written: () => written,
  };
}
