/**
 * Python's `difflib.SequenceMatcher(None, a, b, autojunk).ratio()`, ported faithfully: the same
 * `b2j` index, the same "popular element" purge (autojunk: when `len(b) >= 200`, elements of `b`
 * occurring more than `len(b) // 100 + 1` times are dropped from the index but not made junk),
 * the same longest-match search and tie-breaking, the same extension over non-junk and junk
 * neighbours, and the same recursion over the left and right remainders. Only `ratio()` is
 * needed, and the sum of matching-block sizes does not depend on the order the sub-problems are
 * visited, nor on the final collapse of adjacent blocks.
 *
 * Strings are compared by Unicode code point (a Python `str` element), not by UTF-16 unit.
 * With `isjunk = None` the junk set is empty, so the junk-extension passes never extend; they are
 * kept out of the port for that reason (documented, not silently dropped).
 */

/** Options of {@link sequenceRatio}. */
export interface RatioOptions {
  /** Python's `autojunk` (default true, as in `SequenceMatcher(None, a, b)`). */
  autojunk?: boolean;
  /**
   * Most index steps the matching may take (default unlimited). Past it {@link sequenceRatioWithin}
   * gives up (returns undefined); the count is deterministic, so the same pair always gives the
   * same answer. Without autojunk, difflib is quadratic or worse on repetitive text.
   */
  maxSteps?: number;
}

/** Map two sequences of comparable keys to dense integer ids (ids of `a` absent from `b` are -1). */
function encode<T>(a: readonly T[], b: readonly T[]): { ea: Int32Array; eb: Int32Array; nIds: number } {
  const ids = new Map<T, number>();
  const eb = new Int32Array(b.length);
  for (let j = 0; j < b.length; j++) {
    let id = ids.get(b[j]!);
    if (id === undefined) {
      id = ids.size;
      ids.set(b[j]!, id);
    }
    eb[j] = id;
  }
  const ea = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) ea[i] = ids.get(a[i]!) ?? -1;
  return { ea, eb, nIds: ids.size };
}

// Reusable id table for BMP code points (ids valid while stamp matches), for encodeStrings.
const bmpId = new Int32Array(0x10000);
const bmpStamp = new Uint32Array(0x10000);
let stamp = 0;

/** {@link encode} for two strings, by code point, without building intermediate arrays. */
function encodeStrings(a: string, b: string): { ea: Int32Array; eb: Int32Array; nIds: number } {
  stamp = (stamp + 1) >>> 0;
  if (stamp === 0) {
    bmpStamp.fill(0);
    stamp = 1;
  }
  const astral = new Map<number, number>();
  let nIds = 0;
  const pa = codePointArray(a);
  const pb = codePointArray(b);
  const eb = new Int32Array(pb.length);
  for (let j = 0; j < pb.length; j++) {
    const c = pb[j]!;
    if (c < 0x10000) {
      if (bmpStamp[c] !== stamp) {
        bmpStamp[c] = stamp;
        bmpId[c] = nIds++;
      }
      eb[j] = bmpId[c]!;
    } else {
      let id = astral.get(c);
      if (id === undefined) astral.set(c, (id = nIds++));
      eb[j] = id;
    }
  }
  const ea = new Int32Array(pa.length);
  for (let i = 0; i < pa.length; i++) {
    const c = pa[i]!;
    ea[i] = c < 0x10000 ? (bmpStamp[c] === stamp ? bmpId[c]! : -1) : (astral.get(c) ?? -1);
  }
  return { ea, eb, nIds };
}

/** Code points of a string in an Int32Array (a lone surrogate is its own element, as in Python). */
function codePointArray(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[n++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    out[n++] = c;
  }
  return n === s.length ? out : out.subarray(0, n);
}

/** The code points of a string, as numbers (one per Python `str` element). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/**
 * Sum of the sizes of SequenceMatcher's matching blocks of `a` and `b` (integer-encoded).
 * Cost: building the index is O(len(b)); each longest-match search is
 * O(sum over a[i] of its occurrences in b), as in CPython.
 */
