/**
 * Exact rational numbers over bigint, so that `2^{100}`, `1/2004!` or `0.1 + 0.2` are compared
 * without float rounding. Every operation refuses absurd work by returning `undefined`: results
 * above {@link MAX_BITS}, and any operation once the work budget of the current scope
 * ({@link withWork}, {@link WORK_BUDGET}) is spent; callers then fall back to a cheap numeric
 * comparison.
 */

import { abs, bitLength, gcd, gcdWithin } from './bigint.js';
import { TERM_WORK, WORK_BUDGET, affordWork, lastWork, mulCost, productCost, spendWork, withWork, words, workUsed } from './work.js';

export { affordWork, bitLength, gcd, gcdWithin, TERM_WORK, WORK_BUDGET, lastWork, spendWork, withWork, workUsed };

/** A rational `n/d` in lowest terms with `d > 0`. */
export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

/** Largest numerator or denominator we build, in bits (about 30 000 decimal digits). */
export const MAX_BITS = 100_000;

/** Build `n/d` in lowest terms; `undefined` when `d` is 0 (or the work budget is spent). */
export function rat(n: bigint, d: bigint = 1n): Rat | undefined {
  if (d === 0n) return undefined;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcdWithin(n, d);
  if (g === undefined) return undefined;
  if (g === 1n) return { n, d };
  if (!spendWork(mulCost(n, g) + mulCost(d, g))) return undefined;
  return { n: n / g, d: d / g };
}

/** An integer as a rational. */
export function ratInt(n: number | bigint): Rat {
  return { n: BigInt(n), d: 1n };
}

export const ZERO: Rat = ratInt(0);
export const ONE: Rat = ratInt(1);

function tooBig(r: Rat): boolean {
  return bitLength(r.n) > MAX_BITS || bitLength(r.d) > MAX_BITS;
}

function guard(r: Rat | undefined): Rat | undefined {
  return r === undefined || tooBig(r) ? undefined : r;
}

/** A result whose sizes are known to be within bounds needs no (linear-time) size check. */
function guardBits(r: Rat, nBits: number, dBits: number): Rat | undefined {
  return nBits <= MAX_BITS && dBits <= MAX_BITS ? r : guard(r);
}

export function add(a: Rat, b: Rat): Rat | undefined {
  const an = bitLength(a.n), ad = bitLength(a.d), bn = bitLength(b.n), bd = bitLength(b.d);
  const [wan, wad, wbn, wbd] = [words(an), words(ad), words(bn), words(bd)];
  if (!spendWork(3 * (wan + wad + wbn + wbd))) return undefined;
  if (a.d === b.d) return guard(rat(a.n + b.n, a.d));
  // Knuth 4.5.1: with d1 = gcd(a.d, b.d) the gcds stay on the denominators' size
  const d1 = gcdWithin(a.d, b.d);
  if (d1 === undefined) return undefined;
  const cross = productCost(wan, wbd) + productCost(wbn, wad);
  const tBits = Math.max(an + bd, bn + ad) + 1;
  if (d1 === 1n) {
    // already in lowest terms, with a denominator of at least bits(a.d) + bits(b.d) - 1 bits
    if (ad + bd - 1 > MAX_BITS) return undefined;
    if (!spendWork(cross + productCost(wad, wbd))) return undefined;
    return guardBits({ n: a.n * b.d + b.n * a.d, d: a.d * b.d }, tBits, ad + bd);
  }
  const w1 = words(bitLength(d1));
  if (!spendWork(productCost(wad, w1) + productCost(wbd, w1) + cross + productCost(wad, wbd))) return undefined;
  const qa = a.d / d1;
  const t = a.n * (b.d / d1) + b.n * qa;
  const d2 = gcdWithin(t, d1);
  if (d2 === undefined) return undefined;
  if (d2 === 1n) return guardBits({ n: t, d: qa * b.d }, tBits, ad + bd);
  const w2 = words(bitLength(d2));
  if (!spendWork(productCost(words(tBits), w2) + productCost(wbd, w2))) return undefined;
  return guardBits({ n: t / d2, d: qa * (b.d / d2) }, tBits, ad + bd);
}

export function sub(a: Rat, b: Rat): Rat | undefined {
  return add(a, neg(b));
}

export function neg(a: Rat): Rat {
  return { n: -a.n, d: a.d };
}

