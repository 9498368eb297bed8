/**
 * Answer equivalence: the rules that decide whether a predicted answer equals the gold answer.
 * Each rule is documented in the README's "Equivalence" section, in this order:
 *
 * 1. text answers compare by normalized text; a one-letter text equals that letter/symbol; yes/no
 *    equal true/false;
 * 2. `x \in S` stands for S;
 * 3. assignments (`x = 3`) compare by value against a plain answer; two assignments compare by
 *    value when their targets match, as equations otherwise;
 * 4. relations: equations and inequalities compare atom by atom (`a - b = k (c - d)`); a relation
 *    in one variable equals a set when it describes it (gold relation always; gold set only with
 *    `allowSetRelationComp`); an equation predicted for a plain gold is read by its last side;
 * 5. collections: tuples in order, lists and sets in any order (duplicates ignored), a one-row or
 *    one-column matrix against a tuple element-wise, `(a, b)` against intervals as an open interval,
 *    `[a, b]` against a bare list `a, b` as that list;
 * 6. sets of reals: intervals, unions, finite sets (see compare-sets.ts);
 * 7. ratios `a:b` element-wise, or proportionally when all parts are non-zero; a 2-part ratio
 *    against a number as the quotient;
 * 8. expressions (see compare-expr.ts).
 */
import { type Node, isTarget, show } from './ast.js';
import type { Answer } from './answer.js';
import { type CompareContext, exprEqual, proportional, relationsEqual } from './compare-expr.js';
import { isSetLike, relationEqualsSet, relationsSameSet, setsEqual } from './compare-sets.js';

const MAX_ITEMS = 200;

/** Whether the predicted answer `p` is equivalent to the gold answer `g`. */
export function equivalent(g: Answer, p: Answer, ctx: CompareContext): boolean {
  if (--ctx.budget.left < 0) throw new RangeError('comparison budget exhausted');
  // 1. text
  if (g.k === 'text' || p.k === 'text') return textAgainst(g, p);
  // 2. membership stands for its set
  if (g.k === 'member' && p.k !== 'member' && p.k !== 'rel') return equivalent(g.set, p, ctx);
  if (p.k === 'member' && g.k !== 'member' && g.k !== 'rel') return equivalent(g, p.set, ctx);
  if (g.k === 'member' && p.k === 'member') return equivalent(g.set, p.set, ctx);
  // 3. assignments
  if (g.k === 'assign' || p.k === 'assign') return assignments(g, p, ctx);
  // 4. relations
  if (g.k === 'rel' || p.k === 'rel') return relations(g, p, ctx);
  // 5-6. collections and sets
  if (g.k === 'coll' || p.k === 'coll' || g.k === 'region' || p.k === 'region') return collections(g, p, ctx);
  // 7. ratios
  if (g.k === 'ratio' || p.k === 'ratio') return ratios(g, p, ctx);
  if (g.k === 'ellipsis' || p.k === 'ellipsis') return g.k === p.k;
  // 8. expressions
  if (g.k !== 'expr' || p.k !== 'expr') return false;
  return exprEqual(g.n, p.n, ctx);
}

/** Truth values by word: `yes` is `true`, `no` is `false`. */
const TRUTH: Record<string, boolean | undefined> = { true: true, yes: true, false: false, no: false };

function textAgainst(g: Answer, p: Answer): boolean {
  const word = (a: Answer): string | undefined => {
    if (a.k === 'text') return a.s;
    if (a.k !== 'expr') return undefined;
    const n = a.n;
    if (n.k === 'sym') return n.name.toLowerCase();
    if (n.k === 'const' && (n.name === 'e' || n.name === 'i')) return n.name;
    // `odd` parsed as o*d*d, `Evelyn` as letters: compare the letters as a word
    if (n.k === 'mul' && n.args.every((x) => x.k === 'sym' || (x.k === 'const' && (x.name === 'e' || x.name === 'i')))) {
      return n.args.map((x) => (x as { name: string }).name).join('').toLowerCase();
    }
    return undefined;
  };
  const x = word(g);
  const y = word(p);
  if (x === undefined || y === undefined || x.length === 0) return false;
  // Yes/No against a True/False gold (TheoremQA style), and the other way round
  return x === y || (TRUTH[x] !== undefined && TRUTH[x] === TRUTH[y]);
}

