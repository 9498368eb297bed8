/**
 * Symbolic fallback: where the numeric comparison cannot decide, nerdamer expands `a - b` exactly;
 * the sides are equal when that is `0`.
 *
 * It is asked only in four situations (see compare-expr.ts):
 * - `too-large`: two constants beyond the exact-rational cap (100 000 bits) and the double range
 *   (`2^{100000}` vs `4^{50000}`, `e^{1000}` vs `(e^{500})^2`, `e^{-1000}` vs `0`). nerdamer is
 *   slow and erratic on big integers (seconds for `10^{45000} - 10 \cdot 10^{44999}`), so these are
 *   first written with integers as products of prime symbols (`2^{100000}` -> `p2^100000`), which
 *   it expands in milliseconds, and only then with the numbers themselves;
 * - `no-samples`: no sampling strategy found 3 points where both sides are defined (`\sqrt{x-100}`);
 * - `rounding`: every sample point where the sides disagree disagrees by less than the rounding
 *   error of the magnitudes involved (`(x+10^8)^2 - 10^{16}` vs `x^2 + 2\cdot 10^8 x`);
 * - `fragile`: a tight (no decimals) numeric agreement on values below 1e-6 or above 1e9, which
 *   the comparison's 1e-12 absolute floor or 1e-9 relative tolerance may have made
 *   (`x + 10^{20}` vs `x + 10^{20} + 1`). Here only a proof of difference (the expansion is a
 *   non-zero rational number) changes the verdict; otherwise it stays equal, so `e^{-30}` still
 *   equals `0` (its expansion `e^(-30)` is not a rational).
 *
 * Soundness. Only nerdamer's `expand` is used (its `simplify` was measured to return wrong results,
 * e.g. `tan(x) - sin(x)/cos(x)` -> `1`); only an expansion to `0` proves equality and only one to a
 * non-zero rational number proves difference; and only a fragment of the tree language is handed
 * over, where expand's rewrites hold for real values wherever both sides are defined (the
 * equivalence sampling uses too): rationals, variables, pi, e, + - * /, integer powers, rational
 * powers and `\sqrt` of variable expressions or of positive rationals below 2^40, or with no
 * unfactored part above 2^40 in prime symbols (nerdamer takes square roots of larger integers in
 * doubles: it calls `\sqrt{2^{60}+1}` equal to 2^30),
 * exponentials of positive constant bases, exp/ln/log, abs, trigonometric and hyperbolic
 * functions. `i` is allowed only without variables (complex principal branches do not follow the
 * real rewrites). Matrices, degrees, sums, factorials, unknown functions and infinity are refused.
 *
 * Bounds, so that a fallback cannot turn a fast verdict into a timeout: nerdamer runs in a helper
 * thread and each request gets at most 0.4 s, all requests of one verification 1 s (lazy.ts);
 * inputs are refused beforehand above 300 000 bits of constants in the difference, integer powers
 * of variable expressions above 64, an estimated expansion above 2 000 terms, root indices above 12.
 */
import { type Node, freeVars, isComplex } from './ast.js';
import { exactValue, isMatrix, numValue } from './evaluate.js';
import { nerdamerExpand } from './lazy.js';
import * as Q from './rational.js';

/**
 * Why the numeric comparison could not decide; `fragile` is an agreement that the tolerance may
 * have made (values below 1e-6, where the 1e-12 absolute floor rules, or above 1e9, where 1e-9
 * relative hides differences of 1 and more).
 */
export type Undecided = 'too-large' | 'no-samples' | 'rounding' | 'fragile';

/** Counters of the symbolic fallback in this thread (the bench reports them). */
export interface SymbolicStats {
  /** times the fallback was consulted, by cause */
  asked: Record<Undecided, number>;
  /** of those, refused before nerdamer (outside the fragment or over a bound) */
  refused: number;
  /** nerdamer expanded the difference to 0: equal */
  equal: number;
  /** nerdamer expanded the difference to a non-zero rational: different */
  different: number;
  /** nerdamer answered something else, threw or overran: the verdict stays "not equal" */
  undecided: number;
  /** of those, requests that overran their time limit (the helper thread was restarted) */
  timedOut: number;
  /** total milliseconds spent inside nerdamer */
  ms: number;
}

const stats: SymbolicStats = { asked: { 'too-large': 0, 'no-samples': 0, rounding: 0, fragile: 0 }, refused: 0, equal: 0, different: 0, undecided: 0, timedOut: 0, ms: 0 };

