/**
 * Equality of expressions and of equations/inequalities.
 *
 * - Constants: exact rational comparison when both sides are rational (bigint, no rounding);
 *   otherwise complex double evaluation compared to 1e-9 relative. Constants beyond the double
 *   range (`2^{100000}`, `e^{-1000}`) go to the symbolic fallback (symbolic.ts: nerdamer must
 *   expand `a - b` to 0), and are not equal unless it proves them equal.
 * - Approximations: when a decimal literal is involved and the two values are not both finite
 *   decimals, they are compared with the configured tolerance (default: within one unit of the
 *   6th significant digit; `floatRounding` rounds both to that many decimal places; `tolerance`
 *   is a relative bound).
 * - Free variables: both sides are evaluated at fixed pseudo-random points (same seed every run,
 *   so verdicts are deterministic); every point where both are defined must agree and at least 3
 *   must be defined (mixed-sign reals in ±[0.35, 2.65], then positive reals, then reals in
 *   (-0.9, 0.9) for arcsin-like domains, then small integers 2 to 13). When no strategy finds 3
 *   defined points, or when the only disagreements are within the rounding error of the
 *   magnitudes involved (magnitude.ts), the symbolic fallback decides.
 * - Units: see units.ts.
 * - Equations `a = b` match `c = d` when `a - b = k (c - d)` for a constant k != 0; inequalities
 *   need k > 0 after turning `>`/`>=` around.
 */
import { type Node, type RelOp, freeVars, hasApproxLiteral, hasDecimal, isComplex, show, some } from './ast.js';
import { exactValue, isMatrix, numValue, type C, type NumEnv, type Val } from './evaluate.js';
import { beyondDoubles, magnitude, withinRounding } from './magnitude.js';
import { apartBySize, logSize } from './log-size.js';
import * as Q from './rational.js';
import type { Rat } from './rational.js';
import { parseDecimal } from './rational.js';
import { type Undecided, symbolicDifference, symbolicallyEqual } from './symbolic.js';
import { withUnits } from './units.js';

/** How approximate numbers are compared. */
export type Tolerance =
  | { kind: 'sig'; digits: number }
  | { kind: 'rel'; tol: number }
  | { kind: 'round'; places: number };

/** Comparison settings shared by all equivalence rules. */
export interface CompareContext {
  tolerance: Tolerance;
  /** Variables must match by name (`x + 1` differs from `y + 1`). */
  strict: boolean;
  /** A set may equal a relation (`(-\infty, 3)` vs `x < 3`) whichever side is the gold. */
  allowSetRelation: boolean;
  /**
   * Remaining comparison budget: each elementary comparison spends one of `left`; the symbolic
   * fallback spends `symbolicMs` milliseconds (default 1 s per verification).
   */
  budget: { left: number; symbolicMs?: number };
}

const POINTS = 8;
const TABLE = makeTable(POINTS, 12);

/** Deterministic pseudo-random numbers (mulberry32, fixed seed). */
function makeTable(points: number, vars: number): number[][] {
  let s = 0x2f6b1d3a;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: points }, (_, j) =>
    Array.from({ length: vars }, () => {
      const mag = 0.35 + 2.3 * rand();
      return (rand() < 0.5 === (j % 2 === 0) ? 1 : -1) * mag;
    }),
  );
}

function spend(ctx: CompareContext): void {
  if (--ctx.budget.left < 0) throw new RangeError('comparison budget exhausted');
}

/** Whether two expressions are equal (numbers, expressions with variables, matrices, percents). */
export function exprEqual(a: Node, b: Node, ctx: CompareContext): boolean {
  spend(ctx);
  if (show(a) === show(b)) return !undefinedConstant(a);
  const converted = withUnits(a, b);
  if (!converted) return false;
  const [x, y] = unbase(...converted);
  if (sameNamedConstant(x, y)) return true;
  if (core(x, y, ctx)) return true;
  // a percentage also matches its bare number: 10\% = 0.1 (above) and 10\% = 10
  if (x.k === 'pct' || y.k === 'pct') return core(x.k === 'pct' ? x.arg : x, y.k === 'pct' ? y.arg : y, ctx);
  return false;
}

