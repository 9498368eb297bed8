/**
 * From an extracted answer string to the comparable {@link Answer} forms ("readings").
 *
 * An answer may have more than one reading when its notation is ambiguous: `1,22` is the decimal
 * 1.22 (European comma) or the list {1, 22}; the equivalence check accepts a pair of readings.
 */
import { type Node, type RelOp, addNode, freeVars, isTarget, num, show } from './ast.js';
import { ParseError, cleanLatex } from './lexer.js';
import { parseMath } from './parser.js';
import { parseDecimal, ratInt } from './rational.js';
import { normalizeText, parseNumberWords } from './text.js';
import { nonMathWords } from './extract.js';
import { MAX_ANSWER_CHARS } from './limits.js';
import { plainUnitForm } from './plain-units.js';

/** A relation atom after normalization. */
export interface RelAtom {
  op: RelOp;
  lhs: Node;
  rhs: Node;
}

/** A comparable answer. */
export type Answer =
  /** a number or expression (possibly a matrix, a percent or an angle) */
  | { k: 'expr'; n: Node; unitOnly?: boolean }
  /** `target = value` where the target is built from symbols only (`x = 3`, `(p, q) = (3, 2)`) */
  | { k: 'assign'; target: Node; value: Answer }
  /** `x \in S`: the set S, with the variable it describes */
  | { k: 'member'; target: Node; set: Answer }
  /** an equation or inequality chain that is not an assignment */
  | { k: 'rel'; ops: RelOp[]; parts: Node[] }
  /** `tuple` is ordered; `list` (bare commas) and `set` (`\{\}`) are not */
  | { k: 'coll'; kind: 'tuple' | 'list' | 'set'; items: Answer[]; angle?: boolean; pm?: boolean }
  /** intervals and their unions, intersections, differences; the reals */
  | { k: 'region'; n: Node }
  | { k: 'ratio'; parts: Node[] }
  | { k: 'text'; s: string }
  | { k: 'ellipsis' };

const MAX_VARIANTS = 16;
const SCI_X_RE = /(\d)\s*[xX]\s*10\s*\^/g;