/** A copy of this thread's fallback counters. */
export function symbolicStats(): SymbolicStats {
  return { ...stats, asked: { ...stats.asked } };
}

const MAX_BITS = 300_000;
const MAX_TERMS = 2_000;
const MAX_POWER = 64;
const MAX_ROOT = 12;
const MAX_RADICAND_BITS = 40;
const MAX_CHARS = 60_000;

/** A translated sub-tree: nerdamer text, bits of constants in it, estimated expanded terms, whether it has variables. */
interface Piece {
  s: string;
  bits: number;
  terms: number;
  vars: boolean;
}

class Refused extends Error {}

function refuse(): never {
  throw new Refused();
}

/** Translation settings: the variable renaming, and whether integers are written as products of prime symbols. */
interface Tr {
  names: Map<string, string>;
  primes: boolean;
}

/**
 * The nerdamer text of a tree (variables renamed `v0`, `v1`, ... through `names`), or `undefined`
 * when the tree is outside the fragment or over a bound. With `primes`, every integer is written
 * as a product of prime symbols (`12` -> `p2^2*p3`), so that nerdamer never computes the digits of
 * `2^{100000}`: `p2^100000 - (p2^2)^50000` expands to 0 at once. An expansion to 0 in the primes
 * is a proof (it is an identity for all positive values of the symbols); anything else proves
 * nothing, since `p2^2 - 4` is not 0 as an expression in p2.
 */
export function toNerdamer(n: Node, names: Map<string, string> = new Map(), primes = false): string | undefined {
  try {
    const p = tr(n, { names, primes });
    return p.bits > MAX_BITS || p.terms > MAX_TERMS ? undefined : p.s;
  } catch (err) {
    if (err instanceof Refused) return undefined;
    throw err;
  }
}

const cap = (x: number): number => Math.min(x, 1e9);

function piece(s: string, parts: Piece[], terms: number): Piece {
  const bits = parts.reduce((acc, p) => acc + p.bits, 0);
  if (bits > MAX_BITS || terms > MAX_TERMS) refuse();
  return { s, bits, terms, vars: parts.some((p) => p.vars) };
}

/** log2 of |x| (0 for 0), exact enough for size bounds. */
function log2(x: bigint): number {
  const b = Q.bitLength(x);
  return b <= 53 ? (x === 0n ? 0 : Math.log2(Math.abs(Number(x)))) : b;
}

function numPiece(v: Q.Rat, cx: Tr): Piece {
  if (cx.primes && v.n !== 0n) {
    const n = primeProduct(v.n);
    const d = primeProduct(v.d);
    const s = `(${v.n < 0n ? '-' : ''}${n.s}/${d.s})`;
    return { s, bits: n.bits + d.bits, terms: 1, vars: false };
  }
  const bits = Math.max(1, log2(v.n) + log2(v.d));
  if (bits > MAX_BITS) refuse();
  return { s: v.d === 1n ? `(${v.n})` : `(${v.n}/${v.d})`, bits, terms: 1, vars: false };
}

/** |n| as a product of prime symbols, times what trial division could not factor. */
function primeProduct(n: bigint): { s: string; bits: number } {
  const { factors, rest } = Q.primeFactors(n);
  const parts = factors.map(([p, e]) => (e === 1 ? `p${p}` : `p${p}^${e}`));
  if (rest !== 1n || parts.length === 0) parts.push(`${rest}`);
  const bits = rest === 1n ? 0 : log2(rest);
  if (bits > MAX_BITS) refuse();
  return { s: `(${parts.join('*')})`, bits };
}