/** `204_5` is compared as the digits 204 against a plain number, and by value against another based number. */
function unbase(a: Node, b: Node): [Node, Node] {
  if ((a.k === 'based') === (b.k === 'based')) return [a, b];
  const plain = (n: Node): Node => (n.k === 'based' ? { k: 'num', v: parseDecimal(n.digits) ?? Q.ZERO, decimal: false, approx: false } : n);
  return [plain(a), plain(b)];
}

/** `\text{e}` / `e` / `E` read as a letter equal Euler's number written as a constant. */
function sameNamedConstant(a: Node, b: Node): boolean {
  const nameOf = (n: Node): string | undefined => (n.k === 'sym' ? n.name : n.k === 'const' ? n.name : undefined);
  const x = nameOf(a);
  const y = nameOf(b);
  return x !== undefined && y !== undefined && (a.k === 'const') !== (b.k === 'const') && x.toLowerCase() === y.toLowerCase() && (x.toLowerCase() === 'e' || x === 'i');
}

function core(a: Node, b: Node, ctx: CompareContext): boolean {
  let va = freeVars(a);
  const vb = freeVars(b);
  if (!ctx.strict && va.length === vb.length && va.join() !== vb.join()) {
    b = rename(b, new Map(vb.map((v, i) => [v, va[i]!])));
  }
  va = [...new Set([...va, ...freeVars(b)])].sort();
  const approx = hasDecimal(a) || hasDecimal(b);
  if (va.length === 0) return constEqual(a, b, approx, ctx);
  // tight comparisons: a disagreement within the rounding error of the magnitudes decides nothing,
  // and an agreement on very small or very large values may be the tolerance's doing
  const rounding = approx ? undefined : (env: NumEnv): [number, number] => [magnitude(a, env), magnitude(b, env)];
  const sizes = { small: true, large: false };
  const same = (u: Val, v: Val): boolean => {
    if (!approx) noteSize(u, v, sizes);
    return valEqual(u, v, approx ? ctx.tolerance : undefined);
  };
  const r = sampled(a, b, va, ctx, same, rounding);
  if (r === true) return !(sizes.small || sizes.large) || symbolicDifference(a, b, 'fragile', ctx.budget) !== 'nonzero';
  return r === false ? r : symbolicallyEqual(a, b, r, ctx.budget);
}

/** Track whether all compared values are below 1e-6 (`small`) and whether some are above 1e9 (`large`). */
function noteSize(u: Val, v: Val, sizes: { small: boolean; large: boolean }): void {
  if (isMatrix(u) || isMatrix(v)) {
    sizes.small = false;
    return;
  }
  const m = Math.max(Math.hypot(u.re, u.im), Math.hypot(v.re, v.im));
  if (m >= 1e-6) sizes.small = false;
  if (m > 1e9) sizes.large = true;
}

function constEqual(a: Node, b: Node, approx: boolean, ctx: CompareContext): boolean {
  // Constants orders of magnitude apart are unequal before any exact work (log-size.ts).
  const sa = logSize(a);
  const sb = sa && logSize(b);
  if (sa && sb && apartBySize(sa, sb, ctx.tolerance.kind === 'rel' ? ctx.tolerance.tol : undefined)) return false;
  const ea = exactValue(a);
  const eb = ea && exactValue(b);
  if (ea && eb) {
    if (Q.eq(ea, eb)) return true;
    const bothDecimals = Q.isTerminating(ea) && Q.isTerminating(eb) && !hasApproxLiteral(a) && !hasApproxLiteral(b);
    return approx && !bothDecimals && ratApproxEqual(ea, eb, ctx.tolerance);
  }
  // beyond the double range (2^{100000}, e^{-1000}) values cannot be told apart numerically: the
  // symbolic fallback decides, and they are not equal unless it proves a - b = 0
  if (beyondDoubles(a) || beyondDoubles(b)) return symbolicallyEqual(a, b, 'too-large', ctx.budget);
  const complex = isComplex(a) || isComplex(b);
  const env = { vars: new Map<string, number>(), complex };
  const u = numValue(a, env);
  const v = numValue(b, env);
  // a written \infty is a real infinity; other undefined values (overflowing factorials) go to the fallback
  if ((!isDefined(u) || !isDefined(v)) && !mentionsInfinity(a) && !mentionsInfinity(b)) return symbolicallyEqual(a, b, 'too-large', ctx.budget);
  if (!valEqual(u, v, approx ? ctx.tolerance : undefined)) return false;
  if (approx || isMatrix(u) || isMatrix(v)) return true;
  const sizes = { small: true, large: false };
  noteSize(u, v, sizes);
  return !(sizes.small || sizes.large) || !isDefined(u) || symbolicDifference(a, b, 'fragile', ctx.budget) !== 'nonzero';
}

