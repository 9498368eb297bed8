/**
 * Evaluation of expression trees: exactly over bigint rationals where the value is rational
 * (`2^{100}`, `\frac{1}{2004!}`, `1,000.5`), and numerically in complex double arithmetic
 * otherwise (`\sqrt 2`, `\sin 60^\circ`, `e^{i\pi}`), with variables bound to sample values.
 *
 * Absurd work is refused rather than attempted: exact powers and factorials beyond ~100 000 bits,
 * sums of more than 10 000 terms, and any exact work beyond the budget of the verification (or of
 * the top-level call): {@link Q.WORK_BUDGET} units of bigint word operations and series terms,
 * shared by nested sums and products, so `\sum_{k=1}^{10^4}\sum_{m=1}^{10^4} km` or 10 000
 * additions of 60 000-bit numbers stop after ~0.1 s. A refused exact evaluation returns
 * `undefined` (the caller falls back to numeric evaluation); a refused numeric one returns NaN or
 * Infinity (numeric sums draw on the same budget, one {@link Q.TERM_WORK} per term).
 */
import { type Node, children, freeVars } from './ast.js';
import * as Q from './rational.js';
import type { Rat } from './rational.js';
import { type C, NAN, c, cabs, cadd, ccos, cdiv, cexp, clog, cmul, csin, det, gamma } from './complex.js';
import { MAX_MATRIX_SIZE } from './limits.js';
import { spendMatrixWork } from './work.js';

export type { C } from './complex.js';

/**
 * Exact value of a constant expression, or `undefined` when it is not rational, too large, or
 * too much work (see {@link Q.withWork}).
 */
export function exactValue(n: Node, env?: ReadonlyMap<string, Rat>): Rat | undefined {
  return Q.withWork(() => exact(n, env));
}

function exact(n: Node, env?: ReadonlyMap<string, Rat>): Rat | undefined {
  switch (n.k) {
    case 'num': return n.v;
    case 'based': return basedValue(n.digits, n.base);
    case 'sym': return env?.get(n.name);
    case 'neg': {
      const a = exact(n.arg, env);
      return a && Q.neg(a);
    }
    case 'add': {
      let acc: Rat | undefined = Q.ZERO;
      for (const a of n.args) {
        const v = exact(a, env);
        if (!v || !acc) return undefined;
        acc = Q.add(acc, v);
      }
      return acc;
    }
    case 'mul': {
      let acc: Rat | undefined = Q.ONE;
      for (const a of n.args) {
        const v = exact(a, env);
        if (!v || !acc) return undefined;
        acc = Q.mul(acc, v);
      }
      return acc;
    }
    case 'div': {
      const a = exact(n.num, env);
      const b = a && exact(n.den, env);
      return a && b ? Q.div(a, b) : undefined;
    }
    case 'pow': {
      const b = exact(n.base, env);
      const e = b && exact(n.exp, env);
      if (!b || !e) return undefined;
      if (e.d === 1n) return Q.powInt(b, e.n);
      if (e.d > 64n || b.n < 0n) return undefined;
      const r = Q.exactRoot(b, Number(e.d));
      return r && Q.powInt(r, e.n);
    }
    case 'pct': {
      const a = exact(n.arg, env);
      return a && Q.div(a, Q.ratInt(100));
    }
    case 'deg': case 'unit': return exact(n.arg, env);
    case 'call': return exactCall(n.fn, n.args, env);
    case 'sum': case 'prod': return exactSeries(n, env);
    default: return undefined;
  }
}