export function mul(a: Rat, b: Rat): Rat | undefined {
  const an = bitLength(a.n), ad = bitLength(a.d), bn = bitLength(b.n), bd = bitLength(b.d);
  if (an + bn > MAX_BITS + 64 || ad + bd > MAX_BITS + 64) return undefined;
  const [wan, wad, wbn, wbd] = [words(an), words(ad), words(bn), words(bd)];
  if (!spendWork(3 * (wan + wad + wbn + wbd))) return undefined;
  // both in lowest terms: only a.n with b.d and b.n with a.d can share factors
  const g1 = gcdWithin(a.n, b.d);
  const g2 = g1 === undefined ? undefined : gcdWithin(b.n, a.d);
  if (g1 === undefined || g2 === undefined) return undefined;
  let xn = a.n, yd = b.d, yn = b.n, xd = a.d;
  if (g1 !== 1n) {
    const w = words(bitLength(g1));
    if (!spendWork(productCost(wan, w) + productCost(wbd, w))) return undefined;
    xn /= g1;
    yd /= g1;
  }
  if (g2 !== 1n) {
    const w = words(bitLength(g2));
    if (!spendWork(productCost(wbn, w) + productCost(wad, w))) return undefined;
    yn /= g2;
    xd /= g2;
  }
  if (!spendWork(productCost(wan, wbn) + productCost(wad, wbd))) return undefined;
  return guardBits({ n: xn * yn, d: xd * yd }, an + bn, ad + bd);
}

export function div(a: Rat, b: Rat): Rat | undefined {
  if (b.n === 0n) return undefined;
  return mul(a, inverse(b));
}

/** 1/a for a != 0 (lowest terms kept, sign moved to the numerator). */
function inverse(a: Rat): Rat {
  return a.n < 0n ? { n: -a.d, d: -a.n } : { n: a.d, d: a.n };
}

export function isZero(a: Rat): boolean {
  return a.n === 0n;
}

export function isInteger(a: Rat): boolean {
  return a.d === 1n;
}

export function eq(a: Rat, b: Rat): boolean {
  return a.n === b.n && a.d === b.d;
}

/** Compare: negative when a < b, 0 when equal, positive when a > b. */
export function cmp(a: Rat, b: Rat): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * `a^e` for an integer exponent; `undefined` when the result would exceed {@link MAX_BITS}
 * (so `10^{10^{10}}` is refused at once rather than computed).
 */
export function powInt(a: Rat, e: bigint): Rat | undefined {
  if (e === 0n) return a.n === 0n ? undefined : ONE;
  if (a.n === 0n) return e > 0n ? ZERO : undefined;
  const base = e < 0n ? inverse(a) : a;
  const k = e < 0n ? -e : e;
  if (abs(base.n) === 1n && base.d === 1n) return ratInt(base.n < 0n && k % 2n === 1n ? -1 : 1);
  const bits = Math.max(bitLength(base.n), bitLength(base.d));
  if (BigInt(bits - 1) * k > BigInt(MAX_BITS)) return undefined;
  // repeated squaring: about twice the cost of the last squaring, for numerator and denominator
  const half = words((bits * Number(k)) / 2);
  if (!spendWork(4 * productCost(half, half))) return undefined;
  return guard({ n: base.n ** k, d: base.d ** k });
}

/** Exact integer k-th root of a non-negative bigint, or `undefined` when it is not a perfect power. */
export function exactRootInt(a: bigint, k: number): bigint | undefined {
  if (a < 0n) {
    if (k % 2 === 0) return undefined;
    const r = exactRootInt(-a, k);
    return r === undefined ? undefined : -r;
  }
  if (a < 2n) return a;
  const bits = bitLength(a);
  // Newton iteration from an upper bound
  let x = 1n << BigInt(Math.ceil(bits / k) + 1);
  const K = BigInt(k);
  const w = words(bits);
  for (let i = 0; i < 10_000; i++) {
    // x^(k-1) and a division of a by it (~w/2 by w/2 words for a square root; measured ~0.6 ms at 1 600 words)
    if (!spendWork(Math.ceil((w * w) / 4) + productCost(w, w) + 3 * w)) return undefined;
    const y = ((K - 1n) * x + a / x ** (K - 1n)) / K;
    if (y >= x) break;
    x = y;
  }
  return x ** K === a ? x : undefined;
}

/** Exact k-th root of a rational when numerator and denominator are perfect powers. */
export function exactRoot(a: Rat, k: number): Rat | undefined {
  if (k < 1 || k > 64) return undefined;
  const n = exactRootInt(a.n, k);
  const d = n === undefined ? undefined : exactRootInt(a.d, k);
  return n === undefined || d === undefined ? undefined : { n, d };
}

/** n! exactly for moderate n (`undefined` beyond 5000). */
export function factorial(n: bigint): Rat | undefined {
  if (n < 0n || n > 5000n) return undefined;
  let r = 1n;
  let bits = 1;
  for (let i = 2n; i <= n; i++) {
    bits += Math.log2(Number(i));
    if (!spendWork(4 * words(bits) + 20)) return undefined;
    r *= i;
  }
  return { n: r, d: 1n };
}