/** Strip wrappers that do not change the answer: `$`, `\(`, `\[`, `\boxed{}`, markdown bold, quotes, end punctuation. */
export function stripAnswer(raw: string): string {
  let s = raw.trim();
  for (let k = 0; k < 6; k++) {
    const before = s;
    s = s
      .replace(/^\$+|\$+$/g, '')
      .replace(/^\\\(|\\\)$/g, '')
      .replace(/^\\\[|\\\]$/g, '')
      .replace(/^\*\*|\*\*$/g, '')
      .replace(/^["'`“”]+|["'`“”]+$/g, '')
      .replace(/(?:\s|\\\\|\\)+$/g, '')
      .replace(/[.;,:]+$/, '')
      .replace(/^\\(?:boxed|fbox)\s*\{([\s\S]*)\}$/, (m, inner: string) => (balanced(inner) ? inner : m))
      // a number written as text (`\text{8 inches}`, `\text{1,234}`) is that number; other text stays text
      .replace(/^\\(?:text|textrm|mathrm)\s*\{\s*([-+]?\d[^{}\\]*)\}$/, '$1')
      .trim();
    if (s === before) break;
  }
  // A derivation: keep what follows the last implication arrow
  const arrow = /\\(?:Rightarrow|implies|Longrightarrow|therefore)|=>/g;
  let last = -1;
  for (let m = arrow.exec(s); m; m = arrow.exec(s)) last = m.index + m[0].length;
  if (last > 0 && last < s.length) s = s.slice(last).trim();
  return s;
}

function balanced(s: string): boolean {
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') d++;
    else if (s[i] === '}' && --d < 0) return false;
  }
  return d === 0;
}

/**
 * All readings of an extracted answer string, most natural first. Never throws: an answer that
 * is not math becomes a text reading.
 */
export function readAnswer(raw: string): Answer[] {
  // over the cap an answer has no reading (so it equals nothing): reading it is not bounded
  if (raw.length > MAX_ANSWER_CHARS) return [];
  const s = stripAnswer(raw);
  if (s === '') return [];
  // `6.02 x 10^23`: scientific notation written with a letter x
  const cleaned = cleanLatex(s).replace(SCI_X_RE, '$1 \\times 10^');
  // a whole answer that is one number with thousands separators: 7,425,000 / 1 000 / 1,000.5
  if (/^-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(cleaned) || /^-?[1-9]\d{0,2}(?: \d{3})+(?:\.\d+)?$/.test(cleaned)) {
    return [numberAnswer(cleaned.replace(/[, ]/g, ''))];
  }
  const readings: Answer[] = [];
  // `1 km`, `30 m/s`: read as `1 \text{ km}` first
  const units = plainUnitForm(cleaned);
  if (units) {
    try {
      // a one-letter name (`3 m`) may be a variable: that reading only meets another quantity
      // (a compound unit set apart by a space, `30 m/s`, `9.8 m/s^2`, is no product of variables)
      const unit = units.slice(units.indexOf('{'));
      const ambiguous = /(?:^|[^A-Za-zµμ])[A-Za-zµμ](?![A-Za-zµμ])/.test(unit) && !(/\d\s/.test(cleaned) && /[/^]/.test(unit));
      for (const a of toAnswers(parseMath(units))) readings.push(ambiguous && a.k === 'expr' ? { ...a, unitOnly: true } : a);
    } catch (err) {
      if (!(err instanceof ParseError) && !(err instanceof RangeError)) throw err;
    }
  }
  const words = wordsReading(cleaned);
  if (words) readings.push(words);
  // a short word may also be a product of variables (`abc`); longer words and number words are not
  if (!words || (words.k === 'text' && /^[a-z]{1,3}$|\d/.test(words.s))) {
    try {
      const node = parseMath(cleaned);
      for (const a of toAnswers(node)) readings.push(a);
    } catch (err) {
      if (!(err instanceof ParseError) && !(err instanceof RangeError)) throw err;
    }
  }
  // decimal comma: 1,22 / 0,111 / 1000,99 is also a decimal (after the list it looks like)
  if (/^-?\d+,\d+$/.test(cleaned)) readings.push(numberAnswer(cleaned.replace(',', '.')));
  if (readings.length === 0) {
    const t = normalizeText(s);
    if (t) readings.push({ k: 'text', s: t });
  }
  const seen = new Set<string>();
  return readings.filter((r) => {
    const key = `${r.k}:${showAnswer(r)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function numberAnswer(lit: string): Answer {
  const v = parseDecimal(lit)!;
  return { k: 'expr', n: num(v, lit.includes('.'), false) };
}

/**
 * Text answers: a phrase of words (no digits, no math commands) such as `Paris`, `No solution`,
 * `\text{Evelyn}`; number words (`three`, `3 million`) become numbers.
 */
function wordsReading(cleaned: string): Answer | undefined {
  const plain = cleaned.replace(/\\text\s*\{([^{}]*)\}/g, ' $1 ').trim();
  const n = parseNumberWords(plain);
  if (n !== undefined && /[a-z]/i.test(plain)) return { k: 'expr', n: num(ratInt(n)) };
  if (/\\(?!text)|[=<>^_+*/|]/.test(plain)) return undefined;
  // a phrase with numbers is text only when it has a real word ("Apollo 11"), not units ("5 cm")
  if (/\d/.test(plain) && nonMathWords(plain).filter((w) => parseNumberWords(w) === undefined).length === 0) return undefined;
  const letters = plain.replace(/[^A-Za-z\u00c0-\u024f]/g, '');
  // single letters and two-letter products stay math (`x`, `E`, `xy`); phrases and words are text
  if (letters.length < 3 && !/\s/.test(plain.trim())) return undefined;
  const t = normalizeText(plain);
  return t ? { k: 'text', s: t } : undefined;
}

// ---- normalization of parsed trees -----------------------------------------------------------

/** Turn a parsed tree into answers (± expanded; several readings only for ± and lists). */
export function toAnswers(node: Node): Answer[] {
  return [toAnswer(node)];
}

function toAnswer(node: Node): Answer {
  switch (node.k) {
    case 'rel': return relAnswer(node.ops, node.parts);
    case 'list': return listAnswer(node.items.map(toAnswer), node.semi);
    case 'tuple': return { k: 'coll', kind: 'tuple', items: node.items.map(toAnswer), angle: node.angle };
    case 'set': return { k: 'coll', kind: 'set', items: node.items.flatMap((i) => flattenPm(toAnswer(i))) };
    case 'interval': case 'union': case 'intersect': case 'setminus': case 'reals': return { k: 'region', n: node };
    case 'ratio': return { k: 'ratio', parts: node.parts };
    case 'text': {
      const n = parseNumberWords(node.s);
      return n !== undefined ? { k: 'expr', n: num(ratInt(n)) } : { k: 'text', s: normalizeText(node.s) };
    }
    case 'ellipsis': return { k: 'ellipsis' };
    default: {
      const variants = expandPm(node);
      if (variants.length === 1) return { k: 'expr', n: variants[0]! };
      return { k: 'coll', kind: 'list', items: variants.map((n) => ({ k: 'expr', n })), pm: true };
    }
  }
}

/** A `±` inside a set or list adds both values to it. */
function flattenPm(a: Answer): Answer[] {
  return a.k === 'coll' && a.pm ? a.items : [a];
}

function listAnswer(itemsIn: Answer[], semi: boolean): Answer {
  // `p=5, q=2; p=7, q=2`: each `;`-separated part is one solution, an ordered tuple
  const items = semi ? itemsIn.map((a): Answer => (a.k === 'coll' && a.kind === 'list' && !a.pm ? { k: 'coll', kind: 'tuple', items: a.items } : a)) : itemsIn;
  const flat = items.flatMap(flattenPm);
  // "n = 1, 2, 3": the values after an assignment belong to the same target
  const first = flat[0];
  if (first?.k === 'assign' && flat.slice(1).every((a) => a.k === 'expr')) {
    return { k: 'coll', kind: 'list', items: flat.map((a) => (a.k === 'assign' ? a : { k: 'assign', target: first.target, value: a })) };
  }
  return { k: 'coll', kind: 'list', items: flat };
}

/**
 * Relation chains:
 * - `a = b ≈ c`: an approximation after an exact value is dropped; `x ≈ 11` reads as `x = 11`;
 * - `x = 5 + 5 + 1 = 11`: a target (symbols only) on the left makes an assignment of the last value;
 * - `5 \times 6 = 30`, `1 = \zzz = x = 0`: a chain ending in a constant, or of three or more
 *   parts, is a computation whose answer is its last value;
 * - `x \in S` is a membership; anything else stays an equation or inequality.
 */
function relAnswer(opsIn: RelOp[], partsIn: Node[]): Answer {
  let ops = [...opsIn];
  let parts = [...partsIn];
  const approx = ops.indexOf('~');
  if (approx >= 0) {
    const head = parts.slice(0, approx + 1);
    if (approx === 0 && isTarget(parts[0]!)) ops = ops.map((o) => (o === '~' ? '=' : o));
    else if (approx > 0 || !isTarget(parts[0]!)) {
      ops = ops.slice(0, approx);
      parts = head;
    }
    if (parts.length === 1) return toAnswer(parts[0]!);
  }
  if (ops.length === 1 && ops[0] === 'in') {
    return { k: 'member', target: parts[0]!, set: toAnswer(parts[1]!) };
  }
  if (ops.every((o) => o === '=')) {
    const last = parts[parts.length - 1]!;
    if (isTarget(parts[0]!) && !isTarget(last)) {
      const value = toAnswer(last);
      return value.k === 'coll' && value.pm
        ? { k: 'coll', kind: 'list', pm: true, items: value.items.map((v) => ({ k: 'assign', target: parts[0]!, value: v })) }
        : { k: 'assign', target: parts[0]!, value };
    }
    if (parts.length >= 3 || (freeVars(last).length === 0 && freeVars(parts[0]!).length === 0)) return toAnswer(last);
  }
  return { k: 'rel', ops, parts };
}

/** Expand every `±` into its two signs (at most {@link MAX_VARIANTS} results). */
export function expandPm(node: Node): Node[] {
  if (!hasPm(node)) return [node];
  const out: Node[] = [];
  const go = (n: Node): Node[] => {
    if (n.k === 'pm') {
      const rights = go(n.right);
      const lefts = n.left ? go(n.left) : [undefined];
      const res: Node[] = [];
      for (const l of lefts) {
        for (const r of rights) {
          const plus: Node = l ? addNode(l, r) : r;
          const minus: Node = l ? addNode(l, { k: 'neg', arg: r }) : { k: 'neg', arg: r };
          res.push(...(n.mp ? [minus, plus] : [plus, minus]));
        }
      }
      return res.slice(0, MAX_VARIANTS);
    }
    const kids = childSlots(n);
    if (kids.length === 0) return [n];
    let acc: Node[][] = [[]];
    for (const k of kids) {
      const vs = go(k);
      acc = acc.flatMap((prefix) => vs.map((v) => [...prefix, v])).slice(0, MAX_VARIANTS);
    }
    return acc.map((cs) => rebuild(n, cs));
  };
  for (const v of go(node)) if (!out.some((o) => show(o) === show(v))) out.push(v);
  return out;
}

function hasPm(n: Node): boolean {
  if (n.k === 'pm') return true;
  return childSlots(n).some(hasPm);
}

function childSlots(n: Node): Node[] {
  switch (n.k) {
    case 'add': case 'mul': return n.args;
    case 'neg': case 'pct': case 'deg': case 'unit': return [n.arg];
    case 'div': return [n.num, n.den];
    case 'pow': return [n.base, n.exp];
    case 'call': case 'apply': return n.args;
    default: return [];
  }
}

function rebuild(n: Node, cs: Node[]): Node {
  switch (n.k) {
    case 'add': return { k: 'add', args: cs };
    case 'mul': return { k: 'mul', args: cs };
    case 'neg': return { k: 'neg', arg: cs[0]! };
    case 'pct': return { k: 'pct', arg: cs[0]! };
    case 'deg': return { k: 'deg', arg: cs[0]! };
    case 'unit': return { ...n, arg: cs[0]! };
    case 'div': return { k: 'div', num: cs[0]!, den: cs[1]! };
    case 'pow': return { k: 'pow', base: cs[0]!, exp: cs[1]! };
    case 'call': return { k: 'call', fn: n.fn, args: cs };
    case 'apply': return { k: 'apply', name: n.name, args: cs };
    default: return n;
  }
}

/** A short readable form of an answer (for `extracted` and debugging). */
export function showAnswer(a: Answer): string {
  switch (a.k) {
    case 'expr': return show(a.n);
    case 'assign': return `${show(a.target)} = ${showAnswer(a.value)}`;
    case 'member': return `${show(a.target)} ∈ ${showAnswer(a.set)}`;
    case 'rel': return show({ k: 'rel', ops: a.ops, parts: a.parts });
    case 'coll': {
      const inner = a.items.map(showAnswer).join(', ');
      return a.kind === 'tuple' ? `(${inner})` : a.kind === 'set' ? `{${inner}}` : inner;
    }
    case 'region': return show(a.n);
    case 'ratio': return a.parts.map(show).join(':');
    case 'text': return a.s;
    case 'ellipsis': return '...';
  }
}
