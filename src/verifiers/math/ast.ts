/**
 * The expression tree the LaTeX parser produces and the equivalence rules consume.
 */
import type { Rat } from './rational.js';

/** Relation operators (`~` is "approximately"). */
export type RelOp = '=' | '<' | '<=' | '>' | '>=' | '!=' | '~' | 'in';

/** Built-in functions the evaluator knows. */
export type FnName =
  | 'sin' | 'cos' | 'tan' | 'sec' | 'csc' | 'cot' | 'asin' | 'acos' | 'atan' | 'asec' | 'acsc' | 'acot'
  | 'sinh' | 'cosh' | 'tanh' | 'ln' | 'log' | 'exp' | 'sqrt' | 'root' | 'abs' | 'fact' | 'binom'
  | 'floor' | 'ceil' | 'max' | 'min' | 'gcd' | 'lcm' | 're' | 'im' | 'arg' | 'conj' | 'det';

/** A parsed answer (or part of one). */
export type Node =
  /** a number; `decimal` when written with a decimal point or exponent, `approx` when it has >= 10 significant digits */
  | { k: 'num'; v: Rat; decimal: boolean; approx: boolean }
  /** a number written in another base, `204_5` */
  | { k: 'based'; digits: string; base: number }
  /** a variable, or a named symbol such as `x_1`, `\alpha`, `f'` */
  | { k: 'sym'; name: string }
  /** pi, Euler's e, the imaginary unit, infinity */
  | { k: 'const'; name: 'pi' | 'e' | 'i' | 'inf' }
  | { k: 'add'; args: Node[] }
  | { k: 'mul'; args: Node[] }
  | { k: 'neg'; arg: Node }
  | { k: 'div'; num: Node; den: Node }
  | { k: 'pow'; base: Node; exp: Node }
  /** a built-in function; `root` takes [radicand, index], `log` takes [x, base?] */
  | { k: 'call'; fn: FnName; args: Node[] }
  /** an unknown function or indexed symbol: `f(x)`, `F_{n-1}` */
  | { k: 'apply'; name: string; args: Node[] }
  | { k: 'pct'; arg: Node }
  /** a quantity with a unit that converts (`1\,\text{km}`); its value is the quantity's */
  | { k: 'unit'; arg: Node; unit: string; power: number }
  /** an angle in degrees (`90^\circ`) */
  | { k: 'deg'; arg: Node }
  /** `left ± right` (left absent for a unary ±); `minus` is the ∓ sign */
  | { k: 'pm'; left?: Node; right: Node; mp: boolean }
  | { k: 'sum' | 'prod'; v: string; lo: Node; hi: Node; body: Node }
  /** a relation chain `a < b <= c` */
  | { k: 'rel'; ops: RelOp[]; parts: Node[] }
  /** a bare list `a, b, c` (`sep` tells whether `;` separated it) */
  | { k: 'list'; items: Node[]; semi: boolean }
  /** a parenthesised tuple `(a, b)`; with two items it may also be read as an open interval */
  | { k: 'tuple'; items: Node[]; angle?: boolean }
  | { k: 'set'; items: Node[] }
  | { k: 'interval'; lo: Node; hi: Node; lopen: boolean; ropen: boolean }
  | { k: 'union'; args: Node[] }
  | { k: 'intersect'; args: Node[] }
  | { k: 'setminus'; a: Node; b: Node }
  | { k: 'reals' }
  | { k: 'matrix'; rows: Node[][] }
  | { k: 'ratio'; parts: Node[] }
  /** words: a text answer (`\text{Evelyn}`, `No solution`) */
  | { k: 'text'; s: string }
  | { k: 'ellipsis' };

export const num = (v: Rat, decimal = false, approx = false): Node => ({ k: 'num', v, decimal, approx });
export const sym = (name: string): Node => ({ k: 'sym', name });

/** A sum, flattening nested sums. */
export function addNode(a: Node, b: Node): Node {
  const args = [...(a.k === 'add' ? a.args : [a]), ...(b.k === 'add' ? b.args : [b])];
  return { k: 'add', args };
}

/** A product, flattening nested products. */
export function mulNode(a: Node, b: Node): Node {
  const args = [...(a.k === 'mul' ? a.args : [a]), ...(b.k === 'mul' ? b.args : [b])];
  return { k: 'mul', args };
}


/** Visit every node of a tree (pre-order). Stops early when `fn` returns true. */
export function some(node: Node, fn: (n: Node) => boolean): boolean {
  if (fn(node)) return true;
  for (const c of children(node)) if (some(c, fn)) return true;
  return false;
}

/** The direct sub-trees of a node. */
export function children(n: Node): Node[] {
  switch (n.k) {
    case 'add': case 'mul': case 'union': case 'intersect': return n.args;
    case 'neg': case 'pct': case 'deg': case 'unit': return [n.arg];
    case 'div': return [n.num, n.den];
    case 'pow': return [n.base, n.exp];
    case 'call': case 'apply': return n.args;
    case 'pm': return n.left ? [n.left, n.right] : [n.right];
    case 'sum': case 'prod': return [n.lo, n.hi, n.body];
    case 'rel': case 'ratio': return n.parts;
    case 'list': case 'tuple': case 'set': return n.items;
    case 'interval': return [n.lo, n.hi];
    case 'setminus': return [n.a, n.b];
    case 'matrix': return n.rows.flat();
    default: return [];
  }
}

