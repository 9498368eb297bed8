/**
 * A compact set of 64-bit string hashes (two 32-bit halves in a Uint32Array, open addressing),
 * remembering the line where each was first seen: about 12 bytes a record, so deduplicating a
 * million questions costs ~24 MB instead of the ~100 MB a Set of strings would.
 */

/** 64-bit FNV-1a style hash of a string as two 32-bit halves (different offsets, one pass). */
export function hash64(s: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return [h1 >>> 0, (h2 ^ (h1 >>> 7)) >>> 0];
}

/** A growable set of hashes with the line number of their first occurrence. */
export interface HashLineSet {
  /** Add `key` seen at `line`; returns the earlier line when it was already present. */
  addOrGet(key: string, line: number): number | undefined;
  /** Number of distinct keys. */
  readonly size: number;
}

/** Create an empty {@link HashLineSet}. */
export function createHashLineSet(initialCapacity = 1 << 14): HashLineSet {
  let cap = initialCapacity;
  let slots = new Uint32Array(cap * 3); // hi, lo, line (0 = empty)
  let size = 0;

  function insert(table: Uint32Array, capacity: number, hi: number, lo: number, line: number): number | undefined {
    let i = (lo ^ hi) & (capacity - 1);
    for (;;) {
      const at = i * 3;
      const l = table[at + 2]!;
      if (l === 0) {
        table[at] = hi;
        table[at + 1] = lo;
        table[at + 2] = line;
        return undefined;
      }
      if (table[at] === hi && table[at + 1] === lo) return l;
      i = (i + 1) & (capacity - 1);
    }
  }

  function grow(): void {
    const old = slots;
    const oldCap = cap;
    cap *= 2;
    slots = new Uint32Array(cap * 3);
    for (let i = 0; i < oldCap; i++) {
      const at = i * 3;
      if (old[at + 2] !== 0) insert(slots, cap, old[at]!, old[at + 1]!, old[at + 2]!);
    }
  }

  return {
    get size() {
      return size;
    },
    addOrGet(key, line) {
      const [hi, lo] = hash64(key);
      const earlier = insert(slots, cap, hi, lo, Math.max(1, line));
      if (earlier === undefined) {
        size += 1;
        if (size * 2 > cap) grow();
      }
      return earlier;
    },
  };
}
