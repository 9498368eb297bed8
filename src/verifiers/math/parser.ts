/**
 * Recursive-descent parser from LaTeX / plain-text math tokens to a {@link Node} tree.
 *
 * Precedence, lowest first: `;` lists, `,`/and/or lists, relations (`= < \le \in ...`), ratios
 * (`:`), set operations (`\cup \cap \setminus`), `+ - \pm`, products (`\cdot \times / \div` and
 * juxtaposition), unary signs, powers, postfix `! % °`, primaries.
 */
import { type Node, type RelOp, addNode, mulNode, sym } from './ast.js';
import { ParseError, cleanLatex, tokenize, type Token } from './lexer.js';
import { describe, tokText } from './parser-base.js';
import { PrimaryParser } from './primaries.js';
import { physicalUnit } from './unit-names.js';
import { FUNCTION_WORDS, UNIT_SCALES, UNIT_WORDS, isSeparatorText } from './vocabulary.js';

/** Parse a cleaned or raw answer string into a tree. Throws {@link ParseError} when it is not math. */
export function parseMath(input: string): Node {
  const p = new Parser(tokenize(cleanLatex(input)));
  return p.parseAll();
}

/** Parse tokens already produced by {@link tokenize} (cells of matrices, sub-parses). */
export function parseTokens(tokens: Token[]): Node {
  return new Parser(tokens).parseAll();
}

const REL_CMDS: Record<string, RelOp> = {
  le: '<=', leq: '<=', leqslant: '<=', ge: '>=', geq: '>=', geqslant: '>=', lt: '<', gt: '>', ne: '!=', neq: '!=',
  approx: '~', simeq: '~', sim: '~', thickapprox: '~', equiv: '=', in: 'in', coloneqq: '=', eqsim: '~', cong: '=',
};
const REL_OPS: Record<string, RelOp> = { '=': '=', '<': '<', '>': '>', '<=': '<=', '>=': '>=', '!=': '!=' };

/** The operator layer: lists, relations, ratios, set operations, sums, products, powers. */
class Parser extends PrimaryParser {
  parseAll(): Node {
    if (this.toks.length === 0) throw new ParseError('empty answer');
    const n = this.semiList();
    if (this.i < this.toks.length) throw new ParseError(`unexpected ${describe(this.toks[this.i]!)}`);
    return n;
  }

  protected parseCell(source: string): Node {
    return parseMath(source);
  }

  // ---- lists and relations --------------------------------------------------------------
  protected semiList(): Node {
    const items = [this.commaList()];
    while (this.isOp(';')) {
      this.i++;
      if (this.atListEnd()) break;
      items.push(this.commaList());
    }
    return items.length === 1 ? items[0]! : { k: 'list', items, semi: true };
  }