function tr(n: Node, cx: Tr): Piece {
  switch (n.k) {
    case 'num': return numPiece(n.v, cx);
    case 'based': {
      const v = exactValue(n);
      return v ? numPiece(v, cx) : refuse();
    }
    case 'sym': {
      let name = cx.names.get(n.name);
      if (!name) {
        name = `v${cx.names.size}`;
        cx.names.set(n.name, name);
      }
      return { s: name, bits: 0, terms: 1, vars: true };
    }
    case 'const':
      if (n.name === 'inf') refuse();
      return { s: n.name, bits: 2, terms: 1, vars: false };
    case 'neg': {
      const a = tr(n.arg, cx);
      return { ...a, s: `(-${a.s})` };
    }
    case 'add': {
      const ps = n.args.map((a) => tr(a, cx));
      return piece(`(${ps.map((p) => p.s).join('+')})`, ps, ps.reduce((acc, p) => acc + p.terms, 0));
    }
    case 'mul': {
      const ps = n.args.map((a) => tr(a, cx));
      return piece(`(${ps.map((p) => p.s).join('*')})`, ps, cap(ps.reduce((acc, p) => acc * p.terms, 1)));
    }
    case 'div': {
      const a = tr(n.num, cx);
      const b = tr(n.den, cx);
      return piece(`(${a.s}/${b.s})`, [a, b], cap(a.terms * b.terms));
    }
    case 'pct': {
      const a = tr(n.arg, cx);
      return { ...a, s: `(${a.s}/100)` };
    }
    case 'unit': return tr(n.arg, cx);
    case 'pow': return power(n.base, n.exp, cx);
    case 'call': return call(n.fn, n.args, cx);
    default: return refuse();
  }
}

/**
 * Whether a constant tree is a positive rational nerdamer can take roots of (or Euler's e): below
 * 2^40, or, in prime symbols, with no unfactored part above 2^40.
 */
function positiveSmallBase(n: Node, cx: Tr): boolean {
  if (n.k === 'const' && n.name === 'e') return true;
  const v = exactValue(n);
  if (v === undefined || v.n <= 0n) return false;
  const small = (x: bigint): boolean => Q.bitLength(cx.primes ? Q.primeFactors(x).rest : x) <= MAX_RADICAND_BITS;
  return small(v.n) && small(v.d);
}

function power(baseNode: Node, expNode: Node, cx: Tr): Piece {
  const base = tr(baseNode, cx);
  const e = freeVars(expNode).length === 0 ? exactValue(expNode) : undefined;
  if (e) {
    const k = e.n < 0n ? -e.n : e.n;
    if (e.d === 1n) {
      // an integer power: of a constant (bits grow k-fold) or of a variable expression (bounded)
      if (base.vars && k > BigInt(MAX_POWER)) refuse();
      const kn = Number(k);
      if (!Number.isFinite(kn) || base.bits * kn > MAX_BITS) refuse();
      return piece(`(${base.s}^(${e.n}))`, [{ ...base, bits: base.bits * kn }], cap(base.terms ** Math.min(kn, 40)));
    }
    // a rational power p/q: of a variable expression (p bounded), or of a small positive rational
    if (e.d > BigInt(MAX_ROOT)) refuse();
    if (base.vars && k > BigInt(MAX_POWER)) refuse();
    if (!base.vars && !positiveSmallBase(baseNode, cx)) refuse();
    const size = (base.bits * Number(k)) / Number(e.d);
    if (!Number.isFinite(size) || size > MAX_BITS) refuse();
    // a positive constant base: split off the integer part, which nerdamer does not (2^{4001/2} = 2^{2000} 2^{1/2})
    const whole = e.n >= 0n ? e.n / e.d : -((-e.n + e.d - 1n) / e.d);
    const s = !base.vars && whole !== 0n ? `((${base.s}^(${whole}))*(${base.s}^(${e.n - whole * e.d}/${e.d})))` : `(${base.s}^(${e.n}/${e.d}))`;
    return piece(s, [{ ...base, bits: size }], cap(base.terms ** Math.min(Number(k), 40)));
  }
  // a symbolic or irrational exponent: only of a positive constant base (2^x, e^{i\pi}), and not a
  // tower whose exponent is beyond exact arithmetic (10^{10^{10^{10}}} is left alone)
  if (base.vars || !positiveSmallBase(baseNode, cx) || hugeConstant(expNode)) refuse();
  const ex = tr(expNode, cx);
  return piece(`(${base.s}^${ex.s})`, [base, ex], 1);
}

/** A constant whose double value is beyond 10^6 in magnitude (or not finite). */
function hugeConstant(n: Node): boolean {
  if (freeVars(n).length > 0) return false;
  const v = numValue(n, { vars: new Map(), complex: true });
  return isMatrix(v) || !(Math.hypot(v.re, v.im) <= 1e6);
}