/** Free variables of an expression (bound summation indices excluded), sorted. */
export function freeVars(node: Node): string[] {
  const out = new Set<string>();
  const walk = (n: Node, bound: ReadonlySet<string>): void => {
    if (n.k === 'sym') {
      if (!bound.has(n.name)) out.add(n.name);
      return;
    }
    if (n.k === 'sum' || n.k === 'prod') {
      walk(n.lo, bound);
      walk(n.hi, bound);
      walk(n.body, new Set([...bound, n.v]));
      return;
    }
    for (const c of children(n)) walk(c, bound);
  };
  walk(node, new Set());
  return [...out].sort();
}

/** Whether the tree contains a decimal literal (the signal that a value may be an approximation). */
export function hasDecimal(node: Node): boolean {
  return some(node, (n) => n.k === 'num' && n.decimal);
}

/** Whether the tree contains a literal of 10+ significant digits (a float dump such as `4.123105625617661`). */
export function hasApproxLiteral(node: Node): boolean {
  return some(node, (n) => n.k === 'num' && n.approx);
}

/** Whether an expression mentions the imaginary unit (complex arithmetic is then used). */
export function isComplex(node: Node): boolean {
  return some(node, (n) => (n.k === 'const' && n.name === 'i') || (n.k === 'call' && (n.fn === 're' || n.fn === 'im' || n.fn === 'arg' || n.fn === 'conj')));
}

/** Whether a node is an expression (as opposed to a relation, collection, set or text). */
export function isExpr(n: Node): boolean {
  switch (n.k) {
    case 'rel': case 'list': case 'tuple': case 'set': case 'interval': case 'union': case 'intersect':
    case 'setminus': case 'reals': case 'matrix': case 'ratio': case 'text': case 'ellipsis':
      return false;
    case 'pm':
      return false;
    default:
      return true;
  }
}

/**
 * Whether `n` can be the target of an assignment: built only from symbols (no numbers), e.g. `x`,
 * `f(x)`, `(p, q)`, `|AB|`, `\frac{NO}{BO}`, `V_1 : V_2`.
 */
export function isTarget(n: Node): boolean {
  if (n.k === 'sym') return true;
  if (n.k === 'num' || n.k === 'const' || n.k === 'based' || n.k === 'text' || n.k === 'ellipsis') return false;
  if (n.k === 'pct' || n.k === 'deg' || n.k === 'unit' || n.k === 'pm' || n.k === 'rel' || n.k === 'sum' || n.k === 'prod') return false;
  if (n.k === 'apply') return n.args.every((a) => a.k === 'sym' || a.k === 'num');
  if (n.k === 'pow') return isTarget(n.base) && n.exp.k === 'num' && n.exp.v.n === -1n;
  const cs = children(n);
  return cs.length > 0 && cs.every(isTarget);
}

/** A canonical string of a tree (structural equality, cache keys, readable `extracted` output). */
export function show(n: Node): string {
  switch (n.k) {
    case 'num': return n.v.d === 1n ? n.v.n.toString() : `${n.v.n}/${n.v.d}`;
    case 'based': return `${n.digits}_${n.base}`;
    case 'sym': return n.name;
    case 'const': return n.name === 'inf' ? 'oo' : n.name;
    case 'add': return `(${n.args.map(show).join(' + ')})`;
    case 'mul': return `(${n.args.map(show).join('*')})`;
    case 'neg': return `-${show(n.arg)}`;
    case 'div': return `(${show(n.num)})/(${show(n.den)})`;
    case 'pow': return `(${show(n.base)})^(${show(n.exp)})`;
    case 'call': return `${n.fn}(${n.args.map(show).join(', ')})`;
    case 'apply': return `${n.name}(${n.args.map(show).join(', ')})`;
    case 'pct': return `${show(n.arg)}%`;
    case 'unit': return `${show(n.arg)} ${n.unit}${n.power === 1 ? '' : `^${n.power}`}`;
    case 'deg': return `${show(n.arg)}°`;
    case 'pm': return `${n.left ? show(n.left) : ''}${n.mp ? '∓' : '±'}${show(n.right)}`;
    case 'sum': case 'prod': return `${n.k}(${n.v}=${show(n.lo)}..${show(n.hi)}, ${show(n.body)})`;
    case 'rel': return n.parts.map((p, i) => (i ? ` ${n.ops[i - 1]} ` : '') + show(p)).join('');
    case 'list': return n.items.map(show).join(n.semi ? '; ' : ', ');
    case 'tuple': return `(${n.items.map(show).join(', ')})`;
    case 'set': return `{${n.items.map(show).join(', ')}}`;
    case 'interval': return `${n.lopen ? '(' : '['}${show(n.lo)}, ${show(n.hi)}${n.ropen ? ')' : ']'}`;
    case 'union': return n.args.map(show).join(' ∪ ');
    case 'intersect': return n.args.map(show).join(' ∩ ');
    case 'setminus': return `${show(n.a)} \\ ${show(n.b)}`;
    case 'reals': return 'R';
    case 'matrix': return `[${n.rows.map((r) => r.map(show).join(', ')).join('; ')}]`;
    case 'ratio': return n.parts.map(show).join(':');
    case 'text': return JSON.stringify(n.s);
    case 'ellipsis': return '...';
  }
}
