/**
 * Exact rational numbers over bigint, so that `2^{100}`, `1/2004!` or `0.1 + 0.2` are compared
 * without float rounding. Every operation refuses absurd work (results above {@link MAX_BITS}) by
 * returning `undefined`; callers then fall back to a cheap numeric comparison.
 */

/** A rational `n/d` in lowest terms with `d > 0`. */
export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

/** Largest numerator or denominator we build, in bits (about 30 000 decimal digits). */
export const MAX_BITS = 100_000;

function abs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** Greatest common divisor of two bigints (non-negative result). */
export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Number of bits of |a| (0 for 0). */
export function bitLength(a: bigint): number {
  a = abs(a);
  if (a === 0n) return 0;
  // toString(16) is linear and cheap compared with the arithmetic that produced `a`
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + Math.floor(Math.log2(parseInt(hex[0]!, 16))) + 1;
}

/** Build `n/d` in lowest terms; `undefined` when `d` is 0. */
export function rat(n: bigint, d: bigint = 1n): Rat | undefined {
  if (d === 0n) return undefined;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
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

export function add(a: Rat, b: Rat): Rat | undefined {
  if (a.d === b.d) return guard(rat(a.n + b.n, a.d));
  return guard(rat(a.n * b.d + b.n * a.d, a.d * b.d));
}

export function sub(a: Rat, b: Rat): Rat | undefined {
  return add(a, neg(b));
}

export function neg(a: Rat): Rat {
  return { n: -a.n, d: a.d };
}

export function mul(a: Rat, b: Rat): Rat | undefined {
  if (bitLength(a.n) + bitLength(b.n) > MAX_BITS + 64 || bitLength(a.d) + bitLength(b.d) > MAX_BITS + 64) return undefined;
  return guard(rat(a.n * b.n, a.d * b.d));
}

export function div(a: Rat, b: Rat): Rat | undefined {
  if (b.n === 0n) return undefined;
  return mul(a, { n: b.d, d: b.n });
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
  const base = e < 0n ? rat(a.d, a.n)! : a;
  const k = e < 0n ? -e : e;
  if (abs(base.n) === 1n && base.d === 1n) return ratInt(base.n < 0n && k % 2n === 1n ? -1 : 1);
  const bits = Math.max(bitLength(base.n), bitLength(base.d));
  if (BigInt(bits - 1) * k > BigInt(MAX_BITS)) return undefined;
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
  for (let i = 0; i < 10_000; i++) {
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
  for (let i = 2n; i <= n; i++) r *= i;
  return { n: r, d: 1n };
}

/** Binomial coefficient C(n, k) exactly for integer n (`undefined` for huge arguments). */
export function binomial(n: bigint, k: bigint): Rat | undefined {
  if (k < 0n) return ZERO;
  if (n >= 0n && k > n) return ZERO;
  if (k > 5000n || (n > 0n && n > 1_000_000n)) return undefined;
  let r = 1n;
  for (let i = 0n; i < k; i++) r = (r * (n - i)) / (i + 1n);
  return { n: r, d: 1n };
}

/** Whether the decimal expansion of `a` terminates (denominator of the form 2^i 5^j). */
export function isTerminating(a: Rat): boolean {
  let d = a.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
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