function exactCall(fn: string, args: Node[], env?: ReadonlyMap<string, Rat>): Rat | undefined {
  const vs = args.map((a) => exact(a, env));
  if (vs.some((v) => v === undefined)) return undefined;
  const [a, b] = vs as Rat[];
  if (!a) return undefined;
  switch (fn) {
    case 'sqrt': return a.n >= 0n ? Q.exactRoot(a, 2) : undefined;
    case 'root': return b && b.d === 1n && b.n > 0n && b.n <= 64n ? Q.exactRoot(a, Number(b.n)) : undefined;
    case 'abs': return a.n < 0n ? Q.neg(a) : a;
    case 'fact': return a.d === 1n ? Q.factorial(a.n) : undefined;
    case 'binom': return b && a.d === 1n && b.d === 1n ? Q.binomial(a.n, b.n) : undefined;
    case 'floor': return Q.ratInt(floorDiv(a.n, a.d));
    case 'ceil': return Q.ratInt(-floorDiv(-a.n, a.d));
    case 'max': return (vs as Rat[]).reduce((x, y) => (Q.cmp(x, y) >= 0 ? x : y));
    case 'min': return (vs as Rat[]).reduce((x, y) => (Q.cmp(x, y) <= 0 ? x : y));
    case 'gcd': case 'lcm': {
      if (!(vs as Rat[]).every((v) => v.d === 1n)) return undefined;
      let acc = (vs as Rat[])[0]!.n;
      for (const v of (vs as Rat[]).slice(1)) {
        const g = Q.gcdWithin(acc, v.n);
        if (g === undefined) return undefined;
        acc = fn === 'gcd' ? g : g === 0n ? 0n : (acc / g) * v.n;
      }
      return Q.ratInt(acc < 0n ? -acc : acc);
    }
    case 'exp': return a.n === 0n ? Q.ONE : undefined;
    case 'ln': return a.n === 1n && a.d === 1n ? Q.ZERO : undefined;
    case 'log': {
      if (a.n === 1n && a.d === 1n) return Q.ZERO;
      // log_b(b^k) for integer k
      const base = b ?? Q.ratInt(10);
      if (base.d !== 1n || a.d !== 1n || base.n < 2n || a.n < 1n) return undefined;
      let k = 0n;
      let x = a.n;
      while (x % base.n === 0n && x > 1n) {
        // two divisions by a short number (~16 per word) and a size check
        if (!Q.spendWork(16 * ((Q.bitLength(x) >> 6) + 1) + 1000)) return undefined;
        x /= base.n;
        k++;
      }
      return x === 1n ? Q.ratInt(k) : undefined;
    }
    case 'sin': case 'tan': return a.n === 0n ? Q.ZERO : undefined;
    case 'cos': return a.n === 0n ? Q.ONE : undefined;
    default: return undefined;
  }
}

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && (n < 0n) !== (d < 0n) ? q - 1n : q;
}

/**
 * The least work of evaluating `body` once, from the series in it whose bounds are constants: each
 * costs its term count (at TERM_WORK each) times the same for its own body. Infinity past 2^53.
 */
function innerSeriesWork(body: Node): number {
  let w = 0;
  const visit = (x: Node): void => {
    if ((x.k === 'sum' || x.k === 'prod') && freeVars(x.lo).length === 0 && freeVars(x.hi).length === 0) {
      const lo = exact(x.lo);
      const hi = exact(x.hi);
      if (lo && hi && lo.d === 1n && hi.d === 1n) {
        if (hi.n >= lo.n) w += Number(hi.n - lo.n + 1n) * (Q.TERM_WORK + innerSeriesWork(x.body));
        return;
      }
    }
    for (const c of children(x)) visit(c);
  };
  visit(body);
  return w;
}

/** Terms of an exact series between two projections of its work. */
const SERIES_PROJECT_EVERY = 64;

function exactSeries(n: Extract<Node, { k: 'sum' | 'prod' }>, env?: ReadonlyMap<string, Rat>): Rat | undefined {
  const lo = exact(n.lo, env);
  const hi = exact(n.hi, env);
  if (!lo || !hi || lo.d !== 1n || hi.d !== 1n || hi.n - lo.n > 10_000n) return undefined;
  let acc: Rat | undefined = n.k === 'sum' ? Q.ZERO : Q.ONE;
  const inner = new Map(env ?? []);
  // Every SERIES_PROJECT_EVERY terms, the work of the terms left is projected from the average so
  // far (terms only grow, so this never overestimates): a series that cannot finish within the
  // budget is refused then, not after spending all of it (1/k up to 10,000 spent the whole budget).
  const total = Number(hi.n - lo.n) + 1;
  // The least this series can cost, before any term: its terms, each with the terms of the series
  // with fixed bounds inside it (a 10,000 x 10,000 double sum is refused at once).
  if (!Q.affordWork(total * (Q.TERM_WORK + innerSeriesWork(n.body)))) return undefined;
  const start = Q.workUsed();
  let done = 0;
  for (let k = lo.n; k <= hi.n && acc; k++) {
    if (!Q.spendWork(Q.TERM_WORK)) return undefined;
    inner.set(n.v, Q.ratInt(k));
    const v = exact(n.body, inner);
    if (!v) return undefined;
    acc = n.k === 'sum' ? Q.add(acc, v) : Q.mul(acc, v);
    if (++done % SERIES_PROJECT_EVERY === 0 && done < total && !Q.affordWork(((Q.workUsed() - start) / done) * (total - done))) return undefined;
  }
  return acc;
}