  protected isSeparator(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.t === 'op' && t.s === ',') return true;
    if (t.t === 'id' && (t.s === 'and' || t.s === 'or')) return true;
    return t.t === 'text' && isSeparatorText(t.s);
  }

  protected atListEnd(): boolean {
    const t = this.peek();
    return !t || (t.t === 'op' && [')', ']', '}', '\\}', ';'].includes(t.s)) || (t.t === 'cmd' && t.s === 'rangle');
  }

  protected commaList(): Node {
    const items: Node[] = [];
    while (this.isSeparator()) this.i++;
    items.push(this.relation());
    while (this.isSeparator()) {
      while (this.isSeparator()) this.i++;
      if (this.atListEnd()) break;
      items.push(this.relation());
    }
    return items.length === 1 ? items[0]! : { k: 'list', items, semi: false };
  }

  protected relOp(): RelOp | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.t === 'op') return REL_OPS[t.s];
    if (t.t === 'cmd') return REL_CMDS[t.s];
    return undefined;
  }

  protected relation(): Node {
    const parts = [this.ratio()];
    const ops: RelOp[] = [];
    for (let op = this.relOp(); op; op = this.relOp()) {
      this.i++;
      ops.push(op);
      parts.push(this.ratio());
    }
    return ops.length ? { k: 'rel', ops, parts } : parts[0]!;
  }

  protected ratio(): Node {
    const parts = [this.setExpr()];
    while (this.isOp(':') || this.isCmd('colon')) {
      this.i++;
      parts.push(this.setExpr());
    }
    return parts.length === 1 ? parts[0]! : { k: 'ratio', parts };
  }

  protected setExpr(): Node {
    let left = this.arith();
    for (;;) {
      if (this.isCmd('cup')) {
        this.i++;
        const right = this.arith();
        left = left.k === 'union' ? { k: 'union', args: [...left.args, right] } : { k: 'union', args: [left, right] };
      } else if (this.isCmd('cap')) {
        this.i++;
        left = { k: 'intersect', args: [left, this.arith()] };
      } else if (this.isCmd('setminus') || this.isCmd('backslash')) {
        this.i++;
        left = { k: 'setminus', a: left, b: this.arith() };
      } else return left;
    }
  }

  // ---- arithmetic ------------------------------------------------------------------------
  protected arith(): Node {
    this.enter();
    let left = this.term();
    for (;;) {
      if (this.isOp('+')) {
        this.i++;
        left = addNode(left, this.term());
      } else if (this.isOp('-')) {
        this.i++;
        left = addNode(left, { k: 'neg', arg: this.term() });
      } else if (this.isCmd('pm') || this.isCmd('mp')) {
        const mp = this.isCmd('mp');
        this.i++;
        left = { k: 'pm', left, right: this.term(), mp };
      } else break;
    }
    this.depth--;
    return left;
  }

  protected term(): Node {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if ((t.t === 'op' && t.s === '*') || (t.t === 'cmd' && (t.s === 'cdot' || t.s === 'times' || t.s === 'ast'))) {
        this.i++;
        left = mulNode(left, this.unary());
      } else if ((t.t === 'op' && t.s === '/') || (t.t === 'cmd' && t.s === 'div')) {
        this.i++;
        left = { k: 'div', num: left, den: this.unary() };
      } else if (this.startsImplicit(t)) {
        const unit = this.consumeUnit(left);
        if (unit) {
          if (typeof unit === 'object' && left.k !== 'unit') left = { k: 'unit', arg: left, ...unit };
          continue;
        }
        left = mulNode(left, this.power());
      } else break;
    }
    return left;
  }

  /** Whether a token can start a factor multiplied by juxtaposition (`2x`, `3\sqrt{2}`, `(a)(b)`). */
  protected startsImplicit(t: Token): boolean {
    switch (t.t) {
      case 'num': case 'env': return true;
      case 'id': return t.s !== 'and' && t.s !== 'or';
      case 'text': return !isSeparatorText(t.s);
      case 'cmd': return !(t.s in REL_CMDS) && !['cdot', 'times', 'div', 'pm', 'mp', 'cup', 'cap', 'setminus', 'rangle', 'rfloor', 'rceil', 'colon', 'ast', 'to', 'mid', 'rvert', 'quad', 'qquad', 'backslash'].includes(t.s);
      case 'op': return t.s === '(' || (t.s === '|' && this.absDepth === 0) || t.s === '\\{';
    }
  }

  /**
   * Units after a quantity: `\text{ cm}`, plain unit words (`cm`, `miles`), any word of three or
   * more letters written after a number with a space (`125 miles`), with a power (`cm^2`) or a
   * per-unit (`km/h`). Returns the unit when it converts: a unit of the built-in table (length,
   * mass, time, volume; see UNIT_SCALES) with its power, so that `1 km` can equal `1000 m`, or,
   * after a quantity, any physical unit mathjs knows (`5 kWh`, `60 km/h`; see unit-names.ts),
   * converted by mathjs when compared. `true` when it is only dropped (`5 apples`), `false` when
   * the next token is not a unit.
   */
  protected consumeUnit(left: Node): boolean | { unit: string; power: number } {
    const t = this.peek()!;
    let unit = false;
    let word = '';
    if (t.t === 'text') {
      unit = /[A-Za-z]/.test(t.s) && (isQuantity(left) || !/^\s*\(?[A-Za-z]\)?\s*$/.test(t.s));
      word = t.s.trim();
    } else if (t.t === 'id' && t.s.length >= 2 && isQuantity(left)) {
      const lower = t.s.toLowerCase();
      const next = this.peek(1);
      const callLike = FUNCTION_WORDS.has(lower) && next?.t === 'op' && next.s === '(';
      const mathWord = ['pi', 'inf', 'infinity', 'oo', 'infty'].includes(lower) || (FUNCTION_WORDS.has(lower) && !UNIT_WORDS.has(lower));
      unit = !callLike && !mathWord && (UNIT_WORDS.has(t.s) || UNIT_WORDS.has(lower) || (t.s.length >= 3 && t.sp));
      word = t.s;
    }
    if (!unit) return false;
    this.i++;
    let power = 1;
    let per = false;
    let raw = word;
    for (;;) {
      if (this.isOp('^') && this.peek(1)?.t === 'num') {
        power = Number(tokText(this.peek(1)!));
        raw += `^${power}`;
        this.i += 2;
      } else if (this.isOp('^') && this.isOp('{', 1) && this.peek(2)?.t === 'num' && this.isOp('}', 3)) {
        power = Number(tokText(this.peek(2)!));
        raw += `^${power}`;
        this.i += 4;
      } else if (this.isOp('/') && (this.peek(1)?.t === 'id' || this.peek(1)?.t === 'text') && isUnitToken(this.peek(1)!)) {
        per = true;
        raw += `/${tokText(this.peek(1)!).trim()}`;
        this.i += 2;
      } else if (this.peek()?.t === 'text' && /^[\s.]*$/.test(tokText(this.peek()!))) this.i++;
      else break;
    }
    const known = UNIT_SCALES.has(word) ? word : UNIT_SCALES.has(word.toLowerCase()) && word.length > 1 ? word.toLowerCase() : undefined;
    // Any whole power of a table unit stays a unit (km^1000 dropped to a bare number once equalled
    // m^1000); units.ts converts only small powers exactly.
    if (known && !per && Number.isInteger(power) && power >= 1) return { unit: known, power };
    // 100^\circ C is a temperature
    if (left.k === 'deg' && /^[CF]$/.test(raw)) raw = `deg${raw}`;
    const physical = isQuantity(left) ? physicalUnit(raw) : undefined;
    return physical ? { unit: physical, power: 1 } : true;
  }

  protected unary(): Node {
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', arg: this.unary() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    if (this.isCmd('pm') || this.isCmd('mp')) {
      const mp = this.isCmd('mp');
        this.i++;
      return { k: 'pm', right: this.unary(), mp };
    }
    return this.power();
  }

  protected power(): Node {
    this.enter();
    const base = this.postfix();
    let out = base;
    if (this.isOp('^')) {
      this.i++;
      out = this.postfixOps({ k: 'pow', base, exp: this.exponent() });
    }
    this.depth--;
    return out;
  }

  /** An exponent: a group, a parenthesised expression, a (whole) number, or a signed factor. */
  protected exponent(): Node {
    if (this.isOp('{')) return this.group('{', '}');
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', arg: this.exponent() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.exponent();
    }
    return this.postfix();
  }

  protected postfix(): Node {
    return this.postfixOps(this.primary());
  }

  protected postfixOps(node: Node): Node {
    for (;;) {
      if (this.isOp('!')) {
        this.i++;
        node = { k: 'call', fn: 'fact', args: [node] };
      } else if (this.isOp('%')) {
        this.i++;
        node = { k: 'pct', arg: node };
      } else if (this.isOp('°')) {
        this.i++;
        node = { k: 'deg', arg: node };
      } else if (this.isOp("'") || this.isCmd('prime')) {
        this.i++;
        if (node.k === 'sym') node = sym(`${node.name}'`);
      } else if (this.isOp('_') && node.k !== 'sym') {
        this.i++;
        this.subscriptTokens();
      } else return node;
    }
  }
}

/** A quantity: something that can carry a unit (no variables). */
function isQuantity(n: Node): boolean {
  switch (n.k) {
    case 'num': case 'pct': case 'deg': case 'const': case 'unit': return true;
    case 'neg': return isQuantity(n.arg);
    case 'div': return isQuantity(n.num) && isQuantity(n.den);
    case 'mul': case 'add': return n.args.every(isQuantity);
    case 'pow': return isQuantity(n.base) && isQuantity(n.exp);
    case 'call': return n.args.every(isQuantity);
    default: return false;
  }
}

function isUnitToken(t: Token): boolean {
  if (t.t === 'text') return true;
  return t.t === 'id' && (UNIT_WORDS.has(t.s) || UNIT_WORDS.has(t.s.toLowerCase()) || t.s.length === 1);
}