/** A constant with no value (`\frac{1}{0}`, `0^{-1}`): not even equal to itself. */
function undefinedConstant(n: Node): boolean {
  if (freeVars(n).length > 0) return false;
  const v = numValue(n, { vars: new Map(), complex: true });
  return isMatrix(v) ? v.some((r) => r.some((x) => Number.isNaN(x.re) || Number.isNaN(x.im))) : Number.isNaN(v.re) || Number.isNaN(v.im);
}

function mentionsInfinity(n: Node): boolean {
  return some(n, (x) => x.k === 'const' && x.name === 'inf');
}

/** Compare two numeric values: tightly (1e-9 relative) or with the approximation tolerance. */
export function valEqual(u: Val, v: Val, tol: Tolerance | undefined): boolean {
  if (isMatrix(u) || isMatrix(v)) {
    if (!isMatrix(u) || !isMatrix(v) || u.length !== v.length || u[0]!.length !== v[0]!.length) return false;
    return u.every((row, i) => row.every((x, j) => valEqual(x, v[i]![j]!, tol)));
  }
  return scalarEqual(u, v, tol);
}

function scalarEqual(u: C, v: C, tol: Tolerance | undefined): boolean {
  if ([u.re, u.im, v.re, v.im].some(Number.isNaN)) return false;
  if (!Number.isFinite(u.re) || !Number.isFinite(v.re) || !Number.isFinite(u.im) || !Number.isFinite(v.im)) {
    return u.re === v.re && u.im === v.im;
  }
  if (tol && Math.abs(u.im) < 1e-12 && Math.abs(v.im) < 1e-12) return approxEqual(u.re, v.re, tol);
  const d = Math.hypot(u.re - v.re, u.im - v.im);
  const m = Math.max(Math.hypot(u.re, u.im), Math.hypot(v.re, v.im));
  return d <= 1e-9 * m + 1e-12;
}

/** Approximate equality of two doubles under a tolerance. */
export function approxEqual(x: number, y: number, tol: Tolerance): boolean {
  if (x === y) return true;
  const m = Math.max(Math.abs(x), Math.abs(y));
  switch (tol.kind) {
    case 'rel': return Math.abs(x - y) <= tol.tol * m;
    case 'round': {
      const f = 10 ** tol.places;
      return Math.round(x * f + Math.sign(x) * 1e-9) === Math.round(y * f + Math.sign(y) * 1e-9);
    }
    case 'sig': {
      const unit = 10 ** (Math.floor(Math.log10(m)) - (tol.digits - 1));
      return Math.abs(x - y) <= unit * (1 + 1e-9);
    }
  }
}