function valueOf(a: Answer): Answer {
  return a.k === 'assign' ? valueOf(a.value) : a;
}

function targetKey(n: Node): string {
  // W(n) and W(x) name the same function: arguments of an applied target do not matter
  return n.k === 'apply' ? `${n.name}()` : show(n);
}

function assignments(g: Answer, p: Answer, ctx: CompareContext): boolean {
  if (g.k === 'assign' && p.k === 'assign') {
    if (targetKey(g.target) === targetKey(p.target)) return equivalent(g.value, p.value, ctx);
    return asEquation(g, p, ctx);
  }
  if (g.k === 'assign') {
    if (p.k === 'rel') return asEquation(g, p, ctx);
    return equivalent(valueOf(g), p, ctx);
  }
  if (p.k === 'assign') {
    if (g.k === 'rel') return asEquation(g, p, ctx);
    return equivalent(g, valueOf(p), ctx);
  }
  return false;
}

/** Compare two assignments/equations as equations `lhs - rhs` up to a constant factor. */
function asEquation(g: Answer, p: Answer, ctx: CompareContext): boolean {
  const eq = (a: Answer): { ops: ['=']; parts: Node[] } | { ops: string[]; parts: Node[] } | undefined => {
    if (a.k === 'rel') return a;
    if (a.k === 'assign' && a.value.k === 'expr') return { ops: ['='], parts: [a.target, a.value.n] };
    return undefined;
  };
  const x = eq(g);
  const y = eq(p);
  if (!x || !y) return false;
  return relationsEqual(x as never, y as never, ctx);
}

function relations(g: Answer, p: Answer, ctx: CompareContext): boolean {
  if (g.k === 'rel' && p.k === 'rel') {
    if (relationsEqual(g, p, ctx)) return true;
    return !g.ops.includes('=') && !p.ops.includes('=') && relationsSameSet(g, p);
  }
  if (g.k === 'rel') {
    if (isSetLike(p)) return relationEqualsSet(g, p);
    return false;
  }
  if (p.k === 'rel') {
    if (isSetLike(g)) return ctx.allowSetRelation && relationEqualsSet(p, g);
    // an equation given for a plain gold: its last side is the answer (`7 = 11a + c` vs `11a + c`)
    if (p.ops.every((o) => o === '=') && !isTarget(p.parts[p.parts.length - 1]!)) {
      return equivalent(g, { k: 'expr', n: p.parts[p.parts.length - 1]! }, ctx);
    }
  }
  return false;
}

function items(a: Answer): Answer[] | undefined {
  return a.k === 'coll' ? a.items : undefined;
}

/** `[a, b]` against a bare list `a, b`: a bracketed pair is a list by context, compared in order. */
function bracketedPairAsList(r: Answer, l: Answer, ctx: CompareContext): boolean {
  if (r.k !== 'region' || r.n.k !== 'interval' || r.n.lopen || r.n.ropen) return false;
  if (l.k !== 'coll' || l.kind !== 'list' || l.items.length !== 2) return false;
  return ordered([{ k: 'expr', n: r.n.lo }, { k: 'expr', n: r.n.hi }], l.items, ctx);
}

function collections(g: Answer, p: Answer, ctx: CompareContext): boolean {
  if (bracketedPairAsList(g, p, ctx) || bracketedPairAsList(p, g, ctx)) return true;
  if (g.k === 'region' || p.k === 'region') {
    return isSetLike(g) && isSetLike(p) && setsEqual(g, p, ctx);
  }
  const gi = items(g);
  const pi = items(p);
  if (gi && pi) {
    if (gi.length > MAX_ITEMS || pi.length > MAX_ITEMS) return false;
    if (g.k === 'coll' && g.kind === 'tuple') return ordered(gi, pi, ctx);
    if (p.k === 'coll' && p.kind === 'tuple' && g.k === 'coll' && g.kind === 'set') return unordered(gi, pi, ctx);
    return unordered(gi, pi, ctx);
  }
  // a collection against a single answer
  const one = gi ?? pi!;
  const other = gi ? p : g;
  if (other.k === 'expr' && other.n.k === 'matrix') {
    const cells = vectorCells(other.n);
    return cells !== undefined && (gi ? ordered(one, cells, ctx) : ordered(cells, one, ctx));
  }
  if (one.length === 1) return gi ? equivalent(one[0]!, p, ctx) : equivalent(g, one[0]!, ctx);
  return false;
}