/** The value of a number written in another base (`204_5` = 54). */
export function basedValue(digits: string, base: number): Rat | undefined {
  let v = 0n;
  for (const c of digits.toLowerCase()) {
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    v = v * BigInt(base) + BigInt(d);
  }
  return Q.ratInt(v);
}

// ---- numeric evaluation ----------------------------------------------------------------------

/** A numeric value: a complex scalar or a matrix of them. */
export type Val = C | C[][];

export const isMatrix = (v: Val): v is C[][] => Array.isArray(v);

/** Evaluation settings: variable values, complex or real arithmetic. */
export interface NumEnv {
  vars: ReadonlyMap<string, number>;
  /** Real mode: square roots of negatives, logs of non-positives etc. are undefined (NaN). */
  complex: boolean;
}

/** Numeric value of an expression (NaN when undefined at this point). */
export function numValue(n: Node, env: NumEnv): Val {
  return Q.withWork(() => ev(n, env, false));
}

function scalar(v: Val): C {
  return isMatrix(v) ? (v.length === 1 && v[0]!.length === 1 ? v[0]![0]! : NAN) : v;
}

function ev(n: Node, env: NumEnv, trig: boolean): Val {
  switch (n.k) {
    case 'num': return c(Q.toNumber(n.v));
    case 'based': {
      const v = basedValue(n.digits, n.base);
      return v ? c(Q.toNumber(v)) : NAN;
    }
    case 'sym': {
      const v = env.vars.get(n.name);
      return v === undefined ? NAN : c(v);
    }
    case 'const':
      return n.name === 'pi' ? c(Math.PI) : n.name === 'e' ? c(Math.E) : n.name === 'i' ? c(0, 1) : c(Infinity);
    case 'neg': return mapVal(ev(n.arg, env, trig), (x) => c(-x.re, -x.im));
    case 'add': return n.args.map((a) => ev(a, env, trig)).reduce(addVal);
    case 'mul': return n.args.map((a) => ev(a, env, trig)).reduce(mulVal);
    case 'div': {
      const b = ev(n.den, env, trig);
      if (isMatrix(b)) return NAN;
      return mapVal(ev(n.num, env, trig), (x) => cdiv(x, b));
    }
    case 'pow': return powVal(n, env, trig);
    case 'pct': return mapVal(ev(n.arg, env, trig), (x) => c(x.re / 100, x.im / 100));
    case 'deg': return mapVal(ev(n.arg, env, trig), (x) => (trig ? c((x.re * Math.PI) / 180, (x.im * Math.PI) / 180) : x));
    case 'unit': return ev(n.arg, env, trig);
    case 'call': return callVal(n.fn, n.args, env, trig);
    case 'apply': return pseudoFunction(n.name, n.args.map((a) => scalar(ev(a, env, trig))));
    case 'sum': case 'prod': return seriesVal(n, env);
    case 'matrix': {
      if (n.rows.length > MAX_MATRIX_SIZE || n.rows.some((r) => r.length > MAX_MATRIX_SIZE)) return NAN;
      return n.rows.map((r) => r.map((x) => scalar(ev(x, env, trig))));
    }
    default: return NAN;
  }
}

function mapVal(v: Val, f: (x: C) => C): Val {
  return isMatrix(v) ? v.map((r) => r.map(f)) : f(v);
}

/**
 * Work charged per complex multiply-add of a matrix operation (in the units of `work.ts`, against
 * its MATRIX_BUDGET too). Matrix arithmetic was unmetered: a boxed tower of 18x18 matrices raised
 * to the 64th power 31 times took 2-5 s, and a sum of 10,000 such terms minutes.
 */
const MATRIX_CELL_WORK = 8;