/** The same, exactly, for two rationals (1/3 against 0.333333). */
function ratApproxEqual(x: Rat, y: Rat, tol: Tolerance): boolean {
  const diff = Q.sub(x, y);
  if (!diff) return approxEqual(Q.toNumber(x), Q.toNumber(y), tol);
  const ad = diff.n < 0n ? Q.neg(diff) : diff;
  const ax = x.n < 0n ? Q.neg(x) : x;
  const ay = y.n < 0n ? Q.neg(y) : y;
  const m = Q.cmp(ax, ay) >= 0 ? ax : ay;
  switch (tol.kind) {
    case 'rel': {
      const bound = Q.mul(m, Q.parseDecimal(tol.tol.toExponential())!);
      return bound !== undefined && Q.cmp(ad, bound) <= 0;
    }
    case 'round': {
      const f = Q.powInt(Q.ratInt(10), BigInt(tol.places))!;
      const rx = roundHalfAway(Q.mul(x, f));
      const ry = roundHalfAway(Q.mul(y, f));
      return rx !== undefined && rx === ry;
    }
    case 'sig': {
      const e = Math.floor(Q.log10Abs(m) + 1e-12) - (tol.digits - 1);
      const unit = Q.powInt(Q.ratInt(10), BigInt(e));
      return unit !== undefined && Q.cmp(ad, unit) <= 0;
    }
  }
}

function roundHalfAway(r: Rat | undefined): bigint | undefined {
  if (!r) return undefined;
  const neg = r.n < 0n;
  const n = neg ? -r.n : r.n;
  const q = (2n * n + r.d) / (2n * r.d);
  return neg ? -q : q;
}

// ---- sampling --------------------------------------------------------------------------------

type Strategy = 'mixed' | 'positive' | 'small' | 'integer';

/** Variables that must take integer values: summation bounds, factorial and binomial arguments. */
function integerVars(nodes: Node[]): Set<string> {
  const out = new Set<string>();
  for (const n of nodes) {
    some(n, (x) => {
      if (x.k === 'sum' || x.k === 'prod') for (const v of [...freeVars(x.lo), ...freeVars(x.hi)]) out.add(v);
      if (x.k === 'call' && (x.fn === 'fact' || x.fn === 'binom')) for (const a of x.args) for (const v of freeVars(a)) out.add(v);
      return false;
    });
  }
  return out;
}

/** The value of variable `i` at point `j` under a sampling strategy. */
export function samplePoint(strategy: Strategy, j: number, i: number, integer: boolean): number {
  const raw = TABLE[j % POINTS]![i % 12]!;
  if (integer || strategy === 'integer') return 2 + Math.floor(Math.abs(raw) * 3.1) + ((j + i) % 4);
  if (strategy === 'small') return raw / 3;
  return strategy === 'positive' ? Math.abs(raw) : raw;
}

/**
 * Evaluate both sides at the sample points and apply `same` to each pair of values where both are
 * defined. Equal (`true`) when no defined pair disagrees and at least 3 pairs are defined; `false`
 * at the first real disagreement. Undecided when no strategy finds 3 defined points
 * (`'no-samples'`), or when every disagreement is within the rounding error of the magnitudes
 * that `rounding` reports for the point (`'rounding'`).
 */
export function sampled(a: Node, b: Node, vars: string[], ctx: CompareContext, same: (u: Val, v: Val) => boolean, rounding?: (env: NumEnv) => [number, number]): boolean | Undecided {
  const complex = isComplex(a) || isComplex(b);
  const ints = integerVars([a, b]);
  let noise = false;
  for (const strategy of ['mixed', 'positive', 'small', 'integer'] as Strategy[]) {
    let defined = 0;
    for (let j = 0; j < POINTS; j++) {
      spend(ctx);
      const vars2 = new Map(vars.map((v, i) => [v, samplePoint(strategy, j, i, ints.has(v))]));
      const env = { vars: vars2, complex };
      const u = numValue(a, env);
      const v = numValue(b, env);
      if (!isDefined(u) || !isDefined(v)) continue;
      if (!same(u, v)) {
        if (!rounding || isMatrix(u) || isMatrix(v)) return false;
        const [ma, mb] = rounding(env);
        if (!withinRounding(Math.hypot(u.re - v.re, u.im - v.im), ma, mb)) return false;
        noise = true;
      }
      defined++;
    }
    if (defined >= 3) return noise ? 'rounding' : true;
  }
  return noise ? 'rounding' : 'no-samples';
}

function isDefined(v: Val): boolean {
  if (isMatrix(v)) return v.every((r) => r.every(isDefined));
  return Number.isFinite(v.re) && Number.isFinite(v.im);
}