const PLAIN_FUNCTIONS = new Set(['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'sinh', 'cosh', 'tanh', 'asin', 'acos', 'atan', 'abs', 'exp']);

function call(fn: string, args: Node[], cx: Tr): Piece {
  const [x, y] = args;
  if (!x) refuse();
  if (fn === 'sqrt') return power(x, { k: 'num', v: { n: 1n, d: 2n }, decimal: false, approx: false }, cx);
  if (fn === 'root') {
    const k = y && exactValue(y);
    if (!k || k.d !== 1n || k.n < 2n || k.n > BigInt(MAX_ROOT)) refuse();
    return power(x, { k: 'num', v: { n: 1n, d: k.n }, decimal: false, approx: false }, cx);
  }
  if (args.length !== (fn === 'log' ? (y ? 2 : 1) : 1)) refuse();
  const a = tr(x, cx);
  if (a.bits > 4_000) refuse();
  if (fn === 'ln' || fn === 'log') {
    // a logarithm of a constant: only of a positive one
    if (!a.vars) {
      const v = exactValue(x);
      if (v && v.n <= 0n) refuse();
    }
    if (fn === 'ln') return piece(`log(${a.s})`, [a], a.terms);
    const b = y ? tr(y, cx) : { s: '10', bits: 4, terms: 1, vars: false };
    return piece(`(log(${a.s})/log(${b.s}))`, [a, b], a.terms);
  }
  if (!PLAIN_FUNCTIONS.has(fn)) refuse();
  return piece(`${fn}(${a.s})`, [a], a.terms);
}

/**
 * Time limits of the fallback: per request, and in all for one verification (`budget.symbolicMs`).
 * 700 ms in all keeps a verification under a second with everything else it does (at 1,000 ms a
 * set of six huge powers against another took 1.01-1.03 s).
 */
export const SYMBOLIC_MS = { request: 400, sample: 700 };

/** What nerdamer's expansion of `a - b` shows: `0`, a non-zero rational number, or neither (or it was not asked). */
export type Difference = 'zero' | 'nonzero' | 'unknown';

/**
 * nerdamer's exact expansion of `a - b`. `'zero'` proves the sides equal wherever both are
 * defined; `'nonzero'` (the expansion is a rational number other than 0: `x + 10^{20}` against
 * `x + 10^{20} + 1` gives -1) proves them different; `'unknown'` otherwise (outside the fragment,
 * over a bound or the time limit, or an expansion that still has functions or variables in it).
 * `budget.symbolicMs` is the nerdamer time left to this verification (default {@link SYMBOLIC_MS}.sample).
 */
export function symbolicDifference(a: Node, b: Node, why: Undecided, budget: { symbolicMs?: number } = {}): Difference {
  stats.asked[why]++;
  if ((isComplex(a) || isComplex(b)) && (freeVars(a).length > 0 || freeVars(b).length > 0)) {
    stats.refused++;
    return 'unknown';
  }
  // huge constants: first in prime symbols (no digits computed; only a 0 counts), then as numbers
  const passes = why === 'too-large' ? [true, false] : [false];
  let asked = false;
  for (const primes of passes) {
    const names = new Map<string, string>();
    const sa = toNerdamer(a, names, primes);
    const sb = sa === undefined ? undefined : toNerdamer(b, names, primes);
    if (sa === undefined || sb === undefined || sa.length + sb.length > MAX_CHARS) continue;
    const out = expand(`${sa}-${sb}`, budget);
    if (out === 'none') break;
    asked = true;
    if (out === '0') {
      stats.equal++;
      return 'zero';
    }
    if (!primes && out !== undefined && /^-?\d+(?:\/\d+)?$/.test(out)) {
      stats.different++;
      return 'nonzero';
    }
  }
  if (asked) stats.undecided++;
  else stats.refused++;
  return 'unknown';
}

/** One timed nerdamer request within the verification's budget; `'none'` when no time is left. */
function expand(expr: string, budget: { symbolicMs?: number }): string | undefined | 'none' {
  const left = Math.min(SYMBOLIC_MS.request, budget.symbolicMs ?? SYMBOLIC_MS.sample);
  if (left <= 0) return 'none';
  const t = performance.now();
  const out = nerdamerExpand(expr, left);
  const ms = performance.now() - t;
  stats.ms += ms;
  budget.symbolicMs = (budget.symbolicMs ?? SYMBOLIC_MS.sample) - ms;
  if (out === undefined) stats.timedOut++;
  return out;
}

/** Whether nerdamer proves `a - b = 0` ({@link symbolicDifference} is `'zero'`); `false` means "not proved". */
export function symbolicallyEqual(a: Node, b: Node, why: Undecided, budget: { symbolicMs?: number } = {}): boolean {
  return symbolicDifference(a, b, why, budget) === 'zero';
}
