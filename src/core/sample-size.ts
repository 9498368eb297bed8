/**
 * A cheap upper-bound-ish estimate of how many bytes a sample takes on the wire to a worker, so
 * the pool can cut chunks by size as well as by count and refuse a sample no worker could hold.
 * Strings count two bytes per UTF-16 unit (what V8 copies for a two-byte string); the walk into
 * objects stops once `limit` is passed, so estimating a huge reference costs little.
 */

/** Estimated size in bytes of `value` as sent to a worker (stops counting past `limit`). */
export function estimateBytes(value: unknown, limit = Number.MAX_SAFE_INTEGER): number {
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (value === null || typeof value !== 'object') return 8;
  let total = 0;
  const stack: unknown[] = [value];
  let visited = 0;
  while (stack.length > 0 && total <= limit) {
    const v = stack.pop();
    visited += 1;
    if (typeof v === 'string') total += 16 + 2 * v.length;
    else if (v === null || typeof v !== 'object') total += 8;
    else if (ArrayBuffer.isView(v)) total += 16 + v.byteLength;
    else if (Array.isArray(v)) {
      total += 16 + 8 * v.length;
      for (let k = 0; k < v.length && stack.length < 100_000; k++) stack.push(v[k]);
    } else {
      // Strings and primitives are counted in place: a flat reference object pushes nothing.
      for (const k in v as Record<string, unknown>) {
        if (!Object.hasOwn(v as object, k)) continue;
        const x = (v as Record<string, unknown>)[k];
        total += 16 + 2 * k.length;
        if (typeof x === 'string') total += 16 + 2 * x.length;
        else if (x === null || typeof x !== 'object') total += 8;
        else if (stack.length < 100_000) stack.push(x);
      }
    }
    // A cyclic or enormous structure: what was counted is enough to decide.
    if (visited > 1_000_000) break;
  }
  return total;
}
