/**
 * The size of a constant in powers of ten, bounded: `|value|` lies in `[10^lo, 10^hi]`, with a
 * definite sign. Computed only for the node kinds where that is certain: numbers, negation,
 * products, quotients, sums whose terms share one sign, and powers with a written numeric
 * exponent. Elsewhere `undefined`, and nothing is decided by it.
 *
 * The constant comparison uses it before any exact evaluation. Two constants whose sizes are more
 * than {@link SIZE_GAP} orders of magnitude apart, the larger at least 10, are not equal under any
 * tolerance the verifier takes. `\frac{3^{62000}}{5^{42000}}+\frac{7^{35000}}{11^{28000}}` against
 * `42` is over 400 orders apart. Its exact arithmetic had spent the whole work budget (16 ms) to
 * learn that.
 */
import type { Node } from './ast.js';
import { bitLength } from './bigint.js';
import type { Rat } from './rational.js';

/** Bounds of log10 |value|, and the sign. */
export interface LogSize {
  lo: number;
  hi: number;
  sign: 1 | -1;
}

/** Orders of magnitude two constants must be apart to be told unequal by size alone. */
export const SIZE_GAP = 6;

const LOG10_2 = Math.log10(2);

/** log10 of a positive bigint (to about 1e-15 relative). */
function bigLog10(x: bigint): number {
  const bits = bitLength(x);
  if (bits <= 1000) return Math.log10(Number(x));
  const shift = bits - 64;
  return Math.log10(Number(x >> BigInt(shift))) + shift * LOG10_2;
}

/** The size of a non-zero rational. */
function ratSize(r: Rat): LogSize | undefined {
  if (r.n === 0n || r.d === 0n) return undefined;
  const l = bigLog10(r.n < 0n ? -r.n : r.n) - bigLog10(r.d < 0n ? -r.d : r.d);
  const slack = 1e-9 * Math.max(1, Math.abs(l));
  return { lo: l - slack, hi: l + slack, sign: (r.n < 0n) !== (r.d < 0n) ? -1 : 1 };
}

/** A written numeric exponent (`62000`, `-3`, `\frac{1}{2}` is not one): its value. */
function writtenExponent(n: Node): Rat | undefined {
  if (n.k === 'num') return n.v;
  if (n.k === 'neg' && n.arg.k === 'num') return { n: -n.arg.v.n, d: n.arg.v.d };
  return undefined;
}

/** The bounded size of a constant, or undefined where it is not certain (see the module comment). */
export function logSize(n: Node, depth = 0): LogSize | undefined {
  if (depth > 200) return undefined;
  switch (n.k) {
    case 'num':
      return ratSize(n.v);
    case 'neg': {
      const s = logSize(n.arg, depth + 1);
      return s && { ...s, sign: s.sign === 1 ? -1 : 1 };
    }
    case 'mul': {
      let lo = 0;
      let hi = 0;
      let sign: 1 | -1 = 1;
      for (const a of n.args) {
        const s = logSize(a, depth + 1);
        if (!s) return undefined;
        lo += s.lo;
        hi += s.hi;
        if (s.sign === -1) sign = sign === 1 ? -1 : 1;
      }
      return { lo, hi, sign };
    }
    case 'div': {
      const a = logSize(n.num, depth + 1);
      const b = a && logSize(n.den, depth + 1);
      if (!a || !b) return undefined;
      return { lo: a.lo - b.hi, hi: a.hi - b.lo, sign: a.sign === b.sign ? 1 : -1 };
    }
    case 'add': {
      // Terms of one sign only: the sum is at least its largest term and at most n times it.
      let lo = -Infinity;
      let hi = -Infinity;
      let sign: 1 | -1 | undefined;
      for (const a of n.args) {
        const s = logSize(a, depth + 1);
        if (!s || (sign !== undefined && s.sign !== sign)) return undefined;
        sign = s.sign;
        lo = Math.max(lo, s.lo);
        hi = Math.max(hi, s.hi);
      }
      return sign === undefined ? undefined : { lo, hi: hi + Math.log10(n.args.length), sign };
    }
    case 'pow': {
      const e = writtenExponent(n.exp);
      const b = e && logSize(n.base, depth + 1);
      if (!e || !b || e.d <= 0n) return undefined;
      const x = Number(e.n) / Number(e.d);
      if (!Number.isFinite(x)) return undefined;
      // A negative base takes only an integer exponent here (its sign follows the parity).
      if (b.sign === -1 && e.d !== 1n) return undefined;
      const sign: 1 | -1 = b.sign === -1 && e.n % 2n !== 0n ? -1 : 1;
      const lo = x >= 0 ? x * b.lo : x * b.hi;
      const hi = x >= 0 ? x * b.hi : x * b.lo;
      const slack = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
      return { lo: lo - slack, hi: hi + slack, sign };
    }
    default:
      return undefined;
  }
}

/**
 * Whether sizes `a` and `b` prove two constants unequal under any of the verifier's tolerances:
 * more than {@link SIZE_GAP} orders apart, the larger at least 10 (so neither rounding to decimal
 * places nor a relative tolerance below 1/2 can make them equal).
 */
export function apartBySize(a: LogSize, b: LogSize, relTol: number | undefined): boolean {
  if (relTol !== undefined && relTol >= 0.5) return false;
  if (a.lo - b.hi > SIZE_GAP) return a.lo >= 1;
  if (b.lo - a.hi > SIZE_GAP) return b.lo >= 1;
  return false;
}