function addVal(a: Val, b: Val): Val {
  if (isMatrix(a) && isMatrix(b)) {
    if (a.length !== b.length || a[0]!.length !== b[0]!.length) return NAN;
    if (!spendMatrixWork(a.length * a[0]!.length * MATRIX_CELL_WORK)) return NAN;
    return a.map((r, i) => r.map((x, j) => c(x.re + b[i]![j]!.re, x.im + b[i]![j]!.im)));
  }
  if (isMatrix(a) || isMatrix(b)) return NAN;
  return c(a.re + b.re, a.im + b.im);
}

function mulVal(a: Val, b: Val): Val {
  if (isMatrix(a) && isMatrix(b)) {
    if (a[0]!.length !== b.length) return NAN;
    if (!spendMatrixWork(a.length * b.length * b[0]!.length * MATRIX_CELL_WORK)) return NAN;
    return a.map((row) => b[0]!.map((_, j) => row.reduce((acc, x, k) => cadd(acc, cmul(x, b[k]![j]!)), c(0))));
  }
  if (isMatrix(a)) return mapVal(a, (x) => cmul(x, b as C));
  if (isMatrix(b)) return mapVal(b, (x) => cmul(a, x));
  return cmul(a, b);
}






function powVal(n: Extract<Node, { k: 'pow' }>, env: NumEnv, trig: boolean): Val {
  const base = ev(n.base, env, trig);
  const e = scalar(ev(n.exp, env, trig));
  if (isMatrix(base)) {
    if (e.im !== 0 || !Number.isInteger(e.re) || e.re < 1 || e.re > 64) return NAN;
    // By squaring: at most 12 products for ^{64}, each charged in mulVal.
    let acc: Val | undefined;
    let sq: Val = base;
    for (let k = e.re; k > 0; k >>= 1) {
      if (k & 1) acc = acc === undefined ? sq : mulVal(acc, sq);
      if (k > 1) sq = mulVal(sq, sq);
      if (!isMatrix(sq)) return NAN; // a product was refused (work budget, or not square)
    }
    return acc!;
  }
  return cpow(base, e, env.complex, n.exp);
}

function cpow(b: C, e: C, complex: boolean, expNode?: Node): C {
  if (b.im === 0 && e.im === 0) {
    if (b.re >= 0 || Number.isInteger(e.re)) return c(b.re ** e.re);
    // a negative base with a rational exponent p/q, q odd: the real root (\sqrt[3]{-8} = -2)
    const q = expNode ? oddDenominator(expNode) : undefined;
    if (q !== undefined && !complex) return c(-((-b.re) ** e.re) * (q.numeratorOdd ? 1 : -1));
    if (!complex) return NAN;
  }
  if (b.re === 0 && b.im === 0) return e.re > 0 ? c(0) : NAN;
  return cexp(cmul(e, clog(b, true)));
}

/** For an exponent written as a fraction p/q with q odd, whether p is odd (sign of the real power). */
function oddDenominator(n: Node): { numeratorOdd: boolean } | undefined {
  const v = exactValue(n);
  if (!v || v.d % 2n === 0n) return undefined;
  return { numeratorOdd: v.n % 2n !== 0n };
}

