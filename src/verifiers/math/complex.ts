/**
 * Complex double arithmetic for the numeric evaluator, the gamma function (n! for non-integers)
 * and determinants.
 */

/** A complex number. */
export interface C {
  re: number;
  im: number;
}

/** Not a number: the value of an undefined expression. */
export const NAN: C = { re: NaN, im: NaN };
/** A complex number from its parts. */
export const c = (re: number, im = 0): C => ({ re, im });

/** Sum. */
export const cadd = (a: C, b: C): C => c(a.re + b.re, a.im + b.im);
/** Product. */
export const cmul = (a: C, b: C): C => (a.im === 0 && b.im === 0 ? c(a.re * b.re) : c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re));
/** Modulus. */
export const cabs = (a: C): number => Math.hypot(a.re, a.im);
/** Complex sine. */
export const csin = (a: C): C => c(Math.sin(a.re) * Math.cosh(a.im), Math.cos(a.re) * Math.sinh(a.im));
/** Complex cosine. */
export const ccos = (a: C): C => c(Math.cos(a.re) * Math.cosh(a.im), -Math.sin(a.re) * Math.sinh(a.im));

/** Quotient (NaN when dividing by zero). */
export function cdiv(a: C, b: C): C {
  if (a.im === 0 && b.im === 0) return b.re === 0 ? NAN : c(a.re / b.re);
  const d = b.re * b.re + b.im * b.im;
  if (d === 0) return NAN;
  return c((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
}

/** Exponential. */
export function cexp(a: C): C {
  const m = Math.exp(a.re);
  return a.im === 0 ? c(m) : c(m * Math.cos(a.im), m * Math.sin(a.im));
}

/** Principal logarithm; in real mode (complex false) undefined for non-positive reals. */
export function clog(a: C, complex: boolean): C {
  if (a.im === 0 && a.re > 0) return c(Math.log(a.re));
  if (!complex) return NAN;
  return c(Math.log(cabs(a)), Math.atan2(a.im, a.re));
}

/** Determinant by Gaussian elimination with partial pivoting: O(n^3), not the n! of cofactor expansion. */
export function det(m: C[][]): C {
  const n = m.length;
  if (n === 0 || m.some((r) => r.length !== n)) return NAN;
  const a = m.map((r) => r.slice());
  let acc = c(1);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (cabs(a[r]![col]!) > cabs(a[pivot]![col]!)) pivot = r;
    const p = a[pivot]![col]!;
    if (cabs(p) === 0) return c(0);
    if (pivot !== col) {
      [a[pivot], a[col]] = [a[col]!, a[pivot]!];
      acc = c(-acc.re, -acc.im);
    }
    acc = cmul(acc, p);
    for (let r = col + 1; r < n; r++) {
      const f = cdiv(a[r]![col]!, p);
      if (f.re === 0 && f.im === 0) continue;
      for (let k = col; k < n; k++) {
        const t = cmul(f, a[col]![k]!);
        a[r]![k] = c(a[r]![k]!.re - t.re, a[r]![k]!.im - t.im);
      }
    }
  }
  return acc;
}

/** Lanczos approximation of the gamma function (n! for non-integers, large n overflow to Infinity). */
export function gamma(x: number): number {
  if (Number.isInteger(x)) {
    if (x <= 0) return NaN;
    if (x > 171) return Infinity;
    let r = 1;
    for (let k = 2; k < x; k++) r *= k;
    return r;
  }
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const g = 7;
  const p = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = p[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += p[i]! / (x + i);
  return Math.sqrt(2 * Math.PI) * t ** (x + 0.5) * Math.exp(-t) * a;
}
