/**
 * Sets of real numbers: intervals (endpoint values and openness), unions, intersections,
 * differences, finite sets, and inequalities in one variable read as the set they describe.
 *
 * Two regions are equal when their pieces match one to one (endpoints compared with the usual
 * number rules, so `(0.6, 2.6667]` can equal `(3/5, 8/3]` under a rounding option), or, failing
 * that, when membership agrees at every critical point (all endpoints, just inside and outside
 * them, midpoints, far away) — the check that makes `1 \le |z| \le 3/2` equal
 * `[-3/2, -1] \cup [1, 3/2]`.
 */
import { type Node, freeVars, show } from './ast.js';
import type { Answer } from './answer.js';
import { type CompareContext, exprEqual } from './compare-expr.js';
import { isMatrix, numValue } from './evaluate.js';

interface Piece {
  lo: Node;
  hi: Node;
  lopen: boolean;
  ropen: boolean;
}

/** A set as a membership test plus the points where membership may change. */
interface SetFn {
  has(t: number): boolean | undefined;
  critical: number[];
}

const NOENV = { vars: new Map<string, number>(), complex: false };

function value(n: Node): number {
  const v = numValue(n, NOENV);
  return isMatrix(v) || v.im !== 0 ? NaN : v.re;
}

/** Whether an answer can be read as a set of reals. */
export function isSetLike(a: Answer): boolean {
  if (a.k === 'region' || a.k === 'member') return true;
  if (a.k === 'coll' && a.kind === 'tuple' && a.items.length === 2 && !a.angle) return a.items.every((i) => i.k === 'expr');
  if (a.k === 'coll' && a.kind === 'set') return a.items.every((i) => i.k === 'expr');
  return false;
}

/** The pieces (intervals, points) of a union of intervals, or undefined for other shapes. */
function pieces(a: Answer): Piece[] | undefined {
  if (a.k === 'member') return pieces(a.set);
  if (a.k === 'coll') {
    if (a.kind === 'tuple' && a.items.length === 2 && a.items.every((i) => i.k === 'expr')) {
      const [lo, hi] = a.items as Array<{ k: 'expr'; n: Node }>;
      return [{ lo: lo!.n, hi: hi!.n, lopen: true, ropen: true }];
    }
    if (a.kind === 'set' && a.items.every((i) => i.k === 'expr')) return (a.items as Array<{ n: Node }>).map((i) => ({ lo: i.n, hi: i.n, lopen: false, ropen: false }));
    return undefined;
  }
  if (a.k !== 'region') return undefined;
  const go = (n: Node): Piece[] | undefined => {
    if (n.k === 'interval') return [{ lo: n.lo, hi: n.hi, lopen: n.lopen, ropen: n.ropen }];
    if (n.k === 'union') {
      const out: Piece[] = [];
      for (const x of n.args) {
        const p = go(x);
        if (!p) return undefined;
        out.push(...p);
      }
      return out;
    }
    if (n.k === 'set') return n.items.map((i) => ({ lo: i, hi: i, lopen: false, ropen: false }));
    if (n.k === 'tuple' && n.items.length === 2) return [{ lo: n.items[0]!, hi: n.items[1]!, lopen: true, ropen: true }];
    if (n.k === 'reals') return [{ lo: { k: 'neg', arg: { k: 'const', name: 'inf' } }, hi: { k: 'const', name: 'inf' }, lopen: true, ropen: true }];
    return undefined;
  };
  return go(a.n);
}

/** Whether two set-like answers denote the same set. */
export function setsEqual(a: Answer, b: Answer, ctx: CompareContext): boolean {
  const pa = pieces(a);
  const pb = pieces(b);
  if (pa && pb && pa.length === pb.length) {
    const sa = sortPieces(pa);
    const sb = sortPieces(pb);
    if (sa.every((p, i) => pieceEqual(p, sb[i]!, ctx))) return true;
  }
  const fa = setFn(a);
  const fb = setFn(b);
  return fa !== undefined && fb !== undefined && sameMembership(fa, fb);
}

function sortPieces(ps: Piece[]): Piece[] {
  return [...ps].sort((x, y) => value(x.lo) - value(y.lo) || value(x.hi) - value(y.hi));
}

function pieceEqual(p: Piece, q: Piece, ctx: CompareContext): boolean {
  return p.lopen === q.lopen && p.ropen === q.ropen && exprEqual(p.lo, q.lo, ctx) && exprEqual(p.hi, q.hi, ctx);
}

/** Whether a relation describes a set (one variable) that equals a set-like answer. */
export function relationEqualsSet(rel: { ops: string[]; parts: Node[] }, set: Answer): boolean {
  const fr = relationFn(rel);
  const fs = setFn(set);
  return fr !== undefined && fs !== undefined && sameMembership(fr, fs);
}

/** Whether two relations in one variable describe the same set. */
export function relationsSameSet(a: { ops: string[]; parts: Node[] }, b: { ops: string[]; parts: Node[] }): boolean {
  const fa = relationFn(a);
  const fb = relationFn(b);
  return fa !== undefined && fb !== undefined && sameMembership(fa, fb);
}

function setFn(a: Answer): SetFn | undefined {
  if (a.k === 'member') return setFn(a.set);
  if (a.k === 'rel') return relationFn(a);
  const ps = pieces(a);
  if (ps) return piecesFn(ps);
  if (a.k === 'region') return regionFn(a.n);
  return undefined;
}