/** Rename free variables (non-strict mode matches variables by position). */
export function rename(n: Node, map: ReadonlyMap<string, string>): Node {
  const go = (x: Node): Node => {
    if (x.k === 'sym') return map.has(x.name) ? { k: 'sym', name: map.get(x.name)! } : x;
    const out: Record<string, unknown> = { ...x };
    for (const [key, val] of Object.entries(x)) {
      if (Array.isArray(val)) out[key] = val.map((e) => (Array.isArray(e) ? e.map((f: Node) => go(f)) : isNode(e) ? go(e as Node) : e));
      else if (isNode(val)) out[key] = go(val as Node);
    }
    return out as Node;
  };
  return go(n);
}

function isNode(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'k' in v;
}

// ---- equations and inequalities --------------------------------------------------------------

/** One comparison of a relation chain, turned so that its operator is `<`, `<=`, `=` or `!=`. */
interface Atom {
  op: '<' | '<=' | '=' | '!=';
  diff: Node;
}

/** Split a chain `a < b <= c` into atoms `a - b < 0`, `b - c <= 0`. */
export function atoms(ops: RelOp[], parts: Node[]): Atom[] | undefined {
  const out: Atom[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    let l = parts[i]!;
    let r = parts[i + 1]!;
    if (op === '>' || op === '>=') [l, r] = [r, l];
    const norm = op === '>' ? '<' : op === '>=' ? '<=' : op === '~' ? '=' : op;
    if (norm === 'in') return undefined;
    out.push({ op: norm, diff: { k: 'add', args: [l, { k: 'neg', arg: r }] } });
  }
  return out;
}

/** `f = k g` for a constant k (positive when `positive`), at every sample point; both zero counts. */
export function proportional(f: Node, g: Node, positive: boolean, ctx: CompareContext): boolean {
  let vf = freeVars(f);
  const vg = freeVars(g);
  if (!ctx.strict && vf.length === vg.length && vf.join() !== vg.join()) g = rename(g, new Map(vg.map((v, i) => [v, vf[i]!])));
  vf = [...new Set([...vf, ...freeVars(g)])].sort();
  let ratio: C | undefined;
  let zeros = 0;
  const same = (u: Val, v: Val): boolean => {
    if (isMatrix(u) || isMatrix(v)) return false;
    const mu = Math.hypot(u.re, u.im);
    const mv = Math.hypot(v.re, v.im);
    if (mu < 1e-10 || mv < 1e-10) {
      zeros++;
      return mu < 1e-10 && mv < 1e-10;
    }
    const d = v.re * v.re + v.im * v.im;
    const r = { re: (u.re * v.re + u.im * v.im) / d, im: (u.im * v.re - u.re * v.im) / d };
    if (!ratio) {
      if (positive && (r.re <= 0 || Math.abs(r.im) > 1e-9 * Math.abs(r.re))) return false;
      ratio = r;
      return true;
    }
    return Math.hypot(r.re - ratio.re, r.im - ratio.im) <= 1e-7 * Math.hypot(ratio.re, ratio.im);
  };
  if (vf.length === 0) {
    const env = { vars: new Map<string, number>(), complex: isComplex(f) || isComplex(g) };
    return same(numValue(f, env), numValue(g, env)) && (zeros > 0 || !positive || ratio !== undefined);
  }
  return sampled(f, g, vf, ctx, same) === true;
}

/** Whether two relation chains state the same thing atom by atom (order of atoms free). */
export function relationsEqual(a: { ops: RelOp[]; parts: Node[] }, b: { ops: RelOp[]; parts: Node[] }, ctx: CompareContext): boolean {
  const x = atoms(a.ops, a.parts);
  const y = atoms(b.ops, b.parts);
  if (!x || !y || x.length !== y.length) return false;
  const used = new Set<number>();
  return x.every((p) => {
    for (let j = 0; j < y.length; j++) {
      if (used.has(j) || y[j]!.op !== p.op) continue;
      if (proportional(p.diff, y[j]!.diff, p.op === '<' || p.op === '<=', ctx)) {
        used.add(j);
        return true;
      }
    }
    return false;
  });
}