function matchedElements(ea: Int32Array, eb: Int32Array, nIds: number, autojunk: boolean, maxSteps: number): number {
  const la = ea.length;
  const lb = eb.length;
  // b2j in CSR form: the indices of each id in b, ascending.
  const count = new Int32Array(nIds + 1);
  for (let j = 0; j < lb; j++) count[eb[j]! + 1]! += 1;
  const popular = new Uint8Array(nIds);
  if (autojunk && lb >= 200) {
    const ntest = Math.floor(lb / 100) + 1;
    for (let id = 0; id < nIds; id++) if (count[id + 1]! > ntest) popular[id] = 1;
  }
  const start = new Int32Array(nIds + 1);
  for (let id = 0; id < nIds; id++) start[id + 1] = start[id]! + count[id + 1]!;
  const idx = new Int32Array(lb);
  const fill = start.slice(0, nIds);
  for (let j = 0; j < lb; j++) idx[fill[eb[j]!]!++] = j;

  // j2len as two dense arrays (old, new) plus the lists of touched slots, cleared after use.
  let oldLen = new Int32Array(lb + 1);
  let newLen = new Int32Array(lb + 1);
  let oldTouched = new Int32Array(lb);
  let newTouched = new Int32Array(lb);
  let nOld = 0;

  let total = 0;
  let steps = 0;
  const queue: number[] = [0, la, 0, lb];
  while (queue.length) {
    const bhi = queue.pop()!;
    const blo = queue.pop()!;
    const ahi = queue.pop()!;
    const alo = queue.pop()!;
    // find_longest_match(alo, ahi, blo, bhi)
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    for (let i = alo; i < ahi; i++) {
      let nNew = 0;
      const id = ea[i]!;
      if (id >= 0 && !popular[id]) {
        const end = start[id + 1]!;
        // CPython walks the list from its start, skipping j < blo; a binary search finds the same first j.
        let lo = start[id]!;
        let hi = end;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (idx[mid]! < blo) lo = mid + 1;
          else hi = mid;
        }
        for (let p = lo; p < end; p++) {
          const j = idx[p]!;
          if (j >= bhi) break;
          // j2len keys are j + 1 here so that j - 1 = -1 maps to slot 0.
          const k = oldLen[j]! + 1;
          newLen[j + 1] = k;
          newTouched[nNew++] = j + 1;
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
      }
      steps += nNew + 1;
      if (steps > maxSteps) return -1;
      for (let t = 0; t < nOld; t++) oldLen[oldTouched[t]!] = 0;
      const tl = oldLen;
      oldLen = newLen;
      newLen = tl;
      const tt = oldTouched;
      oldTouched = newTouched;
      newTouched = tt;
      nOld = nNew;
    }
    for (let t = 0; t < nOld; t++) oldLen[oldTouched[t]!] = 0;
    nOld = 0;
    // Extend by equal (non-junk; there is no junk) elements on each side: this reaches over
    // popular elements, exactly as CPython does.
    while (besti > alo && bestj > blo && ea[besti - 1] === eb[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && ea[besti + bestsize] === eb[bestj + bestsize]) bestsize++;
    if (bestsize) {
      total += bestsize;
      if (alo < besti && blo < bestj) queue.push(alo, besti, blo, bestj);
      if (besti + bestsize < ahi && bestj + bestsize < bhi) queue.push(besti + bestsize, ahi, bestj + bestsize, bhi);
    }
  }
  return total;
}

/**
 * `difflib.SequenceMatcher(None, a, b, autojunk).ratio()`: `2 * M / (len(a) + len(b))`, where
 * `M` is the number of matched elements, and 1.0 when both are empty. Strings are sequences of
 * code points; arrays are sequences of their elements (compared with SameValueZero, like
 * Python's hash-equality for strings and numbers).
 */
export function sequenceRatio<T>(a: string | readonly T[], b: string | readonly T[], opts: RatioOptions = {}): number {
  const r = sequenceRatioWithin(a, b, { ...opts, maxSteps: Infinity });
  return r!;
}

/** {@link sequenceRatio} within `opts.maxSteps` index steps, or undefined when it needs more. */
export function sequenceRatioWithin<T>(a: string | readonly T[], b: string | readonly T[], opts: RatioOptions = {}): number | undefined {
  const { ea, eb, nIds } =
    typeof a === 'string' && typeof b === 'string'
      ? encodeStrings(a, b)
      : encode<unknown>((typeof a === 'string' ? codePoints(a) : a) as readonly unknown[], (typeof b === 'string' ? codePoints(b) : b) as readonly unknown[]);
  const length = ea.length + eb.length;
  if (length === 0) return 1.0;
  const m = matchedElements(ea, eb, nIds, opts.autojunk ?? true, opts.maxSteps ?? Infinity);
  return m < 0 ? undefined : (2.0 * m) / length;
}