function piecesFn(ps: Piece[]): SetFn | undefined {
  const ends = ps.map((p) => ({ lo: value(p.lo), hi: value(p.hi), lopen: p.lopen, ropen: p.ropen }));
  // a reversed interval ([3, 1]) is no set: read as one it would be empty, and two of them "equal"
  if (ends.some((e) => Number.isNaN(e.lo) || Number.isNaN(e.hi) || e.lo > e.hi)) return undefined;
  return {
    has: (t) => ends.some((e) => (e.lopen ? t > e.lo : t >= e.lo) && (e.ropen ? t < e.hi : t <= e.hi)),
    critical: ends.flatMap((e) => [e.lo, e.hi]).filter(Number.isFinite),
  };
}

function regionFn(n: Node): SetFn | undefined {
  switch (n.k) {
    case 'interval': case 'set': case 'tuple': case 'reals': case 'union': {
      const ps = pieces({ k: 'region', n });
      if (ps) return piecesFn(ps);
      if (n.k !== 'union') return undefined;
      const fs = n.args.map(regionFn);
      if (fs.some((f) => !f)) return undefined;
      return { has: (t) => fs.some((f) => f!.has(t)), critical: fs.flatMap((f) => f!.critical) };
    }
    case 'intersect': {
      const fs = n.args.map(regionFn);
      if (fs.some((f) => !f)) return undefined;
      return { has: (t) => fs.every((f) => f!.has(t)), critical: fs.flatMap((f) => f!.critical) };
    }
    case 'setminus': {
      const a = regionFn(n.a);
      const b = regionFn(n.b);
      if (!a || !b) return undefined;
      return { has: (t) => a.has(t) === true && b.has(t) !== true, critical: [...a.critical, ...b.critical] };
    }
    default: return undefined;
  }
}

/**
 * A relation in one variable as a membership test: `-2 \le x \le 7`, `x \ne 3`, `1 \le |z| \le 3/2`,
 * `0 < f(x) < 1` (an unknown function applied to symbols counts as the variable).
 */
function relationFn(rel: { ops: string[]; parts: Node[] }): SetFn | undefined {
  const parts = rel.parts.map(opaqueApplications);
  const vars = [...new Set(parts.flatMap((p) => freeVars(p)))];
  if (vars.length !== 1 || rel.ops.some((o) => o === 'in' || o === '~')) return undefined;
  const v = vars[0]!;
  const critical: number[] = [];
  for (const p of parts) {
    if (freeVars(p).length === 0) {
      const c = value(p);
      if (Number.isFinite(c)) critical.push(c, -c);
    }
  }
  const has = (t: number): boolean | undefined => {
    const env = { vars: new Map([[v, t]]), complex: false };
    const vals = parts.map((p) => {
      const x = numValue(p, env);
      return isMatrix(x) || x.im !== 0 ? NaN : x.re;
    });
    if (vals.some(Number.isNaN)) return undefined;
    return rel.ops.every((op, i) => holds(op, vals[i]!, vals[i + 1]!));
  };
  return { has, critical };
}

function holds(op: string, l: number, r: number): boolean {
  const eps = 1e-11 * (Math.abs(l) + Math.abs(r) + 1);
  switch (op) {
    case '<': return l < r - eps;
    case '<=': return l <= r + eps;
    case '>': return l > r + eps;
    case '>=': return l >= r - eps;
    case '=': return Math.abs(l - r) <= eps;
    case '!=': return Math.abs(l - r) > eps;
    default: return false;
  }
}

function opaqueApplications(n: Node): Node {
  if (n.k === 'apply' && n.args.every((a) => a.k === 'sym')) return { k: 'sym', name: show(n) };
  const out: Record<string, unknown> = { ...n };
  for (const [key, val] of Object.entries(n)) {
    if (Array.isArray(val)) out[key] = val.map((e) => (typeof e === 'object' && e && 'k' in e ? opaqueApplications(e as Node) : e));
    else if (typeof val === 'object' && val && 'k' in val) out[key] = opaqueApplications(val as Node);
  }
  return out as Node;
}

/** Membership agrees at every critical point, next to it on both sides, between them, and far out. */
function sameMembership(a: SetFn, b: SetFn): boolean {
  const crit = [...new Set([...a.critical, ...b.critical].filter(Number.isFinite))].sort((x, y) => x - y);
  const probes: number[] = [0, 1e6, -1e6];
  for (const c of crit) {
    const d = 1e-7 * Math.max(1, Math.abs(c));
    probes.push(c, c - d, c + d);
  }
  for (let i = 0; i + 1 < crit.length; i++) probes.push((crit[i]! + crit[i + 1]!) / 2);
  if (crit.length) probes.push(crit[0]! - 1, crit[crit.length - 1]! + 1, crit[0]! - 100, crit[crit.length - 1]! + 100);
  for (let k = -20; k <= 20; k++) probes.push(k * 0.731 + 0.113);
  let compared = 0;
  for (const t of probes) {
    const x = a.has(t);
    const y = b.has(t);
    if (x === undefined || y === undefined) continue;
    if (x !== y) return false;
    compared++;
  }
  return compared >= 3;
}