/** The entries of a one-row or one-column matrix. */
function vectorCells(m: Extract<Node, { k: 'matrix' }>): Answer[] | undefined {
  if (m.rows.length === 1) return m.rows[0]!.map((n) => ({ k: 'expr', n }));
  if (m.rows.every((r) => r.length === 1)) return m.rows.map((r) => ({ k: 'expr', n: r[0]! }));
  return undefined;
}

function ordered(a: Answer[], b: Answer[], ctx: CompareContext): boolean {
  return a.length === b.length && a.every((x, i) => equivalent(x, b[i]!, ctx));
}

/** Equal as sets: duplicates removed, then a one-to-one matching of equivalent items. */
function unordered(aIn: Answer[], bIn: Answer[], ctx: CompareContext): boolean {
  const a = dedupe(aIn, ctx);
  const b = dedupe(bIn, ctx);
  if (a.length !== b.length) return false;
  const match = new Array<number>(b.length).fill(-1);
  const eqMemo = new Map<number, boolean>();
  const eq = (i: number, j: number): boolean => {
    const key = i * 1024 + j;
    let r = eqMemo.get(key);
    if (r === undefined) {
      r = equivalent(a[i]!, b[j]!, ctx);
      eqMemo.set(key, r);
    }
    return r;
  };
  const augment = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < b.length; j++) {
      if (seen[j] || !eq(i, j)) continue;
      seen[j] = true;
      if (match[j] === -1 || augment(match[j]!, seen)) {
        match[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < a.length; i++) if (!augment(i, new Array<boolean>(b.length).fill(false))) return false;
  return true;
}

function dedupe(xs: Answer[], ctx: CompareContext): Answer[] {
  const out: Answer[] = [];
  for (const x of xs) if (!out.some((y) => equivalent(y, x, ctx))) out.push(x);
  return out;
}

function ratios(g: Answer, p: Answer, ctx: CompareContext): boolean {
  if (g.k === 'ratio' && p.k === 'ratio') {
    if (g.parts.length !== p.parts.length) return false;
    if (g.parts.every((x, i) => exprEqual(x, p.parts[i]!, ctx))) return true;
    // 1:2 = 2:4 when no part is zero
    const zero = (n: Node): boolean => exprEqual(n, { k: 'num', v: { n: 0n, d: 1n }, decimal: false, approx: false }, ctx);
    if (g.parts.some(zero) || p.parts.some(zero)) return false;
    const q = (r: Node[], i: number): Node => ({ k: 'div', num: r[i]!, den: r[0]! });
    return g.parts.every((_, i) => i === 0 || exprEqual(q(g.parts, i), q(p.parts, i), ctx));
  }
  const r = g.k === 'ratio' ? g : (p as Extract<Answer, { k: 'ratio' }>);
  const other = g.k === 'ratio' ? p : g;
  if (r.parts.length !== 2 || other.k !== 'expr') return false;
  const quotient: Node = { k: 'div', num: r.parts[0]!, den: r.parts[1]! };
  return g.k === 'ratio' ? exprEqual(quotient, other.n, ctx) : exprEqual(other.n, quotient, ctx);
}

/** Whether any reading of the gold matches any reading of the prediction. */
export function anyEquivalent(golds: Answer[], preds: Answer[], ctx: CompareContext): boolean {
  for (const g of golds) {
    for (const p of preds) {
      if ((isUnitOnly(g) && !isQuantity(p)) || (isUnitOnly(p) && !isQuantity(g))) continue;
      if (equivalent(g, p, ctx)) return true;
    }
  }
  return false;
}

const isUnitOnly = (a: Answer): boolean => a.k === 'expr' && a.unitOnly === true;
const isQuantity = (a: Answer): boolean => a.k === 'expr' && a.n.k === 'unit';

export { proportional };