/** Binomial coefficient C(n, k) exactly for integer n (`undefined` for huge arguments). */
export function binomial(n: bigint, k: bigint): Rat | undefined {
  if (k < 0n) return ZERO;
  if (n >= 0n && k > n) return ZERO;
  if (k > 5000n || (n > 0n && n > 1_000_000n)) return undefined;
  let r = 1n;
  for (let i = 0n; i < k; i++) {
    if (!spendWork(8 * words(bitLength(r) + 64) + 20)) return undefined;
    r = (r * (n - i)) / (i + 1n);
  }
  return { n: r, d: 1n };
}

/** Whether the decimal expansion of `a` terminates (denominator of the form 2^i 5^j). */
export function isTerminating(a: Rat): boolean {
  let d = a.d;
  if (d === 1n) return true;
  // strip the factors 2 at once (the trailing zero bits), then d must be a power of 5
  d >>= BigInt(bitLength(d & -d) - 1);
  // 5^j has floor(j log2 5) + 1 bits: at most two candidates, tried by one power each
  const bits = bitLength(d);
  const j0 = Math.floor((bits - 1) / Math.log2(5));
  for (let j = Math.max(0, j0 - 1); j <= j0 + 2; j++) {
    const p = 5n ** BigInt(j);
    if (p === d) return true;
    if (p > d) return false;
  }
  return false;
}

/** Closest double to `a` (handles numerators and denominators beyond the double range). */
export function toNumber(a: Rat): number {
  const direct = Number(a.n) / Number(a.d);
  if (Number.isFinite(direct) && direct !== 0) return direct;
  if (a.n === 0n) return 0;
  const shift = bitLength(a.n) - bitLength(a.d) - 60;
  // scale so that the quotient keeps ~60 significant bits, then rescale
  const q = shift > 0 ? a.n / (a.d << BigInt(shift)) : (a.n << BigInt(-shift)) / a.d;
  return Number(q) * 2 ** shift;
}

/** log10 of |a| (finite even when |a| is beyond the double range); -Infinity for 0. */
export function log10Abs(a: Rat): number {
  if (a.n === 0n) return -Infinity;
  const digits = (x: bigint): number => {
    const s = abs(x).toString();
    return Math.log10(Number(s.slice(0, 17))) + (s.length - Math.min(s.length, 17));
  };
  return digits(a.n) - digits(a.d);
}

/** Parse a decimal literal such as `-12.50`, `.5`, `1e3` or `2.5E-4` exactly. */
export function parseDecimal(s: string): Rat | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] || '0';
  const frac = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  if (Math.abs(exp) > 10_000) return undefined;
  let n = BigInt(intPart + frac) * sign;
  let d = 10n ** BigInt(frac.length);
  if (exp > 0) n *= 10n ** BigInt(exp);
  else if (exp < 0) d *= 10n ** BigInt(-exp);
  return rat(n, d);
}

/** Short human-readable form (`3/4`, `-2`). */
export function ratToString(a: Rat): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

const SAFE = 2n ** 53n;

/**
 * The prime factors of |n| > 0 found by trial division (up to 100 000 below 2^53, up to 1000
 * beyond), and what is left: `rest` is 1 when the factorization is complete (a cofactor below
 * 10^10 left by division up to 100 000 is prime).
 */
export function primeFactors(n: bigint): { factors: Array<[bigint, number]>; rest: bigint } {
  const factors: Array<[bigint, number]> = [];
  let m = n < 0n ? -n : n;
  // beyond doubles: strip small primes with bigint division
  for (let p = 2; p <= 1000 && m >= SAFE; p += p === 2 ? 1 : 2) {
    const bp = BigInt(p);
    let e = 0;
    while (m % bp === 0n) {
      m /= bp;
      e++;
    }
    if (e > 0) factors.push([bp, e]);
  }
  if (m >= SAFE) return { factors, rest: m };
  let x = Number(m);
  let p = 2;
  for (; p <= 100_000 && p * p <= x; p += p === 2 ? 1 : 2) {
    let e = 0;
    while (x % p === 0) {
      x /= p;
      e++;
    }
    if (e > 0) factors.push([BigInt(p), e]);
  }
  // no factor up to min(p, sqrt(x)): x is prime when p passed its square root
  if (x > 1 && (p * p > x || x < 1e10)) return { factors: [...factors, [BigInt(x), 1]], rest: 1n };
  return { factors, rest: BigInt(x) };
}