function callVal(fn: string, args: Node[], env: NumEnv, trig: boolean): Val {
  const isTrig = fn === 'sin' || fn === 'cos' || fn === 'tan' || fn === 'sec' || fn === 'csc' || fn === 'cot';
  if (fn === 'det') {
    const m = ev(args[0]!, env, false);
    return isMatrix(m) ? det(m) : NAN;
  }
  const vs = args.map((a) => scalar(ev(a, env, isTrig || trig)));
  const a = vs[0] ?? NAN;
  const real = a.im === 0;
  const cx = env.complex;
  switch (fn) {
    case 'sqrt': return real && a.re >= 0 ? c(Math.sqrt(a.re)) : cx ? cpow(a, c(0.5), true) : NAN;
    case 'root': {
      const k = vs[1] ?? NAN;
      if (real && k.im === 0 && Number.isInteger(k.re) && k.re > 0) {
        if (a.re >= 0) return c(a.re ** (1 / k.re));
        if (k.re % 2 === 1) return c(-((-a.re) ** (1 / k.re)));
      }
      return cx ? cpow(a, cdiv(c(1), k), true) : NAN;
    }
    case 'abs': return c(cabs(a));
    case 'exp': return cexp(a);
    case 'ln': return clog(a, cx);
    case 'log': {
      const base = vs[1] ?? c(10);
      return cdiv(clog(a, cx), clog(base, cx));
    }
    case 'sin': return real ? c(Math.sin(a.re)) : csin(a);
    case 'cos': return real ? c(Math.cos(a.re)) : ccos(a);
    case 'tan': return real ? c(Math.tan(a.re)) : cdiv(csin(a), ccos(a));
    case 'sec': return cdiv(c(1), real ? c(Math.cos(a.re)) : ccos(a));
    case 'csc': return cdiv(c(1), real ? c(Math.sin(a.re)) : csin(a));
    case 'cot': return real ? cdiv(c(Math.cos(a.re)), c(Math.sin(a.re))) : cdiv(ccos(a), csin(a));
    case 'asin': return real && Math.abs(a.re) <= 1 ? c(Math.asin(a.re)) : NAN;
    case 'acos': return real && Math.abs(a.re) <= 1 ? c(Math.acos(a.re)) : NAN;
    case 'atan': return real ? c(Math.atan(a.re)) : NAN;
    case 'acot': return real ? c(Math.atan(1 / a.re)) : NAN;
    case 'asec': return real && Math.abs(a.re) >= 1 ? c(Math.acos(1 / a.re)) : NAN;
    case 'acsc': return real && Math.abs(a.re) >= 1 ? c(Math.asin(1 / a.re)) : NAN;
    case 'sinh': return real ? c(Math.sinh(a.re)) : NAN;
    case 'cosh': return real ? c(Math.cosh(a.re)) : NAN;
    case 'tanh': return real ? c(Math.tanh(a.re)) : NAN;
    case 'fact': return real ? c(gamma(a.re + 1)) : NAN;
    case 'binom': {
      const k = vs[1] ?? NAN;
      if (!real || k.im !== 0) return NAN;
      return c(gamma(a.re + 1) / (gamma(k.re + 1) * gamma(a.re - k.re + 1)));
    }
    case 'floor': return real ? c(Math.floor(a.re + 1e-12)) : NAN;
    case 'ceil': return real ? c(Math.ceil(a.re - 1e-12)) : NAN;
    case 'max': return vs.every((v) => v.im === 0) ? c(Math.max(...vs.map((v) => v.re))) : NAN;
    case 'min': return vs.every((v) => v.im === 0) ? c(Math.min(...vs.map((v) => v.re))) : NAN;
    case 're': return c(a.re);
    case 'im': return c(a.im);
    case 'arg': return c(Math.atan2(a.im, a.re));
    case 'conj': return c(a.re, -a.im);
    case 'gcd': case 'lcm': {
      const ex = exactCall(fn, args);
      return ex ? c(Q.toNumber(ex)) : NAN;
    }
    default: return NAN;
  }
}




function seriesVal(n: Extract<Node, { k: 'sum' | 'prod' }>, env: NumEnv): Val {
  const lo = scalar(ev(n.lo, env, false));
  const hi = scalar(ev(n.hi, env, false));
  const l = Math.round(lo.re);
  const h = Math.round(hi.re);
  if (lo.im !== 0 || hi.im !== 0 || Math.abs(lo.re - l) > 1e-9 || Math.abs(hi.re - h) > 1e-9 || h - l > 10_000) return NAN;
  const vars = new Map(env.vars);
  let acc = c(n.k === 'sum' ? 0 : 1);
  for (let k = l; k <= h; k++) {
    if (!Q.spendWork(Q.TERM_WORK)) return NAN;
    vars.set(n.v, k);
    const v = scalar(ev(n.body, { vars, complex: env.complex }, false));
    acc = n.k === 'sum' ? cadd(acc, v) : cmul(acc, v);
  }
  return acc;
}

/**
 * An unknown function (`f(x)`, `F_{n-1}`) evaluates to a fixed pseudo-random value of its name
 * and arguments, so `f(x)` equals `f(x)` but not `f(y)`, and `F_k F_{n-k}` commutes.
 */
function pseudoFunction(name: string, args: C[]): C {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  for (const a of args) {
    if (!Number.isFinite(a.re) || !Number.isFinite(a.im)) return NAN;
    for (const part of [a.re, a.im]) {
      const r = Math.round(part * 1e6);
      h = Math.imul(h ^ (r & 0xffffffff), 16777619);
      h = Math.imul(h ^ Math.floor(r / 4294967296), 16777619);
    }
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return c(((h >>> 0) / 4294967296) * 4 - 2);
}
